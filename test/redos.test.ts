// Catastrophic backtracking: every built-in regular expression is checked with recheck (automaton + fuzzing).
// - Credential rule patterns run over whole files (a 20 MB minified line included): each must be `safe`.
// - Allowlist parameter patterns (live mode) must be `safe`.
// - Every other regex literal in src/ and detectors/ — found by the TypeScript parser, so nothing needs exporting —
//   must never be exponential; a polynomial one fails the test unless it is on KNOWN_POLYNOMIAL (debt, to be fixed,
//   listed so that any new one fails here); `unknown` (the checker gave up) needs a line in UNKNOWN_JUSTIFIED.
//
// recheck takes minutes over ~1,000 patterns, so verdicts are committed in test/redos-verdicts.jsonl, keyed by a hash
// of (flags, source) and stamped with the recheck version. A pattern whose hash is not there (new or changed) is
// analysed here and now; the rest are looked up. `npm run redos:update` rewrites the file for the current patterns
// (analysing only what is missing); `npm run redos:full` (CI) analyses every pattern afresh and fails unless the file
// says exactly that. recheck's fuzzer works to a time budget, so on a loaded machine a verdict can come out differently:
// the full run accepts the file's verdict when the kind agrees (safe / polynomial / exponential; the degree and the
// attack string are what the fuzzer happened to find), and otherwise re-checks and accepts it if it is reproduced.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fdir } from 'fdir';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialRules } from '../detectors/credentials/index.js';
import { ALLOWLIST } from '../detectors/scopes/live/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const RECHECK_VERSION = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;
const VERDICTS = join(ROOT, 'test/redos-verdicts.jsonl');
/** `full`: analyse everything and compare with the file; `update`: rewrite the file; default: look up, analyse what is missing. */
const MODE = process.env.REDOS === 'full' || process.env.REDOS === 'update' ? process.env.REDOS : 'cached';

type Verdict = { status: 'safe' | 'vulnerable' | 'unknown'; complexity?: string; attack?: string };
type Entry = { hash: string; flags: string; source: string } & Verdict;

const hashOf = (source: string, flags: string): string => createHash('sha256').update(`${flags}\0${source}`).digest('hex').slice(0, 16);

/** The committed verdicts, unless they were made by another recheck version (then every pattern is analysed again). */
function committed(): Map<string, Entry> {
  const [header, ...lines] = readFileSync(VERDICTS, 'utf8').split('\n').filter(Boolean);
  if ((JSON.parse(header!) as { recheck: string }).recheck !== RECHECK_VERSION) return new Map();
  return new Map(lines.map((l) => JSON.parse(l) as Entry).map((e) => [e.hash, e]));
}
const recorded = committed();
const known = MODE === 'full' ? new Map<string, Entry>() : recorded;
/** Every pattern this run asked about, with its verdict. */
const seen = new Map<string, Entry>();
const analysed: string[] = [];

function analyse(source: string, flags: string): Verdict {
  const r = checkSync(source, flags);
  return r.status === 'vulnerable'
    ? { status: 'vulnerable', complexity: r.complexity.type === 'polynomial' ? `polynomial (degree ${r.complexity.degree})` : r.complexity.type, attack: r.attack.pattern }
    : { status: r.status };
}

const same = (a: Verdict, b: Verdict): boolean => a.status === b.status && a.complexity === b.complexity && a.attack === b.attack;
/** Same status and kind of complexity: the polynomial degree and the attack string are what the fuzzer happened to find. */
const sameClass = (a: Verdict, b: Verdict): boolean => a.status === b.status && a.complexity?.split(' ')[0] === b.complexity?.split(' ')[0];

function verdict(source: string, flags: string): Verdict {
  const f = flags.replace(/[gyd]/g, '');
  const hash = hashOf(source, f);
  let entry = seen.get(hash) ?? known.get(hash);
  if (!entry) {
    let v = analyse(source, f);
    const before = recorded.get(hash);
    if (MODE === 'full' && before && !same(v, before) && (sameClass(v, before) || [1, 2].some(() => same(analyse(source, f), before)))) v = before;
    entry = { hash, flags: f, source, ...v };
    analysed.push(`/${source}/${f}`);
  }
  seen.set(hash, entry);
  return entry;
}

