// Reports for PR mode: what the change adds or widens comes first, then what was already there. Every renderer returns
// text that has been through the scrubbers of both scans.
import type { Comparison, DiffOutcome } from './diff-mode.js';
import { short } from './diff-mode.js';
import type { Finding, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { toJsonReport } from '../report/json.js';
import { toSarif } from '../report/sarif.js';
import { cell, findingsTable, summaryLine } from '../report/markdown.js';
import { renderTable } from '../report/table.js';
import { mermaidBlock } from '../report/mermaid.js';
import { TOOL } from '../report/meta.js';
import { atOrAbove } from '../pipeline/rules.js';

export type FailOn = Severity | 'none';

/** The findings the gate applies to: the new ones when a comparison was made, else every active finding. */
export function gatedFindings(outcome: DiffOutcome): Finding[] {
  const active = outcome.head.findings.filter((f) => !f.suppressed);
  if (outcome.comparison.status !== 'compared') return active;
  const fresh = new Set(outcome.comparison.newFindings);
  return active.filter((f) => fresh.has(f.fingerprint));
}

export function failing(outcome: DiffOutcome, failOn: FailOn): Finding[] {
  return gatedFindings(outcome).filter((f) => atOrAbove(f.severity, failOn));
}

export function maxSeverity(findings: readonly Finding[]): Severity | 'none' {
  return SEVERITIES.find((s) => findings.some((f) => !f.suppressed && f.severity === s)) ?? 'none';
}

/**
 * The first lines of a PR comment: the most serious thing the change does, in words. Markdown, one entry a line.
 * When nothing is new, one line saying so.
 */
export function headlines(outcome: DiffOutcome): string[] {
  const c = outcome.comparison;
  const lines: string[] = [];
  if (c.status !== 'compared') {
    lines.push(`⚠️ **Could not compare with the base:** ${cell(c.reason ?? 'no base commit')}. Every finding below is from the head alone, and the gate applies to all of them.`);
    return lines;
  }
  for (const s of c.stagingToProduction) {
    const what = s.data ? 'delete production data' : 'delete production resources';
    lines.push(
      `⛔ **This change lets ${s.environment} ${what}.** ${s.newCredential ? 'It adds' : 'It widens'} \`${cell(s.label)}\` at \`${cell(`${s.location.path}:${s.location.startLine}`)}\` (${s.environment}), which can delete ${cell(listOf(s.resources))}.`,
    );
  }
  for (const p of c.protectionsRemoved) lines.push(`🛡️ **This change removes a protection:** ${cell(p.label)} — ${cell(p.what)}${p.location ? ` (\`${cell(`${p.location.path}:${p.location.startLine}`)}\`)` : ''}.`);
  const newCreds = c.newCredentials.filter((fp) => !c.stagingToProduction.some((s) => s.fingerprint === fp));
  if (newCreds.length) {
    const labels = newCreds.map((fp) => outcome.head.credentials.find((x) => x.fingerprint === fp)).filter((x) => !!x).map((x) => `\`${cell(`${x.provider.toUpperCase()} ${x.type} ${x.preview}`)}\``);
    lines.push(`🔑 **This change adds ${newCreds.length} credential${newCreds.length === 1 ? '' : 's'}:** ${listOf(labels)}.`);
  }
  for (const w of c.widened.filter((w) => !c.stagingToProduction.some((s) => s.fingerprint === w.fingerprint)))
    lines.push(`📈 **Wider reach:** \`${cell(w.label)}\` ${cell(w.changes.join('; '))}.`);
  if (c.newFindings.length) {
    const fresh = new Set(c.newFindings);
    lines.push(`**${c.newFindings.length} new finding${c.newFindings.length === 1 ? '' : 's'}:** ${summaryLine(outcome.head.findings.filter((f) => fresh.has(f.fingerprint)))}.`);
  }
  if (!lines.length) {
    const existing = outcome.head.findings.filter((f) => !f.suppressed).length;
    lines.push(`✅ **Nothing new.** This change adds no credential and does not widen the blast radius${existing ? ` (${existing} finding${existing === 1 ? '' : 's'} already on the base branch, unchanged)` : ''}.`);
  }
  return lines;
}

