// `npm run bench`: blastradius against its peers over generated corpora, real trees and (when the CLI has
// --history) a generated 5,000-commit git history.
//
//   npm run bench                              # corpora 2k and 20k, history, every peer installed
//   npm run bench -- --sizes 2k,20k,100k       # choose corpora (`--sizes none` for none)
//   npm run bench -- node_modules ~/src/app    # also scan real trees
//   npm run bench -- --tree ~/src/medusa       # real-repository mode: start-up, then that tree against every peer
//                                              # on PATH (no corpus, no history unless --sizes / --history say so)
//   options: --runs N (3)  --peers ripgrep,gitleaks,trufflehog,secretlint|none  --timeout SECONDS (900 a run)
//            --repeat-limit SECONDS (120: a tool slower than this on one run is not run again)  --no-build
//            --no-history  --history  --commits N (5000)  --seed N  --output FILE (bench/results.json)
//
// Each tree is read once untimed (page cache warm), then every tool runs --runs times and the median is reported.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { CORPUS_ROOT, DEFAULT_SEED, ensureCorpus, parseSizes, type Manifest, type SizeName } from './corpus.js';
import { ensureHistoryRepo, type HistoryManifest } from './history.js';
import { capture, hasGnuTime, measure, median, medianOf, type Sample } from './measure.js';
import { blastradius, cliSupports, readReport, recall, ROOT, ruleKeywords, snapshotBuild, STAGES, type Recall, type ScanReport } from './ours.js';
import { discoverPeers, gitLog, gitleaksHistory, PEER_NAMES, type PeerName, type Tool } from './peers.js';
import { goals, MB, printReport, type TargetResult, type ToolResult } from './report.js';

interface Options {
  sizes: SizeName[];
  paths: string[];
  runs: number;
  peers: PeerName[];
  timeoutMs: number;
  repeatLimitMs: number;
  build: boolean;
  history: boolean;
  commits: number;
  seed: number;
  output: string;
  /** --tree: real repositories, each against every peer. */
  trees: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    sizes: ['2k', '20k'],
    paths: [],
    runs: 3,
    peers: [...PEER_NAMES],
    timeoutMs: 900_000,
    repeatLimitMs: 120_000,
    build: true,
    history: true,
    commits: 5_000,
    seed: DEFAULT_SEED,
    output: join(ROOT, 'bench', 'results.json'),
    trees: [],
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--sizes') o.sizes = value(++i, a) === 'none' ? [] : parseSizes(argv[i]!);
    else if (a === '--runs') o.runs = Math.max(1, Number(value(++i, a)));
    else if (a === '--peers') {
      const v = value(++i, a);
      o.peers = v === 'none' ? [] : (v.split(',') as PeerName[]);
      for (const p of o.peers) if (!PEER_NAMES.includes(p)) throw new Error(`unknown peer ${p} (choose from ${PEER_NAMES.join(', ')})`);
    } else if (a === '--timeout') o.timeoutMs = Number(value(++i, a)) * 1000;
    else if (a === '--repeat-limit') o.repeatLimitMs = Number(value(++i, a)) * 1000;
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-history') o.history = false;
    else if (a === '--history') o.history = true;
    else if (a === '--tree') o.trees.push(resolve(value(++i, a)));
    else if (a === '--commits') o.commits = Math.max(2, Number(value(++i, a)));
    else if (a === '--seed') o.seed = Number(value(++i, a));
    else if (a === '--output') o.output = resolve(value(++i, a));
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.paths.push(resolve(a));
  }
  // Real-repository mode: the trees (and start-up) only, unless corpora or history are asked for too.
  if (o.trees.length) {
    if (!argv.includes('--sizes')) o.sizes = [];
    if (!argv.includes('--history')) o.history = false;
    o.paths.push(...o.trees);
  }
  return o;
}

interface Target {
  name: string;
  kind: TargetResult['kind'];
  dir: string;
  env: NodeJS.ProcessEnv;
  tools: Tool[];
  files?: number;
  bytes?: number;
  basis?: string;
  /** Planted credentials found, from blastradius's (warm-up) report. */
  recall?: (r: ScanReport | undefined) => Recall | undefined;
  manifest?: Omit<Manifest, 'plants'> | Omit<HistoryManifest, 'plants'>;
}

