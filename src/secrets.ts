// Fingerprints, redaction and the vault: the only place raw secret values live after extraction.
import { createHash } from 'node:crypto';
import { escapeRegExp } from './text.js';

/** A stable, non-reversible id for a secret value. The provider is not part of it: one value is one credential. */
export function fingerprintSecret(value: string): string {
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

  /** Last line of defence: replaces any raw value (or a long slice of one) that reached an output string. */
  scrub(text: string): string {
    const re = this.#scrubber();
    if (!re) return text;
    re.lastIndex = 0;
    return text.replace(re, (value) => `[REDACTED ${this.#byValue.get(value)}]`);
  }

  readonly #byValue = new Map<string, string>();
  #scrubRe?: RegExp | null;
  #scrubSize = -1;

  /** One alternation of every value (longest first), rebuilt only when values were added: one pass per output. */
  #scrubber(): RegExp | null {
    if (this.#scrubSize === this.#values.size && this.#scrubRe !== undefined) return this.#scrubRe;
    this.#byValue.clear();
    for (const [fp, value] of this.#values) if (value.length >= 8) this.#byValue.set(value, fp);
    const values = [...this.#byValue.keys()].sort((a, b) => b.length - a.length);
    this.#scrubRe = values.length ? new RegExp(values.map(escapeRegExp).join('|'), 'g') : null;
    this.#scrubSize = this.#values.size;
    return this.#scrubRe;
  }

  toJSON(): string {
    return '[SecretVault]';
  }
}
