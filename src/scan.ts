// The pipeline, end to end: walk → extract → resolve → inventory → graph → rules. Reports are rendered from the result.
import { performance } from 'node:perf_hooks';
import type { Credential, Diagnostic, Finding, Resource, SourceFile, VariableUse } from './core/types.js';
import type { FileInfo, InventoryParser, InventoryResult, ScopeResolver, FindingRule } from './pipeline/detector-api.js';
import type { Config } from './config/config.js';
import type { LiveOptions } from './live/run.js';
import { defaultConfig } from './config/config.js';
import { listFiles, type Listing } from './pipeline/walk.js';
import { readText } from './pipeline/read.js';
import { RuleEngine, groupCredentials, type RawFinding } from './pipeline/extract.js';
import { resolveScopes } from './pipeline/resolve.js';
import { inferCredentialEnvironments } from './pipeline/environment-inference.js';
import { BlastGraph } from './pipeline/graph.js';
import { runRules } from './pipeline/rules.js';
import type { HistoryOptions } from './history/history.js';
import { historyItems } from './history/history-scan.js';
import { InlineIgnores, applySuppressions } from './config/suppress.js';
import { SPECULATIVE, detached, detachedFindings, filePass, makeSourceFile, type FilePassResult } from './pipeline/file-pass.js';
import { Detacher } from './core/detach.js';
import { boundHeapGrowth } from './core/heap-growth.js';

export { makeSourceFile, environmentHint } from './pipeline/file-pass.js';
import { EntryFeed, POOL_EARLY_FILES, POOL_MIN_FILES, poolSize, prestartSize, runPool, startWorkers, stopWorkers, type StartedWorker } from './parallel/pool.js';
import { SharedStrings, decodeResult, encodeResult, type PoolEntry, type WireItem } from './parallel/pool-wire.js';
import type { LoadedBaseline } from './config/baseline.js';
import { withCustomRules } from './config/custom-rules.js';
import { fingerprintSecret } from './core/secrets.js';
import { SecretVault } from './core/secrets.js';
import { credentialRules } from '../detectors/credentials/index.js';
import { scopeResolvers } from '../detectors/scopes/index.js';
import { inventoryParsers } from '../detectors/inventory/index.js';
import { findingRules } from '../detectors/rules/index.js';

export type { FileInfo };

export interface Stats {
  files: number;
  bytes: number;
  /** Milliseconds per stage. */
  timings: Record<'walk' | 'extract' | 'inventory' | 'resolve' | 'graph' | 'rules', number>;
}

export interface ScanResult {
  target: string;
  files: FileInfo[];
  credentials: Credential[];
  resources: Resource[];
  uses: VariableUse[];
  findings: Finding[];
  diagnostics: Diagnostic[];
  graph: BlastGraph;
  vault: SecretVault;
  stats: Stats;
}

export interface Detectors {
  credentialRules: typeof credentialRules;
  scopeResolvers: ScopeResolver[];
  inventoryParsers: InventoryParser[];
  findingRules: FindingRule[];
}

export const builtInDetectors: Detectors = { credentialRules, scopeResolvers, inventoryParsers, findingRules };

export interface ScanOptions {
  /** Also scan lines added in git history (scanDirectory only). */
  history?: HistoryOptions;
  /** Findings whose fingerprints are in the baseline are marked suppressed; stale entries become diagnostics. */
  baseline?: LoadedBaseline;
  config?: Config;
  detectors?: Detectors;
  onProgress?: (done: number, total: number) => void;
  /** --live: after static resolution, read-only provider checks (loaded only when asked for). */
  live?: LiveOptions;
}

/** A file to scan that is not read from disk (tests, examples, git history). */
export interface VirtualFile {
  path: string;
  text: string;
  gitStatus?: SourceFile['gitStatus'];
  commit?: SourceFile['commit'];
}

let cachedEngine: { rules: unknown; engine: RuleEngine } | undefined;

function engineFor(rules: Detectors['credentialRules']): RuleEngine {
  if (cachedEngine?.rules !== rules) cachedEngine = { rules, engine: new RuleEngine(rules) };
  return cachedEngine.engine;
}

