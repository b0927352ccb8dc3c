// Database roles in SQL files (migrations, init scripts, seeds): `CREATE ROLE|USER` with its attributes (SUPERUSER,
// CREATEDB, CREATEROLE, IN ROLE), `ALTER ROLE … SUPERUSER`, `GRANT <privileges> ON <objects> TO <role>`, role
// membership (`GRANT readonly TO app`), and ownership (`ALTER … OWNER TO`, `CREATE DATABASE … OWNER`, `CREATE SCHEMA …
// AUTHORIZATION`). What a connection URL's user can do is read from these (detectors/scopes/database-role.ts).
// https://www.postgresql.org/docs/current/sql-createrole.html  https://www.postgresql.org/docs/current/sql-grant.html
// https://dev.mysql.com/doc/refman/8.0/en/grant.html
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import type { DatabaseRoleAttrs } from '../../src/pipeline/resources.js';
import { mergeResources } from '../../src/pipeline/resources.js';
import { databaseRole, roleName } from './database-roles.js';
import { lineIndexOf } from './resource-builder.js';

interface Statement {
  text: string;
  start: number;
}

/** Longer statements are function bodies or data, not role definitions. */
const MAX_STATEMENT = 4000;

/** Statements of a SQL file, comments blanked; semicolons inside strings, quoted names and $tag$ bodies do not split. */
export function sqlStatements(sql: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let buf = '';
  const flush = (end: number) => {
    if (buf.trim() && buf.length <= MAX_STATEMENT) out.push({ text: buf, start });
    buf = '';
    start = end + 1;
  };
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = (nl < 0 ? sql.length : nl) - 1;
      buf += ' ';
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
      buf += ' ';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== ch) j += sql[j] === '\\' && ch !== '"' ? 2 : 1;
      buf += sql.slice(i, j + 1);
      i = j;
    } else if (ch === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i, i + 40))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 40))![0];
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end < 0 ? sql.length : end + tag.length;
      buf += sql.slice(i, stop);
      i = stop - 1;
    } else if (ch === ';') flush(i);
    else buf += ch;
  }
  flush(sql.length);
  return out;
}

/** Words, quoted names and strings, and punctuation of a statement (a quoted 'superuser' password is not SUPERUSER). */
function tokens(text: string): string[] {
  return text.match(/'(?:[^']|'')*'|"[^"]*"|`[^`]*`|[^\s,();=]+|[(),;=]/g) ?? [];
}

const lower = (t: string | undefined) => (t ?? '').toLowerCase();

