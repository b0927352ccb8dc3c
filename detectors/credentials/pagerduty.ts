// PagerDuty keys carry no prefix. REST API keys are 20 characters (user tokens begin `u+`), sent as
// `Authorization: Token token=<key>`; Events API v2 integration (routing) keys are 32 hex.
// https://support.pagerduty.com/main/docs/api-access-keys  https://developer.pagerduty.com/docs/events-api-v2-overview
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

const help = {
  why: 'A PagerDuty REST API key (account-wide or a user token) can read incidents and on-call data and change or delete services, schedules, escalation policies and users — silencing alerting. An integration key can open and resolve incidents on its service.',
  fix: 'Delete the key in PagerDuty (Integrations → API Access Keys, or the user\'s User Settings; service integrations for routing keys), create a read-only replacement where possible, and keep it in a secret store.',
  references: ['https://support.pagerduty.com/main/docs/api-access-keys', 'https://developer.pagerduty.com/docs/events-api-v2-overview'],
};
const PD = /pagerduty|(?:^|[^a-z])pd[_-]/i;

export const pagerdutyApiKey: CredentialRule = {
  meta: {
    id: 'pagerduty-api-key',
    title: 'PagerDuty REST API key',
    severity: 'high',
    summary: 'PagerDuty REST API key or user token (20 characters) with PagerDuty context.',
    provider: 'pagerduty',
    credentialType: 'api-key',
    help,
  },
  keywords: ['pagerduty'],
  pattern: /(?<![\w+-])(u\+[A-Za-z0-9_-]{18}|[A-Za-z0-9_-]{20})(?![\w+-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v.replace(/^u\+/, ''), 18) && boundToProvider(ctx, PD, /token|key|secret|auth/i),
  classify: (v) => ({ attributes: { keyClass: v.startsWith('u+') ? 'user-token' : 'account-key' } }),
  examples: {
    positive: ['PAGERDUTY_API_KEY=5F-vCtwswdOuVdwsJnlQ', 'PAGERDUTY_TOKEN=u+_pvpaMaYxegRWi16U6'],
    negative: ['PAGERDUTY_SERVICE_ID=S0QUY4H1RCV2KSXKTWC1', 'PAGERDUTY_API_KEY=im09VgOutlqj'],
  },
};

export const pagerdutyIntegrationKey: CredentialRule = {
  meta: {
    id: 'pagerduty-integration-key',
    title: 'PagerDuty integration (routing) key',
    severity: 'medium',
    summary: 'PagerDuty Events API v2 integration/routing key (32 hex) with PagerDuty context.',
    provider: 'pagerduty',
    credentialType: 'integration-key',
    help,
  },
  keywords: ['pagerduty', 'routing_key', 'routing-key'],
  pattern: /(?<![A-Za-z0-9])([0-9a-f]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && boundToProvider(ctx, /pagerduty|routing[-_]?key|integration[-_]?key/i, /key|token|secret/i),
  examples: {
    positive: ['PAGERDUTY_ROUTING_KEY=3a20e2eb363e36e7db37cd357bae010c'],
    negative: ['PAGERDUTY_ESCALATION_POLICY=63d41d1c08cd7c52fc9eab0c49092b3b', 'ROUTING_KEY=7700e71364464e407166'],
  },
};

export default [pagerdutyIntegrationKey, pagerdutyApiKey];
