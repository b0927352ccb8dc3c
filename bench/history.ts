// A deterministic git history for `scan --history`: 5,000 commits written with `git fast-import` over a 1,000-file
// base tree from the corpus generator. Commits edit, add and delete files; about one commit in 100 plants a fake
// credential, and half of those are deleted again a few commits later (gone at HEAD, still leaked in history). The
// corpus files the commits add carry the corpus's own plants (1 in 200), recorded too.
// The repository lands in bench/.corpus/history-<commits>/ with a manifest beside it; same seed → no-op.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, type KindName, buildFile } from './content.js';
import { CORPUS_ROOT, DEFAULT_SEED, makeFile } from './corpus.js';
import { makePlant, type PlantType } from './plants.js';
import { mixSeed, Rng } from './rng.js';

export const HISTORY_GENERATOR_VERSION = 2;
const BASE_FILES = 1_000;
const PLANT_RATE = 1 / 100;
/** Kinds whose blocks are comma-separated entries: an edit rewrites the whole file so it stays valid. */
const REWRITE_KINDS = new Set<KindName>(['json', 'lock', 'minified']);

export interface HistoryPlant {
  /** 0-based commit index (the base tree is commit 0) and its sha. */
  commit: number;
  sha?: string;
  path: string;
  type: PlantType;
  /** Whether the value is still in the file at HEAD. */
  atHead: boolean;
}

export interface HistoryManifest {
  generator: number;
  seed: number;
  commits: number;
  filesAtHead: number;
  /** Bytes of every file version the commits write (the base tree included). */
  writtenBytes: number;
  planted: number;
  plantedDeletedAtHead: number;
  plants: HistoryPlant[];
}

export interface HistoryRepo {
  dir: string;
  manifest: HistoryManifest;
  generated: boolean;
  seconds: number;
}

interface FileState {
  kind: KindName;
  lines: string[];
}

interface LivePlant {
  record: HistoryPlant;
  values: string[];
  removeAt?: number;
}

const manifestPath = (commits: number): string => join(CORPUS_ROOT, `history-${commits}.manifest.json`);

function gitEnv(): NodeJS.ProcessEnv {
  // Fixed identities and no user/system config, so the same seed gives the same shas everywhere.
  return { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CEILING_DIRECTORIES: CORPUS_ROOT };
}

