// The baseline: the fingerprints of findings accepted as they are (`blastradius baseline > .blastradius-baseline.json`,
// then `scan --baseline FILE`). Finding fingerprints come from content (rule id, credential fingerprints, resource ids),
// never from line numbers, so a baseline survives unrelated edits and squash merges. A baseline holds no secret: only
// fingerprints, rule ids, paths and redacted previews.
import { readFileSync } from 'node:fs';
import type { Credential, Diagnostic, Finding } from '../core/types.js';
import { UsageError } from '../core/usage-error.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** For people reading the file: where the finding was when the baseline was written. */
  path?: string;
  /** For people reading the file: the credential's redacted preview. */
  preview?: string;
}

export interface BaselineFile {
  version: number;
  tool: string;
  findings: BaselineEntry[];
}

export interface LoadedBaseline {
  /** The file name, as given, for messages. */
  source: string;
  entries: BaselineEntry[];
}

/** The baseline of a scan's findings (those not already suppressed inline or by the config file). */
export function createBaseline(findings: readonly Finding[], credentials: readonly Credential[]): BaselineFile {
  const preview = new Map(credentials.map((c) => [c.fingerprint, c.preview]));
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of findings) {
    if ((f.suppressed && f.suppressed.kind !== 'baseline') || seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const p = f.credentialFingerprints.map((c) => preview.get(c)).find((x) => x !== undefined);
    entries.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, ...(f.locations[0] ? { path: f.locations[0].path } : {}), ...(p ? { preview: p } : {}) });
  }
  entries.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || (a.path ?? '').localeCompare(b.path ?? '') || a.fingerprint.localeCompare(b.fingerprint));
  return { version: BASELINE_VERSION, tool: 'blastradius', findings: entries };
}

export function renderBaseline(baseline: BaselineFile): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** Reads and checks a baseline file; any problem is a usage error (exit 2). */
export function loadBaseline(file: string, shown = file): LoadedBaseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${shown}: cannot read baseline file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseBaseline(text, shown);
}

export function parseBaseline(text: string, shown: string): LoadedBaseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${shown}: invalid baseline JSON: ${(e as Error).message}`);
  }
  const obj = data as Partial<BaselineFile> | null;
  if (!obj || typeof obj !== 'object' || !Array.isArray(obj.findings))
    throw new UsageError(`${shown}: not a blastradius baseline (expected an object with a "findings" array; write one with \`blastradius baseline\`)`);
  if (obj.version !== BASELINE_VERSION) throw new UsageError(`${shown}: unsupported baseline version ${JSON.stringify(obj.version)} (expected ${BASELINE_VERSION})`);
  const entries: BaselineEntry[] = [];
  obj.findings.forEach((e: unknown, i) => {
    const entry = e as Partial<BaselineEntry> | null;
    if (!entry || typeof entry.fingerprint !== 'string' || !entry.fingerprint)
      throw new UsageError(`${shown}: findings[${i}]: expected an object with a "fingerprint" string`);
    entries.push({ ...entry, fingerprint: entry.fingerprint, ruleId: typeof entry.ruleId === 'string' ? entry.ruleId : '' });
  });
  return { source: shown, entries };
}

/**
 * Marks findings whose fingerprint is in the baseline as suppressed (unless already suppressed otherwise), and reports
 * entries that match no finding as `baseline-stale` diagnostics. Returns the stale entries.
 */
export function applyBaseline(findings: Finding[], baseline: LoadedBaseline, diagnostics: Diagnostic[]): BaselineEntry[] {
  const byFp = new Map(baseline.entries.map((e) => [e.fingerprint, e]));
  const matched = new Set<string>();
  for (const f of findings) {
    if (!byFp.has(f.fingerprint)) continue;
    matched.add(f.fingerprint);
    f.suppressed ??= { kind: 'baseline', reason: `in baseline ${baseline.source}` };
  }
  const stale = baseline.entries.filter((e) => !matched.has(e.fingerprint));
  for (const e of stale)
    diagnostics.push({
      path: baseline.source,
      code: 'baseline-stale',
      message: `baseline entry ${e.fingerprint} (${e.ruleId || 'unknown rule'}${e.path ? ` at ${e.path}` : ''}) no longer matches any finding; remove it from the baseline`,
    });
  return stale;
}
