// blastradius command line: `scan` (default path: the current folder) and `rules`.
// Only option parsing is loaded up front; each command imports what it runs (`--version` and `--help` load no
// detector, no parser, no renderer).
import { closeSync, existsSync, statSync, writeSync } from 'node:fs';
import { checkOutput, openOutput, writeOutput } from './output-file.js';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Confidence, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { UsageError } from '../core/usage-error.js';
import { FORMATS, type Format } from '../report/formats.js';
import { TOOL } from '../report/tool.js';
import { atOrAbove } from '../pipeline/rules.js';
import { checkHistoryOptions, type HistoryOptions } from '../history/history.js';
import { createBaseline, loadBaseline, renderBaseline } from '../config/baseline.js';
import { visible } from '../report/safe-text.js';
import { registerGuard } from '../guard/command.js';
import { registerFix } from '../fix/command.js';
import { registerOrgCommands } from '../org/cli.js';

type FailOn = Severity | 'none';
const FAIL_ON = [...SEVERITIES.filter((s) => s !== 'info'), 'none'] as const;

interface ScanFlags {
  format: Format;
  output?: string;
  failOn?: FailOn;
  config?: string;
  color: boolean;
  quiet?: boolean;
  verbose?: boolean;
  history?: boolean;
  since?: string;
  branch?: string;
  baseline?: string;
  diffBase?: string;
  live?: boolean;
  liveProviders?: string;
  staged?: boolean;
  minConfidence?: Confidence;
}

const CONFIDENCES = ['high', 'medium', 'low'] as const satisfies readonly Confidence[];

/** `--min-confidence`: findings and credentials below it are left out of the report and the gate. */
function atLeastConfident(c: Confidence, min: Confidence | undefined): boolean {
  return !min || CONFIDENCES.indexOf(c) <= CONFIDENCES.indexOf(min);
}

function choice<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}

export function buildProgram(io: { stdout: (s: string) => void; stderr: (s: string) => void; isTTY: boolean; env: NodeJS.ProcessEnv }) {
  const program = new Command();
  let exitCode = 0;
  program
    .name('blastradius')
    .description('Static blast-radius and token-scope auditor: what can each credential in this checkout destroy, where, and do the backups survive?')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  program
    .command('scan', { isDefault: true })
    .description('scan a repository folder (default: the current folder)')
    .argument('[path]', 'folder to scan', '.')
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join('|')}`).default('table').argParser(choice(FORMATS)))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', `exit 1 when a finding is at or above: ${FAIL_ON.join('|')} (default high)`).argParser(choice(FAIL_ON)))
    .option('-c, --config <file>', 'configuration file (default: .blastradius.yml/.yaml/.json in the scanned folder)')
    .option('--no-color', 'disable colours (also NO_COLOR)')
    .option('-q, --quiet', 'print nothing but the report (no summary on stderr)')
    .option('-v, --verbose', 'print stage timings and diagnostics on stderr')
    .option('--history', 'also scan the lines added in every commit of every ref (a secret deleted at HEAD is still leaked)')
    .option('--since <ref>', 'history: only commits not reachable from REF (implies --history)')
    .option('--branch <ref>', 'history: walk REF instead of every ref (implies --history)')
    .option('--baseline <file>', 'mark findings listed in this baseline file suppressed; report entries that no longer match')
    .option('--live', "confirm scopes with read-only, allow-listed requests to each credential's own provider (off by default)")
    .option('--live-providers <ids>', 'with --live: contact only these providers, comma-separated (e.g. railway,github)')
    .option('--diff-base <sha>', 'PR mode: compare with this commit and report what the change adds or widens; --fail-on applies to new findings')
    .option('--staged', 'pre-commit: scan only what the git index holds for the files this commit adds or changes')
    .addOption(new Option('--min-confidence <level>', `report only findings at or above this confidence: ${CONFIDENCES.join('|')} (default low: everything)`).argParser(choice(CONFIDENCES)))
    .action(async (path: string, flags: ScanFlags) => {
      exitCode = await runScan(path, flags, io);
    });

  program
    .command('baseline')
    .description('print a baseline of the current findings (fingerprints, no secrets): blastradius baseline > .blastradius-baseline.json')
    .argument('[path]', 'folder to scan', '.')
    .option('-c, --config <file>', 'configuration file (default: .blastradius.yml/.yaml/.json in the scanned folder)')
    .option('-o, --output <file>', 'write the baseline to a file instead of standard output')
    .option('--history', 'include findings from git history')
    .option('--since <ref>', 'history: only commits not reachable from REF (implies --history)')
    .option('--branch <ref>', 'history: walk REF instead of every ref (implies --history)')
    .action(async (path: string, flags: Pick<ScanFlags, 'config' | 'output' | 'history' | 'since' | 'branch'>) => {
      const root = resolve(path);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${path}: no such folder`);
      if (flags.output) checkOutput(flags.output);
      const { loadConfig } = await import('../config/config.js');
      const { scanDirectory } = await import('../scan.js');
      const config = loadConfig(root, flags.config);
      const result = await scanDirectory(root, { config, history: historyOptions(root, flags) });
      const text = result.vault.scrub(renderBaseline(createBaseline(result.findings, result.credentials)));
      if (flags.output) writeOutput(flags.output, text);
      else io.stdout(text);
    });

  program
    .command('rules')
    .description('list every detector (id, kind, severity, summary), or print one rule\'s help')
    .argument('[id]', 'a rule id')
    .action(async (id?: string) => {
      const { catalog, helpMarkdown } = await import('../report/meta.js');
      const all = catalog();
      if (id) {
        const m = all.find((c) => c.id === id);
        if (!m) throw new UsageError(`unknown rule "${id}"; run \`blastradius rules\` for the list`);
        io.stdout(`${m.id} (${m.kind}${m.severity ? `, ${m.severity}` : ''}${m.category ? `, ${m.category}` : ''})\n\n${helpMarkdown(m)}`);
        return;
      }
      const width = Math.max(...all.map((c) => c.id.length));
      for (const kind of ['finding', 'credential', 'scope', 'inventory'] as const) {
        const list = all.filter((c) => c.kind === kind);
        io.stdout(`\n${kind} detectors (${list.length})\n`);
        for (const c of list) io.stdout(`  ${c.id.padEnd(width)}  ${(c.severity ?? '-').padEnd(8)}  ${c.summary}\n`);
      }
    });

  registerGuard(program, io);
  registerFix(program, io, (c) => (exitCode = c));
  registerOrgCommands(program, io, (code) => (exitCode = code));

  return { program, exitCode: () => exitCode };
}

