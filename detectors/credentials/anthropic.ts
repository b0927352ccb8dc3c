// Anthropic API keys: `sk-ant-api03-` + 93 base64url characters + `AA`; Admin API keys `sk-ant-admin01-` + 93 + `AA`.
// https://docs.anthropic.com/en/api/getting-started#authentication  https://docs.anthropic.com/en/api/administration-api
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

const help = {
  why: 'An Anthropic API key spends the workspace\'s credit and can read its files and batches; an Admin API key manages the organization\'s members, workspaces and API keys.',
  fix: 'Disable and delete the key in the Anthropic Console (Settings → API keys / Admin keys), create a replacement in the narrowest workspace, and keep it in a secret store.',
  references: ['https://docs.anthropic.com/en/api/getting-started#authentication', 'https://docs.anthropic.com/en/api/administration-api'],
};

export const anthropicApiKey: CredentialRule = {
  meta: {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    severity: 'high',
    summary: 'Anthropic API key (sk-ant-api03-…AA).',
    provider: 'anthropic',
    credentialType: 'api-key',
    help,
  },
  keywords: ['sk-ant-api'],
  pattern: /(?<![\w-])(sk-ant-api0[0-9]-[A-Za-z0-9_-]{93}AA)(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(13, -2), 40),
  examples: {
    positive: ['ANTHROPIC_API_KEY=sk-ant-api03-YNE27f4DN-UcE1y6oyH68oU2ECDA2PNmR-MVlsrYp9EUruOeFhaMXn7pgjgsn8-5pR-7l2dIbj8Ns454EqM2IXHwe4srYAA'],
    negative: ['sk-ant-api03-BGS9vqRJHYudWBXriHH-ZVBdPBz4dxJfPfeOhH2zkO6E9s-IAAX9YF2k_ZW1AA', 'ANTHROPIC_API_KEY=sk-ant-api03-your-key-here'],
  },
};

export const anthropicAdminKey: CredentialRule = {
  meta: {
    id: 'anthropic-admin-key',
    title: 'Anthropic Admin API key',
    severity: 'critical',
    summary: 'Anthropic Admin API key (sk-ant-admin01-…AA): manages members, workspaces and API keys.',
    provider: 'anthropic',
    credentialType: 'admin-key',
    help,
  },
  keywords: ['sk-ant-admin'],
  pattern: /(?<![\w-])(sk-ant-admin0[0-9]-[A-Za-z0-9_-]{93}AA)(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(15, -2), 40),
  examples: {
    positive: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-1v9TxPVG7VhWd8S4w6uAcdQUmlP673JH2j-gyt4gt9wFyNkh2UpO8w1rvi7E2LbahW5cFVakDinjYGG9cLgwfvtd2Qp_eAA'],
    negative: ['sk-ant-admin01-wsRe9H9gA2kEEEG61DZw9p2X87e8q6X9ugqcNh8tDzT047P9RsAA', 'sk-ant-admin01-BvGVBkx8hjYOYmoLWgv7bvthN8e4mFzfv0Nyh3uuaT9RC9IEh1z1qPDN9BT9rV0GCzszflCI-mvr4afukqiOZen_1obTXBB'],
  },
};

export default [anthropicAdminKey, anthropicApiKey];
