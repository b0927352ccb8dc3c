// Bitbucket Cloud credentials: app passwords (ATBB…) and repository/project/workspace access tokens (ATCTT3xFfGN0…).
// https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/  https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const help = {
  why: 'A Bitbucket app password or access token acts with the permissions chosen at creation — repository write and admin, pipelines variables, workspace membership — on every repository in its reach, including deleting repositories.',
  fix: 'Revoke it (Personal settings → App passwords, or the repository/workspace Access tokens page) and replace it with an access token limited to one repository and the scopes needed.',
  references: ['https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/', 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/'],
};

export const bitbucketAppPassword: CredentialRule = {
  meta: {
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    severity: 'high',
    summary: 'Bitbucket Cloud app password (ATBB prefix), used with the account\'s username.',
    provider: 'bitbucket',
    credentialType: 'app-password',
    help,
  },
  keywords: ['atbb'],
  pattern: /\b(ATBB[A-Za-z0-9_=.-]{28,40})(?![A-Za-z0-9_=.-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(4), 4),
  examples: {
    positive: ['BITBUCKET_APP_PASSWORD=ATBBFHnzXzJlK45RIQYG4Mpanlb4xzWsCmGy'],
    negative: ['BITBUCKET_APP_PASSWORD=ATBBFHnzXzJlK45RIQYG4M', 'BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const bitbucketAccessToken: CredentialRule = {
  meta: {
    id: 'bitbucket-access-token',
    title: 'Bitbucket access token',
    severity: 'high',
    summary: 'Bitbucket Cloud repository, project or workspace access token (ATCTT3xFfGN0 prefix).',
    provider: 'bitbucket',
    credentialType: 'access-token',
    help,
  },
  keywords: ['atctt3xffgn0'],
  pattern: /\b(ATCTT3xFfGN0[A-Za-z0-9_=-]{150,250})(?![A-Za-z0-9_=-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(12), 4.5),
  examples: {
    positive: ['BITBUCKET_TOKEN=ATCTT3xFfGN0lPct04oEP2Vyes3Yrsk2-1OSNVfoh7ZB1Z1dn_vddXsUqV7K0i58w-2FX1Ya4RbCYR0uXosXSdVUibSMpxMgX_x8_Ueusalr22jfgW5zrWILrHEY_uVSfLgF_kWITGVgqWPFdA9mKt3ZcdPy1EMxZcpDQoroVa6C7dM6Zti8VsyTPA0CmNpE=47AED3FF'],
    negative: ['BITBUCKET_TOKEN=ATCTT3xFfGN0lPct04oEP2Vyes3Yrsk2', 'BITBUCKET_TOKEN=ATCTT3xFfGN1lPct04oEP2Vyes3Yrsk2-1OSNVfoh7ZB1Z1dn_vddXsUqV7K0i58w-2FX1Ya4RbCYR0uXosXSdVUibSMpxMgX_x8_Ueusalr22jfgW5zrWILrHEY_uVSfLgF_kWITGVgqWPF'],
  },
};

export default [bitbucketAppPassword, bitbucketAccessToken];
