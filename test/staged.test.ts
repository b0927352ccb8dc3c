// `scan --staged` reads the git index, not the working tree: a secret only in the working copy is not reported, a
// secret staged and then removed from the working copy is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'br-staged-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const GH = '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';

function repo(name: string): string {
  const dir = join(tmp, name);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
  execFileSync('git', ['init', '-q', dir]);
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  writeFileSync(join(dir, 'README.md'), '# app\n');
  git('add', 'README.md');
  git('commit', '-qm', 'init');
  return dir;
}

describe('scan --staged', () => {
  it('reports what the index holds and ignores the working copy', async () => {
    const dir = repo('a');
    writeFileSync(join(dir, 'deploy.yml'), `name: d\non: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: ${GH}\n    steps:\n      - run: echo\n`);
    execFileSync('git', ['add', 'deploy.yml'], { cwd: dir });
    writeFileSync(join(dir, 'deploy.yml'), 'name: d\n'); // cleaned in the working copy, still staged
    writeFileSync(join(dir, 'notes.js'), `const t = "${GH.replace('ghp_R', 'ghp_Q')}";\n`); // untracked, not staged
    const r = await runCli(['scan', dir, '--staged', '--format', 'json', '--fail-on', 'medium']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; locations?: Array<{ path: string }> }>; credentials: Array<{ locations: Array<{ path: string; startLine: number }> }> };
    expect(report.credentials.flatMap((c) => c.locations.map((l) => `${l.path}:${l.startLine}`))).toEqual(['deploy.yml:7']);
    expect(r.stdout).not.toContain(GH.slice(8));
  });
  it('exits 0 when nothing is staged', async () => {
    const r = await runCli(['scan', repo('b'), '--staged', '-q']);
    expect(r.code).toBe(0);
  });
  it('outside a git repository, and combined with --diff-base, is a usage error', async () => {
    const plain = join(tmp, 'plain');
    execFileSync('mkdir', ['-p', plain]);
    const r = await runCli(['scan', plain, '--staged'], { GIT_CEILING_DIRECTORIES: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^blastradius: --staged: .* is not in a git repository \(fatal: not a git repository/);
    const both = await runCli(['scan', repo('c'), '--staged', '--diff-base', 'HEAD']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('blastradius: --staged cannot be combined with --diff-base, --history or --live\n');
  });
});
