// OpenAI API keys. https://platform.openai.com/docs/api-reference/authentication
// Project keys `sk-proj-`, service-account keys `sk-svcacct-`, admin keys `sk-admin-` (Administration API: users,
// projects, keys), and legacy user keys `sk-<20>T3BlbkFJ<20>` (`T3BlbkFJ` is base64 of "OpenAI", which current keys
// also carry in the middle).
import type { CredentialRule, Severity } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

const help = {
  why: 'An OpenAI key spends the organization\'s credit and can read the files, assistants, vector stores and fine-tuned models of its project; an admin key manages the organization\'s users, projects and other keys.',
  fix: 'Delete the key in the OpenAI dashboard (API keys, or Admin keys), create a replacement scoped to one project with restricted permissions, and keep it in a secret store.',
  references: ['https://platform.openai.com/docs/api-reference/authentication', 'https://platform.openai.com/docs/api-reference/admin-api-keys', 'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety'],
};

function openaiRule(id: string, title: string, type: string, severity: Severity, prefix: string, summary: string): CredentialRule {
  return {
    meta: { id, title, severity, summary, provider: 'openai', credentialType: type, help },
    keywords: [prefix],
    pattern: new RegExp(`(?<![\\w-])(${prefix.replace(/-/g, '\\-')}[A-Za-z0-9_-]{40,250})(?![\\w-])`),
    secretGroup: 1,
    validate: (v) => looksRandom(v.slice(prefix.length), 40),
    classify: (v) => ({ attributes: { keyClass: type, ...(v.includes('T3BlbkFJ') ? { marker: 'T3BlbkFJ' } : {}) } }),
    examples: {
      positive: [`OPENAI_API_KEY=${prefix}nH424kkXm5ccBQYYrhjD18x5SPr4WFrF4_Iq-BXOti-UBxVlAuXpWVhTcjOKCHswn1DbI-gLQ0T3BlbkFJmxYITArcP7H3-lFS_gXtwlJn_vV3dPFzm-RNMEohbfZSx6MSt6vypBKDExBAtRKhUxeD6S6w7I`],
      negative: [`${prefix}short`, `OPENAI_API_KEY=${prefix}your-api-key-here-please-replace-with-the-real-one`],
    },
  };
}

export const openaiProjectKey = openaiRule('openai-project-key', 'OpenAI project API key', 'project-key', 'high', 'sk-proj-', 'OpenAI project API key (sk-proj-).');
export const openaiServiceAccountKey = openaiRule('openai-service-account-key', 'OpenAI service account key', 'service-account-key', 'high', 'sk-svcacct-', 'OpenAI service-account API key (sk-svcacct-).');
export const openaiAdminKey = openaiRule('openai-admin-key', 'OpenAI admin key', 'admin-key', 'critical', 'sk-admin-', 'OpenAI Administration API key (sk-admin-): manages users, projects and keys.');

export const openaiLegacyKey: CredentialRule = {
  meta: {
    id: 'openai-user-key',
    title: 'OpenAI user API key (legacy)',
    severity: 'high',
    summary: 'OpenAI legacy user API key (sk-…T3BlbkFJ…), with access to every project of the user.',
    provider: 'openai',
    credentialType: 'user-key',
    help,
  },
  keywords: ['t3blbkfj'],
  pattern: /(?<![\w-])(sk-(?:None-)?[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![\w-])/,
  secretGroup: 1,
  classify: () => ({ attributes: { keyClass: 'user-key', marker: 'T3BlbkFJ' } }),
  examples: {
    positive: ['OPENAI_API_KEY=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'],
    negative: ['sk-HdiUHos24hxxEhAfAkjJT3BlbkFJpx67derAirKI', 'sk-1mFQN4jK3oQjDCtsYdehK1ebN1BFj6Q8PevLCZSzf5X9w54m'],
  },
};

export default [openaiAdminKey, openaiServiceAccountKey, openaiProjectKey, openaiLegacyKey];
