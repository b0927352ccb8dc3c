// Render API keys: rnd_ + 32 alphanumerics. https://render.com/docs/api#1-create-an-api-key
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, lettersAndDigits } from './shared.js';

export const renderApiKey: CredentialRule = {
  meta: {
    id: 'render-api-key',
    title: 'Render API key',
    severity: 'high',
    summary: 'Render API key (rnd_ prefix): account-wide access to every workspace the user belongs to.',
    provider: 'render',
    credentialType: 'api-key',
    help: {
      why: 'Render API keys are not scoped: a key can manage every service, database and disk in every workspace its creator belongs to — including deleting Postgres instances and their backups, and reading environment groups.',
      fix: 'Revoke the key (Account settings → API keys) and create it under a dedicated user who belongs only to the workspace automation needs.',
      references: ['https://render.com/docs/api#1-create-an-api-key', 'https://api-docs.render.com/reference/authentication'],
    },
  },
  keywords: ['rnd_'],
  pattern: /\b(rnd_[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => lettersAndDigits(v.slice(4)) && highEntropy(v.slice(4), 3.8),
  examples: {
    positive: ['RENDER_API_KEY=rnd_Q7js55SePEOFk2ClxnHpMzDW8X7ED2le'],
    negative: ['RENDER_API_KEY=rnd_Q7js55SePEOFk2ClxnHpMzDW8X7ED2l', 'RENDER_API_KEY=rnd_Q7js55SePEOFk2ClxnHpMzDW8X7ED2leX'],
  },
};

export default [renderApiKey];
