// The guard's verdict on one tool call. A destructive operation with a credential in reach that is production,
// account- or workspace-wide, or whose reach could not be narrowed → deny; a destructive operation otherwise, or one
// that names production → ask (deny when both); anything else → allow. Reasons name operations, credential previews
// and where the credential sits — never a value.
import { destructiveCommands, destructiveStatement, shellCommands } from '../../detectors/inventory/index.js';
import type { Credential } from '../core/types.js';
import { credentialsInReach, type InReach } from './reach.js';
import type { Decision, ToolCall } from './hook-io.js';

export interface Verdict {
  decision: Decision;
  reason: string;
  operations: string[];
}

const SQL_CLIENT = /\b(?:psql|pgcli|mysql|mariadb|sqlite3|usql|cockroach)\b/;
const PRODUCTION = /\bprod(?:uction)?\b/i;
/** MCP tool names that say they delete: volume_delete, deleteProject, drop-table, reset_database… */
const DESTRUCTIVE_TOOL = /(?:^|[_.-])(?:delete|destroy|drop|remove|reset|truncate|purge|wipe)(?:[_.-]|$)|(?:delete|destroy|drop|remove|reset|truncate|purge|wipe)[A-Z]|[a-z](?:Delete|Destroy|Drop|Remove|Reset|Truncate|Purge|Wipe)(?:[A-Z]|$)/;

/** `DELETE FROM t` with no WHERE: every row goes. */
export function deleteWithoutWhere(text: string): boolean {
  for (const m of text.matchAll(/\bDELETE\s+FROM\s+[\w."`[\]]+([^;'"]*)/gi)) if (!/\bWHERE\b/i.test(m[1]!)) return true;
  return false;
}

function powerful(c: Credential): string | undefined {
  if (c.environments.includes('production')) return 'production';
  if (c.scope.reach === 'account' || c.scope.reach === 'workspace') return `${c.scope.reach}-wide`;
  if (c.scope.reach === 'unknown') return 'reach not narrowed: it may be account-wide';
  return undefined;
}

function describe(r: InReach, why: string): string {
  return `${r.credential.provider} ${r.credential.type} ${r.credential.preview} ${r.via} (${why})`;
}

export async function assess(call: ToolCall, cwd: string, env: NodeJS.ProcessEnv): Promise<Verdict> {
  if (call.kind === 'unknown') return { decision: 'ask', reason: `blastradius guard could not read this tool call (${call.reason}); confirm it yourself`, operations: [] };
  if (call.kind === 'other') return { decision: 'allow', reason: `blastradius guard: ${call.tool} runs no shell command or MCP tool`, operations: [] };
  const operations: string[] = [];
  const hints: string[] = [];
  let words: string[] = [];
  let command: string | undefined;
  if (call.kind === 'shell') {
    command = call.command;
    words = shellCommands(command).flatMap((c) => c.words);
    for (const h of destructiveCommands(command)) {
      operations.push(h.destructive);
      if (h.environmentHint) hints.push(h.environmentHint);
    }
    if (SQL_CLIENT.test(command) && deleteWithoutWhere(command)) operations.push('SQL DELETE without WHERE');
  } else {
    command = call.input;
    if (DESTRUCTIVE_TOOL.test(call.tool)) operations.push(`MCP tool ${call.server ? `${call.server}/` : ''}${call.tool}`);
    const statement = destructiveStatement(call.input);
    if (statement) operations.push(statement);
    if (deleteWithoutWhere(call.input)) operations.push('SQL DELETE without WHERE');
    if (PRODUCTION.test(call.input)) hints.push('production');
  }
  if (!operations.length) return { decision: 'allow', reason: 'blastradius guard: no destructive operation recognised', operations };
  const { inReach, vault } = await credentialsInReach({ command, words, mcp: call.kind === 'mcp' }, cwd, env);
  const strong = inReach.flatMap((r) => {
    const why = powerful(r.credential);
    return why ? [describe(r, why)] : [];
  });
  const targetsProduction = hints.some((h) => PRODUCTION.test(h));
  const ops = [...new Set(operations)].join(', ');
  let decision: Decision = 'ask';
  const parts = [`blastradius guard: destructive operation ${ops}`];
  if (targetsProduction) parts.push('it names production');
  if (strong.length) {
    decision = 'deny';
    parts.push(`a credential that can reach production is in reach: ${strong.slice(0, 3).join('; ')}${strong.length > 3 ? ` (+${strong.length - 3} more)` : ''}`);
  } else if (targetsProduction) decision = 'deny';
  else parts.push(inReach.length ? 'the credentials in reach are scoped away from production' : 'no credential in reach was found');
  parts.push(decision === 'deny' ? 'refused: a person should run this themselves, with a narrowly scoped token' : 'confirm before it runs');
  return { decision, reason: vault.scrub(parts.join('; ')), operations };
}
