// Discord bot tokens and webhooks. https://discord.com/developers/docs/reference#authentication
// A bot token is three dot-separated base64url parts; the first is the base64 of the bot's numeric user id (a
// snowflake), which is checked here, and a Discord variable or nearby Discord code is required as well.
// Webhooks: https://discord.com/api/webhooks/<id>/<token> https://discord.com/developers/docs/resources/webhook
import type { CredentialRule } from '../../src/core/types.js';
import { decodeBase64, boundToProvider } from './shared.js';

const help = {
  why: 'A bot token logs in as the bot in every server it has joined, with all of its permissions: read and delete messages, ban members, manage channels and roles.',
  fix: 'Reset the token in the Discord Developer Portal (Applications → your app → Bot → Reset Token) and load the new one from a secret store.',
  references: ['https://discord.com/developers/docs/reference#authentication', 'https://discord.com/developers/docs/topics/oauth2#bots'],
};

export const discordBotToken: CredentialRule = {
  meta: {
    id: 'discord-bot-token',
    title: 'Discord bot token',
    severity: 'high',
    summary: 'Discord bot token (base64 snowflake . timestamp . HMAC), with Discord context.',
    provider: 'discord',
    credentialType: 'bot-token',
    help,
  },
  keywords: ['discord'],
  pattern: /(?<![\w.-])([MNO][A-Za-z0-9_-]{22,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![\w.-])/,
  secretGroup: 1,
  validate: (v, ctx) => /^[0-9]{17,20}$/.test(decodeBase64(v.split('.')[0]!) ?? '') && boundToProvider(ctx, /discord/i),
  classify: (v) => ({ attributes: { botId: decodeBase64(v.split('.')[0]!) ?? '' } }),
  examples: {
    positive: ['DISCORD_BOT_TOKEN=MTEyMzQ1Njc4OTEyMzQ1Njc4OQ.x6Jlz2.jwgHLj-VOVQEth75e7yam-jWjGH3Wt2mdtWVjl'],
    negative: ['DISCORD_BOT_TOKEN=Mabcdefghiklmnopqrstuvwx.7pszgA.n7Cd6ciYxWNKIPHTww4DRp8ihWtn5eAJdyBL-Q', 'OTHER_TOKEN=MTEyMzQ1Njc4OTEyMzQ1Njc4OQ.03OM7l.MT68lofpgutPCTr3izxPaqcxowHtbL7BZqGxY1'],
  },
};

export const discordWebhook: CredentialRule = {
  meta: {
    id: 'discord-webhook-url',
    title: 'Discord webhook',
    severity: 'medium',
    summary: 'Discord webhook URL (discord.com/api/webhooks/<id>/<token>): posts to a channel, and can edit or delete the webhook.',
    provider: 'discord',
    credentialType: 'webhook',
    help: {
      ...help,
      why: 'Anyone with the webhook URL can post messages (with any name and avatar) to the channel, and can edit or delete the webhook itself.',
      fix: 'Delete the webhook in the channel settings (Integrations → Webhooks) and create a new one stored as a secret.',
      references: ['https://discord.com/developers/docs/resources/webhook'],
    },
  },
  keywords: ['/api/webhooks/'],
  pattern: /(https:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api\/(?:v[0-9]{1,2}\/)?webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,80})(?![\w-])/,
  secretGroup: 1,
  classify: () => ({ attributes: { tokenType: 'webhook' } }),
  examples: {
    positive: ['DISCORD_WEBHOOK=https://discord.com/api/webhooks/4423730273585441026/UqOUlxnmla33jvzfNc9J4GaBCVQ3e44r3bfd_NHXphn1F1T9UJCRR7EGRsprkIs3XakW'],
    negative: ['https://discord.com/api/webhooks/2003790418953278624/short', 'https://example.org/api/webhooks/3793217568578142383/vF3kBPHMvgGZHgySZj8zqK-di3lle0D5A2jkXJNdxBQYEKN3BVOgJDd8tr72SDRmpoMl'],
  },
};

export default [discordBotToken, discordWebhook];
