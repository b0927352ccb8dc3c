// Terraform, database providers: roles and grants of the PostgreSQL provider (postgresql_role, postgresql_grant,
// postgresql_grant_role, postgresql_default_privileges, postgresql_database owner) and the MySQL provider (mysql_user,
// mysql_grant). They become the same `database-role:<name>` principals as roles created in SQL files.
// https://registry.terraform.io/providers/cyrilgdn/postgresql/latest/docs/resources/postgresql_role
// https://registry.terraform.io/providers/cyrilgdn/postgresql/latest/docs/resources/postgresql_grant
// https://registry.terraform.io/providers/petoju/mysql/latest/docs/resources/grant
import type { DatabaseRoleAttrs, IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import { add, type Ctx, type Handler, type Obj } from './terraform-context.js';
import { databaseRoleId, roleName } from './database-roles.js';

type Engine = DatabaseRoleAttrs['engine'];

/** A role attribute's value: a literal name or a reference to a declared role/user. */
function roleOf(ctx: Ctx, v: unknown, engine: Engine): string | undefined {
  const s = ctx.scope;
  const type = engine === 'mysql' ? 'mysql_user' : 'postgresql_role';
  const ref = s.refs(v).find((r) => r.type === type);
  const raw = ref ? s.str(ctx.all[type]?.[ref.name]?.[engine === 'mysql' ? 'user' : 'name']) : s.str(v);
  // Names in Terraform are passed to the engine quoted: their case is kept.
  return raw === undefined ? undefined : roleName(`"${raw}"`, engine);
}

function addRole(ctx: Ctx, kind: 'primary' | 'partial', type: string, name: string, body: Obj, role: string, attrs: DatabaseRoleAttrs) {
  const attributes: DatabaseRoleAttrs & IamPrincipalAttrs & Obj = { principalType: 'database-role', roleName: role, ...attrs };
  add(ctx, kind, type, name, body, { id: databaseRoleId(role), provider: 'database', type: 'iam-principal', name: role, attributes, names: [role] });
}

const list = (ctx: Ctx, v: unknown): string[] => (Array.isArray(v) ? v.map((x) => ctx.scope.str(x)).filter((x): x is string => !!x) : []);

function postgresRole(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const role = roleOf(ctx, body.name, 'postgres');
  if (!role) return;
  const memberOf = (Array.isArray(body.roles) ? body.roles : []).map((r) => roleOf(ctx, r, 'postgres')).filter((r): r is string => !!r);
  addRole(ctx, 'primary', type, name, body, role, {
    engine: 'postgres',
    superuser: s.bool(body.superuser),
    createDb: s.bool(body.create_database),
    createRole: s.bool(body.create_role),
    ...(memberOf.length ? { memberOf } : {}),
  });
}

function postgresGrant(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  if (type === 'postgresql_grant_role') {
    const role = roleOf(ctx, body.role, 'postgres');
    const member = roleOf(ctx, body.grant_role, 'postgres');
    if (role && member) addRole(ctx, 'partial', type, name, body, role, { engine: 'postgres', memberOf: [member] });
    return;
  }
  const role = roleOf(ctx, body.role, 'postgres');
  if (!role) return;
  const privileges = list(ctx, body.privileges).map((p) => p.toUpperCase());
  const on = [s.text(body.object_type), s.text(body.schema) && `in schema ${s.text(body.schema)}`, s.text(body.database) && `of database ${s.text(body.database)}`].filter(Boolean).join(' ');
  addRole(ctx, 'partial', type, name, body, role, { engine: 'postgres', privileges, grants: [`${privileges.join(', ') || 'no privileges'} on ${on || 'objects'}`] });
}

function postgresDatabase(ctx: Ctx, type: string, name: string, body: Obj) {
  const owner = roleOf(ctx, body.owner, 'postgres');
  const db = ctx.scope.text(body.name) ?? name;
  if (owner) addRole(ctx, 'partial', type, name, body, owner, { engine: 'postgres', owns: [`database ${db}`] });
}

function mysqlUser(ctx: Ctx, type: string, name: string, body: Obj) {
  const role = roleOf(ctx, body.user, 'mysql');
  if (role) addRole(ctx, 'primary', type, name, body, role, { engine: 'mysql' });
}

function mysqlGrant(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const role = roleOf(ctx, body.user ?? body.role, 'mysql');
  if (!role) return;
  const privileges = list(ctx, body.privileges).map((p) => p.toUpperCase());
  const database = s.text(body.database) ?? '*';
  const all = privileges.includes('ALL') || privileges.includes('ALL PRIVILEGES');
  const memberOf = list(ctx, body.roles).map((r) => roleName(`"${r}"`, 'mysql')).filter((r): r is string => !!r);
  addRole(ctx, 'partial', type, name, body, role, {
    engine: 'mysql',
    // ALL includes DROP; on every database (`*`) it is every privilege there is.
    privileges: all ? [...privileges, 'DROP'] : privileges,
    grants: privileges.length ? [`${privileges.join(', ')} on ${database}.${s.text(body.table) ?? '*'}`] : [],
    ...((all && database === '*') || privileges.includes('SUPER') ? { superuser: true } : {}),
    ...(memberOf.length ? { memberOf } : {}),
  });
}

export const TERRAFORM_DB_ROLES: Array<[RegExp, Handler]> = [
  [/^postgresql_role$/, postgresRole],
  [/^postgresql_(?:grant|grant_role|default_privileges)$/, postgresGrant],
  [/^postgresql_database$/, postgresDatabase],
  [/^mysql_user$/, mysqlUser],
  [/^mysql_grant$/, mysqlGrant],
];

/** Examples in the shapes of the providers' documentation. */
export const TERRAFORM_DB_ROLES_EXAMPLES: InventoryParser['examples'] = [
  {
    file: {
      path: 'infra/db/roles.tf',
      text: `resource "postgresql_role" "migrator" {
  name     = "migrator"
  login    = true
  password = var.migrator_password
}

resource "postgresql_database" "shop" {
  name  = "shop"
  owner = postgresql_role.migrator.name
}

resource "postgresql_role" "analytics" {
  name  = "analytics"
  login = true
  roles = ["pg_read_all_data"]
}

resource "postgresql_grant" "analytics_tables" {
  database    = "shop"
  role        = postgresql_role.analytics.name
  schema      = "public"
  object_type = "table"
  privileges  = ["SELECT"]
}

resource "postgresql_role" "break_glass" {
  name      = "break_glass"
  superuser = true
}

resource "mysql_grant" "legacy" {
  user       = "legacy_app"
  host       = "%"
  database   = "*"
  privileges = ["ALL"]
}
`,
    },
    expect: [
      { id: 'database-role:migrator', type: 'iam-principal', attributes: { principalType: 'database-role', owns: ['database shop'] } },
      { id: 'database-role:analytics', attributes: { memberOf: ['pg_read_all_data'], privileges: ['SELECT'], grants: ['SELECT on table in schema public of database shop'] } },
      { id: 'database-role:break_glass', attributes: { superuser: true } },
      { id: 'database-role:legacy_app', attributes: { engine: 'mysql', superuser: true } },
    ],
    reject: ['terraform:postgresql_grant.*', 'database-role:pg_read_all_data'],
  },
];
