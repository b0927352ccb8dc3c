// xAI (Grok) API keys: `xai-` + 80 base62 characters. https://docs.x.ai/docs/overview
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const xaiApiKey: CredentialRule = {
  meta: {
    id: 'xai-api-key',
    title: 'xAI API key',
    severity: 'high',
    summary: 'xAI (Grok) API key (xai- + 80).',
    provider: 'xai',
    credentialType: 'api-key',
    help: {
      why: 'An xAI key spends the team\'s credit; keys created with broad ACLs can also manage the team\'s other keys.',
      fix: 'Delete the key in the xAI console (API Keys), create one restricted to the needed models and endpoints, and keep it in a secret store.',
      references: ['https://docs.x.ai/docs/overview', 'https://docs.x.ai/docs/api-reference'],
    },
  },
  keywords: ['xai-'],
  pattern: /(?<![\w-])(xai-[A-Za-z0-9]{80})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(4)),
  examples: {
    positive: ['XAI_API_KEY=xai-uxIpt7LybmuZW2qXY6ULTSb8hCWqjCVcutKXSGtvusI656NMxzHlEhJL8tEUmuCxFmZ22oURlVEwfalX'],
    negative: ['xai-lDIVcQC6Uy4BaTOYmZlkn0TrD3wm0d14uQxqwFRK', 'XAI_API_KEY=xai-fwakfewettbtwtayweyarvijasqmzdypfethihztotulxdlwxfeitvpgqwsdukqythjrkiiwxggqujaw'],
  },
};

export default [xaiApiKey];
