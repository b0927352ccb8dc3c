// Koyeb API access tokens have no prefix: 64 alphanumerics, recognised by a KOYEB-named variable (the CLI reads
// KOYEB_TOKEN) or the Koyeb API nearby. https://www.koyeb.com/docs/reference/api#authentication
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, mixedAlnum, providerSecretContext } from './shared.js';

export const koyebApiToken: CredentialRule = {
  meta: {
    id: 'koyeb-api-token',
    title: 'Koyeb API access token',
    severity: 'high',
    summary: 'Koyeb API access token, recognised by a Koyeb-named variable or app.koyeb.com API calls nearby.',
    provider: 'koyeb',
    credentialType: 'api-token',
    help: {
      why: 'A Koyeb API access token is organisation-wide: it can redeploy, read secrets and delete every app, service and volume in the organisation.',
      fix: 'Delete the token (Organization settings → API) and keep its replacement in the CI secret store.',
      references: ['https://www.koyeb.com/docs/reference/api#authentication', 'https://www.koyeb.com/docs/build-and-deploy/cli/installation#login'],
    },
  },
  keywords: ['koyeb'],
  pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9]{64})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => mixedAlnum(v) && highEntropy(v, 4.5) && providerSecretContext(ctx, /koyeb/i, /token|key|secret|auth|bearer/i),
  classify: () => ({ confidence: 'medium' }),
  examples: {
    positive: ['KOYEB_TOKEN=jOHbL8rXK68eFgdSigmxMhtjRplO3HTxRzp4ZGwBitRwTJHEzjPSVucBltIm8G0S'],
    negative: ['KOYEB_APP=jOHbL8rXK68eFgdSigmxMhtjRplO3HTxRzp4ZGwBitRwTJHEzjPSVucBltIm8G0S', 'KOYEB_TOKEN=jOHbL8rXK68eFgdSigmxMhtjRplO3HTxRzp4ZGwBitRwTJHEzjPSVucBlt'],
  },
};

export default [koyebApiToken];
