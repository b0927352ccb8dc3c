// Intercom access tokens: base64 of `tok:<id>:<n>:<n>`, so they always start `dG9rO` (base64 of "tok:").
// https://developers.intercom.com/docs/build-an-integration/learn-more/authentication
import type { CredentialRule } from '../../src/core/types.js';
import { decodeBase64 } from './shared.js';

export const intercomAccessToken: CredentialRule = {
  meta: {
    id: 'intercom-access-token',
    title: 'Intercom access token',
    severity: 'high',
    summary: 'Intercom access token (base64 of tok:…, starting dG9rO).',
    provider: 'intercom',
    credentialType: 'access-token',
    help: {
      why: 'An Intercom access token reads and changes the workspace\'s contacts, companies and conversations (customer personal data and support history) and can send messages as the workspace.',
      fix: 'Regenerate the token in the Intercom Developer Hub (your app → Authentication), and keep it in a secret store.',
      references: ['https://developers.intercom.com/docs/build-an-integration/learn-more/authentication'],
    },
  },
  keywords: ['dg9ro'],
  pattern: /(?<![A-Za-z0-9+/_-])(dG9rO[A-Za-z0-9+/_-]{40,80}={0,2})(?![A-Za-z0-9+/=_-])/,
  secretGroup: 1,
  validate: (v) => /^tok:[\w-]{20,}:/.test(decodeBase64(v) ?? ''),
  examples: {
    positive: ['INTERCOM_ACCESS_TOKEN=dG9rOjdmM2MyYTkxXzJkNGVfNGI2YV85YzFmXzhlNWQzYTdiMmMxNDoxOjA='],
    negative: ['dG9rOg==', 'INTERCOM_ACCESS_TOKEN=dG9rO3l4rBG+cY5x19uYY89pYjTcPcvtc/P+CnVul5jGnynYMfeylif'],
  },
};

export default [intercomAccessToken];
