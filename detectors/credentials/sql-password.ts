// Passwords set by SQL statements: `CREATE USER … IDENTIFIED BY '…'` (MySQL, MariaDB, Oracle), `CREATE/ALTER ROLE|USER
// … WITH [ENCRYPTED] PASSWORD '…'` (PostgreSQL), `CREATE LOGIN … WITH PASSWORD = '…'` (SQL Server), `SET PASSWORD
// [FOR …] = '…'` (MySQL). Found in migrations, init scripts, Dockerfiles, CI steps and runbooks.
// https://dev.mysql.com/doc/refman/8.0/en/create-user.html  https://www.postgresql.org/docs/current/sql-createrole.html
// https://learn.microsoft.com/sql/t-sql/statements/create-login-transact-sql  https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/CREATE-USER.html
// Bind parameters, variables and templates (`:pw`, `$1`, `%s`, `?`, `${PASS}`, `'{{ pw }}'`) are not passwords.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { isPlaceholderPassword } from './shared.js';

const help = {
  why: 'The statement gives a database account this password: whoever reads it can log in as that account, with the grants that follow it — often a superuser or the application\'s owner role. Passwords in init scripts tend to survive into every environment built from them.',
  fix: 'Change the account\'s password, create accounts from a secret store at deploy time (or use IAM/peer authentication), and keep SQL in the repository free of literal passwords.',
  references: ['https://dev.mysql.com/doc/refman/8.0/en/create-user.html', 'https://www.postgresql.org/docs/current/sql-createrole.html', 'https://cwe.mitre.org/data/definitions/798.html'],
};

const ACCOUNT_STATEMENT = /\b(?:create|alter)\s+(?:user|role|login)\b|\bset\s+password\b|\bgrant\b/i;

// The statement must be the line's own: in a minified or generated line of many kilobytes, "identified by" and
// "create user" are unrelated words far apart.
const MAX_STATEMENT_LINE = 1000;

const sqlValue = (v: string, ctx: MatchContext): boolean =>
  ctx.line.length <= MAX_STATEMENT_LINE && !isPlaceholderPassword(v) && !/^[?@:$%]/.test(v) && ACCOUNT_STATEMENT.test(ctx.line);

export const sqlIdentifiedBy: CredentialRule = {
  meta: {
    id: 'sql-identified-by-password',
    title: 'Password in a SQL IDENTIFIED BY clause',
    severity: 'medium',
    summary: "`CREATE/ALTER USER … IDENTIFIED BY '…'` (MySQL, MariaDB, Oracle).",
    provider: 'database',
    credentialType: 'sql-password',
    help,
  },
  keywords: ['identified by', 'identified with'],
  pattern: /\bidentified\s{1,4}(?:with\s{1,4}[\w$]{1,64}\s{1,4})?by\s{1,4}(?:password\s{1,4})?['"`]?([^\s'"`;,)]{3,128})/i,
  secretGroup: 1,
  validate: (v, ctx) => !/^(?:values|password)$/i.test(v) && sqlValue(v, ctx),
  examples: {
    positive: [
      "CREATE USER 'app'@'%' IDENTIFIED BY 'v8Qm2LxT9p';",
      'mysql -uroot -e "CREATE USER ci IDENTIFIED BY \'k3Wq9z\'"',
      'ALTER USER sys IDENTIFIED BY Tq7Lm4Zx2 container=all;',
      "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY 'azi-xkoplrip';",
    ],
    negative: [
      `/** Whether the user is identified by the key. */ ${'x'.repeat(1000)} function createUser(name) {}`,
      "CREATE USER 'app'@'%' IDENTIFIED BY ?;", "CREATE USER app IDENTIFIED BY '${DB_PASSWORD}';", 'CREATE USER app IDENTIFIED BY :password', "-- users are IDENTIFIED BY 'password' in examples"],
  },
};

export const sqlWithPassword: CredentialRule = {
  meta: {
    id: 'sql-with-password',
    title: 'Password in a SQL CREATE/ALTER ROLE, USER or LOGIN',
    severity: 'medium',
    summary: "`CREATE ROLE … WITH PASSWORD '…'` (PostgreSQL), `CREATE LOGIN … WITH PASSWORD = '…'` (SQL Server), `SET PASSWORD = '…'`.",
    provider: 'database',
    credentialType: 'sql-password',
    help,
  },
  keywords: ['password'],
  pattern: /\b(?:(?:with\s{1,4})?(?:encrypted\s{1,4}|unencrypted\s{1,4})?password\s{0,4}=?\s{0,4}|set\s{1,4}password\s{1,4}(?:for\s{1,4}\S{1,64}\s{1,4})?=\s{0,4}(?:password\s{0,4}\(\s{0,4})?)N?'([^'\n]{3,128})'/i,
  secretGroup: 1,
  validate: sqlValue,
  examples: {
    positive: ["CREATE ROLE app WITH LOGIN PASSWORD 'r7Vq2mXk';", "ALTER USER postgres WITH ENCRYPTED PASSWORD 'Zp4kLw9q';", "CREATE LOGIN reporter WITH PASSWORD = 'F@k3Pw0rd!23';", "SET PASSWORD FOR 'app'@'%' = 'Lm3qT8zv';"],
    negative: ["CREATE ROLE app WITH LOGIN PASSWORD '${PG_PASSWORD}';", "ALTER USER postgres WITH PASSWORD 'password';", "password = 'Zp4kLw9q'"],
  },
};

export default [sqlIdentifiedBy, sqlWithPassword];
