// WorkOS API keys. https://workos.com/docs/reference/api-keys
// API keys are `sk_` (often `sk_live_`/`sk_test_`) + base64 of `key_<ULID>,<secret>`; the decoded `key_` prefix
// recognises them without context, and a WORKOS variable or SDK nearby claims other `sk_` values. Registered before
// Stripe because the prefixes collide.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { decodeBase64, looksRandom } from './shared.js';

const body = (v: string) => v.replace(/^sk_(?:(?:live|test)_)?/, '');
const decodesToKey = (v: string) => /^key_[0-9A-Z]{26}/.test(decodeBase64(body(v)) ?? '');
const workosContext = (ctx: MatchContext) => /workos/i.test(ctx.variable ?? '') || (!/stripe|clerk/i.test(ctx.variable ?? '') && /workos/i.test(ctx.window));

export const workosApiKey: CredentialRule = {
  meta: {
    id: 'workos-api-key',
    title: 'WorkOS API key',
    severity: 'critical',
    summary: 'WorkOS secret API key (sk_…, base64 of key_<id>): manages SSO connections, directories and users.',
    provider: 'workos',
    credentialType: 'api-key',
    help: {
      why: 'A WorkOS API key can read and change SSO connections, directory sync, organizations and users for the environment it belongs to — enough to sign in as other users through a reconfigured connection.',
      fix: 'Revoke the key in the WorkOS Dashboard (API Keys), create a new one and load it from a secret store.',
      references: ['https://workos.com/docs/reference/api-keys', 'https://workos.com/docs/reference'],
    },
  },
  keywords: ['sk_', 'sk_live_', 'sk_test_'],
  pattern: /(?<![\w-])(sk_(?:(?:live|test)_)?[A-Za-z0-9]{40,120})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => decodesToKey(v) || (workosContext(ctx) && looksRandom(body(v), 30)),
  classify: (v) => ({ attributes: { mode: v.startsWith('sk_live_') ? 'live' : v.startsWith('sk_test_') ? 'test' : 'unknown' } }),
  examples: {
    positive: [
      'WORKOS_API_KEY=sk_test_a2V5XzAxSFE3WkszTTlWWFc1VDJSOFlCTjRDSlBELFV0Nm1XcTJaa1I5cEx4M1ZiOE5jSDdzWWQ0RmcxSmE',
      "const workos = new WorkOS('sk_J9OjUsTweDYlLQ3BmbouDKrCLogeQMwOo6V6u8TBgjzvszW6EJGdCGZIMaZb');",
    ],
    negative: ['STRIPE_SECRET_KEY=sk_live_KfymHRhkC0rNRSAZoGEdZpshKi7qarUu6kvbq86WFXNdGm1Smveod4xMC9Ni', 'WORKOS_API_KEY=sk_your_api_key_here', 'WORKOS_API_KEY=sk_test_short'],
  },
};

export default [workosApiKey];
