// A small pool of worker threads for the per-file pass over a folder: files go out in batches (by count and bytes),
// results come back in any order and are handed on in walk order, so a pooled scan reports exactly what a
// single-threaded one does. A worker that cannot start or dies leaves its batches to the main thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import type { PoolEntry, PoolReply, PoolRequest, WireItem } from './pool-wire.js';

/**
 * Below this many files or bytes a pool costs more than it saves: each worker loads the rules, the TypeScript parser
 * and the HCL WebAssembly (about a second of CPU). Measured on 2 cores: 2,000 files / 5 MB are faster on one thread,
 * 20,000 files / 53 MB about 1.2× faster with the pool.
 */
export const POOL_MIN_FILES = 200;
export const POOL_MIN_BYTES = 16 * 1024 * 1024;
const BATCH_FILES = 32;
const BATCH_BYTES = 1 << 20;

/**
 * Where the worker's module is: beside this one, built (.js). Absent in the Action's bundle, and when running from
 * the TypeScript sources (tests, tsx), where a worker could not load .ts: the work is then done on the main thread.
 */
function workerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** How many workers to use for `files` files, or 0 for none (BLASTRADIUS_WORKERS overrides: 0 turns the pool off). */
export function poolSize(files: number, bytes: number): number {
  const env = process.env.BLASTRADIUS_WORKERS;
  if (env !== undefined && env !== '') {
    const n = Number(env);
    return Number.isInteger(n) && n > 0 && workerUrl() ? Math.min(n, 16) : 0;
  }
  if (files < POOL_MIN_FILES || bytes < POOL_MIN_BYTES) return 0;
  const cores = availableParallelism();
  return cores > 1 && workerUrl() ? Math.min(cores, 8) : 0;
}

export type SizedEntry = PoolEntry & { size: number };

/**
 * Processes every entry in the workers; yields `[index, item]` in entry order. `fallback` does one entry on the main
 * thread (a worker failed, or could not start).
 */
export async function* runPool(
  entries: readonly SizedEntry[],
  size: number,
  config: Config,
  fallback: (entry: PoolEntry) => Promise<WireItem>,
): AsyncGenerator<[number, WireItem]> {
  const url = workerUrl();
  // Batches of consecutive entries.
  const batches: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < entries.length; ) {
    const start = i;
    let bytes = 0;
    while (i < entries.length && i - start < BATCH_FILES && (i === start || bytes + entries[i]!.size <= BATCH_BYTES)) bytes += entries[i++]!.size;
    batches.push({ start, end: i });
  }
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
  const send = (w: Worker, inFlight: Set<number>) => {
    if (nextBatch >= batches.length) return;
    const id = nextBatch++;
    const b = batches[id]!;
    inFlight.add(id);
    const msg: PoolRequest = { id, entries: entries.slice(b.start, b.end).map(({ path, absPath, gitStatus }) => ({ path, absPath, gitStatus })) };
    w.postMessage(msg);
  };
  for (let i = 0; url && i < size; i++) {
    const inFlight = new Set<number>();
    let w: Worker;
    try {
      w = new Worker(url, { workerData: { config }, stdout: false, stderr: false });
    } catch {
      break;
    }
    workers.push(w);
    live.add(w);
    const lose = () => {
      if (!live.delete(w)) return;
      orphaned.push(...inFlight);
      inFlight.clear();
      notify();
    };
    w.on('message', (reply: PoolReply) => {
      inFlight.delete(reply.id);
      done.set(reply.id, reply.items);
      send(w, inFlight);
      notify();
    });
    w.on('error', lose);
    w.on('exit', lose);
    // Two batches in flight per worker, so it never waits for the main thread.
    send(w, inFlight);
    send(w, inFlight);
  }

  try {
    for (let id = 0; id < batches.length; id++) {
      let items = done.get(id);
      while (!items) {
        // Every worker gone: the main thread takes what is left.
        if (live.size === 0 && (orphaned.includes(id) || id >= nextBatch)) {
          if (id >= nextBatch) nextBatch = id + 1;
          const b = batches[id]!;
          items = [];
          for (let i = b.start; i < b.end; i++) items.push(await fallback(entries[i]!));
          break;
        }
        if (orphaned.includes(id)) {
          const b = batches[id]!;
          items = [];
          for (let i = b.start; i < b.end; i++) items.push(await fallback(entries[i]!));
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
