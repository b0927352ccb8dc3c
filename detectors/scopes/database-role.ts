// A connection URL's user linked to the role the repository declares for it (SQL migrations, Terraform postgresql_role
// and grants): superuser, owner, read-write or read-only, from its attributes, ownerships, grants and the roles it
// inherits. The database-url resolver falls back to the built-in role names when no role is declared.
import type { ScopeContext } from '../../src/pipeline/detector-api.js';
import type { Credential, Permission, Resource, Scope } from '../../src/core/types.js';
import { resourcesOfType, type DatabaseRoleAttrs, type IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import { mergeById } from '../inventory/resource-builder.js';

export type RoleClass = 'superuser' | 'owner' | 'read-write' | 'read-only' | 'no grants';

/** Roles the engines and managed services ship, by what they allow (members inherit it). */
const BUILT_IN: Record<string, RoleClass> = {
  rds_superuser: 'superuser',
  cloudsqlsuperuser: 'superuser',
  azure_pg_admin: 'superuser',
  pg_database_owner: 'owner',
  pg_write_all_data: 'read-write',
  pg_read_all_data: 'read-only',
  pg_monitor: 'read-only',
};

const WRITE = new Set(['ALL', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'CREATE', 'ALTER', 'INDEX', 'REFERENCES', 'TRIGGER']);
const RANK: RoleClass[] = ['no grants', 'read-only', 'read-write', 'owner', 'superuser'];

function ownClass(a: DatabaseRoleAttrs): RoleClass {
  if (a.superuser) return 'superuser';
  if (a.owns?.length || a.privileges?.includes('DROP')) return 'owner';
  if (a.privileges?.some((p) => WRITE.has(p))) return 'read-write';
  if (a.privileges?.length) return 'read-only';
  return 'no grants';
}

/** The widest class of a role and every role it inherits, with the roles that gave it. */
function classify(name: string, byName: Map<string, Resource>, seen = new Set<string>()): { cls: RoleClass; via: string[] } {
  seen.add(name);
  const role = byName.get(name);
  let best: { cls: RoleClass; via: string[] } = { cls: BUILT_IN[name] ?? (role ? ownClass(role.attributes as DatabaseRoleAttrs) : 'no grants'), via: [] };
  for (const parent of role ? ((role.attributes as DatabaseRoleAttrs).memberOf ?? []) : []) {
    if (seen.has(parent)) continue;
    const up = classify(parent, byName, seen);
    if (RANK.indexOf(up.cls) > RANK.indexOf(best.cls)) best = { cls: up.cls, via: [parent, ...up.via] };
  }
  return best;
}

const PERMISSIONS: Record<RoleClass, Permission['verb'][]> = {
  superuser: ['admin'],
  owner: ['read', 'write', 'delete'],
  'read-write': ['read', 'write'],
  'read-only': ['read'],
  'no grants': [],
};

const SAYS: Record<RoleClass, string> = {
  superuser: 'a superuser: it can drop every database on the server',
  owner: 'an owner: it can drop what it owns',
  'read-write': 'read-write: it can change and delete rows but not drop what it does not own',
  'read-only': 'read-only',
  'no grants': 'declared with no grants in the repository',
};

/**
 * The scope of a connection URL whose user is a role declared in the repository, and the role's class; undefined when
 * none is declared. A role declared with no grants is left to the caller (it may own what its migrations create).
 */
export function declaredRoleScope(cred: Credential, ctx: ScopeContext): { scope: Partial<Scope>; cls: RoleClass } | undefined {
  const { user, host, scheme } = cred.attributes;
  if (!user || !host) return undefined;
  const roles = mergeById(resourcesOfType(ctx.resources, 'iam-principal').filter((r) => (r.attributes as IamPrincipalAttrs).principalType === 'database-role'));
  if (!roles.length) return undefined;
  const byName = new Map(roles.map((r) => [r.name, r]));
  // Unquoted Postgres names are folded to lower case; a URL's user is sent as written.
  const role = byName.get(user) ?? byName.get(user.toLowerCase());
  if (!role) return undefined;
  const a = role.attributes as DatabaseRoleAttrs;
  const { cls, via } = classify(role.name, byName);
  const said = [
    ...(a.superuser ? ['SUPERUSER'] : []),
    ...(a.owns ?? []).map((o) => `owns ${o}`),
    ...(a.grants ?? []),
    ...(a.memberOf?.length ? [`member of ${a.memberOf.join(', ')}`] : []),
  ];
  const roleEnv = role.environment !== 'unknown' ? ` (${role.environment})` : '';
  const scope: Partial<Scope> = {
    principal: `${scheme ?? 'database'} role ${role.name} on ${host}`,
    reach: 'resource',
    permissions: PERMISSIONS[cls].map((verb) => ({ verb, resourceType: 'database', resource: host })),
    confidence: 'medium',
    evidence: [
      {
        source: 'iac',
        confidence: 'medium',
        detail: `linked to database role ${role.name}${roleEnv} by the URL's user name: ${SAYS[cls]}${via.length ? ` (through ${via.join(' → ')})` : ''}; ${said.join('; ') || 'no attributes or grants'}`,
        location: { path: role.location.path, startLine: role.location.startLine },
      },
    ],
    toConfirm: 'Grants made outside the repository (by hand, by other migrations) also apply; run with --live to read the role\'s attributes and grants in a read-only transaction.',
  };
  return { scope, cls };
}
