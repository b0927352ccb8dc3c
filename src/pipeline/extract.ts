// Stage 2: credential rules over every file, with a keyword prefilter, then grouping by value into credentials.
import type { Confidence, Credential, CredentialRule, Environment, Location, MatchAnchor, MatchContext, SourceFile } from '../core/types.js';
import { assignmentsOf, bindingsPerLine, lineAssignments } from './assignments.js';
import type { Assignment } from './assignment.js';
import { LineIndex, isPlaceholder, shannonEntropy } from '../core/text.js';
import { SecretVault, fingerprintSecret, redact } from '../core/secrets.js';
import { KeywordPrefilter } from './prefilter.js';
import { assessCandidate, contextRank } from './file-context.js';
import { isWellKnownDefault } from '../core/well-known-passwords.js';

export interface RawFinding {
  rule: CredentialRule;
  hints: string[];
  value: string;
  type: string;
  attributes: Record<string, string>;
  confidence: Confidence;
  /** Why the confidence is what it is (file context, well-known value, what could not be decoded). */
  reasons: string[];
  location: Location;
  /** Where the credential's other parts are written (Match.parts), nearest first. */
  partLocations: Location[];
}

/** Compiled once per rule set: the keyword prefilter, each rule's global (or, anchored, sticky) regex, the anchors. */
export class RuleEngine {
  readonly #prefilter: KeywordPrefilter;
  readonly #compiled: RegExp[];
  /** The distinct anchors of the rules, and per rule the index of its anchor or -1. */
  readonly #anchors: MatchAnchor[] = [];
  readonly #anchorOf: number[];

  constructor(readonly rules: readonly CredentialRule[]) {
    this.#anchorOf = rules.map((rule) => {
      if (!rule.anchor) return -1;
      const at = this.#anchors.indexOf(rule.anchor);
      return at >= 0 ? at : this.#anchors.push(rule.anchor) - 1;
    });
    this.#prefilter = new KeywordPrefilter(
      rules.map((r) => r.keywords),
      this.#anchors.map((a) => a.keywords ?? []),
    );
    this.#compiled = rules.map((rule) => new RegExp(rule.pattern.source, uniqueFlags(rule.pattern.flags + (rule.anchor ? 'yd' : 'gd'))));
  }

  /** The rules whose keywords occur in the text, ASCII case-insensitively (plus keyword-less rules), in rule-set order. */
  candidates(text: string): CredentialRule[] {
    return this.#prefilter.selected(text).map((i) => this.rules[i]!);
  }

  /** Every credential candidate in one file. Overlapping matches keep the first rule in rule-set order. */
  scanFile(file: SourceFile): RawFinding[] {
    const { selected: candidates, anchors: hits } = this.#prefilter.scan(file.text);
    if (candidates.length === 0) return [];
    const scan = new FileScan(file);
    const starts: Array<number[] | undefined> = [];
    const startsOf = (a: number) => (starts[a] ??= anchorStarts(this.#anchors[a]!, file.text, hits[a]!));
    const taken: Array<[number, number]> = [];
    const out: RawFinding[] = [];
    for (const index of candidates) {
      const rule = this.rules[index]!;
      const re = this.#compiled[index]!;
      const a = this.#anchorOf[index]!;
      const next = a < 0 ? searchAll(re, file.text) : searchAt(re, file.text, startsOf(a));
      let m: RegExpExecArray | null;
      while ((m = next())) {
        const group = rule.secretGroup ?? 0;
        const value = m[group];
        const span = m.indices?.[group];
        if (!value || !span) continue;
        const [start, end] = span;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        const finding = accept(rule, value, start, scan);
        if (!finding) continue;
        taken.push([start, end]);
        out.push(finding);
      }
    }
    return out;
  }
}

/** What the candidates of one file share, built on first use: most files have keyword hits, many have no match. */
class FileScan {
  #lines: LineIndex | undefined;
  #bindings: Assignment[] | undefined;

  constructor(readonly file: SourceFile) {}

  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.file.text));
  }

  /** Key/value files: only the line of `at` is scanned for bindings (lineAssignments); others: the whole file, once. */
  assignments(at: number): Assignment[] {
    return lineAssignments(this.file, at, this.lines) ?? (this.#bindings ??= sortByIndex(assignmentsOf(this.file)));
  }
}

