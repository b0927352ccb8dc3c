// Bad input never ends the scan: each bad file becomes a diagnostic naming it, and everything else is still found.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDirectory, type ScanResult } from '../src/scan.js';
import { runCli } from './helpers/cli.js';

const TOKEN = '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';
let root: string;
let result: ScanResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'br-bad-'));
  const w = (p: string, c: string | Buffer) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), c);
  };
  w('good.env', `GITHUB_TOKEN=${TOKEN}\n`);
  w('blob.dat', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
  w('latin1.txt', Buffer.concat([Buffer.from('caf\xe9 \xff\xfe\n', 'latin1'), Buffer.from(`export GITHUB_TOKEN=${TOKEN}\n`)]));
  w('.github/workflows/broken.yml', 'on: [push\njobs:\n  x: {\n');
  w('.mcp.json', '{ "mcpServers": { "x": ');
  w('railway.toml', '[deploy\nstartCommand = ');
  w('infra/main.tf', 'resource "aws_db_instance" "x" {\n  deletion_protection = \n');
  w('big.log', Buffer.alloc(6 * 1024 * 1024, 0x61));
  symlinkSync('loop-b', join(root, 'loop-a'));
  symlinkSync('loop-a', join(root, 'loop-b'));
  symlinkSync('/etc/passwd', join(root, 'outside'));
  execFileSync('mkfifo', [join(root, 'pipe')]);
  result = await scanDirectory(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const diag = (path: string) => result.diagnostics.filter((d) => d.path === path);

describe('bad input', () => {
  it('still finds the credential in the good file and in the invalid UTF-8 file', () => {
    const gh = result.credentials.find((c) => c.provider === 'github');
    expect(gh?.locations.map((l) => l.path).sort()).toEqual(['good.env', 'latin1.txt']);
  });

  it.each([
    ['blob.dat', 'binary'],
    ['latin1.txt', 'invalid-utf8'],
    ['big.log', 'too-large'],
    ['loop-a', 'symlink-loop'],
    ['outside', 'symlink-outside-root'],
  ])('%s → %s', (path, code) => {
    expect(diag(path).map((d) => d.code)).toContain(code);
  });

  it('never opens a FIFO (the walker lists regular files and links only), so the scan cannot hang on it', () => {
    expect(result.files.map((f) => f.path)).not.toContain('pipe');
  });

  it.each(['.github/workflows/broken.yml', '.mcp.json', 'railway.toml', 'infra/main.tf'])('unparseable %s gets a parse diagnostic', (path) => {
    const d = diag(path);
    expect(d.length, JSON.stringify(result.diagnostics)).toBeGreaterThan(0);
    expect(d[0]!.message.length).toBeGreaterThan(5);
  });

  it('reports diagnostics in every format and exits by findings, not by bad files', async () => {
    for (const format of ['json', 'sarif', 'markdown', 'table']) {
      const { code, stdout } = await runCli(['scan', root, '--format', format, '--fail-on', 'none']);
      expect(code).toBe(0);
      expect(stdout).toContain('big.log');
    }
  });
});
