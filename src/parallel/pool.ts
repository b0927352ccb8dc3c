// A small pool of worker threads for the per-file pass over a folder: files go out in batches (by count and bytes),
// results come back in any order and are handed on in walk order, so a pooled scan reports exactly what a
// single-threaded one does. A worker that cannot start or dies leaves its batches to the main thread; one that ran out
// of its heap is replaced.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import { builtSibling } from '../core/built-sibling.js';
import type { PoolEntry, PoolReply, PoolRequest, WireItem } from './pool-wire.js';

/**
 * Below this many files or bytes a pool costs more than it saves: each worker loads the rules and the TypeScript
 * scanner, and warms up its own JIT, whose background compiles compete for the cores. Measured on 2 cores, one thread
 * against two workers (interleaved medians, 4 December 2026): 13.6 MB (ansible) 1.08 vs 1.15 s, 14.5 MB (medusa's
 * packages) 1.15 vs 1.25 s, 18.7 MB (prometheus) 0.96 vs 1.01 s; 33.5 MB (a medusa subset) 1.96 vs 1.76 s, 53 MB
 * (the 20k corpus) 7.31 vs 6.16 s. With more cores the pool gains more; there the earlier 16 MiB (not re-measured) stands.
 */
export const POOL_MIN_FILES = 200;
const POOL_MIN_BYTES_TWO_CORES = 24 * 1024 * 1024;
const POOL_MIN_BYTES_MORE_CORES = 16 * 1024 * 1024;
const BATCH_FILES = 32;
const BATCH_BYTES = 1 << 20;

/**
 * Each worker's V8 heap, bounded. Unbounded, a worker's heap is sized for the machine's memory: it grows to ~150 MB,
 * mostly garbage, before its first full collection (its live set is ~30 MB), and every worker does so. A small young
 * generation and an old-generation ceiling make V8 collect early (the ceiling also sets where its first collection
 * falls): peak RSS on a 15,000-file monorepo with two workers 480 → 245 MB at the same CPU time. 512 MB is far above
 * what a 5 MB file needs; a worker that still runs out leaves its batch to the main thread, which has no ceiling.
 * BLASTRADIUS_WORKER_HEAP_MB sets the old-generation ceiling (MB).
 */
function workerLimits(): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  const env = Number(process.env.BLASTRADIUS_WORKER_HEAP_MB);
  return { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: Number.isInteger(env) && env > 0 ? env : 512 };
}

/** Where the worker's module is: beside this one, built; without it the work is done on the main thread. */
function workerUrl(): URL | undefined {
  return builtSibling('worker.js', import.meta.url);
}

/** How many workers to use for `files` files, or 0 for none (BLASTRADIUS_WORKERS overrides: 0 turns the pool off). */
export function poolSize(files: number, bytes: number): number {
  const asked = workersAsked();
  if (asked !== undefined) return asked;
  const cores = availableParallelism();
  if (files < POOL_MIN_FILES || bytes < poolMinBytes(cores)) return 0;
  return cores > 1 && workerUrl() ? Math.min(cores, 8) : 0;
}

function poolMinBytes(cores: number): number {
  return cores <= 2 ? POOL_MIN_BYTES_TWO_CORES : POOL_MIN_BYTES_MORE_CORES;
}

/** BLASTRADIUS_WORKERS, when set: the pool size it asks for (0 turns the pool off). */
function workersAsked(): number | undefined {
  const env = process.env.BLASTRADIUS_WORKERS;
  if (env === undefined || env === '') return undefined;
  const n = Number(env);
  return Number.isInteger(n) && n > 0 && workerUrl() ? Math.min(n, 16) : 0;
}

/**
 * A listing this long starts the workers during the crawl, before any file is sized: at 2.6 KB a file, the smallest
 * average measured (ansible, the generated corpora; real code runs 7–11 KB), it is past the byte threshold. A shorter
 * listing waits for the sizes: two workers started and then not used cost a small tree more than the pool would save.
 */
export const POOL_EARLY_FILES = 10_000;

