// Suggested `permissions:` for workflow-excessive-permissions: the scopes each job's steps need (action-permissions.ts),
// the ones all the jobs share at workflow level and the rest on the job that needs them. The workflow is read with the
// `yaml` library's document API; the edit replaces only the `permissions:` value (or inserts the key) in the source
// text, so comments and formatting elsewhere stay byte for byte; the edited text is parsed again and checked.
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../core/text.js';
import { jobScopes, type ReadAction, type Scopes } from './action-permissions.js';
import { applyReplacements, type Replacement, type Suggestion } from './replacements.js';

const DESCRIPTION =
  'Suggested (a human decides): narrow the GITHUB_TOKEN to the scopes the steps use (inferred from the actions they call; a script that uses the token would have stopped the inference). Check the job still passes, then keep the repository default read-only (Settings → Actions → General → Workflow permissions).';

const keyOf = (p: Pair): string | undefined => (isScalar(p.key) ? String(p.key.value) : undefined);
const pairOf = (m: YAMLMap, key: string): Pair | undefined => m.items.find((p) => keyOf(p) === key) as Pair | undefined;
const sorted = (s: Scopes): Array<[string, string]> => Object.entries(s).sort(([a], [b]) => a.localeCompare(b));
const render = (s: Scopes) => (sorted(s).length ? sorted(s).map(([k, v]) => `${k}: ${v}`).join(', ') : '{}');

/** Scopes in both maps, at the lower level. */
function common(all: Scopes[]): Scopes {
  const [first, ...rest] = all;
  const out: Scopes = {};
  for (const [k, v] of Object.entries(first ?? {})) {
    const levels = [v, ...rest.map((r) => r[k])];
    if (levels.every(Boolean)) out[k] = levels.includes('read') ? 'read' : 'write';
  }
  return out;
}

/** The effective permissions as written: a scope map, 'write-all'/'read-all', or undefined (the default). */
function written(n: unknown): Scopes | string | undefined {
  if (n === undefined) return undefined;
  if (isScalar(n)) return n.value === null ? {} : String(n.value);
  return isMap(n) ? (Object.fromEntries(n.items.map((p) => [keyOf(p as Pair), String((p.value as { value?: unknown })?.value)])) as Scopes) : undefined;
}

interface Edit {
  replacement: Replacement;
  /** The job whose permissions it sets; none: the workflow's. */
  job?: string;
  scopes: Scopes;
}
const labelOf = (e: Edit) => (e.job === undefined ? 'workflow' : `job ${e.job}`);

/** Edits over one document's source text. */
class Editor {
  readonly lines: LineIndex;
  readonly rows: string[];
  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.rows = text.split('\n');
  }
  private at(from: number, to: number, insertedContent: string): Replacement {
    const a = this.lines.position(from);
    const b = this.lines.position(to);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, insertedContent };
  }
  /** 0-based column of a node. */
  column(n: Node): number {
    return this.lines.position(n.range![0]).column - 1;
  }
  /** The existing `permissions:` value replaced: a block map stays a block, a flow map or a commented scalar becomes flow. */
  replace(pair: Pair, s: Scopes, unit: number): Replacement {
    const value = pair.value as Node;
    let end = value.range![1];
    while (end > value.range![0] && /\s/.test(this.text[end - 1]!)) end--;
    const entries = sorted(s).map(([k, v]) => `${k}: ${v}`);
    const flow = entries.length ? `{ ${entries.join(', ')} }` : '{}';
    if (isMap(value) && !value.flow) {
      if (!entries.length) return this.at((pair.key as Node).range![1], end, ': {}');
      return this.at(value.range![0], end, entries.join(`\n${' '.repeat(this.column(value))}`));
    }
    const rest = this.rows[this.lines.position(end).line - 1]!.slice(this.lines.position(end).column - 1);
    if (!entries.length || isMap(value) || rest.trim()) return this.at(value.range![0], end, flow);
    const child = ' '.repeat(this.column(pair.key as Node) + unit);
    return this.at((pair.key as Node).range![1], end, `:${entries.map((e) => `\n${child}${e}`).join('')}`);
  }
  /** A new `permissions:` key before `before` (and any comment lines right above it), at its indentation. */
  insert(before: Pair, s: Scopes, unit: number): Replacement {
    const key = before.key as Node;
    const indent = ' '.repeat(this.column(key));
    let line = this.lines.position(key.range![0]).line;
    while (line > 1 && /^\s*#/.test(this.rows[line - 2]!) && this.rows[line - 2]!.indexOf('#') === indent.length) line--;
    const entries = sorted(s);
    const body = entries.length ? `permissions:\n${entries.map(([k, v]) => `${indent}${' '.repeat(unit)}${k}: ${v}\n`).join('')}` : 'permissions: {}\n';
    const offset = this.lines.offsetOf(line);
    // Set off by a blank line, as the key it precedes is.
    const gap = line > 1 && !this.rows[line - 2]!.trim() ? '\n' : '';
    return this.at(offset, offset, `${indent}${body}${gap}`);
  }
}

