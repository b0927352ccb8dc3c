// Asana personal access tokens: `<version>/<user gid>[/<token gid>]:<32 hex>` (newer) or `0/<32 hex>` (legacy).
// No provider prefix, so Asana context is required. https://developers.asana.com/docs/personal-access-token
import type { CredentialRule } from '../../src/core/types.js';
import { boundToProvider } from './shared.js';

export const asanaPat: CredentialRule = {
  meta: {
    id: 'asana-personal-access-token',
    title: 'Asana personal access token',
    severity: 'high',
    summary: 'Asana personal access token (1/<gid>:<hex> or 0/<hex>) with Asana context.',
    provider: 'asana',
    credentialType: 'personal-access-token',
    help: {
      why: 'An Asana PAT acts as its user in every workspace they belong to: it can read all visible tasks and projects and create, change or delete them.',
      fix: 'Deauthorize the token in Asana (My settings → Apps → Developer apps / Manage developer apps), create a new one or use a service account, and keep it in a secret store.',
      references: ['https://developers.asana.com/docs/personal-access-token', 'https://developers.asana.com/docs/authentication'],
    },
  },
  keywords: ['asana'],
  pattern: /(?<![\w/:-])([0-2]\/[0-9]{10,20}(?:\/[0-9]{10,20})?:[0-9a-f]{32}|0\/[0-9a-f]{32})(?![\w-])/,
  secretGroup: 1,
  validate: (_v, ctx) => boundToProvider(ctx, /asana/i, /token|pat\b|key|secret|auth/i),
  classify: (v) => ({ attributes: { format: v.includes(':') ? 'current' : 'legacy' } }),
  examples: {
    positive: ['ASANA_ACCESS_TOKEN=2/4235365122231731/3180421459634454:146cd3c3fc420142d4d1750113c820cd', 'ASANA_PAT=0/1e02f96c9a8552bdc15c775a41a23348'],
    negative: ['RELEASE=2/9709396860809286/6093107907407424:d3225088f4d5e7b39f717e7d00b0db1a', 'ASANA_ACCESS_TOKEN=2/2226780256460491:4681b6fd1df8764c93f5'],
  },
};

export default [asanaPat];
