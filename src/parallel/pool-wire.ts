// What the file pool's messages carry: a raw finding names its rule by index in the rule set (functions do not cross
// threads); everything else is plain data.
import type { CredentialRule, Diagnostic, GitStatus } from '../core/types.js';
import type { RawFinding } from '../pipeline/extract.js';
import type { FilePassResult } from '../pipeline/file-pass.js';

export interface PoolEntry {
  path: string;
  absPath: string | Uint8Array;
  gitStatus: GitStatus;
}

export interface PoolRequest {
  id: number;
  entries: PoolEntry[];
}

export type WireFinding = Omit<RawFinding, 'rule'> & { rule: number };
export type WireResult = Omit<FilePassResult, 'raw'> & { raw: WireFinding[] };

export interface WireItem {
  readDiagnostic?: Diagnostic;
  result?: WireResult;
  /** The worker could not process the file: the main thread does it again. */
  failed?: string;
}

export interface PoolReply {
  id: number;
  items: WireItem[];
}

export function encodeResult(r: FilePassResult, ruleIndex: Map<CredentialRule, number>): WireResult {
  return { ...r, raw: r.raw.map((f) => ({ ...f, rule: ruleIndex.get(f.rule)! })) };
}

export function decodeResult(r: WireResult, rules: readonly CredentialRule[], strings?: SharedStrings): FilePassResult {
  strings?.share(r);
  return { ...r, raw: r.raw.map((f) => ({ ...f, rule: rules[f.rule]! })) };
}

/** The fields whose strings repeat: a file's path in every location, and the few values of the others. */
const SHARED_KEYS = new Set(['path', 'environment', 'gitStatus', 'kind', 'reason', 'fileContext', 'context', 'environmentReason', 'provider', 'type', 'variable']);

/**
 * One copy of each repeated string across the workers' results. A message arrives with its own copy of every string,
 * so each file's path (in its info and in every location of its findings, resources and uses) and each `unknown`,
 * `tracked` or `source` would otherwise be held once per occurrence until the scan ends (~20 MB at 100,000 files).
 */
export class SharedStrings {
  readonly #seen = new Map<string, string>();

  /** Replaces, in place, the strings of the shared fields anywhere in `value` by their first copy. */
  share(value: unknown): void {
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v === 'object') this.share(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === 'string') {
        if (!SHARED_KEYS.has(k)) continue;
        const first = this.#seen.get(v);
        if (first === undefined) this.#seen.set(v, v);
        else o[k] = first;
      } else if (v !== null && typeof v === 'object') this.share(v);
    }
  }
}
