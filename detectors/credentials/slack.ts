// Slack tokens and webhooks. https://api.slack.com/concepts/token-types  https://api.slack.com/authentication/rotation
// xoxb- bot, xoxp- user, xapp- app-level, xoxa-2/xoxr- legacy workspace-app tokens, xoxe.xoxp-/xoxe.xoxb- rotating
// tokens, xoxe-1- refresh tokens, xoxc-/xoxd- browser session token and cookie, incoming webhooks
// (hooks.slack.com/services/T…/B…/…) and Workflow Builder webhooks (hooks.slack.com/workflows|triggers/…).
import type { CredentialRule, Severity } from '../../src/core/types.js';
import { isDocumentedExample } from './shared.js';

const help = {
  why: 'A Slack token acts as the bot, user or app that owns it: with the usual scopes it can read channels and direct messages, post as the workspace, and invite or remove members. User and session tokens carry everything the person can do.',
  fix: 'Revoke the token (api.slack.com/apps → your app → OAuth & Permissions → Revoke, or `auth.revoke`), reinstall the app to mint a new one, enable token rotation, and keep tokens in a secret store.',
  references: ['https://api.slack.com/concepts/token-types', 'https://api.slack.com/authentication/best-practices', 'https://api.slack.com/methods/auth.revoke'],
};

function slackRule(o: {
  id: string;
  title: string;
  type: string;
  tokenType: string;
  severity: Severity;
  summary: string;
  keywords: string[];
  pattern: RegExp;
  positive: string[];
  negative: string[];
}): CredentialRule {
  return {
    meta: { id: o.id, title: o.title, severity: o.severity, summary: o.summary, provider: 'slack', credentialType: o.type, help },
    keywords: o.keywords,
    pattern: o.pattern,
    secretGroup: 1,
    validate: (v) => !isDocumentedExample(v),
    classify: () => ({ attributes: { tokenType: o.tokenType } }),
    examples: { positive: o.positive, negative: o.negative },
  };
}

export const slackBotToken = slackRule({
  id: 'slack-bot-token',
  title: 'Slack bot token',
  type: 'bot-token',
  tokenType: 'bot',
  severity: 'high',
  summary: 'Slack bot user OAuth token (xoxb-).',
  keywords: ['xoxb-'],
  pattern: /(?<![\w-])(xoxb-[0-9]{8,14}(?:-[0-9]{8,14})?-[A-Za-z0-9]{24,34})(?![\w-])/,
  positive: ['SLACK_BOT_TOKEN=xoxb-188442040422-1260951611575-1wCxyUYXCCNjvoCJHXew0hDS'],
  negative: ['xoxb-not-a-real-token-this-will-not-work', 'xoxb-398641495448-3977098199463-4KKUkG26TPkg'],
});

export const slackUserToken = slackRule({
  id: 'slack-user-token',
  title: 'Slack user token',
  type: 'user-token',
  tokenType: 'user',
  severity: 'high',
  summary: 'Slack user OAuth token (xoxp-): acts as the person who installed the app.',
  keywords: ['xoxp-'],
  pattern: /(?<![\w.-])(xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32})(?![\w-])/,
  positive: ['SLACK_USER_TOKEN="xoxp-933581971671-732870946378-2090152516148-cc5c4e5079f66ef1a3bda93d61ab3bb6"'],
  negative: ['xoxp-345852561730-680552972821-e934e0433b691d139bdc281f55ebc0a9', 'xoxp-146007020178-281474217177-7453148701071-lvpQZbaB0Keu4CPSTd5JYfSzH31V7DTL'],
});

export const slackAppToken = slackRule({
  id: 'slack-app-token',
  title: 'Slack app-level token',
  type: 'app-token',
  tokenType: 'app',
  severity: 'high',
  summary: 'Slack app-level token (xapp-): Socket Mode connections and app-wide event access.',
  keywords: ['xapp-'],
  pattern: /(?<![\w-])(xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64})(?![\w-])/,
  positive: ['SLACK_APP_TOKEN=xapp-1-AS6EFZBK36R-5804942795054-42ba6074653bb66250ca6d54e1e29511374a2bc6a07561686d564a6e9e85832f'],
  negative: ['xapp-1-AEA4C1E51UO-8783816112799-b8895cb12f6b5ca57675d07e611e508995f77ca4', 'xapp-token-here'],
});

export const slackWorkspaceToken = slackRule({
  id: 'slack-workspace-token',
  title: 'Slack workspace app token',
  type: 'workspace-token',
  tokenType: 'workspace',
  severity: 'high',
  summary: 'Slack legacy workspace-app access (xoxa-2-) or refresh (xoxr-) token.',
  keywords: ['xoxa-', 'xoxr-'],
  pattern: /(?<![\w-])(xox[ar]-(?:2-)?[0-9]{6,14}-[0-9A-Za-z-]{20,160})(?![\w-])/,
  positive: ['SLACK_TOKEN=xoxa-2-857222538761-899982505352-910252462286-d205519237a0ee20f0147e257a087f7b'],
  negative: ['xoxa-2-short', 'xoxa-2-msdamtzormgbedvofcxlvzygdcgmxv'],
});

