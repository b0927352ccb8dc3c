// Suggested edits (written only on opt-in) for findings a human must decide on: `environment: production` on GitHub
// Actions jobs that use production secrets, and their `permissions:` narrowed (workflow-permissions.ts); in the flagged
// Terraform resource block, `deletion_protection = true` and `lifecycle { prevent_destroy = true }` (volumes: only the
// latter), a final snapshot with automated backups kept after delete, and buckets that Terraform may not empty or
// destroy. Each is a minimal text edit that keeps the file's indentation. A block it cannot read safely (heredocs, braces it cannot
// balance, a resource type without the attribute) gets a reason instead.
// Lives in report/ because SARIF carries these as `fixes`; `blastradius fix` shows and, on opt-in, writes them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import type { ScanResult } from '../scan.js';
import type { Replacement, Suggestion } from './replacements.js';
import { suggestWorkflowPermissions } from './workflow-permissions.js';

export { applyReplacements, type Replacement, type Suggestion } from './replacements.js';

/** One argument a suggestion sets to an HCL value, unless its current value (the source text) is kept. */
interface ArgumentEdit {
  name: string;
  value: (resourceName: string) => string;
  keep?: (current: string) => boolean;
}
interface SuggestionKind {
  /** Resource types that take every argument of the suggestion. */
  types: Set<string>;
  args: ArgumentEdit[];
  /** Also `prevent_destroy = true` in the block's `lifecycle` (added when there is none). */
  preventDestroy?: boolean;
  description: string;
  change: string;
}

const PREVENT_DESTROY = 'and lifecycle { prevent_destroy = true }, so a plan that would destroy it fails';
/** The suggestions each rule gets, by rule id: the first kind whose types include the flagged resource's. */
const KINDS: Record<string, SuggestionKind[]> = {
  'datastore-without-deletion-protection': [
    {
      types: new Set(['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'google_sql_database_instance']),
      args: [{ name: 'deletion_protection', value: () => 'true' }],
      preventDestroy: true,
      description: `Suggested (a human decides): set deletion_protection = true so a destroy or delete call fails until it is turned off again, ${PREVENT_DESTROY}.`,
      change: 'deletion_protection = true, lifecycle { prevent_destroy = true }',
    },
    {
      types: new Set(['aws_dynamodb_table']),
      args: [{ name: 'deletion_protection_enabled', value: () => 'true' }],
      preventDestroy: true,
      description: `Suggested (a human decides): set deletion_protection_enabled = true so a DeleteTable call fails until it is turned off again, ${PREVENT_DESTROY}.`,
      change: 'deletion_protection_enabled = true, lifecycle { prevent_destroy = true }',
    },
    {
      // No deletion-protection attribute exists for these: Terraform's own guard is all IaC can add.
      types: new Set(['aws_ebs_volume', 'aws_efs_file_system']),
      args: [],
      preventDestroy: true,
      description: `Suggested (a human decides): add lifecycle { prevent_destroy = true }, so a plan that would destroy the volume fails (the API can still delete it: keep snapshots or AWS Backup copies too).`,
      change: 'lifecycle { prevent_destroy = true }',
    },
  ],
  'bucket-force-destroy': [
    {
      types: new Set(['aws_s3_bucket', 'aws_backup_vault', 'google_storage_bucket']),
      args: [{ name: 'force_destroy', value: () => 'false' }],
      preventDestroy: true,
      description: 'Suggested (a human decides): stop Terraform emptying the bucket or vault on destroy (force_destroy = false) and refuse to destroy it at all (lifecycle { prevent_destroy = true }).',
      change: 'force_destroy = false, lifecycle { prevent_destroy = true }',
    },
  ],
  // The AWS provider needs a final_snapshot_identifier once skip_final_snapshot is false.
  'rds-backups-die-with-instance': [
    {
      types: new Set(['aws_db_instance']),
      args: [
        { name: 'skip_final_snapshot', value: () => 'false' },
        { name: 'final_snapshot_identifier', value: (n) => `"${n}-final"`, keep: () => true },
        { name: 'delete_automated_backups', value: () => 'false' },
        { name: 'backup_retention_period', value: () => '7', keep: (v) => !/^\d+$/.test(v) || Number(v) >= 7 },
      ],
      description: 'Suggested (a human decides): take a final snapshot on delete (skip_final_snapshot = false, with a final_snapshot_identifier), keep the automated backups after the instance is gone (delete_automated_backups = false) and keep them for at least 7 days.',
      change: 'a final snapshot, automated backups kept for 7 days after delete',
    },
    {
      // Aurora clusters have no delete_automated_backups: their backups are kept per the retention period.
      types: new Set(['aws_rds_cluster']),
      args: [
        { name: 'skip_final_snapshot', value: () => 'false' },
        { name: 'final_snapshot_identifier', value: (n) => `"${n}-final"`, keep: () => true },
        { name: 'backup_retention_period', value: () => '7', keep: (v) => !/^\d+$/.test(v) || Number(v) >= 7 },
      ],
      description: 'Suggested (a human decides): take a final snapshot on delete (skip_final_snapshot = false, with a final_snapshot_identifier) and keep automated backups for at least 7 days.',
      change: 'a final snapshot, automated backups kept for 7 days',
    },
  ],
};
const RESOURCE_HEAD = /^\s*resource\s+"([A-Za-z0-9_]+)"\s+"([^"]*)"\s*\{\s*(?:#.*)?$/;
const indentOf = (line: string): string => /^\s*/.exec(line)![0];

