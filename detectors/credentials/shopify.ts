// Shopify app tokens: a four-letter prefix and 32 hex characters.
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
// shpat_ Admin API access token (custom/private app), shpca_ custom app access token, shppa_ private app password
// (legacy), shpss_ app shared secret (verifies webhooks and OAuth).
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

const help = {
  why: 'A Shopify Admin API access token acts as the app on the store: with typical scopes it can read and change orders, customers, products, themes and files, and delete them.',
  fix: 'Uninstall or rotate the app credentials in the Shopify admin (Settings → Apps and sales channels → Develop apps → API credentials), then keep the new token in a secret store.',
  references: [
    'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
    'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin',
  ],
};

function shopifyRule(prefix: string, id: string, title: string, type: string, severity: 'critical' | 'high', summary: string): CredentialRule {
  return {
    meta: { id, title, severity, summary, provider: 'shopify', credentialType: type, help },
    keywords: [prefix],
    pattern: new RegExp(`(?<![\\w-])(${prefix}[a-fA-F0-9]{32})(?![\\w-])`),
    secretGroup: 1,
    validate: (v) => looksRandom(v.slice(6)),
    examples: {
      positive: [`SHOPIFY_TOKEN=${prefix}27e20c6acf501922f57237e0139c76db`],
      negative: [`${prefix}96cf1890ee588be6f3cb07443e9e495`, `${prefix}8EIJlBsapwNDxOUktZJhJi970RBjH1Y3`, `SHOPIFY_TOKEN=${prefix}00000000000000000000000000000000`],
    },
  };
}

export const shopifyAccessToken = shopifyRule('shpat_', 'shopify-access-token', 'Shopify Admin API access token', 'access-token', 'critical', 'Shopify Admin API access token (shpat_).');
export const shopifyCustomAppToken = shopifyRule('shpca_', 'shopify-custom-app-token', 'Shopify custom app access token', 'custom-app-token', 'critical', 'Shopify custom app access token (shpca_).');
export const shopifyPrivateAppPassword = shopifyRule('shppa_', 'shopify-private-app-password', 'Shopify private app password', 'private-app-password', 'critical', 'Shopify legacy private app password (shppa_).');
export const shopifySharedSecret = shopifyRule('shpss_', 'shopify-shared-secret', 'Shopify app shared secret', 'shared-secret', 'high', 'Shopify app shared secret (shpss_): signs webhooks and OAuth exchanges.');

export default [shopifyAccessToken, shopifyCustomAppToken, shopifyPrivateAppPassword, shopifySharedSecret];
