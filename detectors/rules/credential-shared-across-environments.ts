// One credential for staging and production: whatever touches staging holds the keys to production.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { WorkflowJobAttrs } from '../../src/pipeline/resources.js';
import { credentialChain, credentialLabel } from '../../src/pipeline/chain.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { credentialLocations, identifierName, jobEnvironmentReason } from './shared.js';
import { pushTo } from '../../src/core/text.js';

const NON_PROD = new Set(['staging', 'development', 'test']);

const rule: FindingRule = {
  meta: {
    id: 'credential-shared-across-environments',
    title: 'One credential used by staging and production',
    severity: 'high',
    category: 'environment-isolation',
    confidence: 'high',
    summary: 'The same secret value (or the same repository-level CI secret) is used by production and a non-production environment.',
    help: {
      why: 'Staging is where experiments, scripts and agents run with less care. If staging holds the production credential, a staging mistake is a production incident.',
      fix: 'Issue one credential per environment, each scoped to its environment (Railway project tokens, per-environment IAM roles). In GitHub Actions, move the secret into environment secrets and set `environment:` on each job.',
      references: ['https://docs.github.com/en/actions/deployment/targeting-different-environments/using-environments-for-deployment#environment-secrets'],
    },
  },
  check: ({ credentials, resources, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      const envs = c.environments;
      if (!envs.includes('production') || !envs.some((e) => NON_PROD.has(e))) continue;
      const names = c.locations.map((l) => l.variable).filter((v): v is string => !!v);
      if (names.length && names.every(identifierName)) continue;
      out.push({
        message: `${credentialLabel(c)} appears in ${envs.filter((e) => e !== 'unknown').join(' and ')}: one value serves production and non-production.`,
        locations: credentialLocations(c),
        credentialFingerprints: [c.fingerprint],
        resourceIds: [],
        environments: envs,
        chain: credentialChain(c, graph),
      });
    }
    // Repository-level CI secrets used by jobs of different environments hold one value for all of them.
    const bySecret = new Map<string, Array<{ env: string; job: (typeof resources)[number] }>>();
    for (const job of resources) {
      if (job.type !== 'workflow-job') continue;
      const a = job.attributes as WorkflowJobAttrs;
      const env = a.deployEnvironment ? environmentOfName(a.deployEnvironment) : job.environment;
      for (const s of a.secrets ?? []) {
        if (s === 'GITHUB_TOKEN' || identifierName(s)) continue;
        pushTo(bySecret, s, { env, job });
      }
    }
    for (const [secret, jobs] of bySecret) {
      const envs = new Set(jobs.map((j) => j.env));
      if (!envs.has('production') || ![...envs].some((e) => NON_PROD.has(e))) continue;
      // With `environment:` on every job the secret can be an environment secret with a different value per environment.
      const repoLevel = jobs.filter((j) => !(j.job.attributes as WorkflowJobAttrs).deployEnvironment);
      if (!repoLevel.length) continue;
      out.push({
        key: `secret:${secret}`,
        message: `CI secret ${secret} is used by ${jobs.map((j) => `${(j.job.attributes as WorkflowJobAttrs).job ?? j.job.name} (${j.env})`).join(', ')}; ${repoLevel.map((j) => (j.job.attributes as WorkflowJobAttrs).job ?? j.job.name).join(', ')} declare${repoLevel.length === 1 ? 's' : ''} no environment, so one repository-level value serves them all.`,
        locations: jobs.map((j) => ({ path: j.job.location.path, startLine: j.job.location.startLine, startColumn: j.job.location.startColumn })),
        credentialFingerprints: [],
        resourceIds: jobs.map((j) => j.job.id),
        environments: [...envs] as FindingDraft['environments'],
        chain: [
          { kind: 'credential', label: `secrets.${secret}` },
          ...jobs.map((j) => ({ kind: 'workflow' as const, label: `${j.job.name} (${j.env}: ${jobEnvironmentReason(j.job)})`, ref: j.job.id })),
        ],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'same GitHub token in production and staging env files',
      repo: {
        '.env.production': 'GITHUB_TOKEN=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\n',
        '.env.staging': 'GITHUB_TOKEN=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\n',
      },
      fires: true,
    },
    {
      name: 'one CI secret for staging and production deploys with no environment',
      repo: {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy-staging:\n    runs-on: ubuntu-latest\n    steps:\n      - run: vercel deploy --token ${{ secrets.VERCEL_TOKEN }}\n  deploy-production:\n    runs-on: ubuntu-latest\n    steps:\n      - run: vercel deploy --prod --token ${{ secrets.VERCEL_TOKEN }}\n',
      },
      fires: true,
      mentions: 'job name deploy-production',
    },
    {
      // Vercel's documented CI setup: the org and project ids are identifiers, not credentials.
      name: 'ids shared by staging and production deploys',
      repo: {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy-staging:\n    runs-on: ubuntu-latest\n    steps:\n      - run: vercel deploy\n        env:\n          VERCEL_ORG_ID: ${{ secrets.VERCEL_ORG_ID }}\n          VERCEL_PROJECT_ID: ${{ secrets.VERCEL_PROJECT_ID }}\n  deploy-production:\n    runs-on: ubuntu-latest\n    steps:\n      - run: vercel deploy --prod\n        env:\n          VERCEL_ORG_ID: ${{ secrets.VERCEL_ORG_ID }}\n          VERCEL_PROJECT_ID: ${{ secrets.VERCEL_PROJECT_ID }}\n',
      },
      fires: false,
    },
    {
      name: 'different values per environment',
      repo: {
        '.env.production': 'GITHUB_TOKEN=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\n',
        '.env.staging': 'NOTHING=here\n',
      },
      fires: false,
    },
  ],
};

export default rule;