export const slackRotatingToken = slackRule({
  id: 'slack-rotating-token',
  title: 'Slack rotating access token',
  type: 'rotating-token',
  tokenType: 'user',
  severity: 'high',
  summary: 'Slack rotating (expiring) user or bot access token (xoxe.xoxp-/xoxe.xoxb-).',
  keywords: ['xoxe.xox'],
  pattern: /(?<![\w.-])(xoxe\.xox[bp]-1-[A-Za-z0-9-]{100,200})(?![\w-])/,
  positive: ['SLACK_CONFIG_TOKEN=xoxe.xoxp-1-eenlg2wBMABshrAZiwoDXZijzONg5F5xVhVTIWmM81ojxvovzN1nYzavtIFc2oJ4gQLVNC6quqFZE8g2AN4xvNeVY7tg1pdqHjZsJbILXOoQJGAaFf6RcJuOWfp2sECD3zgv277jwV0P5Nef6U'],
  negative: ['xoxe.xoxp-1-zSpIzzasYj9EHDCkbZowKLkR4UycHo8eLvGhACgU', 'xoxe.xoxp-1-your-token-here'],
});

export const slackRefreshToken = slackRule({
  id: 'slack-refresh-token',
  title: 'Slack refresh token',
  type: 'refresh-token',
  tokenType: 'refresh',
  severity: 'high',
  summary: 'Slack token-rotation refresh token (xoxe-1-): mints new access tokens.',
  keywords: ['xoxe-'],
  pattern: /(?<![\w.-])(xoxe-1-[A-Za-z0-9-]{100,200})(?![\w-])/,
  positive: ['SLACK_REFRESH_TOKEN=xoxe-1-hWkArLduEvC6Bs9UFEl1PM5SPFMVgCUebABCNzxTU61P426uXbU1OnySAvOVEHPuhJFLv7kznsReCScdszoaIC5rn4i0apqmk36TEQxQmK56PjTjIsIjjtm9y3B3yOK4nodsj8NGpEZY'],
  negative: ['xoxe-1-HW4kME47AAyA6jgzsN6IZf5XZSUxNV', 'xoxe-2-RhzDobXwQgAJnTYtOoPDwr3V5trFBHB4zTBMHaFJJEN7yDBKvaV0zKIbt6EwiFYbsltrGqV3RhUkrnQD4fSBk5bP6ytVKLnMoKveBx2YdBExPMvtaldKuirYJLDIyjcHl3IRvCRIFHBi'],
});

export const slackSessionToken = slackRule({
  id: 'slack-session-token',
  title: 'Slack browser session token',
  type: 'session-token',
  tokenType: 'session',
  severity: 'critical',
  summary: 'Slack web-client session token (xoxc-) or `d` cookie (xoxd-): a signed-in user session.',
  keywords: ['xoxc-', 'xoxd-'],
  pattern: /(?<![\w-])(xoxc-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{64}|xoxd-[A-Za-z0-9%/+=]{40,600})(?![\w%/+=-])/,
  positive: ['SLACK_XOXC=xoxc-682044249541-998200807130-3277713580199-23cf72548512a30868d2daaf95ac8a647828470c824cce9036e9b0dd10e7c257', 'SLACK_D_COOKIE=xoxd-0I2OooxV1FlyzLjGs+9Wy0Ox9oSxU3D+RgJDYKfXDlIHuUUnClfelBnv9TrL%2FapHKcb2MZ9GyoKHj/t/XbIcO+unLKWTZJ7mBglg3%3D'],
  negative: ['xoxc-834726274207-6f25bfdef32a830bbdf2e6858ab6717a8839c7606e4156d9e9b203b24a685862', 'xoxd-short'],
});

export const slackWebhook = slackRule({
  id: 'slack-webhook-url',
  title: 'Slack incoming webhook',
  type: 'webhook',
  tokenType: 'webhook',
  severity: 'medium',
  summary: 'Slack incoming webhook URL (hooks.slack.com/services/T…/B…/…): posts to a channel as the app.',
  keywords: ['hooks.slack.com'],
  pattern: /(https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{23,25})(?![A-Za-z0-9])/,
  positive: ['SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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'],
  negative: [
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    'https://hooks.slack.com/services/TSLIRBVAXL/BHJARGFRMRN/short',
  ],
});

export const slackWorkflowWebhook = slackRule({
  id: 'slack-workflow-webhook-url',
  title: 'Slack workflow webhook',
  type: 'workflow-webhook',
  tokenType: 'webhook',
  severity: 'medium',
  summary: 'Slack Workflow Builder webhook URL (hooks.slack.com/workflows|triggers/…): starts a workflow with your data.',
  keywords: ['hooks.slack.com'],
  pattern: /(https:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/(?:[A-Z0-9]{8,12}\/)?[0-9]{6,20}\/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])/,
  positive: ['WORKFLOW_HOOK=https://hooks.slack.com/triggers/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'],
  negative: ['https://hooks.slack.com/triggers/TSDVKASAGY/1313873344228', 'https://hooks.slack.com/workflows/TFHNFOVACS/AHEUPQIPOBG/short/abc'],
});

export default [
  slackBotToken,
  slackUserToken,
  slackAppToken,
  slackWorkspaceToken,
  slackRotatingToken,
  slackRefreshToken,
  slackSessionToken,
  slackWebhook,
  slackWorkflowWebhook,
];
