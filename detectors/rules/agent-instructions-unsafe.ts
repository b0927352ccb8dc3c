// Agent instruction files (AGENTS.md, CLAUDE.md, Cursor rules) that tell the agent to destroy data or load secrets.
import type { FileInfo, FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { AgentAttrs, ScriptAttrs } from '../../src/pipeline/resources.js';
import type { Resource } from '../../src/core/types.js';
import { where } from '../../src/pipeline/chain.js';
import { toFindingLocation, type FindingLocation } from './shared.js';

/** Instruction files per agent tool (as the agent-configs parser names tools). */
const INSTRUCTIONS: Record<string, RegExp> = {
  'claude-code': /(?:^|\/)claude\.md$/i,
  'agents-md': /(?:^|\/)agents\.md$/i,
  cursor: /(?:^|\/)\.cursorrules$|(?:^|\/)\.cursor\/rules\//i,
  windsurf: /(?:^|\/)\.windsurfrules$|(?:^|\/)\.windsurf\/rules\//i,
};

/**
 * Where the instructions are. One agent resource merges every file of its tool (settings and instructions), keeping
 * the first file's location; when that is not the instruction file, point at the tool's instruction files instead.
 */
function instructionLocations(agent: Resource, files: readonly FileInfo[]): FindingLocation[] {
  const re = INSTRUCTIONS[(agent.attributes as AgentAttrs).tool ?? agent.name];
  if (!re || re.test(agent.location.path)) return [toFindingLocation(agent.location)];
  const found = files.filter((f) => !f.commit && re.test(f.path)).map((f) => ({ path: f.path, startLine: 1, startColumn: 1 }));
  return found.length ? found : [toFindingLocation(agent.location)];
}

const rule: FindingRule = {
  meta: {
    id: 'agent-instructions-unsafe',
    title: 'Agent instructions run destructive commands or load secrets',
    severity: 'medium',
    category: 'agent-exposure',
    confidence: 'medium',
    summary: 'An AGENTS.md / CLAUDE.md / rules file tells agents to run a destructive command (directly or through a named script) or to load env files with secrets.',
    help: {
      why: 'Agents follow their instruction files literally and repeatedly. "To start fresh run `prisma migrate reset --force`" is fine on a laptop database and catastrophic in a shell where DATABASE_URL points at staging or production; "source .env.production first" puts production credentials into every session.',
      fix: 'Move destructive steps into scripts that refuse to run against non-local targets (check the host), and say in the instructions that the agent must ask before running them. Point agents at `.env.example` and local-only configuration, never at production env files.',
      references: ['https://agents.md/', 'https://docs.anthropic.com/en/docs/claude-code/memory', 'https://docs.anthropic.com/en/docs/claude-code/security'],
    },
  },
  check: ({ resources, files }) => {
    const scripts = resources.filter((r) => r.type === 'script' && (r.attributes as ScriptAttrs).destructive);
    const out: FindingDraft[] = [];
    for (const r of resources) {
      if (r.type !== 'agent') continue;
      const a = r.attributes as AgentAttrs & { configFile?: string };
      const direct = a.instructedCommands ?? [];
      const viaScripts = scripts.filter((s) => a.instructedScripts?.includes(s.name));
      const secretFiles = a.instructedSecretFiles ?? [];
      if (!direct.length && !viaScripts.length && !secretFiles.length) continue;
      const forced = a.instructedForce || viaScripts.some((s) => (s.attributes as ScriptAttrs).force);
      const facts = [
        ...direct.map((c) => `instructs: ${c}`),
        ...viaScripts.map((s) => `instructs script ${s.name}: ${(s.attributes as ScriptAttrs).destructive} (${where(s.location)})`),
        ...secretFiles.map((f) => `instructs loading ${f}`),
      ];
      const at = instructionLocations(r, files);
      const paths = at.map((l) => l.path).join(', ');
      out.push({
        key: r.id,
        severity: forced || secretFiles.some((f) => /prod/i.test(f)) ? 'high' : 'medium',
        message: `${paths} tell${at.length > 1 ? '' : 's'} agents to ${[
          ...(direct.length || viaScripts.length ? [`run ${[...direct, ...viaScripts.map((s) => `\`${s.name}\` (${(s.attributes as ScriptAttrs).destructive})`)].join(', ')}`] : []),
          ...(secretFiles.length ? [`load ${secretFiles.join(', ')}`] : []),
        ].join(' and ')}${forced ? ', with confirmation off' : ''}.`,
        locations: [...at, ...viaScripts.map((s) => toFindingLocation(s.location))],
        credentialFingerprints: [],
        resourceIds: [r.id, ...viaScripts.map((s) => s.id)],
        environments: [r.environment],
        chain: [{ kind: 'agent', label: `${r.name} instructions (${paths})`, ref: r.id }, ...facts.map((label) => ({ kind: 'fact' as const, label }))],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'CLAUDE.md says to reset the database with --force',
      repo: { 'CLAUDE.md': '# Dev notes\n\nTo start fresh run `npx prisma migrate reset --force`, then `npm run seed`.\n' },
      fires: true,
      mentions: 'prisma migrate reset --force',
    },
    {
      name: 'AGENTS.md points at a destructive package script',
      repo: {
        'AGENTS.md': '# Agents\n\nIf the schema drifts, run `npm run db:reset`.\n',
        'package.json': '{\n  "name": "app",\n  "scripts": {\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
      },
      fires: true,
      mentions: 'db:reset',
    },
    {
      name: 'AGENTS.md with tests and a warning only',
      repo: { 'AGENTS.md': '# Agents\n\nRun `npm test` before committing. Never run `terraform apply` by hand.\n' },
      fires: false,
    },
  ],
};

export default rule;