/**
 * What a rule sees of one candidate. Position, line, variable and window are worked out on first use: most candidates
 * are rejected on their value alone, and the variable needs the file's bindings (for TS/JS a parse). One object per
 * candidate, its getters on the prototype: a scan makes hundreds of thousands.
 */
class Candidate implements MatchContext {
  #position: { line: number; column: number } | undefined;
  #line: string | undefined;
  #variable: string | undefined;
  #known = false;
  #window: string | undefined;
  #valueAt: number | undefined;

  constructor(
    readonly scan: FileScan,
    readonly value: string,
    readonly start: number,
  ) {}

  get file(): SourceFile {
    return this.scan.file;
  }

  get position(): { line: number; column: number } {
    return (this.#position ??= this.scan.lines.position(this.start));
  }

  get line(): string {
    return (this.#line ??= this.scan.lines.line(this.position.line));
  }

  get valueAt(): number {
    return (this.#valueAt ??= this.line.indexOf(this.value));
  }

  get variable(): string | undefined {
    if (!this.#known) {
      this.#variable = enclosingAssignment(this.scan.assignments(this.start), this.start, this.value.length)?.name ?? variableOnLine(this.line, this.position.column);
      this.#known = true;
    }
    return this.#variable;
  }

  get window(): string {
    return (this.#window ??= this.scan.lines.window(this.position.line, 4, 4));
  }

  // Both sources of the variable (enclosing binding, name before the value) are then on the line, before it; on a
  // minified line that text is too long to be worth testing for every candidate.
  get nameScope(): string | undefined {
    return bindingsPerLine(this.file) && this.position.column <= NAME_SCOPE_MAX ? this.line.slice(0, this.position.column - 1) : undefined;
  }
}

function accept(rule: CredentialRule, value: string, start: number, scan: FileScan): RawFinding | undefined {
  const ctx = new Candidate(scan, value, start);
  // The rule first: it rejects almost every candidate, most on the value alone, and the placeholder tests are regexes.
  if (rule.validate && !rule.validate(value, ctx)) return undefined;
  // A well-known default (`changeme`) is still a weakness where it is deployed: the rules decide, at low confidence.
  if (isPlaceholder(value) && !isWellKnownDefault(value)) return undefined;
  const { file } = scan;
  const variable = ctx.variable;
  const extra = rule.classify?.(value, ctx) ?? {};
  const { line: startLine, column } = ctx.position;
  const assessed = assessCandidate(extra.confidence ?? 'high', file.path, file.kind, value);
  const location: Location = {
    path: file.path,
    startLine,
    startColumn: column,
    endLine: startLine,
    endColumn: column + value.length,
    variable,
    environment: file.environment.environment,
    gitStatus: file.gitStatus,
    commit: file.commit,
    context: describeContext(file, variable),
    fileContext: assessed.context,
  };
  const partLocations = (extra.parts ?? []).flatMap((part) => {
    const at = nearestOccurrence(file.text, part, start);
    if (at < 0) return [];
    const p = scan.lines.position(at);
    if (p.line === startLine) return [];
    return [{ ...location, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + part.length, variable: undefined, part: true }];
  });
  return {
    rule,
    value: extra.value ?? value,
    type: extra.type ?? rule.meta.credentialType,
    attributes: { ...(extra.attributes ?? {}) },
    confidence: assessed.confidence,
    reasons: [...(extra.reasons ?? []), ...assessed.reasons],
    location,
    partLocations,
    hints: hintWords(`${file.path}\n${variable ?? ''}\n${ctx.window}`),
  };
}

/**
 * Words that can say what a credential is for or whom it belongs to. Only words without digits and of low entropy
 * are kept, so no secret value can end up here.
 */
export function hintWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z_-]{1,38}[A-Za-z]/g)) {
    const w = m[0];
    if (w.length > 24 && shannonEntropy(w) > 3.6) continue;
    out.add(w.toLowerCase());
  }
  return [...out];
}

