// Which credentials a proposed tool call has in reach: written in the command itself, in the env files it names
// (`source .env.production`, `--env-file .env`), in the MCP server's configuration, or in the agent's own environment.
// They go through the normal extraction and scope pipeline (scanFiles), in memory; nothing is written or sent.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Credential } from '../core/types.js';
import { scanFiles, type VirtualFile } from '../scan.js';
import type { SecretVault } from '../core/secrets.js';

const ENV_FILE = /(?:^|\/)\.env(?:[.-][\w.-]+)?$|\.env$|(?:^|\/)\.envrc$/;
const MAX_BYTES = 1 << 20;
const MCP_CONFIGS = ['.mcp.json', '.cursor/mcp.json', '.vscode/mcp.json'];

export interface InReach {
  credential: Credential;
  /** Where the agent would get it: the command, an env file, the MCP config, its environment. */
  via: string;
}

function readSmall(abs: string): string | undefined {
  try {
    return existsSync(abs) && statSync(abs).isFile() && statSync(abs).size <= MAX_BYTES ? readFileSync(abs, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Env files the command names, read from the working folder (paths leaving it are not followed). */
function envFilesNamed(words: string[], cwd: string): VirtualFile[] {
  const out = new Map<string, VirtualFile>();
  for (const raw of words) {
    const w = raw.replace(/^--?[\w-]+=/, '');
    if (!ENV_FILE.test(w)) continue;
    const abs = resolve(cwd, w);
    const rel = relative(cwd, abs);
    if (rel.startsWith('..') || out.has(rel)) continue;
    const text = readSmall(abs);
    if (text !== undefined) out.set(rel, { path: rel, text, gitStatus: 'untracked' });
  }
  return [...out.values()];
}

/** The agent's environment as an env file: one `NAME=value` line per single-line variable. */
function environmentFile(env: NodeJS.ProcessEnv): VirtualFile {
  const lines = Object.entries(env)
    .filter(([k, v]) => typeof v === 'string' && v !== '' && !/[\r\n]/.test(v) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
    .map(([k, v]) => `${k}=${v}`);
  return { path: 'agent-environment.env', text: `${lines.join('\n')}\n`, gitStatus: 'untracked' };
}

function mcpConfigs(cwd: string): VirtualFile[] {
  return MCP_CONFIGS.flatMap((p) => {
    const text = readSmall(join(cwd, p));
    return text === undefined ? [] : [{ path: p, text, gitStatus: 'tracked' as const }];
  });
}

export async function credentialsInReach(
  parts: { command?: string; words?: string[]; mcp?: boolean },
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ inReach: InReach[]; vault: SecretVault }> {
  const files: VirtualFile[] = [];
  if (parts.command !== undefined) files.push({ path: 'agent-command.sh', text: parts.command, gitStatus: 'untracked' });
  files.push(...envFilesNamed(parts.words ?? [], cwd));
  if (parts.mcp) files.push(...mcpConfigs(cwd));
  files.push(environmentFile(env));
  const result = await scanFiles(cwd, files);
  // In a command, a value with no documented prefix that is bound to nothing (a UUID argument such as a volume id)
  // is an identifier as often as a token: only bound or prefixed values count.
  const ambiguous = (c: Credential) => c.locations.every((l) => l.path === 'agent-command.sh' && !l.variable) && c.preview.startsWith('…');
  const inReach = result.credentials.filter((c) => !ambiguous(c)).map((credential) => {
    const path = credential.locations[0]?.path ?? '';
    const via =
      path === 'agent-command.sh' ? 'in the command' : path === 'agent-environment.env' ? `in the agent's environment (${credential.locations[0]?.variable ?? 'a variable'})` : `in ${path}`;
    return { credential, via };
  });
  return { inReach, vault: result.vault };
}
