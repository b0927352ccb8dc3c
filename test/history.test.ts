// Git history as a credential source: a repository is built in the test with git, then scanned with --history.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDirectory } from '../src/scan.js';
import { GitLogParser, gitLogArgs, type HistoryFile } from '../src/history/history.js';
import { main } from '../src/cli/cli.js';

// A format-valid GitHub token (checksum verified) from detectors/credentials/github.ts examples.
const TOKEN = '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';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Ada Tester',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Tester',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function commit(root: string, message: string): string {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), isTTY: false, env: {} } };
}

describe('git history', () => {
  let root: string;
  let added: string;
  let removed: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'blastradius-history-'));
    git(root, 'init', '-q', '-b', 'main');
    write(root, 'README.md', '# demo\n');
    write(root, 'scripts/release.sh', '#!/bin/sh\nset -e\n# publish a release\nexport GITHUB_TOKEN=' + TOKEN + '\ngh release create "$1"\n');
    added = commit(root, 'add release script');
    unlinkSync(join(root, 'scripts/release.sh'));
    write(root, 'scripts/release.sh', '#!/bin/sh\nset -e\ngh release create "$1"\n');
    removed = commit(root, 'remove token');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports a secret deleted at HEAD from history, with its commit', async () => {
    const result = await scanDirectory(root, { history: {} });
    const cred = result.credentials.find((c) => c.ruleId === 'github-token');
    expect(cred).toBeDefined();
    expect(cred!.locations).toHaveLength(1);
    const loc = cred!.locations[0]!;
    expect(loc).toMatchObject({ path: 'scripts/release.sh', startLine: 4, startColumn: 21 });
    expect(loc.commit).toMatchObject({ sha: added, author: 'Ada Tester <ada@example.com>', atHead: false });
    expect(Date.parse(loc.commit!.date)).not.toBeNaN();

    const finding = result.findings.find((f) => f.ruleId === 'hardcoded-credential' && f.credentialFingerprints.includes(cred!.fingerprint));
    expect(finding).toBeDefined();
    expect(finding!.message).toContain('deleted at HEAD: still leaked, rotate it');
    expect(finding!.locations[0]).toMatchObject({ path: 'scripts/release.sh', startLine: 4, commit: { sha: added, atHead: false } });
    expect(JSON.stringify(result.findings)).not.toContain(TOKEN);
    expect(removed).not.toBe(added);
  });

  it('finds nothing without --history', async () => {
    const result = await scanDirectory(root);
    expect(result.credentials.filter((c) => c.ruleId === 'github-token')).toHaveLength(0);
  });

  it('merges history and working-tree locations of one value into one credential', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'blastradius-history-'));
    try {
      git(repo, 'init', '-q', '-b', 'main');
      write(repo, 'deploy.env', `GITHUB_TOKEN=${TOKEN}\n`);
      const first = commit(repo, 'add env');
      write(repo, 'deploy.env', `# deploy settings\nREGION=eu\nGITHUB_TOKEN=${TOKEN}\n`);
      commit(repo, 'move token down');
      const result = await scanDirectory(repo, { history: {} });
      const creds = result.credentials.filter((c) => c.ruleId === 'github-token');
      expect(creds).toHaveLength(1);
      const locs = creds[0]!.locations;
      // Working tree line 3, history: line 1 in the first commit. The second commit only added lines 1-2 (git's diff
      // keeps the token line as unchanged), so it holds no new location.
      expect(locs.filter((l) => !l.commit).map((l) => l.startLine)).toEqual([3]);
      expect(locs.filter((l) => l.commit).map((l) => [l.commit!.sha, l.startLine, l.commit!.atHead])).toEqual([[first, 1, true]]);
      const finding = result.findings.find((f) => f.ruleId === 'hardcoded-credential');
      expect(finding!.message).not.toContain('deleted at HEAD');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('limits history with --since and --branch', async () => {
    const since = await scanDirectory(root, { history: { since: added } });
    expect(since.credentials.filter((c) => c.ruleId === 'github-token')).toHaveLength(0);
    const branch = await scanDirectory(root, { history: { branch: 'main' } });
    expect(branch.credentials.filter((c) => c.ruleId === 'github-token')).toHaveLength(1);
  });

  it('CLI: --history reports the leak; an unknown ref is a usage error (exit 2)', async () => {
    const a = io();
    const code = await main(['scan', root, '--history', '--format', 'json', '--fail-on', 'none'], a.io);
    expect(code).toBe(0);
    const report = JSON.parse(a.out.stdout) as { credentials: Array<{ ruleId: string; locations: Array<{ commit?: { sha: string } }> }> };
    expect(report.credentials.find((c) => c.ruleId === 'github-token')?.locations[0]?.commit?.sha).toBe(added);
    expect(a.out.stdout).not.toContain(TOKEN);

    const b = io();
    expect(await main(['scan', root, '--since', 'no-such-ref'], b.io)).toBe(2);
    expect(b.out.stderr).toBe('blastradius: --since no-such-ref: not a commit in this repository\n');

    const notRepo = mkdtempSync(join(tmpdir(), 'blastradius-norepo-'));
    try {
      const c = io();
      expect(await main(['scan', notRepo, '--history'], c.io)).toBe(2);
      expect(c.out.stderr).toContain('--history needs a git repository');
    } finally {
      rmSync(notRepo, { recursive: true, force: true });
    }
  });
});

describe('GitLogParser', () => {
  const header = (sha: string) => `\x1eblastradius-commit\x1f${sha}\x1f2024-05-01T10:00:00+02:00\x1fAda <ada@example.com>`;

  function parse(lines: string[]): HistoryFile[] {
    const p = new GitLogParser();
    const out: HistoryFile[] = [];
    for (const l of lines) {
      const f = p.push(l);
      if (f) out.push(f);
    }
    const last = p.end();
    if (last) out.push(last);
    return out;
  }

  it('maps added lines to their line in the commit through hunk headers', () => {
    const files = parse([
      header('a'.repeat(40)),
      '',
      'diff --git a/src/app.ts b/src/app.ts',
      'index 111..222 100644',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -3,0 +4,2 @@ function main() {',
      '+const a = 1;',
      '+const b = 2;',
      '@@ -10 +12 @@',
      '-old',
      '+++ not a header: content that starts with ++',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      header('b'.repeat(40)),
      '',
      'diff --git "a/we\\"ird name.txt" "b/we\\"ird name.txt"',
      '--- /dev/null',
      '+++ "b/we\\"ird n\\303\\244me.txt"',
      '@@ -0,0 +1 @@',
      '+hello',
    ]);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatchObject({ path: 'src/app.ts', text: 'const a = 1;\nconst b = 2;\n++ not a header: content that starts with ++', lineMap: [4, 5, 12] });
    expect(files[0]!.commit).toEqual({ sha: 'a'.repeat(40), date: '2024-05-01T10:00:00+02:00', author: 'Ada <ada@example.com>' });
    expect(files[1]).toMatchObject({ path: 'we"ird näme.txt', text: 'hello', lineMap: [1] });
  });

  it('asks git for every ref, one branch, or commits after a ref', () => {
    expect(gitLogArgs({})).toContain('--all');
    expect(gitLogArgs({ branch: 'dev', since: 'v1' }).slice(-4)).toEqual(['dev', '--not', 'v1', '--']);
  });
});
