// Figma personal access tokens: `figd_` + ~40 base64url characters. https://www.figma.com/developers/api#access-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const figmaPat: CredentialRule = {
  meta: {
    id: 'figma-personal-access-token',
    title: 'Figma personal access token',
    severity: 'medium',
    summary: 'Figma personal access token (figd_).',
    provider: 'figma',
    credentialType: 'personal-access-token',
    help: {
      why: 'A Figma token reads every file the user can open (designs often include unreleased product plans) and, with write scopes, comments, variables and webhooks.',
      fix: 'Revoke the token in Figma (Settings → Security → Personal access tokens), create one with read-only scopes and an expiry, and keep it in a secret store.',
      references: ['https://www.figma.com/developers/api#access-tokens', 'https://help.figma.com/hc/en-us/articles/8085703771159-Manage-personal-access-tokens'],
    },
  },
  keywords: ['figd_'],
  pattern: /(?<![\w-])(figd_[A-Za-z0-9_-]{38,48})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(5)),
  examples: {
    positive: ['FIGMA_TOKEN=figd_jaonrvo-1BTw5YnOkpFgLVYH2Eb3fLBCQY8k6iVa'],
    negative: ['figd_FtVPNfQ4LPwovglPZOOw', 'figd_ddjwdswbsqhkeotocspltalpewpieybvxwosrzvz'],
  },
};

export default [figmaPat];
