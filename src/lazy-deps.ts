// Heavy dependencies that most runs never use, loaded synchronously on first use instead of at start-up: the
// TypeScript compiler (ts-morph's bundled `ts`, for JS/TS token scans) and recheck (the ReDoS checker, for custom
// rules). The CLI bundle (scripts/build-cli.mjs) leaves them in node_modules; the Action bundle, which has no
// node_modules, rewrites `load(` to a bundled `require(` (scripts/build-action.mjs).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

let tsMorph: typeof import('ts-morph') | undefined;
let recheck: typeof import('recheck') | undefined;

export function typescript(): typeof import('ts-morph').ts {
  return (tsMorph ??= load('ts-morph') as typeof import('ts-morph')).ts;
}

export function recheckSync(): typeof import('recheck').checkSync {
  return (recheck ??= load('recheck') as typeof import('recheck')).checkSync;
}
