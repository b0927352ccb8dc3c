// Zendesk API tokens: 40 base62 characters with no prefix, used as `<email>/token:<token>` basic auth; recognised by a
// Zendesk variable or Zendesk host nearby. https://developer.zendesk.com/api-reference/introduction/security-and-auth/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const zendeskApiToken: CredentialRule = {
  meta: {
    id: 'zendesk-api-token',
    title: 'Zendesk API token',
    severity: 'high',
    summary: 'Zendesk API token (40 alphanumeric) with Zendesk context.',
    provider: 'zendesk',
    credentialType: 'api-token',
    help: {
      why: 'A Zendesk API token, paired with any agent\'s email address, acts as that agent — an admin\'s address gives full control of tickets, users (customer personal data) and account settings.',
      fix: 'Delete the token in Zendesk Admin Center (Apps and integrations → APIs → Zendesk API), prefer OAuth clients with scopes, and keep tokens in a secret store.',
      references: ['https://developer.zendesk.com/api-reference/introduction/security-and-auth/', 'https://support.zendesk.com/hc/en-us/articles/4408889192858'],
    },
  },
  keywords: ['zendesk'],
  pattern: /(?<![\w-])([A-Za-z0-9]{40})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && !/^[0-9a-f]+$/.test(v) && boundToProvider(ctx, /zendesk/i, /token|key|secret|password/i),
  examples: {
    positive: ['ZENDESK_API_TOKEN=iURim7FFcANg5xj9TRmyDUYrsadfMguyELjzFOEq'],
    negative: ['ZENDESK_SUBDOMAIN_HASH=wtwuEoC5zSNAiF0AAM2ZKBtX6oDsJQpogN7TBWgM', 'ZENDESK_API_TOKEN=e24ffa60eabd5a6edcc637f74a98d66de80c75ca'],
  },
};

export default [zendeskApiToken];