/** The non-empty matches of a global regex over the whole text, one per call. */
function searchAll(re: RegExp, text: string): () => RegExpExecArray | null {
  re.lastIndex = 0;
  return () => {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length > 0) return m;
      re.lastIndex++;
    }
    return null;
  };
}

/**
 * The same for a sticky regex tried only at `starts` (ascending): a start inside the previous match is skipped, as
 * the global search would resume after it.
 */
function searchAt(re: RegExp, text: string, starts: readonly number[]): () => RegExpExecArray | null {
  let k = 0;
  let end = 0;
  return () => {
    while (k < starts.length) {
      const at = starts[k++]!;
      if (at < end) continue;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m && m[0].length > 0) {
        end = at + m[0].length;
        return m;
      }
    }
    return null;
  };
}

/** The distinct match starts an anchor implies in a text, ascending; `hits` are its keywords' offsets. */
function anchorStarts(anchor: MatchAnchor, text: string, hits: readonly number[]): number[] {
  const out: number[] = [];
  const add = (at: number) => {
    const s = anchor.start(text, at);
    if (s >= 0) out.push(s);
  };
  if (anchor.find) {
    const re = anchor.find;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      add(m.index);
      re.lastIndex = m.index + 1;
    }
  }
  for (const at of hits) add(at);
  let sorted = true;
  for (let i = 1; i < out.length && sorted; i++) if (out[i]! < out[i - 1]!) sorted = false;
  if (!sorted) out.sort((x, y) => x - y);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}

function uniqueFlags(flags: string): string {
  return [...new Set(flags)].join('');
}

function sortByIndex(list: Assignment[]): Assignment[] {
  return list.sort((a, b) => a.index - b.index);
}

function enclosingAssignment(list: Assignment[], start: number, length: number): Assignment | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let best: Assignment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.index <= start) {
      best = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best && best.index + best.value.length >= start + length ? best : undefined;
}

const VARIABLE_WINDOW = 120;
const NAME_SCOPE_MAX = 4096;

