// `--format html`: one self-contained page — summary, the blast-radius graph (SVG rendered offline by Graphviz
// compiled to WebAssembly, @viz-js/viz) and the findings grouped by severity. No script, no external resource: a
// Content-Security-Policy meta tag forbids loading anything, so the file can be opened anywhere, even offline.
import type { ScanResult } from '../scan.js';
import type { ChainStep, Environment, Finding, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { catalog, TOOL, type CatalogEntry } from './meta.js';
import { ENV_COLORS, DESTRUCTIVE_COLOR, graphModel, type GraphModel, type PictureNode } from './graph-model.js';
import { modelToDot } from './dot.js';
import { visible } from './safe-text.js';
import { pushTo } from '../core/text.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const SEVERITY_COLORS: Record<Severity, { bg: string; fg: string }> = {
  critical: { bg: '#991b1b', fg: '#ffffff' },
  high: { bg: '#dc2626', fg: '#ffffff' },
  medium: { bg: '#f59e0b', fg: '#1f2937' },
  low: { bg: '#3b82f6', fg: '#ffffff' },
  info: { bg: '#9ca3af', fg: '#111827' },
};

const ENV_NAMES: Record<Environment, string> = {
  production: 'production',
  staging: 'staging',
  development: 'development',
  test: 'test',
  unknown: 'environment unknown',
};

const KIND_NAMES: Record<PictureNode['kind'], string> = {
  agent: 'AI agent',
  credential: 'credential',
  principal: 'principal (scope)',
  resource: 'resource',
  backup: 'backup',
  more: 'more resources',
  vendor: 'AI vendor',
};

