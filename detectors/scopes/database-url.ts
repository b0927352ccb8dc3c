// Database connection URLs: the role in the URL decides the reach. Built-in superuser/owner roles can drop the
// database; other roles can at least read and write what they were granted.
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';

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
  resolve: (cred) => {
    const { host, user, scheme } = cred.attributes;
    if (!host || !scheme) return undefined;
    const superuser = user !== undefined && (SUPERUSERS.has(user.toLowerCase()) || /(?:^|_)(?:admin|owner|root)$/i.test(user));
    if (superuser)
      return {
        principal: `${scheme} role ${user} on ${host}`,
        reach: 'resource',
        permissions: [{ verb: 'admin', resourceType: 'database', resource: host }],
        confidence: 'medium',
        evidence: [{ source: 'format', confidence: 'medium', detail: `role "${user}" is the engine's built-in administrative role` }],
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
      evidence: [{ source: 'format', confidence: 'low', detail: `role "${user ?? ''}": grants unknown; assumed read/write on what it owns` }],
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
  ],
};

export default resolver;
