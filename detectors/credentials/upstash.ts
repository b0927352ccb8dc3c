// Upstash credentials. Redis REST tokens have no documented prefix and are recognised by the variables Upstash's SDKs
// read (UPSTASH_REDIS_REST_TOKEN, KV_REST_API_TOKEN on Vercel); QStash tokens are base64 of a JSON object that starts
// {"UserID": …}. https://upstash.com/docs/redis/features/restapi  https://upstash.com/docs/qstash/howto/publishing
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, mixedAlnum } from './shared.js';

export const upstashRedisRestToken: CredentialRule = {
  meta: {
    id: 'upstash-redis-rest-token',
    title: 'Upstash Redis REST token',
    severity: 'high',
    summary: 'Upstash Redis REST token bound to UPSTASH_REDIS_REST_TOKEN / KV_REST_API_TOKEN (read-only tokens are recognised by name).',
    provider: 'upstash',
    credentialType: 'redis-rest-token',
    help: {
      why: 'The REST token runs any Redis command over HTTPS against the database — `FLUSHDB` included — from anywhere, unless it is the read-only token.',
      fix: 'Reset the database password/token (Upstash console → database → Reset credentials) and give clients that only read the read-only token.',
      references: ['https://upstash.com/docs/redis/features/restapi', 'https://upstash.com/docs/redis/features/security'],
    },
  },
  keywords: ['rest_token', 'rest_api_token', 'upstash'],
  pattern: /(?:UPSTASH_REDIS_REST_TOKEN|KV_REST_API_TOKEN|KV_REST_API_READ_ONLY_TOKEN|upstash[-_ ]?(?:redis[-_ ]?)?(?:rest[-_ ]?)?token)["']?\s*(?::=|=>|[:=])\s*["']?([A-Za-z0-9_=-]+)/i,
  secretGroup: 1,
  validate: (v) => v.length >= 40 && v.length <= 200 && mixedAlnum(v) && highEntropy(v, 4),
  classify: (_v, ctx) =>
    /read[-_ ]?only/i.test(ctx.variable ?? ctx.line) ? { type: 'redis-rest-readonly-token', attributes: { access: 'read' } } : { attributes: { access: 'read-write' } },
  examples: {
    positive: ['UPSTASH_REDIS_REST_TOKEN="AxBBASQgN9fvnKOAczTqIUyG6i5WWC8ypP1bMD9JWlhe-wjvucqWTEBfUJh6rOAxi4aZq"'],
    negative: ['UPSTASH_REDIS_REST_URL="https://eu1-fun-owl-31234.upstash.io"', 'UPSTASH_REDIS_REST_TOKEN="${UPSTASH_TOKEN}"'],
  },
};

export const upstashQstashToken: CredentialRule = {
  meta: {
    id: 'upstash-qstash-token',
    title: 'Upstash QStash token',
    severity: 'medium',
    summary: 'Upstash QStash token (base64 JSON with UserID and Password): publishes messages and manages schedules.',
    provider: 'upstash',
    credentialType: 'qstash-token',
    help: {
      why: 'A QStash token publishes messages to any endpoint on the account\'s bill and can create or delete schedules and queues — including the ones that trigger backups or cleanups.',
      fix: 'Roll the token (QStash console → Roll token) and keep it server-side.',
      references: ['https://upstash.com/docs/qstash/howto/publishing', 'https://upstash.com/docs/qstash/howto/roll-signing-keys'],
    },
  },
  keywords: ['eyjvc2vysuqioi'],
  pattern: /\b(eyJVc2VySUQiOi[A-Za-z0-9+/]{40,300}={0,2})(?![A-Za-z0-9+/=])/,
  secretGroup: 1,
  validate: (v) => {
    try {
      const o = JSON.parse(Buffer.from(v, 'base64').toString('utf8')) as Record<string, unknown>;
      return typeof o.UserID === 'string' && typeof o.Password === 'string' && o.Password.length >= 16;
    } catch {
      return false;
    }
  },
  examples: {
    positive: ['QSTASH_TOKEN=eyJVc2VySUQiOiJlMzFjZmI1OC01MzBlLTQwNGMtYjE5My03ZGUyYzc0OThkMGMiLCJQYXNzd29yZCI6IjAwNmIzZjZjYTg3NjhlZjUzZTdlMzRmYmQ0YzE1Mjk2In0='],
    negative: ['QSTASH_TOKEN=eyJVc2VySUQiOiJhYmMiLCJQYXNzd29yZCI6IiJ9', 'QSTASH_TOKEN=eyJVc2VySUQiOiJub3QganNvbg=='],
  },
};

export default [upstashRedisRestToken, upstashQstashToken];
