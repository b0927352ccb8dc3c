// Mailgun API keys. https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key
// Legacy keys are `key-` + 32 hex; current account and domain sending keys are `<32 hex>-<8 hex>-<8 hex>`. The `key-`
// prefix is short and the new format has no prefix, so both need Mailgun context; with it, a legacy body of any 32
// lower-case letters and digits is taken (hex is the documented case), since the context already makes it Mailgun's.
import type { CredentialRule } from '../../src/core/types.js';
import { boundToProvider } from './shared.js';

const help = {
  why: 'A Mailgun private API key sends mail from every domain on the account, reads logs and stored messages, and manages domains, routes and webhooks; a domain sending key is limited to sending from one domain.',
  fix: 'Delete or rotate the key in the Mailgun control panel (API Security), replace it with a domain sending key where only sending is needed, and keep it in a secret store.',
  references: ['https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/', 'https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials'],
};
const MAILGUN = /mailgun|\bmg[_-]|api\.mailgun\.net|api\.eu\.mailgun\.net/i;

export const mailgunLegacyKey: CredentialRule = {
  meta: {
    id: 'mailgun-api-key',
    title: 'Mailgun API key (legacy key- format)',
    severity: 'high',
    summary: 'Mailgun private API key in the legacy `key-` + 32 hex format, with Mailgun context.',
    provider: 'mailgun',
    credentialType: 'api-key',
    help,
  },
  keywords: ['key-'],
  pattern: /(?<![\w-])(key-[0-9a-z]{32})(?![\w-])/,
  secretGroup: 1,
  validate: (_v, ctx) => boundToProvider(ctx, MAILGUN),
  examples: {
    positive: ['MAILGUN_API_KEY=key-b505fa2e6c1e1cf729636ec79ff74946'],
    negative: ['CACHE_KEY=key-6c07868e763712524d83229c9dce48dc', 'MAILGUN_API_KEY=key-0853ed3502ecc5168c58'],
  },
};

export const mailgunPrivateKey: CredentialRule = {
  meta: {
    id: 'mailgun-private-key',
    title: 'Mailgun API key',
    severity: 'high',
    summary: 'Mailgun account or domain sending key (32 hex - 8 hex - 8 hex), with Mailgun context.',
    provider: 'mailgun',
    credentialType: 'api-key',
    help,
  },
  keywords: ['mailgun', 'mg_'],
  pattern: /(?<![\w-])([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![\w-])/,
  secretGroup: 1,
  validate: (_v, ctx) => boundToProvider(ctx, MAILGUN),
  classify: (_v, ctx) => ({ attributes: { keyClass: /sending|domain/i.test(ctx.variable ?? '') ? 'domain-sending' : 'account-or-unknown' } }),
  examples: {
    positive: ['MAILGUN_API_KEY=281c6ee6e3507088d49b6e14186e46f5-1eab0d61-68bc26a3'],
    negative: ['BUILD_ID=cc9b79446879478edfa9391ade3b4a4d-d6e0a03f-5d5b4b5e # mailgun', 'MAILGUN_API_KEY=d0eb1d232f2bb1057993443344cb6913-9d69b04a'],
  },
};

export default [mailgunLegacyKey, mailgunPrivateKey];
