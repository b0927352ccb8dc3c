// Atlassian (Jira, Confluence) API tokens: ATATT3 prefix. https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

export const atlassianApiToken: CredentialRule = {
  meta: {
    id: 'atlassian-api-token',
    title: 'Atlassian API token',
    severity: 'high',
    summary: 'Atlassian account API token (ATATT3 prefix) for Jira, Confluence and other Atlassian Cloud products.',
    provider: 'atlassian',
    credentialType: 'api-token',
    help: {
      why: 'An Atlassian API token (with the account email) acts as that user across every Atlassian Cloud site they belong to: reading and deleting Jira issues and Confluence spaces, and site administration when the user is an admin.',
      fix: 'Revoke the token (id.atlassian.com → Security → API tokens) and create a scoped token with an expiry for automation, ideally for a service account.',
      references: ['https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/', 'https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/'],
    },
  },
  keywords: ['atatt3'],
  pattern: /\b(ATATT3[A-Za-z0-9_=-]{150,250})(?![A-Za-z0-9_=-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(6), 4.5),
  classify: (_v, ctx) => {
    const email = /([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24})/.exec(ctx.window)?.[1];
    const site = /([a-z0-9-]+\.atlassian\.net)/i.exec(ctx.window)?.[1];
    const attributes: Record<string, string> = {};
    if (email) attributes.email = email;
    if (site) attributes.site = site;
    return { attributes };
  },
  examples: {
    positive: ['JIRA_URL=https://acme.atlassian.net\nJIRA_EMAIL=ops@acme-widgets.io\nJIRA_API_TOKEN=ATATT3xFfGF0Vc0QQHAKx4OiD8WMU4XtdQM_VCI3EvYTdjiUnLR8PF7P-F0CS-LYw6HocfSs-ueE8QWVnaFKECcmVWbHWbBZLUQBASrOPXwHf767NjUL9IwLaDL179Woz4vyliU9c6RxeLS92BzF_UETX2Gb1UFw1NcR1pnhVlK15BB5GA1HyBYdC4=7C750272'],
    negative: ['JIRA_API_TOKEN=ATATT3xFfGF0Vc0QQHAKx4OiD8WMU4', 'JIRA_API_TOKEN=ATATT3<your-token>'],
  },
};

export default [atlassianApiToken];
