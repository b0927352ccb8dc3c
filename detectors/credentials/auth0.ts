// Auth0 application client secrets: 64 base64url characters with no prefix, recognised by an AUTH0 *_CLIENT_SECRET
// variable or Auth0 code nearby. Management API tokens are JWTs (see the JWT rule).
// https://auth0.com/docs/get-started/applications/application-credentials  https://auth0.com/docs/secure/tokens/management-api-access-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const auth0ClientSecret: CredentialRule = {
  meta: {
    id: 'auth0-client-secret',
    title: 'Auth0 client secret',
    severity: 'high',
    summary: 'Auth0 application client secret (64 base64url) bound to an Auth0 client-secret variable.',
    provider: 'auth0',
    credentialType: 'client-secret',
    help: {
      why: 'With the client id, the secret gets tokens as the application: for a machine-to-machine app authorised on the Management API, that means reading, changing and deleting users, connections and applications of the tenant.',
      fix: 'Rotate the secret in the Auth0 Dashboard (Applications → your app → Settings → Rotate), review the Management API grants of the application, and keep the secret in a secret store.',
      references: ['https://auth0.com/docs/get-started/applications/application-credentials', 'https://auth0.com/docs/get-started/applications/rotate-client-secret'],
    },
  },
  keywords: ['auth0'],
  pattern: /(?<![\w-])([A-Za-z0-9_-]{64})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v, 40) && boundToProvider(ctx, /auth0/i, /secret/i),
  examples: {
    positive: ['AUTH0_CLIENT_SECRET=8BteCK2Q3AY4QcBzmCl7Dg7zZmy838XQQkY9rJlCa09RQObsAagUcDptfcuPu0ow'],
    negative: ['AUTH0_CLIENT_ID=jP6HHUMF4qxjZHyJ6aszZ4piGg4WWMIBsJlWB1lcJ0w16fM_Qr5f1ycA5mhQcUZh', 'AUTH0_CLIENT_SECRET=IiaysY_1YAtyPPZ5zTThaL1rVXL3fxSz2B0kIrIc'],
  },
};

export default [auth0ClientSecret];
