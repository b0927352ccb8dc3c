// AI coding agent configuration: what an agent in this checkout may read and run.
//  - Claude Code settings (`.claude/settings.json`, `.claude/settings.local.json`): permissions.allow/ask/deny,
//    defaultMode. https://docs.anthropic.com/en/docs/claude-code/settings#permission-settings
//  - MCP server configs (`.mcp.json`, `.cursor/mcp.json`, `.vscode/mcp.json`, `.gemini/settings.json`, ...).
//    https://modelcontextprotocol.io  https://code.visualstudio.com/docs/copilot/chat/mcp-servers
//  - Ignore files (`.cursorignore`, `.aiderignore`, `.geminiignore`, `.codeiumignore`): paths the agent won't read.
//  - Instruction files (AGENTS.md, CLAUDE.md, .cursorrules, ...) that tell the agent to run destructive commands.
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource, SourceFile } from '../../src/core/types.js';
import type { AgentAttrs, McpServerAttrs } from '../../src/pipeline/resources.js';
import { isPlaceholder, shannonEntropy } from '../../src/core/text.js';
import { basename, isRecord, lineOf, makeResource, parseJson } from './resource-builder.js';
import { destructiveCommands } from './destructive-commands.js';
import { redactText, scriptsInvoked } from './shell-words.js';
import { providerOfHost } from './providers.js';

