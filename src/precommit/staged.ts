// `blastradius scan --staged`: scans what the next commit will contain — the blobs in the git index for the files the
// commit adds or changes — without walking the working tree. Blobs are read with one `git cat-file --batch`, so the
// cost is the staged files' size, not the repository's.
import { execFileSync } from 'node:child_process';
import ignore from 'ignore';
import type { Config } from '../config/config.js';
import { UsageError } from '../config/config.js';
import type { Diagnostic } from '../core/types.js';
import { scanFiles, type ScanOptions, type ScanResult, type VirtualFile } from '../scan.js';

const git = (root: string, args: string[], input?: string) =>
  execFileSync('git', ['-c', 'core.quotePath=off', ...args], { cwd: root, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });

/** Paths (relative to root) the index adds, copies, modifies or renames into, compared with HEAD. */
export function stagedPaths(root: string): string[] {
  try {
    git(root, ['rev-parse', '--git-dir']);
  } catch (e) {
    const msg = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0] ?? (e as Error).message;
    throw new UsageError(`--staged: ${root} is not in a git repository (${msg})`);
  }
  return git(root, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--relative']).toString('utf8').split('\0').filter(Boolean);
}

/** The staged blob of each path, with a diagnostic for binary and oversized blobs. */
export function stagedBlobs(root: string, paths: string[], maxFileSize: number): { files: VirtualFile[]; diagnostics: Diagnostic[] } {
  const files: VirtualFile[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!paths.length) return { files, diagnostics };
  const out = git(root, ['cat-file', '--batch'], paths.map((p) => `:./${p}\n`).join(''));
  let at = 0;
  for (const path of paths) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      diagnostics.push({ path, code: 'unreadable', message: 'skipped: not in the index when it was read' });
      continue;
    }
    const size = Number(m[2]);
    const body = out.subarray(at, at + size);
    at += size + 1;
    if (m[1] !== 'blob') continue; // a submodule (commit) or other object: nothing to read
    if (size > maxFileSize) diagnostics.push({ path, code: 'too-large', message: `skipped: ${size} bytes is over the size limit (maxFileSize ${maxFileSize})` });
    else if (!body.subarray(0, 8000).includes(0)) files.push({ path, text: body.toString('utf8'), gitStatus: 'tracked' });
  }
  return { files, diagnostics };
}

export async function scanStaged(root: string, options: ScanOptions & { config: Config }): Promise<ScanResult> {
  const ig = ignore().add(options.config.ignorePaths);
  const { files, diagnostics } = stagedBlobs(root, stagedPaths(root).filter((p) => !ig.ignores(p)), options.config.maxFileSize);
  const result = await scanFiles(root, files, options);
  result.diagnostics.unshift(...diagnostics);
  return result;
}
