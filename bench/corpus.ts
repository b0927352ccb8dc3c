// The benchmark corpus: a deterministic, seeded monorepo-like tree of source, config, IaC, docs, lock files and
// minified bundles, with fake credentials planted at a known rate (about 1 file in 200) and near-misses (about 1 in
// 50). Generated into bench/.corpus/<size>/ with a manifest beside it; generating again with the same seed and size is
// a no-op.
//
//   npx tsx bench/corpus.ts --sizes 2k,20k,100k [--seed 12345]
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFile, KINDS, KIND_WEIGHTS, type KindName, word } from './content.js';
import { makeDecoy, makePlant, type PlantType } from './plants.js';
import { mixSeed, Rng } from './rng.js';

export const SIZES = { '2k': 2_000, '20k': 20_000, '100k': 100_000 } as const;
export type SizeName = keyof typeof SIZES;
export const isSizeName = (s: string): s is SizeName => s in SIZES;

/** Bump when the generator's output changes, so old corpora are regenerated. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 0xb1a57;
export const PLANT_RATE = 1 / 200;
export const DECOY_RATE = 1 / 50;
const FILES_PER_GROUP = 60;
const AREAS = ['packages', 'services', 'apps', 'libs', 'tools', 'platform'];

export const CORPUS_ROOT = join(dirname(fileURLToPath(import.meta.url)), '.corpus');

export interface PlantRecord {
  path: string;
  type: PlantType;
  /** 1-based line and column of the (first) secret value. */
  line: number;
  column: number;
  /** How many secret values the plant holds (an AWS key id and secret = 2), and the line of each. */
  secrets: number;
  lines: number[];
}

export interface Manifest {
  generator: number;
  seed: number;
  size: SizeName;
  files: number;
  bytes: number;
  planted: number;
  plantedSecrets: number;
  plantedByType: Record<string, number>;
  decoys: number;
  kinds: Record<string, { files: number; bytes: number }>;
  plants: PlantRecord[];
}

export interface Corpus {
  dir: string;
  manifest: Manifest;
  generated: boolean;
  seconds: number;
}

const manifestPath = (size: SizeName): string => join(CORPUS_ROOT, `${size}.manifest.json`);
export const corpusDir = (size: SizeName): string => join(CORPUS_ROOT, size);

export function readManifest(size: SizeName): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(manifestPath(size), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

function groupOf(seed: number, index: number): string {
  const g = Math.floor(index / FILES_PER_GROUP);
  const r = new Rng(mixSeed(seed, g, 0x67726f75));
  return `${r.pick(AREAS)}/${word(r)}-${word(r)}-${g}`;
}

/** One file of the corpus; depends only on (seed, index), so a smaller corpus is a prefix of a larger one. */
export function makeFile(
  seed: number,
  index: number,
): { path: string; kind: KindName; text: string; plant?: PlantRecord; plantValues?: string[]; decoy: boolean } {
  const r = new Rng(mixSeed(seed, index));
  const kindName = r.weighted(KIND_WEIGHTS);
  const kind = KINDS[kindName];
  const path = kind.path({ group: groupOf(seed, index), index, r });
  const target = r.logNormal(kind.median, kind.sigma, kind.min, kind.max);
  const roll = r.next();
  const plant = roll < PLANT_RATE ? makePlant(r, kindName === 'lock' ? 'github' : undefined) : undefined;
  const decoy = !plant && kindName !== 'lock' && roll < PLANT_RATE + DECOY_RATE ? makeDecoy(r) : undefined;
  const bindings = plant?.bindings ?? decoy;
  const text = buildFile(r, kind, target, bindings && kind.plant(r, bindings));
  let record: PlantRecord | undefined;
  if (plant) {
    const where = plant.bindings.map((b) => {
      const at = text.indexOf(b.value);
      if (at < 0) throw new Error(`corpus generator: planted value missing from ${path}`);
      const before = text.slice(0, at);
      return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
    });
    const first = where[0]!;
    record = { path, type: plant.type, line: first.line, column: first.column, secrets: plant.bindings.length, lines: where.map((w) => w.line) };
  }
  return { path, kind: kindName, text, plant: record, plantValues: plant?.bindings.map((b) => b.value), decoy: !!decoy };
}

/** Generates the corpus of `size` unless an identical one (same generator, seed and size) is already there. */
export function ensureCorpus(size: SizeName, seed = DEFAULT_SEED, log: (s: string) => void = () => {}): Corpus {
  const dir = corpusDir(size);
  const existing = readManifest(size);
  if (existing && existing.generator === GENERATOR_VERSION && existing.seed === seed && existing.size === size && existsSync(dir))
    return { dir, manifest: existing, generated: false, seconds: 0 };

  const t0 = performance.now();
  const count = SIZES[size];
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(manifestPath(size), { force: true });
  const m: Manifest = {
    generator: GENERATOR_VERSION,
    seed,
    size,
    files: 0,
    bytes: 0,
    planted: 0,
    plantedSecrets: 0,
    plantedByType: {},
    decoys: 0,
    kinds: {},
    plants: [],
  };
  const made = new Set<string>();
  for (let i = 0; i < count; i++) {
    const f = makeFile(seed, i);
    const abs = join(tmp, f.path);
    const parent = dirname(abs);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    const buf = Buffer.from(f.text, 'utf8');
    writeFileSync(abs, buf);
    m.files++;
    m.bytes += buf.length;
    const k = (m.kinds[f.kind] ??= { files: 0, bytes: 0 });
    k.files++;
    k.bytes += buf.length;
    if (f.plant) {
      m.planted++;
      m.plantedSecrets += f.plant.secrets;
      m.plantedByType[f.plant.type] = (m.plantedByType[f.plant.type] ?? 0) + 1;
      m.plants.push(f.plant);
    }
    if (f.decoy) m.decoys++;
    if ((i + 1) % 20_000 === 0) log(`  ${size}: ${i + 1}/${count} files`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  // The manifest is written last: its presence means the tree is complete.
  writeFileSync(manifestPath(size), JSON.stringify(m, null, 2) + '\n');
  return { dir, manifest: m, generated: true, seconds: (performance.now() - t0) / 1000 };
}

export function parseSizes(arg: string): SizeName[] {
  const sizes = arg.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of sizes) if (!isSizeName(s)) throw new Error(`unknown corpus size "${s}" (choose from ${Object.keys(SIZES).join(', ')})`);
  return [...new Set(sizes as SizeName[])].sort((a, b) => SIZES[a] - SIZES[b]);
}

function main(argv: string[]): void {
  let sizes: SizeName[] = ['2k', '20k'];
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') sizes = parseSizes(argv[++i] ?? '');
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  for (const size of sizes) {
    const c = ensureCorpus(size, seed, console.log);
    const m = c.manifest;
    console.log(
      `${size}: ${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB, ${m.planted} planted (${m.plantedSecrets} secrets), ${m.decoys} near-misses ` +
        `${c.generated ? `generated in ${c.seconds.toFixed(1)} s` : 'already present'} → ${c.dir}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
