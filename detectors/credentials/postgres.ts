// PostgreSQL connection URLs with an inline password (libpq URI form, also SQLAlchemy's postgresql+driver://).
// https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS
import { connectionUrlRule } from './shared.js';

export const postgresConnectionUrl = connectionUrlRule({
  id: 'postgres-connection-url',
  provider: 'postgres',
  title: 'PostgreSQL connection URL',
  schemes: String.raw`postgres(?:ql)?(?:\+[a-z0-9]+)?`,
  keywords: ['postgres'],
  help: {
    why: 'A connection URL with a password logs in as that role. Application roles usually own their tables, so the URL alone can `DROP` or `TRUNCATE` production data; a superuser or the managed-service admin role can also drop databases and replication slots.',
    fix: 'Change the role\'s password (`ALTER ROLE … PASSWORD`), read the URL from a secret store or the platform\'s injected variable instead of committing it, and give applications a role without ownership or DDL rights.',
    references: ['https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS', 'https://www.postgresql.org/docs/current/sql-alterrole.html'],
  },
  examples: {
    positive: [
      'DATABASE_URL=postgres://app_rw:7DD5qQdJFr6UnDh2ERHb@db.internal.acme.io:5432/orders',
      'url = "postgresql+psycopg2://analytics:2SE37aaWguHWxo3AKQ@orders-prod.c8x2kq1v.eu-west-1.rds.amazonaws.com/warehouse?sslmode=require"',
      'REDIS_AND_PG=postgresql://postgres.ukhtqzrvmbcwsplxdnae:7DD5qQdJFr6UnDh2ERHb@aws-0-eu-central-1.pooler.supabase.com:6543/postgres',
    ],
    negative: [
      ' * postgres://[user][:password]@[host][:port]/[dbname]',
      'DATABASE_URL=postgres://app_rw:password@localhost:5432/orders',
      'DATABASE_URL=postgres://app_rw:${DB_PASSWORD}@db.internal.acme.io:5432/orders',
      'DATABASE_URL=postgres://db.internal.acme.io:5432/orders',
      'DATABASE_URL=postgresql://user:<password>@host:5432/db',
    ],
  },
});

export default [postgresConnectionUrl];
