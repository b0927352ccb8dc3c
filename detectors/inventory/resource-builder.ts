// Small helpers every inventory parser uses to build resources, locations and diagnostics.
import type { Diagnostic, Environment, Location, Resource, SourceFile } from '../../src/core/types.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineIndex } from '../../src/core/text.js';
import { mergeResources } from '../../src/pipeline/resources.js';

/** The first name that says an environment, else the file's own hint. */
export function environmentOf(file: SourceFile, ...names: Array<string | undefined>): Environment {
  for (const n of names) {
    if (!n) continue;
    const env = environmentOfName(n);
    if (env !== 'unknown') return env;
  }
  return file.environment.environment;
}

export function locationAt(
  file: SourceFile,
  line: number,
  environment: Environment,
  extra: Partial<Location> = {},
): Location {
  return {
    path: file.path,
    startLine: Math.max(1, line),
    startColumn: extra.startColumn ?? 1,
    environment,
    gitStatus: file.gitStatus,
    ...(file.commit ? { commit: file.commit } : {}),
    ...extra,
  };
}

/** 1-based line of the first occurrence of `needle` (string or regex) in the text, else 1. */
export function lineOf(text: string, needle: string | RegExp, from = 0): number {
  let at: number;
  if (typeof needle === 'string') at = text.indexOf(needle, from);
  else {
    const re = new RegExp(needle.source, needle.flags.replace('g', '') + 'g');
    re.lastIndex = from;
    at = re.exec(text)?.index ?? -1;
  }
  if (at < 0) return 1;
  return lineIndexOf(text).position(at).line;
}

/** The line index of the file a parser is on: parsers locate every resource of a file, one file after another. */
export function lineIndexOf(text: string): LineIndex {
  if (lastLines?.text !== text) lastLines = new LineIndex(text);
  return lastLines;
}

let lastLines: LineIndex | undefined;

export interface ResourceInit {
  id: string;
  provider: string;
  type: Resource['type'];
  name: string;
  environment: Environment;
  line: number;
  attributes: Record<string, unknown>;
  backupOf?: string[];
  context?: string;
  variable?: string;
}

export function makeResource(file: SourceFile, init: ResourceInit): Resource {
  const attributes = Object.fromEntries(Object.entries(init.attributes).filter(([, v]) => v !== undefined));
  return {
    id: init.id,
    provider: init.provider,
    type: init.type,
    name: init.name,
    environment: init.environment,
    location: locationAt(file, init.line, init.environment, {
      ...(init.context ? { context: init.context } : {}),
      ...(init.variable ? { variable: init.variable } : {}),
    }),
    attributes,
    ...(init.backupOf?.length ? { backupOf: [...new Set(init.backupOf)] } : {}),
  };
}

/**
 * A parse error as a diagnostic. Parser messages can quote the offending source (V8's JSON errors do), which may be a
 * secret: quoted excerpts are dropped, so only the parser's own words and the line remain.
 */
export function parseError(file: SourceFile, message: string, line?: number): Diagnostic {
  const safe = message.replace(/(["'`])(?:(?!\1)[^\n]){2,}?\1/g, (q) => (q.length <= 24 && !/[A-Za-z0-9+/=_-]{16,}/.test(q) ? q : '"…"'));
  return { path: file.path, code: 'parse-error', message: line ? `${safe} (line ${line})` : safe, ...(line ? { line } : {}) };
}

/** Line of a JSON.parse error, from V8's "at position N" or "(line L column C)". */
export function jsonErrorLine(text: string, err: unknown): number | undefined {
  const msg = err instanceof Error ? err.message : String(err);
  const lc = /line (\d+) column \d+/.exec(msg);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(msg);
  if (pos) return new LineIndex(text).position(Number(pos[1])).line;
  return undefined;
}

/** Parses JSON, or returns a diagnostic with the error's line. */
export function parseJson(file: SourceFile): { value?: unknown; diagnostic?: Diagnostic } {
  try {
    return { value: JSON.parse(file.text) as unknown };
  } catch (err) {
    const line = jsonErrorLine(file.text, err);
    // V8 quotes a source excerpt (`Unexpected token 'x', "…excerpt…" is not valid JSON`): keep only the reason.
    const msg = (err instanceof Error ? err.message : String(err)).replace(/\s*\(line \d+ column \d+\)/, '').replace(/,\s*(?:\.\.\.)?".*$/s, '');
    return { diagnostic: parseError(file, `invalid JSON: ${msg.slice(0, 200)}`, line) };
  }
}

/** Parses TOML, or returns a diagnostic with the error's line. */
export function parseTomlFile(file: SourceFile): { value?: Record<string, unknown>; diagnostic?: Diagnostic } {
  try {
    return { value: parseToml(file.text) as Record<string, unknown> };
  } catch (err) {
    const line = err instanceof TomlError ? err.line : undefined;
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
    return { diagnostic: parseError(file, `invalid TOML: ${msg}`, line) };
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export { basename, dirname } from '../../src/core/text.js';

/** Merges resources that share an id (see mergeResources); a later description may fill an unknown environment. */
export function mergeById(resources: Resource[]): Resource[] {
  return mergeResources(resources, { fillEnvironment: true });
}
