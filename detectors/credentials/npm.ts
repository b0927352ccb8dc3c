// npm access tokens: npm_ + 30 random base62 characters + a 6-character base62 CRC32 of them (the GitHub scheme,
// announced for npm in 2021). Older tokens are UUIDs, found as `_authToken=` in .npmrc.
// https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/  https://docs.npmjs.com/about-access-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { base62ChecksumOk } from './shared.js';

const help = {
  why: 'An npm token publishes as its user: a "publish" or granular read-write token can push a malicious version of every package the user maintains — a supply-chain attack on everyone who installs them — or unpublish and deprecate them.',
  fix: 'Revoke the token (npmjs.com → Access Tokens, or `npm token revoke`), publish from CI with trusted publishing (OIDC) instead of stored tokens, and require 2FA for publishing.',
  references: ['https://docs.npmjs.com/about-access-tokens', 'https://docs.npmjs.com/trusted-publishers', 'https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/'],
};

export const npmAccessToken: CredentialRule = {
  meta: {
    id: 'npm-access-token',
    title: 'npm access token',
    severity: 'high',
    summary: 'npm access token (npm_ prefix, CRC32 checksum verified).',
    provider: 'npm',
    credentialType: 'access-token',
    help,
  },
  keywords: ['npm_'],
  pattern: /\b(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => base62ChecksumOk(v.slice(4, 34), v.slice(34)),
  classify: (_v, ctx) => {
    const registry = /\/\/([A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s:]*)?):_authToken/.exec(ctx.line)?.[1];
    return registry ? { attributes: { registry } } : undefined;
  },
  examples: {
    positive: [{ text: '//registry.npmjs.org/:_authToken=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', path: '.npmrc' }, 'NPM_TOKEN=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'],
    negative: ['NPM_TOKEN=npm_m8A4mbqz2pTvG1DfXSO79rHLBdk8hu0CktXK', 'NPM_TOKEN=npm_m8A4mbqz2pTvG1DfXSO79rHLBdk8hu0Ckt'],
  },
};

export const npmLegacyToken: CredentialRule = {
  meta: {
    id: 'npm-legacy-token',
    title: 'npm access token (legacy UUID)',
    severity: 'high',
    summary: 'Legacy npm token (a UUID) as an .npmrc `_authToken`; the registry host is recorded.',
    provider: 'npm',
    credentialType: 'access-token',
    help,
  },
  keywords: ['_authtoken'],
  pattern: /_authToken\s*=\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i,
  secretGroup: 1,
  classify: (_v, ctx) => {
    const registry = /\/\/([A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s:]*)?):_authToken/.exec(ctx.line)?.[1];
    return registry ? { attributes: { registry } } : undefined;
  },
  examples: {
    positive: [{ text: '//registry.npmjs.org/:_authToken=2630ec21-441a-448c-bee0-6f1387d0f160', path: '.npmrc' }],
    negative: [{ text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', path: '.npmrc' }, 'packageId=2630ec21-441a-448c-bee0-6f1387d0f160'],
  },
};

export default [npmAccessToken, npmLegacyToken];
