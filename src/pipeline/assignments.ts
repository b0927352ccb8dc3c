// Finds `name = value` bindings in a file: env files through dotenv's parser, TS/JS through the TypeScript scanner's
// token stream (src/pipeline/code-facts.ts), everything else through a format-agnostic key/value scan (YAML, JSON, HCL, INI,
// TOML, shell). Extractors use them to know which variable holds a value.
import { parse as parseDotenv } from 'dotenv';
import type { SourceFile } from '../core/types.js';
import type { Assignment } from './assignment.js';
import { codeFacts } from './code-facts.js';
import { LineIndex, pushTo } from '../core/text.js';

const SCRIPT_EXT = /\.(?:[cm]?[jt]sx?)$/i;

export function isScriptFile(path: string): boolean {
  return SCRIPT_EXT.test(path) && !/\.d\.ts$/.test(path) && !/\.min\.js$/.test(path);
}

export function assignmentsOf(file: SourceFile): Assignment[] {
  if (file.kind === 'env') return envAssignments(file.text);
  if (isScriptFile(file.path)) return codeFacts(file).assignments;
  return keyValueAssignments(file.text);
}

/** dotenv's parser decides names and values; we map each back to its offset in the text. */
export function envAssignments(text: string): Assignment[] {
  const parsed = parseDotenv(text);
  // Where each key is defined, in one pass over the lines (dotenv's last definition wins).
  const keyEnds = new Map<string, number[]>();
  for (const m of text.matchAll(ENV_KEY)) pushTo(keyEnds, m[1]!, m.index + m[0].length);
  const out: Assignment[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (!value) continue;
    let index = -1;
    // Last definition wins in dotenv; map to the last one too.
    for (const after of keyEnds.get(name) ?? []) {
      const at = text.indexOf(value.split('\n')[0]!, after);
      if (at !== -1) index = at;
    }
    if (index !== -1) out.push({ name, value, index });
  }
  return out;
}

/** A key at the start of a line, as dotenv reads one: `KEY=`, `export KEY=`, `KEY:`. */
const ENV_KEY = /^[ \t]*(?:export[ \t]+)?([\w.-]+)[ \t]*[=:]/gm;

const KV_RE =
  /(?:^|[\s{,;(])["']?([A-Za-z_][A-Za-z0-9_.-]{1,80})["']?[ \t]*(?::=|=>|[:=])[ \t]*(?:(["'`])([^"'`\r\n]{1,1000})\2|([^\s"'`,;#{}[\]()]{1,1000}))/g;

/** A format-agnostic scan of `key: value`, `key = "value"`, `"key": "value"`, `KEY=value` pairs. */
export function keyValueAssignments(text: string): Assignment[] {
  const out: Assignment[] = [];
  KV_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KV_RE.exec(text))) {
    const value = m[3] ?? m[4];
    if (!value) continue;
    const valueOffset = m[0].lastIndexOf(value);
    out.push({ name: m[1]!, value, index: m.index + valueOffset });
  }
  return out;
}

const LINE_SCAN_MAX = 4096;

/**
 * Files read by the key/value scan: a binding's name is on the line of its value, before it (a KV_RE match holds a
 * line break only as its first character), whether the line or the whole file is scanned.
 */
export function bindingsPerLine(file: SourceFile): boolean {
  return file.kind !== 'env' && !isScriptFile(file.path);
}

/**
 * The bindings that can hold the text at offset `at`, when they can be found without reading the whole file: for
 * files read by the key/value scan, those of the line holding `at`. A KV_RE match contains a line break only as its
 * first character, so no whole-text match runs into that line from an earlier one, and a scan of the line from the line
 * break before it (or from the start of the text, where `^` matches in both) finds exactly the whole-text scan's
 * matches there.
 * Undefined for env and TS/JS files, whose bindings need the whole file (assignmentsOf), and for lines longer than
 * LINE_SCAN_MAX (minified files: a scan per match would cost more than one of the whole file).
 */
export function lineAssignments(file: SourceFile, at: number, lines: LineIndex): Assignment[] | undefined {
  if (!bindingsPerLine(file)) return undefined;
  const text = file.text;
  // From the file's line index: searching for the line breaks would cost a long line's length per candidate on it.
  const n = lines.position(at).line;
  const from = Math.max(0, lines.offsetOf(n) - 1);
  const to = n < lines.lineCount ? lines.offsetOf(n + 1) - 1 : text.length;
  if (to - from > LINE_SCAN_MAX) return undefined;
  // The line alone (from its leading line break): on the whole text, a line without a match would send the search on
  // through the rest of the file, once per candidate on that line.
  const line = text.slice(from, to);
  const out: Assignment[] = [];
  KV_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KV_RE.exec(line))) {
    const value = m[3] ?? m[4];
    if (!value) continue;
    out.push({ name: m[1]!, value, index: from + m.index + m[0].lastIndexOf(value) });
  }
  return out;
}