/**
 * How many workers to start before the walk has sized the files (it has only listed them): from POOL_EARLY_FILES
 * listed files (or when BLASTRADIUS_WORKERS asks), the count `poolSize` gives at its byte threshold. Their start-up
 * (loading the rules) overlaps the rest of the walk.
 */
export function prestartSize(files: number): number {
  if (files < POOL_EARLY_FILES && workersAsked() === undefined) return 0;
  return poolSize(files, poolMinBytes(availableParallelism()));
}

/** A worker started ahead of its work; `lost` when it failed or exited before the pool took it. */
export interface StartedWorker {
  worker: Worker;
  lost: boolean;
  /** Removes the listeners that watch it until then. */
  release(): void;
}

export function startWorkers(count: number, config: Config): StartedWorker[] {
  const url = workerUrl();
  const out: StartedWorker[] = [];
  for (let i = 0; url && i < count; i++) {
    let worker: Worker;
    try {
      worker = newWorker(url, config);
    } catch {
      break;
    }
    const started: StartedWorker = {
      worker,
      lost: false,
      release: () => void worker.off('error', lose).off('exit', lose),
    };
    const lose = () => {
      started.lost = true;
    };
    worker.on('error', lose).on('exit', lose);
    out.push(started);
  }
  return out;
}

/** Stops workers started ahead of a pool that will not take them. */
export function stopWorkers(started: readonly StartedWorker[]): void {
  for (const s of started) void s.worker.terminate();
}

function newWorker(url: URL, config: Config): Worker {
  return new Worker(url, { workerData: { config }, stdout: false, stderr: false, resourceLimits: workerLimits() });
}

export type SizedEntry = PoolEntry & { size: number };

/**
 * Entries that arrive while the walk still runs: the pool sends each batch out as soon as it is complete, so the
 * workers start on the first files while the main thread sizes the rest.
 */
export class EntryFeed {
  readonly entries: SizedEntry[] = [];
  bytes = 0;
  ended = false;
  /** Why the walk stopped early, when it did. */
  error: unknown;
  readonly #listeners = new Set<() => void>();

  push(entry: SizedEntry): void {
    this.entries.push(entry);
    this.bytes += entry.size;
    this.#notify();
  }

  end(error?: unknown): void {
    this.ended = true;
    this.error = error;
    this.#notify();
  }

