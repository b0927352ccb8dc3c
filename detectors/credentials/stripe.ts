// Stripe API keys. https://docs.stripe.com/keys
// Secret keys sk_live_/sk_test_, restricted keys rk_live_/rk_test_ (per-resource permissions), publishable keys
// pk_live_/pk_test_ (meant for browsers: informational only) and webhook endpoint signing secrets whsec_.
// The body is base62, 24 to 247 characters. Clerk and WorkOS also issue `sk_live_`/`sk_test_` keys: their rules come
// before this one in the registry and claim the value when the variable or nearby code names them; a value bound to a
// Clerk/WorkOS variable is skipped here as well, so the order is a preference and not a requirement.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { isDocumentedExample, looksRandom } from './shared.js';

const help = {
  why: 'A Stripe secret key acts as the account: it can read customers and payment data, issue refunds and payouts, and change or delete products, webhooks and settings. Live-mode keys move real money; restricted keys are limited to the resources chosen when they were made.',
  fix: 'Roll the key in the Stripe Dashboard (Developers → API keys → Roll key), replace it with a restricted key holding only the permissions the code needs, and keep it in a secret store rather than the repository.',
  references: ['https://docs.stripe.com/keys', 'https://docs.stripe.com/keys-best-practices', 'https://docs.stripe.com/webhooks#verify-events'],
};

const otherVendor = (ctx: MatchContext) => /clerk|workos/i.test(ctx.variable ?? '');
const mode = (v: string) => (v.includes('_live_') ? 'live' : 'test');

export const stripeSecretKey: CredentialRule = {
  meta: {
    id: 'stripe-secret-key',
    title: 'Stripe secret key',
    severity: 'critical',
    summary: 'Stripe secret API key (sk_live_/sk_test_), full access to the account in its mode.',
    provider: 'stripe',
    credentialType: 'secret-key',
    help,
  },
  keywords: ['sk_live_', 'sk_test_'],
  pattern: /(?<![\w-])(sk_(?:live|test)_[A-Za-z0-9]{24,247})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => !isDocumentedExample(v) && !otherVendor(ctx) && looksRandom(v.slice(8), 20),
  classify: (v) => ({ attributes: { mode: mode(v), keyClass: 'secret' } }),
  examples: {
    positive: ['STRIPE_SECRET_KEY=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', "const stripe = new Stripe('sk_test_51py9LvP56i3B8tXHEFOk4Tsfnewns04zKSs6mGwtIqxhA27q1Tl7VVKvHTXtu');"],
    negative: [
      // Stripe's own documentation key
      'STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc',
      'sk_live_tooShort12',
      'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

export const stripeRestrictedKey: CredentialRule = {
  meta: {
    id: 'stripe-restricted-key',
    title: 'Stripe restricted key',
    severity: 'high',
    summary: 'Stripe restricted API key (rk_live_/rk_test_), limited to the permissions chosen at creation.',
    provider: 'stripe',
    credentialType: 'restricted-key',
    help,
  },
  keywords: ['rk_live_', 'rk_test_'],
  pattern: /(?<![\w-])(rk_(?:live|test)_[A-Za-z0-9]{24,247})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => !isDocumentedExample(v) && looksRandom(v.slice(8), 20),
  classify: (v) => ({ attributes: { mode: mode(v), keyClass: 'restricted' } }),
  examples: {
    positive: ['STRIPE_KEY="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"'],
    negative: ['rk_test_26PHem9AhJZvU623DfE1x4sd', 'rk_live_short', 'rk_live_yexqxldrenppeqsecbbymfdrbanfml'],
  },
};

export const stripePublishableKey: CredentialRule = {
  meta: {
    id: 'stripe-publishable-key',
    title: 'Stripe publishable key',
    severity: 'info',
    summary: 'Stripe publishable key (pk_live_/pk_test_): designed for client-side code; identifies the account.',
    provider: 'stripe',
    credentialType: 'publishable-key',
    help: {
      ...help,
      why: 'A publishable key is meant to be shipped to browsers and apps; it cannot read or change account data by itself. It is reported so the account and its mode are known, and so a secret key stored beside it is noticed.',
      fix: 'No action is needed for the publishable key itself. Make sure the matching secret key is not stored in the same place.',
    },
  },
  keywords: ['pk_live_', 'pk_test_'],
  pattern: /(?<![\w-])(pk_(?:live|test)_[A-Za-z0-9]{24,247})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => !isDocumentedExample(v) && looksRandom(v.slice(8), 20),
  classify: (v) => ({ attributes: { mode: mode(v), keyClass: 'publishable' } }),
  examples: {
    positive: ['NEXT_PUBLIC_STRIPE_KEY=pk_live_51REZFncHJKqXRlytmSjPPMg4uracnqBVkXNRpWl5WiwGbobGVraao8oJM2M4TnlGOlgENljykHqjpZb9wOXtHLA32KoGDZTDbR'],
    negative: ['pk_test_TYooMQauvdEDq54NiTphI7jx', 'pk_live_abc', 'pk_live_ogpymbstqywommraqpuajfkazoyxov'],
  },
};

export const stripeWebhookSecret: CredentialRule = {
  meta: {
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    severity: 'medium',
    summary: 'Stripe webhook endpoint signing secret (whsec_): lets anyone forge events your endpoint will trust.',
    provider: 'stripe',
    credentialType: 'webhook-secret',
    help: {
      ...help,
      why: 'The signing secret is how a webhook endpoint tells Stripe\'s events from forged ones. With it, anyone can send "payment succeeded" or "subscription created" events that the application accepts.',
      fix: 'Roll the endpoint\'s signing secret in the Dashboard (Developers → Webhooks → endpoint → Roll secret) and load it from a secret store.',
    },
  },
  keywords: ['whsec_'],
  pattern: /(?<![\w-])(whsec_[A-Za-z0-9+/]{24,88}={0,2})(?![\w+/=-])/,
  secretGroup: 1,
  validate: (v) => !isDocumentedExample(v) && looksRandom(v.slice(6), 20),
  classify: () => ({ attributes: { keyClass: 'webhook-secret' } }),
  examples: {
    positive: ['STRIPE_WEBHOOK_SECRET=whsec_8jcWUC8K1IBq86ieTspq3BQYECAzWOyg'],
    negative: ['whsec_1234567890abcdef', 'STRIPE_WEBHOOK_SECRET=whsec_', 'whsec_iuyuiowebpfsieivvmhwihncouydowvs'],
  },
};

export default [stripeSecretKey, stripeRestrictedKey, stripePublishableKey, stripeWebhookSecret];
