// Hugging Face tokens: user access tokens `hf_` + 34 letters; legacy organization API tokens `api_org_` + 34 letters.
// https://huggingface.co/docs/hub/security-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const help = {
  why: 'A Hugging Face token acts as its user (or organization): a write token can push to, overwrite or delete every model, dataset and Space it can reach, including private ones; fine-grained tokens are limited to chosen repositories.',
  fix: 'Invalidate the token at huggingface.co/settings/tokens, create a fine-grained read token where possible, and keep it in a secret store.',
  references: ['https://huggingface.co/docs/hub/security-tokens'],
};

export const huggingfaceToken: CredentialRule = {
  meta: {
    id: 'huggingface-access-token',
    title: 'Hugging Face access token',
    severity: 'high',
    summary: 'Hugging Face user access token (hf_ + 34 letters).',
    provider: 'huggingface',
    credentialType: 'access-token',
    help,
  },
  keywords: ['hf_'],
  pattern: /(?<![\w-])(hf_[A-Za-z]{34})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(3), 3.8) && /[A-Z]/.test(v) && /[a-z]/.test(v.slice(3)),
  examples: {
    positive: ['HF_TOKEN=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'],
    negative: ['hf_hLueMeKKkKYRyjyxBgPv', 'hf_transformersModelLoaderUtilities'],
  },
};

export const huggingfaceOrgToken: CredentialRule = {
  meta: {
    id: 'huggingface-org-token',
    title: 'Hugging Face organization API token',
    severity: 'high',
    summary: 'Hugging Face legacy organization API token (api_org_ + 34 letters).',
    provider: 'huggingface',
    credentialType: 'org-token',
    help,
  },
  keywords: ['api_org_'],
  pattern: /(?<![\w-])(api_org_[A-Za-z]{34})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(8), 3.8),
  examples: {
    positive: ['HUGGINGFACE_ORG_TOKEN=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'],
    negative: ['api_org_HOuvOlpksVui', 'api_org_settingsPageForTheCurrentUser'],
  },
};

export default [huggingfaceToken, huggingfaceOrgToken];
