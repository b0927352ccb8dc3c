// Stage 1: the files a person or an agent in this checkout can read — tracked, untracked, and files .gitignore hides
// that can hold secrets (an agent reads those too). fdir lists, `ignore` applies .gitignore semantics, git (when
// present) says which files are tracked. Symlinks are never followed out of the root.
import { execFileSync } from 'node:child_process';
import { accessSync, constants as fsConstants, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { fdir } from 'fdir';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic, GitStatus } from '../core/types.js';
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
  /** Called once, during the crawl, when it has listed `files` files: work sized by the count can start before it ends. */
  early?: { files: number; then: () => void };
}

/** The folders, listed; their files are filtered and sized as `entries()` reaches them. */
export interface Listing {
  /** How many files the folders hold, before they are filtered and sized. */
  readonly listed: number;
  /** The files to scan, in path order. */
  entries(): Generator<WalkEntry>;
  /**
   * What could not be scanned, in path order of the files and crawl order of the folders: asked once `entries()` has
   * ended (the answer is kept, and the folders let go).
   */
  diagnostics(): Diagnostic[];
}

/**
 * Folders nobody edits and that would swamp the scan: installed dependencies, caches, build tool state. Committed
 * third-party code (Go's `vendor/`, `third_party/`) is scanned: it is in the repository, an agent in the checkout reads
 * it, and its findings are marked `vendored` at lower confidence.
 */
const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  'bower_components',
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

/** A folder fdir was asked about, in the order it reached them (a parent always before its children). */
interface Folder {
  /** Absolute, with the trailing separator fdir gives folders. */
  abs: string;
  /** Root-relative, forward slashes, no trailing slash; '' for the root. */
  rel: string;
  parent: Folder | undefined;
  /** Its name is not valid UTF-8: not entered. */
  badName: boolean;
  /** Its own .gitignore, when the crawl listed one. */
  gitignore?: Gitignore;
  /** The .gitignore files that apply to its files, root first (the parent's array when it has none of its own). */
  chain: Gitignore[];
  /** Ignored by a .gitignore above it, or inside such a folder; undefined until someone asks. */
  ignored?: boolean;
  /** A file below it was lstat'ed, so it and every folder above it could be listed and searched. */
  reached: boolean;
  /** Unreadable, or inside an unreadable folder: nothing in it is reported. */
  dropped: boolean;
}

interface Gitignore {
  file: string;
  /** Length of the folder's root-relative path plus its slash: what to cut off a path to make it relative to the folder. */
  cut: number;
  /** Loaded on first use; null when it cannot be read. */
  ig?: Ignore | null;
}

export function walk(root: string, options: WalkOptions): { entries: WalkEntry[]; diagnostics: Diagnostic[] } {
  const listing = listFiles(root, options);
  const entries = [...listing.entries()];
  return { entries, diagnostics: listing.diagnostics() };
}

/**
 * Lists the folders under `root` at once; sizing and filtering the files is left to `entries()`, so that a caller can
 * start work on the first files while the rest are reached.
 */
