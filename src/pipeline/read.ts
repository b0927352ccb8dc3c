// Reads one file as text: detects binary content, UTF-16 byte-order marks and invalid UTF-8 (decoded lossily and
// reported, so the rest of the file is still scanned). The file is opened without blocking and without following a
// link, and must still be a regular file within the size limit when it is read: a file swapped for a FIFO, a device
// or a symbolic link after the walk, or grown past the limit, becomes a diagnostic instead of a hang or a huge read.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../core/types.js';

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { text: string; diagnostic?: Diagnostic } | { text?: undefined; diagnostic: Diagnostic };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export function readText(absPath: string | Buffer, path: string, maxSize = Number.MAX_SAFE_INTEGER): ReadResult {
  let buf: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
    const st = fstatSync(fd);
    if (!st.isFile()) return { diagnostic: { path, code: 'not-a-file', message: 'skipped: no longer a regular file when it was read' } };
    if (st.size > maxSize) return { diagnostic: { path, code: 'too-large', message: 'skipped: grew past the size limit (maxFileSize) during the scan' } };
    // Read what is there now, and at most the limit: a file growing while it is read is cut at the limit.
    const want = Math.min(st.size, maxSize);
    buf = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const n = readSync(fd, buf, got, want - got, null);
      if (n === 0) break;
      got += n;
    }
    buf = buf.subarray(0, got);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const why = code === 'ENOENT' ? 'deleted during the scan' : code === 'ELOOP' ? 'replaced by a symbolic link during the scan' : `cannot read (${code})`;
    return { diagnostic: { path, code: 'unreadable', message: `skipped: ${why}` } };
  } finally {
    if (fd !== undefined) closeSync(fd);
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
