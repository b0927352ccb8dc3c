// Mistral AI API keys: 32 base62 characters with no prefix, so a Mistral variable or nearby Mistral API use is required.
// https://docs.mistral.ai/getting-started/quickstart/#account-setup
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const mistralApiKey: CredentialRule = {
  meta: {
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    severity: 'high',
    summary: 'Mistral AI API key (32 alphanumeric) bound to a Mistral variable or beside api.mistral.ai.',
    provider: 'mistral',
    credentialType: 'api-key',
    help: {
      why: 'A Mistral key spends the workspace\'s credit and can read and delete its files, fine-tuning jobs and agents.',
      fix: 'Delete the key in La Plateforme (console.mistral.ai → API Keys), create a new one and keep it in a secret store.',
      references: ['https://docs.mistral.ai/getting-started/quickstart/#account-setup', 'https://docs.mistral.ai/api/'],
    },
  },
  keywords: ['mistral'],
  pattern: /(?<![\w-])([A-Za-z0-9]{32})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && boundToProvider(ctx, /mistral/i),
  examples: {
    positive: ['MISTRAL_API_KEY=jvniwwX7JB9CwDjGIuZcq940gLPhPGCZ'],
    negative: ['MISTRAL_MODEL_VERSION=Cj6v4lfG8Z5o2k0sBZZtBSrUDTWGAS7f', 'MISTRAL_API_KEY=kLCva7KSbKHPF9fslj7OHDqz'],
  },
};

export default [mistralApiKey];
