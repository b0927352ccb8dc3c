// Docker Hub tokens: dckr_pat_ personal access tokens and dckr_oat_ organization access tokens.
// https://docs.docker.com/security/access-tokens/  https://docs.docker.com/enterprise/security/access-tokens/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const help = {
  why: 'A Docker Hub token with write or delete scope can push over, or delete, every image tag in the repositories of its user or organization — a poisoned `latest` reaches every deploy that pulls it.',
  fix: 'Delete the token (Account settings → Personal access tokens, or the organization\'s Access tokens page) and create a read-only or repository-scoped token for pulls.',
  references: ['https://docs.docker.com/security/access-tokens/', 'https://docs.docker.com/enterprise/security/access-tokens/'],
};

export const dockerHubPat: CredentialRule = {
  meta: {
    id: 'docker-hub-personal-access-token',
    title: 'Docker Hub personal access token',
    severity: 'high',
    summary: 'Docker Hub personal access token (dckr_pat_ prefix).',
    provider: 'docker',
    credentialType: 'personal-access-token',
    help,
  },
  keywords: ['dckr_pat_'],
  pattern: /\b(dckr_pat_[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(9), 3.8),
  examples: {
    positive: ['DOCKERHUB_TOKEN=dckr_pat_pTmoNOzvT95ZFt6NyOAVUJF_hEB'],
    negative: ['DOCKERHUB_TOKEN=dckr_pat_pTmoNOzvT95ZFt6NyOAVUJF_hE', 'DOCKERHUB_TOKEN=dckr_pat_pTmoNOzvT95ZFt6NyOAVUJF_hEBz'],
  },
};

export const dockerHubOat: CredentialRule = {
  meta: {
    id: 'docker-hub-organization-access-token',
    title: 'Docker Hub organization access token',
    severity: 'high',
    summary: 'Docker Hub organization access token (dckr_oat_ prefix).',
    provider: 'docker',
    credentialType: 'organization-access-token',
    help,
  },
  keywords: ['dckr_oat_'],
  pattern: /\b(dckr_oat_[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(9), 3.8),
  examples: {
    positive: ['DOCKERHUB_ORG_TOKEN=dckr_oat_kvwGOG7WRN7mBbvvEwCfjg3eD0XTqqe6'],
    negative: ['DOCKERHUB_ORG_TOKEN=dckr_oat_kvwGOG7WRN7mBbvvEwCfjg3eD0XT', 'DOCKERHUB_ORG_TOKEN=dckr_oat_kvwGOG7WRN7mBbvvEwCfjg3eD0XTqqe6z'],
  },
};

export default [dockerHubPat, dockerHubOat];
