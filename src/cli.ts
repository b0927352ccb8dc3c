// blastradius command line: `scan` (default path: the current folder) and `rules`.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Severity } from './types.js';
import { SEVERITIES } from './types.js';
import { loadConfig, UsageError } from './config.js';
import { scanDirectory } from './scan.js';
import { FORMATS, render, type Format } from './report/index.js';
import { catalog, helpMarkdown, TOOL } from './report/meta.js';
import { atOrAbove } from './rules.js';

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
    .action(async (path: string, flags: ScanFlags) => {
      exitCode = await runScan(path, flags, io);
    });

  program
    .command('rules')
    .description('list every detector (id, kind, severity, summary), or print one rule\'s help')
    .argument('[id]', 'a rule id')
    .action((id?: string) => {
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

  return { program, exitCode: () => exitCode };
}

async function runScan(path: string, flags: ScanFlags, io: Parameters<typeof buildProgram>[0]): Promise<number> {
  const root = resolve(path);
  if (!existsSync(root)) throw new UsageError(`${path}: no such folder`);
  if (!statSync(root).isDirectory()) throw new UsageError(`${path}: not a folder`);
  const config = loadConfig(root, flags.config);
  const failOn: FailOn = flags.failOn ?? config.failOn ?? 'high';
  const color = flags.color && !io.env.NO_COLOR && !flags.output && io.isTTY;
  const progress = io.isTTY && !flags.quiet;
  let lastDraw = 0;
  const result = await scanDirectory(root, {
    config,
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
  const text = render(result, flags.format, { color, width: process.stdout.columns });
  if (flags.output) writeFileSync(flags.output, text);
  else io.stdout(text);
  if (flags.verbose) {
    const t = result.stats.timings;
    io.stderr(
      `timings (ms): ${Object.entries(t)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}; ${result.stats.files} files, ${(result.stats.bytes / 1e6).toFixed(1)} MB\n`,
    );
    for (const d of result.diagnostics) io.stderr(result.vault.scrub(`diagnostic: ${d.path}: ${d.message}\n`));
  }
  const failing = result.findings.filter((f) => !f.suppressed && atOrAbove(f.severity, failOn));
  if (!flags.quiet && (flags.output || flags.format !== 'table'))
    io.stderr(`blastradius: ${result.findings.length} finding(s), ${failing.length} at or above ${failOn}${flags.output ? `; report written to ${flags.output}` : ''}\n`);
  return failing.length ? 1 : 0;
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

function defaultIo() {
  return {
    stdout: (s: string) => void process.stdout.write(s),
    stderr: (s: string) => void process.stderr.write(s),
    isTTY: !!process.stderr.isTTY,
    env: process.env,
  };
}