  /** Calls `listener` at every entry and at the end, until the returned function is called. */
  watch(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves at the next entry or at the end. */
  changed(): Promise<void> {
    return new Promise((resolve) => {
      const stop = this.watch(() => {
        stop();
        resolve();
      });
    });
  }

  /**
   * Forgets the entries once every file has been read: their absolute paths (~20 MB at 100,000 files) are of no use
   * to the rest of the run.
   */
  release(): void {
    this.entries.length = 0;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/**
 * Processes every entry of the feed in the workers; yields `[index, item]` in entry order. `fallback` does one entry
 * on the main thread (a worker failed, or could not start). `started` workers are used first; those beyond `size`
 * are stopped. Throws the feed's error, if the walk stopped with one.
 */
export async function* runPool(
  feed: EntryFeed,
  size: number,
  config: Config,
  fallback: (entry: PoolEntry) => Promise<WireItem>,
  started: StartedWorker[] = [],
): AsyncGenerator<[number, WireItem]> {
  const ready: Worker[] = [];
  for (const s of started) {
    s.release();
    if (s.lost || ready.length >= size) void s.worker.terminate();
    else ready.push(s.worker);
  }
  const url = workerUrl();
  const entries = feed.entries;
  // Batches of consecutive entries, cut as the feed fills: a batch ends at its count or byte limit, or at the feed's end.
  const batches: Array<{ start: number; end: number }> = [];
  let cut = 0;
  const cutBatches = (): void => {
    while (cut < entries.length) {
      let i = cut;
      let bytes = 0;
      while (i < entries.length && i - cut < BATCH_FILES && (i === cut || bytes + entries[i]!.size <= BATCH_BYTES)) bytes += entries[i++]!.size;
      if (i === entries.length && i - cut < BATCH_FILES && !feed.ended) return;
      batches.push({ start: cut, end: i });
      cut = i;
    }
  };
  /** Every entry is in a batch, and no more will come. */
  const allCut = (): boolean => feed.ended && cut === entries.length;
  const done = new Map<number, WireItem[]>();
  const orphaned: number[] = [];
  let nextBatch = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const workers: Worker[] = [];
  const live = new Set<Worker>();
  /** Workers with fewer than two batches in flight because none was ready, by their sets of batches in flight. */
  const hungry = new Map<Worker, Set<number>>();
  const send = (w: Worker, inFlight: Set<number>): void => {
    if (nextBatch >= batches.length) cutBatches();
    if (nextBatch >= batches.length) {
      if (!allCut()) hungry.set(w, inFlight);
      return;
    }
    const id = nextBatch++;
    const b = batches[id]!;
    inFlight.add(id);
    const msg: PoolRequest = { id, entries: entries.slice(b.start, b.end).map(({ path, absPath, gitStatus }) => ({ path, absPath, gitStatus })) };
    w.postMessage(msg);
  };
  feed.watch(() => {
    const before = batches.length;
    cutBatches();
    if (batches.length === before && !feed.ended) return;
    for (const [w, inFlight] of hungry) {
      if (nextBatch >= batches.length) break;
      while (inFlight.size < 2 && nextBatch < batches.length) send(w, inFlight);
      if (inFlight.size >= 2) hungry.delete(w);
    }
    notify();
  });
  // Replacements for workers that ran out of heap, at most one per worker of the pool.
  let replacements = size;
  const start = (): boolean => {
    const inFlight = new Set<number>();
    let w: Worker;
    const adopted = ready.shift();
    if (adopted) w = adopted;
    else {
      try {
        w = newWorker(url!, config);
      } catch {
        return false;
      }
    }
    workers.push(w);
    live.add(w);
    let outOfMemory = false;
    const lose = () => {
      if (!live.delete(w)) return;
      hungry.delete(w);
      orphaned.push(...inFlight);
      inFlight.clear();
      if (outOfMemory && replacements > 0 && !(allCut() && nextBatch >= batches.length)) {
        replacements--;
        start();
      }
      notify();
    };
    w.on('message', (reply: PoolReply) => {
      inFlight.delete(reply.id);
      done.set(reply.id, reply.items);
      send(w, inFlight);
      notify();
    });
    w.on('error', (e: NodeJS.ErrnoException) => {
      outOfMemory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      lose();
    });
    w.on('exit', lose);
    // Two batches in flight per worker, so it never waits for the main thread.
    send(w, inFlight);
    send(w, inFlight);
    return true;
  };
  for (let i = 0; url && i < size; i++) if (!start()) break;

  // One batch on the main thread.
  const here = async (id: number): Promise<WireItem[]> => {
    const b = batches[id]!;
    const items: WireItem[] = [];
    for (let i = b.start; i < b.end; i++) items.push(await fallback(entries[i]!));
    return items;
  };
  try {
    for (let id = 0; ; id++) {
      // The batch is cut once the feed holds its entries, or has ended.
      while (id >= batches.length) {
        cutBatches();
        if (id < batches.length) break;
        if (feed.error !== undefined) throw feed.error;
        if (allCut()) return;
        await feed.changed();
      }
      let items = done.get(id);
      while (!items) {
        // Every worker gone: the main thread takes what is left.
        if (live.size === 0 && (orphaned.includes(id) || id >= nextBatch)) {
          if (id >= nextBatch) nextBatch = id + 1;
          items = await here(id);
          break;
        }
        if (orphaned.includes(id)) {
          items = await here(id);
          break;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        items = done.get(id);
      }
      done.delete(id);
      const b = batches[id]!;
      for (let i = b.start; i < b.end; i++) {
        let item = items[i - b.start]!;
        if (item.failed !== undefined) item = await fallback(entries[i]!);
        yield [i, item];
      }
    }
  } finally {
    for (const w of workers) {
      live.delete(w);
      void w.terminate();
    }
  }
}