function listOf(items: string[], max = 3): string {
  return items.slice(0, max).join(', ') + (items.length > max ? ` and ${items.length - max} more` : '');
}

export interface DiffMarkdownOptions {
  failOn?: FailOn;
  /** Heading level-2 title; default "blastradius". */
  title?: string;
  /** Include the Mermaid graph (default true). */
  graph?: boolean;
  /** Lines about what the run could not do (upload skipped on forks...). */
  notices?: string[];
  /** Stay under this many characters (GitHub comments allow 65,536). */
  maxLength?: number;
}

/** Markdown for the PR comment and the job summary: what is new first, with its blast-radius graph. */
export function renderDiffMarkdown(outcome: DiffOutcome, opts: DiffMarkdownOptions = {}): string {
  const { head, comparison: c } = outcome;
  const active = head.findings.filter((f) => !f.suppressed);
  const fresh = new Set(c.status === 'compared' ? c.newFindings : []);
  const newOnes = active.filter((f) => fresh.has(f.fingerprint));
  const old = active.filter((f) => !fresh.has(f.fingerprint));
  const gate = opts.failOn ? failing(outcome, opts.failOn) : [];
  const verdict = opts.failOn ? (gate.length ? `❌ fails at \`${opts.failOn}\`` : `✅ passes at \`${opts.failOn}\``) : '';

  const out: string[] = [`## ${opts.title ?? 'blastradius'}${verdict ? ` — ${verdict}` : ''}`, '', ...headlines(outcome).flatMap((l) => [l, '']).slice(0, -1), ''];
  out.push(`**Summary:** ${summaryLine(head.findings)} · ${head.credentials.length} credential${head.credentials.length === 1 ? '' : 's'}, ${head.resources.length} resources in ${head.stats.files} files.`, '');
  for (const n of opts.notices ?? []) out.push(`> [!NOTE]\n> ${cell(n)}`, '');

  if (newOnes.length) {
    out.push(`### New in this change (${newOnes.length})`, '', findingsTable(newOnes), '');
    if (opts.graph !== false) {
      const graph = mermaidBlock(head, { onlyFingerprints: fresh, maxNodes: 30 });
      if (graph) out.push('<details open><summary>Blast radius of what this change adds</summary>', '', graph, '', '</details>', '');
    }
  }
  if (c.widened.length) {
    out.push('### Wider reach', '');
    for (const w of c.widened) out.push(`- \`${cell(w.label)}\`: ${cell(w.changes.join('; '))}`);
    out.push('');
  }
  if (c.protectionsRemoved.length) {
    out.push('### Protections removed', '');
    for (const p of c.protectionsRemoved) out.push(`- ${cell(p.label)}: ${cell(p.what)}${p.location ? ` (\`${cell(`${p.location.path}:${p.location.startLine}`)}\`)` : ''}`);
    out.push('');
  }
  if (old.length) {
    const title = c.status === 'compared' ? `Already on the base branch (${old.length})` : `Findings (${old.length})`;
    if (c.status === 'compared') out.push(`<details><summary>${title}</summary>`, '', findingsTable(old), '', '</details>', '');
    else {
      out.push(`### ${title}`, '', findingsTable(old), '');
      if (opts.graph !== false) {
        const graph = mermaidBlock(head, { onlyFingerprints: new Set(old.map((f) => f.fingerprint)), maxNodes: 30 });
        if (graph) out.push('<details><summary>Blast radius</summary>', '', graph, '', '</details>', '');
      }
    }
  }
  if (c.resolvedFindings.length) {
    out.push(`<details><summary>Resolved by this change (${c.resolvedFindings.length})</summary>`, '');
    for (const r of c.resolvedFindings) out.push(`- ${r.severity} \`${r.ruleId}\`: ${cell(r.title)}`);
    out.push('', '</details>', '');
  }
  if (head.diagnostics.length) out.push(`<sub>${head.diagnostics.length} file(s) could not be fully scanned; see the JSON report.</sub>`, '');
  const compared =
    c.status === 'compared'
      ? c.sameCommit
        ? `base and head are the same commit (${short(c.baseSha ?? '')})`
        : `compared base ${short(c.baseSha ?? '')} with head ${c.headSha ? short(c.headSha) : 'working tree'}`
      : 'not compared with a base';
  out.push(`<sub>${TOOL.name} ${TOOL.version} · ${compared}${c.notes.length ? ` · ${c.notes.map(cell).join(' · ')}` : ''}</sub>`, '');
  return fit(outcome.scrub(out.join('\n')), opts.maxLength ?? 60_000);
}

