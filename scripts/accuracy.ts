// Accuracy harness (`npm run accuracy`): precision and recall of the credential rules, per provider and overall.
//
// Two measurements:
//   1. every credential rule's own labelled examples (positives must be found by that rule, negatives not);
//   2. a labelled corpus in fixtures/accuracy/ — realistic files in many languages and formats with planted,
//      format-valid fake credentials and near-misses (UUIDs, git SHAs, hashes, lock-file integrity, base64 blobs,
//      documented example keys, placeholders). fixtures/accuracy/labels.json lists, for every file, the lines where a
//      credential must be found: `{ "line": 12, "ruleId": "github-token" }` (or `"provider"` instead of `ruleId`).
//      Any other match is a false positive.
// Exits 1 when precision < 0.97 or recall < 0.95 on either measurement. Never prints a secret: only redacted previews.
//
//   3. creddata-dev (real lines from 68 public repositories, labelled by Samsung's CredData), when the corpus is there:
//      its own scorer (score.py) is run as is — it scans with the built CLI (`npm run build` first) and scores line by
//      line — and its overall and per-category precision/recall/F1 are printed with the issue #12 targets. It does not
//      change the exit status; its numbers are for reading, not a gate.
// Options: --verbose (list every match), --json (machine-readable summary), --corpus DIR (another labelled corpus),
// --creddata DIR (where creddata-dev is; default ../shared/corpora/creddata-dev), --no-creddata (skip it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentialRules } from '../detectors/credentials/index.js';
import { RuleEngine, type RawFinding } from '../src/pipeline/extract.js';
import { makeSourceFile } from '../src/scan.js';
import { defaultConfig } from '../src/config/config.js';
import { redact } from '../src/core/secrets.js';
import type { CredentialRule } from '../src/core/types.js';

export const MIN_PRECISION = 0.97;
export const MIN_RECALL = 0.95;

interface Label {
  line: number;
  ruleId?: string;
  provider?: string;
  note?: string;
}

interface LabelsFile {
  description?: string;
  files: Record<string, Label[]>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Issue {
  kind: 'missed' | 'false-positive';
  where: string;
  ruleId: string;
  provider: string;
  preview?: string;
}

export interface Measurement {
  name: string;
  byProvider: Map<string, Counts>;
  issues: Issue[];
}

const here = dirname(fileURLToPath(import.meta.url));
const ruleById = new Map(credentialRules.map((r) => [r.meta.id, r]));

function bump(m: Measurement, provider: string, key: keyof Counts): void {
  const c = m.byProvider.get(provider) ?? { tp: 0, fp: 0, fn: 0 };
  c[key]++;
  m.byProvider.set(provider, c);
}

function total(m: Measurement): Counts {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const c of m.byProvider.values()) {
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
  return t;
}

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

const config = defaultConfig();

function scan(engine: RuleEngine, path: string, text: string): RawFinding[] {
  return engine.scanFile(makeSourceFile(path, text, 'tracked', config));
}

/** 1. Every rule's own examples. */
export function measureExamples(rules: readonly CredentialRule[] = credentialRules): Measurement {
  const engine = new RuleEngine(rules);
  const m: Measurement = { name: 'rule examples', byProvider: new Map(), issues: [] };
  for (const rule of rules) {
    const provider = rule.meta.provider;
    rule.examples.positive.forEach((ex, i) => {
      const { text, path } = typeof ex === 'string' ? { text: ex, path: 'example.txt' } : { path: 'example.txt', ...ex };
      const found = scan(engine, path, text).some((f) => f.rule.meta.id === rule.meta.id);
      bump(m, provider, found ? 'tp' : 'fn');
      if (!found) m.issues.push({ kind: 'missed', where: `${rule.meta.id} positive #${i + 1}`, ruleId: rule.meta.id, provider });
    });
    rule.examples.negative.forEach((ex, i) => {
      const { text, path } = typeof ex === 'string' ? { text: ex, path: 'example.txt' } : { path: 'example.txt', ...ex };
      for (const f of scan(engine, path, text).filter((x) => x.rule.meta.id === rule.meta.id)) {
        bump(m, provider, 'fp');
        m.issues.push({ kind: 'false-positive', where: `${rule.meta.id} negative #${i + 1}`, ruleId: rule.meta.id, provider, preview: redact(f.value) });
      }
    });
  }
  return m;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs));
    else out.push(abs);
  }
  return out;
}

