// Okta API tokens (SSWS): `00` + 40 base64url characters, sent as `Authorization: SSWS <token>`; recognised with Okta
// context (an OKTA variable, the SSWS scheme, or an okta.com org URL nearby).
// https://developer.okta.com/docs/guides/create-an-api-token/main/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const oktaApiToken: CredentialRule = {
  meta: {
    id: 'okta-api-token',
    title: 'Okta API token',
    severity: 'critical',
    summary: 'Okta API (SSWS) token (00 + 40) with Okta context: acts as the admin who created it.',
    provider: 'okta',
    credentialType: 'api-token',
    help: {
      why: 'An Okta API token carries the permissions of the administrator who created it — often super admin over every user, group, application and policy of the org, including resetting credentials and MFA.',
      fix: 'Revoke the token (Security → API → Tokens), prefer OAuth 2.0 service apps with scoped grants, and keep any token in a secret store.',
      references: ['https://developer.okta.com/docs/guides/create-an-api-token/main/', 'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/'],
    },
  },
  keywords: ['okta', 'ssws'],
  pattern: /(?<![\w-])(00[A-Za-z0-9_-]{40})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v.slice(2)) && (/ssws\s+$/i.test(ctx.line.slice(0, ctx.valueAt)) || boundToProvider(ctx, /okta/i)),
  examples: {
    positive: ['OKTA_API_TOKEN=00FAD7OKGPAieVvLIkHzVsWI6XglNdPVyYNPMamlNx', "headers: { Authorization: 'SSWS 00FwGCGDNyVr3vcwO_xfJlNhjg3vJu9LBEET0h-rve' }"],
    negative: ['BUILD_ID=00Ptr8j1X3CwNK1OS2MKQLxxkTxwq4HeAiiOhLnuUD', 'OKTA_API_TOKEN=00suUEvqO5qPK8w13UjBHJ'],
  },
};

export default [oktaApiToken];
