// SendGrid API keys: `SG.` + 22-character key id + `.` + 43-character secret (base64url).
// https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
import type { CredentialRule } from '../../src/core/types.js';
import { isDocumentedExample, looksRandom } from './shared.js';

export const sendgridApiKey: CredentialRule = {
  meta: {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    severity: 'high',
    summary: 'SendGrid API key (SG.<22>.<43>): sends mail as your verified domains; full-access keys manage the account.',
    provider: 'sendgrid',
    credentialType: 'api-key',
    help: {
      why: 'A SendGrid key can send email from your verified domains — phishing that passes SPF and DKIM — and, with full access, read contacts and change account settings, including creating more keys.',
      fix: 'Delete the key in SendGrid (Settings → API Keys), create a replacement with only the Mail Send permission if that is all that is needed, and keep it in a secret store.',
      references: ['https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys', 'https://www.twilio.com/docs/sendgrid/api-reference/api-keys'],
    },
  },
  keywords: ['sg.'],
  pattern: /(?<![\w.-])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => !isDocumentedExample(v) && looksRandom(v.slice(26), 20),
  examples: {
    positive: ['SENDGRID_API_KEY=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'],
    negative: ['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', 'SG.YXkiBkJ_moxnm8Gko8FrHo.ds4wcCJRkr_o-44t2oNO'],
  },
};

export default [sendgridApiKey];
