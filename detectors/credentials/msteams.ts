// Microsoft Teams incoming webhooks (Office 365 connectors):
// https://<tenant>.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<32 hex>/<connector id>[/<signature>]
// https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
import type { CredentialRule } from '../../src/core/types.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const teamsWebhook: CredentialRule = {
  meta: {
    id: 'msteams-webhook-url',
    title: 'Microsoft Teams incoming webhook',
    severity: 'medium',
    summary: 'Microsoft Teams incoming webhook URL (webhook.office.com/webhookb2/…): posts into a channel.',
    provider: 'microsoft-teams',
    credentialType: 'webhook',
    help: {
      why: 'Anyone with the URL can post messages and cards into the channel, which makes convincing phishing and alert spoofing easy.',
      fix: 'Remove the connector or workflow from the channel (Manage channel → Connectors/Workflows) and create a new one stored as a secret.',
      references: ['https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook'],
    },
  },
  keywords: ['webhook.office.com', 'outlook.office.com/webhook'],
  pattern: new RegExp(
    `(https://(?:[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${GUID}@${GUID}/IncomingWebhook/[0-9a-f]{32}/${GUID}(?:/[A-Za-z0-9_-]{20,80})?)(?![\\w-])`,
    'i',
  ),
  secretGroup: 1,
  classify: () => ({ attributes: { tokenType: 'webhook' } }),
  examples: {
    positive: ['TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/39c0dea7-679f-f4b0-922b-a45f1ecca035@10d1eb4a-3e70-47d4-bc4e-9d7da34ef3fb/IncomingWebhook/dddc0e851f611ed577476ce36c533b9a/c82eeddd-30c4-c60c-a521-4f25861f5dcc'],
    negative: [
      'https://contoso.webhook.office.com/webhookb2/a5d641e2-5c7b-0b72-f320-60412ab85d3a/IncomingWebhook/',
      'https://contoso.sharepoint.com/webhookb2/d7bd8135-aa5a-a901-28cc-de644713f615@005d7170-6c06-d24d-4ae9-617420c66e74/IncomingWebhook/40020cde9371598328ad12c998800a3b/d6186c89-c8c2-16fe-37e7-286e0cf0ac3f',
    ],
  },
};

export default [teamsWebhook];
