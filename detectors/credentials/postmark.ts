// Postmark tokens are bare UUIDs, told apart by where they are used: the Server API token goes in the
// `X-Postmark-Server-Token` header (per server: sending, templates, bounces), the Account API token in
// `X-Postmark-Account-Token` (every server, domains, sender signatures). https://postmarkapp.com/developer/api/overview#authentication
import type { CredentialRule, MatchContext } from '../../src/core/types.js';

const UUID = /(?<![\w-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/i;

const help = {
  why: 'A Postmark Server token sends email as your verified senders and reads that server\'s messages and bounces; an Account token manages every server, domain and sender signature on the account.',
  fix: 'Regenerate the token in Postmark (Server → API Tokens, or Account → API Tokens), update the deployment from a secret store and remove the value from the repository.',
  references: ['https://postmarkapp.com/developer/api/overview#authentication', 'https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens'],
};

function postmarkKind(ctx: MatchContext): 'account' | 'server' | undefined {
  const name = ctx.variable ?? '';
  if (/x-postmark-account-token/i.test(ctx.line) || (/postmark/i.test(name) && /account/i.test(name))) return 'account';
  if (/x-postmark-server-token/i.test(ctx.line) || (/postmark/i.test(name) && /token|key|secret|api/i.test(name))) return 'server';
  if (/postmark/i.test(ctx.window) && /token|key|secret|api/i.test(name)) return /account/i.test(name) ? 'account' : 'server';
  return undefined;
}

export const postmarkServerToken: CredentialRule = {
  meta: {
    id: 'postmark-server-token',
    title: 'Postmark server API token',
    severity: 'high',
    summary: 'Postmark Server API token (a UUID bound to a Postmark variable or the X-Postmark-Server-Token header).',
    provider: 'postmark',
    credentialType: 'server-token',
    help,
  },
  keywords: ['postmark'],
  pattern: UUID,
  secretGroup: 1,
  validate: (_v, ctx) => postmarkKind(ctx) === 'server',
  classify: () => ({ attributes: { tokenClass: 'server' } }),
  examples: {
    positive: ['POSTMARK_SERVER_TOKEN=d17eb48c-7d2b-4c7c-ad28-7b93a03dc7ae', "headers: { 'X-Postmark-Server-Token': 'ddf32df9-a6e5-411c-8b11-7a4257917336' }"],
    negative: ['POSTMARK_MESSAGE_STREAM=d1a89023-eb10-417a-aa38-443df2b48a38', 'REQUEST_ID=25ee7543-f7f0-4ac9-a8ca-5f2e9f3f3a0e'],
  },
};

export const postmarkAccountToken: CredentialRule = {
  meta: {
    id: 'postmark-account-token',
    title: 'Postmark account API token',
    severity: 'critical',
    summary: 'Postmark Account API token (a UUID bound to a Postmark account variable or the X-Postmark-Account-Token header).',
    provider: 'postmark',
    credentialType: 'account-token',
    help,
  },
  keywords: ['postmark'],
  pattern: UUID,
  secretGroup: 1,
  validate: (_v, ctx) => postmarkKind(ctx) === 'account',
  classify: () => ({ attributes: { tokenClass: 'account' } }),
  examples: {
    positive: ['POSTMARK_ACCOUNT_TOKEN="965b6e30-bfb3-4a02-bf42-98a19f455a59"'],
    negative: ['POSTMARK_SERVER_TOKEN=ce0e8db9-2e35-42ed-bad9-b878176e83f3', 'ACCOUNT_ID=8b55d9fc-f9b8-44e0-bb4d-91c035354a99'],
  },
};

export default [postmarkAccountToken, postmarkServerToken];