/** MySQL syntax: `'user'@'host'`, backticks, `*.*`, IDENTIFIED BY. */
const looksMysql = (text: string) => /'@'|`|\*\.\*|\bidentified\s+by\b/i.test(text);

interface Fact {
  raw: string;
  attrs: DatabaseRoleAttrs;
  /** A CREATE: the role's primary declaration, where the chain points. */
  declares?: boolean;
}

/** Role attributes in a CREATE/ALTER ROLE option list. */
function roleOptions(words: string[]): DatabaseRoleAttrs {
  const w = words.map(lower);
  const a: DatabaseRoleAttrs = {};
  if (w.includes('superuser')) a.superuser = true;
  if (w.includes('createdb')) a.createDb = true;
  if (w.includes('createrole')) a.createRole = true;
  // IN ROLE a, b: a member of each.
  const inRole = w.findIndex((x, i) => x === 'in' && (w[i + 1] === 'role' || w[i + 1] === 'group'));
  if (inRole >= 0 && words[inRole + 2]) {
    const names = [words[inRole + 2]!];
    for (let i = inRole + 3; words[i] === ',' && words[i + 1]; i += 2) names.push(words[i + 1]!);
    a.memberOf = names;
  }
  return a;
}

function grantFacts(t: string[], engine: DatabaseRoleAttrs['engine']): Fact[] {
  const w = t.map(lower);
  const to = w.indexOf('to');
  if (to < 0) return [];
  const end = w.findIndex((x, i) => i > to && (x === 'with' || x === 'granted'));
  const grantees = t.slice(to + 1, end < 0 ? undefined : end).filter((x) => x !== ',' && x !== '=' && !x.startsWith('@') && lower(x) !== 'role' && lower(x) !== 'group');
  const on = w.indexOf('on');
  if (on < 0 || on > to) {
    // GRANT role [, …] TO grantee: membership.
    const roles = t.slice(1, to).filter((x) => x !== ',');
    return grantees.map((g) => ({ raw: g, attrs: { memberOf: roles } }));
  }
  // Column lists `SELECT (a, b)` are dropped; `ALL PRIVILEGES` is ALL.
  let depth = 0;
  const privileges: string[] = [];
  for (const x of t.slice(1, on)) {
    if (x === '(') depth++;
    else if (x === ')') depth--;
    else if (depth === 0 && x !== ',' && lower(x) !== 'privileges') privileges.push(x.toUpperCase());
  }
  // String literals never reach the chain, whatever a statement holds.
  const object = t.slice(on + 1, to).map((x) => (x.startsWith("'") ? "'…'" : x)).join(' ').replaceAll(' ,', ',');
  const global = object === '*.*';
  // MySQL: ALL on *.* is every privilege on every database (SUPER included); ALL on db.* includes DROP.
  const expanded = engine === 'mysql' && privileges.includes('ALL') ? [...privileges, 'DROP'] : privileges;
  const attrs: DatabaseRoleAttrs = {
    privileges: expanded,
    grants: [`${privileges.join(', ')} on ${object}`],
    ...((global && privileges.includes('ALL')) || privileges.includes('SUPER') ? { superuser: true } : {}),
  };
  return grantees.map((g) => ({ raw: g, attrs }));
}

/** What one statement says about roles. */
function statementFacts(text: string, engine: DatabaseRoleAttrs['engine']): Fact[] {
  const t = tokens(text);
  const w = t.map(lower);
  // ALTER DEFAULT PRIVILEGES … GRANT …: a grant like any other.
  const grantAt = w[0] === 'alter' && w[1] === 'default' ? w.indexOf('grant') : w[0] === 'grant' ? 0 : -1;
  if (grantAt >= 0) return grantFacts(t.slice(grantAt), engine);
  if ((w[0] === 'create' || w[0] === 'alter') && (w[1] === 'role' || w[1] === 'user' || w[1] === 'group')) {
    let i = 2;
    if (w[i] === 'if') i += w[i + 1] === 'not' ? 3 : 2;
    if (!t[i] || w[i + 1] === 'rename') return [];
    return [{ raw: t[i]!, attrs: roleOptions(t.slice(i + 1)), declares: w[0] === 'create' }];
  }
  const owner = w.findIndex((x, i) => x === 'owner' && w[i + 1] === 'to');
  if (w[0] === 'alter' && owner > 1 && t[owner + 2]) return [{ raw: t[owner + 2]!, attrs: { owns: [t.slice(1, owner).join(' ')] } }];
  if (w[0] === 'create' && w[1] === 'database' && t[2]) {
    const o = w.indexOf('owner', 3);
    const role = o > 0 ? (t[o + 1] === '=' ? t[o + 2] : t[o + 1]) : undefined;
    return role ? [{ raw: role, attrs: { owns: [`database ${t[2]}`] } }] : [];
  }
  if (w[0] === 'create' && w[1] === 'schema') {
    const a = w.indexOf('authorization');
    const role = a > 0 ? t[a + 1] : undefined;
    const schema = a === 2 ? role : t[w[2] === 'if' ? 5 : 2];
    return role ? [{ raw: role, attrs: { owns: [`schema ${schema}`] } }] : [];
  }
  return [];
}

const parser: InventoryParser = {
  meta: { id: 'sql-roles', title: 'SQL roles and grants', summary: 'Database roles declared in SQL files: SUPERUSER and other attributes, GRANTs, membership and ownership.' },
  applies: (file) => /\.sql$/i.test(file.path),
  parse: (file) => {
    if (!/\b(?:role|user|grant|owner|authorization)\b/i.test(file.text)) return {};
    const engine = looksMysql(file.text) ? 'mysql' : 'postgres';
    const lines = lineIndexOf(file.text);
    const resources: Resource[] = [];
    for (const st of sqlStatements(file.text)) {
      for (const fact of statementFacts(st.text, engine)) {
        const name = roleName(fact.raw, engine);
        if (!name) continue;
        const memberOf = fact.attrs.memberOf?.map((r) => roleName(r, engine)).filter((r): r is string => !!r);
        const attrs = { engine, ...fact.attrs, ...(memberOf ? { memberOf } : {}) } satisfies DatabaseRoleAttrs;
        const lead = st.text.length - st.text.trimStart().length;
        resources.push(databaseRole(file, { name, line: lines.position(st.start + lead).line, context: fact.declares ? `CREATE ROLE ${name}` : `grant to ${name}`, attributes: attrs }));
      }
    }
    // The declaration comes first, so the role's location is where it is created.
    resources.sort((a, b) => Number(b.location.context?.startsWith('CREATE') ?? false) - Number(a.location.context?.startsWith('CREATE') ?? false));
    return { resources: mergeResources(resources, { anyBoolean: true }) };
  },
  examples: [
    {
      // A Postgres migration in the shape of the PostgreSQL docs: an owner, an application role and a read-only
      // reporting role that inherits a group role's SELECT grants.
      file: {
        path: 'db/migrations/001_roles.sql',
        text: `-- Roles for the shop database.