/** Each tool's last corpus result, to skip a corpus it would not finish within the timeout. */
const lastCorpus = new Map<string, { target: string; bytes: number; wallMs?: number; timedOut: boolean }>();

/** A tool's runs over one target so far; `result` is set once it is done (absent, skipped, failed or every run made). */
interface Progress {
  tool: Tool;
  base: Pick<ToolResult, 'tool' | 'ours' | 'load1' | 'samples'>;
  stats: NonNullable<ScanReport['stats']>[];
  result?: ToolResult;
}

/** Whether a tool runs at all on this target: absent, or projected past the timeout from the previous corpus. */
function precheck(tool: Tool, t: Target, o: Options, base: Progress['base']): ToolResult | undefined {
  if (tool.absent) return { ...base, status: 'absent', detail: tool.absent };
  const prior = t.kind === 'corpus' ? lastCorpus.get(tool.name) : undefined;
  if (prior && t.bytes !== undefined) {
    const projected = prior.wallMs !== undefined ? (prior.wallMs * t.bytes) / prior.bytes : undefined;
    if (prior.timedOut) return { ...base, status: 'skipped', detail: `timed out on ${prior.target} already` };
    if (projected !== undefined && projected > o.timeoutMs)
      return { ...base, status: 'skipped', detail: `projected ${(projected / 1000).toFixed(0)} s from ${prior.target}, over the ${o.timeoutMs / 1000} s timeout` };
  }
  return undefined;
}

/** One run of one tool; a failure, or a run slower than the repeat limit, ends that tool's runs. */
async function runOnce(p: Progress, t: Target, o: Options, scratch: string, i: number): Promise<void> {
  const { tool, base } = p;
  const out = join(scratch, `run-${i}.out`);
  base.load1.push(+loadavg()[0]!.toFixed(2));
  const s = await measure({ ...tool.command(t.dir, out), env: t.env }, o.timeoutMs);
  base.samples.push(s);
  const report = tool.ours && s.ok ? readReport(out) : undefined;
  rmSync(out, { force: true });
  rmSync(`${out}.json`, { force: true });
  rmSync(`${out}.ds`, { recursive: true, force: true });
  if (!s.ok) {
    const why = s.timedOut ? `timed out after ${o.timeoutMs / 1000} s` : `exit ${s.exitCode}: ${s.stderrTail.split('\n').slice(-3).join(' | ')}`;
    p.result = { ...base, status: s.timedOut ? 'timeout' : 'failed', detail: why };
    return;
  }
  if (tool.ours && !report) {
    p.result = { ...base, status: 'failed', detail: 'exited 0 but wrote no JSON report' };
    return;
  }
  if (report?.stats) p.stats.push(report.stats);
  console.log(`    ${tool.name} run ${i + 1}: ${(s.wallMs / 1000).toFixed(2)} s, CPU ${(((s.userMs ?? 0) + (s.sysMs ?? 0)) / 1000).toFixed(2)} s`);
  if (s.wallMs > o.repeatLimitMs || base.samples.length >= o.runs) p.result = summarise(p);
}

/** Medians over a tool's runs. */
function summarise({ base, stats }: Progress): ToolResult {
  const r: ToolResult = {
    ...base,
    status: 'ok',
    wallMs: medianOf(base.samples, (s) => s.wallMs),
    minWallMs: Math.min(...base.samples.map((x) => x.wallMs)),
    maxWallMs: Math.max(...base.samples.map((x) => x.wallMs)),
    cpuMs: medianOf(base.samples, (s) => (s.userMs !== undefined && s.sysMs !== undefined ? s.userMs + s.sysMs : undefined)),
    maxRss: medianOf(base.samples, (s) => s.maxRss),
  };
  if (stats.some((s) => s.timings)) {
    r.stages = {};
    for (const st of STAGES) {
      const m = median(stats.map((s) => s.timings?.[st]).filter((x): x is number => typeof x === 'number'));
      if (m !== undefined) r.stages[st] = m;
    }
  }
  return r;
}

/**
 * Every tool `runs` times over the target, interleaved (run 1 of each tool, then run 2 of each, …), so a burst of
 * load from elsewhere falls on every tool alike instead of on one tool's runs.
 */
