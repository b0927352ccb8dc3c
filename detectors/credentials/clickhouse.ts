// ClickHouse connection URLs with an inline password (clickhouse://, clickhouse+native://, clickhouses://).
// https://clickhouse.com/docs/integrations/language-clients/python/driver-api#connection-arguments
import { connectionUrlRule } from './shared.js';

export const clickhouseConnectionUrl = connectionUrlRule({
  id: 'clickhouse-connection-url',
  provider: 'clickhouse',
  title: 'ClickHouse connection URL',
  schemes: String.raw`clickhouses?(?:\+[a-z0-9]+)?`,
  keywords: ['clickhouse'],
  help: {
    why: 'A ClickHouse user with a password can run any query its grants allow; the `default` user on ClickHouse Cloud is an administrator that can drop every database and table.',
    fix: 'Reset the user\'s password, keep the URL in a secret store, and create application users with grants limited to the tables they use.',
    references: ['https://clickhouse.com/docs/operations/access-rights', 'https://clickhouse.com/docs/cloud/security/cloud-access-management'],
  },
  examples: {
    positive: ['CLICKHOUSE_URL=clickhouse://default:7DD5qQdJFr6UnDh2ERHb@q1w2e3r4t5.eu-west-1.aws.clickhouse.cloud:9440/events?secure=true'],
    negative: ['CLICKHOUSE_URL=clickhouse://default@localhost:9000/events', 'CLICKHOUSE_URL=clickhouse://default:$CH_PASSWORD@localhost:9000/events'],
  },
});

export default [clickhouseConnectionUrl];
