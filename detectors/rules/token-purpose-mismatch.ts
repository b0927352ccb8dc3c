// The incident's token: made "for custom domains", carrying the whole workspace.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { credentialChain, credentialLabel, reachLabel } from '../../src/pipeline/chain.js';
import { nameWords } from '../../src/core/text.js';
import type { Credential } from '../../src/core/types.js';
import { credentialLocations, deletesIn, environmentsOf, toFindingLocation, wideDestructive } from './shared.js';

/** Words that say a credential is meant for one narrow job. */
const NARROW_PURPOSES: Record<string, string> = {
  domain: 'custom domains',
  domains: 'custom domains',
  dns: 'DNS',
  route53: 'DNS',
  email: 'email',
  mail: 'email',
  smtp: 'email',
  mailer: 'email',
  webhook: 'webhooks',
  webhooks: 'webhooks',
  notify: 'notifications',
  notifications: 'notifications',
  metrics: 'metrics',
  monitoring: 'monitoring',
  analytics: 'analytics',
  uptime: 'monitoring',
  status: 'status checks',
  readonly: 'read-only use',
  reader: 'read-only use',
  reporting: 'reporting',
  reports: 'reporting',
  certificate: 'certificates',
  certs: 'certificates',
  ssl: 'certificates',
  deploy: 'deploys',
  deployer: 'deploys',
  deployment: 'deploys',
};

/** Purposes that need no more than reading a database. */
const READING = new Set(['analytics', 'metrics', 'monitoring', 'read-only use', 'reporting', 'status checks']);

/**
 * The declared role of a connection URL, when it can drop the database: a superuser or an owner, as linked by the
 * database-role resolver (built-in names like `postgres` are left to the hard-coded-credential findings).
 */
function droppingRole(c: Credential): string | undefined {
  const linked = c.scope.evidence.find((e) => e.source === 'iac' && e.detail.startsWith('linked to database role '));
  if (!linked || !c.scope.permissions.some((p) => p.resourceType === 'database' && (p.verb === 'admin' || p.verb === 'delete'))) return undefined;
  return c.scope.permissions.some((p) => p.verb === 'admin') ? 'a database superuser' : 'an owner of the database';
}

/** The narrow purposes the words state, e.g. "DNS and custom domains"; undefined when none. */
export function statedPurpose(words: Iterable<string>): string | undefined {
  const found = new Set<string>();
  for (const w of words) for (const part of nameWords(w).split(' ')) if (NARROW_PURPOSES[part]) found.add(NARROW_PURPOSES[part]);
  const list = [...found].slice(0, 3);
  return list.length ? list.join(' and ') : undefined;
}

const rule: FindingRule = {
  meta: {
    id: 'token-purpose-mismatch',
    title: 'Narrow-purpose credential with account-wide power',
    severity: 'critical',
    category: 'credential-scope',
    confidence: 'medium',
    summary: 'A credential whose name, path, comment or use says it is for one narrow job (domains, DNS, email, deploys) carries account- or workspace-wide power.',
    help: {
      why: 'People reason about a credential by what it was made for. A token made "for custom domains" that carries account-wide power will be handed to scripts, CI jobs and agents as if it were harmless — and any of them can delete production data with it. This is how an AI agent on a staging task deleted a production Railway volume in nine seconds.',
      fix: 'Revoke the credential. Create one scoped to the job (a Railway project token, a Cloudflare API token limited to DNS edit on one zone, an IAM user with only route53:ChangeResourceRecordSets) and keep it in a secret store, not the repository.',
      references: ['https://docs.railway.com/guides/public-api', 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    },
  },
  check: ({ credentials, graph }) =>
    credentials.flatMap((c) => {
      const role = wideDestructive(c) ? undefined : droppingRole(c);
      if (!wideDestructive(c) && !role) return [];
      // The place that states the purpose (its path or variable) is where the finding points.
      const stating = c.locations.find((l) => statedPurpose([...l.path.split('/'), l.variable ?? '']));
      // A connection URL's purpose is its own name and path: the words around it in an env file are its neighbours'.
      const named = c.locations.flatMap((l) => [...l.path.split('/'), l.variable ?? '']);
      const purpose = statedPurpose(role ? named : [...named, ...c.hints, c.scope.principal ?? '']);
      if (!purpose || (role && !purpose.split(' and ').every((p) => READING.has(p)))) return [];
      const at = stating ?? c.locations[0]!;
      const prod = deletesIn(c, graph, 'production') || (!!role && c.environments.includes('production'));
      const carries = role ? `connects as ${c.scope.principal}, ${role}` : `carries ${reachLabel(c)}`;
      return [
        {
          severity: prod ? 'critical' : 'high',
          message: `${credentialLabel(c)} is there for ${purpose}, but it ${carries}${prod ? ' and can delete production data' : ''}.`,
          locations: [toFindingLocation(at), ...credentialLocations(c).filter((l) => l.path !== at.path || l.startLine !== at.startLine)],
          credentialFingerprints: [c.fingerprint],
          resourceIds: [],
          environments: environmentsOf(c, graph),
          chain: credentialChain(c, graph, at),
        },
      ];
    }),
  examples: [
    {
      name: 'Railway account token in a DNS script',
      repo: {
        'tools/dns/sync-domains.mjs':
          "// Syncs custom domains only.\nconst RAILWAY_API_TOKEN = '3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f';\nawait fetch('https://backboard.railway.com/graphql/v2', { headers: { Authorization: `Bearer ${RAILWAY_API_TOKEN}` } });\n",
      },
      fires: true,
      mentions: 'custom domains',
    },
    {
      name: 'Railway project token in a DNS script',
      repo: {
        'tools/dns/sync-domains.mjs': "// Syncs custom domains only.\nconst RAILWAY_TOKEN = '3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f';\n",
      },
      fires: false,
    },
    {
      // The role's name and use say analytics; the migration made it a superuser.
      name: 'analytics DATABASE_URL whose role a migration made SUPERUSER',
      repo: {
        'db/migrations/003_analytics.sql': 'CREATE ROLE analytics LOGIN;\nALTER ROLE analytics SUPERUSER;\n',
        '.env.production': 'ANALYTICS_DATABASE_URL=postgres://analytics:Xq7mP2vL9tRw4kZs@db.acme-shop.internal:5432/shop\n',
      },
      fires: true,
      mentions: 'database superuser',
    },
    {
      name: 'analytics DATABASE_URL whose role is read-only',
      repo: {
        'db/migrations/003_analytics.sql': 'CREATE ROLE analytics LOGIN;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO analytics;\n',
        '.env.production': 'ANALYTICS_DATABASE_URL=postgres://analytics:Xq7mP2vL9tRw4kZs@db.acme-shop.internal:5432/shop\n',
      },
      fires: false,
    },
  ],
};

export default rule;
