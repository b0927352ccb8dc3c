// A worker thread of the file pool (src/parallel/pool.ts): reads files, runs the per-file pass (src/pipeline/file-pass.ts) and sends
// the results back. Secret values travel only in these messages (memory to memory), never through a file.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import type { GitStatus } from '../core/types.js';
import { readText } from '../pipeline/read.js';
import { RuleEngine } from '../pipeline/extract.js';
import { filePass, makeSourceFile } from '../pipeline/file-pass.js';
import { encodeResult, type PoolRequest, type PoolReply, type WireItem } from './pool-wire.js';
import { credentialRules } from '../../detectors/credentials/index.js';
import { inventoryParsers } from '../../detectors/inventory/index.js';

const { config } = workerData as { config: Config };
// Custom rules (and the ReDoS checker they load) only when the config has some.
const engine = new RuleEngine(config.customRules?.length ? (await import('../config/custom-rules.js')).withCustomRules(credentialRules, config.customRules) : credentialRules);
const ruleIndex = new Map(engine.rules.map((r, i) => [r, i]));

async function one(entry: { path: string; absPath: string | Uint8Array; gitStatus: GitStatus }): Promise<WireItem> {
  const abs = typeof entry.absPath === 'string' ? entry.absPath : Buffer.from(entry.absPath);
  const read = readText(abs, entry.path, config.maxFileSize);
  if (read.text === undefined) return { readDiagnostic: read.diagnostic };
  const file = makeSourceFile(entry.path, read.text, entry.gitStatus, config);
  const result = await filePass(file, engine, inventoryParsers, true);
  return { readDiagnostic: read.diagnostic, result: encodeResult(result, ruleIndex) };
}

parentPort!.on('message', (msg: PoolRequest) => {
  void (async () => {
    const items: WireItem[] = [];
    for (const e of msg.entries) {
      try {
        items.push(await one(e));
      } catch (err) {
        items.push({ failed: (err as Error).message ?? String(err) });
      }
    }
    parentPort!.postMessage({ id: msg.id, items } satisfies PoolReply);
  })();
});