/** Scans a folder on disk. */
export async function scanDirectory(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const config = options.config ?? defaultConfig();
  const detectors = options.detectors ?? builtInDetectors;
  // Built before the walk: once workers are started, nothing that can throw stands between them and the pool.
  const engine = engineFor(withCustomRules(detectors.credentialRules, config.customRules));
  const t0 = performance.now();
  const pooled = detectors === builtInDetectors;
  // On a long listing (POOL_EARLY_FILES) workers start loading during the crawl, while it lists the rest and the walk
  // sizes and filters them; otherwise the pool starts them once the sizes call for it. It takes each batch as it is complete.
  let started: StartedWorker[] = [];
  const prestart = (files: number) => void (started = startWorkers(prestartSize(files), config));
  let listing: Listing;
  try {
    listing = listFiles(root, { maxFileSize: config.maxFileSize, ignorePaths: config.ignorePaths, early: pooled ? { files: POOL_EARLY_FILES, then: () => prestart(POOL_EARLY_FILES) } : undefined });
  } catch (e) {
    stopWorkers(started);
    throw e;
  }
  // BLASTRADIUS_WORKERS asks for a pool whatever the count.
  if (pooled && !started.length) prestart(listing.listed);
  const feed = new EntryFeed();
  const diagnostics: Diagnostic[] = [];
  let walkMs = 0;
  const walking = (async () => {
    try {
      let n = 0;
      for (const e of listing.entries()) {
        feed.push(e);
        // Lets the workers' replies in, so that they get their next batches while the walk goes on.
        if (++n % YIELD_EVERY === 0) await new Promise(setImmediate);
      }
      diagnostics.push(...listing.diagnostics());
      walkMs = performance.now() - t0;
      feed.end();
    } catch (e) {
      feed.end(e);
    }
  })();
  // The pool starts once the files sized so far are enough for one: on a long listing, projected over it (the sample is
  // the first files in path order: a guess, but either way the report is the same); a shorter one, whose sizing takes
  // a few milliseconds, on the bytes sized (a projection from the first 200 of ansible's files ran to 3× its 13.6 MB).
  // A walk that ends short of that is done here.
  const enough = (): number => {
    const { entries, bytes, ended } = feed;
    if (ended) return poolSize(entries.length, bytes);
    const project = listing.listed >= POOL_EARLY_FILES && entries.length >= POOL_MIN_FILES;
    return poolSize(listing.listed, project ? Math.max(bytes, (bytes / entries.length) * listing.listed) : bytes);
  };
  let workers = 0;
  if (pooled) while (!(workers = enough()) && !feed.ended) await feed.changed();
  if (!workers) {
    stopWorkers(started);
    await walking;
  }
  if (feed.error !== undefined) {
    stopWorkers(started);
    throw feed.error;
  }
  let done = 0;
  const detacher = new Detacher();
  // One file on this thread: read, then the per-file pass.
  const local = async (e: PoolEntry): Promise<FileItem> => {
    const read = readText(typeof e.absPath === 'string' ? e.absPath : Buffer.from(e.absPath), e.path, config.maxFileSize);
    if (read.text === undefined) return { readDiagnostic: read.diagnostic };
    const file = makeSourceFile(e.path, read.text, e.gitStatus, config);
    return { readDiagnostic: read.diagnostic, result: detached(await filePass(file, engine, detectors.inventoryParsers), detacher) };
  };
  const items = workers
    ? (async function* (): AsyncGenerator<FileItem> {
        const ruleIndex = new Map(engine.rules.map((r, i) => [r, i]));
        const fallback = async (e: PoolEntry): Promise<WireItem> => {
          const item = await local(e);
          return { readDiagnostic: item.readDiagnostic, ...(item.result ? { result: encodeResult(item.result, ruleIndex) } : {}) };
        };
        const strings = new SharedStrings();
        for await (const [, item] of runPool(feed, workers, config, fallback, started)) {
          // The total grows until the walk ends.
          options.onProgress?.(++done, feed.entries.length);
          yield { readDiagnostic: item.readDiagnostic, result: item.result && decodeResult(item.result, engine.rules, strings) };
        }
        feed.release();
        // A tree this large leaves the main thread holding a large live set for the rest of the run.
        boundHeapGrowth();
      })()
    : (async function* (): AsyncGenerator<FileItem> {
        for (const e of feed.entries) {
          options.onProgress?.(++done, feed.entries.length);
          yield await local(e);
        }
        feed.release();
      })();
  const result = await runPipeline(root, items, { ...options, config, historyRoot: root, pooled: workers > 0, walkEnd: () => t0 + walkMs, detacher }, diagnostics);
  result.stats.timings.walk = walkMs;
  return result;
}