type Obj = Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Which agent tool a file configures. */
function toolOf(path: string): string | undefined {
  const p = path.toLowerCase();
  if (/(?:^|\/)\.claude\//.test(p) || /(?:^|\/)\.mcp\.json$/.test(p) || /(?:^|\/)claude\.md$/.test(p)) return 'claude-code';
  if (/(?:^|\/)\.cursor\//.test(p) || /(?:^|\/)\.cursor(?:ignore|rules)$/.test(p)) return 'cursor';
  if (/(?:^|\/)\.vscode\//.test(p)) return 'github-copilot';
  if (/(?:^|\/)\.windsurf\//.test(p) || /(?:^|\/)\.(?:windsurfrules|codeiumignore)$/.test(p)) return 'windsurf';
  if (/(?:^|\/)\.gemini\//.test(p) || /(?:^|\/)\.geminiignore$/.test(p)) return 'gemini-cli';
  if (/(?:^|\/)\.codex\//.test(p)) return 'codex';
  if (/(?:^|\/)\.aiderignore$/.test(p)) return 'aider';
  if (/(?:^|\/)agents\.md$/.test(p)) return 'agents-md';
  return undefined;
}

const SHELL_RULE = /^Bash\((.*)\)$/;
/** `Bash(npm run test:*)` / `Bash(rm -rf *)` → the command prefix. */
const commandOfRule = (rule: string) => SHELL_RULE.exec(rule)?.[1]!.replace(/(?::\*|\s\*)$/, '').trim();

function claudeSettings(json: Obj): AgentAttrs {
  const perms = isRecord(json.permissions) ? json.permissions : {};
  // Rules are recorded redacted: "always allow" prompts can store commands with tokens in them.
  const allow = strings(perms.allow).map(redactText);
  const deny = strings(perms.deny).map(redactText);
  const ask = strings(perms.ask).map(redactText);
  const defaultMode = typeof perms.defaultMode === 'string' ? perms.defaultMode : typeof json.defaultMode === 'string' ? json.defaultMode : undefined;
  return {
    tool: 'claude-code',
    allow,
    deny,
    ask,
    defaultMode,
    bypass: defaultMode === 'bypassPermissions' || undefined,
    anyShell: allow.some((r) => /^Bash(?:\((?:\*{1,2}|:\*)?\))?$/.test(r.trim())) || undefined,
    denyRead: deny
      .map((r) => /^Read\((.*)\)$/.exec(r.trim())?.[1])
      .filter((x): x is string => !!x)
      .map((p) => p.replace(/^\.\//, '')),
    denyCommands: deny.map(commandOfRule).filter((x): x is string => !!x),
    askCommands: ask.map(commandOfRule).filter((x): x is string => !!x),
  };
}

const SECRET_NAME = /token|secret|key|password|passwd|pwd|auth|credential|bearer|dsn|pat$|private/i;
const REFERENCE = /^\$\{(?:env:|input:)?[A-Za-z_][\w.-]*\}$|^\$[A-Za-z_]\w*$|^\{env:[A-Za-z_]\w*\}$/;

/** A literal (not `${VAR}`/`${env:VAR}`) that looks like a secret: a secret-ish name, or a high-entropy value. */
function literalSecret(name: string, value: unknown): boolean {
  if (typeof value !== 'string' || !value.trim() || REFERENCE.test(value.trim())) return false;
  if (/\$\{[^}]+\}/.test(value) && /^(?:Bearer\s+)?\$\{[^}]+\}$/.test(value.trim())) return false;
  if (isPlaceholder(value)) return false;
  return SECRET_NAME.test(name) || (value.length >= 20 && shannonEntropy(value) > 3.5 && !/\s/.test(value));
}

/** Hides credentials in a server's command line before it is recorded. */
function safeArg(arg: string): string {
  return arg
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1…@')
    .replace(/^(--?[\w-]*(?:token|key|secret|password|auth)[\w-]*=).*$/i, '$1…');
}

function mcpServers(file: SourceFile, json: Obj, tool: string): Resource[] {
  const servers = isRecord(json.mcpServers) ? json.mcpServers : isRecord(json.servers) ? json.servers : isRecord(json.mcp) && isRecord(json.mcp.servers) ? json.mcp.servers : {};
  const out: Resource[] = [];
  for (const [name, raw] of Object.entries(servers)) {
    if (!isRecord(raw)) continue;
    const args = strings(raw.args);
    // Literal secrets on the command line: URL passwords, `--api-key=…`/`--token …` values, docker-style `-e NAME=value`.
    const secretFlag = /^--?[\w-]*(?:token|key|secret|password)[\w-]*$/i;
    const secretArgs = args
      .map((a, i) => [a, i] as const)
      .filter(
        ([a, i]) =>
          /:\/\/[^/@\s]+:[^/@\s]+@/.test(a) ||
          (i > 0 && secretFlag.test(args[i - 1]!) && literalSecret(args[i - 1]!, a)) ||
          /^--?[\w-]*(?:token|key|secret|password)[\w-]*=(?!\$)/i.test(a) ||
          (/^[A-Z_][A-Z0-9_]*=/.test(a) && literalSecret(a.split('=')[0]!, a.slice(a.indexOf('=') + 1))),
      );
    const literalSecretKeys = [
      ...Object.entries(isRecord(raw.env) ? raw.env : {}).filter(([k, v]) => literalSecret(k, v)).map(([k]) => k),
      ...Object.entries(isRecord(raw.headers) ? raw.headers : {}).filter(([k, v]) => literalSecret(k, v)).map(([k]) => k),
      ...secretArgs.map(([, i]) => `args[${i}]`),
    ];
    const url = typeof raw.url === 'string' ? raw.url : typeof raw.serverUrl === 'string' ? raw.serverUrl : typeof raw.httpUrl === 'string' ? raw.httpUrl : undefined;
    const command = typeof raw.command === 'string' ? [raw.command, ...args.map((a, i) => (secretArgs.some(([, j]) => j === i) ? '…' : safeArg(a)))].join(' ') : undefined;
    let host: string | undefined;
    try {
      host = url ? new URL(url).hostname : undefined;
    } catch {
      host = undefined;
    }
    const text = `${name} ${command ?? ''} ${url ?? ''}`.toLowerCase();
    const provider =
      (host && providerOfHost(host)) ??
      ['railway', 'supabase', 'github', 'aws', 'postgres', 'cloudflare', 'vercel', 'stripe', 'neon', 'fly', 'heroku', 'gcp', 'azure'].find((p) => text.includes(p)) ??
      'mcp';
    const a: McpServerAttrs = { command, url: url ? safeArg(url).replace(/\?.*$/, '') : undefined, literalSecretKeys };
    out.push(
      makeResource(file, {
        id: `mcp:${tool}/${name}`,
        provider,
        type: 'mcp-server',
        name,
        environment: file.environment.environment,
        line: lineOf(file.text, JSON.stringify(name)),
        attributes: { ...a, tool, envKeys: Object.keys(isRecord(raw.env) ? raw.env : {}) },
      }),
    );
  }
  return out;
}

/** Code spans and fenced blocks in Markdown instructions, with their lines. */
function codeInMarkdown(text: string): Array<{ code: string; line: number }> {
  const out: Array<{ code: string; line: number }> = [];
  const lines = text.split('\n');
  let fence: { marker: string; start: number; body: string[] } | undefined;
  lines.forEach((l, i) => {
    const f = /^\s*(```+|~~~+)/.exec(l);
    if (fence) {
      if (f && f[1]!.startsWith(fence.marker)) {
        out.push({ code: fence.body.join('\n'), line: fence.start + 1 });
        fence = undefined;
      } else fence.body.push(l);
      return;
    }
    if (f) {
      fence = { marker: f[1]!, start: i + 1, body: [] };
      return;
    }
    for (const m of l.matchAll(/(`+)([^`]+)\1/g)) out.push({ code: m[2]!, line: i + 1 });
  });
  return out;
}

const parser: InventoryParser = {
  meta: {
    id: 'agent-configs',
    title: 'AI agent configuration',
    summary: 'Claude Code permissions, MCP servers, agent ignore files and agent instructions that run destructive commands.',
  },
  applies: (file) => file.kind === 'agent' && toolOf(file.path) !== undefined,
  parse: (file) => {
    const tool = toolOf(file.path)!;
    const base = basename(file.path).toLowerCase();
    const env = file.environment.environment;
    const agent = (attributes: AgentAttrs | Obj, line = 1): Resource =>
      makeResource(file, { id: `agent:${tool}`, provider: tool, type: 'agent', name: tool, environment: env, line, attributes: { ...attributes, tool, configFile: file.path } });

    if (base.endsWith('.json')) {
      const r = parseJson(file);
      if (r.diagnostic) return { diagnostics: [r.diagnostic] };
      const json = isRecord(r.value) ? r.value : {};
      const resources: Resource[] = [];
      if (/(?:^|\/)\.claude\/settings(?:\.local)?\.json$/.test(file.path)) resources.push(agent(claudeSettings(json), lineOf(file.text, '"permissions"')));
      else resources.push(agent({}));
      resources.push(...mcpServers(file, json, tool));
      return { resources };
    }
    if (/ignore$/.test(base)) {
      const denyRead = file.text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'))
        .map((l) => l.replace(/^\.\//, ''));
      return { resources: [agent({ denyRead })] };
    }
    // Instruction files: destructive commands the agent is told to run.
    const code = codeInMarkdown(file.text);
    const instructed = code.flatMap((c) => destructiveCommands(c.code).map((h) => ({ ...h, line: c.line + h.line - 1 })));
    // Scripts it tells the agent to run by name; the graph joins them with package.json scripts.
    const scripts = [...new Set(code.flatMap((c) => scriptsInvoked(c.code)))];
    return {
      resources: [
        agent(
          {
            ...(scripts.length ? { instructedScripts: scripts } : {}),
            ...(instructed.length ? { instructedCommands: [...new Set(instructed.map((h) => h.destructive))], instructedForce: instructed.some((h) => h.force) } : {}),
          },
          instructed[0]?.line ?? 1,
        ),
      ],
    };
  },
  examples: [
    {
      // Claude Code settings in the documented shape: a permissive allow list and a few denies.
      file: {
        path: '.claude/settings.local.json',
        text: JSON.stringify(
          {
            permissions: {
              allow: ['Bash(npm run test:*)', 'Bash(*)', 'Read(~/.zshrc)'],
              deny: ['Read(./.env)', 'Read(./.env.*)', 'Read(./secrets/**)', 'Bash(curl:*)'],
              ask: ['Bash(git push:*)'],
              defaultMode: 'bypassPermissions',
            },
          },
          null,
          2,
        ),
      },
      expect: [
        {
          id: 'agent:claude-code',
          type: 'agent',
          attributes: { bypass: true, anyShell: true, denyRead: ['.env', '.env.*', 'secrets/**'], denyCommands: ['curl'], askCommands: ['git push'] },
        },
      ],
    },
    {
      // Project-scoped MCP servers: one with a literal token (a finding for rules), one referencing the environment.
      file: {
        path: '.mcp.json',
        text: JSON.stringify(
          {
            mcpServers: {
              github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_R8x2Kq9LmZ4vT7wP3nY6bH1cJ5dF0gA2sE8u' } },
              postgres: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://app:Vq83kLz1@db.internal:5432/shop'] },
              railway: { type: 'http', url: 'https://mcp.railway.com', headers: { Authorization: 'Bearer ${RAILWAY_API_TOKEN}' } },
            },
          },
          null,
          2,
        ),
      },
      expect: [
        { id: 'agent:claude-code', type: 'agent' },
        { id: 'mcp:claude-code/github', type: 'mcp-server', attributes: { literalSecretKeys: ['GITHUB_PERSONAL_ACCESS_TOKEN'] } },
        { id: 'mcp:claude-code/postgres', attributes: { literalSecretKeys: ['args[2]'], command: 'npx -y @modelcontextprotocol/server-postgres …' } },
        { id: 'mcp:claude-code/railway', attributes: { literalSecretKeys: [], url: 'https://mcp.railway.com' } },
      ],
    },
    {
      // A .cursorignore keeps env files out of Cursor's reach; AGENTS.md without destructive instructions.
      file: { path: '.cursorignore', text: '# secrets\n.env*\n!.env.example\nconfig/credentials/\n' },
      expect: [{ id: 'agent:cursor', attributes: { denyRead: ['.env*', 'config/credentials/'] } }],
      reject: ['agent:claude-code', 'mcp:*'],
    },
    {
      file: { path: 'CLAUDE.md', text: '# Dev notes\n\nTo start fresh run `npx prisma migrate reset --force`, then `npm run seed`.\n\n```bash\nnpm test\n```\n' },
      expect: [{ id: 'agent:claude-code', attributes: { instructedCommands: ['prisma migrate reset --force'], instructedForce: true, instructedScripts: ['seed'] } }],
    },
    {
      file: { path: 'AGENTS.md', text: '# Agents\n\nRun `npm test` before committing. Never run `terraform apply` by hand.\n' },
      expect: [{ id: 'agent:agents-md' }],
      reject: ['agent:claude-code'],
    },
  ],
};

export default parser;
