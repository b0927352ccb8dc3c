// DigitalOcean tokens: dop_v1_ personal access token, doo_v1_ OAuth access token, dor_v1_ OAuth refresh token, each
// followed by 64 hex characters. https://docs.digitalocean.com/reference/api/create-personal-access-token/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const help = {
  why: 'A DigitalOcean token with write scope (the default "full access") can destroy every Droplet, volume, managed database and Spaces bucket in the team — and their snapshots and backups.',
  fix: 'Revoke the token (API → Tokens), and create custom-scoped tokens limited to the resources automation needs, with an expiry.',
  references: [
    'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
    'https://docs.digitalocean.com/platform/teams/secret-scanning/',
    'https://docs.digitalocean.com/reference/api/oauth/',
  ],
};

const KINDS = [
  ['dop', 'digitalocean-personal-access-token', 'DigitalOcean personal access token', 'personal-access-token', '728ee0950ce592841a34bc5acb5d3b92d824ffe0a63d33ebc24e2824c62c4dab'],
  ['doo', 'digitalocean-oauth-token', 'DigitalOcean OAuth access token', 'oauth-token', '59f4592c69e79af002249d32253c849b50f76492215c91fdc11a390844b06444'],
  ['dor', 'digitalocean-refresh-token', 'DigitalOcean OAuth refresh token', 'refresh-token', 'ce50e678a326454eb064da29bb82ed5c5ce4280aab7492454cecad509db2ea14'],
] as const;

const rules: CredentialRule[] = KINDS.map(([prefix, id, title, type, sample]) => ({
  meta: { id, title, severity: 'high', summary: `${title} (${prefix}_v1_ + 64 hex).`, provider: 'digitalocean', credentialType: type, help },
  keywords: [`${prefix}_v1_`],
  pattern: new RegExp(String.raw`\b(${prefix}_v1_[a-f0-9]{64})(?![A-Za-z0-9_-])`),
  secretGroup: 1,
  validate: (v: string) => highEntropy(v.slice(7), 3.3),
  examples: {
    positive: [`DIGITALOCEAN_TOKEN=${prefix}_v1_${sample}`],
    negative: [`DIGITALOCEAN_TOKEN=${prefix}_v1_${sample.slice(0, 60)}`, `DIGITALOCEAN_TOKEN=${prefix}_v2_${sample}`],
  },
}));

export default rules;
