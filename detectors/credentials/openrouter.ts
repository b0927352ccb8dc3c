// OpenRouter API keys: `sk-or-v1-` + 64 hex characters. https://openrouter.ai/docs/api-reference/authentication
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const openrouterApiKey: CredentialRule = {
  meta: {
    id: 'openrouter-api-key',
    title: 'OpenRouter API key',
    severity: 'high',
    summary: 'OpenRouter API key (sk-or-v1- + 64 hex).',
    provider: 'openrouter',
    credentialType: 'api-key',
    help: {
      why: 'An OpenRouter key spends the account\'s credit on any model it routes to, up to the key\'s own limit if one was set.',
      fix: 'Delete the key at openrouter.ai/settings/keys, create one with a credit limit, and keep it in a secret store.',
      references: ['https://openrouter.ai/docs/api-reference/authentication', 'https://openrouter.ai/docs/api-reference/api-keys/create-api-key'],
    },
  },
  keywords: ['sk-or-'],
  pattern: /(?<![\w-])(sk-or-v1-[0-9a-f]{64})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(9)),
  examples: {
    positive: ['OPENROUTER_API_KEY=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'],
    negative: ['sk-or-v1-4a535c4e9f032373e3bfc1446fd439f10bd82fe4', 'sk-or-v1-DgMvHVKUKlgpGYvNsUOGKgPBNvm7r2EgjtZLLTw2pSdWvuOCauf4Uo52T9TWJoDz'],
  },
};

export default [openrouterApiKey];
