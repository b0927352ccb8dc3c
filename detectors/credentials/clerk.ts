// Clerk API keys. https://clerk.com/docs/deployments/clerk-environment-variables
// Secret keys are `sk_live_`/`sk_test_` + base62 — the same prefixes as Stripe's secret keys, so a Clerk secret key is
// recognised by context (a CLERK_* variable, or Clerk's SDK/host nearby) and this module is registered BEFORE Stripe:
// when two rules match the same characters the earlier one wins. Publishable keys are `pk_live_`/`pk_test_` + the
// base64 of the Frontend API host followed by `$`, which tells them from Stripe's without any context.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { decodeBase64, looksRandom } from './shared.js';

const help = {
  why: 'A Clerk secret key calls the Backend API as the application: it can list, impersonate, update and delete users, sessions and organizations, and change instance settings.',
  fix: 'Rotate the secret key in the Clerk Dashboard (API keys), update the deployment\'s CLERK_SECRET_KEY from a secret store, and remove the value from the repository.',
  references: ['https://clerk.com/docs/deployments/clerk-environment-variables', 'https://clerk.com/docs/reference/backend-api'],
};

function clerkContext(ctx: MatchContext): boolean {
  const name = ctx.variable ?? '';
  if (/clerk/i.test(name)) return true;
  if (/stripe|workos/i.test(name)) return false;
  const near = `${ctx.line}\n${ctx.window}`;
  return /clerk/i.test(near) && !/stripe/i.test(near);
}

const frontendApi = (v: string): string | undefined => {
  const d = decodeBase64(v.slice(8));
  return d && /^[a-z0-9.-]+\.[a-z]{2,}\$$/i.test(d) ? d.slice(0, -1) : undefined;
};

export const clerkSecretKey: CredentialRule = {
  meta: {
    id: 'clerk-secret-key',
    title: 'Clerk secret key',
    severity: 'critical',
    summary: 'Clerk Backend API secret key (sk_live_/sk_test_ bound to a CLERK variable or beside Clerk code).',
    provider: 'clerk',
    credentialType: 'secret-key',
    help,
  },
  keywords: ['sk_live_', 'sk_test_'],
  pattern: /(?<![\w-])(sk_(?:live|test)_[A-Za-z0-9]{30,80})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => clerkContext(ctx) && looksRandom(v.slice(8), 20),
  classify: (v) => ({ attributes: { mode: v.includes('_live_') ? 'live' : 'test', keyClass: 'secret' } }),
  examples: {
    positive: ['CLERK_SECRET_KEY=sk_test_2ccd5oX4yiTCjFgu8KFMJyFHw3e2XWiyHnw5tuXsPr', "import { createClerkClient } from '@clerk/backend';\nconst clerk = createClerkClient({ secretKey: 'sk_live_1dQI1tDOrW6zeVbWvhllhmpmQtMlSnx4CXzx7mhicS' });"],
    negative: ['STRIPE_SECRET_KEY=sk_test_HV0R7kYQLvFnEuBGqfF67o0P950IeOyodDQQMiCq6u', 'CLERK_SECRET_KEY=sk_test_your_actual_secret_key_here', 'SECRET=sk_test_5Q6MFA207uBjJYBbGwzJLqMVqoHngYwdAUO5aTaxON'],
  },
};

export const clerkPublishableKey: CredentialRule = {
  meta: {
    id: 'clerk-publishable-key',
    title: 'Clerk publishable key',
    severity: 'info',
    summary: 'Clerk publishable key (pk_live_/pk_test_ + base64 of the Frontend API host): public, identifies the instance.',
    provider: 'clerk',
    credentialType: 'publishable-key',
    help: {
      ...help,
      why: 'A publishable key is meant for the browser and grants nothing by itself; it names the Clerk instance, so a secret key stored near it can be attributed.',
      fix: 'No action is needed for the publishable key itself. Make sure the secret key is not stored beside it.',
    },
  },
  keywords: ['pk_live_', 'pk_test_'],
  pattern: /(?<![\w-])(pk_(?:live|test)_[A-Za-z0-9+/=_-]{16,120})(?![\w+/=-])/,
  secretGroup: 1,
  validate: (v) => frontendApi(v) !== undefined,
  classify: (v) => ({ attributes: { mode: v.includes('_live_') ? 'live' : 'test', keyClass: 'publishable', frontendApi: frontendApi(v) ?? '' } }),
  examples: {
    positive: ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_ZmxlZXQtZ251LTQyLmNsZXJrLmFjY291bnRzLmRldiQ'],
    negative: ['pk_test_TYooMQauvdEDq54NiTphI7jx', 'pk_live_Q75cbO1kdVeWc1WfpS6fCiPEFlLED2SbjMPod4Ov'],
  },
};

export default [clerkSecretKey, clerkPublishableKey];
