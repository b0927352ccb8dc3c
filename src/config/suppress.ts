// Suppressions: inline `blastradius-ignore` comments, the config allowlists and a baseline. A suppressed finding is
// kept (JSON and SARIF show it as suppressed) but does not count for --fail-on or in the summaries.
import ignore from 'ignore';
import type { Config } from './config.js';
import type { Credential, Diagnostic, Finding, SourceFile } from '../core/types.js';
import { applyBaseline, type LoadedBaseline } from './baseline.js';

export interface InlineDirective {
  /** The 1-based line holding the comment. */
  line: number;
  /** Set when the comment is alone on its line: it also covers the next line. */
  standalone: boolean;
  ruleId?: string;
  reason?: string;
}

const DIRECTIVE = /blastradius-ignore(?![\w-])(?:[ \t]*:[ \t]*([A-Za-z0-9][\w.-]*)(?:[ \t]+([^\r\n]*))?)?/;
const COMMENT_OPENER = /^[ \t]*(?:#+|\/\/+|\/\*+|<!--|--|;+|%+|'|REM\b|\{#|\*)?[ \t]*$/i;
const COMMENT_CLOSER = /[ \t]*(?:\*\/|-->|#\})[ \t]*$/;

/** Every `blastradius-ignore` comment in a text, optionally `blastradius-ignore: RULE-ID reason`. */
export function parseInlineDirectives(text: string): InlineDirective[] {
  if (!text.includes('blastradius-ignore')) return [];
  const out: InlineDirective[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = DIRECTIVE.exec(line);
    if (!m) continue;
    const reason = m[2]?.replace(COMMENT_CLOSER, '').trim();
    out.push({
      line: i + 1,
      standalone: COMMENT_OPENER.test(line.slice(0, m.index)),
      ...(m[1] ? { ruleId: m[1].replace(COMMENT_CLOSER, '') } : {}),
      ...(reason ? { reason } : {}),
    });
  }
  return out;
}

type LocationLike = Finding['locations'][number];

/** The inline directives of every scanned file (working tree and history), by path and commit. */
export class InlineIgnores {
  readonly #byFile = new Map<string, Map<number, InlineDirective[]>>();

  /** Records a file's directives; `lineMap` maps the lines of a history file's text to its real lines. */
  add(file: Pick<SourceFile, 'path' | 'text' | 'commit'>, lineMap?: number[]): void {
    this.addParsed(file, parseInlineDirectives(file.text), lineMap);
  }

  /** Records directives already parsed from a file's text (by a worker thread): only they are kept, not the text. */
  addParsed(file: Pick<SourceFile, 'path' | 'commit'>, found: readonly InlineDirective[], lineMap?: number[]): void {
    if (!found.length) return;
    const byLine = new Map<number, InlineDirective[]>();
    for (const d of found) {
      const line = lineMap ? (lineMap[d.line - 1] ?? d.line) : d.line;
      // A standalone comment covers its own line and the next one; a trailing comment only its own line.
      const next = lineMap ? lineMap[d.line] : line + 1;
      for (const l of d.standalone && next === line + 1 ? [line, line + 1] : [line]) {
        const list = byLine.get(l) ?? [];
        list.push({ ...d, line });
        byLine.set(l, list);
      }
    }
    this.#byFile.set(fileKey(file.path, file.commit?.sha), byLine);
  }

  get size(): number {
    return this.#byFile.size;
  }

  /** The directive covering a location for one of the rule ids, if any. */
  covering(location: LocationLike, ruleIds: ReadonlySet<string>): InlineDirective | undefined {
    const list = this.#byFile.get(fileKey(location.path, location.commit?.sha))?.get(location.startLine);
    return list?.find((d) => !d.ruleId || ruleIds.has(d.ruleId));
  }
}

function fileKey(path: string, sha: string | undefined): string {
  return sha ? `${sha}\0${path}` : path;
}

export interface SuppressionContext {
  inline?: InlineIgnores;
  config?: Config;
  credentials?: readonly Credential[];
  baseline?: LoadedBaseline;
}

/**
 * Marks suppressed findings in place. Precedence: inline, then config, then baseline. Baseline entries that match no
 * finding are reported as `baseline-stale` diagnostics.
 */
export function applySuppressions(findings: Finding[], ctx: SuppressionContext, diagnostics: Diagnostic[]): void {
  const ruleOf = new Map((ctx.credentials ?? []).map((c) => [c.fingerprint, c.ruleId]));
  const pathAllow = ctx.config?.allowlist.paths.length ? ignore().add(ctx.config.allowlist.paths) : undefined;
  const fpAllow = new Set(ctx.config?.allowlist.fingerprints ?? []);
  for (const f of findings) {
    if (f.suppressed) continue;
    const inline = ctx.inline && inlineSuppression(f, ctx.inline, ruleOf);
    if (inline) {
      f.suppressed = { kind: 'inline', ...(inline.reason ? { reason: inline.reason } : {}) };
      continue;
    }
    if (fpAllow.size && (fpAllow.has(f.fingerprint) || (f.credentialFingerprints.length > 0 && f.credentialFingerprints.every((c) => fpAllow.has(c))))) {
      f.suppressed = { kind: 'config', reason: 'allowlist.fingerprints in the config file' };
      continue;
    }
    if (pathAllow && f.locations.length > 0 && f.locations.every((l) => safeIgnores(pathAllow, l.path))) {
      f.suppressed = { kind: 'config', reason: 'allowlist.paths in the config file' };
      continue;
    }
  }
  if (ctx.baseline) applyBaseline(findings, ctx.baseline, diagnostics);
}

function safeIgnores(ig: ReturnType<typeof ignore>, path: string): boolean {
  try {
    return ig.ignores(path);
  } catch {
    return false; // `ignore` rejects paths it cannot treat as relative (e.g. "."); such a location is not allow-listed.
  }
}

/**
 * A finding is suppressed inline when every one of its locations is covered by a directive for the finding's rule or
 * one of its credentials' rules. History locations of a value still present at HEAD are represented by the working
 * tree locations and are not asked to carry the comment too.
 */
function inlineSuppression(f: Finding, inline: InlineIgnores, ruleOf: Map<string, string>): InlineDirective | undefined {
  if (!f.locations.length) return undefined;
  const current = f.locations.filter((l) => !(l.commit && l.commit.atHead));
  const locations = current.length ? current : f.locations;
  const ruleIds = new Set([f.ruleId, ...f.credentialFingerprints.map((c) => ruleOf.get(c) ?? '')]);
  let first: InlineDirective | undefined;
  for (const l of locations) {
    const d = inline.covering(l, ruleIds);
    if (!d) return undefined;
    first ??= d;
  }
  return first;
}
