// Mailchimp Marketing API keys: 32 hex + `-us<N>` (the data center the account lives in).
// https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';
import { runStartAnchor } from './anchors.js';

export const mailchimpApiKey: CredentialRule = {
  meta: {
    id: 'mailchimp-api-key',
    title: 'Mailchimp API key',
    severity: 'high',
    summary: 'Mailchimp Marketing API key (32 hex + -usN data-center suffix): audiences, campaigns and account data.',
    provider: 'mailchimp',
    credentialType: 'api-key',
    help: {
      why: 'A Mailchimp API key has the access of the user who made it: it can export and delete audience contacts, send campaigns to every subscriber and change account settings.',
      fix: 'Disable the key in Mailchimp (Profile → Extras → API keys), create a new one and keep it in a secret store.',
      references: ['https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key', 'https://mailchimp.com/help/about-api-keys/'],
    },
  },
  keywords: ['-us'],
  pattern: /(?<![0-9A-Za-z])([0-9a-f]{32}-us[0-9]{1,2})(?![0-9A-Za-z])/,
  // The 32 hex digits are the whole run before `-us`: the look-behind forbids starting inside a longer one.
  anchor: runStartAnchor(['-us'], /[0-9a-f]/, 32),
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(0, 32)),
  classify: (v) => ({ attributes: { dataCenter: v.slice(33) } }),
  examples: {
    positive: ['MAILCHIMP_API_KEY=43e9705dac3230ed9589b1d0a7d28b2c-us21'],
    negative: ['MAILCHIMP_API_KEY=ae9bb18af24d91c79d28d75d-us21', 'commit 09d8b23da038ab5459afc4fe1509508d-used'],
  },
};

export default [mailchimpApiKey];
