// Braintree (PayPal) access tokens: `access_token$<environment>$<merchant id>$<32 hex>`.
// https://developer.paypal.com/braintree/docs/guides/authorization/access-token
import type { CredentialRule } from '../../src/core/types.js';

export const braintreeAccessToken: CredentialRule = {
  meta: {
    id: 'braintree-access-token',
    title: 'Braintree / PayPal access token',
    severity: 'critical',
    summary: 'Braintree access token (access_token$production$…): charges, refunds and vault access for the merchant.',
    provider: 'braintree',
    credentialType: 'access-token',
    help: {
      why: 'A Braintree access token authenticates server-side SDK calls for the merchant: it can create and refund transactions and read the payment-method vault.',
      fix: 'Revoke the token (PayPal Developer Dashboard or the Braintree Control Panel for the linked merchant), create a new one and keep it in a secret store.',
      references: ['https://developer.paypal.com/braintree/docs/guides/authorization/access-token', 'https://developer.paypal.com/braintree/docs/guides/credentials'],
    },
  },
  keywords: ['access_token$'],
  pattern: /(?<![\w$])(access_token\$(production|sandbox|development|qa)\$([0-9a-z]{16})\$([0-9a-f]{32}))(?![\w$])/,
  secretGroup: 1,
  classify: (v) => {
    const [, env, merchant] = v.split('$');
    return { attributes: { environment: env ?? 'unknown', merchantId: merchant ?? '' } };
  },
  examples: {
    positive: ['BRAINTREE_ACCESS_TOKEN=access_token$production$05c3qbh3m32reck3$92281273bfcb0ee91ea0b28e85a97f99'],
    negative: ['access_token$production$short$4f5251254eab299a51224d207be598ee', 'access_token$production$mszh4hhox43oen6z$9885741012fb27b85eb6'],
  },
};

export default [braintreeAccessToken];
