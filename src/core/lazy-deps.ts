// Heavy dependencies that most runs never use, loaded synchronously on first use instead of at start-up: the
// TypeScript compiler (ts-morph's copy, for JS/TS token scans), recheck (the ReDoS checker, for custom rules) and ajv
// (for a configuration file).
// The CLI bundle (scripts/build-cli.mjs) leaves them in node_modules; the Action bundle, which has no node_modules,
// rewrites `load('…')` to a bundled `require('…')` (scripts/build-action.mjs).
import { createRequire } from 'node:module';
import { compilerPath, shippedCompiler } from './typescript-cache.js';

type TypeScript = typeof import('ts-morph').ts;

const load = createRequire(import.meta.url);

let ts: TypeScript | undefined;
let recheck: typeof import('recheck') | undefined;
let ajvModule: typeof import('ajv') | undefined;

/** The compiler alone (the rest of ts-morph is not needed for a token scan): the CLI bundle's copy, else ts-morph's. */
function compilerAlone(): TypeScript | undefined {
  let path = shippedCompiler(import.meta.url);
  try {
    path ??= compilerPath(load);
  } catch {
    return undefined; // bundled (the Action): no node_modules to resolve from
  }
  return load(path) as TypeScript;
}

export function typescript(): TypeScript {
  return (ts ??= compilerAlone() ?? (load('ts-morph') as typeof import('ts-morph')).ts);
}

export function recheckSync(): typeof import('recheck').checkSync {
  return (recheck ??= load('recheck') as typeof import('recheck')).checkSync;
}

export function ajv(): typeof import('ajv').Ajv {
  return (ajvModule ??= load('ajv') as typeof import('ajv')).Ajv;
}