export function listFiles(root: string, options: WalkOptions): Listing {
  const rootReal = realpathSync(root);
  const tracked = gitTrackedFiles(root);
  const extraIgnore = options.ignorePaths?.length ? ignore().add(options.ignorePaths) : undefined;

  // fdir gives every path as the root, a separator, then the names below it: the relative path is what follows.
  const prefix = rootReal.endsWith(sep) ? rootReal : rootReal + sep;
  const toPosix = sep === '/' ? (p: string) => p : (p: string) => p.split(sep).join('/');
  const top: Folder = { abs: prefix, rel: '', parent: undefined, badName: false, chain: [], ignored: false, reached: true, dropped: false };
  const folders = new Map<string, Folder>([[prefix, top]]);
  const order: Folder[] = [];

  // A folder that could be listed was searchable all the way down, and each folder above it listed the next one: the
  // folders above it are readable (its own x bit is unknown: a folder with r and no x lists but opens nothing).
  const reachAbove = (listed: Folder): void => {
    for (let f = listed.parent; f && !f.reached; f = f.parent) f.reached = true;
  };

  let listed = 0;
  // The crawl only lists. Whether a folder can be read and what .gitignore says are settled afterwards, from the listing.
  let paths = new fdir()
    .withFullPaths()
    .exclude((name, dirPath) => {
      if (SKIP_DIRS.has(name)) return true;
      const rel = toPosix(dirPath.slice(prefix.length, -1));
      if (extraIgnore?.ignores(rel + '/')) return true;
      const parent = folders.get(dirPath.slice(0, dirPath.length - name.length - 1)) ?? top;
      const folder: Folder = { abs: dirPath, rel, parent, badName: name.includes('\uFFFD'), chain: [], reached: false, dropped: false };
      order.push(folder);
      reachAbove(parent);
      if (folder.badName) return true;
      folders.set(dirPath, folder);
      return false;
    })
    .filter((p) => {
      if (BINARY_EXT.test(p)) return false;
      if (++listed === options.early?.files) options.early.then();
      return true;
    })
    .crawl(rootReal)
    .sync();

  // Where the .gitignore files are, then each folder's chain of them (parents come first in `order`).
  const GITIGNORE = sep + '.gitignore';
  for (const abs of paths) {
    if (!abs.endsWith(GITIGNORE)) continue;
    const folder = folders.get(abs.slice(0, abs.length - GITIGNORE.length + 1));
    if (folder) folder.gitignore = { file: abs, cut: folder.rel ? folder.rel.length + 1 : 0 };
  }
  if (top.gitignore) top.chain = [top.gitignore];
  for (const f of order) f.chain = f.gitignore ? [...f.parent!.chain, f.gitignore] : f.parent!.chain;

  // Each .gitignore applies relative to its own folder; any one of them ignoring the path ignores it.
  const chainIgnores = (chain: Gitignore[], path: string): boolean => {
    for (const g of chain) {
      if (g.ig === undefined) {
        try {
          g.ig = ignore().add(readFileSync(g.file, 'utf8'));
        } catch {
          g.ig = null;
        }
      }
      if (!g.ig) continue;
      const sub = path.slice(g.cut);
      if (sub && g.ig.ignores(sub)) return true;
    }
    return false;
  };
  // A folder is ignored when its parent is, or when a .gitignore above it ignores it as a folder.
  const folderIgnored = (folder: Folder): boolean => {
    const pending: Folder[] = [];
    for (let f: Folder | undefined = folder; f && f.ignored === undefined; f = f.parent) pending.push(f);
    for (let i = pending.length - 1; i >= 0; i--) {
      const f = pending[i]!;
      f.ignored = f.parent!.ignored || chainIgnores(f.parent!.chain, f.rel + '/');
    }
    return folder.ignored!;
  };

  // Paths in the order they are reported, so that entries come out sorted as they are reached.
  let rels = paths.map((abs) => toPosix(abs.slice(prefix.length)));
  let byPath = rels.map((_, i) => i).sort((a, b) => (rels[a]! < rels[b]! ? -1 : rels[a]! > rels[b]! ? 1 : 0));
  const listedCount = paths.length;

  const fileDiagnostics: Diagnostic[] = [];
  const diagnosticFolders: Folder[] = [];
  function* entries(): Generator<WalkEntry> {
    for (const i of byPath) {
      const abs = paths[i]!;
      const rel = rels[i]!;
      if (!rel) continue;
      const folder = folders.get(abs.slice(0, abs.lastIndexOf(sep) + 1)) ?? top;
      reachAbove(folder);
      let gitStatus: GitStatus;
      if (tracked?.has(rel)) gitStatus = 'tracked';
      else if (folderIgnored(folder) || extraIgnore?.ignores(rel) || chainIgnores(folder.chain, rel)) {
        if (extraIgnore?.ignores(rel)) continue;
        if (!isSecretBearing(rel)) continue;
        gitStatus = 'ignored-but-present';
      } else gitStatus = tracked ? 'untracked' : 'no-git';

      const stat = fileSize(abs, rel, rootReal);
      if (stat.reached) for (let f: Folder | undefined = folder; f && !f.reached; f = f.parent) f.reached = true;
      if (stat.diagnostic) {
        fileDiagnostics.push(stat.diagnostic);
        diagnosticFolders.push(folder);
        continue;
      }
      if (!stat.file) continue;
      const { size, open } = stat.file;
      if (size > options.maxFileSize) {
        fileDiagnostics.push({
          path: rel,
          code: 'too-large',
          message: `skipped: ${formatBytes(size)} is over the ${formatBytes(options.maxFileSize)} size limit (maxFileSize)`,
        });
        diagnosticFolders.push(folder);
        continue;
      }
      // A file that could be sized marked its folder and every folder above it reached: none of them is dropped below.
      yield { path: rel, absPath: open, size, gitStatus };
    }
    // Each relative path is a slice of its absolute one and keeps it alive: at 100,000 files the listing is ~20 MB
    // that the rest of the run, which holds the entries it needs, has no use for.
    paths = rels = [];
    byPath = [];
    folders.clear();
  }

  // fdir skips folders it cannot read without a word: say so, in the order the crawl met them. A folder with a file
  // that could be lstat'ed was listed and searched; only the others need asking (a name that is not UTF-8 cannot be
  // opened at all). Nothing inside an unreadable folder counts, as if the crawl had never entered it.
  let said: Diagnostic[] | undefined;
  const diagnostics = (): Diagnostic[] => (said ??= folderDiagnostics());
  const folderDiagnostics = (): Diagnostic[] => {
    const out: Diagnostic[] = [];
    for (const f of order) {
      if (f.parent!.dropped) {
        f.dropped = true;
        continue;
      }
      if (f.reached) continue;
      const problem = f.badName ? 'ENAME' : unreadableDir(f.abs);
      if (!problem) continue;
      f.dropped = true;
      out.push({
        path: f.rel,
        code: 'unreadable',
        message: problem === 'ENAME' ? 'skipped: folder name is not valid UTF-8; its files were not scanned' : `skipped: folder cannot be read (${problem})`,
      });
    }
    for (let i = 0; i < fileDiagnostics.length; i++) if (!diagnosticFolders[i]!.dropped) out.push(fileDiagnostics[i]!);
    // Asked once the entries have ended: the folders are not needed again.
    order.length = 0;
    diagnosticFolders.length = 0;
    return out;
  };
  return { listed: listedCount, entries, diagnostics };
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

interface FileStat {
  file?: { size: number; open: string | Buffer };
  diagnostic?: Diagnostic;
  /** lstat got through: the file's folder, and every folder above it, can be listed and searched. */
  reached: boolean;
}

/**
 * Size of a regular file and the path to open, following a symlink only when its target stays inside the root.
 * FIFOs, sockets and devices are never opened (fdir does not even list FIFOs; those reached otherwise get a diagnostic).
 */
function fileSize(abs: string, rel: string, rootReal: string): FileStat {
  let reached = false;
  if (abs.includes('\uFFFD')) {
    const raw = rawName(abs);
    const st = raw ? lstatOrUndefined(raw) : undefined;
    if (raw && st?.isFile()) return { file: { size: st.size, open: raw }, reached: true };
    if (!raw || !st) return { diagnostic: { path: rel, code: 'unreadable', message: 'skipped: the file name is not valid UTF-8 and could not be opened' }, reached };
    reached = true;
  }
  try {
    const st = lstatSync(abs);
    reached = true;
    if (st.isFile()) return { file: { size: st.size, open: abs }, reached };
    if (!st.isSymbolicLink()) return { diagnostic: { path: rel, code: 'not-a-file', message: 'skipped: not a regular file (FIFO, socket or device)' }, reached };
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return {
        diagnostic: {
          path: rel,
          code: code === 'ELOOP' ? 'symlink-loop' : 'broken-symlink',
          message: code === 'ELOOP' ? 'skipped: symbolic link loop' : `skipped: symbolic link target cannot be resolved (${code})`,
        },
        reached,
      };
    }
    if (target !== rootReal && !target.startsWith(rootReal + sep)) {
      return { diagnostic: { path: rel, code: 'symlink-outside-root', message: 'skipped: symbolic link points outside the scanned folder' }, reached };
    }
    const tst = statSync(target);
    // A link to a folder inside the root: its files are scanned where they really are.
    if (tst.isDirectory()) return { reached };
    if (!tst.isFile()) {
      return { diagnostic: { path: rel, code: 'not-a-file', message: 'skipped: symbolic link to something that is not a regular file (FIFO, socket or device)' }, reached };
    }
    return { file: { size: tst.size, open: target }, reached };
  } catch (e) {
    return { diagnostic: { path: rel, code: 'unreadable', message: `skipped: cannot stat (${(e as NodeJS.ErrnoException).code ?? String(e)})` }, reached };
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
