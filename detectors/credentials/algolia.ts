// Algolia API keys are 32 hex with no prefix. Search-only keys are public by design; the Admin API key (and other
// write keys) are secrets, recognised by an Algolia admin/write variable. https://www.algolia.com/doc/guides/security/api-keys/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const algoliaAdminKey: CredentialRule = {
  meta: {
    id: 'algolia-admin-key',
    title: 'Algolia admin API key',
    severity: 'high',
    summary: 'Algolia Admin (or write) API key (32 hex) bound to an Algolia admin/write/secret variable.',
    provider: 'algolia',
    credentialType: 'admin-key',
    help: {
      why: 'The Admin API key can do anything on the application: read, overwrite and delete every index and record, change settings and create other keys.',
      fix: 'Regenerate the Admin API key in the Algolia dashboard (Settings → API Keys), use a restricted key with only the ACLs needed on servers, and keep it in a secret store.',
      references: ['https://www.algolia.com/doc/guides/security/api-keys/', 'https://www.algolia.com/doc/guides/security/security-best-practices/'],
    },
  },
  keywords: ['algolia'],
  pattern: /(?<![A-Za-z0-9])([0-9a-f]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && boundToProvider(ctx, /algolia/i, /admin|write|secret|private/i),
  examples: {
    positive: ['ALGOLIA_ADMIN_KEY=abaf8631a811f7170cf6c07937eeaa17', 'ALGOLIA_WRITE_API_KEY="4efa99911795eccc0bf24f273d0e9d56"'],
    negative: ['ALGOLIA_SEARCH_KEY=2820d6784299bc7582bc0a73517a4379', 'ALGOLIA_ADMIN_KEY=6ba5dbf77efa24edcfb8'],
  },
};

export default [algoliaAdminKey];
