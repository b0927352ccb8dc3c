// `--format dot`: the blast-radius graph in Graphviz DOT. Render it with `dot -Tsvg report.dot > report.svg`.
import type { ScanResult } from '../scan.js';
import type { Severity } from '../core/types.js';
import { DESTRUCTIVE_COLOR, ENV_COLORS, graphModel, type GraphModel, type GraphModelOptions, type PictureNode } from './graph-model.js';
import { TOOL } from './meta.js';
import { visible } from './safe-text.js';

export interface DotOptions extends GraphModelOptions {
  /** Make each node a link to `#<node id>` (for the HTML report) with a tooltip. */
  links?: boolean;
}

const FONT = 'Helvetica';

/** A DOT double-quoted string. Backslashes are doubled so Graphviz escapes (`\N`, `\G`, `\l`) cannot be injected. */
export function dotString(s: string): string {
  const lines = s.split(/\r?\n/).map(visible);
  return `"${lines.join('\n').replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function attrs(a: Record<string, string | number | undefined>): string {
  const parts = Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v : dotString(v!)}`);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

const SHAPES: Record<string, string> = {
  database: 'cylinder',
  volume: 'cylinder',
  bucket: 'folder',
  service: 'component',
  'dns-zone': 'tab',
  'iam-principal': 'house',
};

function shapeOf(n: PictureNode): { shape: string; style: string } {
  switch (n.kind) {
    case 'agent':
      return { shape: 'ellipse', style: 'filled,bold' };
    case 'credential':
      return { shape: 'note', style: 'filled' };
    case 'principal':
      return { shape: 'box', style: 'filled,rounded,dashed' };
    case 'backup':
      return { shape: 'box3d', style: 'filled' };
    case 'more':
      return { shape: 'box', style: 'filled,dotted' };
    case 'vendor':
      return { shape: 'hexagon', style: 'filled,bold' };
    default:
      return { shape: SHAPES[n.resourceType ?? ''] ?? 'box', style: 'filled' };
  }
}

/** Breaks a long label line at spaces so nodes stay narrow. */
export function wrap(line: string, width = 34): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur && (cur + ' ' + word).length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

export function findingsNote(n: PictureNode): string {
  if (!n.findings.length) return '';
  return `${n.findings.length} finding${n.findings.length === 1 ? '' : 's'} (${n.worst})`;
}

const SEVERITY_PEN: Record<Severity, number> = { critical: 3, high: 2.4, medium: 1.8, low: 1.4, info: 1.2 };

export function modelToDot(model: GraphModel, opts: DotOptions = {}): string {
  const lines = [
    `// ${TOOL.name} ${TOOL.version} blast-radius graph: agents → credentials → principals (scope) → resources → backups.`,
    '// Node colours: environment. Red bold edges: the credential can delete or administer the target.',
    'digraph blastradius {',
    `  graph${attrs({ rankdir: 'LR', fontname: FONT, bgcolor: 'transparent', nodesep: 0.25, ranksep: 0.7, pad: 0.2, tooltip: 'blast radius' })};`,
    `  node${attrs({ fontname: FONT, fontsize: 12, penwidth: 1.2, margin: '0.12,0.06' })};`,
    `  edge${attrs({ fontname: FONT, fontsize: 10, color: '#6b7280', fontcolor: '#4b5563', arrowsize: 0.7 })};`,
  ];
  for (const n of model.nodes) {
    const c = ENV_COLORS[n.environment];
    const { shape, style } = shapeOf(n);
    const note = findingsNote(n);
    const label = [n.label, n.detail, note].filter((s): s is string => !!s).flatMap((s) => wrap(s)).join('\n');
    lines.push(
      `  ${n.id}${attrs({
        label,
        shape,
        style,
        fillcolor: c.fill,
        color: c.stroke,
        fontcolor: c.text,
        penwidth: n.worst ? SEVERITY_PEN[n.worst] : undefined,
        URL: opts.links ? `#${n.id}` : undefined,
        tooltip: opts.links ? `${n.kind}: ${[n.label, n.detail].filter(Boolean).join(' — ')}${note ? ` — ${note}` : ''}` : undefined,
      })};`,
    );
  }
  for (const e of model.edges) {
    const a: Record<string, string | number | undefined> = { label: e.label };
    if (e.destructive) Object.assign(a, { color: DESTRUCTIVE_COLOR, fontcolor: DESTRUCTIVE_COLOR, penwidth: 2.2, style: 'bold' });
    else if (e.kind === 'can-read') Object.assign(a, { color: '#7c3aed', fontcolor: '#6d28d9', style: 'dashed' });
    else if (e.kind === 'backed-up-by') Object.assign(a, e.sharesFate ? { color: DESTRUCTIVE_COLOR, fontcolor: DESTRUCTIVE_COLOR, style: 'dashed' } : { color: '#2f855a', fontcolor: '#2f855a' });
    else if (e.kind === 'stored-on') Object.assign(a, { style: 'dotted', arrowhead: 'none' });
    if (e.destructive) a.class = 'destructive';
    lines.push(`  ${e.from} -> ${e.to}${attrs(a)};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function renderDot(result: ScanResult, opts: DotOptions = {}): string {
  return modelToDot(graphModel(result, opts), opts);
}
