// How far V8 lets a heap grow past its live size after a full collection. By default, on a machine with memory to
// spare, up to 4×: after a large tree's file pass the main thread holds ~150 MB of results (100,000 files) and its heap
// then grew to ~540 MB of mostly garbage while the rules ran and the report was written. A fixed bound makes V8
// collect sooner at no measurable CPU cost (100k corpus: 40% took peak RSS 807 → 465 MB, CPU 45.8 / 46.6 s, within
// noise; once the Terraform pre-pass held less, 25% took it 407 → 387 MiB, CPU 43.3 / 43.2 s). V8 reads the flag at
// every collection, so setting it at run time takes effect; it is process-wide, so it is set only once the file
// pool's workers are done (their own heaps are bounded by the pool, src/parallel/pool.ts).
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 25;

let bounded = false;

/** From now on, each heap of this process grows by at most HEAP_GROWING_PERCENT past its live size. */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
