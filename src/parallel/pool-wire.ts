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

export function decodeResult(r: WireResult, rules: readonly CredentialRule[]): FilePassResult {
  return { ...r, raw: r.raw.map((f) => ({ ...f, rule: rules[f.rule]! })) };
}
