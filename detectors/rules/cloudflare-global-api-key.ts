// The Cloudflare Global API Key: the user's whole power, on every account and zone, and it cannot be scoped.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { credentialLabel } from '../../src/pipeline/chain.js';
import { credentialDraft, deletesIn } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare Global API Key in use',
    severity: 'high',
    category: 'credential-scope',
    confidence: 'high',
    summary: 'A Cloudflare Global API Key (X-Auth-Key): every permission of its user on every account and zone, with no way to narrow it.',
    help: {
      why: 'The Global API Key is the legacy, unscoped credential: it can delete zones, DNS records, Workers, R2 buckets and their contents, and change account members, on every account its user belongs to. It does not expire and cannot be limited to one zone or permission.',
      fix: 'Replace it with an API token limited to the permission groups and zones the job needs (e.g. *Zone → DNS → Edit* on one zone), then roll the Global API Key in *My Profile → API Tokens* so the exposed value stops working.',
      references: [
        'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
        'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
      ],
    },
  },
  check: ({ credentials, graph }) =>
    credentials
      .filter((c) => c.provider === 'cloudflare' && c.type === 'global-api-key')
      .map((c) => {
        const prod = c.environments.includes('production') || deletesIn(c, graph, 'production');
        return credentialDraft(c, graph, `${credentialLabel(c)} is a Global API Key: it acts as its user on every Cloudflare account and zone and cannot be scoped; use an API token limited to the zones and permissions needed.`, {
          severity: prod ? 'critical' : 'high',
        });
      }),
  examples: [
    {
      name: 'Global API Key with its email in a production env file',
      repo: { '.env.production': 'CLOUDFLARE_EMAIL=ops@acme-widgets.io\nCLOUDFLARE_API_KEY=462586164fc451348795393a0f24efc123b55\n' },
      fires: true,
      mentions: 'Global API Key',
    },
    {
      name: 'a scoped API token instead',
      repo: { '.env.production': 'CLOUDFLARE_API_TOKEN=YY3ZAQVmMVDxwkzuqKkNDHAqq7cCgvwgRjGzQ82W\n' },
      fires: false,
    },
  ],
};

export default rule;
