// Destructive commands that skip their own confirmation, in scripts and CI steps.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { ScriptAttrs, WorkflowJobAttrs } from '../../src/pipeline/resources.js';
import { where } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';
import { localOnly } from '../inventory/destructive-commands.js';

const rule: FindingRule = {
  meta: {
    id: 'destructive-command-forced',
    title: 'Destructive command runs without confirmation',
    severity: 'medium',
    category: 'destructive-guard',
    confidence: 'high',
    summary: 'A script, CI step or service start command runs a destructive command (database reset, volume delete, terraform destroy) with its confirmation switched off.',
    help: {
      why: 'Force flags (`--force`, `-auto-approve`, `--accept-data-loss`, `--yes`) remove the last moment where a person — or an agent — would see what is about to be destroyed. Anyone or anything that runs the script, in any environment its credentials reach, deletes data without a prompt.',
      fix: 'Remove the force flag from shared scripts, gate destructive CI jobs behind a protected `environment:` with required reviewers, and refuse to run against production (check the target before acting).',
      references: ['https://docs.github.com/en/actions/deployment/targeting-different-environments/using-environments-for-deployment#required-reviewers', 'https://www.prisma.io/docs/orm/reference/prisma-cli-reference#migrate-reset'],
    },
  },
  check: ({ resources }) => {
    const out: FindingDraft[] = [];
    for (const r of resources) {
      if (r.type === 'script') {
        const a = r.attributes as ScriptAttrs;
        if (!a.destructive || !a.force) continue;
        out.push({
          key: r.id,
          severity: localOnly(a.destructive) ? 'low' : r.environment === 'production' ? 'high' : 'medium',
          message: `${where(r.location)} runs \`${a.destructive}\` with confirmation off${localOnly(a.destructive) ? ' (on the local development stack only)' : ''}.`,
          locations: [toFindingLocation(r.location)],
          credentialFingerprints: [],
          resourceIds: [r.id],
          environments: [r.environment],
          chain: [{ kind: 'resource', label: `script ${r.name}`, ref: r.id }, { kind: 'fact', label: a.destructive }, ...(localOnly(a.destructive) ? [{ kind: 'fact' as const, label: 'acts on the local development stack only' }] : [])],
        });
      } else if (r.type === 'service') {
        // A service whose start command destroys data does it on every (re)start, with nobody watching.
        for (const cmd of (r.attributes as { destructiveCommands?: string[] }).destructiveCommands ?? []) {
          out.push({
            key: `${r.id}:${cmd}`,
            severity: r.environment === 'production' ? 'high' : 'medium',
            message: `Service ${r.name} (${where(r.location)}) runs \`${cmd}\` in its start command: every restart repeats it.`,
            locations: [toFindingLocation(r.location)],
            credentialFingerprints: [],
            resourceIds: [r.id],
            environments: [r.environment],
            chain: [{ kind: 'resource', label: `service ${r.name}`, ref: r.id }, { kind: 'fact', label: cmd }],
          });
        }
      } else if (r.type === 'workflow-job') {
        const a = r.attributes as WorkflowJobAttrs;
        for (const cmd of a.destructiveCommands ?? []) {
          out.push({
            key: `${r.id}:${cmd}`,
            severity: localOnly(cmd) ? 'low' : a.deployEnvironment ? 'medium' : 'high',
            message: `CI job ${r.name} runs \`${cmd}\`${a.deployEnvironment ? '' : ' with no protected environment: (no reviewer can stop it)'}.`,
            locations: [toFindingLocation(r.location)],
            credentialFingerprints: [],
            resourceIds: [r.id],
            environments: [r.environment],
            chain: [{ kind: 'workflow', label: r.name, ref: r.id }, { kind: 'fact', label: cmd }],
          });
        }
      }
    }
    return out;
  },
  examples: [
    {
      name: 'prisma migrate reset --force in package.json',
      repo: { 'package.json': '{\n  "name": "app",\n  "scripts": {\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n' },
      fires: true,
      mentions: 'migrate reset',
    },
    {
      name: 'compose service resetting its database on start',
      repo: {
        'docker-compose.yml':
          'services:\n  api:\n    image: node:20\n    command: sh -c "npx prisma migrate reset --force && node server.js"\n  postgres:\n    image: postgres:16\n',
      },
      fires: true,
      mentions: 'start command',
    },
    {
      name: 'supabase db reset without --linked: the local stack, reported low',
      repo: { 'package.json': '{ "scripts": { "supabase:reset": "npx supabase db reset" } }\n' },
      fires: true,
      mentions: 'local development stack only',
    },
    {
      name: 'prisma migrate deploy only',
      repo: { 'package.json': '{\n  "name": "app",\n  "scripts": {\n    "db:migrate": "prisma migrate deploy"\n  }\n}\n' },
      fires: false,
    },
  ],
};

export default rule;