/** 2. The labelled corpus. */
export function measureCorpus(dir: string, rules: readonly CredentialRule[] = credentialRules): Measurement {
  const engine = new RuleEngine(rules);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as LabelsFile;
  const m: Measurement = { name: `corpus ${relative(process.cwd(), dir) || '.'}`, byProvider: new Map(), issues: [] };
  const files = listFiles(dir)
    .map((abs) => relative(dir, abs).split(sep).join('/'))
    .filter((p) => p !== 'labels.json' && p !== 'README.md')
    .sort();
  const unlabelled = files.filter((f) => !(f in labels.files));
  if (unlabelled.length) throw new Error(`labels.json has no entry for: ${unlabelled.join(', ')} (use [] for a file with no credential)`);
  const missing = Object.keys(labels.files).filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`labels.json names files that do not exist: ${missing.join(', ')}`);

  for (const path of files) {
    const text = readFileSync(join(dir, path), 'utf8');
    const found = scan(engine, path, text);
    const used = new Set<RawFinding>();
    for (const label of labels.files[path]!) {
      const provider = label.provider ?? (label.ruleId ? ruleById.get(label.ruleId)?.meta.provider : undefined);
      if (!provider) throw new Error(`${path}:${label.line}: label needs a known ruleId or a provider (got ${JSON.stringify(label)})`);
      const hit = found.find(
        (f) => !used.has(f) && f.location.startLine === label.line && (label.ruleId ? f.rule.meta.id === label.ruleId : f.rule.meta.provider === label.provider),
      );
      if (hit) {
        used.add(hit);
        bump(m, provider, 'tp');
      } else {
        bump(m, provider, 'fn');
        const other = found.find((f) => !used.has(f) && f.location.startLine === label.line);
        m.issues.push({
          kind: 'missed',
          where: `${path}:${label.line}${other ? ` (found as ${other.rule.meta.id} instead)` : ''}`,
          ruleId: label.ruleId ?? '*',
          provider,
        });
      }
    }
    for (const f of found) {
      if (used.has(f)) continue;
      bump(m, f.rule.meta.provider, 'fp');
      m.issues.push({
        kind: 'false-positive',
        where: `${path}:${f.location.startLine}:${f.location.startColumn}`,
        ruleId: f.rule.meta.id,
        provider: f.rule.meta.provider,
        preview: redact(f.value),
      });
    }
  }
  return m;
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6) + '%';

function table(m: Measurement, verbose: boolean): string {
  const lines: string[] = [];
  const t = total(m);
  lines.push(`\n== ${m.name} ==`);
  lines.push(`${'provider'.padEnd(22)} ${'TP'.padStart(5)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
  const providers = [...m.byProvider.entries()].sort(([a, x], [b, y]) => precision(x) + recall(x) - (precision(y) + recall(y)) || a.localeCompare(b));
  for (const [p, c] of providers) {
    const flag = precision(c) < MIN_PRECISION || recall(c) < MIN_RECALL ? '  <' : '';
    if (!verbose && !flag && providers.length > 40) continue;
    lines.push(`${p.padEnd(22)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} ${pct(precision(c)).padStart(10)} ${pct(recall(c)).padStart(8)}${flag}`);
  }
  if (!verbose && providers.length > 40) lines.push(`(${providers.length} providers; only those below the thresholds are listed — --verbose lists all)`);
  lines.push(`${'OVERALL'.padEnd(22)} ${String(t.tp).padStart(5)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)} ${pct(precision(t)).padStart(10)} ${pct(recall(t)).padStart(8)}`);
  const shown = verbose ? m.issues : m.issues.slice(0, 60);
  for (const i of shown) lines.push(`  ${i.kind === 'missed' ? 'MISSED        ' : 'FALSE POSITIVE'} ${i.where}  ${i.ruleId}${i.preview ? `  ${i.preview}` : ''}`);
  if (shown.length < m.issues.length) lines.push(`  … ${m.issues.length - shown.length} more (--verbose)`);
  return lines.join('\n');
}

function main(argv: string[]): number {
  const verbose = argv.includes('--verbose');
  const json = argv.includes('--json');
  const corpusArg = argv.indexOf('--corpus');
  const corpus = corpusArg !== -1 && argv[corpusArg + 1] ? resolve(argv[corpusArg + 1]!) : join(here, '..', 'fixtures', 'accuracy');
  const measurements = [measureExamples(), measureCorpus(corpus)];
  const failing = measurements.filter((m) => precision(total(m)) < MIN_PRECISION || recall(total(m)) < MIN_RECALL);
  if (json) {
    const out = measurements.map((m) => {
      const t = total(m);
      return {
        name: m.name,
        overall: { ...t, precision: precision(t), recall: recall(t) },
        providers: Object.fromEntries([...m.byProvider].map(([p, c]) => [p, { ...c, precision: precision(c), recall: recall(c) }])),
        issues: m.issues,
      };
    });
    process.stdout.write(JSON.stringify({ thresholds: { precision: MIN_PRECISION, recall: MIN_RECALL }, measurements: out, ok: failing.length === 0 }, null, 2) + '\n');
  } else {
    process.stdout.write(`credential rules: ${credentialRules.length} (${new Set(credentialRules.map((r) => r.meta.provider)).size} providers)\n`);
    for (const m of measurements) process.stdout.write(table(m, verbose) + '\n');
    process.stdout.write(
      failing.length
        ? `\nFAIL: ${failing.map((m) => m.name).join(', ')} below precision ${MIN_PRECISION} / recall ${MIN_RECALL}\n`
        : `\nOK: precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} on every measurement\n`,
    );
  }
  return failing.length ? 1 : 0;
}

export interface CategoryScore {
  category: string;
  labelled: number;
  tp: number;
  fn: number;
  fp: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The scorer's OVERALL line and per-category table, as numbers. */
export function parseCreddataScore(text: string): { overall: Counts & { precision: number; recall: number }; categories: CategoryScore[] } | undefined {
  const o = /OVERALL\s+tp=(\d+) fp=(\d+) fn=(\d+).*?precision=([\d.]+) recall=([\d.]+)/.exec(text);
  if (!o) return undefined;
  const categories: CategoryScore[] = [];
  const table = text.slice(text.indexOf('per category'), text.indexOf('most common missed') === -1 ? undefined : text.indexOf('most common missed'));
  for (const m of table.matchAll(/^(.{34}) +(\d+) +(\d+) +(\d+) +(\d+) +([\d.]+) +([\d.]+) +([\d.]+)$/gm))
    categories.push({ category: m[1]!.trim(), labelled: +m[2]!, tp: +m[3]!, fn: +m[4]!, fp: +m[5]!, precision: +m[6]!, recall: +m[7]!, f1: +m[8]! });
  return { overall: { tp: +o[1]!, fp: +o[2]!, fn: +o[3]!, precision: +o[4]!, recall: +o[5]! }, categories };
}

/** The credential categories issue #12 names (each has 30+ labelled rows in creddata-dev). */
const TARGET_CATEGORIES = ['Password', 'Token', 'Secret', 'Key', 'Auth', 'API', 'PEM Private Key', 'JSON Web Token', 'Basic Authorization', 'OTP / 2FA Secret', 'URL Credentials', 'NKEY Seed'];

/**
 * Issue #12's targets: precision 0.90 and recall 0.85 overall, recall 0.80 in each category it names. Two other
 * categories have 30+ rows but label identifiers (WeChat AppIDs, Twilio resource SIDs such as `AC…`/`SM…`), which
 * issue #13 says are not credentials: they are listed, not targeted.
 */
function creddataTargets(score: NonNullable<ReturnType<typeof parseCreddataScore>>): { misses: string[]; untargeted: string[] } {
  const misses: string[] = [];
  if (score.overall.precision < 0.9) misses.push(`overall precision ${score.overall.precision.toFixed(3)} < 0.90`);
  if (score.overall.recall < 0.85) misses.push(`overall recall ${score.overall.recall.toFixed(3)} < 0.85`);
  for (const name of TARGET_CATEGORIES) {
    const c = score.categories.find((x) => x.category === name);
    if (!c) misses.push(`${name}: not in the scorer's table`);
    else if (c.recall < 0.8) misses.push(`${c.category} recall ${c.recall.toFixed(3)} < 0.80`);
  }
  const untargeted = score.categories.filter((c) => c.labelled >= 30 && !TARGET_CATEGORIES.includes(c.category)).map((c) => `${c.category} (recall ${c.recall.toFixed(3)})`);
  return { misses, untargeted };
}

