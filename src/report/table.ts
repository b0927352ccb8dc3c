// The terminal table: findings grouped by severity, each with its blast-radius chain on one line.
import Table from 'cli-table3';
import pc from 'picocolors';
import type { ScanResult } from '../scan.js';
import type { Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { chainText } from '../pipeline/chain.js';
import { visible, visibleLines } from './safe-text.js';
import { vendorsText } from './vendors.js';

type Colors = ReturnType<typeof pc.createColors>;

function paint(c: Colors, s: Severity): (t: string) => string {
  return { critical: (t: string) => c.bold(c.red(t)), high: c.red, medium: c.yellow, low: c.cyan, info: c.dim }[s];
}

export function renderTable(result: ScanResult, opts: { color: boolean; width?: number }): string {
  const c = pc.createColors(opts.color);
  const width = Math.max(80, opts.width ?? 120);
  const active = result.findings.filter((f) => !f.suppressed);
  const lines: string[] = [];
  lines.push(
    c.bold(`blastradius: ${visible(result.target)}`) +
      c.dim(` — ${result.stats.files} files, ${result.credentials.length} credentials, ${result.resources.length} resources`),
  );
  if (!active.length) lines.push(c.green('No findings.'));
  for (const sev of SEVERITIES) {
    const group = active.filter((f) => f.severity === sev);
    if (!group.length) continue;
    const left = Math.min(44, Math.floor(width * 0.36));
    const table = new Table({
      head: [paint(c, sev)(`${sev.toUpperCase()} (${group.length})`), 'blast radius'],
      colWidths: [left, width - left - 3],
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [], compact: false },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const f of group) {
      const loc = f.locations[0];
      const where = loc ? `${visible(loc.path)}:${loc.startLine}${f.locations.length > 1 ? c.dim(` (+${f.locations.length - 1})`) : ''}` : '';
      table.push([`${paint(c, sev)(visible(f.title))}\n${c.dim(`${visible(f.ruleId)} · ${f.confidence} confidence`)}\n${where}`, visibleLines(chainText(f.chain) || f.message)]);
    }
    lines.push(table.toString());
  }
  const suppressed = result.findings.length - active.length;
  const counts = SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => paint(c, s)(`${n} ${s}`));
  lines.push(`${active.length} finding${active.length === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}${suppressed ? c.dim(` (${suppressed} suppressed)`) : ''}`);
  lines.push(...vendorsText(result));
  if (result.diagnostics.length) {
    lines.push(c.dim(`${result.diagnostics.length} file(s) not fully scanned:`));
    for (const d of result.diagnostics.slice(0, 20)) lines.push(c.dim(`  ${visible(d.path)}: ${visible(d.message)}`));
    if (result.diagnostics.length > 20) lines.push(c.dim(`  … ${result.diagnostics.length - 20} more (see --format json)`));
  }
  return lines.join('\n') + '\n';
}
