// Replicate API tokens: `r8_` + 37 base62 characters. https://replicate.com/docs/topics/security/api-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const replicateApiToken: CredentialRule = {
  meta: {
    id: 'replicate-api-token',
    title: 'Replicate API token',
    severity: 'high',
    summary: 'Replicate API token (r8_ + 37).',
    provider: 'replicate',
    credentialType: 'api-token',
    help: {
      why: 'A Replicate token runs models billed to the account and can create, update and delete its models, deployments and trainings.',
      fix: 'Disable the token at replicate.com/account/api-tokens, create a new one and keep it in a secret store.',
      references: ['https://replicate.com/docs/topics/security/api-tokens', 'https://replicate.com/docs/reference/http#authentication'],
    },
  },
  keywords: ['r8_'],
  pattern: /(?<![\w-])(r8_[A-Za-z0-9]{37})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(3)),
  examples: {
    positive: ['REPLICATE_API_TOKEN=r8_xxY9dPow0Hi75fiehtKsnhzDAssPlic21F8Cm'],
    negative: ['r8_LOAXarLsyQx0ZBjcyXrc', 'REPLICATE_API_TOKEN=r8_kuifrmolkacbkfeijjndmiixzzaotlkudgrse'],
  },
};

export default [replicateApiToken];
