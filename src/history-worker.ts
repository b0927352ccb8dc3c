// The history scan's worker thread (src/history-scan.ts): streams `git log -p`, runs the credential rules on the added
// lines and sends the findings back in batches. Secret values travel only in these messages, never through a file.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from './config.js';
import type { Diagnostic } from './types.js';
import type { HistoryStreamOptions } from './history.js';
import { RuleEngine } from './extract.js';
import { historyItems, type HistoryItem, type HistoryMessage } from './history-scan.js';
import type { WireFinding } from './pool-wire.js';
import { credentialRules } from '../detectors/credentials/index.js';

const { root, options, config } = workerData as { root: string; options: HistoryStreamOptions; config: Config };
const engine = new RuleEngine(config.customRules?.length ? (await import('./custom-rules.js')).withCustomRules(credentialRules, config.customRules) : credentialRules);
const ruleIndex = new Map(engine.rules.map((r, i) => [r, i]));
const BATCH = 256;

const diagnostics: Diagnostic[] = [];
let batch: Array<HistoryItem<WireFinding>> = [];
const send = (m: HistoryMessage) => parentPort!.postMessage(m);
try {
  for await (const item of historyItems(root, options, config, engine, diagnostics)) {
    batch.push({ ...item, raw: item.raw.map((f) => ({ ...f, rule: ruleIndex.get(f.rule)! })) });
    if (batch.length >= BATCH) {
      send({ items: batch });
      batch = [];
    }
  }
  if (batch.length) send({ items: batch });
  send({ done: diagnostics });
} catch (e) {
  send({ failed: (e as Error).message });
}
