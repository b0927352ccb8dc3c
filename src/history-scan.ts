// The credential rules over git history: every file's added lines in every commit, streamed from `git log -p`. Runs
// in a worker thread beside the working-tree scan when it can (src/history-worker.ts), else on the main thread.
import { Worker } from 'node:worker_threads';
import type { Config } from './config.js';
import type { CommitInfo, Diagnostic } from './types.js';
import type { RawFinding, RuleEngine } from './extract.js';
import { gitHistory, remapLocation, type HistoryStreamOptions } from './history.js';
import { makeSourceFile } from './file-pass.js';
import { parseInlineDirectives, type InlineDirective } from './suppress.js';
import { workerUrl } from './pool.js';
import type { WireFinding } from './pool-wire.js';

/** One file of one commit: its findings (at their real lines) and inline directives. */
export interface HistoryItem<F = RawFinding> {
  path: string;
  commit: CommitInfo;
  raw: F[];
  directives: InlineDirective[];
  /** Maps the directives' lines to real lines; sent only when there are directives. */
  lineMap?: number[];
}

export async function* historyItems(root: string, options: HistoryStreamOptions, config: Config, engine: RuleEngine, diagnostics: Diagnostic[]): AsyncGenerator<HistoryItem> {
  for await (const h of gitHistory(root, options, diagnostics)) {
    const file = { ...makeSourceFile(h.path, h.text, 'tracked', config), commit: h.commit };
    let raw: RawFinding[] = [];
    try {
      raw = engine.scanFile(file);
      for (const r of raw) remapLocation(r.location, h.lineMap);
    } catch (e) {
      diagnostics.push({ path: file.path, code: 'extract-error', message: `credential rules failed on commit ${h.commit.sha.slice(0, 12)}: ${(e as Error).message}` });
    }
    const directives = parseInlineDirectives(h.text);
    yield { path: h.path, commit: h.commit, raw, directives, ...(directives.length ? { lineMap: h.lineMap } : {}) };
  }
}

export type HistoryMessage = { items: Array<HistoryItem<WireFinding>> } | { done: Diagnostic[] } | { failed: string };

/**
 * The history scan started now in a worker thread, read later: `undefined` when no worker can run it or
 * BLASTRADIUS_WORKERS=0 turns threads off (the caller scans on its own thread). The worker builds the same rule set from the same config, so rules travel as indexes.
 */
export function historyInWorker(root: string, options: HistoryStreamOptions, config: Config, engine: RuleEngine): (() => AsyncGenerator<HistoryItem, Diagnostic[]>) | undefined {
  const url = workerUrl('history-worker');
  if (!url || process.env.BLASTRADIUS_WORKERS === '0') return undefined;
  const messages: HistoryMessage[] = [];
  let wake: (() => void) | undefined;
  const push = (m: HistoryMessage) => {
    messages.push(m);
    wake?.();
  };
  let worker: Worker;
  try {
    worker = new Worker(url, { workerData: { root, options, config }, stdout: false, stderr: false });
  } catch {
    return undefined;
  }
  worker.on('message', push);
  worker.on('error', (e) => push({ failed: e.message }));
  worker.on('exit', (code) => push({ failed: `history worker exited (${code})` }));
  return async function* () {
    try {
      for (;;) {
        const m = messages.shift() ?? (await new Promise<HistoryMessage>((resolve) => (wake = () => resolve(messages.shift()!))));
        wake = undefined;
        if ('failed' in m) throw new Error(m.failed);
        if ('done' in m) return m.done;
        for (const item of m.items) yield { ...item, raw: item.raw.map((f) => ({ ...f, rule: engine.rules[f.rule]! })) };
      }
    } finally {
      void worker.terminate();
    }
  };
}
