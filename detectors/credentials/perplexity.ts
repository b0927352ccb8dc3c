// Perplexity API keys: `pplx-` + 48 base62 characters. https://docs.perplexity.ai/guides/getting-started
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const perplexityApiKey: CredentialRule = {
  meta: {
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    severity: 'high',
    summary: 'Perplexity API key (pplx- + 48).',
    provider: 'perplexity',
    credentialType: 'api-key',
    help: {
      why: 'A Perplexity key spends the account\'s API credit.',
      fix: 'Delete the key in Perplexity settings (API), create a new one and keep it in a secret store.',
      references: ['https://docs.perplexity.ai/guides/getting-started', 'https://www.perplexity.ai/settings/api'],
    },
  },
  keywords: ['pplx-'],
  pattern: /(?<![\w-])(pplx-[A-Za-z0-9]{48})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(5)),
  examples: {
    positive: ['PERPLEXITY_API_KEY=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'],
    negative: ['pplx-MVA2O07eFTqdB7iDoL4XOPlkRndzoc', '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'],
  },
};

export default [perplexityApiKey];
