// @cdktf/hcl2json (HashiCorp's HCL parser compiled to WebAssembly), run on the main thread in a worker thread of its
// own. Once loaded, its Go runtime holds ~32 MiB that the process cannot give back: on the 100k-file corpus 20 invalid
// .tf files kept it through the rules and the report, where the scan peaks. The thread starts on first use and
// `releaseHclWasm()` stops it. Pool workers (which end with their pass) and runs without the built worker module (the
// Action's one-file bundle, the TypeScript sources) load the parser in their own thread.
import { isMainThread, Worker } from 'node:worker_threads';
import { builtSibling } from '../../src/core/built-sibling.js';

export interface HclRequest {
  id: number;
  filename: string;
  text: string;
}

export type HclReply = { id: number; json: Record<string, unknown> } | { id: number; error: string; overflow: boolean };

interface Waiting {
  resolve: (json: Record<string, unknown>) => void;
  reject: (e: Error) => void;
}

let thread: { worker: Worker; waiting: Map<number, Waiting> } | undefined;
let nextId = 0;

/** hcl2json's `parse`; its errors keep their message, and a stack overflow stays a RangeError. */
export async function parseHclWasm(filename: string, text: string): Promise<Record<string, unknown>> {
  const url = isMainThread ? builtSibling('hcl-wasm-worker.js', import.meta.url) : undefined;
  if (!url) {
    const { parse } = await import('@cdktf/hcl2json');
    return parse(filename, text);
  }
  const t = (thread ??= start(url));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    t.waiting.set(id, { resolve, reject });
    t.worker.ref();
    t.worker.postMessage({ id, filename, text } satisfies HclRequest);
  });
}

function start(url: URL): NonNullable<typeof thread> {
  const worker = new Worker(url);
  const t = { worker, waiting: new Map<number, Waiting>() };
  worker.on('message', (r: HclReply) => {
    const w = t.waiting.get(r.id);
    t.waiting.delete(r.id);
    // Idle, the thread does not keep the process alive.
    if (!t.waiting.size) worker.unref();
    if ('json' in r) w?.resolve(r.json);
    else w?.reject(r.overflow ? new RangeError(r.error) : new Error(r.error));
  });
  const stopped = (why: string) => {
    if (thread === t) thread = undefined;
    for (const w of t.waiting.values()) w.reject(new Error(`HCL parser thread stopped (${why})`));
    t.waiting.clear();
  };
  worker.on('error', (e) => stopped(e.message));
  worker.on('exit', (code) => stopped(`exit code ${code}`));
  return t;
}

/** Stops the parser's thread, if one runs (the next parse starts another). */
export async function releaseHclWasm(): Promise<void> {
  const t = thread;
  thread = undefined;
  if (t) await t.worker.terminate();
}