/** How many entries the walk hands on between two turns of the event loop (each a fraction of a millisecond). */
const YIELD_EVERY = 64;

/** One file's outcome: a read problem, and the per-file pass. */
interface FileItem {
  readDiagnostic?: Diagnostic;
  result?: FilePassResult;
}

/** Scans files held in memory, as if they were a repository. */
export async function scanFiles(target: string, files: VirtualFile[], options: ScanOptions = {}): Promise<ScanResult> {
  const config = options.config ?? defaultConfig();
  const detectors = options.detectors ?? builtInDetectors;
  const engine = engineFor(withCustomRules(detectors.credentialRules, config.customRules));
  const items = (async function* (): AsyncGenerator<FileItem> {
    for (const f of files) {
      const file = { ...makeSourceFile(f.path, f.text, f.gitStatus ?? 'tracked', config), commit: f.commit };
      yield { result: await filePass(file, engine, detectors.inventoryParsers) };
    }
  })();
  return runPipeline(target, items, { ...options, config, detacher: new Detacher() }, []);
}

async function runPipeline(
  target: string,
  items: AsyncIterable<FileItem>,
  options: ScanOptions & {
    config: Config;
    historyRoot?: string;
    pooled?: boolean;
    /** When the walk ended: a pooled pass overlaps it, and its stages are counted from there. */
    walkEnd?: () => number;
    detacher: Detacher;
  },
  diagnostics: Diagnostic[],
): Promise<ScanResult> {
  const detectors = options.detectors ?? builtInDetectors;
  const engine = engineFor(withCustomRules(detectors.credentialRules, options.config.customRules));
  const inline = new InlineIgnores();
  const timings: Stats['timings'] = { walk: 0, extract: 0, inventory: 0, resolve: 0, graph: 0, rules: 0 };
  const files: FileInfo[] = [];
  const raw: RawFinding[] = [];
  const resources: Resource[] = [];
  const uses: VariableUse[] = [];
  let bytes = 0;

  // What a file's pass or a deferred parse found.
  const take = (out: Partial<InventoryResult>) => {
    resources.push(...(out.resources ?? []));
    uses.push(...(out.uses ?? []));
    diagnostics.push(...(out.diagnostics ?? []));
  };
  const deferred = new Map<InventoryParser, SourceFile[]>();
  const speculative = new Map<string, NonNullable<FilePassResult['speculative']>[number]>();
  const runParser = async (parser: InventoryParser, file: SourceFile, prepared?: unknown): Promise<Partial<InventoryResult>> => {
    try {
      // A worker's result without the pre-pass stands when the pre-pass does not concern this file.
      const key = `${detectors.inventoryParsers.indexOf(parser)}\0${file.path}`;
      const guess = speculative.get(key);
      speculative.delete(key);
      const usable = guess && SPECULATIVE[parser.meta.id]?.(prepared, file.path);
      if (usable && guess.error !== undefined) throw new Error(guess.error);
      return usable ? guess.result! : options.detacher.copy(await parser.parse(file, prepared));
    } catch (e) {
      return { diagnostics: [{ path: file.path, code: 'parse-error', message: `${parser.meta.id}: ${(e as Error).message}` }] };
    }
  };

  const { maxFileSize, ignorePaths } = options.config;
  const history = options.history && options.historyRoot ? { root: options.historyRoot, options: { ...options.history, maxFileSize, ignorePaths } } : undefined;

  // The per-file pass (here or in worker threads), merged in file order.
  const tFiles = performance.now();
  let extractMs = 0;
  let inventoryMs = 0;
  for await (const item of items) {
    if (item.readDiagnostic) diagnostics.push(item.readDiagnostic);
    const r = item.result;
    if (!r) continue;
    bytes += r.bytes;
    files.push(r.info);
    raw.push(...r.raw);
    inline.addParsed(r.info, r.directives);
    take(r);
    extractMs += r.extractMs;
    inventoryMs += r.inventoryMs;
    if (r.text === undefined) continue;
    const file: SourceFile = { ...r.info, text: r.text };
    for (const i of r.deferred) {
      const parser = detectors.inventoryParsers[i]!;
      const claimed = deferred.get(parser) ?? [];
      claimed.push(file);
      deferred.set(parser, claimed);
      const guess = r.speculative?.[i];
      if (guess) speculative.set(`${i}\0${file.path}`, guess);
    }
  }
  if (options.pooled) {
    // Worker times overlap: share the wall time of the pass between the two stages in proportion.
    const wall = performance.now() - Math.max(tFiles, options.walkEnd?.() ?? 0);
    const share = extractMs + inventoryMs > 0 ? extractMs / (extractMs + inventoryMs) : 0.5;
    timings.extract += wall * share;
    timings.inventory += wall * (1 - share);
  } else {
    timings.extract += extractMs;
    timings.inventory += inventoryMs;
  }
  const tInventory = performance.now();
  for (const [parser, claimed] of deferred) {
    // Part by part, so that one part's pre-pass is let go before the next is read; the results in the files' order.
    const outs = new Map<SourceFile, Partial<InventoryResult>>();
    for (const part of parser.partition?.(claimed) ?? [claimed]) {
      let prepared: unknown;
      try {
        prepared = await parser.prepare!(part);
      } catch (e) {
        diagnostics.push({ path: part[0]!.path, code: 'parse-error', message: `${parser.meta.id} pre-pass: ${(e as Error).message}` });
      }
      for (const file of part) outs.set(file, await runParser(parser, file, prepared));
    }
    for (const file of claimed) take(outs.get(file)!);
  }
  deferred.clear();
  speculative.clear();
  for (const parser of detectors.inventoryParsers) await parser.release?.();
  timings.inventory += performance.now() - tInventory;

  if (history) {
    const t = performance.now();
    for await (const item of historyItems(history.root, history.options, options.config, engine, diagnostics)) {
      raw.push(...detachedFindings(item.raw, options.detacher));
      inline.addParsed(item, item.directives, item.lineMap);
    }
    timings.extract += performance.now() - t;
  }
  markAtHead(raw);

  const vault = new SecretVault();
  let t = performance.now();
  const credentials = groupCredentials(raw, vault);
  inferCredentialEnvironments(credentials, files, resources);
  timings.extract += performance.now() - t;

  t = performance.now();
  resolveScopes(credentials, detectors.scopeResolvers, { resources, uses, files });
  if (options.live) {
    const { runLive } = await import('./live/run.js');
    resources.push(...(await runLive(credentials, vault, options.live, diagnostics)).resources);
  }
  timings.resolve = performance.now() - t;

  t = performance.now();
  const graph = new BlastGraph(credentials, resources, uses);
  timings.graph = performance.now() - t;

  t = performance.now();
  const findings = runRules(detectors.findingRules, { credentials, resources: graph.resources, uses, files, graph, config: options.config }, diagnostics);
  applySuppressions(findings, { inline, config: options.config, credentials, baseline: options.baseline }, diagnostics);
  timings.rules = performance.now() - t;

  return {
    target,
    files,
    credentials,
    resources: graph.resources,
    uses,
    findings,
    diagnostics: diagnostics.sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code)),
    graph,
    vault,
    stats: { files: files.length, bytes, timings },
  };
}

/** A history location's value is "at HEAD" when the working-tree scan found the same value. */
function markAtHead(raw: RawFinding[]): void {
  if (!raw.some((r) => r.location.commit)) return;
  const atHead = new Set(raw.filter((r) => !r.location.commit).map((r) => fingerprintSecret(r.value)));
  for (const r of raw) {
    const c = r.location.commit;
    if (c && c.atHead === undefined) r.location.commit = { ...c, atHead: atHead.has(fingerprintSecret(r.value)) };
  }
}
