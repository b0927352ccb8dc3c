// `blastradius guard` answers recorded hook payloads of Claude Code (PreToolUse) and Cursor (beforeShellExecution,
// beforeMCPExecution) in each agent's documented output shape, on a copy of the incident fixture.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { deleteWithoutWhere } from '../src/guard/assess.js';
import { parseHookInput } from '../src/guard/hook-io.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'br-guard-'));
const repo = join(tmp, 'repo');
cpSync(join(ROOT, 'fixtures/railway-incident'), repo, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const INCIDENT_TOKEN = '52d9c279-d566-4785-be18-2a01d06f6f0a';
const secrets = [INCIDENT_TOKEN, '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'];

async function guard(payload: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []) {
  const file = join(tmp, `p-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, payload.replaceAll('FIXTURE', repo));
  const r = await runCli(['guard', '--input', file, ...extra], env);
  for (const s of secrets) expect(r.stdout + r.stderr).not.toContain(s.slice(8, 20));
  return { ...r, json: JSON.parse(r.stdout) as Record<string, unknown> & { hookSpecificOutput?: Record<string, string> } };
}
const recorded = (name: string) => readFileSync(join(ROOT, 'test/data/hooks', name), 'utf8');

describe('Claude Code PreToolUse', () => {
  it("denies the incident's volumeDelete sent with curl and a Railway token", async () => {
    const { code, json } = await guard(recorded('claude-volume-delete-curl.json'));
    expect(code).toBe(0);
    const out = json.hookSpecificOutput!;
    expect(out.hookEventName).toBe('PreToolUse');
    expect(out.permissionDecision).toBe('deny');
    expect(out.permissionDecisionReason).toContain('Railway GraphQL volumeDelete');
    expect(out.permissionDecisionReason).toContain('railway token …6f0a (36) in the command');
    expect(out.permissionDecisionReason).not.toContain('…8d9e'); // the volume id is an identifier, not a credential
  });
  it('denies an MCP delete tool whose server config holds a workspace token', async () => {
    const out = (await guard(recorded('claude-mcp-volume-delete.json'))).json.hookSpecificOutput!;
    expect(out.permissionDecision).toBe('deny');
    expect(out.permissionDecisionReason).toContain('MCP tool railway/volume_delete');
    expect(out.permissionDecisionReason).toContain('railway account-token …6f0a (36) in .mcp.json (workspace-wide)');
  });
  it('allows a harmless command and a tool that runs no command', async () => {
    expect((await guard(recorded('claude-ls.json'))).json.hookSpecificOutput!.permissionDecision).toBe('allow');
    expect((await guard(recorded('claude-read.json'))).json.hookSpecificOutput!.permissionDecision).toBe('allow');
  });
  it("finds a production credential in the agent's environment", async () => {
    const payload = JSON.stringify({ hook_event_name: 'PreToolUse', cwd: repo, tool_name: 'Bash', tool_input: { command: 'terraform destroy -auto-approve' } });
    const noEnv = (await guard(payload)).json.hookSpecificOutput!;
    expect(noEnv.permissionDecision).toBe('ask');
    expect(noEnv.permissionDecisionReason).toContain('terraform destroy -auto-approve; no credential in reach was found');
    const out = (await guard(payload, { AWS_ACCESS_KEY_ID: 'AKIAYYLY4WCYM3VDT6JP', AWS_SECRET_ACCESS_KEY: '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' })).json.hookSpecificOutput!;
    expect(out.permissionDecision).toBe('deny');
    expect(out.permissionDecisionReason).toContain("aws access-key …v+Qe (40) in the agent's environment (AWS_SECRET_ACCESS_KEY)");
    expect(out.permissionDecisionReason).not.toContain('tq+Q0HhB');
  });
});

describe('Cursor hooks', () => {
  it('denies DROP TABLE through psql after sourcing .env.production', async () => {
    const { json } = await guard(recorded('cursor-shell-psql-drop.json'));
    expect(json.permission).toBe('deny');
    expect(json.user_message).toContain('DROP TABLE');
    expect(json.user_message).toContain('in .env.production (production)');
    expect(json.agent_message).toBe(json.user_message);
    expect(json.hookSpecificOutput).toBeUndefined();
  });
  it('asks before railway down when no credential is in reach, and allows npm test', async () => {
    const down = (await guard(recorded('cursor-shell-railway-down.json'))).json;
    expect(down).toEqual({
      permission: 'ask',
      user_message: 'blastradius guard: destructive operation railway down --yes; no credential in reach was found; confirm before it runs',
      agent_message: 'blastradius guard: destructive operation railway down --yes; no credential in reach was found; confirm before it runs',
    });
    expect((await guard(recorded('cursor-shell-npm-test.json'))).json.permission).toBe('allow');
  });
  it('denies a GraphQL projectDelete sent through an MCP tool', async () => {
    const { json } = await guard(recorded('cursor-mcp-graphql.json'));
    expect(json.permission).toBe('deny');
    expect(json.user_message).toContain('Railway GraphQL projectDelete');
  });
});

describe('input it does not understand gets "ask", never "allow"', () => {
  it.each([
    ['not JSON', 'curl …', 'the hook input is not JSON'],
    ['an array', '[1,2]', 'the hook input is not a JSON object'],
    ['another event', '{"hook_event_name":"afterFileEdit"}', 'unsupported hook event "afterFileEdit"'],
    ['Bash without a command', '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{}}', 'Bash tool_input without a command'],
    ['an empty payload', '', 'the hook input is not JSON'],
  ])('%s', async (_name, payload, reason) => {
    const { code, json } = await guard(payload, {}, ['--agent', 'claude']);
    expect(code).toBe(0);
    expect(json.hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'ask',
      permissionDecisionReason: `blastradius guard could not read this tool call (${reason}); confirm it yourself`,
    });
  });
  it('answers in both shapes when the agent cannot be told', async () => {
    const { json } = await guard('{}');
    expect(json.permission).toBe('ask');
    expect(json.hookSpecificOutput!.permissionDecision).toBe('ask');
  });
  it('a missing --input file is a usage error', async () => {
    const r = await runCli(['guard', '--input', join(tmp, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`blastradius: ${join(tmp, 'nope.json')}: cannot read (ENOENT)\n`);
  });
});

describe('recognisers', () => {
  it('DELETE without WHERE, and its near-misses', () => {
    expect(deleteWithoutWhere("psql -c 'DELETE FROM orders;'")).toBe(true);
    expect(deleteWithoutWhere('DELETE FROM "public"."users"')).toBe(true);
    expect(deleteWithoutWhere("psql -c 'DELETE FROM orders WHERE id = 4;'")).toBe(false);
    expect(deleteWithoutWhere('git rm deleted-from-list.txt')).toBe(false);
  });
  it('every recorded payload is understood', () => {
    for (const f of readdirSync(join(ROOT, 'test/data/hooks'))) expect(parseHookInput(recorded(f)).kind, f).not.toBe('unknown');
  });
});
