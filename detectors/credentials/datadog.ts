// Datadog keys have no prefix: API keys are 32 hex, application keys 40 hex. They are recognised by the variables
// the agent and libraries read (DD_API_KEY, DATADOG_API_KEY, DD_APP_KEY, DD_APPLICATION_KEY) or the DD-API-KEY /
// DD-APPLICATION-KEY headers. https://docs.datadoghq.com/account_management/api-app-keys/
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

const help = {
  why: 'A Datadog API key submits metrics, logs and events to the organization (and can flood or poison them); an application key, together with an API key, acts as its user on the whole API — reading logs and traces, editing or deleting monitors and dashboards, and managing the organization if the user is an admin.',
  fix: 'Revoke the key in Datadog (Organization Settings → API Keys / Application Keys), create a replacement (scoped application keys where possible), and keep it in a secret store.',
  references: ['https://docs.datadoghq.com/account_management/api-app-keys/', 'https://docs.datadoghq.com/api/latest/authentication/'],
};
const DD = /datadog|(?:^|[^a-z])dd[_-]|^dd/i;
const appContext = (ctx: MatchContext) => /app(?:lication)?[-_]?key/i.test(`${ctx.variable ?? ''} ${ctx.line}`);

export const datadogApiKey: CredentialRule = {
  meta: {
    id: 'datadog-api-key',
    title: 'Datadog API key',
    severity: 'medium',
    summary: 'Datadog API key (32 hex) bound to DD_API_KEY/DATADOG_API_KEY or the DD-API-KEY header.',
    provider: 'datadog',
    credentialType: 'api-key',
    help,
  },
  keywords: ['datadog', 'dd_', 'dd-api'],
  pattern: /(?<![A-Za-z0-9])([0-9a-f]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && !appContext(ctx) && boundToProvider(ctx, DD, /api[-_]?key|key/i),
  examples: {
    positive: ['DD_API_KEY=24c186c6d0abec2cba23594219844578', "headers: { 'DD-API-KEY': '9218fca736dcaf0489def2af0752b09c' }"],
    negative: ['DD_TRACE_ID=fcc688a0263f5b9149dfcef5be674e56', 'CHECKSUM=241745acd2b6564dd0f65386413abe16'],
  },
};

export const datadogAppKey: CredentialRule = {
  meta: {
    id: 'datadog-app-key',
    title: 'Datadog application key',
    severity: 'high',
    summary: 'Datadog application key (40 hex) bound to DD_APP_KEY/DD_APPLICATION_KEY or the DD-APPLICATION-KEY header.',
    provider: 'datadog',
    credentialType: 'application-key',
    help,
  },
  keywords: ['datadog', 'dd_', 'dd-application'],
  pattern: /(?<![A-Za-z0-9])([0-9a-f]{40})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && appContext(ctx) && boundToProvider(ctx, DD, /app(?:lication)?[-_]?key/i),
  examples: {
    positive: ['DD_APP_KEY=055e20f922263a8f5557964475c9a17178059531', 'DATADOG_APPLICATION_KEY="086ad60e4e50e8422e4b557dcf64e9cef8bfd804"'],
    negative: ['DD_GIT_COMMIT_SHA=36c4b4df830cd0dddeb1688a330b31afc1a2f07a', 'DD_APP_KEY=31ff7fb5af3a7c28cb061bd24a08e8f8'],
  },
};

export default [datadogAppKey, datadogApiKey];
