// What `blastradius fix` would change, worked out from one scan: each edit names the findings it resolves. Only
// mechanical, safe edits; a file that cannot be parsed is left alone with a reason.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import ignore from 'ignore';
import type { ScanResult } from '../scan.js';
import type { Credential, Finding } from '../core/types.js';
import type { AgentAttrs, ScriptAttrs, WorkflowJobAttrs } from '../pipeline/resources.js';
import { objectAt, parseJsonDoc, renderJsonDoc, stringsAt } from './json-edit.js';

export interface FileEdit {
  path: string;
  before: string;
  after: string;
  /** What the edit does, one line each, never a secret. */
  changes: string[];
  /** Fingerprints of the findings the edit is meant to resolve. */
  resolves: string[];
  /** What a person still has to do (where to put a value that left the file). */
  notes: string[];
}

export interface FixPlan {
  edits: FileEdit[];
  /** Files that would need an edit but could not be edited safely, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
}

const READ_EXPOSURE = new Set(['agent-can-read-destructive-credential', 'agent-can-read-secret-file']);
const MCP_FILES: Record<string, (name: string) => string> = {
  '.mcp.json': (n) => `\${${n}}`, // Claude Code expands ${VAR} in .mcp.json
  '.cursor/mcp.json': (n) => `\${env:${n}}`,
  '.vscode/mcp.json': (n) => `\${env:${n}}`,
};
const ALL_SHELL = /^Bash(?:\((?:\*{1,2}|:\*)?\))?$/;
/** CLI tools whose destructive subcommands a `Bash(prefix:*)` deny rule can name. */
const CLI_TOOLS = /^(?:prisma|terraform|tofu|railway|fly|heroku|aws|gcloud|kubectl|supabase|rails|rake|dropdb|docker|redis-cli)\b/;

function read(root: string, path: string): string | undefined {
  const abs = join(root, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
}

/** `Read(./.env*)` for env files (one rule a folder), `Read(./path)` for anything else. */
function readDenyRule(path: string): string {
  const dir = posix.dirname(path);
  const prefix = dir === '.' ? './' : `./${dir}/`;
  return basename(path).startsWith('.env') ? `Read(${prefix}.env*)` : `Read(${prefix}${basename(path)})`;
}
const ignoreLine = (rule: string) => rule.replace(/^Read\(\.\/(.*)\)$/, '/$1');

/** Destructive commands found anywhere in the scan, as the prefix a deny rule needs (`railway volume delete`). */
function destructivePrefixes(result: ScanResult): string[] {
  const ops = new Set<string>();
  for (const r of result.resources) {
    const a = r.attributes as ScriptAttrs & WorkflowJobAttrs & AgentAttrs;
    for (const op of [a.destructive, ...(a.destructiveCommands ?? []), ...(a.instructedCommands ?? [])]) {
      if (!op || !CLI_TOOLS.test(op)) continue;
      ops.add(op.split(/\s+/).filter((w) => !w.startsWith('-')).join(' '));
    }
  }
  return [...ops].sort();
}

function claudeSettings(root: string, result: ScanResult, files: string[], plan: FixPlan): void {
  const path = '.claude/settings.json';
  const before = read(root, path);
  const agentFindings = result.findings.filter((f) => f.category === 'agent-exposure' && !f.suppressed);
  if (before === undefined && !agentFindings.length) return;
  const doc = parseJsonDoc(before ?? '{\n  "permissions": {}\n}\n');
  if ('error' in doc) return void plan.skipped.push({ path, reason: `${doc.error}; not edited` });
  const permissions = objectAt(doc.value, 'permissions');
  const deny = permissions && stringsAt(permissions, 'deny');
  const allow = permissions && stringsAt(permissions, 'allow');
  const ask = permissions && stringsAt(permissions, 'ask');
  if (!permissions || !deny || !allow || !ask) return void plan.skipped.push({ path, reason: 'permissions, allow, ask or deny has an unexpected shape; not edited' });
  const changes: string[] = [];
  const resolves = new Set<string>();
  for (const rule of [...new Set(files.map(readDenyRule))]) {
    if (deny.includes(rule)) continue;
    deny.push(rule);
    changes.push(`deny ${rule}`);
  }
  for (const f of agentFindings) if (READ_EXPOSURE.has(f.ruleId)) resolves.add(f.fingerprint);
  if (permissions.defaultMode === 'bypassPermissions') {
    permissions.defaultMode = 'default';
    changes.push('defaultMode bypassPermissions → default');
  }
  for (const rule of allow.filter((r) => ALL_SHELL.test(r.trim()))) {
    allow.splice(allow.indexOf(rule), 1);
    if (!ask.includes(rule)) ask.push(rule);
    changes.push(`allow ${rule} → ask`);
  }
  for (const prefix of destructivePrefixes(result)) {
    const rule = `Bash(${prefix}:*)`;
    if (deny.includes(rule)) continue;
    deny.push(rule);
    changes.push(`deny ${rule}`);
  }
  for (const f of agentFindings) if (f.ruleId === 'agent-unrestricted' || f.ruleId === 'agent-infra-cli-unguarded') resolves.add(f.fingerprint);
  if (!ask.length) delete permissions.ask;
  if (!allow.length) delete permissions.allow;
  if (!changes.length) return;
  plan.edits.push({ path, before: before ?? '', after: renderJsonDoc(doc), changes, resolves: [...resolves], notes: [] });
}

/** Adds the read-deny patterns to the ignore files of the agents that read them, when the agent is set up here. */
function ignoreFiles(root: string, files: string[], plan: FixPlan): void {
  const wanted = [...new Set(files.map((f) => ignoreLine(readDenyRule(f))))];
  for (const [path, present] of [
    ['.cursorignore', existsSync(join(root, '.cursorignore')) || existsSync(join(root, '.cursor'))],
    ['.aiderignore', existsSync(join(root, '.aiderignore'))],
    ['.codeiumignore', existsSync(join(root, '.codeiumignore'))],
  ] as const) {
    if (!present || !wanted.length) continue;
    const before = read(root, path) ?? '';
    const have = new Set(before.split('\n').map((l) => l.trim()));
    const add = wanted.filter((w) => !have.has(w));
    if (!add.length) continue;
    const after = `${before}${before && !before.endsWith('\n') ? '\n' : ''}${before ? '\n' : ''}# secret files found by blastradius\n${add.join('\n')}\n`;
    plan.edits.push({ path, before, after, changes: add.map((a) => `ignore ${a}`), resolves: [], notes: [] });
  }
}

function envName(c: Credential, variable: string | undefined): string {
  if (variable && /^[A-Z][A-Z0-9_]*$/.test(variable)) return variable;
  return `${c.provider.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TOKEN`;
}

/** A literal token in an MCP configuration becomes an environment reference; the value is named, never shown. */
function mcpConfigs(root: string, result: ScanResult, plan: FixPlan): void {
  for (const [path, reference] of Object.entries(MCP_FILES)) {
    const before = read(root, path);
    if (before === undefined) continue;
    const findings = result.findings.filter((f) => f.ruleId === 'mcp-literal-token' && f.locations.some((l) => l.path === path));
    if (!findings.length) continue;
    if ('error' in parseJsonDoc(before)) {
      plan.skipped.push({ path, reason: `${(parseJsonDoc(before) as { error: string }).error}; not edited` });
      continue;
    }
    const lines = before.split('\n');
    const changes: string[] = [];
    const notes: string[] = [];
    for (const c of result.credentials) {
      const value = result.vault.get(c.fingerprint);
      if (!value) continue;
      for (const l of c.locations.filter((x) => x.path === path)) {
        const line = lines[l.startLine - 1];
        const quoted = JSON.stringify(value).slice(1, -1);
        if (line === undefined || !line.includes(quoted)) continue;
        const name = envName(c, l.variable);
        lines[l.startLine - 1] = line.split(quoted).join(reference(name));
        changes.push(`line ${l.startLine}: literal ${c.provider} ${c.type} ${c.preview} → ${reference(name)}`);
        notes.push(`set ${name} in the environment that starts the agent (a secret manager or an untracked, agent-denied env file), not in ${path}; the value was in a config file, so rotate it`);
      }
    }
    const after = lines.join('\n');
    if (after !== before) plan.edits.push({ path, before, after, changes, resolves: findings.map((f) => f.fingerprint), notes: [...new Set(notes)] });
  }
}

/** Secret files present in the checkout that git would add: listed in the root .gitignore. */
function gitignore(root: string, result: ScanResult, files: string[], plan: FixPlan): void {
  const before = read(root, '.gitignore') ?? '';
  const ig = ignore().add(before);
  const info = new Map(result.files.map((f) => [f.path, f]));
  const add = files.filter((p) => {
    const f = info.get(p);
    return f && f.kind === 'env' && f.gitStatus !== 'tracked' && f.gitStatus !== 'ignored-but-present' && !ig.ignores(p) && !/\.(?:example|sample|template)$/.test(p);
  });
  if (!add.length) return;
  const after = `${before}${before && !before.endsWith('\n') ? '\n' : ''}# secret files found by blastradius\n${add.map((p) => `/${p}`).join('\n')}\n`;
  plan.edits.push({ path: '.gitignore', before, after, changes: add.map((p) => `ignore /${p}`), resolves: [], notes: [] });
}

export function planFixes(root: string, result: ScanResult): FixPlan {
  const plan: FixPlan = { edits: [], skipped: [] };
  // consolidate.ts folds a read exposure into the hard-coded-credential finding of the same credential, leaving
  // `also <rule>: …` in its chain: that file is as readable as one reported on its own.
  const absorbed = (f: Finding) => f.chain.some((s) => s.kind === 'fact' && [...READ_EXPOSURE].some((id) => s.label.startsWith(`also ${id}:`)));
  const exposed = (f: Finding) => (READ_EXPOSURE.has(f.ruleId) || absorbed(f)) && !f.suppressed;
  // Files holding credentials an agent can read; MCP configs are fixed by moving the value out instead.
  const files = [...new Set(result.findings.filter(exposed).flatMap((f) => f.locations.map((l) => l.path)))].filter((p) => !(p in MCP_FILES)).sort();
  mcpConfigs(root, result, plan);
  claudeSettings(root, result, files, plan);
  ignoreFiles(root, files, plan);
  gitignore(root, result, files, plan);
  return plan;
}

