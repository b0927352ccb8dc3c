// `blastradius fix --agents`: installs `blastradius guard` as the hook Claude Code and Cursor run before a shell
// command or MCP tool call (.claude/settings.json `hooks.PreToolUse`, .cursor/hooks.json `beforeShellExecution` and
// `beforeMCPExecution`). An existing hook entry for the guard is left as it is.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileEdit, FixPlan } from './plan.js';
import { objectAt, parseJsonDoc, renderJsonDoc } from './json-edit.js';

const GUARD = (agent: string) => `npx --no-install blastradius guard --agent ${agent}`;

function arrayAt(o: Record<string, unknown>, key: string): unknown[] | undefined {
  if (o[key] === undefined) o[key] = [];
  return Array.isArray(o[key]) ? (o[key] as unknown[]) : undefined;
}
const mentionsGuard = (v: unknown) => JSON.stringify(v).includes('blastradius guard');

function edit(root: string, path: string, seed: string, change: (v: Record<string, unknown>) => string[] | undefined, plan: FixPlan): void {
  const abs = join(root, path);
  const before = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  const doc = parseJsonDoc(before ?? seed);
  if ('error' in doc) return void plan.skipped.push({ path, reason: `${doc.error}; not edited` });
  const changes = change(doc.value);
  if (changes === undefined) return void plan.skipped.push({ path, reason: 'hooks has an unexpected shape; not edited' });
  if (!changes.length) return;
  const e: FileEdit = { path, before: before ?? '', after: renderJsonDoc(doc), changes, resolves: [], notes: [] };
  plan.edits.push(e);
}

export function planAgentHooks(root: string): FixPlan {
  const plan: FixPlan = { edits: [], skipped: [] };
  edit(root, '.claude/settings.json', '{}\n', (v) => {
    const hooks = objectAt(v, 'hooks');
    const pre = hooks && arrayAt(hooks, 'PreToolUse');
    if (!pre) return undefined;
    if (mentionsGuard(pre)) return [];
    pre.push({ matcher: 'Bash|mcp__.*', hooks: [{ type: 'command', command: GUARD('claude'), timeout: 30 }] });
    return ['PreToolUse hook for Bash and MCP tools → blastradius guard'];
  }, plan);
  edit(root, '.cursor/hooks.json', '{\n  "version": 1\n}\n', (v) => {
    const hooks = objectAt(v, 'hooks');
    if (!hooks) return undefined;
    const changes: string[] = [];
    for (const event of ['beforeShellExecution', 'beforeMCPExecution']) {
      const list = arrayAt(hooks, event);
      if (!list) return undefined;
      if (mentionsGuard(list)) continue;
      list.push({ command: GUARD('cursor') });
      changes.push(`${event} hook → blastradius guard`);
    }
    return changes;
  }, plan);
  return plan;
}