const serialise = (entries: Iterable<Entry>): string =>
  [JSON.stringify({ recheck: RECHECK_VERSION }), ...[...entries].sort((a, b) => (a.hash < b.hash ? -1 : 1)).map((e) => JSON.stringify(e))].join('\n') + '\n';

afterAll(() => {
  if (MODE === 'update') writeFileSync(VERDICTS, serialise(seen.values()));
  else if (MODE === 'cached' && analysed.length > 0)
    console.warn(`ReDoS: ${analysed.length} pattern(s) not in test/redos-verdicts.jsonl were analysed now; run \`npm run redos:update\` to record them.`);
});

/** Every regular-expression literal in the TypeScript under src/ and detectors/. */
function regexLiterals(): Array<{ file: string; line: number; source: string; flags: string }> {
  const files = ['src', 'detectors'].flatMap((d) =>
    new fdir()
      .withFullPaths()
      .filter((p) => p.endsWith('.ts'))
      .crawl(join(ROOT, d))
      .sync(),
  );
  const out: Array<{ file: string; line: number; source: string; flags: string }> = [];
  for (const abs of files.sort()) {
    const sf = ts.createSourceFile(abs, readFileSync(abs, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const t = n.getText(sf);
        const end = t.lastIndexOf('/');
        out.push({ file: relative(ROOT, abs), line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, source: t.slice(1, end), flags: t.slice(end + 1) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Quadratic (or cubic) regexes that exist today, keyed `file /source/` (no line numbers, so unrelated edits do not
 * matter). None runs over a whole file inside the credential engine; each still deserves a linear rewrite. A new entry
 * here needs a reason in review; removing one is always welcome.
 */
const KNOWN_POLYNOMIAL = new Set<string>(JSON.parse(readFileSync(join(ROOT, 'test/redos-known-polynomial.json'), 'utf8')) as string[]);

/** `unknown` verdicts (the checker ran out of budget) with why the regex is nevertheless linear. */
const UNKNOWN_JUSTIFIED: Record<string, string> = {};

describe('ReDoS', () => {
  it('every credential rule pattern is safe (they run over whole files)', () => {
    const bad = credentialRules
      .map((r) => ({ id: r.meta.id, v: verdict(r.pattern.source, r.pattern.flags) }))
      .filter((x) => x.v.status !== 'safe' && !UNKNOWN_JUSTIFIED[`rule ${x.id}`]);
    expect(bad.map((x) => `${x.id}: ${x.v.status} ${x.v.complexity ?? ''} attack ${x.v.attack ?? ''}`)).toEqual([]);
  }, 600_000);

  it('every allowlist parameter pattern is safe', () => {
    const params = ALLOWLIST.flatMap((r) => Object.entries(r.params ?? {}).map(([k, p]) => ({ id: `${r.provider} ${r.path} :${k}`, source: `^(?:${p})$` })));
    const bad = params.filter((p) => verdict(p.source, '').status !== 'safe').map((p) => p.id);
    expect(bad).toEqual([]);
  }, 600_000);

  it('no regex literal in src/ or detectors/ is exponential; polynomial ones are known, unknown ones justified', () => {
    const found = regexLiterals();
    expect(found.length).toBeGreaterThan(100);
    const problems: string[] = [];
    const seenKnown = new Set<string>();
    for (const r of found) {
      const v = verdict(r.source, r.flags);
      const key = `${r.file} /${r.source}/`;
      if (v.status === 'safe') continue;
      if (v.status === 'unknown') {
        if (!UNKNOWN_JUSTIFIED[key]) problems.push(`${r.file}:${r.line} /${r.source}/: unknown (add a justification)`);
      } else if (v.complexity === 'exponential') problems.push(`${r.file}:${r.line} /${r.source}/: EXPONENTIAL, attack ${v.attack}`);
      else if (KNOWN_POLYNOMIAL.has(key)) seenKnown.add(key);
      else problems.push(`${r.file}:${r.line} /${r.source}/: ${v.complexity}, attack ${v.attack}`);
    }
    expect(problems).toEqual([]);
    // Fixed ones must leave the list, so it only ever shrinks.
    expect([...KNOWN_POLYNOMIAL].filter((k) => !seenKnown.has(k))).toEqual([]);
  }, 900_000);

  it.runIf(MODE === 'full')('test/redos-verdicts.jsonl holds exactly these verdicts (else: npm run redos:update)', () => {
    expect(readFileSync(VERDICTS, 'utf8')).toBe(serialise(seen.values()));
  });
});
