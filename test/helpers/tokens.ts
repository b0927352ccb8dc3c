// Format-valid fake credentials for tests (checksums hold; the values were never issued).
import { base62, crc32 } from '../../detectors/credentials/shared.js';

/** A GitHub classic PAT whose CRC32 checksum holds, built from a 30-character body. */
export function githubToken(body: string): string {
  if (body.length !== 30) throw new Error('body must be 30 characters');
  return `ghp_${body}${base62(crc32(body), 6)}`;
}
