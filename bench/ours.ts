// blastradius as a benchmarked tool: the built CLI, its JSON report (stage timings, credentials) and how many of the
// planted credentials that report found.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CredentialRule } from '../src/core/types.js';
import type { Tool } from './peers.js';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const STAGES = ['walk', 'extract', 'resolve', 'inventory', 'graph', 'rules', 'report'] as const;
export type Stage = (typeof STAGES)[number];

export interface ReportLocation {
  path?: string;
  startLine?: number;
  commit?: { sha?: string };
}

export interface ScanReport {
  stats?: { files?: number; bytes?: number; timings?: Partial<Record<Stage, number>> };
  credentials?: Array<{ ruleId?: string; locations?: ReportLocation[] }>;
}

export interface Recall {
  found: number;
  planted: number;
  reported: number;
  byType: Record<string, { found: number; planted: number }>;
  /** Credentials reported at no planted location, by rule: near-misses taken for secrets, or generic rules' noise. */
  unplannedByRule: Record<string, number>;
  /** History only: the planted credentials already deleted at HEAD. */
  deletedAtHead?: { found: number; planted: number };
}

/** Where the measured dist/ lives: the project, or the snapshot taken by snapshotBuild(). */
let buildRoot = ROOT;

/**
 * Copies dist/ to bench/.corpus/.build/ so that a build started by someone else during a long run cannot change what
 * is measured half-way. Packages still resolve from the project's node_modules, a few folders up.
 */
export function snapshotBuild(): string | undefined {
  const snap = join(ROOT, 'bench', '.corpus', '.build');
  if (!existsSync(join(ROOT, 'dist'))) return undefined;
  rmSync(snap, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), join(snap, 'dist'), { recursive: true });
  buildRoot = snap;
  return snap;
}

/** The built entry point: package.json's `bin.blastradius` (dist/src/cli/cli.js before there was a bin). */
export function cliPath(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.blastradius;
    if (bin) return join(buildRoot, bin);
  } catch {
    // fall through
  }
  return join(buildRoot, 'dist', 'cli', 'blastradius.js');
}

function version(): string | undefined {
  let v: string | undefined;
  try {
    v = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    v += `@${execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`;
    if (execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'detectors'], { encoding: 'utf8' }).trim()) v += '+dirty';
  } catch {
    // as far as it got
  }
  return v;
}

/** `blastradius scan DIR --format json` with extra flags (e.g. --history), named `name` in the tables. */
export function blastradius(extra: string[] = [], name = 'blastradius'): Tool {
  const cli = cliPath();
  const v = version();
  if (!existsSync(cli)) return { name, version: v, ours: true, absent: `${cli} not built (npm run build)`, command: () => ({ cmd: 'false', args: [] }) };
  return {
    name,
    bin: cli,
    version: v,
    ours: true,
    command: (dir, out) => ({
      cmd: process.execPath,
      args: [cli, 'scan', dir, ...extra, '--format', 'json', '--output', out, '--fail-on', 'none'],
    }),
  };
}

/**
 * Every credential rule's keywords, for the ripgrep floor: from the build being measured (dist/), else from the
 * sources. A rule set that cannot be loaded gives no keywords and the reason.
 */
export async function ruleKeywords(): Promise<{ keywords: string[]; error?: string }> {
  let error = 'no credential rule module found';
  for (const file of [join(buildRoot, 'dist', 'detectors', 'credentials', 'index.js'), join(ROOT, 'detectors', 'credentials', 'index.ts')]) {
    if (!existsSync(file)) continue;
    try {
      const { credentialRules } = (await import(pathToFileURL(file).href)) as { credentialRules: CredentialRule[] };
      const keywords = new Set(credentialRules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())));
      return { keywords: [...keywords].filter(Boolean).sort() };
    } catch (e) {
      error = `cannot load the credential rules (${e instanceof Error ? e.message : String(e)})`;
    }
  }
  return { keywords: [], error };
}

/** Whether the built CLI's `scan` takes `flag` (read from its --help). */
export function cliSupports(flag: string): boolean {
  try {
    const help = execFileSync(process.execPath, [cliPath(), 'scan', '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return help.includes(flag);
  } catch {
    return false;
  }
}

export function readReport(path: string): ScanReport | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ScanReport;
  } catch {
    return undefined;
  }
}

interface PlantKey {
  type: string;
  /** The key a report location must produce to count as finding this plant. */
  key: string;
  /** Keys of the plant's other secrets (an AWS secret beside its key id): not counted, but not "unplanned" either. */
  otherKeys?: string[];
  deletedAtHead?: boolean;
}

/** How many plants the report found, matching each location by `keyOf` against the plants' keys. */
export function recall(report: ScanReport | undefined, plants: PlantKey[], keyOf: (l: ReportLocation) => string): Recall | undefined {
  if (!Array.isArray(report?.credentials)) return undefined;
  const seen = new Set<string>();
  for (const c of report.credentials) for (const l of c.locations ?? []) seen.add(keyOf(l));
  const planted = new Set(plants.flatMap((p) => [p.key, ...(p.otherKeys ?? [])]));
  const unplannedByRule: Record<string, number> = {};
  for (const c of report.credentials) {
    if ((c.locations ?? []).some((l) => planted.has(keyOf(l)))) continue;
    const id = c.ruleId ?? '?';
    unplannedByRule[id] = (unplannedByRule[id] ?? 0) + 1;
  }
  const byType: Recall['byType'] = {};
  const r: Recall = { found: 0, planted: plants.length, reported: report.credentials.length, byType, unplannedByRule };
  for (const p of plants) {
    const t = (byType[p.type] ??= { found: 0, planted: 0 });
    // An AWS pair may be reported at its secret rather than its key id: either line counts.
    const hit = seen.has(p.key) || (p.otherKeys ?? []).some((k) => seen.has(k));
    t.planted++;
    if (hit) {
      t.found++;
      r.found++;
    }
    if (p.deletedAtHead !== undefined) {
      r.deletedAtHead ??= { found: 0, planted: 0 };
      if (p.deletedAtHead) {
        r.deletedAtHead.planted++;
        if (hit) r.deletedAtHead.found++;
      }
    }
  }
  return r;
}
