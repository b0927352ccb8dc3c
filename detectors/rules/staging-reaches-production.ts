// A credential sitting in a staging (or dev/test) context that can act on production.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import { credentialChain, credentialLabel, resourceLabel, where } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';

const NON_PROD = new Set(['staging', 'development', 'test']);

const rule: FindingRule = {
  meta: {
    id: 'staging-reaches-production',
    title: 'Staging credential reaches production',
    severity: 'critical',
    category: 'environment-isolation',
    confidence: 'medium',
    summary: 'A credential found in a staging, development or test context can delete or change production resources.',
    help: {
      why: 'Work in staging — by people, scripts or AI agents — is done on the assumption that nothing there can hurt production. A credential in a staging file that reaches production breaks that assumption silently.',
      fix: 'Replace it with a credential limited to the staging environment (a Railway project token for staging, a staging-only IAM role) and keep production credentials out of staging files entirely.',
      references: ['https://docs.railway.com/guides/public-api#project-token'],
    },
  },
  check: ({ credentials, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      const at = c.locations.find((l) => NON_PROD.has(l.environment) && !l.commit);
      if (!at) continue;
      const prod = graph.reach(c).filter((r) => r.resource.environment === 'production' && r.verbs.some((v) => v !== 'read'));
      if (!prod.length) continue;
      const destructive = prod.some((r) => r.verbs.includes('delete') || r.verbs.includes('admin'));
      out.push({
        severity: destructive ? 'critical' : 'high',
        message: `${credentialLabel(c)} sits in a ${at.environment} context (${where(at)}) but can ${destructive ? 'delete' : 'change'} production: ${prod
          .slice(0, 3)
          .map((r) => resourceLabel(r.resource))
          .join(', ')}${prod.length > 3 ? ` and ${prod.length - 3} more` : ''}.`,
        locations: [toFindingLocation(at)],
        credentialFingerprints: [c.fingerprint],
        resourceIds: prod.map((r) => r.resource.id),
        environments: [at.environment, 'production'],
        chain: credentialChain(c, graph, at),
      });
    }
    return out;
  },
  examples: [
    {
      name: 'Railway account token in .env.staging with a production volume',
      repo: {
        '.env.staging': 'RAILWAY_API_TOKEN=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f\n',
        '.env.production': 'RAILWAY_VOLUME_MOUNT_PATH=/data\nRAILWAY_VOLUME_NAME=pgdata\n',
      },
      fires: true,
      mentions: 'production',
    },
    {
      name: 'Railway project token in .env.staging',
      repo: {
        '.env.staging': 'RAILWAY_TOKEN=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f\n',
        '.env.production': 'RAILWAY_VOLUME_MOUNT_PATH=/data\nRAILWAY_VOLUME_NAME=pgdata\n',
      },
      fires: false,
    },
  ],
};

export default rule;
