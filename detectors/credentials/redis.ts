// Redis / Valkey URLs with an inline password (redis://, rediss:// TLS; the user part is often empty).
// https://www.iana.org/assignments/uri-schemes/prov/redis  https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/
import { connectionUrlRule } from './shared.js';

export const redisConnectionUrl = connectionUrlRule({
  id: 'redis-connection-url',
  provider: 'redis',
  title: 'Redis connection URL',
  schemes: String.raw`rediss?|valkeys?`,
  keywords: ['redis', 'valkey'],
  help: {
    why: 'A Redis password (the `default` user unless ACLs are configured) allows every command, including `FLUSHALL` and `CONFIG SET`: queues, sessions and caches can be wiped in one call.',
    fix: 'Rotate the password, keep the URL in a secret store, and use Redis ACL users that exclude dangerous commands (`-@dangerous`) for applications.',
    references: ['https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/', 'https://www.iana.org/assignments/uri-schemes/prov/redis'],
  },
  examples: {
    positive: ['REDIS_URL=rediss://:7DD5qQdJFr6UnDh2ERHb@cache-prod.acme.io:6380/0', 'redis_url: "redis://default:2SE37aaWguHWxo3AKQ@fly-cache.upstash.io:6379"'],
    negative: ['REDIS_URL=redis://localhost:6379/0', 'REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379', 'REDIS_URL=redis://:pass@cache:6379'],
  },
});

export default [redisConnectionUrl];
