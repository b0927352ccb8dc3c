// X (Twitter) app-only bearer tokens: a run of `A`s (the zero-padded app id prefix) followed by URL-encoded base64.
// https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens
// The engine's placeholder filter rejects any value containing 8 repeated characters, which every bearer token does,
// so the rule captures the part after the `A` run and `classify` restores the full token as the credential's value.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { escapeRegExp } from '../../src/core/text.js';
import { lettersAndDigits } from './shared.js';

function fullToken(suffix: string, ctx: MatchContext): string | undefined {
  return new RegExp(`A{20,24}${escapeRegExp(suffix)}`).exec(ctx.line)?.[0];
}

export const twitterBearerToken: CredentialRule = {
  meta: {
    id: 'twitter-bearer-token',
    title: 'X (Twitter) bearer token',
    severity: 'high',
    summary: 'X / Twitter API app-only bearer token (AAAAAAAAAAAAAAAAAAAAA…).',
    provider: 'twitter',
    credentialType: 'bearer-token',
    help: {
      why: 'The bearer token calls the X API as the app: it spends the app\'s paid quota and reads everything app-only auth allows (posts, users, lists, and more under elevated tiers).',
      fix: 'Regenerate the bearer token in the X developer portal (Projects & Apps → Keys and tokens), and keep it in a secret store.',
      references: ['https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens'],
    },
  },
  keywords: ['aaaaaaaaaaaaaaaaaaaa'],
  pattern: /(?<![A-Za-z0-9%])A{20,24}([B-Za-z0-9%][A-Za-z0-9%]{60,200})(?![A-Za-z0-9%])/,
  secretGroup: 1,
  validate: (v, ctx) => lettersAndDigits(v, 4) && fullToken(v, ctx) !== undefined,
  classify: (v, ctx) => ({ value: fullToken(v, ctx) ?? v }),
  examples: {
    positive: ['TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAN7qcAAAAAAAk6FbidV%2BbHQuFROD9CalVM4wSNOG%3DuZxPiJftpaPnBDEaSdJSdCezCvwD0cEs9p073wBNhHEdAE8IED'],
    negative: ['TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAATbRBJAHgBxpztWoMImT2', 'padding=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=='],
  },
};

export default [twitterBearerToken];
