// Runs every scope resolver's examples: the credential (with the example repository's inventory) resolves to the
// expected reach and verbs.
import { describe, expect, it } from 'vitest';
import { scopeResolvers } from '../detectors/scopes/index.js';
import { resolveScopes } from '../src/pipeline/resolve.js';
import type { Credential } from '../src/core/types.js';
import { scanRepo } from './helpers/scan.js';

function credentialOf(partial: Partial<Credential> & Pick<Credential, 'provider' | 'type'>): Credential {
  return {
    fingerprint: 'cred_example',
    ruleId: 'example',
    preview: '… (0)',
    length: 0,
    locations: [],
    environments: [],
    attributes: {},
    confidence: 'high',
    scope: { reach: 'unknown', permissions: [], evidence: [], confidence: 'low' },
    hints: [],
    confidenceReasons: [],
    fileContext: 'code',
    ...partial,
  };
}

describe('scope resolvers', () => {
  for (const resolver of scopeResolvers) {
    describe(resolver.meta.id, () => {
      for (const ex of resolver.examples) {
        it(ex.name, async () => {
          const repo = ex.repo ? await scanRepo(ex.repo) : undefined;
          const cred = credentialOf(ex.credential);
          resolveScopes([cred], [resolver], { resources: repo?.resources ?? [], uses: repo?.uses ?? [], files: repo?.files ?? [] });
          if (ex.expect.reach) expect(cred.scope.reach).toBe(ex.expect.reach);
          if (ex.expect.principal) expect(cred.scope.principal).toBe(ex.expect.principal);
          if (ex.expect.verbs) {
            const verbs = new Set(cred.scope.permissions.map((p) => p.verb));
            if (ex.expect.verbs.length === 0) expect([...verbs].filter((v) => v === 'delete' || v === 'admin')).toEqual([]);
            for (const v of ex.expect.verbs) expect([...verbs]).toContain(v);
          }
          expect(cred.scope.evidence.length).toBeGreaterThan(0);
        });
      }
    });
  }
});
