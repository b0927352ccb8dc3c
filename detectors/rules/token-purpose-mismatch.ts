// The incident's token: made "for custom domains", carrying the whole workspace.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { credentialChain, credentialLabel, reachLabel } from '../../src/pipeline/chain.js';
import { nameWords } from '../../src/core/text.js';
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
  certificate: 'certificates',
  certs: 'certificates',
  ssl: 'certificates',
  deploy: 'deploys',
  deployer: 'deploys',
  deployment: 'deploys',
};

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
      if (!wideDestructive(c)) return [];
      // The place that states the purpose (its path or variable) is where the finding points.
      const stating = c.locations.find((l) => statedPurpose([...l.path.split('/'), l.variable ?? '']));
      const purpose = statedPurpose([...c.locations.flatMap((l) => [...l.path.split('/'), l.variable ?? '']), ...c.hints, c.scope.principal ?? '']);
      if (!purpose) return [];
      const at = stating ?? c.locations[0]!;
      const prod = deletesIn(c, graph, 'production');
      return [
        {
          severity: prod ? 'critical' : 'high',
          message: `${credentialLabel(c)} is there for ${purpose}, but it carries ${reachLabel(c)}${prod ? ' and can delete production data' : ''}.`,
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
  ],
};

export default rule;
