// Typeform personal access tokens: `tfp_` + ~44 base62, `_`, and a ~14-character suffix.
// https://www.typeform.com/developers/get-started/personal-access-token/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const typeformPat: CredentialRule = {
  meta: {
    id: 'typeform-personal-access-token',
    title: 'Typeform personal access token',
    severity: 'medium',
    summary: 'Typeform personal access token (tfp_).',
    provider: 'typeform',
    credentialType: 'personal-access-token',
    help: {
      why: 'A Typeform token reads form responses (often personal data) and, with write scopes, changes or deletes forms, workspaces and webhooks.',
      fix: 'Revoke the token in Typeform (Account → Personal tokens), create one with the fewest scopes, and keep it in a secret store.',
      references: ['https://www.typeform.com/developers/get-started/personal-access-token/'],
    },
  },
  keywords: ['tfp_'],
  pattern: /(?<![\w-])(tfp_[A-Za-z0-9]{40,50}_[A-Za-z0-9]{10,20})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(4).replace('_', '')),
  examples: {
    positive: ['TYPEFORM_TOKEN=tfp_pNjPhrN4sEYCzJ9iRkeKNp5FO6ziZoX7VFwXt0jzJWzT_9nNTtyB3A5olbj'],
    negative: ['tfp_XHR7xPyrgwKk7mJHIcd5_nVPe48rZSaLbKt', 'tfp_ZqVCx39ZMknVI5eYJFPLduR772Gy0Fq9BwFfevHsLb28'],
  },
};

export default [typeformPat];
