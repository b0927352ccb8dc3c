// Catastrophic backtracking: every built-in regular expression is checked with recheck (automaton + fuzzing).
// - Credential rule patterns run over whole files (a 20 MB minified line included): each must be `safe`.
// - Allowlist parameter patterns (live mode) must be `safe`.
// - Every other regex literal in src/ and detectors/ — found by the TypeScript parser, so nothing needs exporting —
//   must never be exponential; a polynomial one fails the test unless it is on KNOWN_POLYNOMIAL (debt, to be fixed,
//   listed so that any new one fails here); `unknown` (the checker gave up) needs a line in UNKNOWN_JUSTIFIED.
// Results are cached by (recheck version, source, flags) under node_modules/.cache, so a changed regex is re-checked.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fdir } from 'fdir';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { credentialRules } from '../detectors/credentials/index.js';
import { ALLOWLIST } from '../detectors/scopes/live/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const RECHECK_VERSION = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;
const CACHE = join(ROOT, 'node_modules/.cache/blastradius/redos.json');

type Verdict = { status: 'safe' | 'vulnerable' | 'unknown'; complexity?: string; attack?: string };
const cache: Record<string, Verdict> = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, Verdict>) : {};

function verdict(source: string, flags: string): Verdict {
  const f = flags.replace(/[gyd]/g, '');
  const key = `${RECHECK_VERSION}\0${f}\0${source}`;
  if (!cache[key]) {
    const r = checkSync(source, f);
    cache[key] =
      r.status === 'vulnerable'
        ? { status: 'vulnerable', complexity: r.complexity.type === 'polynomial' ? `polynomial (degree ${r.complexity.degree})` : r.complexity.type, attack: r.attack.pattern }
        : { status: r.status };
  }
  return cache[key]!;
}

function saveCache(): void {
  mkdirSync(dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(cache));
}

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
    saveCache();
    expect(bad.map((x) => `${x.id}: ${x.v.status} ${x.v.complexity ?? ''} attack ${x.v.attack ?? ''}`)).toEqual([]);
  }, 600_000);

  it('every allowlist parameter pattern is safe', () => {
    const params = ALLOWLIST.flatMap((r) => Object.entries(r.params ?? {}).map(([k, p]) => ({ id: `${r.provider} ${r.path} :${k}`, source: `^(?:${p})$` })));
    const bad = params.filter((p) => verdict(p.source, '').status !== 'safe').map((p) => p.id);
    saveCache();
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
    saveCache();
    expect(problems).toEqual([]);
    // Fixed ones must leave the list, so it only ever shrinks.
    expect([...KNOWN_POLYNOMIAL].filter((k) => !seenKnown.has(k))).toEqual([]);
  }, 900_000);
});
