// Buildkite user API access tokens: bkua_ + 40 hex. https://buildkite.com/docs/apis/managing-api-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

export const buildkiteApiToken: CredentialRule = {
  meta: {
    id: 'buildkite-api-token',
    title: 'Buildkite API access token',
    severity: 'high',
    summary: 'Buildkite user API access token (bkua_ prefix), with the REST/GraphQL scopes chosen at creation.',
    provider: 'buildkite',
    credentialType: 'api-token',
    help: {
      why: 'A Buildkite API token acts as its user in the organizations it was granted: with write scopes it can create and rebuild builds (running deploy steps), change pipelines and read build logs and artifacts.',
      fix: 'Revoke the token (Personal settings → API access tokens) and create one limited to the organization, scopes and IP ranges needed.',
      references: ['https://buildkite.com/docs/apis/managing-api-tokens', 'https://buildkite.com/docs/pipelines/security/secrets/risk-considerations'],
    },
  },
  keywords: ['bkua_'],
  pattern: /\b(bkua_[a-f0-9]{40})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(5), 3.3),
  examples: {
    positive: ['BUILDKITE_API_TOKEN=bkua_8f111cf53e860975da9c57fd034d24977107f210'],
    negative: ['BUILDKITE_API_TOKEN=bkua_8f111cf53e860975da9c57fd034d24977107f21', 'BUILDKITE_API_TOKEN=bkua_8F111CF53E860975DA9C57FD034D24977107F21Z'],
  },
};

export default [buildkiteApiToken];
