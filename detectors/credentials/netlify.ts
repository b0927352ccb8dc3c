// Netlify personal access tokens: nfp_ + 40 characters (older tokens: 43 URL-safe characters with context).
// https://docs.netlify.com/api/get-started/#authentication
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, lettersAndDigits, providerSecretContext } from './shared.js';

const help = {
  why: 'A Netlify personal access token acts as its user on every team and site they can reach: it can read build environment variables, deploy to production, change DNS and delete sites.',
  fix: 'Revoke the token (User settings → Applications → Personal access tokens), set an expiry on the replacement, and keep it in the CI secret store.',
  references: ['https://docs.netlify.com/api/get-started/#authentication', 'https://docs.netlify.com/security/secret-scanning/'],
};

export const netlifyPat: CredentialRule = {
  meta: {
    id: 'netlify-personal-access-token',
    title: 'Netlify personal access token',
    severity: 'high',
    summary: 'Netlify personal access token (nfp_ prefix).',
    provider: 'netlify',
    credentialType: 'personal-access-token',
    help,
  },
  keywords: ['nfp_'],
  pattern: /\b(nfp_[A-Za-z0-9]{36,48})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => lettersAndDigits(v.slice(4)) && highEntropy(v.slice(4), 3.8),
  examples: {
    positive: ['NETLIFY_AUTH_TOKEN=nfp_eVJfBHZklFT130Dm4iTbhFMPRhVEi8A0TPdq5499'],
    negative: ['NETLIFY_AUTH_TOKEN=nfp_eVJfBHZklFT130Dm4iTb', 'NETLIFY_AUTH_TOKEN=nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const netlifyLegacyToken: CredentialRule = {
  meta: {
    id: 'netlify-legacy-token',
    title: 'Netlify access token (unprefixed)',
    severity: 'high',
    summary: 'Older unprefixed Netlify access token (43 URL-safe characters) bound to a Netlify-named variable.',
    provider: 'netlify',
    credentialType: 'personal-access-token',
    help,
  },
  keywords: ['netlify'],
  pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => lettersAndDigits(v) && highEntropy(v, 4) && providerSecretContext(ctx, /netlify/i, /token|key|secret|auth/i),
  classify: () => ({ confidence: 'medium' }),
  examples: {
    positive: ['NETLIFY_AUTH_TOKEN=TA9uvSfwBUrcjkCGm-VwHYvkcareAhm34sMUBpzUr_e'],
    negative: ['NETLIFY_SITE_ID=TA9uvSfwBUrcjkCGm-VwHYvkcareAhm34sMUBpzUr_e', 'NETLIFY_AUTH_TOKEN=TA9uvSfwBUrcjkCGm-VwHYvkcareAhm34sMU'],
  },
};

export default [netlifyPat, netlifyLegacyToken];
