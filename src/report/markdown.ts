// Markdown for PR comments and job summaries.
import type { ScanResult } from '../scan.js';
import type { Finding, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { chainText } from '../pipeline/chain.js';
import { TOOL } from './meta.js';
import { mermaidGraph } from './mermaid.js';
import { visible } from './safe-text.js';
import { vendorsMarkdown } from './vendors.js';

const ICON: Record<Severity, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };

/**
 * Escapes text for a Markdown table cell (and for inline code spans, where a backtick would end the span early: it is
 * shown as ˋ). Control and bidi characters — possible in file names — are shown as visible escapes.
 */
export function cell(s: string): string {
  return visible(s.replace(/\r?\n/g, ' ')).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/`/g, 'ˋ');
}

export function summaryLine(findings: readonly Finding[]): string {
  const active = findings.filter((f) => !f.suppressed);
  const parts = SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return parts.length ? parts.map(([s, n]) => `${ICON[s]} ${n} ${s}`).join(' · ') : '✅ no findings';
}

export function findingsTable(findings: readonly Finding[]): string {
  const rows = findings.map(
    (f) =>
      `| ${ICON[f.severity]} ${f.severity} | ${f.confidence} | \`${f.ruleId}\` | ${f.locations[0] ? `\`${cell(f.locations[0].path)}:${f.locations[0].startLine}\`` : ''} | ${cell(chainText(f.chain) || f.message)} |`,
  );
  return ['| Severity | Confidence | Rule | Where | Blast radius |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function renderMarkdown(result: ScanResult): string {
  const active = result.findings.filter((f) => !f.suppressed);
  const out = [
    `## blastradius — ${summaryLine(result.findings)}`,
    '',
    `Scanned ${result.stats.files} files: ${result.credentials.length} credentials, ${result.resources.length} resources.`,
    '',
  ];
  if (active.length) out.push(findingsTable(active), '');
  const graph = active.length ? mermaidGraph(result) : '';
  if (graph) out.push('<details><summary>Blast-radius graph</summary>', '', '```mermaid', graph, '```', '', '</details>', '');
  const details = active.filter((f) => f.message);
  if (details.length) {
    out.push('<details><summary>Details</summary>', '');
    for (const f of details) out.push(`- **${cell(f.title)}** (\`${f.ruleId}\`): ${cell(f.message)}`);
    out.push('', '</details>', '');
  }
  out.push(...vendorsMarkdown(result, cell));
  if (result.diagnostics.length) {
    out.push(`<details><summary>${result.diagnostics.length} file(s) could not be fully scanned</summary>`, '');
    for (const d of result.diagnostics) out.push(`- \`${cell(d.path)}\`: ${cell(d.message)}`);
    out.push('', '</details>', '');
  }
  out.push(`<sub>${TOOL.name} ${TOOL.version}</sub>`, '');
  return out.join('\n');
}
