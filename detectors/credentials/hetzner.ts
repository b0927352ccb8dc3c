// Hetzner Cloud API tokens: 64 alphanumerics with no prefix, recognised by a HCLOUD/HETZNER-named variable (hcloud and
// the Terraform provider read HCLOUD_TOKEN) or the Hetzner API nearby. https://docs.hetzner.cloud/#authentication
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, mixedAlnum, providerSecretContext } from './shared.js';

export const hetznerCloudToken: CredentialRule = {
  meta: {
    id: 'hetzner-cloud-api-token',
    title: 'Hetzner Cloud API token',
    severity: 'high',
    summary: 'Hetzner Cloud project API token (64 characters), recognised by HCLOUD_TOKEN-style variables or api.hetzner.cloud.',
    provider: 'hetzner',
    credentialType: 'api-token',
    help: {
      why: 'A Hetzner Cloud token is project-wide; a Read & Write token can delete every server, volume, snapshot and backup in the project.',
      fix: 'Delete the token (Cloud Console → Project → Security → API tokens) and keep its replacement in a secret store; use Read-only tokens where possible.',
      references: ['https://docs.hetzner.cloud/#authentication', 'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/'],
    },
  },
  keywords: ['hcloud', 'hetzner'],
  pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9]{64})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => mixedAlnum(v) && highEntropy(v, 4.5) && providerSecretContext(ctx, /hcloud|hetzner/i, /token|key|secret|auth|bearer/i),
  classify: () => ({ confidence: 'medium' }),
  examples: {
    positive: ['HCLOUD_TOKEN=baGRKo5Y897tzP5bs67JiPFhUGB9q9olLHxUXZBZucTQrBsnlEx7wb9k3PmSaMEo'],
    negative: ['HCLOUD_TOKEN=baGRKo5Y897tzP5bs67JiPFhUGB9q9olLHxUXZBZucTQrBsnlEx7wb9k3Pm', 'HCLOUD_LOCATION_HASH=baGRKo5Y897tzP5bs67JiPFhUGB9q9olLHxUXZBZucTQrBsnlEx7wb9k3PmSaMEo'],
  },
};

export default [hetznerCloudToken];