async function runTools(t: Target, o: Options, scratch: string): Promise<ToolResult[]> {
  const progress: Progress[] = t.tools.map((tool) => {
    const base = { tool: tool.name, ours: tool.ours, load1: [] as number[], samples: [] as Sample[] };
    return { tool, base, stats: [], result: precheck(tool, t, o, base) };
  });
  for (let i = 0; i < o.runs; i++) for (const p of progress) if (!p.result) await runOnce(p, t, o, scratch, i);
  const results = progress.map((p) => p.result ?? summarise(p));
  if (t.kind === 'corpus' && t.bytes !== undefined)
    for (const r of results)
      if (r.status === 'ok' || r.status === 'timeout') lastCorpus.set(r.tool, { target: t.name, bytes: t.bytes, wallMs: r.wallMs, timedOut: r.status === 'timeout' });
  return results;
}

/** One untimed pass so every tool finds the tree in the page cache; blastradius's report also gives recall. */
async function warm(t: Target, scratch: string): Promise<ScanReport | undefined> {
  const ours = t.tools.find((x) => x.ours && !x.absent);
  if (!ours) {
    await capture({ cmd: 'sh', args: ['-c', 'find "$1" -type f -exec cat {} + > /dev/null', 'warm', t.dir], env: t.env }, 600_000);
    return undefined;
  }
  const out = join(scratch, 'warm.json');
  const r = await capture({ ...ours.command(t.dir, out), env: t.env }, 1_800_000);
  if (r.code !== 0) console.log(`    warm-up: ${ours.name} exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const report = readReport(out);
  rmSync(out, { force: true });
  return report;
}

async function runTarget(t: Target, o: Options, scratch: string): Promise<TargetResult> {
  console.log(`\n${t.name} (${t.dir})`);
  const report = await warm(t, scratch);
  if (t.kind === 'path') {
    t.files = report?.stats?.files;
    t.bytes = report?.stats?.bytes;
  }
  const results = await runTools(t, o, scratch);
  if (t.kind === 'history') {
    // MB/s over the patch text every history scanner has to read: git log -p's output.
    const bytes = results.find((r) => r.tool === 'git log -p' && r.status === 'ok')?.samples[0]?.stdoutBytes;
    if (bytes) {
      t.bytes = bytes;
      t.basis = `MB/s over the ${(bytes / MB).toFixed(1)} MB of git log -p output; files/s = commits/s`;
    }
  }
  const ours = results.find((r) => r.ours && r.status === 'ok');
  for (const r of results) {
    if (r.status !== 'ok') continue;
    r.mbPerSec = t.bytes !== undefined ? t.bytes / MB / (r.wallMs! / 1000) : undefined;
    r.filesPerSec = t.files !== undefined ? t.files / (r.wallMs! / 1000) : undefined;
    if (ours) r.ratioToOurs = r.wallMs! / ours.wallMs!;
  }
  if (ours) ours.findings = t.recall?.(report);
  return { name: t.name, kind: t.kind, dir: t.dir, files: t.files, bytes: t.bytes, basis: t.basis, results };
}

/** Start-up: `--version`, `--help` and a scan of the smallest fixture, as a user or a pre-commit hook types them (the table). */
function startupTarget(ours: Tool): Target {
  const cli = ours.bin!;
  const run = (name: string, args: string[]): Tool => ({ name, bin: cli, version: ours.version, command: () => ({ cmd: process.execPath, args: [cli, ...args] }) });
  const dir = join(ROOT, 'fixtures', 'railway-incident');
  return {
    name: 'startup',
    kind: 'startup',
    dir,
    env: process.env,
    tools: [run('--version', ['--version']), run('--help', ['--help']), run('scan railway-incident', ['scan', dir, '--fail-on', 'none'])],
  };
}

function machine(): Record<string, unknown> {
  const c = cpus();
  return { cpu: c[0]?.model, cores: c.length, memoryGB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${process.platform}-${process.arch}` };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  for (const p of o.paths) if (!existsSync(p) || !statSync(p).isDirectory()) throw new Error(`not a directory: ${p}`);

  let build = o.build ? 'npm run build' : 'skipped (--no-build)';
  if (o.build) {
    console.log('Building (npm run build)…');
    try {
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    } catch {
      build = 'FAILED (tsc errors): measuring dist/ as it is, which may be stale';
      console.log(`Build ${build}.`);
    }
  }
  const snapshot = snapshotBuild();
  if (snapshot) console.log(`Measuring a copy of dist/ in ${snapshot} (builds during the run do not affect it).`);
  const ours = blastradius();
  const { keywords, error } = await ruleKeywords();
  const peers = await discoverPeers(keywords, o.peers, error);
  const withHistory = o.history && !ours.absent && cliSupports('--history');
  const historyTools = withHistory
    ? [blastradius(['--history'], 'blastradius --history'), blastradius([], 'blastradius (HEAD only)'), await gitLog(), ...(o.peers.includes('gitleaks') ? [await gitleaksHistory()] : [])]
    : [];
  const tools = [ours, ...peers, ...historyTools.filter((t) => !t.ours)];
  const timing = (await hasGnuTime()) ? 'GNU time' : existsSync('/proc/self/stat') ? '/proc sampling (no GNU time)' : 'wall time only';
  console.log(`Measuring with ${timing}; ${o.runs} run(s) a tool, median reported.`);
  for (const t of tools) console.log(`  ${t.name.padEnd(12)} ${t.absent ? `absent — ${t.absent}` : `${t.version ?? '?'}  ${t.bin}`}`);

  // Corpus trees are scanned as plain folders: git must not find this repository above bench/.corpus.
  const isolated = { ...process.env, GIT_CEILING_DIRECTORIES: CORPUS_ROOT };
  const targets: Target[] = [];
  for (const size of o.sizes) {
    const c = ensureCorpus(size, o.seed, (s) => console.log(s));
    const { plants, ...m } = c.manifest;
    console.log(
      `corpus ${size}: ${m.files} files, ${(m.bytes / MB).toFixed(1)} MB, ${m.planted} planted credentials (${m.plantedSecrets} secrets), ` +
        `${m.decoys} near-misses${c.generated ? ` — generated in ${c.seconds.toFixed(1)} s` : ''}`,
    );
    const keys = plants.map((p) => ({ type: p.type, key: `${p.path}:${p.line}`, otherKeys: p.lines.slice(1).map((l) => `${p.path}:${l}`) }));
    targets.push({
      name: `corpus-${size}`,
      kind: 'corpus',
      dir: c.dir,
      env: isolated,
      tools: [ours, ...peers],
      files: m.files,
      bytes: m.bytes,
      manifest: m,
      recall: (r) => recall(r, keys, (l) => `${l.path}:${l.startLine}`),
    });
  }
  if (!ours.absent) targets.push(startupTarget(ours));
  for (const p of o.paths) targets.push({ name: basename(p) || p, kind: 'path', dir: p, env: process.env, tools: [ours, ...peers] });
  if (withHistory) {
    const h = await ensureHistoryRepo(o.commits, o.seed);
    const { plants, ...m } = h.manifest;
    console.log(
      `history ${m.commits} commits: ${m.filesAtHead} files at HEAD, ${m.planted} planted credentials (${m.plantedDeletedAtHead} deleted at HEAD)` +
        `${h.generated ? ` — generated in ${h.seconds.toFixed(1)} s` : ''}`,
    );
    const keys = plants.map((p) => ({ type: p.type, key: `${p.path}@${p.sha}`, deletedAtHead: !p.atHead }));
    targets.push({
      name: `history-${m.commits}`,
      kind: 'history',
      dir: h.dir,
      env: isolated,
      tools: historyTools,
      files: m.commits,
      manifest: m,
      recall: (r) => recall(r, keys, (l) => `${l.path}@${l.commit?.sha}`),
    });
  } else if (o.history) console.log(ours.absent ? 'history: not run (no CLI)' : 'history: not run (the CLI has no --history)');

  const scratch = mkdtempSync(join(tmpdir(), 'br-bench-'));
  const done: TargetResult[] = [];
  try {
    for (const t of targets) done.push(await runTarget(t, o, scratch));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const goalList = goals(done);
  printReport(done, tools, goalList);
  const json = {
    schemaVersion: 1,
    date: new Date().toISOString(),
    machine: machine(),
    build,
    measurement: { method: timing, runs: o.runs, statistic: 'median', mb: MB, warmUp: 'one untimed blastradius run per tree' },
    tools: tools.map((t) => ({ name: t.name, version: t.version, bin: t.bin, absent: t.absent, note: t.note })),
    targets: done.map((d) => ({ ...d, manifest: targets.find((t) => t.name === d.name)?.manifest })),
    goals: goalList,
  };
  writeFileSync(o.output, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nEvery number: ${o.output}`);
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
