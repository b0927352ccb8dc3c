// JFrog Artifactory credentials: API keys (AKCp + 69 characters; deprecated but still accepted where enabled) and
// reference tokens (64 characters, base64 of "reftkn:01:…", so always starting cmVmdGtu).
// https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, mixedAlnum } from './shared.js';

const help = {
  why: 'An Artifactory API key or access token acts as its user on every repository they can reach: deploying over release artifacts, deleting them, or reading private packages and build info.',
  fix: 'Revoke the API key or token (Edit profile / Administration → Access tokens), and use scoped, expiring access tokens (or OIDC from CI) instead of API keys.',
  references: [
    'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key-deprecation',
  ],
};

function host(window: string): Record<string, string> {
  const h = /([a-z0-9-]+\.jfrog\.io)/i.exec(window)?.[1];
  return h ? { host: h } : {};
}

export const jfrogApiKey: CredentialRule = {
  meta: {
    id: 'jfrog-api-key',
    title: 'JFrog Artifactory API key',
    severity: 'high',
    summary: 'JFrog Artifactory API key (AKCp prefix, 73 characters).',
    provider: 'jfrog',
    credentialType: 'api-key',
    help,
  },
  keywords: ['akcp'],
  pattern: /\b(AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => mixedAlnum(v.slice(4)) && highEntropy(v.slice(4), 4.5),
  classify: (_v, ctx) => ({ attributes: host(ctx.window) }),
  examples: {
    positive: ['ARTIFACTORY_API_KEY=AKCp8ppEUCsaVQS5IFk4sUCgSEbw9HQowQK5mAXEgmjnIaDwAoBuQ78ZUQAaRWJH1i7v81uXg'],
    negative: ['ARTIFACTORY_API_KEY=AKCp8ppEUCsaVQS5IFk4sUCgSEbw9HQowQK5mAXEgmjnIaDwAoBuQ78ZUQAaRWJH1i7v81uX', 'ARTIFACTORY_API_KEY=AKCp8ppEUCsaVQS5IFk4sUCgSEbw9HQowQK5mAXEgmjnIaDwAoBuQ78ZUQAaRWJH1i7v81uXgQ'],
  },
};

export const jfrogReferenceToken: CredentialRule = {
  meta: {
    id: 'jfrog-reference-token',
    title: 'JFrog reference token',
    severity: 'high',
    summary: 'JFrog Platform reference token (64 characters, base64 of "reftkn:…").',
    provider: 'jfrog',
    credentialType: 'access-token',
    help,
  },
  keywords: ['cmvmdgtu'],
  pattern: /\b(cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => Buffer.from(v, 'base64').toString('latin1').startsWith('reftkn:') && highEntropy(v.slice(16), 4),
  classify: (_v, ctx) => ({ attributes: host(ctx.window) }),
  examples: {
    positive: ['JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjE3xYhU3ehKN9O6YzO9yOHo5ap6NOc5zKheNCTFGFBxEdQHAcDW\nJFROG_URL=https://acme.jfrog.io'],
    negative: ['JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjE3xYhU3ehKN9O6YzO9yOHo5ap6NOc5zKheNCTFGFBxEdQHAcD', 'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjE3xYhU3ehKN9O6YzO9yOHo5ap6NOc5zKheNCTFGFBxEdQHAcDWq'],
  },
};

export default [jfrogApiKey, jfrogReferenceToken];
