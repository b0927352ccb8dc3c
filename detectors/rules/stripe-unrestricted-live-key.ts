// An unrestricted live Stripe secret key where a restricted key would do.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { credentialLabel } from '../../src/pipeline/chain.js';
import { credentialDraft } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'stripe-unrestricted-live-key',
    title: 'Unrestricted live Stripe secret key',
    severity: 'high',
    category: 'credential-scope',
    confidence: 'high',
    summary: 'A live-mode Stripe secret key (sk_live_): every API operation on the account, where a restricted key (rk_live_) could carry only what the code uses.',
    help: {
      why: 'A live secret key can create refunds and payouts, read every customer and payment method, and delete customers, products and webhook endpoints. Most services call a handful of endpoints; a restricted key limits a leak — or a script, or an agent — to those.',
      fix: 'Create a restricted key (Dashboard → Developers → API keys → Create restricted key) with only the resources and permissions the service uses, store it in a secret manager, and roll the exposed secret key.',
      references: ['https://docs.stripe.com/keys#limit-access', 'https://docs.stripe.com/keys-best-practices'],
    },
  },
  check: ({ credentials, graph }) =>
    credentials
      .filter((c) => c.provider === 'stripe' && c.type === 'secret-key' && (c.attributes.mode === 'live' || c.preview.startsWith('sk_live')))
      .map((c) => credentialDraft(c, graph, `${credentialLabel(c)} is an unrestricted live secret key: refunds, payouts and deletes on the whole Stripe account. Use a restricted key with only the permissions this code needs.`)),
  examples: [
    {
      name: 'sk_live_ key in a server env file',
      repo: { 'services/billing/.env.production': 'STRIPE_SECRET_KEY=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\n' },
      fires: true,
      mentions: 'restricted key',
    },
    {
      name: 'restricted live key (rk_live_)',
      repo: { 'services/billing/.env.production': 'STRIPE_KEY="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"\n' },
      fires: false,
    },
    {
      name: 'test-mode secret key',
      repo: { 'services/billing/.env.development': "STRIPE_SECRET_KEY=sk_test_51py9LvP56i3B8tXHEFOk4Tsfnewns04zKSs6mGwtIqxhA27q1Tl7VVKvHTXtu\n" },
      fires: false,
    },
  ],
};

export default rule;