/** The document start up to `</head>` of a self-contained offline page: the CSP, no referrer, its title and style. */
export function pageHead(titleHtml: string, style: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${titleHtml}</title>
<style>${style}</style>
</head>`;
}

export function esc(s: string): string {
  return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Just enough Markdown for rule help: `code`, **bold**, [links](https://...), paragraphs and bullets. */
export function miniMarkdown(md: string): string {
  const inline = (t: string) =>
    esc(t)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, text: string, url: string) => `<a href="${url}" rel="noopener noreferrer">${text}</a>`);
  const blocks = md.trim().split(/\n\s*\n/);
  return blocks
    .map((b) => {
      const lines = b.split('\n');
      if (lines.every((l) => /^\s*[-*] /.test(l))) return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ''))}</li>`).join('')}</ul>`;
      return `<p>${inline(b.replace(/\n/g, ' '))}</p>`;
    })
    .join('');
}

export function anchorOf(fingerprint: string): string {
  return `f-${fingerprint.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function link(url: string, text = url): string {
  return /^https?:\/\//.test(url) ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(text)}</a>` : esc(text);
}

let vizPromise: Promise<{ renderString(dot: string, opts: { format: string }): string }> | undefined;

/** Renders DOT to an inline `<svg>` element, offline. Returns undefined (and the reason) when Graphviz fails. */
export async function dotToSvg(dot: string): Promise<{ svg?: string; error?: string }> {
  try {
    vizPromise ??= import('@viz-js/viz').then((m) => m.instance());
    const viz = await vizPromise;
    const svg = viz.renderString(dot, { format: 'svg' });
    const start = svg.indexOf('<svg');
    return { svg: svg.slice(start).replace(/<!--[\s\S]*?-->/g, '') };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
}

function chainHtml(chain: readonly ChainStep[]): string {
  if (!chain.length) return '';
  return `<ol class="chain">${chain.map((s) => `<li class="step step-${esc(s.kind)}"><span class="k">${esc(s.kind)}</span> ${esc(s.label)}</li>`).join('')}</ol>`;
}

function locationsHtml(f: Finding): string {
  const shown = f.locations.slice(0, 5).map((l) => {
    const env = l.environment && l.environment !== 'unknown' ? ` <span class="env env-${l.environment}">${esc(l.environment)}</span>` : '';
    const variable = l.variable ? ` <span class="var">${esc(l.variable)}</span>` : '';
    return `<li><code>${esc(l.path)}:${l.startLine}</code>${variable}${env}</li>`;
  });
  const more = f.locations.length > 5 ? `<li class="muted">+${f.locations.length - 5} more</li>` : '';
  return shown.length ? `<ul class="locs">${shown.join('')}${more}</ul>` : '<span class="muted">—</span>';
}

function helpHtml(f: Finding, meta: CatalogEntry | undefined): string {
  const docs = `https://github.com/blastradius/blastradius/blob/main/docs/rules.md#${f.ruleId}`;
  const refs = meta?.help?.references ?? [];
  const body = meta?.help
    ? `<h4>Why it matters</h4>${miniMarkdown(meta.help.why)}<h4>How to fix</h4>${miniMarkdown(meta.help.fix)}`
    : '';
  const links = [link(docs, `${f.ruleId} documentation`), ...refs.map((r) => link(r))];
  return `<details class="help"><summary>Help</summary>${body}<h4>References</h4><ul>${links.map((l) => `<li>${l}</li>`).join('')}</ul></details>`;
}

function findingRow(f: Finding, meta: CatalogEntry | undefined, nodesByFinding: Map<string, PictureNode[]>, anchor: string): string {
  const nodes = nodesByFinding.get(f.fingerprint) ?? [];
  const inGraph = nodes.length
    ? `<div class="ingraph">In the graph: ${nodes.map((n) => `<a href="#${n.id}" class="chip env-${n.environment}">${esc(n.label)}</a>`).join(' ')}</div>`
    : '';
  const envs = f.environments.filter((e) => e !== 'unknown');
  return `<tr id="${anchor}" class="finding sev-${f.severity}">
<td class="sevcell"><span class="sev sev-${f.severity}">${f.severity}</span><div class="muted small">${esc(f.confidence)} confidence</div></td>
<td class="rule"><strong>${esc(f.title)}</strong><div><code>${esc(f.ruleId)}</code></div>${envs.length ? `<div>${envs.map((e) => `<span class="env env-${e}">${e}</span>`).join(' ')}</div>` : ''}${helpHtml(f, meta)}</td>
<td class="where">${locationsHtml(f)}</td>
<td class="radius"><p class="msg">${esc(f.message)}</p>${chainHtml(f.chain)}${inGraph}</td>
</tr>`;
}

function legendHtml(model: GraphModel): string {
  const envs = (model.environments.length ? model.environments : (['production', 'staging', 'unknown'] as Environment[]))
    .map((e) => `<li><span class="swatch" style="background:${ENV_COLORS[e].fill};border-color:${ENV_COLORS[e].stroke}"></span>${esc(ENV_NAMES[e])}</li>`)
    .join('');
  return `<div class="legend" aria-label="Legend">
<ul class="envs"><li class="lh">Environment</li>${envs}</ul>
<ul class="edges"><li class="lh">Edges</li>
<li><span class="line destructive"></span>can delete / administer</li>
<li><span class="line sharesfate"></span>backup in the same failure domain</li>
<li><span class="line canread"></span>agent can read the credential</li>
<li><span class="line plain"></span>acts as · stored on · other access</li></ul>
<ul class="shapes"><li class="lh">Nodes</li><li>AI agent → credential → principal (its scope) → resource → backup; a thick border means findings (click a node)</li></ul>
</div>`;
}

function nodeCards(model: GraphModel, findingsByFp: Map<string, Finding>, anchors: Map<string, string>): string {
  const order: PictureNode['kind'][] = ['agent', 'credential', 'principal', 'resource', 'backup', 'more', 'vendor'];
  const nodes = [...model.nodes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.findings.length - a.findings.length);
  return nodes
    .map((n) => {
      const items = n.findings
        .map((fp) => findingsByFp.get(fp))
        .filter((f): f is Finding => !!f)
        .map((f) => `<li><a href="#${anchors.get(f.fingerprint)}"><span class="sev sev-${f.severity}">${f.severity}</span> ${esc(f.title)}</a></li>`)
        .join('');
      return `<article id="${n.id}" class="card env-${n.environment}">
<div class="kind">${esc(KIND_NAMES[n.kind])}${n.environment === 'unknown' ? '' : ` <span class="env env-${n.environment}">${esc(n.environment)}</span>`}</div>
<div class="name">${esc(n.label)}</div>${n.detail ? `<div class="detail">${esc(n.detail)}</div>` : ''}
${items ? `<ul class="nf">${items}</ul>` : '<div class="muted small">no findings on this node</div>'}
</article>`;
    })
    .join('\n');
}

const STYLE = `
:root{--fg:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--card:#ffffff}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1400px;margin:0 auto;padding:0 24px 48px}
header.top{background:#0f172a;color:#f8fafc;padding:20px 24px}
header.top .inner{max-width:1400px;margin:0 auto;display:flex;flex-wrap:wrap;gap:16px 32px;align-items:flex-end;justify-content:space-between}
header.top h1{margin:0;font-size:22px}
header.top .target{color:#cbd5e1;font-size:13px;margin-top:4px}
header.top .target code{color:#e2e8f0;background:#1e293b}
.counts{display:flex;gap:8px;flex-wrap:wrap;margin:0;padding:0;list-style:none}
.counts li{border-radius:8px;padding:6px 12px;min-width:78px;text-align:center}
.counts b{display:block;font-size:20px;line-height:1.1}
.counts .zero{opacity:.45}
.stats{color:#cbd5e1;font-size:13px}
h2{font-size:18px;margin:28px 0 10px}
h3{font-size:16px;margin:22px 0 8px;display:flex;gap:8px;align-items:center}
h4{margin:10px 0 4px;font-size:13px}
a{color:#1d4ed8}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f5f9;border-radius:4px;padding:1px 4px}
.muted{color:var(--muted)}.small{font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:10px 28px;background:var(--card);border:1px solid var(--line);border-radius:8px 8px 0 0;padding:10px 14px;font-size:12.5px}
.legend ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center}
.legend .lh{font-weight:600;color:#374151}
.swatch{display:inline-block;width:14px;height:14px;border:2px solid;border-radius:3px;vertical-align:-3px;margin-right:5px}
.line{display:inline-block;width:28px;height:0;border-top:2px solid #6b7280;vertical-align:middle;margin-right:6px}
.line.destructive{border-top:3px solid ${DESTRUCTIVE_COLOR}}
.line.sharesfate{border-top:2px dashed ${DESTRUCTIVE_COLOR}}
.line.canread{border-top:2px dashed #7c3aed}
.graphbox{background:#fff;border:1px solid var(--line);border-top:0;border-radius:0 0 8px 8px;padding:12px;overflow:auto}
.graphbox svg{display:block;max-width:100%;height:auto;margin:0 auto}
.graphbox svg a:hover polygon,.graphbox svg a:hover path,.graphbox svg a:hover ellipse{stroke-width:3}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-left:5px solid #6b7280;border-radius:6px;padding:8px 10px;font-size:13px}
.card:target,.finding:target{outline:3px solid #2563eb;outline-offset:2px}
.card .kind{font-size:11.5px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.card .kind .env{text-transform:none;letter-spacing:0}
.card .name{font-weight:600;word-break:break-word}
.card .detail{color:#374151}
.card ul.nf{margin:6px 0 0;padding-left:0;list-style:none}
.card ul.nf li{margin:2px 0}
.card ul.nf a{text-decoration:none}
table.findings{width:100%;border-collapse:separate;border-spacing:0;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
table.findings th{background:#f1f5f9;text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#475569;padding:8px 10px}
table.findings td{vertical-align:top;padding:10px;border-top:1px solid var(--line)}
td.sevcell{width:110px}td.rule{width:26%}td.where{width:22%}
.sev{display:inline-block;border-radius:999px;padding:1px 9px;font-size:11.5px;font-weight:600;text-transform:uppercase;letter-spacing:.03em}
${SEVERITIES.map((s) => `.sev-${s}.sev,.counts .c-${s}{background:${SEVERITY_COLORS[s].bg};color:${SEVERITY_COLORS[s].fg}}`).join('\n')}
${SEVERITIES.map((s) => `tr.sev-${s} td.sevcell{border-left:4px solid ${SEVERITY_COLORS[s].bg}}`).join('\n')}
.env{display:inline-block;border:1px solid;border-radius:4px;padding:0 5px;font-size:11.5px}
${(Object.keys(ENV_COLORS) as Environment[]).map((e) => `.env-${e}.env,.chip.env-${e}{background:${ENV_COLORS[e].fill};border-color:${ENV_COLORS[e].stroke};color:${ENV_COLORS[e].text}}.card.env-${e}{border-left-color:${ENV_COLORS[e].stroke}}`).join('\n')}
.chip{display:inline-block;border:1px solid;border-radius:999px;padding:0 8px;font-size:12px;text-decoration:none;margin:2px 2px 0 0}
ul.locs{list-style:none;margin:0;padding:0}ul.locs li{margin:0 0 3px}
.var{font-size:12px;color:#475569}
p.msg{margin:0 0 6px}
ol.chain{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px;align-items:center}
ol.chain li{background:#f1f5f9;border:1px solid #e2e8f0;border-radius:6px;padding:2px 7px;font-size:12.5px}
ol.chain li+li::before{content:"→ ";color:var(--muted)}
ol.chain .k{font-size:10.5px;text-transform:uppercase;color:var(--muted);letter-spacing:.03em}
ol.chain .step-resource{background:#fef2f2;border-color:#fecaca}
ol.chain .step-backup{background:#fff7ed;border-color:#fed7aa}
ol.chain .step-agent{background:#f5f3ff;border-color:#ddd6fe}
.ingraph{margin-top:6px;font-size:12px;color:var(--muted)}
details.help summary{cursor:pointer;color:#1d4ed8;font-size:12.5px;margin-top:6px}
details.help p,details.help ul{margin:4px 0;font-size:12.5px}
.none{background:#ecfdf5;border:1px solid #a7f3d0;border-radius:8px;padding:14px}
footer{color:var(--muted);font-size:12px;margin-top:32px}
`;

export async function renderHtml(result: ScanResult): Promise<string> {
  const active = result.findings.filter((f) => !f.suppressed);
  const suppressed = result.findings.length - active.length;
  const counts = severityCounts(active);
  const model = graphModel(result);
  const byId = new Map(catalog().map((c) => [c.id, c]));

  // One anchor per finding row; a fingerprint links to its first row.
  const rowAnchor = new Map<Finding, string>();
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const f of active) {
    let a = anchorOf(f.fingerprint);
    for (let i = 2; used.has(a); i++) a = `${anchorOf(f.fingerprint)}-${i}`;
    used.add(a);
    rowAnchor.set(f, a);
    if (!anchors.has(f.fingerprint)) anchors.set(f.fingerprint, a);
  }
  const findingsByFp = new Map(active.map((f) => [f.fingerprint, f]));
  const nodesByFinding = new Map<string, PictureNode[]>();
  for (const n of model.nodes) for (const fp of n.findings) pushTo(nodesByFinding, fp, n);

  let graphHtml: string;
  if (!model.nodes.length) graphHtml = '<div class="graphbox"><p class="muted">No credentials were found, so there is nothing to draw.</p></div>';
  else {
    const dot = modelToDot(model, { links: true });
    const { svg, error } = await dotToSvg(dot);
    graphHtml = svg
      ? `<div class="graphbox" id="graph" aria-label="Blast-radius graph">${svg}</div>`
      : `<div class="graphbox"><p>The graph could not be drawn (${esc(error ?? 'unknown error')}). Its DOT source:</p><pre>${esc(dot)}</pre></div>`;
  }

  const countItems = SEVERITIES.map(
    (s) => `<li class="c-${s}${counts[s] ? '' : ' zero'}"><b>${counts[s]}</b>${s}</li>`,
  ).join('');

  const groups = SEVERITIES.map((s) => {
    const group = active.filter((f) => f.severity === s);
    if (!group.length) return '';
    const rows = group.map((f) => findingRow(f, byId.get(f.ruleId), nodesByFinding, rowAnchor.get(f)!)).join('\n');
    return `<section class="sevgroup" id="severity-${s}"><h3><span class="sev sev-${s}">${s}</span> ${group.length} finding${group.length === 1 ? '' : 's'}</h3>
<table class="findings"><thead><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Blast radius</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
  }).join('\n');

  const diagnostics = result.diagnostics.length
    ? `<section id="diagnostics"><h2>${result.diagnostics.length} file(s) could not be fully scanned</h2><ul>${result.diagnostics
        .slice(0, 200)
        .map((d) => `<li><code>${esc(d.path)}</code>: ${esc(d.message)}</li>`)
        .join('')}</ul></section>`
    : '';

  const html = `${pageHead(`blastradius report — ${esc(result.target)}`, STYLE)}
<body>
<header class="top"><div class="inner">
<div><h1>blastradius report</h1><div class="target">Target <code>${esc(result.target)}</code> · ${TOOL.name} ${esc(TOOL.version)}</div>
<div class="stats">${result.stats.files} files scanned · ${result.credentials.length} credentials · ${result.resources.length} resources · ${active.length} findings${suppressed ? ` (${suppressed} suppressed)` : ''}</div></div>
<ul class="counts" aria-label="Findings by severity">${countItems}</ul>
</div></header>
<main>
<section id="graph-section"><h2>Blast radius</h2>
${legendHtml(model)}
${graphHtml}
<p class="muted small">${model.omittedCredentials ? `${model.omittedCredentials} credential(s) with less severe findings are not drawn. ` : ''}Click a node for what it is and the findings about it; <a href="#findings">findings by severity</a> follow the graph.</p>
</section>
<section id="findings"><h2>Findings</h2>
${active.length ? groups : '<div class="none">No findings.</div>'}
</section>
${model.nodes.length ? `<section id="nodes"><h2>Graph nodes and their findings (${model.nodes.length})</h2><div class="cards">
${nodeCards(model, findingsByFp, anchors)}
</div></section>` : ''}
${diagnostics}
<footer>Generated offline by ${TOOL.name} ${esc(TOOL.version)}. Secrets are shown only as redacted previews and fingerprints. This page loads nothing from the network.</footer>
</main>
</body>
</html>
`;
  return html;
}
