// Scope resolvers in order; results are merged (widest reach, accumulated evidence).
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';
import providerFormats from './provider-formats.js';
import railway from './railway.js';
import databaseUrl from './database-url.js';
import awsIac from './aws-iac.js';
// (resolver imports)
import gcpIac from './gcp-iac.js';
import cloudflareIac from './cloudflare-iac.js';
import githubToken from './github-token.js';

export const scopeResolvers: ScopeResolver[] = [
  providerFormats,
  railway,
  databaseUrl,
  awsIac,
  // (resolvers)
  gcpIac,
  cloudflareIac,
  githubToken,
];
