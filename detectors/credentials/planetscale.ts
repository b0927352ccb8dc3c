// PlanetScale credentials: pscale_tkn_ service tokens, pscale_pw_ database branch passwords, pscale_oauth_ OAuth
// tokens. https://planetscale.com/docs/concepts/service-tokens  https://planetscale.com/docs/concepts/connection-strings
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const KINDS = [
  ['tkn', 'planetscale-service-token', 'PlanetScale service token', 'service-token', 'pscale_tkn_O5F6iPghdSqdJjtjTBL0KNDkUKcQ3MwDpXKVRWLmWld',
    'A service token has the organization- or database-level permissions granted to it — `delete_databases`, `delete_branches`, `delete_backups` are grantable — and is usable from anywhere.',
    'Delete the service token (Organization settings → Service tokens) and grant its replacement only the databases and permissions needed.',
    'https://planetscale.com/docs/concepts/service-tokens'],
  ['pw', 'planetscale-database-password', 'PlanetScale database password', 'database-password', 'pscale_pw_F5CX4TtjcSNO6MmPYtBZrq5skeLzWUxuC4JAQoc60in',
    'A branch password connects to that database branch with its role — admin and readwriter roles can drop tables on the production branch.',
    'Delete the password (Database → Settings → Passwords) and create one with the read-only or writer role the application needs.',
    'https://planetscale.com/docs/concepts/connection-strings'],
  ['oauth', 'planetscale-oauth-token', 'PlanetScale OAuth token', 'oauth-token', 'pscale_oauth_LtfYat8U70XoSLn_bv2rvmHMWNHvX_FFbgMkoXTtdPW',
    'An OAuth token acts for the user who authorised the application, with the scopes it was granted.',
    'Revoke the application\'s access (Organization settings → OAuth applications) and re-authorise with narrower scopes.',
    'https://planetscale.com/docs/concepts/oauth'],
] as const;

const rules: CredentialRule[] = KINDS.map(([kind, id, title, type, sample, why, fix, ref]) => ({
  meta: {
    id,
    title,
    severity: 'high',
    summary: `${title} (pscale_${kind}_ prefix).`,
    provider: 'planetscale',
    credentialType: type,
    help: { why, fix, references: [ref, 'https://planetscale.com/docs/security/secret-scanning'] },
  },
  keywords: [`pscale_${kind}_`],
  pattern: new RegExp(String.raw`\b(pscale_${kind}_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])`),
  secretGroup: 1,
  validate: (v: string) => highEntropy(v.slice(kind.length + 8), 4),
  examples: {
    positive: [`PLANETSCALE_TOKEN=${sample}`],
    negative: [`PLANETSCALE_TOKEN=${sample.slice(0, kind.length + 8 + 20)}`, `PLANETSCALE_TOKEN=pscale_${kind}_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
  },
}));

export default rules;
