// Notion integration tokens: current `ntn_` + 11 digits + 35 base62; older `secret_` + 43 base62.
// https://developers.notion.com/docs/authorization  https://developers.notion.com/reference/authentication
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

const help = {
  why: 'A Notion integration token reads and edits (and can archive) every page and database shared with the integration — often whole team spaces of internal documents.',
  fix: 'Refresh the secret in Notion (Settings → Connections → Develop or manage integrations → the integration → Refresh), limit the pages shared with it, and keep it in a secret store.',
  references: ['https://developers.notion.com/docs/authorization', 'https://developers.notion.com/reference/authentication'],
};

export const notionToken: CredentialRule = {
  meta: { id: 'notion-integration-token', title: 'Notion integration token', severity: 'high', summary: 'Notion internal integration token (ntn_ + 46).', provider: 'notion', credentialType: 'integration-token', help },
  keywords: ['ntn_'],
  pattern: /(?<![\w-])(ntn_[0-9]{11}[A-Za-z0-9]{35})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(15)),
  examples: {
    positive: ['NOTION_TOKEN=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'],
    negative: ['ntn_78801211694WWcqqaOtQownf5UAHexi', 'ntn_7vmshEeH7g3oTAfo9w8IFG1ZpSTBl8QlIW8wriAZDfnc9ux'],
  },
};

export const notionLegacyToken: CredentialRule = {
  meta: { id: 'notion-legacy-token', title: 'Notion integration token (secret_ format)', severity: 'high', summary: 'Notion integration token in the older secret_ + 43 format.', provider: 'notion', credentialType: 'integration-token', help },
  keywords: ['secret_'],
  pattern: /(?<![\w-])(secret_[A-Za-z0-9]{43})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(7), 40) && /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v.slice(7)),
  examples: {
    positive: ['NOTION_API_KEY=secret_0svgUWjm5ZE8jgSaUiPkI8fR5Oi5ErHbmsh1lFONHEJ'],
    negative: ['secret_e7bmbgdguCol2btY0MGO', 'secret_configurationValueForTheSettingsPageXy'],
  },
};

export default [notionToken, notionLegacyToken];
