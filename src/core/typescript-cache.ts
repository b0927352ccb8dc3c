// The TypeScript compiler is 9 MB of JavaScript, and compiling it is most of what the first JS/TS file costs
// (~220 ms of a small scan). The CLI bundle ships its own copy, minified (dist/cli/typescript.cjs), with V8's code
// cache for it (dist/cli/typescript.cache), both written by scripts/build-cli.mjs with the Node that built it: the
// compiler is deserialised instead (a one-file TS scan: 276 ms instead of 317 with the full copy's cache), and each
// worker thread holds 3.6 MB of source instead of 9. A cache that V8 rejects (another Node version, other V8 flags)
// costs nothing but the saving: the source is compiled as usual.
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The compiler module that ts-morph loads (@ts-morph/common's dist/typescript.js), resolved from ts-morph. */
export function compilerPath(load: NodeJS.Require): string {
  return join(dirname(createRequire(load.resolve('ts-morph')).resolve('@ts-morph/common')), 'typescript.js');
}

/** Compiles and runs a CommonJS file as Node's loader would, with `cachedData` if given; returns the script. */
export function runCommonJs(path: string, cachedData?: Buffer): Script {
  const script = new Script(Module.wrap(readFileSync(path, 'utf8')), { filename: path, cachedData });
  const m = new Module(path);
  m.filename = path;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  (script.runInThisContext() as (...args: unknown[]) => void).call(m.exports, m.exports, createRequire(path), m, path, dirname(path));
  m.loaded = true;
  createRequire(path).cache[path] = m;
  return script;
}

/**
 * The CLI bundle's compiler beside `moduleUrl`, put into the require cache from its code cache; undefined where there
 * is none (the sources under tsx, the Action bundle).
 */
export function shippedCompiler(moduleUrl: string): string | undefined {
  if (!moduleUrl.startsWith('file:')) return undefined;
  const path = fileURLToPath(new URL('./typescript.cjs', moduleUrl));
  const cache = fileURLToPath(new URL('./typescript.cache', moduleUrl));
  if (!existsSync(path) || !existsSync(cache)) return undefined;
  runCommonJs(path, readFileSync(cache));
  return path;
}
