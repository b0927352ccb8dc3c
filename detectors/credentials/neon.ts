// Neon API keys: napi_ + 64 lower-case alphanumerics. https://neon.com/docs/manage/api-keys
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, lettersAndDigits } from './shared.js';

export const neonApiKey: CredentialRule = {
  meta: {
    id: 'neon-api-key',
    title: 'Neon API key',
    severity: 'high',
    summary: 'Neon API key (napi_): personal, organization or project-scoped access to the Neon API.',
    provider: 'neon',
    credentialType: 'api-key',
    help: {
      why: 'A personal or organization Neon API key can delete projects and branches — and with them the databases and their point-in-time restore history — and reset role passwords; project-scoped keys reach one project.',
      fix: 'Revoke the key (Account or Organization settings → API keys) and create a project-scoped key for automation.',
      references: ['https://neon.com/docs/manage/api-keys', 'https://api-docs.neon.tech/reference/getting-started-with-neon-api'],
    },
  },
  keywords: ['napi_'],
  pattern: /\b(napi_[a-z0-9]{64})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => lettersAndDigits(v.slice(5), 4) && highEntropy(v.slice(5), 4),
  examples: {
    positive: ['NEON_API_KEY=napi_g2c121zeel1ra8w7vprcc57uttvjttm0x6jml6tvg7rqbsytiboh3iea8p3sftj8'],
    negative: ['NEON_API_KEY=napi_g2c121zeel1ra8w7vprcc57uttvjttm0x6jml6tvg7rqbsytiboh3iea8p3sf', 'NEON_API_KEY=napi_G2C121ZEEL1RA8W7VPRCC57UTTVJTTM0X6JML6TVG7RQBSYTIBOH3IEA8P3SFTJ8'],
  },
};

export default [neonApiKey];
