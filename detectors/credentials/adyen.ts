// Adyen API keys: `AQE` + base64, a `-`, and a second base64 segment (newer keys add a third, `-`-separated part).
// Nothing in the value names Adyen beyond the short `AQE` prefix, so an Adyen variable or nearby Adyen host is required.
// https://docs.adyen.com/development-resources/api-credentials/
import type { CredentialRule } from '../../src/core/types.js';
import { boundToProvider } from './shared.js';

export const adyenApiKey: CredentialRule = {
  meta: {
    id: 'adyen-api-key',
    title: 'Adyen API key',
    severity: 'critical',
    summary: 'Adyen API credential key (AQE…-…), recognised with Adyen context.',
    provider: 'adyen',
    credentialType: 'api-key',
    help: {
      why: 'An Adyen API key authenticates as an API credential of the company or merchant account: depending on its roles it can make and refund payments, read transaction data and manage the account.',
      fix: 'Generate a new key for the API credential in the Adyen Customer Area (Developers → API credentials), deploy it from a secret store, then revoke the old one.',
      references: ['https://docs.adyen.com/development-resources/api-credentials/', 'https://docs.adyen.com/development-resources/api-authentication/'],
    },
  },
  keywords: ['adyen'],
  pattern: /(?<![A-Za-z0-9+/-])(AQE[A-Za-z0-9+/]{40,200}={0,2}-[A-Za-z0-9+/]{40,60}={0,2})(?![A-Za-z0-9+/=])/,
  secretGroup: 1,
  validate: (_v, ctx) => boundToProvider(ctx, /adyen/i),
  examples: {
    positive: ['ADYEN_API_KEY=AQE4p1WQh4VkJjgYdnhky7Xl8mVXFBAncLGPfiEponEvfPB4lqW0Qf1hkMRKqMCbQlLj0Xe0iOr=-gFI5uOUr9ckJ6LGPBHZpsGSTYyGmuUTnobsskmnip1+='],
    negative: ['SOME_BLOB=AQE4b3xjPx+ygxkeKeSFLx4qJzrUDlBmNY7Vb8EuI1EgloiJeXcj3Qv10XOVK4YeS2k75Ey0q3+=-tk7WndyL84nGOc29FPYBXkNSjdCElf303svMZQpW+19=', 'ADYEN_API_KEY=AQE8/SReL+MjXyNloB/tR7w'],
  },
};

export default [adyenApiKey];
