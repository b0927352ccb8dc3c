// DeepSeek API keys: `sk-` + 32 hex. The short `sk-` prefix is shared with many services, so DeepSeek context (a
// DEEPSEEK variable or api.deepseek.com nearby) is required. https://api-docs.deepseek.com/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const deepseekApiKey: CredentialRule = {
  meta: {
    id: 'deepseek-api-key',
    title: 'DeepSeek API key',
    severity: 'high',
    summary: 'DeepSeek API key (sk- + 32 hex) with DeepSeek context.',
    provider: 'deepseek',
    credentialType: 'api-key',
    help: {
      why: 'A DeepSeek key spends the account\'s prepaid balance.',
      fix: 'Delete the key on the DeepSeek platform (API keys), create a new one and keep it in a secret store.',
      references: ['https://api-docs.deepseek.com/', 'https://platform.deepseek.com/api_keys'],
    },
  },
  keywords: ['deepseek'],
  pattern: /(?<![\w-])(sk-[0-9a-f]{32})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v.slice(3)) && boundToProvider(ctx, /deepseek/i),
  examples: {
    positive: ['DEEPSEEK_API_KEY=sk-f95ac96d19a3faf909385b7fa7519d1a'],
    negative: ['LITELLM_KEY=sk-7589494e8135e1fa5953927db1db7c81', 'DEEPSEEK_API_KEY=sk-46c431529f103b8b49c9'],
  },
};

export default [deepseekApiKey];