/** The line with string contents emptied and a trailing `#` or `//` comment cut (a char scan: no backtracking). */
function codeOf(line: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        quoted = false;
        out += ch;
      }
      continue;
    }
    if (ch === '#' || (ch === '/' && line[i + 1] === '/')) break;
    if (ch === '"') quoted = true;
    out += ch;
  }
  return out;
}

/** The suggestion of rule `ruleId` for a finding whose resource block starts at `line` of `text`. */
export function suggestFor(ruleId: string, path: string, text: string, line: number): Suggestion | { reason: string } {
  const kinds = KINDS[ruleId];
  if (!kinds) return { reason: `${ruleId} has no suggested edit` };
  const lines = text.split('\n');
  const head = RESOURCE_HEAD.exec(lines[line - 1] ?? '');
  if (!head) return { reason: `line ${line} is not the opening line of a resource block; not edited` };
  const kind = kinds.find((k) => k.types.has(head[1]!));
  if (!kind) return { reason: `${head[1]} does not take ${kinds[0]!.args.map((a) => a.name).join(', ')}; not edited` };
  let depth = 0;
  let close = -1;
  const existing = new Map<string, number>();
  let indent: string | undefined;
  // The block's own `lifecycle {` (its opening and closing lines) and a prevent_destroy inside it.
  const lifecycle = { open: -1, close: -1, prevent: -1 };
  for (let i = line - 1; i < lines.length && close < 0; i++) {
    const code = codeOf(lines[i]!);
    if (code.includes('<<') || code.includes('/*')) return { reason: `line ${i + 1}: heredoc or block comment inside the resource; not edited` };
    if (depth === 1 && i > line - 1 && code.trim()) {
      indent ??= indentOf(code);
      const arg = /^\s*([a-z_]+)\s*=/.exec(code);
      if (arg) existing.set(arg[1]!, i);
      if (/^\s*lifecycle\s*\{\s*$/.test(code) && lifecycle.open < 0) lifecycle.open = i;
    }
    if (depth === 2 && lifecycle.open >= 0 && lifecycle.close < 0 && /^\s*prevent_destroy\s*=/.test(code)) lifecycle.prevent = i;
    for (const ch of code) {
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) close = i;
      else if (ch === '}' && depth === 1 && lifecycle.open >= 0 && lifecycle.close < 0) lifecycle.close = i;
    }
  }
  if (close < 0) return { reason: `the resource block opened at line ${line} does not close; not edited` };
  if (close === line - 1) return { reason: `the resource block at line ${line} is on one line; not edited` };
  const replacements: Replacement[] = [];
  const at = indent ?? `${indentOf(lines[close]!)}  `;
  let inserted = '';
  const edits: Array<{ a: ArgumentEdit; i: number | undefined }> = kind.args.map((a) => ({ a, i: existing.get(a.name) }));
  if (kind.preventDestroy && lifecycle.prevent >= 0) edits.push({ a: { name: 'prevent_destroy', value: () => 'true' }, i: lifecycle.prevent });
  for (const { a, i } of edits) {
    const value = a.value(head[2]!);
    if (i === undefined) {
      inserted += `${at}${a.name} = ${value}\n`;
      continue;
    }
    // Only the value is replaced: the alignment before it and a comment after it stay.
    const code = codeOf(lines[i]!).trimEnd();
    const from = /^\s*[a-z_]+\s*=\s*/.exec(code)![0].length;
    const current = code.slice(from);
    if (current === value || a.keep?.(current)) continue;
    replacements.push({ startLine: i + 1, startColumn: from + 1, endLine: i + 1, endColumn: code.length + 1, insertedContent: value });
  }
  if (kind.preventDestroy && lifecycle.prevent < 0) {
    if (lifecycle.close < 0) inserted += `${at}lifecycle {\n${at}  prevent_destroy = true\n${at}}\n`;
    else {
      const inner = `${indentOf(lines[lifecycle.open]!)}  `;
      replacements.push({ startLine: lifecycle.close + 1, startColumn: 1, endLine: lifecycle.close + 1, endColumn: 1, insertedContent: `${inner}prevent_destroy = true\n` });
    }
  }
  // Insertions go in as one replacement, so their order in the file is the order above.
  if (inserted) replacements.push({ startLine: close + 1, startColumn: 1, endLine: close + 1, endColumn: 1, insertedContent: inserted });
  if (!replacements.length) return { reason: `line ${line}: ${[...kind.args.map((a) => a.name), ...(kind.preventDestroy ? ['prevent_destroy'] : [])].join(', ')} already as suggested; not edited` };
  return { path, description: kind.description, change: kind.change, replacements };
}

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const JOB_KEY = /^(\s*)[A-Za-z0-9_-]+:\s*(?:#.*)?$/;
const ENVIRONMENT_DESCRIPTION =
  'Suggested (a human decides): run these jobs in the `production` environment, then protect it (Settings → Environments: required reviewers, a deployment-branch rule) and move the production secrets into it. GitHub creates an environment a job names, unprotected, if it does not exist yet.';

/** `environment: production` as the first key of each flagged GitHub Actions job (one insertion a job, its indentation). */
export function suggestWorkflowEnvironment(path: string, text: string, jobLines: number[]): Suggestion | { reason: string } {
  if (!WORKFLOW.test(path)) return { reason: 'not a GitHub Actions workflow; not edited' };
  const lines = text.split('\n');
  const replacements: Replacement[] = [];
  for (const line of jobLines) {
    const head = JOB_KEY.exec(lines[line - 1] ?? '');
    if (!head) return { reason: `line ${line} is not a job written as a block mapping; not edited` };
    let first = line;
    while (first < lines.length && !codeOf(lines[first]!).trim()) first++;
    const indent = indentOf(lines[first] ?? '');
    if (first >= lines.length || indent.length <= head[1]!.length) return { reason: `the job at line ${line} has no keys below it; not edited` };
    replacements.push({ startLine: first + 1, startColumn: 1, endLine: first + 1, endColumn: 1, insertedContent: `${indent}environment: production\n` });
  }
  return { path, description: ENVIRONMENT_DESCRIPTION, change: `environment: production on ${replacements.length} job(s)`, replacements };
}

/** A file of the scanned folder by its repository path (undefined when absent, unreadable or outside the folder). */
type ReadFile = (path: string) => string | undefined;
type Suggester = (path: string, text: string, lines: number[], read: ReadFile) => Suggestion | { reason: string };
/** Every rule with a suggestion; a suggester gets the finding's lines in the file of its first location. */
const SUGGESTERS: Record<string, Suggester> = {
  'ci-production-secret-without-environment': suggestWorkflowEnvironment,
  // A composite action the workflow uses from the repository (`./.github/actions/x`) is read for its steps.
  'workflow-excessive-permissions': (path, text, lines, read) =>
    suggestWorkflowPermissions(path, text, lines[0]!, (action) => read(`${action}/action.yml`) ?? read(`${action}/action.yaml`)),
  ...Object.fromEntries(Object.keys(KINDS).map((id): [string, Suggester] => [id, (path, text, lines) => suggestFor(id, path, text, lines[0]!)])),
};

/** Suggestions for the scan's findings that have one, by finding fingerprint; files are read from the scanned folder. */
export function suggestionsFor(result: ScanResult): { suggestions: Map<string, Suggestion>; skipped: Array<{ path: string; reason: string }> } {
  const suggestions = new Map<string, Suggestion>();
  const skipped: Array<{ path: string; reason: string }> = [];
  const texts = new Map<string, string | undefined>();
  const textOf: ReadFile = (path) => {
    const rel = posix.normalize(path);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    if (!texts.has(rel)) {
      const abs = join(result.target, rel);
      texts.set(rel, existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined);
    }
    return texts.get(rel);
  };
  for (const f of result.findings) {
    const l = f.locations[0];
    const suggest = SUGGESTERS[f.ruleId];
    if (!suggest || f.suppressed || !l || l.commit) continue;
    const text = textOf(l.path);
    if (text === undefined) continue;
    const s = suggest(
      l.path,
      text,
      f.locations.filter((x) => x.path === l.path).map((x) => x.startLine),
      textOf,
    );
    if ('reason' in s) skipped.push({ path: l.path, reason: s.reason });
    else suggestions.set(f.fingerprint, s);
  }
  return { suggestions, skipped };
}
