// Bundles the GitHub Action into dist-action/ (committed, so the Action runs without npm install):
//   dist-action/index.js      ESM bundle for node24 (also runs on Node 20), every dependency included (ts-morph too)
//   dist-action/main.wasm.gz  the HCL parser's WebAssembly, which @cdktf/hcl2json reads from disk at run time
//   dist-action/package.json  {"type":"module"} so Node loads index.js as ESM
// The banner gives the ESM bundle the CommonJS globals that bundled CommonJS code expects (require, __filename,
// __dirname); __dirname is the bundle's folder, and the wasm is looked up there.
// Usage: node scripts/build-action.mjs [--outdir DIR] [--metafile FILE]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { stdout } from 'node:process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? resolve(process.argv[i + 1]) : undefined;
};
// Tests build a private copy (--outdir) so a parallel run never sees a half-written bundle.
const out = arg('--outdir') ?? join(root, 'dist-action');
const metafile = arg('--metafile');
const require = createRequire(import.meta.url);
const hclDir = dirname(dirname(require.resolve('@cdktf/hcl2json')));

/** @cdktf/hcl2json reads `join(__dirname, "..", "main.wasm.gz")`; in the bundle, read it next to the bundle instead. */
const hclWasmPath = {
  name: 'hcl2json-wasm-path',
  setup(b) {
    b.onLoad({ filter: /@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const needle = '(0, path_1.join)(__dirname, "..", "main.wasm.gz")';
      if (!src.includes(needle)) throw new Error('@cdktf/hcl2json changed how it finds its wasm; update scripts/build-action.mjs');
      return { contents: src.replace(needle, '(0, path_1.join)(__dirname, "main.wasm.gz")'), loader: 'js' };
    });
  },
};

/**
 * src/core/lazy-deps.ts loads the TypeScript compiler, recheck and ajv from node_modules on first use; the Action has
 * no node_modules, so its `load(...)` calls become `require(...)`, which esbuild bundles (still evaluated on first use).
 * A bundle built without this rewrite fails on the first JS or TS file it scans: the build stops instead.
 */
const LAZY_DEPS = join(root, 'src', 'core', 'lazy-deps.ts');
let lazyDepsRewritten = false;
const bundledLazyDeps = {
  name: 'bundled-lazy-deps',
  setup(b) {
    b.onLoad({ filter: /[\\/]lazy-deps\.ts$/ }, (args) => {
      if (resolve(args.path) !== LAZY_DEPS) return undefined;
      const src = readFileSync(args.path, 'utf8');
      const out = src.replace(/\bload\('([^']+)'\)/g, "require('$1')");
      if (out === src) throw new Error('src/core/lazy-deps.ts changed how it loads; update scripts/build-action.mjs');
      lazyDepsRewritten = true;
      return { contents: out, loader: 'ts' };
    });
  },
};

async function bundle(dir) {
  const result = await build({
    entryPoints: [join(root, 'src/action/index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'linked',
    metafile: !!metafile,
    // Required only when globalThis.performance is missing (never on Node >= 16).
    external: ['performance'],
    logLevel: 'warning',
    banner: {
      js: [
        "import { createRequire as __brCreateRequire } from 'node:module';",
        "import { fileURLToPath as __brFileURLToPath } from 'node:url';",
        "import { dirname as __brDirname } from 'node:path';",
        'const require = __brCreateRequire(import.meta.url);',
        'const __filename = __brFileURLToPath(import.meta.url);',
        'const __dirname = __brDirname(__filename);',
      ].join('\n'),
    },
    plugins: [hclWasmPath, bundledLazyDeps],
  });
  if (!lazyDepsRewritten) throw new Error(`${LAZY_DEPS} was not bundled with its dependencies; update scripts/build-action.mjs`);
  copyFileSync(join(hclDir, 'main.wasm.gz'), join(dir, 'main.wasm.gz'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2) + '\n');
  if (metafile) writeFileSync(metafile, JSON.stringify(result.metafile));
}

// Build into a fresh folder beside the target, then move each file into place (a rename is atomic): a run that starts
// meanwhile sees the old bundle or the new one, never a missing or half-written file.
mkdirSync(out, { recursive: true });
const stage = mkdtempSync(join(dirname(out), '.build-action-'));
try {
  await bundle(stage);
  for (const f of readdirSync(stage)) renameSync(join(stage, f), join(out, f));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
const mb = (p) => (statSync(p).size / 1024 / 1024).toFixed(1);
stdout.write(`${out}/index.js ${mb(join(out, 'index.js'))} MB, main.wasm.gz ${mb(join(out, 'main.wasm.gz'))} MB\n`);
