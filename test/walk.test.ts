// The walker on its own: how .gitignore files down the tree combine, what `ignorePaths` removes, that the root can be
// spelled any way, and which folders it reports as unreadable (and that nothing inside those is reported).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/core/types.js';
import { listFiles, walk, type WalkEntry, type WalkOptions } from '../src/pipeline/walk.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'br-walk-'));
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = join(tmp, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const OPTIONS: WalkOptions = { maxFileSize: 1024 * 1024 };
/** Path → git status of every entry (the temp folder is not in a git work tree, so 'no-git' means "not ignored"). */
const statuses = (root: string, options: Partial<WalkOptions> = {}) =>
  Object.fromEntries(walk(root, { ...OPTIONS, ...options }).entries.map((e) => [e.path, e.gitStatus]));

describe('.gitignore files down the tree', () => {
  it('each applies relative to its own folder; an ignored folder keeps only its secret-bearing files, however deep', () => {
    const root = tree('chain', {
      '.gitignore': 'dist/\n*.log\n/rootonly.txt\n',
      'rootonly.txt': '',
      'z/rootonly.txt': '',
      'x.log': '',
      'dist/app.js': '',
      'dist/.env': 'A=1\n',
      'dist/inner/.gitignore': '!*.env\n!app2.js\n',
      'dist/inner/app2.js': '',
      'dist/inner/prod.tfvars': '',
      'a/.gitignore': 'b/\n/d\n*.txt\n!keep.txt\n',
      'a/keep.txt': '',
      'a/other.txt': '',
      'a/b/.env': 'A=1\n',
      'a/b/main.tf': '',
      'a/d/.env.local': '',
      'a/c/d/.env.local': '',
      'a/c/d/main.tf': '',
      'a/c/.gitignore': 'secrets.yaml\n',
      'a/c/secrets.yaml': '',
      'a/c/e/secrets.yaml': '',
      'a/c/e/x.log': '',
    });
    expect(statuses(root)).toEqual({
      '.gitignore': 'no-git',
      'a/.gitignore': 'no-git',
      'a/b/.env': 'ignored-but-present',
      'a/c/.gitignore': 'no-git',
      'a/c/d/.env.local': 'no-git', // `/d` in a/.gitignore is a/d only
      'a/c/d/main.tf': 'no-git',
      'a/c/e/secrets.yaml': 'ignored-but-present', // a/c/.gitignore applies below a/c too
      'a/c/secrets.yaml': 'ignored-but-present',
      'a/d/.env.local': 'ignored-but-present',
      'a/keep.txt': 'no-git',
      'z/rootonly.txt': 'no-git', // `/rootonly.txt` is anchored to the root's folder
      'dist/.env': 'ignored-but-present',
      'dist/inner/prod.tfvars': 'ignored-but-present', // a .gitignore inside an ignored folder cannot un-ignore it
    });
  });

  it('a negation re-includes within its own .gitignore; in a child folder it does not undo what a parent ignored', () => {
    // The rule is "any .gitignore on the way that ignores the path wins" — git itself would let a/.gitignore re-include
    // a/keep.env and a/x.log. Pinned here so that a faster walk keeps the same answer; changing it is a separate decision.
    const root = tree('negation', {
      '.gitignore': '*.env\n!keep.env\n*.log\n',
      'keep.env': '',
      'drop.env': '',
      'a/.gitignore': '!keep.env\n!x.log\n!other.env\n',
      'a/keep.env': '',
      'a/other.env': '',
      'a/x.log': '',
    });
    expect(statuses(root)).toEqual({
      '.gitignore': 'no-git',
      'keep.env': 'no-git',
      'drop.env': 'ignored-but-present',
      'a/.gitignore': 'no-git',
      'a/keep.env': 'no-git', // root's own `!keep.env` matches at any depth
      'a/other.env': 'ignored-but-present',
    });
  });

  it('a .gitignore that is a folder, a dangling link or a link to a file: only the last one is read', () => {
    const root = tree('odd-gitignores', {
      'dir/.gitignore/inside.env': '',
      'dir/x.env': '',
      'broken/x.env': '',
      'linked/rules': '*.env\n',
      'linked/x.env': '',
      'linked/sub/y.env': '',
    });
    symlinkSync('nowhere', join(root, 'broken/.gitignore'));
    symlinkSync('rules', join(root, 'linked/.gitignore'));
    const s = statuses(root);
    expect(s['dir/x.env']).toBe('no-git');
    expect(s['dir/.gitignore/inside.env']).toBe('no-git');
    expect(s['broken/x.env']).toBe('no-git');
    expect(s['linked/x.env']).toBe('ignored-but-present');
    expect(s['linked/sub/y.env']).toBe('ignored-but-present');
  });
});

describe('ignorePaths', () => {
  const root = tree('ignore-paths', {
    '.gitignore': 'build/\n',
    'docs/a.md': '',
    'docs/keep.md': '',
    'docs/.env': '',
    'notes.md': '',
    'build/.env': '',
    'build/x.js': '',
    'main.tf': '',
  });

  it('a folder pattern removes the folder, secrets and all; a file pattern removes the file, gitignored or not', () => {
    expect(statuses(root, { ignorePaths: ['docs/', '*.md', '.env'] })).toEqual({ '.gitignore': 'no-git', 'main.tf': 'no-git' });
  });

  it('no patterns, an empty list and a list of comments all remove nothing', () => {
    const none = statuses(root);
    expect(Object.keys(none)).toHaveLength(7);
    expect(statuses(root, { ignorePaths: [] })).toEqual(none);
    expect(statuses(root, { ignorePaths: ['# nothing', ''] })).toEqual(none);
  });
});

describe('the root, spelled any way', () => {
  it('a trailing slash, a relative path and a symbolic link to the folder give the same entries', () => {
    const root = tree('spelling', { 'a/b/.env': 'A=1\n', 'x.tf': '', 'a/c.yml': '' });
    symlinkSync(root, join(tmp, 'spelling-link'));
    const plain = walk(root, OPTIONS);
    expect(plain.entries.map((e) => e.path)).toEqual(['a/b/.env', 'a/c.yml', 'x.tf']);
    for (const other of [root + '/', relative(process.cwd(), root), join(tmp, 'spelling-link'), join(tmp, 'spelling-link') + '/']) {
      expect(walk(other, OPTIONS)).toEqual(plain);
    }
  });
});

describe('names that start with dots', () => {
  it('files and folders named `..x` are inside the root and are listed', () => {
    const root = tree('dots', { '..hidden.env': 'A=1\n', '..cfg/.env': 'B=2\n', '...': '', '.a/b.tf': '' });
    expect(Object.keys(statuses(root))).toEqual(['...', '..cfg/.env', '..hidden.env', '.a/b.tf']);
  });
});

describe('unreadable folders', () => {
  // Root reads through any permission, so when root the walk runs as `nobody` (uid 65534); when not root, the modes
  // already bind this process. Modes are the same for owner and others so that either way they apply.
  const asRoot = process.getuid?.() === 0;
  const run = (root: string): { entries: WalkEntry[]; diagnostics: Diagnostic[] } => {
    if (!asRoot) return walk(root, OPTIONS);
    const code = `const { walk } = await import(${JSON.stringify(join(ROOT, 'src/pipeline/walk.ts'))}); process.stdout.write(JSON.stringify(walk(process.env.WALK_ROOT, { maxFileSize: 1048576 })));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: tmpdir(), WALK_ROOT: root },
      uid: 65534,
      gid: 65534,
    });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { entries: WalkEntry[]; diagnostics: Diagnostic[] };
  };

  it('every shape is one diagnostic naming the folder, nothing below it is reported, and readable folders are untouched', () => {
    const root = tree('unreadable', {
      'ok.env': '',
      'locked/inner.env': '',
      'list-only/inner.env': '',
      'list-only/sub/deeper.env': '',
      'search-only/inner.env': '',
      'read-and-search/a.env': '',
      'binaries-only/a.png': '',
      '.gitignore': 'ignored/\n',
      'ignored/list-only/plain.txt': '',
      'ignored/fine/plain.txt': '',
      'deep/er/locked/x.tf': '',
      'deep/er/fine.tf': '',
    });
    mkdirSync(join(root, 'locked-empty'));
    mkdirSync(join(root, 'list-only-empty'));
    // A name that is not UTF-8 inside a folder that cannot be searched: the crawl never gets to say so.
    mkdirSync(Buffer.concat([Buffer.from(join(root, 'list-only') + '/bad-'), Buffer.from([0xc0])]));
    symlinkSync('missing', join(root, 'broken.env'));
    const modes: Array<[string, number]> = [
      ['locked', 0o000],
      ['locked-empty', 0o000],
      ['list-only', 0o444],
      ['list-only-empty', 0o444],
      ['search-only', 0o111],
      ['read-and-search', 0o555],
      ['binaries-only', 0o444],
      ['ignored/list-only', 0o444],
      ['deep/er/locked', 0o000],
    ];
    try {
      for (const [p, m] of modes) chmodSync(join(root, p), m);
      const { entries, diagnostics } = run(root);
      expect(entries.map((e) => e.path)).toEqual(['.gitignore', 'deep/er/fine.tf', 'ok.env', 'read-and-search/a.env']);
      const folderDiagnostics = diagnostics.filter((d) => d.code === 'unreadable');
      expect(folderDiagnostics.map((d) => d.path).sort()).toEqual(
        ['binaries-only', 'deep/er/locked', 'ignored/list-only', 'list-only', 'list-only-empty', 'locked', 'locked-empty', 'search-only'].sort(),
      );
      for (const d of folderDiagnostics) expect(d.message).toBe('skipped: folder cannot be read (EACCES)');
      // Folders first, in the order the crawl met them; then the files, in the order they were listed.
      expect(diagnostics.slice(folderDiagnostics.length)).toEqual([
        { path: 'broken.env', code: 'broken-symlink', message: 'skipped: symbolic link target cannot be resolved (ENOENT)' },
      ]);
    } finally {
      for (const [p] of modes) chmodSync(join(root, p), 0o755);
    }
  });
});

describe('diagnostics', () => {
  it('asked again once the entries have ended, gives the same answer (the folders are let go after the first)', () => {
    const root = tree('asked-twice', { 'big.env': 'x'.repeat(2048), 'ok.env': '' });
    symlinkSync('missing', join(root, 'broken.env'));
    const listing = listFiles(root, { ...OPTIONS, maxFileSize: 1024 });
    expect([...listing.entries()].map((e) => e.path)).toEqual(['ok.env']);
    const first = listing.diagnostics();
    expect(first.map((d) => `${d.path} ${d.code}`)).toEqual(['big.env too-large', 'broken.env broken-symlink']);
    expect(listing.diagnostics()).toEqual(first);
  });
});

describe('early', () => {
  it('is called once, during the crawl, when the listing reaches its count, and never for a count it does not reach', () => {
    const root = tree('early', { 'a.ts': '', 'b/c.ts': '', 'b/d.yml': '', 'e.png': '', 'f.env': '' });
    let calls = 0;
    const listing = listFiles(root, { ...OPTIONS, early: { files: 3, then: () => calls++ } });
    expect(calls).toBe(1);
    expect(listing.listed).toBe(4); // the .png is not listed
    let never = 0;
    listFiles(root, { ...OPTIONS, early: { files: 5, then: () => never++ } });
    expect(never).toBe(0);
  });
});
