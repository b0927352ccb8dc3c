// Stage 1: the files a person or an agent in this checkout can read — tracked, untracked, and files .gitignore hides
// that can hold secrets (an agent reads those too). fdir lists, `ignore` applies .gitignore semantics, git (when
// present) says which files are tracked. Symlinks are never followed out of the root.
import { execFileSync } from 'node:child_process';
import { accessSync, constants as fsConstants, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fdir } from 'fdir';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic, GitStatus } from './types.js';
import { fileKind } from './classify.js';

export interface WalkEntry {
  /** Repository-relative, forward slashes. */
  path: string;
  /** What to open: the file itself, or a symbolic link's target inside the root; raw bytes when the name is not UTF-8. */
  absPath: string | Buffer;
  size: number;
  gitStatus: GitStatus;
}

export interface WalkOptions {
  maxFileSize: number;
  /** Extra gitignore-style patterns not to scan at all (config `ignorePaths`). */
  ignorePaths?: string[];
}

/** Folders nobody edits and that would swamp the scan: dependencies, caches, build tool state. */
const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  '.venv',
  'venv',
  '__pycache__',
  '.terraform',
  '.yarn',
  '.pnpm-store',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.gradle',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  'Pods',
]);

/** Extensions whose content is never text worth scanning. */
const BINARY_EXT =
  /\.(?:png|jpe?g|gif|bmp|ico|webp|avif|tiff?|psd|mp[34]|m4a|wav|ogg|flac|webm|mov|avi|mkv|woff2?|ttf|otf|eot|zip|gz|tgz|bz2|xz|zst|7z|rar|jar|war|ear|class|so|dylib|dll|exe|o|a|lib|bin|wasm|pyc|pyo|pdf|sqlite3?|db|parquet|avro|orc|iso|dmg|img|onnx|pt|safetensors|npy|npz|h5)$/i;

/** Files that a .gitignore may hide but that hold secrets an agent in the checkout can still read. */
export function isSecretBearing(path: string): boolean {
  const kind = fileKind(path);
  if (kind === 'env' || kind === 'credential-file' || kind === 'agent') return true;
  return /\.tfvars(?:\.json)?$|(?:^|\/)terraform\.tfstate(?:\.backup)?$|(?:^|\/)secrets?\.(?:ya?ml|json|toml)$/i.test(path);
}

export function walk(root: string, options: WalkOptions): { entries: WalkEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rootReal = realpathSync(root);
  const tracked = gitTrackedFiles(root);
  const gitignores = new Map<string, Ignore>();
  const extraIgnore = ignore().add(options.ignorePaths ?? []);

  const ignoredBy = (rel: string, isDir: boolean): boolean => {
    const probe = isDir ? rel + '/' : rel;
    if (extraIgnore.ignores(probe)) return true;
    // Apply every .gitignore from the root down to the file's folder, each relative to its own folder.
    const parts = rel.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      const ig = loadGitignore(rootReal, dir, gitignores);
      if (!ig) continue;
      const sub = parts.slice(i).join('/') + (isDir ? '/' : '');
      if (sub && ig.ignores(sub)) return true;
    }
    return false;
  };

  const relOf = (abs: string): string => relative(rootReal, abs).split(sep).join('/');
  const ignoredDirs = new Set<string>();

  const paths = new fdir()
    .withFullPaths()
    .exclude((name, dirPath) => {
      if (SKIP_DIRS.has(name)) return true;
      const rel = relOf(dirPath.replace(/[\\/]$/, ''));
      if (rel && extraIgnore.ignores(rel + '/')) return true;
      // fdir skips folders it cannot read without a word: say so (a name that is not UTF-8 cannot be opened at all).
      const problem = name.includes('\uFFFD') ? 'ENAME' : unreadableDir(dirPath);
      if (problem) {
        diagnostics.push({
          path: rel,
          code: 'unreadable',
          message: problem === 'ENAME' ? 'skipped: folder name is not valid UTF-8; its files were not scanned' : `skipped: folder cannot be read (${problem})`,
        });
        return true;
      }
      // Descend into gitignored folders (they may hold .env files) but remember they are ignored.
      const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
      if (ignoredDirs.has(parent) || (rel && ignoredBy(rel, true))) ignoredDirs.add(rel);
      return false;
    })
    .filter((p) => !BINARY_EXT.test(p))
    .crawl(rootReal)
    .sync();

  const entries: WalkEntry[] = [];
  for (const abs of paths) {
    const rel = relOf(abs);
    if (!rel || rel.startsWith('..')) continue;
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    let gitStatus: GitStatus;
    if (tracked?.has(rel)) gitStatus = 'tracked';
    else if (ignoredDirs.has(dir) || ignoredBy(rel, false)) {
      if (extraIgnore.ignores(rel)) continue;
      if (!isSecretBearing(rel)) continue;
      gitStatus = 'ignored-but-present';
    } else gitStatus = tracked ? 'untracked' : 'no-git';

    const stat = fileSize(abs, rel, rootReal, diagnostics);
    if (stat === undefined) continue;
    const { size, open } = stat;
    if (size > options.maxFileSize) {
      diagnostics.push({
        path: rel,
        code: 'too-large',
        message: `skipped: ${formatBytes(size)} is over the ${formatBytes(options.maxFileSize)} size limit (maxFileSize)`,
      });
      continue;
    }
    entries.push({ path: rel, absPath: open, size, gitStatus });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, diagnostics };
}