/**
 * The permissions suggestion for a workflow-level finding (`line` 1: every job that inherits the workflow's
 * permissions) or a job's own `permissions: write-all` (`line`: the job's key).
 */
export function suggestWorkflowPermissions(path: string, text: string, line: number, readAction?: ReadAction): Suggestion | { reason: string } {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return { reason: 'not valid YAML; not edited' };
  const root = doc.contents;
  const jobs = isMap(root) ? pairOf(root, 'jobs') : undefined;
  if (!isMap(root) || root.flow || !jobs || !isMap(jobs.value) || jobs.value.flow) return { reason: 'the workflow or its jobs are not block mappings; not edited' };
  const editor = new Editor(text);
  const jobPairs = (jobs.value as YAMLMap).items as Pair[];
  const unit = jobPairs[0] ? editor.column(jobPairs[0].key as Node) : 2;
  const env = pairOf(root, 'env')?.value;
  const edits: Edit[] = [];
  const need = (p: Pair): { scopes: Scopes } | { reason: string } => {
    const r = isMap(p.value) ? jobScopes(p.value as Node, env, readAction) : { unknown: 'it is not a block mapping' };
    return 'scopes' in r ? r : { reason: `could not infer the permissions job ${keyOf(p)} needs: ${r.unknown}; not edited` };
  };
  const jobPermissions = (p: Pair) => (isMap(p.value) ? pairOf(p.value as YAMLMap, 'permissions') : undefined);
  if (line !== 1) {
    const target = jobPairs.find((p) => editor.lines.position((p.key as Node).range![0]).line === line);
    const own = target && jobPermissions(target);
    if (!target || !isMap(target.value) || (target.value as YAMLMap).flow || !own) return { reason: `line ${line} is not a job written as a block mapping with its own permissions; not edited` };
    const n = need(target);
    if ('reason' in n) return n;
    const unitOfJob = editor.column((target.value as YAMLMap).items[0]!.key as Node) - editor.column(target.key as Node);
    edits.push({ replacement: editor.replace(own, n.scopes, unitOfJob), job: keyOf(target), scopes: n.scopes });
  } else {
    const inheriting = jobPairs.filter((p) => !jobPermissions(p));
    const needs: Array<[Pair, Scopes]> = [];
    for (const p of inheriting) {
      const n = need(p);
      if ('reason' in n) return n;
      needs.push([p, n.scopes]);
    }
    const shared = common(needs.map(([, s]) => s));
    const wf = pairOf(root, 'permissions');
    edits.push({ replacement: wf ? editor.replace(wf, shared, unit) : editor.insert(jobs, shared, unit), scopes: shared });
    for (const [p, s] of needs) {
      if (render(s) === render(shared)) continue;
      const m = p.value as YAMLMap;
      const before = (pairOf(m, 'steps') ?? m.items[0]) as Pair;
      edits.push({ replacement: editor.insert(before, s, editor.column(m.items[0]!.key as Node) - editor.column(p.key as Node)), job: keyOf(p), scopes: s });
    }
  }
  // A CRLF file gets CRLF in what is inserted.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const replacements = edits.map((e) => ({ ...e.replacement, insertedContent: e.replacement.insertedContent.replace(/\n/g, eol) }));
  const check = verify(text, replacements, edits);
  if (check) return { reason: `${check}; not edited` };
  return { path, description: DESCRIPTION, change: `permissions: ${edits.map((e) => `${labelOf(e)} ${render(e.scopes)}`).join('; ')}`, replacements };
}

/** Why the edited text is not what was meant (it does not parse, or a permissions value differs), or undefined. */
function verify(text: string, replacements: Replacement[], edits: Edit[]): string | undefined {
  const after = parseDocument(applyReplacements(text, replacements), { uniqueKeys: false });
  if (after.errors.length) return 'the edited workflow would not parse';
  const root = after.contents as YAMLMap;
  for (const e of edits) {
    const job = e.job === undefined ? root : pairOf(pairOf(root, 'jobs')!.value as YAMLMap, e.job)?.value;
    const got = written(isMap(job) ? pairOf(job, 'permissions')?.value : undefined);
    if (typeof got !== 'object' || render(got) !== render(e.scopes)) return `the edited ${labelOf(e)} permissions would read ${typeof got === 'object' ? render(got) : String(got)}`;
  }
  return undefined;
}
