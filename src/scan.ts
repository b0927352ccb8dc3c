// The pipeline, end to end: walk → extract → resolve → inventory → graph → rules. Reports are rendered from the result.
import { performance } from 'node:perf_hooks';
import ignore from 'ignore';
import type { Credential, Diagnostic, Environment, EnvironmentHint, Finding, Resource, SourceFile, VariableUse } from './types.js';
import type { FileInfo, InventoryParser, ScopeResolver, FindingRule } from './detector-api.js';
import type { Config } from './config.js';
import type { LiveOptions } from './live/run.js';
import { defaultConfig } from './config.js';
import { walk } from './walk.js';
import { readText } from './read.js';
import { fileKind, environmentOfPath } from './classify.js';
import { RuleEngine, groupCredentials, type RawFinding } from './extract.js';
import { resolveScopes } from './resolve.js';
import { BlastGraph } from './graph.js';
import { runRules } from './rules.js';
import { gitHistory, remapLocation, type HistoryOptions } from './history.js';
import { InlineIgnores, applySuppressions } from './suppress.js';
import type { LoadedBaseline } from './baseline.js';
import { withCustomRules } from './custom-rules.js';
import { fingerprintSecret } from './secrets.js';
import { SecretVault } from './secrets.js';
import { codeUses } from './uses.js';
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
  const t0 = performance.now();
  const walked = walk(root, { maxFileSize: config.maxFileSize, ignorePaths: config.ignorePaths });
  const walkMs = performance.now() - t0;
  const diagnostics = [...walked.diagnostics];
  const total = walked.entries.length;
  let done = 0;
  const sources = (function* (): Generator<SourceFile> {
    for (const e of walked.entries) {
      options.onProgress?.(++done, total);
      const read = readText(e.absPath, e.path, config.maxFileSize);
      if (read.diagnostic) diagnostics.push(read.diagnostic);
      if (read.text === undefined) continue;
      yield makeSourceFile(e.path, read.text, e.gitStatus, config);
    }
  })();
  const result = await runPipeline(root, sources, { ...options, config, historyRoot: root }, diagnostics);
  result.stats.timings.walk = walkMs;
  return result;
}

/** Scans files held in memory, as if they were a repository. */
export async function scanFiles(target: string, files: VirtualFile[], options: ScanOptions = {}): Promise<ScanResult> {
  const config = options.config ?? defaultConfig();
  const sources = files.map((f) => ({ ...makeSourceFile(f.path, f.text, f.gitStatus ?? 'tracked', config), commit: f.commit }));
  return runPipeline(target, sources, { ...options, config }, []);
}

export function makeSourceFile(path: string, text: string, gitStatus: SourceFile['gitStatus'], config: Config): SourceFile {
  return { path, text, gitStatus, kind: fileKind(path), environment: environmentHint(path, config) };
}

const mappingCache = new WeakMap<Config, Array<[ReturnType<typeof ignore>, Environment, string]>>();

/** The user's mapping in the config file always wins over inferred environments. */
export function environmentHint(path: string, config: Config): EnvironmentHint {
  let matchers = mappingCache.get(config);
  if (!matchers) {
    matchers = Object.entries(config.environments).map(([pattern, env]) => [ignore().add(pattern), env, pattern]);
    mappingCache.set(config, matchers);
  }
  for (const [ig, env, pattern] of matchers) if (ig.ignores(path)) return { environment: env, reason: `config mapping ${pattern}` };
  return environmentOfPath(path);
}

async function runPipeline(
  target: string,
  sources: Iterable<SourceFile>,
  options: ScanOptions & { config: Config; historyRoot?: string },
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

  const deferred = new Map<InventoryParser, SourceFile[]>();
  const runParser = async (parser: InventoryParser, file: SourceFile, prepared?: unknown) => {
    try {
      const out = await parser.parse(file, prepared);
      resources.push(...(out.resources ?? []));
      uses.push(...(out.uses ?? []));
      diagnostics.push(...(out.diagnostics ?? []));
    } catch (e) {
      diagnostics.push({ path: file.path, code: 'parse-error', message: `${parser.meta.id}: ${(e as Error).message}` });
    }
  };

  for (const file of sources) {
    bytes += file.text.length;
    const { text: _text, ...info } = file;
    files.push(info);
    let t = performance.now();
    try {
      raw.push(...engine.scanFile(file));
      inline.add(file);
    } catch (e) {
      diagnostics.push({ path: file.path, code: 'extract-error', message: `credential rules failed: ${(e as Error).message}` });
    }
    timings.extract += performance.now() - t;
    t = performance.now();
    uses.push(...codeUses(file));
    for (const parser of detectors.inventoryParsers) {
      if (!parser.applies(file)) continue;
      // Parsers with a pre-pass (Terraform: variables per folder) parse once every file they claim has been seen.
      if (parser.prepare) {
        const claimed = deferred.get(parser) ?? [];
        claimed.push(file);
        deferred.set(parser, claimed);
      } else await runParser(parser, file);
    }
    timings.inventory += performance.now() - t;
  }
  const tInventory = performance.now();
  for (const [parser, claimed] of deferred) {
    let prepared: unknown;
    try {
      prepared = await parser.prepare!(claimed);
    } catch (e) {
      diagnostics.push({ path: claimed[0]!.path, code: 'parse-error', message: `${parser.meta.id} pre-pass: ${(e as Error).message}` });
    }
    for (const file of claimed) await runParser(parser, file, prepared);
  }
  timings.inventory += performance.now() - tInventory;

  if (options.history && options.historyRoot) {
    const t = performance.now();
    const history = gitHistory(options.historyRoot, { ...options.history, maxFileSize: options.config.maxFileSize, ignorePaths: options.config.ignorePaths }, diagnostics);
    for await (const h of history) {
      const file: SourceFile = { ...makeSourceFile(h.path, h.text, 'tracked', options.config), commit: h.commit };
      try {
        for (const r of engine.scanFile(file)) {
          remapLocation(r.location, h.lineMap);
          raw.push(r);
        }
      } catch (e) {
        diagnostics.push({ path: file.path, code: 'extract-error', message: `credential rules failed on commit ${h.commit.sha.slice(0, 12)}: ${(e as Error).message}` });
      }
      inline.add(file, h.lineMap);
    }
    timings.extract += performance.now() - t;
  }
  markAtHead(raw);

  const vault = new SecretVault();
  let t = performance.now();
  const credentials = groupCredentials(raw, vault);
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
