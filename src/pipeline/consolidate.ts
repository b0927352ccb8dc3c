// One problem, one finding: findings of different rules that describe the same credential with the same fix (take it
// out of the checkout and rotate it) become one, whose chain keeps what the others added.
import { SEVERITIES, type Finding } from '../core/types.js';
import { exampleFileReason } from './classify.js';
import { resourceEnvironmentReason } from './chain.js';
import type { BlastGraph } from './graph.js';

/**
 * Sets of rules whose findings about one credential share a fix, most specific first: the survivor is the most
 * severe, ties going to the earlier rule. A hard-coded credential an agent can read is one problem (take it out of the
 * checkout, rotate it), not two at one line; one value in production and in a development file is one problem (one
 * credential per environment), whichever file is looked at.
 */
const SAME_FIX = [
  ['agent-can-read-destructive-credential', 'hardcoded-credential', 'agent-can-read-secret-file'],
  ['credential-shared-across-environments', 'production-credential-in-non-production-path'],
];

const rank = (ruleId: string) => SAME_FIX.find((g) => g.includes(ruleId))!.indexOf(ruleId);

export function consolidateFindings(list: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of list) {
    const set = SAME_FIX.findIndex((g) => g.includes(f.ruleId));
    if (set < 0 || !f.credentialFingerprints.length) continue;
    const key = `${set}:${[...f.credentialFingerprints].sort().join(',')}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const dropped = new Set<Finding>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [keep, ...rest] = [...group].sort(
      (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || rank(a.ruleId) - rank(b.ruleId),
    );
    for (const other of rest) {
      dropped.add(other);
      for (const l of other.locations)
        if (!keep!.locations.some((k) => k.path === l.path && k.startLine === l.startLine)) keep!.locations.push(l);
      const labels = new Set(keep!.chain.map((s) => s.label));
      for (const s of other.chain) if (s.kind !== 'location' && !labels.has(s.label)) keep!.chain.push(s);
      keep!.chain.push({ kind: 'fact', label: `also ${other.ruleId}: ${other.title}` });
    }
  }
  return dropped.size ? list.filter((f) => !dropped.has(f)) : list;
}

/**
 * Docs are not deployments: a finding whose every location is in documentation, an example folder or an example file
 * is about an example. It is still reported, at low severity and confidence, and its chain says why.
 */
export function demoteExamples(list: Finding[], configured: Readonly<Record<string, unknown>> = {}): Finding[] {
  for (const f of list) {
    // A severity the user set for the rule is theirs.
    if (!f.locations.length || f.ruleId in configured || SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf('low')) continue;
    const reasons = f.locations.map((l) => exampleFileReason(l.path));
    if (!reasons.every(Boolean)) continue;
    f.severity = 'low';
    f.confidence = 'low';
    f.chain.push({ kind: 'fact', label: `${reasons[0]}: an example, not a deployment` });
  }
  return list;
}

/** Every production claim says which signal made it production: a finding about a production resource whose chain
 * does not yet say why gets the resource's reason after its first step. */
export function explainProduction(list: Finding[], graph: BlastGraph): Finding[] {
  for (const f of list) {
    if (!f.environments.includes('production') || f.chain.some((s) => s.kind === 'environment')) continue;
    const r = f.resourceIds.map((id) => graph.resource(id)).find((x) => x?.environment === 'production');
    const why = r && resourceEnvironmentReason(r);
    if (why) f.chain.splice(1, 0, { kind: 'environment', label: `production: ${why}` });
  }
  return list;
}
