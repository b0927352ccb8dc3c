// Telegram Bot API tokens: `<bot id>:<35 characters>`, the secret part starting with `AA`.
// https://core.telegram.org/bots/api#authorizing-your-bot  https://core.telegram.org/bots/features#botfather
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { boundToProvider } from './shared.js';
import { runStartAnchor } from './anchors.js';

const telegramContext = (ctx: MatchContext) =>
  boundToProvider(ctx, /telegram|\btg[_-]|api\.telegram\.org/i) || /bot[_-]?token/i.test(ctx.variable ?? '') || /api\.telegram\.org\/bot/i.test(ctx.line);

export const telegramBotToken: CredentialRule = {
  meta: {
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    severity: 'high',
    summary: 'Telegram Bot API token (<bot id>:AA…), with Telegram or bot-token context.',
    provider: 'telegram',
    credentialType: 'bot-token',
    help: {
      why: 'The token controls the bot: anyone holding it can read the messages sent to it, message its users and groups as the bot, and change its webhook to intercept updates.',
      fix: 'Revoke the token with @BotFather (`/revoke`), store the new one in a secret store, and re-register the webhook.',
      references: ['https://core.telegram.org/bots/api#authorizing-your-bot', 'https://core.telegram.org/bots/features#botfather'],
    },
  },
  keywords: ['telegram', 'bot'],
  pattern: /(?:(?<=\/bot)|(?<![\w:-]))([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![\w-])/,
  // The bot id is the whole run of digits before `:AA` (the look-behinds forbid starting inside it).
  anchor: runStartAnchor([':aa'], /[0-9]/, 10),
  secretGroup: 1,
  validate: (_v, ctx) => telegramContext(ctx),
  classify: (v) => ({ attributes: { botId: v.split(':')[0]! } }),
  examples: {
    positive: ['TELEGRAM_BOT_TOKEN=2255860136:AATi1tPOJ0fa6rJXxGOK4NMBtCrjUkftXiL', "fetch(`https://api.telegram.org/bot230660907:AAIUgBCysLLK-QYUY8cog7mxu68d1OdB1tT/getMe`)"],
    negative: ['BUILD_HASH=4953922529:AA9kD2pyIjHY2dZSTPgABgfOasrlr4CFBWB', 'TELEGRAM_BOT_TOKEN=3501335939:AAFmcBl_2qxoAqkSCOkojd'],
  },
};

export default [telegramBotToken];
