// Database connection URLs: the role in the URL decides the reach. A role the repository declares (SQL, Terraform) is
// read from its attributes and grants; otherwise built-in superuser/owner roles can drop the database and other roles
// can at least read and write what they were granted.
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';
import { declaredRoleScope } from './database-role.js';

/** Default administrative roles of common engines and managed services. */
const SUPERUSERS = new Set([
  'postgres',
  'root',
  'admin',
  'administrator',
  'sa',
  'superuser',
  'doadmin',
  'avnadmin',
  'rdsadmin',
  'master',
  'neondb_owner',
  'default',
  'mongoadmin',
]);

const resolver: ScopeResolver = {
  meta: { id: 'scope-database-url', title: 'Database URL role', summary: 'Superuser roles in connection URLs can drop the database.' },
  providers: ['*'],
  resolve: (cred, ctx) => {
    const { host, user, scheme } = cred.attributes;
    if (!host || !scheme) return undefined;
    const declared = declaredRoleScope(cred, ctx);
    const superuser = user !== undefined && (SUPERUSERS.has(user.toLowerCase()) || /(?:^|_)(?:admin|owner|root)$/i.test(user));
    // A grant to `postgres` (GRANT CREATE ON SCHEMA public TO postgres) does not make the built-in superuser less.
    if (declared && declared.cls !== 'no grants' && (!superuser || declared.cls === 'superuser')) return declared.scope;
    const also = declared?.scope.evidence ?? [];
    if (superuser)
      return {
        principal: `${scheme} role ${user} on ${host}`,
        reach: 'resource',
        permissions: [{ verb: 'admin', resourceType: 'database', resource: host }],
        confidence: 'medium',
        evidence: [{ source: 'format', confidence: 'medium', detail: `role "${user}" is the engine's built-in administrative role` }, ...also],
        toConfirm: 'Run with --live to read the role\'s attributes (superuser, createdb) in a read-only transaction.',
      };
    return {
      principal: `${scheme} role ${user ?? '(none)'} on ${host}`,
      reach: 'resource',
      permissions: [
        { verb: 'read', resourceType: 'database', resource: host },
        { verb: 'write', resourceType: 'database', resource: host },
      ],
      confidence: 'low',
      evidence: [{ source: 'format', confidence: 'low', detail: `role "${user ?? ''}": grants unknown; assumed read/write on what it owns` }, ...also],
      toConfirm: 'Run with --live to read the role\'s grants.',
    };
  },
  examples: [
    {
      name: 'postgres superuser',
      credential: { provider: 'postgres', type: 'connection-url', attributes: { scheme: 'postgresql', user: 'postgres', host: 'db.internal' } },
      expect: { reach: 'resource', verbs: ['admin'] },
    },
    {
      name: 'application role',
      credential: { provider: 'postgres', type: 'connection-url', attributes: { scheme: 'postgresql', user: 'app_rw', host: 'db.internal' } },
      expect: { reach: 'resource', verbs: ['read', 'write'] },
    },
    {
      // The user is a role a migration declares read-only: only read, whatever the name.
      name: 'role declared read-only in a migration',
      credential: { provider: 'postgres', type: 'connection-url', attributes: { scheme: 'postgresql', user: 'reporting', host: 'db.internal' } },
      repo: { 'db/migrations/002_reporting.sql': 'CREATE ROLE reporting LOGIN;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;\n' },
      expect: { reach: 'resource', verbs: ['read'], confidence: 'medium' },
    },
    {
      // A migration granting the built-in superuser one more privilege leaves it a superuser.
      name: 'grant to the built-in postgres role',
      credential: { provider: 'postgres', type: 'connection-url', attributes: { scheme: 'postgresql', user: 'postgres', host: 'db.internal' } },
      repo: { 'db/init.sql': 'REVOKE CREATE ON SCHEMA public FROM public;\nGRANT CREATE ON SCHEMA public TO postgres;\n' },
      expect: { reach: 'resource', verbs: ['admin'] },
    },
    {
      // An innocuous name, but Terraform makes it a superuser.
      name: 'role declared SUPERUSER in Terraform',
      credential: { provider: 'postgres', type: 'connection-url', attributes: { scheme: 'postgresql', user: 'metrics', host: 'db.internal' } },
      repo: { 'infra/roles.tf': 'resource "postgresql_role" "metrics" {\n  name      = "metrics"\n  login     = true\n  superuser = true\n}\n' },
      expect: { reach: 'resource', verbs: ['admin'], principal: 'postgresql role metrics on db.internal' },
    },
  ],
};

export default resolver;
