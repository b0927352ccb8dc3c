// `merge --format html`: the organisation report as one self-contained page — coverage, the graph with repositories
// as groups (src/org/org-graph.ts, rendered offline like the scan's HTML report), the organisation findings with their
// rule's help, the repositories covered and the diagnostics. No script and nothing loaded: the same
// Content-Security-Policy as `scan --format html`.
import type { OrgAggregate } from './merge.js';
import { orgRules, type OrgFinding } from './org-rules.js';
import { orgGraph } from './org-graph.js';
import { dotToSvg, esc, miniMarkdown, pageHead } from '../report/html.js';
import { safeId } from '../report/graph-model.js';
import { SEVERITIES } from '../core/types.js';
import { TOOL } from '../report/tool.js';

const STYLE = `
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#111827;background:#f8fafc}
header{background:#0f172a;color:#f8fafc;padding:18px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#cbd5e1}
main{max-width:1400px;margin:0 auto;padding:0 24px 48px}h2{font-size:18px;margin:28px 0 10px}
.box{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px;overflow:auto}.box svg{display:block;max-width:100%;height:auto;margin:0 auto}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #e5e7eb}th{background:#f1f5f9;text-align:left;font-size:12px;text-transform:uppercase;color:#475569;padding:8px}
td{vertical-align:top;padding:8px;border-top:1px solid #e5e7eb}code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f1f5f9;border-radius:4px;padding:1px 4px}
.sev{display:inline-block;border-radius:999px;padding:1px 9px;font-size:11.5px;font-weight:600;text-transform:uppercase}
.sev-critical{background:#991b1b;color:#fff}.sev-high{background:#dc2626;color:#fff}.sev-medium{background:#f59e0b}.sev-low{background:#3b82f6;color:#fff}.sev-info{background:#9ca3af}
ol.chain{margin:6px 0 0;padding-left:18px;font-size:12.5px}.muted{color:#6b7280}details summary{cursor:pointer;color:#1d4ed8;font-size:12.5px}
tr:target{outline:3px solid #2563eb}
`;

/** Each rule's help once (an organisation can have thousands of findings of one rule), linked from its findings. */
function rulesHtml(findings: readonly OrgFinding[]): string {
  const used = new Set(findings.map((f) => f.ruleId));
  return orgRules
    .filter((r) => used.has(r.meta.id))
    .map(({ meta }) => `<article id="rule-${esc(meta.id)}"><h3>${esc(meta.title)} <code>${esc(meta.id)}</code></h3><p>${esc(meta.summary)}</p>${meta.help ? `<h4>Why it matters</h4>${miniMarkdown(meta.help.why)}<h4>How to fix</h4>${miniMarkdown(meta.help.fix)}<h4>References</h4><ul>${meta.help.references.map((u) => `<li><a href="${esc(u)}" rel="noopener noreferrer">${esc(u)}</a></li>`).join('')}</ul>` : ''}</article>`)
    .join('\n');
}

/** Rows in the findings table, most severe first; the JSON report has every one. */
const MAX_ROWS = 1000;

function findingRow(f: OrgFinding, i: number): string {
  const repos = f.repositories.slice(0, 20).map((r) => `<a href="#repo-${safeId(r)}">${esc(r)}</a>`).join(', ') + (f.repositories.length > 20 ? ` <span class="muted">+${f.repositories.length - 20} more</span>` : '');
  return `<tr id="finding-${i + 1}"><td><span class="sev sev-${f.severity}">${f.severity}</span><div class="muted">${esc(f.confidence)} confidence</div></td>
<td><strong>${esc(f.title)}</strong><div><a href="#rule-${esc(f.ruleId)}"><code>${esc(f.ruleId)}</code></a></div></td>
<td>${esc(f.message)}<ol class="chain">${f.chain.slice(0, 12).map((s) => `<li>${esc(s)}</li>`).join('')}</ol></td><td>${repos}</td></tr>`;
}

export async function renderOrgHtml(agg: OrgAggregate, findings: readonly OrgFinding[]): Promise<string> {
  const failed = agg.diagnostics.filter((d) => d.code === 'scan-failed' || d.code === 'missing-report').length;
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n);
  let graph: string;
  if (!findings.length) graph = '<div class="box"><p class="muted">No organisation findings, so nothing joins the repositories.</p></div>';
  else {
    const g = orgGraph(agg, findings);
    const { svg, error } = await dotToSvg(g.dot);
    graph = `${svg ? `<div class="box" id="graph" aria-label="Organisation graph">${svg}</div>` : `<div class="box"><p>The graph could not be drawn (${esc(error ?? 'unknown error')}). Its DOT source:</p><pre>${esc(g.dot)}</pre></div>`}
<p class="muted">${g.repositories} repositor${g.repositories === 1 ? 'y' : 'ies'} drawn as groups${g.omittedRepositories ? `; ${g.omittedRepositories} more with findings are not drawn` : ''}${g.omittedEdges ? `; ${g.omittedEdges} links of less severe findings are not drawn` : ''}${g.omittedRepositories || g.omittedEdges ? ' (every finding is listed below)' : ''}. Red: the same value, or a credential that can act on another repository's production; purple: an AI agent can read it.</p>`;
  }
  const repoRows = agg.repos
    .map((r) => `<tr id="repo-${safeId(r.repo)}"><td>${esc(r.repo)}</td><td>${r.credentials}</td><td>${r.resources}</td><td>${Object.entries(r.findings).map(([s, n]) => `${n} ${esc(s)}`).join(', ') || '—'}</td></tr>`)
    .join('\n');
  return `${pageHead('blastradius organisation report', STYLE)}
<body>
<header><h1>blastradius organisation report</h1><p>${agg.repos.length} repositor${agg.repos.length === 1 ? 'y' : 'ies'} covered${failed ? `, ${failed} not covered` : ''} · ${findings.length} organisation finding(s)${counts.length ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})` : ''} · ${TOOL.name} ${esc(TOOL.version)}</p></header>
<main>
<section><h2>Across repositories</h2>
${graph}</section>
<section><h2>Organisation findings</h2>
${findings.length ? `<table><thead><tr><th>Severity</th><th>Rule</th><th>What and why</th><th>Repositories</th></tr></thead><tbody>\n${findings.slice(0, MAX_ROWS).map(findingRow).join('\n')}\n</tbody></table>` : '<p>None.</p>'}
${findings.length > MAX_ROWS ? `<p class="muted">${findings.length - MAX_ROWS} less severe finding(s) are not listed here; the JSON report (<code>--format json</code>) has every one.</p>` : ''}
</section>
${findings.length ? `<section><h2>Rules</h2>
${rulesHtml(findings)}
</section>` : ''}
<section><h2>Repositories (${agg.repos.length})</h2>
<table><thead><tr><th>Repository</th><th>Credentials</th><th>Resources</th><th>Findings in its own report</th></tr></thead><tbody>
${repoRows}
</tbody></table></section>
${agg.diagnostics.length ? `<section><h2>Diagnostics (${agg.diagnostics.length})</h2><ul>${agg.diagnostics.map((d) => `<li><code>${esc(d.code)}</code> ${esc(d.source)}: ${esc(d.message)}</li>`).join('')}</ul></section>` : ''}
<p class="muted">Generated offline by ${TOOL.name}. Credentials are shown only as redacted previews and fingerprints; this page loads nothing from the network.</p>
</main>
</body>
</html>
`;
}
