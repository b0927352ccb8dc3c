// The JSON that agent hooks exchange with `blastradius guard`, read and written in each agent's documented shape.
//
// Claude Code `PreToolUse` (https://code.claude.com/docs/en/hooks#pretooluse): stdin
//   { session_id, cwd, hook_event_name: "PreToolUse", tool_name: "Bash" | "mcp__<server>__<tool>" | …, tool_input }
// (Bash: tool_input.command). Answer on stdout with exit 0:
//   { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "allow"|"deny"|"ask", permissionDecisionReason } }
// Cursor (https://cursor.com/docs/agent/hooks): stdin
//   beforeShellExecution { hook_event_name, workspace_roots, command, cwd }
//   beforeMCPExecution   { hook_event_name, workspace_roots, tool_name, tool_input (a JSON string), url | command }
// Answer on stdout: { permission: "allow"|"deny"|"ask", user_message, agent_message }.

export type Decision = 'allow' | 'ask' | 'deny';
export type Agent = 'claude' | 'cursor';

export type ToolCall =
  | { kind: 'shell'; agent: Agent; command: string; cwd?: string }
  | { kind: 'mcp'; agent: Agent; server?: string; tool: string; input: string; cwd?: string }
  /** A tool that neither runs a shell command nor calls an MCP server (Read, Edit…): not the guard's business. */
  | { kind: 'other'; agent: Agent; tool: string }
  | { kind: 'unknown'; agent?: Agent; reason: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads one hook payload. Anything it does not recognise becomes `unknown`, which is answered "ask". */
export function parseHookInput(text: string, forced?: Agent): ToolCall {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'unknown', agent: forced, reason: 'the hook input is not JSON' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { kind: 'unknown', agent: forced, reason: 'the hook input is not a JSON object' };
  const o = data as Record<string, unknown>;
  const event = str(o.hook_event_name);
  const cwd = str(o.cwd) ?? (Array.isArray(o.workspace_roots) ? str(o.workspace_roots[0]) : undefined);
  const agent: Agent | undefined = forced ?? (event === 'PreToolUse' ? 'claude' : event?.startsWith('before') ? 'cursor' : undefined);
  if (event === 'beforeShellExecution') {
    const command = str(o.command);
    return command === undefined ? { kind: 'unknown', agent: agent ?? 'cursor', reason: 'beforeShellExecution without a command' } : { kind: 'shell', agent: agent ?? 'cursor', command, cwd };
  }
  if (event === 'beforeMCPExecution') {
    const tool = str(o.tool_name);
    if (!tool) return { kind: 'unknown', agent: agent ?? 'cursor', reason: 'beforeMCPExecution without a tool_name' };
    const input = typeof o.tool_input === 'string' ? o.tool_input : JSON.stringify(o.tool_input ?? '');
    return { kind: 'mcp', agent: agent ?? 'cursor', tool, input, cwd, ...(str(o.url) || str(o.command) ? { server: str(o.url) ?? str(o.command) } : {}) };
  }
  if (event === 'PreToolUse' || (event === undefined && 'tool_name' in o && 'tool_input' in o)) {
    const tool = str(o.tool_name);
    const input = o.tool_input;
    if (!tool || !input || typeof input !== 'object') return { kind: 'unknown', agent: agent ?? 'claude', reason: 'PreToolUse without tool_name and tool_input' };
    const inp = input as Record<string, unknown>;
    if (tool === 'Bash') {
      const command = str(inp.command);
      return command === undefined ? { kind: 'unknown', agent: agent ?? 'claude', reason: 'Bash tool_input without a command' } : { kind: 'shell', agent: agent ?? 'claude', command, cwd };
    }
    const split = tool.startsWith('mcp__') ? tool.indexOf('__', 6) : -1; // mcp__<server>__<tool>
    if (split > 5 && split + 2 < tool.length)
      return { kind: 'mcp', agent: agent ?? 'claude', server: tool.slice(5, split), tool: tool.slice(split + 2), input: JSON.stringify(input), cwd };
    return { kind: 'other', agent: agent ?? 'claude', tool };
  }
  return { kind: 'unknown', agent, reason: event ? `unsupported hook event "${event.slice(0, 60)}"` : 'no hook_event_name' };
}

/** The answer in the shape the agent reads; when the agent is not known, both shapes (each agent ignores the other's keys). */
export function formatHookOutput(agent: Agent | undefined, decision: Decision, reason: string): string {
  const claude = { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: reason } };
  const cursor = { permission: decision, user_message: reason, agent_message: reason };
  const out = agent === 'claude' ? claude : agent === 'cursor' ? cursor : { ...claude, ...cursor };
  return `${JSON.stringify(out)}\n`;
}
