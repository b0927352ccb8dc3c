// The blast-radius graph as a Mermaid flowchart, for PR comments and job summaries (GitHub renders ```mermaid blocks).
// Agents and credentials on the left, each credential's principal (its scope), then the resources it can act on grouped
// by environment, and their backups — the same model as the DOT/HTML picture (graph-model.ts). Labels hold redacted previews only, never a secret; the caller's output
// still passes through the vault's scrubber.
import type { ScanResult } from '../scan.js';
import type { Environment } from '../core/types.js';
import { DESTRUCTIVE_COLOR, ENV_COLORS, graphModel, type GraphModel, type PictureNode } from './graph-model.js';
import { findingsNote } from './dot.js';
import { visible } from './safe-text.js';

export interface MermaidOptions {
  /**
   * Draw only what these fingerprints are about: finding fingerprints (the credentials and resources the finding
   * names) or credential fingerprints (that credential). Empty set = an empty graph; absent = everything.
   */
  onlyFingerprints?: Set<string>;
  /** Cap on nodes so GitHub can render it (default 40); the rest is summarised in a note node. */
  maxNodes?: number;
  /** Flowchart direction (default LR). */
  direction?: 'LR' | 'TB';
}

const ENV_ORDER: Environment[] = ['production', 'staging', 'development', 'test', 'unknown'];

/** Text safe inside a quoted Mermaid label (node or edge): no quote, pipe, backtick or markup that could break out. */
export function mermaidLabel(s: string, max = 80): string {
  const short = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return visible(short.replace(/[\r\n]+/g, ' '))
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[|`]/g, ' ')
    .replace(/[\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns the Mermaid source (without the ``` fence), or '' when there is nothing to draw. Built from the same graph
 * model as the DOT and HTML pictures (src/report/graph-model.ts). */
export function mermaidGraph(result: ScanResult, opts: MermaidOptions = {}): string {
  const maxNodes = Math.max(1, opts.maxNodes ?? 40);
  const model = graphModel(result);
  let nodes = model.nodes;
  let edges = model.edges;
  if (opts.onlyFingerprints) {
    const only = opts.onlyFingerprints;
    const findings = result.findings.filter((f) => only.has(f.fingerprint) && !f.suppressed);
    const seeds = new Set([
      ...findings.flatMap((f) => [...f.credentialFingerprints, ...f.resourceIds]),
      ...result.credentials.filter((c) => only.has(c.fingerprint)).map((c) => c.fingerprint),
    ]);
    const keep = around(model, seeds);
    nodes = nodes.filter((n) => keep.has(n.id));
    edges = edges.filter((e) => keep.has(e.from) && keep.has(e.to));
  }
  if (!nodes.length) return '';

  // Keep within the node budget: credentials and agents first, then production before other environments.
  const shown = [...nodes]
    .map((n, i) => ({ n, i }))
    .sort((a, b) => KIND_RANK[a.n.kind] - KIND_RANK[b.n.kind] || ENV_ORDER.indexOf(a.n.environment) - ENV_ORDER.indexOf(b.n.environment) || a.i - b.i)
    .slice(0, maxNodes)
    .sort((a, b) => a.i - b.i)
    .map(({ n }) => n);
  const ids = new Set(shown.map((n) => n.id));
  const hidden = nodes.length - shown.length;

  const lines = [`flowchart ${opts.direction ?? 'LR'}`];
  const nodeLine = (n: PictureNode) => {
    const text = [`${ICONS[n.kind](n)} ${mermaidLabel(n.label, 60)}`, n.detail ? mermaidLabel(n.detail, 60) : '', n.findings.length ? mermaidLabel(findingsNote(n)) : '']
      .filter(Boolean)
      .join('<br/>');
    return `${n.id}["${text}"]:::env_${n.environment}`;
  };
  for (const n of shown) if (!GROUPED.has(n.kind)) lines.push(`  ${nodeLine(n)}`);
  for (const env of ENV_ORDER) {
    const group = shown.filter((n) => GROUPED.has(n.kind) && n.environment === env);
    if (!group.length) continue;
    lines.push(`  subgraph in_${env}["${env === 'unknown' ? 'environment unknown' : env}"]`);
    for (const n of group) lines.push(`    ${nodeLine(n)}`);
    lines.push('  end');
  }
  if (hidden > 0) lines.push(`  hidden_nodes["… ${hidden} more not drawn"]:::note`);

  const red: number[] = [];
  const fate: number[] = [];
  let i = 0;
  for (const e of edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) continue;
    const arrow = e.destructive ? '==>' : e.kind === 'can-read' || e.sharesFate ? '-.->' : e.kind === 'stored-on' ? '---' : '-->';
    lines.push(`  ${e.from} ${arrow}|"${mermaidLabel(e.label ?? e.kind, 30)}"| ${e.to}`);
    if (e.destructive) red.push(i);
    else if (e.sharesFate) fate.push(i);
    i++;
  }
  if (red.length) lines.push(`  linkStyle ${red.join(',')} stroke:${DESTRUCTIVE_COLOR},stroke-width:3px,color:${DESTRUCTIVE_COLOR}`);
  if (fate.length) lines.push(`  linkStyle ${fate.join(',')} stroke:${DESTRUCTIVE_COLOR},color:${DESTRUCTIVE_COLOR}`);
  for (const env of ENV_ORDER) {
    const c = ENV_COLORS[env];
    lines.push(`  classDef env_${env} fill:${c.fill},stroke:${c.stroke},color:${c.text}`);
  }
  lines.push('  classDef note fill:#fff,stroke:#999,color:#555');
  return lines.join('\n');
}

const KIND_RANK: Record<PictureNode['kind'], number> = { credential: 0, agent: 1, principal: 2, resource: 3, backup: 4, more: 5, vendor: 6 };
/** Node kinds drawn inside their environment's subgraph. */
const GROUPED = new Set<PictureNode['kind']>(['resource', 'backup', 'more']);
const ICONS: Record<PictureNode['kind'], (n: PictureNode) => string> = {
  agent: () => '🤖',
  credential: () => '🔑',
  principal: () => '👤',
  resource: (n) => (n.resourceType === 'volume' || n.resourceType === 'database' || n.resourceType === 'bucket' ? '🗄️' : '⚙️'),
  backup: () => '💾',
  more: () => '➕',
  vendor: () => '🏢',
};

/** The seeds, everything downstream of them (scope → resources → volumes → backups), and agents that read them. */
function around(model: GraphModel, seedKeys: Set<string>): Set<string> {
  const keep = new Set(model.nodes.filter((n) => seedKeys.has(n.key)).map((n) => n.id));
  const queue = [...keep];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of model.edges) {
      if (e.from === id && !keep.has(e.to)) {
        keep.add(e.to);
        queue.push(e.to);
      }
    }
  }
  for (const e of model.edges) if (e.kind === 'can-read' && keep.has(e.to)) keep.add(e.from);
  return keep;
}

/** The graph in a fenced block, ready for Markdown; '' when there is nothing to draw. */
export function mermaidBlock(result: ScanResult, opts?: MermaidOptions): string {
  const src = mermaidGraph(result, opts);
  return src ? `\`\`\`mermaid\n${src}\n\`\`\`` : '';
}
