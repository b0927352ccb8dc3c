// The command line: exit codes, usage and configuration errors with exact messages, rules listing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { pipeWriter } from '../src/cli/cli.js';
import { runCli } from './helpers/cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'br-cli-'));
  made.push(dir);
  for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
  return dir;
}

describe('cli', () => {
  it('--version prints the version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--help lists the commands', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scan');
    expect(r.stdout).toContain('rules');
  });

  it('an unknown flag exits 2 with a one-line reason', async () => {
    const r = await runCli(['scan', '.', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('a bad --format value exits 2 and names the choices', async () => {
    const r = await runCli(['scan', '.', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected one of table, json, sarif, markdown');
  });

  it('a missing folder exits 2', async () => {
    const r = await runCli(['scan', 'does/not/exist']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('blastradius: does/not/exist: no such folder\n');
  });

  it('a config with an unknown key exits 2 naming file, line and key', async () => {
    const dir = repoWith({ '.blastradius.yml': 'maxFileSize: 100\nfailOn: high\nbogus: 1\n' });
    const r = await runCli(['scan', dir, '--config', join(dir, '.blastradius.yml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`blastradius: ${join(dir, '.blastradius.yml')}:3: bogus: unknown key; expected one of the keys in schema/config.schema.json\n`);
  });

  it('a config with a wrong value exits 2 naming the allowed values', async () => {
    const dir = repoWith({ '.blastradius.yml': 'environments:\n  "deploy/**": prod\n' });
    const r = await runCli(['scan', dir, '--config', join(dir, '.blastradius.yml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':2: environments.deploy/**: expected one of "production", "staging", "development", "test", "unknown"');
  });

  it('invalid YAML in the config exits 2 with the line', async () => {
    const dir = repoWith({ '.blastradius.yml': 'rules:\n  disable: [a, b\n' });
    const r = await runCli(['scan', dir, '--config', join(dir, '.blastradius.yml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.blastradius\.yml:\d+: invalid YAML: /);
  });

  it('the config mapping overrides inferred environments', async () => {
    const dir = repoWith({
      'deploy.env': 'GITHUB_TOKEN=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\n',
      '.blastradius.yml': 'environments:\n  "deploy.env": production\n',
    });
    const r = await runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
    const json = JSON.parse(r.stdout);
    expect(json.credentials[0].environments).toEqual(['production']);
  });

  it('--fail-on decides the exit code', async () => {
    const dir = repoWith({ 'release.sh': 'export GITHUB_TOKEN=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\n' });
    expect((await runCli(['scan', dir, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['scan', dir, '--fail-on', 'low'])).code).toBe(1);
  });

  it('rules lists detectors and prints one rule\'s help', async () => {
    const list = await runCli(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('token-purpose-mismatch');
    const one = await runCli(['rules', 'token-purpose-mismatch']);
    expect(one.stdout).toContain('### How to fix');
    const bad = await runCli(['rules', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('blastradius: unknown rule "nope"; run `blastradius rules` for the list\n');
  });

  it('a reader that stops early (| head) ends the output quietly, with the run\'s own exit code', async () => {
    const bin = join(import.meta.dirname, '..', 'dist', 'cli', 'blastradius.js');
    // fixtures/accuracy's JSON report (~300 KB) is larger than a pipe holds: the writes after the reader has gone fail.
    for (const [args, code] of [
      [['--fail-on', 'none'], 0],
      [['--fail-on', 'low'], 1],
    ] as const) {
      const child = spawn(process.execPath, [bin, 'scan', 'fixtures/accuracy', '-f', 'json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const exit = await new Promise<number | null>((res) => child.on('close', res));
      expect(stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
      expect(stderr).toMatch(/^blastradius: \d+ finding\(s\)/);
      expect(exit).toBe(code);
    }
  });

  it('pipeWriter drops what follows a closed pipe, and lets any other stream error through', () => {
    const stream = new PassThrough();
    const seen: string[] = [];
    stream.on('data', (d: Buffer) => seen.push(d.toString()));
    const write = pipeWriter(stream);
    write('one');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    write('two');
    expect(seen).toEqual(['one']);
    expect(() => stream.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }))).toThrow('write EIO');
  });

  it('a report path that cannot be written is a usage error, before the scan', async () => {
    const dir = repoWith({ 'release.sh': 'export GITHUB_TOKEN=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\n' });
    const missing = join(dir, 'no', 'such', 'report.json');
    const scan = await runCli(['scan', dir, '-o', missing]);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toBe(`blastradius: ${missing}: cannot write the report: no such folder ${join(dir, 'no', 'such')}\n`);
    const folder = await runCli(['scan', dir, '-f', 'json', '-o', dir]);
    expect(folder.stderr).toBe(`blastradius: ${dir}: cannot write the report: it is a folder\n`);
    const baseline = await runCli(['baseline', dir, '-o', missing]);
    expect([baseline.code, baseline.stderr]).toEqual([2, `blastradius: ${missing}: cannot write the report: no such folder ${join(dir, 'no', 'such')}\n`]);
  });
});
