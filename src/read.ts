// Reads one file as text: detects binary content, UTF-16 byte-order marks and invalid UTF-8 (decoded lossily and
// reported, so the rest of the file is still scanned).
import { readFileSync } from 'node:fs';
import type { Diagnostic } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { text: string; diagnostic?: Diagnostic } | { text?: undefined; diagnostic: Diagnostic };

export function readText(absPath: string, path: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { diagnostic: { path, code: 'unreadable', message: `skipped: cannot read (${code})` } };
  }
  return decode(buf, path);
}

export function decode(buf: Uint8Array, path: string): ReadResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { diagnostic: { path, code: 'binary', message: 'skipped: binary content (NUL bytes)' } };
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return { text: utf8Strict.decode(body) };
  } catch {
    return {
      text: utf8.decode(body),
      diagnostic: { path, code: 'invalid-utf8', message: 'invalid UTF-8: decoded with replacement characters and scanned' },
    };
  }
}
