// Databricks credentials: personal access tokens dapi + 32 hex (optionally -N), and service-principal OAuth secrets
// dose + 32 hex. https://docs.databricks.com/aws/en/dev-tools/auth/pat  https://docs.databricks.com/aws/en/dev-tools/auth/oauth-m2m
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const help = {
  why: 'A Databricks token acts as its user or service principal in the workspace: workspace admins can delete clusters, jobs, notebooks and Unity Catalog tables, and read secrets scopes.',
  fix: 'Revoke the token (User settings → Developer → Access tokens, or the Token Management API) and use OAuth machine-to-machine credentials for a service principal with only the grants needed.',
  references: ['https://docs.databricks.com/aws/en/dev-tools/auth/pat', 'https://docs.databricks.com/aws/en/dev-tools/auth/oauth-m2m'],
};

function workspace(ctx: MatchContext): Record<string, string> {
  const host = /([a-z0-9-]+(?:\.\d+)?\.(?:cloud\.databricks\.com|azuredatabricks\.net|gcp\.databricks\.com))/i.exec(ctx.window)?.[1];
  return host ? { host } : {};
}

export const databricksToken: CredentialRule = {
  meta: {
    id: 'databricks-personal-access-token',
    title: 'Databricks personal access token',
    severity: 'high',
    summary: 'Databricks personal access token (dapi + 32 hex); the workspace host nearby is recorded.',
    provider: 'databricks',
    credentialType: 'personal-access-token',
    help,
  },
  keywords: ['dapi'],
  pattern: /\b(dapi[a-f0-9]{32}(?:-\d)?)(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(4, 36), 3.2),
  classify: (_v, ctx) => ({ attributes: workspace(ctx) }),
  examples: {
    positive: ['DATABRICKS_HOST=https://adb-4821.7.azuredatabricks.net\nDATABRICKS_TOKEN=dapi5ac6fc61d0f0994bfca2ec3e2f91e33c'],
    negative: ['DATABRICKS_TOKEN=dapi5ac6fc61d0f0994bfca2ec3e2f91e33', 'DATABRICKS_TOKEN=dapi5ac6fc61d0f0994bfca2ec3e2f91e33cz'],
  },
};

export const databricksOauthSecret: CredentialRule = {
  meta: {
    id: 'databricks-oauth-secret',
    title: 'Databricks service principal OAuth secret',
    severity: 'high',
    summary: 'Databricks service-principal OAuth client secret (dose + 32 hex).',
    provider: 'databricks',
    credentialType: 'oauth-secret',
    help,
  },
  keywords: ['dose'],
  pattern: /\b(dose[a-f0-9]{32})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(4), 3.2),
  classify: (_v, ctx) => ({ attributes: workspace(ctx) }),
  examples: {
    positive: ['DATABRICKS_CLIENT_SECRET=dose9301398e8fe136777b933e4212953c19'],
    negative: ['DATABRICKS_CLIENT_SECRET=dose9301398e8fe136777b933e4212953c1', 'dosed9301398e8fe136777b933e4212953c19'],
  },
};

export default [databricksToken, databricksOauthSecret];
