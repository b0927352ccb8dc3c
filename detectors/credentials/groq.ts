// Groq API keys: `gsk_` + 52 base62 characters. https://console.groq.com/docs/quickstart
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const groqApiKey: CredentialRule = {
  meta: {
    id: 'groq-api-key',
    title: 'Groq API key',
    severity: 'high',
    summary: 'Groq API key (gsk_ + 52).',
    provider: 'groq',
    credentialType: 'api-key',
    help: {
      why: 'A Groq key spends the organization\'s quota and credit and can read its batches and files.',
      fix: 'Delete the key in the Groq console (API Keys), create a new one and keep it in a secret store.',
      references: ['https://console.groq.com/docs/quickstart', 'https://console.groq.com/docs/api-reference'],
    },
  },
  keywords: ['gsk_'],
  pattern: /(?<![\w-])(gsk_[A-Za-z0-9]{52})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(4)),
  examples: {
    positive: ['GROQ_API_KEY=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'],
    negative: ['gsk_vnBQ139emD5BXqtsKU00Lbzhbv5hvnEOGFQpL6B1', 'GROQ_API_KEY=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'],
  },
};

export default [groqApiKey];
