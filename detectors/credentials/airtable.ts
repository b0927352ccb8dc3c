// Airtable personal access tokens: `pat` + 14 base62 (token id) + `.` + 64 hex (secret).
// Legacy API keys (`key` + 14, retired in 2024) need Airtable context. https://airtable.com/developers/web/guides/personal-access-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

const help = {
  why: 'An Airtable token acts as its user on the bases in its scope: it can read every record, and with write scopes change or delete records, tables and bases.',
  fix: 'Delete the token at airtable.com/create/tokens, create one limited to the bases and scopes needed, and keep it in a secret store.',
  references: ['https://airtable.com/developers/web/guides/personal-access-tokens', 'https://airtable.com/developers/web/api/authentication'],
};

export const airtablePat: CredentialRule = {
  meta: { id: 'airtable-personal-access-token', title: 'Airtable personal access token', severity: 'high', summary: 'Airtable personal access token (pat<14>.<64 hex>).', provider: 'airtable', credentialType: 'personal-access-token', help },
  keywords: ['pat'],
  pattern: /(?<![\w-])(pat[A-Za-z0-9]{14}\.[0-9a-f]{64})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(18)),
  examples: {
    positive: ['AIRTABLE_TOKEN=patj8g7X0D7xryvtC.f335a41b85fe330f1a01f13198b019e8221e0524f309300a8bd75befedc54565'],
    negative: ['pat2tylPti3gkY4Bi.562f9bb76fd63802897d27ae5180ff5e9b59b3f4', 'path.61c8376e29a1067745e05ac2dd90bc5d65f3d046e756070ffe27111c32d1c037'],
  },
};

export const airtableApiKey: CredentialRule = {
  meta: { id: 'airtable-api-key', title: 'Airtable API key (legacy)', severity: 'medium', summary: 'Airtable legacy API key (key + 14) with Airtable context.', provider: 'airtable', credentialType: 'api-key', help },
  keywords: ['airtable'],
  pattern: /(?<![\w-])(key[A-Za-z0-9]{14})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => /[0-9]/.test(v) && /[A-Z]/.test(v) && boundToProvider(ctx, /airtable/i),
  examples: {
    positive: ['AIRTABLE_API_KEY=keycRXtDOS7fwOPV5'],
    negative: ['AIRTABLE_BASE=keyOdSNGzm2wrjrkm', 'AIRTABLE_API_KEY=keyboardShortcut'],
  },
};

export default [airtablePat, airtableApiKey];
