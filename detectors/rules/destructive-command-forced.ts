// Destructive commands that skip their own confirmation, in scripts and CI steps.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { ScriptAttrs, VolumeAttrs, WorkflowJobAttrs } from '../../src/pipeline/resources.js';
import type { ChainStep } from '../../src/core/types.js';
import type { BlastGraph } from '../../src/pipeline/graph.js';
import { resourceLabel, where } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';
import { localOnly } from '../inventory/destructive-commands.js';

/**
 * A job that reads no secret and cannot mint a cloud token (no `id-token: write`) has nothing to sign in with: the
 * database it resets is the run's own (a service container, a SQLite file, a test database from `.env.example`).
 * Self-hosted runners with ambient credentials are the exception this cannot see.
 */
/** Platform CLIs whose destroy commands take an app's volumes (and the snapshots stored with them) along. */
const PLATFORM_CLI: Record<string, string> = { fly: 'fly', flyctl: 'fly', railway: 'railway', heroku: 'heroku', render: 'render' };

/**
 * What a platform destroy command in a job holding that platform's token can take with it: the repository's volumes
 * on that platform, each with whether its backups survive. Empty for other commands or a job without secrets.
 */
function platformChain(cmd: string, a: WorkflowJobAttrs, graph: BlastGraph): { steps: ChainStep[]; summary?: string } {
  const platform = PLATFORM_CLI[cmd.split(/\s+/)[0]!.toLowerCase()];
  if (!platform || !a.secrets?.length) return { steps: [] };
  const volumes = graph.resources.filter((v) => v.provider === platform && v.type === 'volume');
  if (!volumes.length) return { steps: [] };
  const steps: ChainStep[] = [{ kind: 'credential', label: `acts with ${a.secrets.map((x) => `secrets.${x}`).join(', ')}` }];
  let shared = 0;
  for (const v of volumes.slice(0, 3)) {
    const mount = (v.attributes as VolumeAttrs).mountPath;
    const fate = graph.backupsShareFate(v);
    if (fate.shared) shared++;
    steps.push({ kind: 'resource', label: `can destroy ${resourceLabel(v)}${mount ? ` (mounted at ${mount})` : ''}`, ref: v.id });
    steps.push({ kind: 'backup', label: fate.shared ? `${fate.why}: they go down with it` : fate.why });
  }
  const names = volumes.slice(0, 3).map((v) => v.name).join(', ');
  return { steps, summary: `; with ${a.secrets.map((x) => `secrets.${x}`).join(', ')} it can take volume${volumes.length > 1 ? 's' : ''} ${names}${shared ? `, whose backups are stored with ${volumes.length > 1 ? 'them' : 'it'},` : ''} along` };
}

function ownRunOnly(a: WorkflowJobAttrs): boolean {
  const p = a.permissions;
  return !a.secrets?.length && !a.secretsInherit && p !== 'write-all' && !(typeof p === 'object' && p['id-token'] === 'write');
}

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
  check: ({ resources, graph }) => {
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
        const own = ownRunOnly(a);
        for (const cmd of a.destructiveCommands ?? []) {
          const reach = platformChain(cmd, a, graph);
          out.push({
            key: `${r.id}:${cmd}`,
            severity: localOnly(cmd) || own ? 'low' : a.deployEnvironment ? 'medium' : 'high',
            message: `CI job ${r.name} runs \`${cmd}\`${own ? ' (it holds no secret or cloud identity: it can only reach what its own run creates)' : a.deployEnvironment ? '' : ' with no protected environment: (no reviewer can stop it)'}${reach.summary ?? ''}.`,
            locations: [toFindingLocation(r.location)],
            credentialFingerprints: [],
            resourceIds: [r.id],
            environments: [r.environment],
            chain: [{ kind: 'workflow', label: r.name, ref: r.id }, { kind: 'fact', label: cmd }, ...reach.steps, ...(own ? [{ kind: 'fact' as const, label: 'no secrets and no id-token: write on the job: nothing to sign in to a shared database or cloud with' }] : [])],
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
      name: 'a test job with no secrets resetting its own database: low',
      repo: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp .env.example .env\n      - run: npx prisma migrate reset --force\n',
      },
      fires: true,
      mentions: 'only reach what its own run creates',
    },
    {
      name: 'prisma migrate deploy only',
      repo: { 'package.json': '{\n  "name": "app",\n  "scripts": {\n    "db:migrate": "prisma migrate deploy"\n  }\n}\n' },
      fires: false,
    },
  ],
};

export default rule;
