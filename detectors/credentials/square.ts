// Square access tokens and OAuth application secrets. https://developer.squareup.com/docs/build-basics/access-tokens
// Access tokens: `EAAA` + 60 base64url characters (current) or `sq0atp-` + 22 (legacy personal access tokens).
// OAuth application secrets: `sq0csp-` + 43. Meta's access tokens also start with `EAA` but are 100+ alphanumeric
// characters; the exact length here keeps the two apart.
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

const help = {
  why: 'A Square access token acts for the seller account (or the authorising seller, for OAuth tokens): it can take and refund payments, read customer and order data, and change catalog, inventory and locations, as far as its permissions go.',
  fix: 'Revoke the token in the Square Developer Console (Credentials, or the OAuth page for application secrets), issue a replacement and keep it in a secret store.',
  references: ['https://developer.squareup.com/docs/build-basics/access-tokens', 'https://developer.squareup.com/docs/oauth-api/overview'],
};

export const squareAccessToken: CredentialRule = {
  meta: {
    id: 'square-access-token',
    title: 'Square access token',
    severity: 'critical',
    summary: 'Square personal or OAuth access token (EAAA… or legacy sq0atp-).',
    provider: 'square',
    credentialType: 'access-token',
    help,
  },
  keywords: ['eaaa', 'sq0atp-'],
  pattern: /(?<![\w-])(EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.replace(/^(?:EAAA|sq0atp-)/, ''), 20),
  classify: (v) => ({ attributes: { format: v.startsWith('EAAA') ? 'current' : 'legacy' } }),
  examples: {
    positive: ['SQUARE_ACCESS_TOKEN=EAAAo8tFQiB7hbJGbxuvxefWMwPOnbIujxWzLadbJf6MdvUE7WuLl-IHqu2XJyFG', 'square_token: sq0atp-Bn5bkAxNgeNMy-xS2Xaxjo'],
    negative: ['EAAA1ER2UJCXhQjN3HvUxSv8BmsK6SxPV8YHEZZcQK_g', 'sq0atp-tooShort', 'SQUARE_ACCESS_TOKEN=EAAAFIwlIHzWQloUr1jN66NCLe2FHVHDLkCBnDBFW7zXpO9tU20V0RhEGBFkvX4SlKROAHUHDFNRtG6hpyNz5ewPqWHbdcdohV2dNK5aPjxuirwrwE03YYNRChF3'],
  },
};

export const squareOauthSecret: CredentialRule = {
  meta: {
    id: 'square-oauth-secret',
    title: 'Square OAuth application secret',
    severity: 'high',
    summary: 'Square OAuth application secret (sq0csp-): exchanges authorization codes and refreshes seller tokens.',
    provider: 'square',
    credentialType: 'oauth-secret',
    help,
  },
  keywords: ['sq0csp-'],
  pattern: /(?<![\w-])(sq0csp-[A-Za-z0-9_-]{43})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(7), 20),
  examples: {
    positive: ['SQUARE_APP_SECRET=sq0csp-gRbrfD2HOiKiZjkTHZnQZ4genj41XiucuUUe5gRKe7U'],
    negative: ['sq0csp-eU8GpVovlsbumAaEDGOocdBD3kNk0p', 'sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export default [squareAccessToken, squareOauthSecret];
