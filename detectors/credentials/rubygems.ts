// RubyGems.org API keys: rubygems_ + 48 hex. https://guides.rubygems.org/api-key-scopes/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

export const rubygemsApiKey: CredentialRule = {
  meta: {
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    severity: 'high',
    summary: 'RubyGems.org API key (rubygems_ prefix), with the scopes chosen at creation (push, yank, owners).',
    provider: 'rubygems',
    credentialType: 'api-key',
    help: {
      why: 'A RubyGems key with push or yank scope can publish a malicious version of, or yank, every gem its owner maintains (or the one gem it is scoped to).',
      fix: 'Delete the key (rubygems.org → Settings → API keys), require MFA for push, and publish from CI with trusted publishing.',
      references: ['https://guides.rubygems.org/api-key-scopes/', 'https://guides.rubygems.org/trusted-publishing/'],
    },
  },
  keywords: ['rubygems_'],
  pattern: /\b(rubygems_[a-f0-9]{48})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(9), 3.3),
  examples: {
    positive: [{ text: '---\n:rubygems_api_key: rubygems_2b83c8c5b9c0594f63c662269ec111e9280699e297d61858', path: '.gem/credentials' }],
    negative: ['GEM_HOST_API_KEY=rubygems_2b83c8c5b9c0594f63c662269ec111e9280699e297d6185', 'GEM_HOST_API_KEY=rubygems_2B83C8C5B9C0594F63C662269EC111E9280699E297D6185Z'],
  },
};

export default [rubygemsApiKey];
