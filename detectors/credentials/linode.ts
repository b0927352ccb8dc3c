// Linode (Akamai Cloud) personal access tokens: 64 hex characters with no prefix, recognised by a LINODE-named
// variable (the CLI and Terraform provider read LINODE_TOKEN / LINODE_CLI_TOKEN) or the Linode API nearby.
// https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, providerSecretContext } from './shared.js';

export const linodeToken: CredentialRule = {
  meta: {
    id: 'linode-personal-access-token',
    title: 'Linode personal access token',
    severity: 'high',
    summary: 'Linode / Akamai Cloud personal access token (64 hex), recognised by its variable or api.linode.com nearby.',
    provider: 'linode',
    credentialType: 'personal-access-token',
    help: {
      why: 'A Linode token with read/write scopes can delete every Linode, volume, managed database, bucket and backup in the account; tokens created with "all" scopes do.',
      fix: 'Revoke the token (Cloud Manager → API Tokens) and issue one with only the scopes and expiry automation needs.',
      references: ['https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens', 'https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens'],
    },
  },
  keywords: ['linode'],
  pattern: /(?<![A-Za-z0-9_-])([a-f0-9]{64})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => highEntropy(v, 3.3) && providerSecretContext(ctx, /linode/i, /token|key|secret|auth|bearer|pat/i),
  classify: () => ({ confidence: 'medium' }),
  examples: {
    positive: ['LINODE_TOKEN=c676db9e741c07e3f419dd9a5da0ae1a65e45caba55ee2f5f150fc1cf18ea4ab', 'provider "linode" {\n  token = "c676db9e741c07e3f419dd9a5da0ae1a65e45caba55ee2f5f150fc1cf18ea4ab"\n}'],
    negative: ['LINODE_IMAGE_SHA256=c676db9e741c07e3f419dd9a5da0ae1a65e45caba55ee2f5f150fc1cf18ea4ab', 'SHA256=c676db9e741c07e3f419dd9a5da0ae1a65e45caba55ee2f5f150fc1cf18ea4ab'],
  },
};

export default [linodeToken];
