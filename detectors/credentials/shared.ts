// Helpers shared by credential rules: checksums, JWT decoding, entropy gates, context tests.
import { shannonEntropy } from '../../src/text.js';
import type { MatchContext } from '../../src/types.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 encoding of a 32-bit number, left-padded to `width` (GitHub and npm token checksums). */
export function base62(n: number, width: number): string {
  let s = '';
  let v = n >>> 0;
  do {
    s = B62[v % 62] + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s.padStart(width, '0');
}

/** Decodes the payload of a JWT without verifying it. Undefined if it is not a JWT. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = Buffer.from(parts[1]!, 'base64url').toString('utf8');
    const payload: unknown = JSON.parse(json);
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An entropy gate in bits per character; random 40-char base62 sits near 5.2, English text near 3.5–4. */
export function highEntropy(value: string, min = 3.5): boolean {
  return shannonEntropy(value) >= min;
}

/** True when the variable name or the surrounding lines mention one of the words (case-insensitive). */
export function contextMentions(ctx: MatchContext, ...words: string[]): boolean {
  const hay = `${ctx.variable ?? ''}\n${ctx.window}`.toLowerCase();
  return words.some((w) => hay.includes(w.toLowerCase()));
}

/** True when the bound variable name matches. */
export function variableMatches(ctx: MatchContext, re: RegExp): boolean {
  return !!ctx.variable && re.test(ctx.variable);
}