/** `NAME=`, `name: `, `"name": "`, `const name = '` immediately before the column on the same line. */
function variableOnLine(line: string, column: number): string | undefined {
  // Only the text just before the value can name it; bounding it keeps these end-anchored searches cheap on
  // minified single-line files.
  const before = line.slice(Math.max(0, column - 1 - VARIABLE_WINDOW), column - 1);
  const m = /["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?::=|=>|[:=])\s*["'`]?(?:Bearer\s+|Token\s+|Basic\s+)?$/i.exec(before);
  if (m) return m[1];
  const header = /["']?([A-Za-z][A-Za-z0-9-]*)["']?\s*:\s*["'`]?(?:Bearer\s+)?[^"'`]*$/.exec(before);
  return header?.[1];
}

function describeContext(file: SourceFile, variable: string | undefined): string {
  const parts: string[] = [file.kind];
  if (variable) parts.push(`bound to ${variable}`);
  if (file.gitStatus === 'ignored-but-present') parts.push('gitignored but present on disk');
  return parts.join(', ');
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const ENV_RANK: Record<Environment, number> = { production: 0, staging: 1, development: 2, test: 3, unknown: 2 };

/** The place that matters most first: production config or code before examples, docs, tests and vendored code. */
function byImportance(a: Location, b: Location): number {
  return (
    contextRank(a.fileContext ?? 'code') - contextRank(b.fileContext ?? 'code') ||
    ENV_RANK[a.environment] - ENV_RANK[b.environment] ||
    a.path.localeCompare(b.path) ||
    a.startLine - b.startLine
  );
}

/** From this many different values bound to one name in one folder, the files hold records, not configuration. */
const RECORD_VALUES = 5;

/**
 * Files of one folder that bind one name to many different values (`"embed_token"` in each of 100 API dumps, `token` in
 * every row of a fixture table) hold data records: each value is one object's field, not a credential someone
 * configured. They are still reported, at low confidence with that reason. (Services keep their configs in folders
 * of their own, so per-service `.env` files are not counted together.)
 */
function markRecordData(raw: RawFinding[]): void {
  const keyOf = (f: RawFinding) => (f.location.variable ? `${f.location.path.slice(0, f.location.path.lastIndexOf('/') + 1)}\0${f.location.variable.toLowerCase()}` : undefined);
  const values = new Map<string, Set<string>>();
  for (const f of raw) {
    const key = keyOf(f);
    if (key) (values.get(key) ?? values.set(key, new Set()).get(key)!).add(f.value);
  }
  for (const f of raw) {
    const n = values.get(keyOf(f) ?? '')?.size ?? 0;
    if (n < RECORD_VALUES) continue;
    f.confidence = 'low';
    f.reasons = [...f.reasons, `one of ${n} different values bound to \`${f.location.variable}\` in this folder (data records, not configuration)`];
  }
}

/** The start of the occurrence of `part` nearest to `offset`, within 2,000 characters either side; -1 when none. */
function nearestOccurrence(text: string, part: string, offset: number): number {
  const before = text.lastIndexOf(part, offset);
  const after = text.indexOf(part, offset);
  const best = before < 0 ? after : after < 0 || offset - before <= after - offset ? before : after;
  return best >= 0 && Math.abs(best - offset) <= 2000 ? best : -1;
}

/** Groups raw findings by value: one credential, every place it appears. Stores values in the vault. */
export function groupCredentials(raw: RawFinding[], vault: SecretVault): Credential[] {
  markRecordData(raw);
  const byFp = new Map<string, Credential>();
  const best = new Map<string, RawFinding>();
  for (const r of raw) {
    const fp = fingerprintSecret(r.value);
    vault.put(fp, r.value);
    let cred = byFp.get(fp);
    if (!cred) {
      cred = {
        fingerprint: fp,
        provider: r.rule.meta.provider,
        type: r.type,
        ruleId: r.rule.meta.id,
        preview: redact(r.value),
        length: r.value.length,
        locations: [],
        environments: [],
        attributes: {},
        confidence: r.confidence,
        confidenceReasons: r.reasons,
        fileContext: r.location.fileContext ?? 'code',
        scope: { reach: 'unknown', permissions: [], evidence: [], confidence: 'low' },
        hints: [],
      };
      byFp.set(fp, cred);
      best.set(fp, r);
    }
    if (r.type !== cred.type && strongerType(r.rule, r.type, cred.type)) {
      cred.attributes.classConflict = `${cred.type} elsewhere`;
      cred.type = r.type;
      Object.assign(cred.attributes, r.attributes);
    } else {
      if (r.type !== cred.type) cred.attributes.classConflict = `${r.type} elsewhere`;
      for (const [k, v] of Object.entries(r.attributes)) if (!(k in cred.attributes)) cred.attributes[k] = v;
    }
    cred.hints = [...new Set([...cred.hints, ...r.hints])];
    // The most confident place speaks for the credential; between equals, the one that matters most.
    const top = best.get(fp)!;
    const diff = CONFIDENCE_RANK[r.confidence] - CONFIDENCE_RANK[top.confidence];
    if (diff > 0 || (diff === 0 && byImportance(r.location, top.location) < 0)) {
      best.set(fp, r);
      cred.confidence = r.confidence;
      cred.confidenceReasons = r.reasons;
      cred.fileContext = r.location.fileContext ?? 'code';
    }
    for (const at of [r.location, ...r.partLocations]) {
      const dup = cred.locations.some((l) => l.path === at.path && l.startLine === at.startLine && l.commit?.sha === at.commit?.sha);
      if (!dup) cred.locations.push(at);
    }
  }
  for (const cred of byFp.values()) {
    // Copies of the value first, by importance; the lines holding its other parts (Location.part) after them.
    cred.locations.sort((a, b) => Number(a.part ?? false) - Number(b.part ?? false) || byImportance(a, b));
    cred.environments = uniqueEnvironments(cred.locations.map((l) => l.environment));
  }
  return [...byFp.values()].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

function strongerType(rule: CredentialRule, candidate: string, current: string): boolean {
  const order = rule.typeOrder;
  if (!order) return false;
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  return rank(candidate) < rank(current);
}

const ENV_ORDER: Environment[] = ['production', 'staging', 'development', 'test', 'unknown'];

export function uniqueEnvironments(list: Iterable<Environment>): Environment[] {
  const set = new Set(list);
  return ENV_ORDER.filter((e) => set.has(e));
}
