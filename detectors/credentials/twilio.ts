// Twilio credentials. https://www.twilio.com/docs/iam/api-keys  https://www.twilio.com/docs/iam/credentials/api
// Account SID `AC` + 32 hex (an identifier, reported for attribution), API key SID `SK` + 32 hex, and the secrets:
// the account auth token (32 hex) and an API key secret (32 alphanumeric), which carry no prefix and need context.
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

const help = {
  why: 'The auth token (or an API key with its secret) authenticates as the Twilio account: it can send SMS and calls billed to you, read message logs and recordings, buy numbers and change account settings.',
  fix: 'Rotate the auth token (Console → Account → API keys & tokens → Request a secondary token, then promote) or delete the API key, and keep the replacement in a secret store.',
  references: ['https://www.twilio.com/docs/iam/api-keys', 'https://www.twilio.com/docs/iam/api/authtoken', 'https://www.twilio.com/docs/glossary/what-is-a-sid'],
};
const TWILIO = /twilio/i;

export const twilioApiKey: CredentialRule = {
  meta: {
    id: 'twilio-api-key',
    title: 'Twilio API key SID',
    severity: 'medium',
    summary: 'Twilio API key SID (SK + 32 hex), the public half of an API key; found with Twilio context.',
    provider: 'twilio',
    credentialType: 'api-key-sid',
    help,
  },
  keywords: ['twilio'],
  pattern: /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (_v, ctx) => boundToProvider(ctx, TWILIO, /key|sid|token|secret|auth|api/i),
  examples: {
    positive: ['TWILIO_API_KEY=SK8c04334e3046caca0f005164264dc4cd'],
    negative: ['TWILIO_API_KEY=SK3156d8f0811f05e0865e8dece0a57a', 'ASSET_ID=SKa472ee3b01d6c709f3ad210adf6b9a9b'],
  },
};

export const twilioApiSecret: CredentialRule = {
  meta: {
    id: 'twilio-api-secret',
    title: 'Twilio API key secret',
    severity: 'high',
    summary: 'Twilio API key secret (32 alphanumeric) bound to a Twilio secret variable.',
    provider: 'twilio',
    credentialType: 'api-key-secret',
    help,
  },
  keywords: ['twilio'],
  pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => !/^[0-9a-f]+$/.test(v) && looksRandom(v) && boundToProvider(ctx, TWILIO, /api[-_]?secret|key[-_]?secret/i),
  examples: {
    positive: ['TWILIO_API_SECRET=23DVqYL4QY1u7XjF7Zox9GbpduaEyGQF'],
    negative: ['TWILIO_FRIENDLY_NAME=x3oBV4bhxoBfOo83Ywe6L4OnAXotC2w5', 'TWILIO_API_SECRET=s1CT2Cqu1oPg3sySzPN8'],
  },
};

export const twilioAuthToken: CredentialRule = {
  meta: {
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    severity: 'critical',
    summary: 'Twilio account auth token (32 hex) bound to a Twilio auth-token variable.',
    provider: 'twilio',
    credentialType: 'auth-token',
    help,
  },
  keywords: ['twilio'],
  pattern: /(?<![A-Za-z0-9])([0-9a-f]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && boundToProvider(ctx, TWILIO, /auth|token|secret|password/i),
  examples: {
    positive: ['TWILIO_AUTH_TOKEN=cd7a8c7cd8c53070fe7dae5f9d81ffb7', "const client = twilio(accountSid, '8b8dc520cc1b859969f6f2022cb7d090'); // auth token"],
    negative: ['TWILIO_MESSAGING_SERVICE=565777e63ea63d7462b6530ae0221f8e', 'AUTH_TOKEN_MD5=c1cdcb5692b1a1b7484ef0701f897c57'],
  },
};

export const twilioAccountSid: CredentialRule = {
  meta: {
    id: 'twilio-account-sid',
    title: 'Twilio account SID',
    severity: 'info',
    summary: 'Twilio account SID (AC + 32 hex): an identifier, not a secret; names the account a token belongs to.',
    provider: 'twilio',
    credentialType: 'account-sid',
    help: {
      ...help,
      why: 'The account SID is an identifier, not a secret. It is reported so that an auth token or API key found nearby can be tied to its account.',
      fix: 'Nothing to rotate. Check that the auth token or API key secret for this account is not stored beside it.',
    },
  },
  keywords: ['twilio'],
  pattern: /(?<![A-Za-z0-9])(AC[0-9a-f]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v.slice(2)) && boundToProvider(ctx, TWILIO, /sid|account|id/i),
  classify: () => ({ attributes: { identifier: 'true' } }),
  examples: {
    positive: ['TWILIO_ACCOUNT_SID=AC2ae4ee09fbbae964e2fe69ddbfefc420'],
    negative: ['TWILIO_ACCOUNT_SID=AC5efce57a88dd198a77b7', 'COLOR_SID=AC3498078e77704a809378480dbd40f404'],
  },
};

export default [twilioAccountSid, twilioApiKey, twilioApiSecret, twilioAuthToken];