async function runScan(path: string, flags: ScanFlags, io: Parameters<typeof buildProgram>[0]): Promise<number> {
  const root = resolve(path);
  if (!existsSync(root)) throw new UsageError(`${path}: no such folder`);
  if (!statSync(root).isDirectory()) throw new UsageError(`${path}: not a folder`);
  if (flags.output) checkOutput(flags.output);
  const { loadConfig } = await import('../config/config.js');
  const config = loadConfig(root, flags.config);
  const failOn: FailOn = flags.failOn ?? config.failOn ?? 'high';
  const history = historyOptions(root, flags);
  const baseline = flags.baseline ? loadBaseline(resolve(flags.baseline), flags.baseline) : undefined;
  const color = flags.color && !io.env.NO_COLOR && !flags.output && io.isTTY;
  if (flags.staged && (flags.diffBase || history || flags.live)) throw new UsageError('--staged cannot be combined with --diff-base, --history or --live');
  if (flags.diffBase) return (await import('./diff-cli.js')).runDiffScan(root, path, flags.diffBase, flags, { config, baseline }, failOn, { ...io, color });
  const progress = io.isTTY && !flags.quiet;
  let lastDraw = 0;
  const live = await liveOptions(flags, io);
  const { scanDirectory } = await import('../scan.js');
  const { renderParts } = await import('../report/index.js');
  const scan = flags.staged ? (await import('../precommit/staged.js')).scanStaged : scanDirectory;
  const result = await scan(root, {
    config,
    live,
    history,
    baseline,
    onProgress: progress
      ? (done, total) => {
          const now = Date.now();
          if (now - lastDraw < 100 && done !== total) return;
          lastDraw = now;
          io.stderr(`\rscanning ${done}/${total} files…`);
        }
      : undefined,
  });
  if (progress) io.stderr('\r\x1b[K');
  result.target = path;
  if (flags.minConfidence) {
    result.findings = result.findings.filter((f) => atLeastConfident(f.confidence, flags.minConfidence));
    result.credentials = result.credentials.filter((c) => atLeastConfident(c.confidence, flags.minConfidence));
  }
  // Written part by part: a large JSON or SARIF report is never held whole.
  const fd = flags.output ? openOutput(flags.output) : undefined;
  try {
    for await (const part of renderParts(result, flags.format, { color, width: process.stdout.columns })) {
      if (fd === undefined) io.stdout(part);
      else writeSync(fd, part);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (flags.verbose) {
    const t = result.stats.timings;
    io.stderr(
      `timings (ms): ${Object.entries(t)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}; ${result.stats.files} files, ${(result.stats.bytes / 1e6).toFixed(1)} MB\n`,
    );
    for (const d of result.diagnostics) io.stderr(result.vault.scrub(`diagnostic: ${visible(d.path)}: ${visible(d.message)}\n`));
  }
  const failing = result.findings.filter((f) => !f.suppressed && atOrAbove(f.severity, failOn));
  const stale = result.diagnostics.filter((d) => d.code === 'baseline-stale').length;
  if (stale && !flags.quiet && !flags.verbose)
    io.stderr(`blastradius: ${stale} baseline entr${stale === 1 ? 'y no longer matches' : 'ies no longer match'} any finding (run with --verbose to list them)\n`);
  const suppressed = result.findings.filter((f) => f.suppressed).length;
  if (!flags.quiet && (flags.output || flags.format !== 'table'))
    io.stderr(`blastradius: ${result.findings.length - suppressed} finding(s)${suppressed ? ` (+${suppressed} suppressed)` : ''}, ${failing.length} at or above ${failOn}${flags.output ? `; report written to ${flags.output}` : ''}\n`);
  return failing.length ? 1 : 0;
}

/** `--live` and `--live-providers a,b`; the plan (which providers will be contacted) is printed before any request. */
async function liveOptions(flags: Pick<ScanFlags, 'live' | 'liveProviders'>, io: Parameters<typeof buildProgram>[0]) {
  if (!flags.live) {
    if (flags.liveProviders !== undefined) throw new UsageError('--live-providers needs --live');
    return undefined;
  }
  const { liveResolvers } = await import('../../detectors/scopes/live/index.js');
  const known = liveResolvers.map((r) => r.provider.id);
  const providers = flags.liveProviders?.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = providers?.filter((p) => !known.includes(p)) ?? [];
  if (unknown.length) throw new UsageError(`--live-providers: unknown provider ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return {
    providers,
    env: io.env,
    onPlan: (plan: Array<{ provider: string; title: string; target: string; credentials: number }>) => {
      if (!plan.length) return io.stderr('blastradius --live: no credential here certainly belongs to a supported provider; nothing will be contacted\n');
      io.stderr('blastradius --live: read-only requests will go to:\n');
      for (const p of plan) io.stderr(`  ${p.provider.padEnd(12)} ${p.target} (${p.credentials} credential${p.credentials === 1 ? '' : 's'})\n`);
    },
  };
}

/** `--history`, `--since REF`, `--branch REF` (either ref implies history), checked against the repository. */
function historyOptions(root: string, flags: Pick<ScanFlags, 'history' | 'since' | 'branch'>): HistoryOptions | undefined {
  if (!flags.history && flags.since === undefined && flags.branch === undefined) return undefined;
  const options: HistoryOptions = { since: flags.since, branch: flags.branch };
  checkHistoryOptions(root, options);
  return options;
}

export async function main(argv: string[], io = defaultIo()): Promise<number> {
  const { program, exitCode } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; commander has already printed its message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`blastradius: ${e.message}\n`);
      return 2;
    }
    io.stderr(`blastradius: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

/**
 * Writes to a standard stream. A reader that stops early (`| head`) closes the pipe: the rest goes nowhere, quietly,
 * and the run ends with its own exit code (without this, Node throws EPIPE at the next write, with a stack trace).
 */
export function pipeWriter(stream: NodeJS.WritableStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (s) => void (closed || stream.write(s));
}

function defaultIo() {
  return {
    stdout: pipeWriter(process.stdout),
    stderr: pipeWriter(process.stderr),
    isTTY: !!process.stderr.isTTY,
    env: process.env,
  };
}
