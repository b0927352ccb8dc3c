// The per-file part of the pipeline — credential rules, inline directives, code uses and the inventory parsers that
// need no pre-pass — as one function, so the main thread and the worker threads (src/parallel/worker.ts) do exactly the same
// work. Its result holds no file text except for files a pre-pass parser claims (Terraform), which need it later.
import { performance } from 'node:perf_hooks';
import ignore from 'ignore';
import type { Config } from '../config/config.js';
import type { Diagnostic, Environment, EnvironmentHint, Resource, SourceFile, VariableUse } from '../core/types.js';
import type { FileInfo, InventoryParser, InventoryResult } from './detector-api.js';
import { dirname } from '../core/text.js';
import type { RawFinding, RuleEngine } from './extract.js';
import { parseInlineDirectives, type InlineDirective } from '../config/suppress.js';
import { codeUses } from './uses.js';
import type { Detacher } from '../core/detach.js';
import { fileKind, environmentOfPath } from './classify.js';

export interface FilePassResult {
  info: FileInfo;
  /** Characters of text (what `Stats.bytes` counts). */
  bytes: number;
  raw: RawFinding[];
  directives: InlineDirective[];
  resources: Resource[];
  uses: VariableUse[];
  /** In the order the sequential pipeline reports them: extract error, then parser diagnostics in parser order. */
  diagnostics: Diagnostic[];
  /** Indexes (in the parser list) of the pre-pass parsers that claim the file. */
  deferred: number[];
  /** The text, only when a pre-pass parser claims the file. */
  text?: string;
  /**
   * Worker threads only: for a pre-pass parser whose pre-pass usually does not concern the file (see SPECULATIVE),
   * its result as if there were no pre-pass, by parser index; the main thread uses it when that holds.
   */
  speculative?: Record<number, { result?: Partial<InventoryResult>; error?: string }>;
  extractMs: number;
  inventoryMs: number;
}

/**
 * Pre-pass parsers whose `parse(file, prepared)` equals `parse(file)` when this holds: kustomize's pre-pass only
 * changes manifests in folders an overlay includes.
 */
export const SPECULATIVE: Record<string, (prepared: unknown, path: string) => boolean> = {
  kubernetes: (prepared, path) => !(prepared instanceof Map) || !prepared.has(dirname(path)),
};

export async function filePass(file: SourceFile, engine: RuleEngine, parsers: readonly InventoryParser[], speculate = false): Promise<FilePassResult> {
  const { text: _text, ...info } = file;
  const out: FilePassResult = {
    info,
    bytes: file.text.length,
    raw: [],
    directives: [],
    resources: [],
    uses: [],
    diagnostics: [],
    deferred: [],
    extractMs: 0,
    inventoryMs: 0,
  };
  let t = performance.now();
  try {
    out.raw = engine.scanFile(file);
    out.directives = parseInlineDirectives(file.text);
  } catch (e) {
    out.diagnostics.push({ path: file.path, code: 'extract-error', message: `credential rules failed: ${(e as Error).message}` });
  }
  out.extractMs = performance.now() - t;
  t = performance.now();
  out.uses.push(...codeUses(file));
  // An index loop: `entries()` would allocate a pair per parser and file.
  for (let i = 0; i < parsers.length; i++) {
    const parser = parsers[i]!;
    if (!parser.applies(file)) continue;
    // Parsers with a pre-pass (Terraform: variables per folder) parse once every file they claim has been seen.
    if (parser.prepare) {
      out.deferred.push(i);
      out.text = file.text;
      if (speculate && SPECULATIVE[parser.meta.id]) {
        try {
          (out.speculative ??= {})[i] = { result: await parser.parse(file) };
        } catch (e) {
          (out.speculative ??= {})[i] = { error: (e as Error).message };
        }
      }
      continue;
    }
    try {
      const res = await parser.parse(file);
      out.resources.push(...(res.resources ?? []));
      out.uses.push(...(res.uses ?? []));
      out.diagnostics.push(...(res.diagnostics ?? []));
    } catch (e) {
      out.diagnostics.push({ path: file.path, code: 'parse-error', message: `${parser.meta.id}: ${(e as Error).message}` });
    }
  }
  out.inventoryMs = performance.now() - t;
  return out;
}

/**
 * A file's results copied so that they keep none of its text alive (see Detacher); the text itself, when a pre-pass
 * needs it, is kept as is. The rules of raw findings are shared, not copied.
 */
export function detached(r: FilePassResult, d: Detacher): FilePassResult {
  const { text, raw, info, ...rest } = r;
  return { ...d.copy(rest), info, raw: detachedFindings(raw, d), ...(text !== undefined ? { text } : {}) };
}

export function detachedFindings(raw: RawFinding[], d: Detacher): RawFinding[] {
  return raw.map(({ rule, ...f }) => ({ ...d.copy(f), rule }));
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

