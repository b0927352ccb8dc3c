// The organisation report in its formats: JSON (schema/org-report.schema.json), Markdown (a job summary) and a plain
// table for the terminal. It carries fingerprints and redacted previews only, like every report.
import type { OrgAggregate } from './merge.js';
import type { OrgFinding } from './org-rules.js';
import { TOOL } from '../report/tool.js';
import { prettyJsonPieces } from '../report/json-stream.js';

export const ORG_REPORT_VERSION = '1.0.0';
/** sarif is one log per repository, written to a folder by src/org/sarif.ts, and html (src/org/html.ts) is drawn
 * asynchronously: neither goes through renderOrgParts. */
export const ORG_FORMATS = ['table', 'json', 'markdown', 'html', 'sarif'] as const;
export type OrgFormat = (typeof ORG_FORMATS)[number];

export function toOrgJson(agg: OrgAggregate, findings: readonly OrgFinding[]) {
  const failed = agg.diagnostics.filter((d) => d.code === 'scan-failed' || d.code === 'missing-report').length;
  return {
    version: ORG_REPORT_VERSION,
    kind: 'organisation',
    tool: { name: TOOL.name, version: TOOL.version },
    summary: {
      repositoriesCovered: agg.repos.length,
      repositoriesFailed: failed,
      credentials: new Set(agg.sightings.map((s) => s.fingerprint)).size,
      findings: findings.length,
      diagnostics: agg.diagnostics.length,
    },
    findings,
    repositories: agg.repos,
    diagnostics: agg.diagnostics,
  };
}

const md = (s: string) => s.replace(/[|\\`*_<>]/g, (c) => `\\${c}`);

function coverage(agg: OrgAggregate): string {
  const failed = agg.diagnostics.filter((d) => d.code === 'scan-failed' || d.code === 'missing-report').length;
  return `${agg.repos.length} repositor${agg.repos.length === 1 ? 'y' : 'ies'} covered${failed ? `, ${failed} not covered (see diagnostics)` : ''}`;
}

/** The report in pieces: JSON is written finding by finding (an organisation's can be large), the others whole. */
export function* renderOrgParts(agg: OrgAggregate, findings: readonly OrgFinding[], format: Exclude<OrgFormat, 'sarif' | 'html'>): Generator<string> {
  if (format !== 'json') return yield renderOrg(agg, findings, format);
  yield* prettyJsonPieces(toOrgJson(agg, findings));
  yield '\n';
}

function renderOrg(agg: OrgAggregate, findings: readonly OrgFinding[], format: Exclude<OrgFormat, 'json' | 'sarif' | 'html'>): string {
  if (format === 'markdown') {
    const lines = [`## blastradius — organisation report`, '', `${coverage(agg)}; ${findings.length} organisation finding(s).`, ''];
    if (findings.length) {
      lines.push('| severity | finding | repositories |', '| --- | --- | --- |');
      for (const f of findings) lines.push(`| ${f.severity} | **${md(f.title)}** — ${md(f.message)} | ${md(f.repositories.join(', '))} |`);
      lines.push('');
    }
    if (agg.diagnostics.length) {
      lines.push('<details><summary>diagnostics</summary>', '');
      for (const d of agg.diagnostics) lines.push(`- ${d.code}: ${md(d.source)} — ${md(d.message)}`);
      lines.push('', '</details>', '');
    }
    return lines.join('\n');
  }
  const lines = [`blastradius merge: ${coverage(agg)}; ${findings.length} organisation finding(s)`];
  for (const f of findings) {
    lines.push('', `${f.severity.toUpperCase().padEnd(9)} ${f.title}   ${f.ruleId}`, `  ${f.message}`);
    for (const step of f.chain.slice(0, 12)) lines.push(`  → ${step}`);
  }
  for (const d of agg.diagnostics) lines.push(`diagnostic: ${d.code}: ${d.source}: ${d.message}`);
  return lines.join('\n') + '\n';
}
