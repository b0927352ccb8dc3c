// Stage 6: every finding rule over the graph; stable fingerprints; config overrides (disable, severity).
import type { FindingRule, RuleContext } from './detector-api.js';
import type { Diagnostic, Finding, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { stableHash } from '../core/secrets.js';
import { consolidateFindings, demoteExamples, explainProduction } from './consolidate.js';

export function runRules(rules: readonly FindingRule[], ctx: RuleContext, diagnostics: Diagnostic[]): Finding[] {
  const findings: Finding[] = [];
  const disabled = new Set(ctx.config.rules.disable);
  for (const rule of rules) {
    if (disabled.has(rule.meta.id)) continue;
    let drafts;
    try {
      drafts = rule.check(ctx);
    } catch (e) {
      diagnostics.push({ path: '.', code: 'rule-error', message: `rule ${rule.meta.id} failed: ${(e as Error).message}` });
      continue;
    }
    for (const d of drafts) {
      const { key, ...rest } = d;
      const severity = ctx.config.rules.severity[rule.meta.id] ?? d.severity ?? rule.meta.severity;
      findings.push({
        ...rest,
        ruleId: rule.meta.id,
        category: rule.meta.category,
        severity,
        confidence: d.confidence ?? rule.meta.confidence,
        title: d.title ?? rule.meta.title,
        // Identity from what the finding is about, never from line numbers.
        fingerprint: stableHash(rule.meta.id, ...[...d.credentialFingerprints].sort(), ...[...d.resourceIds].sort(), key ?? ''),
      });
    }
  }
  return sortFindings(explainProduction(demoteExamples(consolidateFindings(dedupeByFingerprint(findings)), ctx.config.rules.severity), ctx.graph));
}

function dedupeByFingerprint(list: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of list) {
    const prev = seen.get(f.fingerprint);
    if (!prev) seen.set(f.fingerprint, f);
    else prev.locations.push(...f.locations.filter((l) => !prev.locations.some((p) => p.path === l.path && p.startLine === l.startLine)));
  }
  return [...seen.values()];
}

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function sortFindings(list: Finding[]): Finding[] {
  return list.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.locations[0]?.path ?? '').localeCompare(b.locations[0]?.path ?? '') ||
      (a.locations[0]?.startLine ?? 0) - (b.locations[0]?.startLine ?? 0),
  );
}

/** True when the finding is at or above the threshold. */
export function atOrAbove(s: Severity, threshold: Severity | 'none'): boolean {
  if (threshold === 'none') return false;
  return severityRank(s) >= severityRank(threshold);
}
