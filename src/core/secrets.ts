// Fingerprints, redaction and the vault: the only place raw secret values live after extraction.
import { createHash, createHmac } from 'node:crypto';
import { pushTo } from './text.js';
import { redactionHidesNothing } from './well-known-passwords.js';

/** The environment variable holding an organisation's fingerprint key (see SECURITY.md). */
export const FINGERPRINT_KEY_ENV = 'BLASTRADIUS_FINGERPRINT_KEY';

/**
 * A stable, non-reversible id for a secret value. The provider is not part of it: one value is one credential.
 * With an organisation key in BLASTRADIUS_FINGERPRINT_KEY it is an HMAC-SHA-256 (`credk_…`): the same value gets the
 * same id in every repository scanned with that key, and nobody without the key can test guesses of a short secret
 * against a leaked report. Without a key it is a plain hash (`cred_…`), as for a single repository.
 */
export function fingerprintSecret(value: string): string {
  const key = process.env[FINGERPRINT_KEY_ENV];
  if (key) return 'credk_' + createHmac('sha256', key).update('blastradius:v1:').update(value).digest('hex').slice(0, 16);
  return 'cred_' + createHash('sha256').update('blastradius:v1:').update(value).digest('hex').slice(0, 16);
}

/** Stable hash of arbitrary identity parts (finding fingerprints, resource ids). */
export function stableHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 20);
}

const KNOWN_PREFIX =
  /^(?:(?:sk|rk|pk)_(?:live|test)_|github_pat_|gh[pousr]_|glpat-|xox[abposr]-|sk-ant-(?:api|admin)\d\d-|sk-proj-|sk-|npm_|AKIA|ASIA|dop_v1_|sbp_|sb_secret_|FlyV1 |hf_|SG\.|pypi-|dckr_pat_|lin_api_|shpat_|xapp-)/;

/**
 * A preview that reveals at most 4 characters of the secret plus a documented, non-secret prefix:
 * `ghp_…a1B2 (40)`. Values of 12 characters or fewer reveal nothing but their length.
 */
export function redact(value: string): string {
  const prefix = KNOWN_PREFIX.exec(value)?.[0] ?? '';
  if (value.length <= 12) return `${prefix ? prefix : ''}… (${value.length})`;
  const tail = value.slice(-4);
  return `${prefix}…${tail} (${value.length})`;
}

/**
 * Holds raw values by fingerprint for the stages that must use them (live resolution) and for the
 * output scrubber. Values are never serialised: the vault has no toJSON and is not enumerable in reports.
 */
export class SecretVault {
  readonly #values = new Map<string, string>();

  put(fingerprint: string, value: string): void {
    this.#values.set(fingerprint, value);
  }

  get(fingerprint: string): string | undefined {
    return this.#values.get(fingerprint);
  }

  get size(): number {
    return this.#values.size;
  }

  /** Last line of defence: replaces any raw value that reached an output string with `[REDACTED fingerprint]`. */
  scrub(text: string): string {
    return this.#scrubber().replace(text);
  }

  #scrub?: MultiLiteralReplacer;
  #scrubSize = -1;

  /** Rebuilt only when values were added: one pass per output. */
  #scrubber(): MultiLiteralReplacer {
    if (this.#scrub && this.#scrubSize === this.#values.size) return this.#scrub;
    const byValue = new Map<string, string>();
    for (const [fp, value] of this.#values) if (value.length >= MultiLiteralReplacer.MIN_LENGTH && !redactionHidesNothing(value)) byValue.set(value, `[REDACTED ${fp}]`);
    this.#scrub = new MultiLiteralReplacer(byValue);
    this.#scrubSize = this.#values.size;
    return this.#scrub;
  }

  toJSON(): string {
    return '[SecretVault]';
  }
}

/**
 * Replaces every occurrence of many literals in one left-to-right pass, preferring the longest literal at a position
 * (what an alternation sorted longest-first does). An alternation of thousands of values made V8's regex engine try
 * each at every position — two seconds for one large report; a rolling hash of each literal's first MIN_LENGTH
 * characters makes each position one lookup.
 */
export class MultiLiteralReplacer {
  static readonly MIN_LENGTH = 8;
  /** Hash of the first MIN_LENGTH characters → the literals starting with them, longest first. */
  readonly #byHead = new Map<number, string[]>();
  /** One bit per hash bucket: most positions are ruled out by one array read instead of a map lookup. */
  readonly #maybe = new Uint8Array(1 << 16);

  constructor(readonly replacements: ReadonlyMap<string, string>) {
    for (const literal of replacements.keys()) {
      if (literal.length < MultiLiteralReplacer.MIN_LENGTH) throw new Error('literal shorter than MIN_LENGTH');
      const h = headHash(literal, 0);
      pushTo(this.#byHead, h, literal);
      this.#maybe[h >>> 16]! |= 1 << (h & 7);
    }
    for (const list of this.#byHead.values()) list.sort((a, b) => b.length - a.length);
  }

  replace(text: string): string {
    const K = MultiLiteralReplacer.MIN_LENGTH;
    if (this.#byHead.size === 0 || text.length < K) return text;
    const parts: string[] = [];
    let copied = 0;
    let i = 0;
    let h = headHash(text, 0);
    const last = text.length - K;
    const maybe = this.#maybe;
    while (i <= last) {
      const hit = maybe[h >>> 16]! & (1 << (h & 7)) ? this.#byHead.get(h)?.find((literal) => text.startsWith(literal, i)) : undefined;
      if (hit !== undefined) {
        parts.push(text.slice(copied, i), this.replacements.get(hit)!);
        i += hit.length;
        copied = i;
        if (i <= last) h = headHash(text, i);
        continue;
      }
      // int32 arithmetic throughout: a hash held as a double made this loop several times slower.
      if (i < last) h = (Math.imul((h - Math.imul(text.charCodeAt(i), TOP)) | 0, BASE) + text.charCodeAt(i + K)) | 0;
      i++;
    }
    if (copied === 0) return text;
    parts.push(text.slice(copied));
    return parts.join('');
  }
}

const BASE = 0x01000193;
/** BASE ** (MIN_LENGTH - 1), modulo 2^32: the weight of the character leaving the window. */
const TOP = Array.from({ length: MultiLiteralReplacer.MIN_LENGTH - 1 }).reduce<number>((p) => Math.imul(p, BASE), 1);

function headHash(text: string, at: number): number {
  let h = 0;
  for (let j = 0; j < MultiLiteralReplacer.MIN_LENGTH; j++) h = (Math.imul(h, BASE) + text.charCodeAt(at + j)) | 0;
  return h;
}
