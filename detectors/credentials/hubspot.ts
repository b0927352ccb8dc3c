// HubSpot private app access tokens: `pat-<region>-` + a UUID (e.g. pat-na1-…, pat-eu1-…). Legacy API keys (hapikey,
// retired 2022) are bare UUIDs and need HubSpot context. https://developers.hubspot.com/docs/api/private-apps
import type { CredentialRule } from '../../src/core/types.js';
import { boundToProvider } from './shared.js';

const help = {
  why: 'A HubSpot private app token reads and writes the CRM data in its scopes — contacts, companies, deals, often marketing email and files — and can delete records.',
  fix: 'Rotate the token in HubSpot (Settings → Integrations → Private apps → the app → Auth → Rotate), narrow its scopes, and keep it in a secret store.',
  references: ['https://developers.hubspot.com/docs/api/private-apps', 'https://developers.hubspot.com/docs/api/migrate-an-api-key-integration-to-a-private-app'],
};

export const hubspotPrivateAppToken: CredentialRule = {
  meta: { id: 'hubspot-private-app-token', title: 'HubSpot private app token', severity: 'high', summary: 'HubSpot private app access token (pat-na1-<uuid>).', provider: 'hubspot', credentialType: 'private-app-token', help },
  keywords: ['pat-na', 'pat-eu', 'pat-ap'],
  pattern: /(?<![\w-])(pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/,
  secretGroup: 1,
  classify: (v) => ({ attributes: { region: v.split('-')[1]! } }),
  examples: {
    positive: ['HUBSPOT_ACCESS_TOKEN=pat-na1-22a29752-fb05-d937-b5c4-209af07966b8'],
    negative: ['pat-na1-66f7cb4e-ad14', 'pat-xx1-52c45667-f342-9da3-46e0-5a1b99817f60'],
  },
};

export const hubspotApiKey: CredentialRule = {
  meta: { id: 'hubspot-api-key', title: 'HubSpot API key (legacy)', severity: 'high', summary: 'HubSpot legacy API key (hapikey UUID) with HubSpot context.', provider: 'hubspot', credentialType: 'api-key', help },
  keywords: ['hubspot', 'hapikey'],
  pattern: /(?<![\w-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/,
  secretGroup: 1,
  validate: (_v, ctx) => /hapikey=$/i.test(ctx.line.slice(0, ctx.line.indexOf(_v))) || boundToProvider(ctx, /hubspot|hapikey/i, /api[-_]?key|hapikey/i),
  examples: {
    positive: ['HUBSPOT_API_KEY=3f78c9c6-7a77-c42e-5d24-6978d885f47f', 'https://api.hubapi.com/contacts/v1/lists?hapikey=f7c92f1d-7d33-7afb-39bf-e935639f36bc'],
    negative: ['HUBSPOT_PORTAL_ID=f3f9c070-c4b3-4e26-9a53-24302f201cc0', 'HUBSPOT_API_KEY=eedf63ff-7e0a'],
  },
};

export default [hubspotPrivateAppToken, hubspotApiKey];