/**
 * A name that is not valid UTF-8 reaches us decoded with U+FFFD, which no longer opens: find the raw bytes of the
 * entry in its folder (undefined when the folder is itself unreachable or two raw names decode alike).
 */
function rawName(abs: string): Buffer | undefined {
  const dir = dirname(abs);
  if (dir.includes('\uFFFD')) return undefined;
  try {
    const want = basename(abs);
    const hits = readdirSync(dir, { encoding: 'buffer' }).filter((b) => b.toString('utf8') === want);
    return hits.length === 1 ? Buffer.concat([Buffer.from(dir + sep), hits[0]!]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Size of a regular file and the path to open, following a symlink only when its target stays inside the root.
 * FIFOs, sockets and devices are never opened (fdir does not even list FIFOs; those reached otherwise get a diagnostic).
 */
function fileSize(abs: string, rel: string, rootReal: string, diagnostics: Diagnostic[]): { size: number; open: string | Buffer } | undefined {
  if (abs.includes('\uFFFD')) {
    const raw = rawName(abs);
    const st = raw ? lstatOrUndefined(raw) : undefined;
    if (raw && st?.isFile()) return { size: st.size, open: raw };
    if (!raw || !st) {
      diagnostics.push({ path: rel, code: 'unreadable', message: 'skipped: the file name is not valid UTF-8 and could not be opened' });
      return undefined;
    }
  }
  try {
    const st = lstatSync(abs);
    if (st.isFile()) return { size: st.size, open: abs };
    if (!st.isSymbolicLink()) {
      diagnostics.push({ path: rel, code: 'not-a-file', message: 'skipped: not a regular file (FIFO, socket or device)' });
      return undefined;
    }
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push({
        path: rel,
        code: code === 'ELOOP' ? 'symlink-loop' : 'broken-symlink',
        message: code === 'ELOOP' ? 'skipped: symbolic link loop' : `skipped: symbolic link target cannot be resolved (${code})`,
      });
      return undefined;
    }
    if (target !== rootReal && !target.startsWith(rootReal + sep)) {
      diagnostics.push({ path: rel, code: 'symlink-outside-root', message: 'skipped: symbolic link points outside the scanned folder' });
      return undefined;
    }
    const tst = statSync(target);
    // A link to a folder inside the root: its files are scanned where they really are.
    if (tst.isDirectory()) return undefined;
    if (!tst.isFile()) {
      diagnostics.push({ path: rel, code: 'not-a-file', message: 'skipped: symbolic link to something that is not a regular file (FIFO, socket or device)' });
      return undefined;
    }
    return { size: tst.size, open: target };
  } catch (e) {
    diagnostics.push({ path: rel, code: 'unreadable', message: `skipped: cannot stat (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    return undefined;
  }
}

function unreadableDir(dir: string): string | undefined {
  try {
    accessSync(dir, fsConstants.R_OK | fsConstants.X_OK);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'error';
  }
}

function lstatOrUndefined(p: Buffer): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

function loadGitignore(root: string, dir: string, cache: Map<string, Ignore>): Ignore | undefined {
  if (cache.has(dir)) return cache.get(dir);
  let ig: Ignore | undefined;
  const file = join(root, dir, '.gitignore');
  if (existsSync(file)) {
    try {
      ig = ignore().add(readFileSync(file, 'utf8'));
    } catch {
      ig = undefined;
    }
  }
  cache.set(dir, ig as Ignore);
  return ig;
}

/** Files git tracks, or undefined when the root is not in a git work tree (or git is absent). */
function gitTrackedFiles(root: string): Set<string> | undefined {
  try {
    const prefix = execFileSync('git', ['-C', root, 'rev-parse', '--show-prefix'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const out = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--full-name'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 512 * 1024 * 1024,
    });
    const set = new Set<string>();
    for (const p of out.split('\0')) {
      if (!p) continue;
      if (prefix && !p.startsWith(prefix)) continue;
      set.add(prefix ? p.slice(prefix.length) : p);
    }
    return set;
  } catch {
    return undefined;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
