// CockroachDB connection URLs with an inline password (cockroachdb:// as used by SQLAlchemy and Prisma; CockroachDB
// also accepts postgresql://, which the PostgreSQL rule covers). https://www.cockroachlabs.com/docs/stable/connection-parameters
import { connectionUrlRule } from './shared.js';

export const cockroachdbConnectionUrl = connectionUrlRule({
  id: 'cockroachdb-connection-url',
  provider: 'cockroachdb',
  title: 'CockroachDB connection URL',
  schemes: String.raw`cockroachdb(?:\+[a-z0-9]+)?`,
  keywords: ['cockroachdb'],
  help: {
    why: 'A SQL user with a password can do whatever its grants allow on the cluster; users in the `admin` role can drop databases and cancel or delete backup schedules.',
    fix: 'Change the user\'s password (`ALTER USER … WITH PASSWORD`), keep the URL in a secret store, and prefer certificate or SSO authentication for operators.',
    references: ['https://www.cockroachlabs.com/docs/stable/connection-parameters', 'https://www.cockroachlabs.com/docs/stable/authorization'],
  },
  examples: {
    positive: ['DATABASE_URL=cockroachdb://ledger:7DD5qQdJFr6UnDh2ERHb@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/ledger?sslmode=verify-full'],
    negative: ['DATABASE_URL=cockroachdb://root@localhost:26257/defaultdb?sslmode=disable', 'DATABASE_URL=cockroachdb://ledger:<password>@host:26257/ledger'],
  },
});

export default [cockroachdbConnectionUrl];