/** Trims Markdown to a length, closing an open details block and saying what was left out. */
function fit(md: string, max: number): string {
  if (md.length <= max) return md;
  const cut = md.slice(0, max - 300);
  const lastLine = cut.lastIndexOf('\n');
  let out = cut.slice(0, lastLine);
  if ((out.match(/```/g)?.length ?? 0) % 2 === 1) out += '\n```';
  const open = (out.match(/<details/g)?.length ?? 0) - (out.match(/<\/details>/g)?.length ?? 0);
  for (let i = 0; i < open; i++) out += '\n\n</details>';
  return `${out}\n\n… report truncated (${md.length - out.length} more characters); see the SARIF or JSON report for everything.\n`;
}

/** The JSON report with `new` on every finding and a `diff` section. */
export function toDiffJson(outcome: DiffOutcome) {
  const c = outcome.comparison;
  const fresh = new Set(c.status === 'compared' ? c.newFindings : []);
  const report = toJsonReport(outcome.head);
  return {
    ...report,
    findings: report.findings.map((f) => ({ ...f, new: fresh.has(f.fingerprint) })),
    diff: {
      status: c.status,
      baseSha: c.baseSha,
      headSha: c.headSha,
      sameCommit: c.sameCommit ?? false,
      reason: c.reason,
      notes: c.notes,
      newFindings: c.newFindings,
      resolvedFindings: c.resolvedFindings,
      newCredentials: c.newCredentials,
      widened: c.widened,
      stagingToProduction: c.stagingToProduction,
      protectionsRemoved: c.protectionsRemoved,
    },
  };
}

/** SARIF for PR mode: the head's results, each with `properties.new`. */
export function toDiffSarif(outcome: DiffOutcome) {
  const fresh = new Set(outcome.comparison.status === 'compared' ? outcome.comparison.newFindings : []);
  const sarif = toSarif(outcome.head);
  for (const run of sarif.runs)
    for (const r of run.results) Object.assign(r.properties, { new: fresh.has(r.partialFingerprints['blastradius/v1']) });
  return sarif;
}

export function renderDiff(outcome: DiffOutcome, format: 'table' | 'json' | 'sarif' | 'markdown', opts: { color: boolean; width?: number; failOn?: FailOn }): string {
  switch (format) {
    case 'json':
      return outcome.scrub(JSON.stringify(toDiffJson(outcome), null, 2) + '\n');
    case 'sarif':
      return outcome.scrub(JSON.stringify(toDiffSarif(outcome), null, 2) + '\n');
    case 'markdown':
      return renderDiffMarkdown(outcome, { failOn: opts.failOn, maxLength: Number.MAX_SAFE_INTEGER });
    default: {
      const plain = headlines(outcome).map((l) => l.replace(/\*\*|`/g, '').replace(/\\\|/g, '|'));
      return outcome.scrub(`${plain.join('\n')}\n\n${renderTable(outcome.head, opts)}`);
    }
  }
}

export type { Comparison };