CREATE ROLE shop_owner WITH LOGIN PASSWORD 'x';
ALTER DATABASE shop OWNER TO shop_owner;
CREATE ROLE app_rw LOGIN;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_rw;
CREATE ROLE readonly NOLOGIN;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO readonly;
CREATE ROLE reporting LOGIN IN ROLE readonly;
CREATE ROLE "Ops" SUPERUSER;
GRANT ALL ON SCHEMA public TO PUBLIC;
CREATE FUNCTION f() RETURNS void AS $$ BEGIN GRANT SELECT ON t TO nobody; END; $$ LANGUAGE plpgsql;
DO $$ BEGIN CREATE ROLE ro_group; EXCEPTION WHEN DUPLICATE_OBJECT THEN RAISE NOTICE 'exists'; END $$;
GRANT USAGE ON SCHEMA public TO ro_group;
GRANT CONNECT ON DATABASE \${POSTGRES_DB} TO \${POSTGRES_DB}_readonly;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting;
`,
      },
      expect: [
        { id: 'database-role:shop_owner', type: 'iam-principal', attributes: { principalType: 'database-role', owns: ['DATABASE shop'], engine: 'postgres' } },
        { id: 'database-role:app_rw', attributes: { privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'], grants: ['SELECT, INSERT, UPDATE, DELETE on ALL TABLES IN SCHEMA public'] } },
        { id: 'database-role:reporting', attributes: { memberOf: ['readonly'], privileges: ['SELECT'] } },
        // Created inside a DO block (not read), but its grants still declare it.
        { id: 'database-role:ro_group', attributes: { privileges: ['USAGE'] } },
        { id: 'database-role:Ops', attributes: { superuser: true } },
      ],
      reject: ['database-role:public', 'database-role:nobody', 'database-role:${POSTGRES_DB}_readonly'],
    },
    {
      // MySQL: a global ALL is a superuser; a database-level SELECT is read-only. A password is not a role attribute.
      file: {
        path: 'docker/init.sql',
        text: "CREATE USER 'admin'@'%' IDENTIFIED BY 'superuser';\nGRANT ALL PRIVILEGES ON *.* TO 'admin'@'%' WITH GRANT OPTION;\nCREATE USER 'metrics'@'10.%' IDENTIFIED BY 'createdb';\nGRANT SELECT ON shop.* TO 'metrics'@'10.%';\n",
      },
      expect: [
        { id: 'database-role:admin', attributes: { superuser: true, engine: 'mysql' } },
        { id: 'database-role:metrics', attributes: { privileges: ['SELECT'] } },
      ],
      reject: ['database-role:superuser'],
    },
  ],
};

export default parser;
