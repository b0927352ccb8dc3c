// Postman API keys: `PMAK-` + 24 hex + `-` + 34 hex. https://learning.postman.com/docs/developer/postman-api/authentication/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const postmanApiKey: CredentialRule = {
  meta: {
    id: 'postman-api-key',
    title: 'Postman API key',
    severity: 'high',
    summary: 'Postman API key (PMAK-<24 hex>-<34 hex>).',
    provider: 'postman',
    credentialType: 'api-key',
    help: {
      why: 'A Postman API key acts as its user: it reads every collection and environment they can access — which often hold other API secrets — and can change or delete them.',
      fix: 'Revoke the key in Postman (Settings → API keys), rotate any secrets stored in its collections and environments, and keep the new key in a secret store.',
      references: ['https://learning.postman.com/docs/developer/postman-api/authentication/'],
    },
  },
  keywords: ['pmak-'],
  pattern: /(?<![\w-])(PMAK-[0-9a-f]{24}-[0-9a-f]{34})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(30)),
  examples: {
    positive: ['POSTMAN_API_KEY=PMAK-ab9e58f7116786dcd9199ca1-e62c62ae54dd502dd99ca2ae09484cb846'],
    negative: ['PMAK-f7f697446b87b93c96c5b6b5-dddc9727266c1cbed688', 'PMAK-h2Panyk70paDrUQEImKrypdU-kzlI0yj8SJ00Dj35lkLnrPDKbelOEsUSHO'],
  },
};

export default [postmanApiKey];
