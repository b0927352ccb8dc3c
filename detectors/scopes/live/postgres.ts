// PostgreSQL, live: connect with the URL found, open a READ ONLY transaction, read the role's attributes and what it
// owns, roll back, disconnect. Only the allow-listed SELECTs below are ever sent.
// https://www.postgresql.org/docs/current/view-pg-roles.html  https://www.postgresql.org/docs/current/sql-begin.html
import pg from 'pg';
import type { Permission } from '../../../src/core/types.js';
import type { AllowRule, LiveProvider, LiveResolver, ProviderClient } from '../../../src/live/types.js';
import { obj } from './shared.js';

const provider: LiveProvider = { id: 'postgres', title: 'PostgreSQL', bases: {}, env: [], contacts: 'the database host named in each connection URL' };

export const SQL = {
  begin: 'BEGIN READ ONLY',
  role: 'SELECT r.rolname, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user',
  ownership:
    "SELECT current_database() AS datname, pg_get_userbyid(d.datdba) = current_user AS owns_database, (SELECT count(*) FROM pg_class c WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND c.relkind IN ('r', 'p')) AS owned_tables FROM pg_database d WHERE d.datname = current_database()",
  rollback: 'ROLLBACK',
} as const;

const allow: AllowRule[] = Object.values(SQL).map((sql) => ({ provider: 'postgres', kind: 'sql', sql }));

/** Where the URL points, without the password. */
function target(url: URL): string {
  return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname || '/'} as ${decodeURIComponent(url.username) || '(default role)'}`;
}

async function run(client: ProviderClient, db: pg.Client, sql: string): Promise<Record<string, unknown>> {
  client.guardSql(sql);
  const res = await db.query(sql);
  client.record(`SQL ${sql.split(/\s+/).slice(0, 3).join(' ')}… → ${res.rowCount ?? 0} row(s)`);
  return obj(res.rows[0]);
}

export const postgresLive: LiveResolver = {
  provider,
  allow,
  accepts: (cred, token) => cred.provider === 'postgres' && cred.type === 'connection-url' && /^postgres(?:ql)?(?:\+[a-z0-9]+)?:\/\//i.test(token),
  resolveLive: (cred, token, client) =>
    client.limited(async () => {
      const connectionString = token.replace(/^postgres(?:ql)?\+[a-z0-9]+:/i, 'postgresql:');
      const url = new URL(connectionString);
      const where = target(url);
      const db = new pg.Client({ connectionString, connectionTimeoutMillis: client.timeoutMs, query_timeout: client.timeoutMs, statement_timeout: client.timeoutMs, application_name: 'blastradius' });
      db.on('error', () => undefined);
      try {
        await db.connect();
        client.record(`postgres connect ${where} → connected`);
      } catch (e) {
        client.record(`postgres connect ${where} → failed: ${(e as Error).message}`);
        return { confirmed: false, summary: `PostgreSQL at ${url.hostname} did not accept the connection` };
      }
      try {
        await run(client, db, SQL.begin);
        const role = await run(client, db, SQL.role);
        const own = await run(client, db, SQL.ownership);
        const host = cred.attributes.host ?? url.hostname;
        const superuser = role.rolsuper === true;
        const ownsDb = own.owns_database === true;
        const tables = Number(own.owned_tables ?? 0);
        const flags = [superuser && 'superuser', role.rolcreatedb === true && 'createdb', role.rolcreaterole === true && 'createrole', role.rolreplication === true && 'replication', role.rolbypassrls === true && 'bypassrls', ownsDb && `owns database ${String(own.datname)}`, tables > 0 && `owns ${tables} table(s)`].filter(Boolean);
        client.note(flags.join(', ') || 'no special attributes, owns nothing');
        await run(client, db, SQL.rollback);
        const d = (verb: Permission['verb']): Permission => ({ verb, resourceType: 'database', resource: host });
        const permissions = superuser ? [d('admin')] : ownsDb || tables > 0 ? [d('read'), d('write'), d('delete')] : [d('read'), d('write')];
        const staticAdmin = cred.scope.permissions.some((p) => p.verb === 'admin' && p.resourceType === 'database');
        const role_ = String(role.rolname ?? url.username);
        const conflict =
          staticAdmin && !superuser
            ? `The role name suggested an administrative role, but PostgreSQL says ${role_} is not a superuser${ownsDb || tables > 0 ? ' (it owns data it can drop)' : ''}.`
            : !staticAdmin && superuser
              ? `The role name did not suggest an administrative role, but PostgreSQL says ${role_} is a superuser.`
              : undefined;
        return {
          confirmed: true,
          principal: `postgres role ${role_} on ${host}`,
          reach: 'resource',
          permissions,
          conflict,
          summary: `PostgreSQL role ${role_}: ${flags.join(', ') || 'no special attributes'} (read in a read-only transaction, rolled back)`,
        };
      } catch (e) {
        client.record(`postgres ${where} → stopped: ${(e as Error).message}`);
        return { confirmed: true, principal: `postgres role ${decodeURIComponent(url.username)} on ${url.hostname}`, summary: 'PostgreSQL accepted the login; role attributes could not be read' };
      } finally {
        await db.end().catch(() => undefined);
      }
    }),
};

export default postgresLive;