function runCreddata(argv: string[]): void {
  if (argv.includes('--no-creddata')) return;
  const at = argv.indexOf('--creddata');
  // Default: ../shared/corpora/creddata-dev from the project root (a worktree one level deeper looks one level up).
  const guesses = [resolve(here, '..', '..', 'shared', 'corpora', 'creddata-dev'), resolve(here, '..', '..', '..', 'shared', 'corpora', 'creddata-dev')];
  const dir = at !== -1 && argv[at + 1] ? resolve(argv[at + 1]!) : (guesses.find((d) => existsSync(join(d, 'score.py'))) ?? guesses[0]!);
  const scorer = join(dir, 'score.py');
  if (!existsSync(scorer)) {
    process.stdout.write(`\ncreddata-dev: not found at ${dir} (pass --creddata DIR); skipped\n`);
    return;
  }
  process.stdout.write(`\ncreddata-dev (${dir}): scanning with the built CLI…\n`);
  const run = spawnSync('python3', [scorer], { cwd: join(here, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const score = run.status === 0 ? parseCreddataScore(run.stdout) : undefined;
  if (!score) {
    process.stdout.write(`creddata-dev: the scorer failed (exit ${run.status}): ${(run.stderr ?? '').trim().split('\n').slice(-3).join(' ')}\n`);
    return;
  }
  // The scorer's own report up to its list of missed lines (those are obfuscated corpus text, not ours to repeat).
  const cut = run.stdout.indexOf('20 most common missed');
  process.stdout.write(cut === -1 ? run.stdout : run.stdout.slice(0, cut));
  const { misses, untargeted } = creddataTargets(score);
  process.stdout.write(misses.length ? `creddata-dev targets not met: ${misses.join('; ')}\n` : 'creddata-dev targets met (precision >= 0.90, recall >= 0.85, recall >= 0.80 in each named category)\n');
  if (untargeted.length) process.stdout.write(`not targeted (identifiers, not credentials): ${untargeted.join('; ')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
  if (!process.argv.includes('--json')) runCreddata(process.argv.slice(2));
}
