// Production credentials sitting in tests, fixtures, docs, examples or development env files.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Credential } from '../../src/core/types.js';
import { credentialLabel, where } from '../../src/pipeline/chain.js';
import { credentialDraft, nonProductionPath } from './shared.js';

/** Why the credential is a production one: its kind (live keys) or another place it is used. */
function productionBecause(c: Credential): string | undefined {
  if (c.scope.environments?.includes('production')) return `it is a ${/live/.test(c.preview) || c.attributes.mode === 'live' ? 'live-mode' : 'production'} credential`;
  const prod = c.locations.find((l) => l.environment === 'production' && !nonProductionPath(l.path));
  return prod ? `the same value is production's (${where(prod)})` : undefined;
}

const rule: FindingRule = {
  meta: {
    id: 'production-credential-in-non-production-path',
    title: 'Production credential in test, docs or development files',
    severity: 'high',
    category: 'secret-exposure',
    confidence: 'medium',
    summary: 'A live-mode key, or a value production also uses, found under tests/, fixtures/, docs/, examples/ or in a .env.development/.env.test file.',
    help: {
      why: 'Test suites, fixtures and docs get copied, run in CI from forks, pasted into issues and read by every agent working on "just the tests". A production key there runs real charges, deletes real data, and is rarely rotated because nobody thinks of it as production.',
      fix: 'Rotate the credential. Use test-mode keys (Stripe `sk_test_`), local emulators or per-developer credentials in tests and docs, with obvious placeholders (`sk_test_...`) in examples.',
      references: ['https://docs.stripe.com/keys#test-live-modes', 'https://owasp.org/www-project-devsecops-guideline/latest/01a-Secrets-Management'],
    },
  },
  check: ({ credentials, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      if (c.type.includes('publishable') || c.type === 'key-id' || c.type === 'anon-key') continue;
      const at = c.locations.find((l) => !l.commit && nonProductionPath(l.path));
      if (!at) continue;
      const because = productionBecause(c);
      if (!because) continue;
      out.push(credentialDraft(c, graph, `${credentialLabel(c)} sits in ${nonProductionPath(at.path)} (${where(at)}), but ${because}.`, { at }));
    }
    return out;
  },
  examples: [
    {
      name: 'live Stripe key in a test',
      repo: { 'tests/payments.test.ts': "const stripe = new Stripe('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');\n" },
      fires: true,
      mentions: 'live-mode',
    },
    {
      name: 'production token copied into the docs',
      repo: {
        '.env.production': 'GITHUB_TOKEN=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\n',
        'docs/setup.md': '# Setup\n\nexport GITHUB_TOKEN=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\n',
      },
      fires: true,
      mentions: 'docs/setup.md',
    },
    {
      name: 'test-mode Stripe key in a test',
      repo: { 'tests/payments.test.ts': "const stripe = new Stripe('sk_test_51py9LvP56i3B8tXHEFOk4Tsfnewns04zKSs6mGwtIqxhA27q1Tl7VVKvHTXtu');\n" },
      fires: false,
    },
  ],
};

export default rule;