function dataCmd(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** Edits one file in place: replace, insert or delete a run of lines; comma-separated kinds are rewritten whole. */
function editFile(r: Rng, f: FileState): void {
  const kind = KINDS[f.kind];
  if (REWRITE_KINDS.has(f.kind)) {
    const size = f.lines.reduce((a, l) => a + l.length + 1, 0);
    f.lines = buildFile(r, kind, Math.max(kind.min, Math.round(size * (0.9 + r.next() * 0.2)))).split('\n');
    return;
  }
  const at = r.int(1, Math.max(1, f.lines.length - 1));
  const op = r.next();
  if (op < 0.5) f.lines.splice(at, r.int(1, 12), ...kind.block(r).split('\n'));
  else if (op < 0.85) f.lines.splice(at, 0, ...kind.block(r).split('\n'));
  else f.lines.splice(at, r.int(1, 8));
}

function plantInto(r: Rng, f: FileState, block: string): void {
  if (REWRITE_KINDS.has(f.kind)) {
    const size = f.lines.reduce((a, l) => a + l.length + 1, 0);
    f.lines = buildFile(r, KINDS[f.kind], size, block).split('\n');
  } else f.lines.splice(r.int(1, Math.max(1, f.lines.length - 1)), 0, ...block.split('\n'));
}

/** Writes the fast-import stream for the whole history; returns the manifest (shas filled in later). */
function historyStream(seed: number, commits: number): { stream: string; manifest: HistoryManifest } {
  const files = new Map<string, FileState>();
  const live: LivePlant[] = [];
  const plants: HistoryPlant[] = [];
  const out: string[] = [];
  let writtenBytes = 0;
  let nextIndex = BASE_FILES;
  const epoch = 1_700_000_000;

  /** A file from the corpus generator, with the credential it may carry recorded as planted in commit `c`. */
  const addFile = (c: number, index: number): string => {
    const f = makeFile(seed, index);
    files.set(f.path, { kind: f.kind, lines: f.text.split('\n') });
    if (f.plant && f.plantValues) {
      const record: HistoryPlant = { commit: c, path: f.path, type: f.plant.type, atHead: true };
      plants.push(record);
      live.push({ record, values: f.plantValues });
    }
    return f.path;
  };

  for (let c = 0; c < commits; c++) {
    const r = new Rng(mixSeed(seed, c, 0x68697374));
    const changed = new Set<string>();
    const deleted = new Set<string>();
    let message: string;
    if (c === 0) {
      for (let i = 0; i < BASE_FILES; i++) changed.add(addFile(c, i));
      message = 'Initial import';
    } else {
      const paths = [...files.keys()];
      const op = r.next();
      if (op < 0.75) {
        for (let k = r.int(1, 3); k > 0; k--) {
          const p = r.pick(paths);
          editFile(r, files.get(p)!);
          changed.add(p);
        }
      } else if (op < 0.95) {
        for (let k = r.int(1, 2); k > 0; k--) changed.add(addFile(c, nextIndex++));
      } else {
        const p = r.pick(paths);
        if (!live.some((lp) => lp.record.path === p)) {
          files.delete(p);
          deleted.add(p);
        }
      }
      if (r.chance(PLANT_RATE)) {
        const candidates = [...files.keys()].filter((p) => files.get(p)!.kind !== 'lock' && !deleted.has(p));
        const p = r.pick(candidates);
        const f = files.get(p)!;
        const plant = makePlant(r);
        plantInto(r, f, KINDS[f.kind].plant(r, plant.bindings));
        changed.add(p);
        const record: HistoryPlant = { commit: c, path: p, type: plant.type, atHead: true };
        plants.push(record);
        live.push({ record, values: plant.bindings.map((b) => b.value), removeAt: r.chance(0.5) ? c + r.int(1, 50) : undefined });
      }
      for (const lp of live) {
        if (lp.removeAt !== c || !files.has(lp.record.path)) continue;
        const f = files.get(lp.record.path)!;
        f.lines = f.lines.filter((l) => !lp.values.some((v) => l.includes(v)));
        changed.add(lp.record.path);
      }
      message = `${r.pick(['Fix', 'Add', 'Update', 'Refactor', 'Remove', 'Tidy'])} ${[...changed][0] ?? 'files'}`;
    }
    out.push(`commit refs/heads/main\nmark :${c + 1}\n`);
    const when = `${epoch + c * 3600} +0000`;
    out.push(`author Bench <bench@example.com> ${when}\ncommitter Bench <bench@example.com> ${when}\n`);
    out.push(dataCmd(message));
    if (c > 0) out.push(`from :${c}\n`);
    for (const p of deleted) out.push(`D ${p}\n`);
    for (const p of changed) {
      const f = files.get(p);
      if (!f) continue;
      const text = f.lines.join('\n');
      writtenBytes += Buffer.byteLength(text);
      out.push(`M 100644 inline ${p}\n${dataCmd(text)}`);
    }
  }
  for (const lp of live) {
    const f = files.get(lp.record.path);
    lp.record.atHead = !!f && f.lines.some((l) => l.includes(lp.values[0]!));
  }
  const manifest: HistoryManifest = {
    generator: HISTORY_GENERATOR_VERSION,
    seed,
    commits,
    filesAtHead: files.size,
    writtenBytes,
    planted: plants.length,
    plantedDeletedAtHead: plants.filter((p) => !p.atHead).length,
    plants,
  };
  return { stream: out.join(''), manifest };
}

function fastImport(dir: string, stream: string, marks: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', ['-C', dir, 'fast-import', '--quiet', `--export-marks=${marks}`], { env: gitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}: ${err.trim()}`))));
    p.stdin.end(stream);
  });
}

export async function ensureHistoryRepo(commits = 5_000, seed = DEFAULT_SEED): Promise<HistoryRepo> {
  const dir = join(CORPUS_ROOT, `history-${commits}`);
  let existing: HistoryManifest | undefined;
  try {
    existing = JSON.parse(readFileSync(manifestPath(commits), 'utf8')) as HistoryManifest;
  } catch {
    existing = undefined;
  }
  if (existing?.generator === HISTORY_GENERATOR_VERSION && existing.seed === seed && existing.commits === commits && existsSync(join(dir, '.git')))
    return { dir, manifest: existing, generated: false, seconds: 0 };

  const t0 = performance.now();
  rmSync(manifestPath(commits), { force: true });
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: gitEnv() });
  const { stream, manifest } = historyStream(seed, commits);
  const marks = join(dir, '.git', 'bench-marks');
  await fastImport(dir, stream, marks);
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main'], { env: gitEnv() });
  const sha = new Map<number, string>();
  for (const line of readFileSync(marks, 'utf8').split('\n')) {
    const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
    if (m) sha.set(Number(m[1]) - 1, m[2]!);
  }
  for (const p of manifest.plants) p.sha = sha.get(p.commit);
  writeFileSync(manifestPath(commits), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest, generated: true, seconds: (performance.now() - t0) / 1000 };
}
