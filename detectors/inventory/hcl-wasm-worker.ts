// The WebAssembly HCL parser's own thread (see hcl-wasm.ts): parses what it is sent, answers with the JSON or the error.
import { parentPort } from 'node:worker_threads';
import { parse } from '@cdktf/hcl2json';
import type { HclReply, HclRequest } from './hcl-wasm.js';

parentPort!.on('message', (req: HclRequest) => {
  parse(req.filename, req.text).then(
    (json: Record<string, unknown>) => parentPort!.postMessage({ id: req.id, json } satisfies HclReply),
    (e: unknown) => parentPort!.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e), overflow: e instanceof RangeError } satisfies HclReply),
  );
});
