// Cohere API keys: 40 base62 characters with no prefix; the SDKs read CO_API_KEY / COHERE_API_KEY.
// https://docs.cohere.com/docs/rate-limits  https://docs.cohere.com/reference/about
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const cohereApiKey: CredentialRule = {
  meta: {
    id: 'cohere-api-key',
    title: 'Cohere API key',
    severity: 'high',
    summary: 'Cohere API key (40 alphanumeric) bound to a Cohere variable (COHERE_API_KEY, CO_API_KEY) or beside Cohere calls.',
    provider: 'cohere',
    credentialType: 'api-key',
    help: {
      why: 'A Cohere production key spends the organization\'s credit and can read and delete its datasets, connectors and fine-tuned models.',
      fix: 'Delete the key in the Cohere dashboard (API Keys), create a new one and keep it in a secret store.',
      references: ['https://docs.cohere.com/reference/about', 'https://dashboard.cohere.com/api-keys'],
    },
  },
  keywords: ['cohere', 'co_api_key'],
  pattern: /(?<![\w-])([A-Za-z0-9]{40})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && !/^[0-9a-f]+$/.test(v) && boundToProvider(ctx, /cohere|^co_api_key$/i),
  examples: {
    positive: ['COHERE_API_KEY=Zqgdktmv5nqgnCotiETAQFa38UlUVUky70YpXLyY', 'CO_API_KEY="0qgFXH7alYgqwmwEOLJgzw9A9UJP8XUFg7XeUXyh"'],
    negative: ['COHERE_DATASET_ID=4lmaUEegpABD5uWKiT4gbchaq60Gssbq7KPVzF0N', 'COHERE_API_KEY=d2d06f6f365b0c723f087df9a0d418c084d12ae8'],
  },
};

export default [cohereApiKey];
