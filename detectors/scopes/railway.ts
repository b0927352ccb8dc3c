// Railway: account and workspace tokens carry their owner's full power over every project, environment, service
// and volume (Railway has no per-token permissions); a project token reaches one environment of one project.
// https://docs.railway.com/guides/public-api#authentication
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';
import type { Permission } from '../../src/core/types.js';
import { everything } from '../../src/pipeline/resolve.js';

const ENV_SCOPED: Permission[] = ['read', 'write', 'delete'].flatMap((verb) =>
  ['service', 'volume', 'database', 'environment'].map((resourceType) => ({ verb: verb as Permission['verb'], resourceType })),
);

const resolver: ScopeResolver = {
  meta: { id: 'scope-railway', title: 'Railway token class', summary: 'Account/workspace tokens: the whole workspace; project tokens: one environment.' },
  providers: ['railway'],
  resolve: (cred) => {
    const how = cred.attributes.classifiedBy ?? 'context';
    if (cred.type === 'account-token')
      return {
        principal: 'the Railway account or workspace that issued it',
        reach: 'workspace',
        permissions: everything(),
        confidence: 'high',
        evidence: [{ source: 'format', confidence: 'high', detail: `account/workspace token (${how}); Railway tokens have no per-token permissions` }],
        toConfirm: 'Run with --live to list the projects, environments and volumes it reaches.',
      };
    if (cred.type === 'project-token')
      return {
        principal: 'one Railway project environment',
        reach: 'environment',
        permissions: ENV_SCOPED,
        confidence: 'high',
        evidence: [{ source: 'format', confidence: 'high', detail: `project token (${how}): one environment of one project` }],
      };
    return {
      reach: 'unknown',
      permissions: [],
      confidence: 'low',
      evidence: [{ source: 'context', confidence: 'low', detail: `Railway token of unknown class (${how})` }],
      toConfirm: 'If this is an account or workspace token it reaches every project; run with --live (apiToken query) to tell.',
    };
  },
  examples: [
    { name: 'account token', credential: { provider: 'railway', type: 'account-token' }, expect: { reach: 'workspace', verbs: ['delete'] } },
    { name: 'project token', credential: { provider: 'railway', type: 'project-token' }, expect: { reach: 'environment', verbs: ['delete'] } },
    { name: 'unknown class', credential: { provider: 'railway', type: 'token' }, expect: { reach: 'unknown' } },
  ],
};

export default resolver;
