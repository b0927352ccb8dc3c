// HCP Terraform (Terraform Cloud / Enterprise) API tokens: 14 characters, ".atlasv1.", then about 67 more.
// User, team and organization tokens share the format; the variable (TF_TOKEN_app_terraform_io, ATLAS_TOKEN,
// TFE_TOKEN) or credentials.tfrc.json tells where it is used.
// https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

export const terraformCloudToken: CredentialRule = {
  meta: {
    id: 'terraform-cloud-api-token',
    title: 'HCP Terraform / Terraform Enterprise API token',
    severity: 'critical',
    summary: 'HCP Terraform (Terraform Cloud) user, team or organization API token (.atlasv1. marker).',
    provider: 'terraform-cloud',
    credentialType: 'api-token',
    help: {
      why: 'A Terraform Cloud token can queue and apply runs — including destroy runs — in every workspace it can reach, and read workspace variables, which usually hold the cloud provider credentials themselves.',
      fix: 'Revoke the token (User settings → Tokens, or the team/organization API token page) and use team tokens limited to the workspaces needed, or dynamic provider credentials instead of stored cloud keys.',
      references: [
        'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens',
        'https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials',
      ],
    },
  },
  keywords: ['atlasv1'],
  pattern: /\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(23), 4),
  classify: (_v, ctx) => {
    const host = /TF_TOKEN_([A-Za-z0-9_]+)/.exec(ctx.variable ?? ctx.line)?.[1]?.replace(/_/g, '.') ?? /"([a-z0-9.-]+\.(?:io|com|net|org))"\s*:\s*\{/.exec(ctx.window)?.[1];
    return host ? { attributes: { host } } : undefined;
  },
  examples: {
    positive: [
      'TF_TOKEN_app_terraform_io=GbxfbjwAw1iStA.atlasv1.R1Rcu_osL6ZIoTaUktDWKVAqD2qgOh-tIJMR-gh1BbHGsBD7scz53NXa0PBinPwIt00',
      '{ "credentials": { "app.terraform.io": { "token": "GbxfbjwAw1iStA.atlasv1.R1Rcu_osL6ZIoTaUktDWKVAqD2qgOh-tIJMR-gh1BbHGsBD7scz53NXa0PBinPwIt00" } } }',
    ],
    negative: ['TFE_TOKEN=GbxfbjwAw1iStA.atlasv1.R1Rcu_osL6ZIoTaUktDWKVAq', 'TFE_TOKEN=GbxfbjwAw1iStA.atlasv2.R1Rcu_osL6ZIoTaUktDWKVAqD2qgOh-tIJMR-gh1BbHGsBD7scz53NXa0PBinPwIt00'],
  },
};

export default [terraformCloudToken];
