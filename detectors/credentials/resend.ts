// Resend API keys: `re_` + an 8-character key id + `_` + a 24-character secret (base62).
// https://resend.com/docs/dashboard/api-keys/introduction
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const resendApiKey: CredentialRule = {
  meta: {
    id: 'resend-api-key',
    title: 'Resend API key',
    severity: 'high',
    summary: 'Resend API key (re_<id>_<secret>): sends email from your domains; full-access keys manage domains and keys.',
    provider: 'resend',
    credentialType: 'api-key',
    help: {
      why: 'A Resend key sends email from your verified domains; a full-access key can also list and delete domains, audiences and other API keys.',
      fix: 'Delete the key in the Resend dashboard (API Keys), create a sending-only key restricted to the domain in use, and keep it in a secret store.',
      references: ['https://resend.com/docs/dashboard/api-keys/introduction', 'https://resend.com/docs/api-reference/api-keys/create-api-key'],
    },
  },
  keywords: ['re_'],
  pattern: /(?<![\w-])(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{20,32})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(12), 20) && /[0-9]/.test(v.slice(3)),
  examples: {
    positive: ['RESEND_API_KEY=re_v9xraOVC_AgRIZ3tBcD7S25kZ6iKpkEv0'],
    negative: ['re_compile_patternsForTheTestSuite', 'RESEND_API_KEY=re_QxTe8e1F_short'],
  },
};

export default [resendApiKey];
