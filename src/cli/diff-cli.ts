// `blastradius scan --diff-base <sha>`: PR mode on the command line. Scans the base commit and the working tree, reports
// what the change adds or widens (new findings first, `new: true` in JSON), and gates on the new findings only.
import { writeOutput } from './output-file.js';
import type { ScanOptions } from '../scan.js';
import { loadConfig } from '../config/config.js';
import { diffScan } from '../pr/diff-mode.js';
import { failing, renderDiff, type FailOn } from '../pr/diff-report.js';
import { render, type Format } from '../report/index.js';

export interface DiffCliFlags {
  format: Format;
  output?: string;
  quiet?: boolean;
  verbose?: boolean;
}

export async function runDiffScan(
  root: string,
  shown: string,
  baseSha: string,
  flags: DiffCliFlags,
  scan: Pick<ScanOptions, 'config' | 'baseline'>,
  failOn: FailOn,
  io: { stdout: (s: string) => void; stderr: (s: string) => void; color: boolean },
): Promise<number> {
  const outcome = await diffScan(root, {
    ...scan,
    baseSha,
    loadConfig,
    log: flags.verbose ? (m) => io.stderr(`blastradius: ${m}\n`) : undefined,
  });
  outcome.head.target = shown;
  const c = outcome.comparison;
  if (c.status !== 'compared' && !flags.quiet) io.stderr(`blastradius: could not compare with ${baseSha}: ${c.reason}\n`);
  const text =
    flags.format === 'html' || flags.format === 'dot'
      ? outcome.scrub(await render(outcome.head, flags.format, { color: io.color }))
      : renderDiff(outcome, flags.format, { color: io.color, width: process.stdout.columns, failOn });
  if (flags.output) writeOutput(flags.output, text);
  else io.stdout(text);
  const gate = failing(outcome, failOn);
  if (!flags.quiet)
    io.stderr(
      `blastradius: ${c.status === 'compared' ? `${c.newFindings.length} new finding(s) since ${baseSha.slice(0, 12)}` : `${outcome.head.findings.length} finding(s) (not compared)`}, ${gate.length} at or above ${failOn}${flags.output ? `; report written to ${flags.output}` : ''}\n`,
    );
  return gate.length ? 1 : 0;
}
