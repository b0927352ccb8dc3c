// The agent in the checkout can read a credential that can destroy data.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { credentialChain, credentialLabel, resourceLabel, where, worstTarget } from '../../src/pipeline/chain.js';
import { credentialLocations, environmentsOf, exampleOrLocal, wideDestructive } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'agent-can-read-destructive-credential',
    title: 'AI agent in this checkout can read a destructive credential',
    severity: 'high',
    category: 'agent-exposure',
    confidence: 'medium',
    summary: 'A credential that can delete data is present in the working tree and no agent configuration denies reading it.',
    help: {
      why: 'Coding agents read the files in the checkout — including gitignored `.env` files — and use what they find to get a task done. An agent on a staging task that finds a token able to delete production will, sooner or later, use it.',
      fix: 'Remove the credential from the checkout (load it from a secret manager at run time), and deny agents access to secret files: in Claude Code add `Read(./.env*)` and similar to `permissions.deny` in `.claude/settings.json`; list them in `.cursorignore` / `.aiderignore`. Replace wide tokens with environment-scoped ones.',
      references: ['https://docs.anthropic.com/en/docs/claude-code/settings#permission-settings', 'https://docs.cursor.com/context/ignore-files'],
    },
  },
  check: ({ credentials, graph }) =>
    credentials.flatMap((c) => {
      const target = worstTarget(graph.reach(c));
      if (!target && !wideDestructive(c)) return [];
      // A local database's default password, or an example value, destroys nothing deployed.
      if (exampleOrLocal(c, graph)) return [];
      const readers = graph.readers(c);
      if (!readers.length) return [];
      const prod = target?.resource.environment === 'production';
      return [
        {
          severity: prod ? 'critical' : 'high',
          message: `${readers.map((r) => r.agent.name).join(', ')} can read ${credentialLabel(c)} at ${where(readers[0]!.location)}; it can delete ${
            target ? resourceLabel(target.resource) : `anything its ${c.scope.reach} reach covers`
          }.`,
          locations: credentialLocations(c),
          credentialFingerprints: [c.fingerprint],
          resourceIds: [...readers.map((r) => r.agent.id), ...(target ? [target.resource.id] : [])],
          environments: environmentsOf(c, graph),
          chain: credentialChain(c, graph, readers[0]!.location),
        },
      ];
    }),
  examples: [
    {
      name: 'account token in .env with no agent deny rule',
      repo: { '.env.production': 'RAILWAY_API_TOKEN=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f\nRAILWAY_VOLUME_MOUNT_PATH=/data\n' },
      fires: true,
    },
    {
      name: 'local development database',
      repo: { '.env': 'DATABASE_URL=postgres://app:app-local-pass@localhost:5432/app\n' },
      fires: false,
    },
    {
      name: 'account token in .env denied to the agent',
      repo: {
        '.env.production': 'RAILWAY_API_TOKEN=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f\nRAILWAY_VOLUME_MOUNT_PATH=/data\n',
        '.claude/settings.json': '{ "permissions": { "deny": ["Read(./.env*)"] } }\n',
      },
      fires: false,
    },
  ],
};

export default rule;
