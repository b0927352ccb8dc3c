// Pulumi Cloud access tokens: pul- + 40 hex. https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

export const pulumiAccessToken: CredentialRule = {
  meta: {
    id: 'pulumi-access-token',
    title: 'Pulumi Cloud access token',
    severity: 'critical',
    summary: 'Pulumi Cloud personal, team or organization access token (pul- prefix).',
    provider: 'pulumi',
    credentialType: 'access-token',
    help: {
      why: 'A Pulumi access token can read stack state and configuration — including decrypted secrets such as cloud credentials — and run `pulumi destroy` on every stack its identity can reach; Pulumi ESC environments are readable too.',
      fix: 'Delete the token (Settings → Access tokens), use team or organization tokens limited to the stacks needed, and OIDC for Pulumi deployments.',
      references: ['https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/', 'https://www.pulumi.com/docs/pulumi-cloud/access-management/oidc/'],
    },
  },
  keywords: ['pul-'],
  pattern: /\b(pul-[a-f0-9]{40})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(4), 3.3),
  examples: {
    positive: ['PULUMI_ACCESS_TOKEN=pul-307189e8b6fa5eb015c58bee39ce88d918674ec3'],
    negative: ['PULUMI_ACCESS_TOKEN=pul-307189e8b6fa5eb015c58bee39ce88d918674ec', 'PULUMI_ACCESS_TOKEN=pul-307189e8b6fa5eb015c58bee39ce88d918674ec3a'],
  },
};

export default [pulumiAccessToken];
