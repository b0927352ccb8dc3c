// crates.io API tokens: cio + 32 alphanumerics. https://doc.rust-lang.org/cargo/reference/publishing.html
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, mixedAlnum } from './shared.js';

export const cratesIoToken: CredentialRule = {
  meta: {
    id: 'crates-io-api-token',
    title: 'crates.io API token',
    severity: 'high',
    summary: 'crates.io API token (cio prefix), used by `cargo publish`.',
    provider: 'crates-io',
    credentialType: 'api-token',
    help: {
      why: 'A crates.io token with the publish-update scope can release a malicious version of every crate its owner maintains (or those matching its crate scope), and yank versions.',
      fix: 'Revoke the token (crates.io → Account settings → API tokens), scope replacements to specific crates with an expiry, and use trusted publishing from CI.',
      references: ['https://doc.rust-lang.org/cargo/reference/publishing.html', 'https://crates.io/docs/trusted-publishing'],
    },
  },
  keywords: ['cio'],
  pattern: /\b(cio[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => mixedAlnum(v.slice(3)) && highEntropy(v.slice(3), 4),
  examples: {
    positive: [{ text: '[registry]\ntoken = "cio3LfKTYZSgotF2UHjSmERFb6MpZoHhVhk"', path: '.cargo/credentials.toml' }],
    negative: ['CARGO_REGISTRY_TOKEN=cio3LfKTYZSgotF2UHjSmERFb6MpZoHhVh', 'functionciocompositionandmorewordshere'],
  },
};

export default [cratesIoToken];
