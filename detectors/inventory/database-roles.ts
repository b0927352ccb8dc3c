// Database roles as resources, whichever file declares them (SQL migrations and init scripts, Terraform's postgresql
// and mysql providers): one id per role name, so a role created in one file and granted in another is one principal.
import type { Environment, Resource, SourceFile } from '../../src/core/types.js';
import type { DatabaseRoleAttrs, IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import { makeResource } from './resource-builder.js';

/** Roles every grant can name that are not a principal of their own. */
const NOT_ROLES = new Set(['public', 'current_user', 'session_user', 'current_role']);

/**
 * A role name as the engine stores it: quotes and a MySQL `@'host'` part removed; unquoted Postgres identifiers are
 * folded to lower case. Undefined for pseudo-roles (PUBLIC) and templated names.
 */
export function roleName(raw: string, engine: DatabaseRoleAttrs['engine']): string | undefined {
  const bare = raw.split('@')[0]!.trim();
  const quoted = /^(["'`])(.*)\1$/.exec(bare);
  const name = quoted ? quoted[2]! : engine === 'mysql' ? bare : bare.toLowerCase();
  if (!name || !/^[A-Za-z_][\w$.-]{0,62}$/.test(name) || NOT_ROLES.has(name.toLowerCase())) return undefined;
  return name;
}

export const databaseRoleId = (name: string) => `database-role:${name}`;

export function databaseRole(
  file: SourceFile,
  init: { name: string; line: number; environment?: Environment; context: string; attributes: DatabaseRoleAttrs },
): Resource {
  const attributes: DatabaseRoleAttrs & IamPrincipalAttrs = { principalType: 'database-role', roleName: init.name, ...init.attributes };
  return makeResource(file, {
    id: databaseRoleId(init.name),
    provider: 'database',
    type: 'iam-principal',
    name: init.name,
    environment: init.environment ?? file.environment.environment,
    line: init.line,
    attributes: { ...attributes },
    context: init.context,
  });
}
