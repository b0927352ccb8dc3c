// Linear API keys `lin_api_` + 40 base62, OAuth access tokens `lin_oauth_` + 64 hex.
// https://linear.app/developers/graphql#personal-api-keys  https://linear.app/developers/oauth-2-0-authentication
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

const help = {
  why: 'A Linear API key acts as the user in every team they can access: it can read issues (often holding incident and security details), and create, change or delete issues, projects and comments.',
  fix: 'Revoke the key in Linear (Settings → Account → Security & access → API keys), create one with restricted permissions and teams, and keep it in a secret store.',
  references: ['https://linear.app/developers/graphql#personal-api-keys', 'https://linear.app/developers/oauth-2-0-authentication'],
};

export const linearApiKey: CredentialRule = {
  meta: { id: 'linear-api-key', title: 'Linear API key', severity: 'high', summary: 'Linear personal API key (lin_api_ + 40).', provider: 'linear', credentialType: 'api-key', help },
  keywords: ['lin_api_'],
  pattern: /(?<![\w-])(lin_api_[A-Za-z0-9]{40})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(8)),
  examples: {
    positive: ['LINEAR_API_KEY=lin_api_GTwsk6YtGA9Rjvfnsz7j5SF30BLCUjOQ4DzrnUyy'],
    negative: ['lin_api_rvXCH9XSt2NaeFMhEgKZ', 'lin_api_tgztcprzcaajuzksftcqditqrvjkhtoxxajcvozh'],
  },
};

export const linearOauthToken: CredentialRule = {
  meta: { id: 'linear-oauth-token', title: 'Linear OAuth access token', severity: 'high', summary: 'Linear OAuth access token (lin_oauth_ + 64 hex).', provider: 'linear', credentialType: 'oauth-token', help },
  keywords: ['lin_oauth_'],
  pattern: /(?<![\w-])(lin_oauth_[0-9a-f]{64})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(10)),
  examples: {
    positive: ['token: lin_oauth_5b98fa490589955b399bd7a0bf1a68f8630b66597c821e73f18ed5852181e969'],
    negative: ['lin_oauth_37903d065497f13d3bb6540ad5c493d16d9fd33e', 'lin_oauth_y4QbNyXiIvV97JtQdZPUuyjpCQF0mHADAw1z4feBvUKbTtNFEXbivtt947GxWT9k'],
  },
};

export default [linearApiKey, linearOauthToken];
