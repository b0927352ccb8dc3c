// Data flows one way. Over every module in src/, detectors/, scripts/ and bench/ (type-only and dynamic imports
// included): no import cycle, between modules or between src/'s folders; the engine reaches a detector family only
// through its index file; detectors depend on the engine's detector-facing modules only, never on its entry points
// (CLI, Action, report, pool, ...).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fdir } from 'fdir';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DIRS = ['src', 'detectors', 'scripts', 'bench'];
const CODE = /\.(?:[cm]?ts|[cm]?js)$/;

/**
 * The engine modules a detector may import: the shared types, the detector API and the helpers detectors build
 * findings, chains and resources with. Growing this list is a design decision; shrinking it is always welcome.
 */
const DETECTOR_FACING = new Set([
  'src/core/types.ts',
  'src/pipeline/detector-api.ts',
  'src/core/text.ts',
  'src/core/secrets.ts',
  'src/core/built-sibling.ts',
  'src/pipeline/chain.ts',
  'src/pipeline/classify.ts',
  'src/pipeline/resources.ts',
  'src/pipeline/resolve.ts',
  'src/pipeline/graph.ts',
  'src/pipeline/extract.ts',
  'src/pipeline/assignments.ts',
  'src/pipeline/file-context.ts',
  'src/pipeline/platform-hosts.ts',
  'src/pipeline/ai-vendors.ts',
  'src/pipeline/vendor-blast.ts',
  'src/live/types.ts',
]);

/** Repository-relative module → the repository-relative modules it imports (relative specifiers only). */
function importGraph(): { graph: Map<string, string[]>; unresolved: string[] } {
  const files = DIRS.flatMap((d) =>
    new fdir()
      .withFullPaths()
      .exclude((name) => name === 'node_modules' || name.startsWith('.'))
      .filter((p) => CODE.test(p) && !p.endsWith('.d.ts'))
      .crawl(join(ROOT, d))
      .sync(),
  );
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const abs of files.sort()) {
    const from = relative(ROOT, abs);
    const targets: string[] = [];
    for (const { fileName } of ts.preProcessFile(readFileSync(abs, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      if (!CODE.test(fileName)) continue; // JSON and other assets
      const target = resolveModule(join(dirname(abs), fileName));
      if (target) targets.push(relative(ROOT, target));
      else unresolved.push(`${from} → ${fileName}`);
    }
    graph.set(from, [...new Set(targets)]);
  }
  return { graph, unresolved };
}

/** NodeNext specifiers name the emitted file: `./x.js` is `./x.ts` in the sources, `./x.mjs` is `./x.mts` or itself. */
function resolveModule(spec: string): string | undefined {
  const candidates = [spec.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts').replace(/\.cjs$/, '.cts'), spec];
  return candidates.find((c) => existsSync(c));
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const { graph, unresolved } = importGraph();
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));

describe('import graph', () => {
  it('covers the engine, the detectors, the scripts and the bench', () => {
    for (const d of DIRS) expect([...graph.keys()].some((f) => f.startsWith(`${d}/`)), d).toBe(true);
    expect(edges.length).toBeGreaterThan(500);
  });

  it('every relative import names a file that exists', () => {
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("src/'s folders depend on each other one way (a file at src/'s root counts as a folder of its own)", () => {
    const unit = (p: string): string => p.split('/').slice(0, 2).join('/');
    const folders = new Map<string, string[]>();
    for (const { from, to } of edges) {
      if (!from.startsWith('src/') || !to.startsWith('src/') || unit(from) === unit(to)) continue;
      folders.set(unit(from), [...(folders.get(unit(from)) ?? []), unit(to)]);
    }
    expect(cycles(folders)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('the engine loads a detector family only through its index file', () => {
    const bad = edges.filter((e) => e.from.startsWith('src/') && e.to.startsWith('detectors/') && !e.to.endsWith('/index.ts'));
    expect(bad.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('detectors import only the engine modules meant for them', () => {
    const bad = edges.filter((e) => e.from.startsWith('detectors/') && e.to.startsWith('src/') && !DETECTOR_FACING.has(e.to));
    expect(bad.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
    for (const m of DETECTOR_FACING) expect(graph.has(m), m).toBe(true);
  });
});
