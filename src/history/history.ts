// Git history as a source of credentials (`scan --history`): a secret deleted at HEAD is still leaked.
// `git log -p` is streamed (never buffered whole); for every commit and file, the added lines are gathered into one
// text, scanned by the same rule engine as the working tree, and each match is mapped back to its real line in that
// commit through the hunk headers.
import { execFileSync, spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import ignore from 'ignore';
import type { CommitInfo, Diagnostic, Location } from '../core/types.js';
import { UsageError } from '../core/usage-error.js';

export interface HistoryOptions {
  /** Only commits not reachable from this ref (`REF..`): `--since REF`. */
  since?: string;
  /** Walk this ref instead of every ref (`--all`): `--branch REF`. */
  branch?: string;
}

/** The added lines of one file in one commit. */
export interface HistoryFile {
  path: string;
  commit: CommitInfo;
  /** The added lines, joined with `\n`. */
  text: string;
  /** `lineMap[i]` is the real (1-based) line number, in that commit, of line `i + 1` of `text`. */
  lineMap: number[];
}

export interface HistoryStreamOptions extends HistoryOptions {
  /** Added text per file and commit above this many bytes is skipped with a diagnostic. */
  maxFileSize?: number;
  /** gitignore-style patterns of paths not to scan (config `ignorePaths`). */
  ignorePaths?: string[];
  /** Overrides the git executable (tests). */
  git?: string;
}

/** Folders whose history is dependencies and build output, as in the working-tree walk. */
const SKIP_SEGMENT = /(?:^|\/)(?:node_modules|bower_components|vendor|third_party|\.venv|venv|__pycache__|\.terraform|\.yarn|\.pnpm-store|\.next|\.nuxt|\.svelte-kit|\.turbo|\.cache|\.gradle|\.tox|Pods)\//;

const HEADER_MARK = '\x1eblastradius-commit\x1f';
const FORMAT = `--format=${HEADER_MARK}%H%x1f%aI%x1f%an <%ae>`;

/** The `git log` arguments for the requested range: every ref by default, one branch, and/or only commits after REF. */
export function gitLogArgs(options: HistoryOptions): string[] {
  return [
    '-c',
    'core.quotePath=false',
    'log',
    '-p',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--unified=0',
    '--relative',
    FORMAT,
    ...(options.branch ? [options.branch] : ['--all']),
    ...(options.since ? ['--not', options.since] : []),
    '--',
  ];
}

/** Usage errors for `--history` on a folder that is not in a git repository, or a ref that names no commit. */
export function checkHistoryOptions(root: string, options: HistoryOptions, git = 'git'): void {
  try {
    execFileSync(git, ['-C', root, 'rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    throw new UsageError(`${root}: --history needs a git repository (git rev-parse failed)`);
  }
  for (const [flag, ref] of [
    ['--since', options.since],
    ['--branch', options.branch],
  ] as const) {
    if (ref === undefined) continue;
    if (ref.startsWith('-')) throw new UsageError(`${flag} ${ref}: not a git ref`);
    try {
      execFileSync(git, ['-C', root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      throw new UsageError(`${flag} ${ref}: not a commit in this repository`);
    }
  }
}

/**
 * Incremental parser for `git log -p --unified=0` output in the format of gitLogArgs. Feed it lines; it returns the
 * files completed so far.
 */
export class GitLogParser {
  #commit: CommitInfo | undefined;
  #path: string | undefined;
  #inHunk = false;
  #nextLine = 0;
  #lines: string[] = [];
  #lineMap: number[] = [];
  #bytes = 0;
  #tooLarge = false;

  constructor(
    private readonly accept: (path: string) => boolean = () => true,
    private readonly maxBytes = Infinity,
    private readonly onTooLarge: (path: string, commit: CommitInfo) => void = () => {},
  ) {}

  push(line: string): HistoryFile | undefined {
    if (line.startsWith(HEADER_MARK)) {
      const done = this.#flush();
      const [sha = '', date = '', author = ''] = line.slice(HEADER_MARK.length).split('\x1f');
      this.#commit = { sha, author, date };
      this.#path = undefined;
      this.#inHunk = false;
      return done;
    }
    if (line.startsWith('diff --git ')) {
      const done = this.#flush();
      this.#path = undefined;
      this.#inHunk = false;
      return done;
    }
    if (!this.#inHunk) {
      if (line.startsWith('+++ ')) this.#path = newPath(line.slice(4));
      else if (line.startsWith('@@ ')) this.#hunk(line);
      return undefined;
    }
    const c = line.charCodeAt(0);
    if (c === 43 /* + */) {
      if (this.#path !== undefined && !this.#tooLarge) {
        this.#bytes += line.length;
        if (this.#bytes > this.maxBytes) {
          this.#tooLarge = true;
          if (this.#commit) this.onTooLarge(this.#path, this.#commit);
          this.#lines = [];
          this.#lineMap = [];
        } else {
          this.#lines.push(line.slice(1));
          this.#lineMap.push(this.#nextLine);
        }
      }
      this.#nextLine++;
    } else if (c === 32 /* space */) this.#nextLine++;
    else if (line.startsWith('@@ ')) this.#hunk(line);
    return undefined;
  }

  /** The last file, at the end of the stream. */
  end(): HistoryFile | undefined {
    return this.#flush();
  }

  #hunk(line: string): void {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    this.#inHunk = !!m;
    this.#nextLine = m ? Number(m[1]) : 0;
  }

  #flush(): HistoryFile | undefined {
    const path = this.#path;
    const lines = this.#lines;
    const lineMap = this.#lineMap;
    this.#lines = [];
    this.#lineMap = [];
    this.#bytes = 0;
    this.#tooLarge = false;
    if (!path || !this.#commit || lines.length === 0 || !this.accept(path)) return undefined;
    return { path, commit: this.#commit, text: lines.join('\n'), lineMap };
  }
}

/** `b/path` (or the C-quoted form) from a `+++ ` header; undefined for `/dev/null` (a deleted file). */
function newPath(spec: string): string | undefined {
  let s = spec.replace(/\t$/, '');
  if (s.startsWith('"')) s = unquoteC(s);
  if (s === '/dev/null') return undefined;
  return s.startsWith('b/') ? s.slice(2) : s;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** Git's C-style quoting of unusual path names: `"b/na\"me\303\251"`. */
function unquoteC(s: string): string {
  const body = s.replace(/^"|"$/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(C_ESCAPES[next] ?? next, 'utf8'));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Streams the added lines of every file in every commit of the requested range. Git's failures become diagnostics;
 * the stream ends early (and git is stopped) when the consumer stops.
 */
export async function* gitHistory(root: string, options: HistoryStreamOptions, diagnostics: Diagnostic[]): AsyncGenerator<HistoryFile> {
  const skip = ignore().add(options.ignorePaths ?? []);
  const parser = new GitLogParser(
    (p) => !SKIP_SEGMENT.test(p) && !skip.ignores(p),
    options.maxFileSize ?? Infinity,
    (path, commit) =>
      diagnostics.push({ path, code: 'too-large', message: `history: lines added in commit ${commit.sha.slice(0, 12)} exceed ${options.maxFileSize} bytes; skipped` }),
  );
  const child = spawn(options.git ?? 'git', ['-C', root, ...gitLogArgs(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 4096) stderr += d;
  });
  const closed = new Promise<number | null>((resolve) => {
    child.on('error', (e) => {
      stderr += e.message;
      resolve(-1);
    });
    child.on('close', (code) => resolve(code));
  });
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        const done = parser.push(text.slice(start, nl));
        start = nl + 1;
        if (done) yield done;
      }
      rest = text.slice(start);
    }
    const tail = rest + decoder.end();
    if (tail) {
      const done = parser.push(tail);
      if (done) yield done;
    }
    const last = parser.end();
    if (last) yield last;
    finished = true;
  } finally {
    if (!finished && child.exitCode === null) child.kill();
  }
  const code = await closed;
  if (code !== 0)
    diagnostics.push({ path: '.', code: 'history-error', message: `git log failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}` });
}

/** Moves a location found in the joined added lines to its real line in the commit. */
export function remapLocation(location: Location, lineMap: number[]): void {
  const start = lineMap[location.startLine - 1];
  if (start === undefined) return;
  if (location.endLine !== undefined) location.endLine = lineMap[location.endLine - 1] ?? start + (location.endLine - location.startLine);
  location.startLine = start;
}
