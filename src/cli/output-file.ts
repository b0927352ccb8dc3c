// The report file (-o/--output). Checked before the scan, so that a path that cannot be written fails at once, with a
// usage error that says why, instead of an internal error after the whole scan.
import { accessSync, closeSync, constants, openSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/usage-error.js';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

export function checkOutput(path: string): void {
  const abs = resolve(path);
  const dir = dirname(abs);
  let folder;
  try {
    folder = statSync(dir);
  } catch {
    throw new UsageError(`${path}: cannot write the report: no such folder ${dir}`);
  }
  if (!folder.isDirectory()) throw new UsageError(`${path}: cannot write the report: ${dir} is not a folder`);
  let existing;
  try {
    existing = statSync(abs);
  } catch {
    // a new file
  }
  if (existing?.isDirectory()) throw new UsageError(`${path}: cannot write the report: it is a folder`);
  try {
    accessSync(existing ? abs : dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(`${path}: cannot write the report (${code(e)})`);
  }
}

/** Opens the report file for writing (what changed since `checkOutput` is still a usage error). */
export function openOutput(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (e) {
    throw new UsageError(`${path}: cannot write the report (${code(e)})`);
  }
}

export function writeOutput(path: string, text: string): void {
  const fd = openOutput(path);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
