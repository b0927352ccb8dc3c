// Account- or organisation-wide platform tokens used for jobs that a project/deploy token can do.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Credential, Location } from '../../src/core/types.js';
import { credentialLabel, reachLabel, where } from '../../src/pipeline/chain.js';
import { statedPurpose } from './token-purpose-mismatch.js';
import { credentialDraft, deletesIn, jobEnvironment, jobUses, toFindingLocation, workflowJobs } from './shared.js';

/** Wide token classes, and the narrower class the platform offers for deploys. */
const NARROWER: Record<string, { wide: RegExp; instead: string }> = {
  railway: { wide: /^account-token$/, instead: 'a Railway project token (RAILWAY_TOKEN), limited to one environment of one project' },
  fly: { wide: /^(?:org-token|user-token)$/, instead: 'a Fly deploy token (`fly tokens create deploy`), limited to one app' },
};
const AUTOMATION =
  /(?:^|\/)(?:\.github\/workflows|\.circleci|\.gitlab|ci|scripts?|bin|tools|deploy|ops)\/|(?:^|\/)(?:Makefile|Dockerfile|package\.json|\.gitlab-ci\.yml|railway\.(?:json|toml)|fly\.toml|[^/]+\.(?:sh|bash|ps1))$/;
/** Railway API operations that do need account/workspace reach. */
const ACCOUNT_OPS = new Set(['projectDelete', 'projectCreate', 'environmentDelete']);

const automationLocation = (c: Credential): Location | undefined => c.locations.find((l) => !l.commit && (AUTOMATION.test(l.path) || /deploy|(?:^|_)ci(?:_|$)/i.test(l.variable ?? '')));

const rule: FindingRule = {
  meta: {
    id: 'account-token-where-scoped-exists',
    title: 'Account-wide token where an environment-scoped one exists',
    severity: 'high',
    category: 'credential-scope',
    confidence: 'medium',
    summary: 'A Railway account/workspace token or Fly org/user token used by a deploy job or script, where a project or deploy token would do the job.',
    help: {
      why: 'Deploying needs power over one service in one environment. An account or organisation token deploys just as well — and can also delete every project, environment and volume its owner can reach. Whatever runs the deploy (a CI job, a script an agent picks up) carries that power.',
      fix: 'Railway: create a project token for the environment (Project → Settings → Tokens) and expose it as `RAILWAY_TOKEN`; the CLI uses it for `railway up`/`redeploy`. Fly: `fly tokens create deploy -a <app>` and use it as `FLY_API_TOKEN`. Revoke the account/org token once nothing uses it.',
      references: ['https://docs.railway.com/guides/public-api#project-token', 'https://docs.railway.com/guides/cli#tokens', 'https://fly.io/docs/security/tokens/'],
    },
  },
  check: ({ credentials, resources, uses, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      const n = NARROWER[c.provider];
      if (!n || !n.wide.test(c.type)) continue;
      const at = automationLocation(c);
      if (!at) continue;
      // token-purpose-mismatch already reports a wide token whose place says it is for deploys.
      if (statedPurpose([...at.path.split('/'), at.variable ?? ''])) continue;
      out.push(
        credentialDraft(c, graph, `${credentialLabel(c)} (${reachLabel(c)}) is used by automation at ${where(at)}; use ${n.instead}.`, {
          at,
          severity: deletesIn(c, graph, 'production') ? 'high' : 'medium',
        }),
      );
    }
    // CI jobs that hand the Railway CLI an account token (RAILWAY_API_TOKEN) to deploy.
    for (const job of workflowJobs(resources)) {
      const here = jobUses(job, uses).filter((u) => u.location.variable === 'RAILWAY_API_TOKEN' || u.variable === 'RAILWAY_API_TOKEN');
      if (!here.length) continue;
      const signals = new Set(here.flatMap((u) => u.signals));
      if ([...signals].some((s) => ACCOUNT_OPS.has(s))) continue;
      const env = jobEnvironment(job);
      out.push({
        key: `${job.id}:RAILWAY_API_TOKEN`,
        severity: env === 'production' ? 'high' : 'medium',
        message: `CI job ${job.name} gives the Railway CLI an account/workspace token (RAILWAY_API_TOKEN at ${where(here[0]!.location)}); a project token in RAILWAY_TOKEN deploys just as well and reaches one environment only.`,
        locations: here.map((u) => toFindingLocation(u.location)),
        credentialFingerprints: [],
        resourceIds: [job.id],
        environments: [env],
        chain: [
          { kind: 'workflow', label: job.name, ref: job.id },
          { kind: 'credential', label: `RAILWAY_API_TOKEN = secrets.${here[0]!.variable}` },
          { kind: 'scope', label: 'account/workspace (every project and environment of its owner)' },
        ],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'Railway account token in a deploy script',
      repo: { 'scripts/release.sh': '#!/bin/sh\nexport RAILWAY_API_TOKEN=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f\nrailway up --service api\n' },
      fires: true,
      mentions: 'project token',
    },
    {
      name: 'CI job deploying with RAILWAY_API_TOKEN',
      repo: {
        '.github/workflows/deploy.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: railway up --ci --service api\n        env:\n          RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}\n',
      },
      fires: true,
      mentions: 'RAILWAY_API_TOKEN',
    },
    {
      name: 'CI job deploying with a project token',
      repo: {
        '.github/workflows/deploy.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: railway up --ci --service api\n        env:\n          RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
