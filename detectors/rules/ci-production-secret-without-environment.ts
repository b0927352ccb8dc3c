// CI jobs that read production secrets without a deployment environment: no reviewers, no branch rules, repo-wide secrets.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import { pushTo } from '../../src/core/text.js';
import { jobAttrs, jobEnvironment, jobEnvironmentReason, productionSecrets, resourceDraft, toFindingLocation, workflowJobs } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'ci-production-secret-without-environment',
    title: 'Production secrets used by a CI job without an environment',
    severity: 'high',
    category: 'ci-cd',
    confidence: 'medium',
    summary: 'A GitHub Actions (or GitLab CI) job that deploys to or names production uses secrets but declares no `environment:`, so the secrets are repository-wide and no protection rule gates the job.',
    help: {
      why: 'Repository secrets are available to every job of every workflow on every branch that can run in the repository. A GitHub *environment* holds its own secrets and releases them only to jobs that name it — after required reviewers, wait timers and deployment-branch rules pass.',
      fix: 'Create a `production` environment (Settings → Environments) with required reviewers and a deployment-branch rule for `main`, move the production secrets into it, and add `environment: production` to the jobs that need them. In GitLab, scope the variables to a protected `production` environment and protect it.',
      references: [
        'https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment',
        'https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions',
        'https://docs.gitlab.com/ci/environments/protected_environments/',
      ],
    },
  },
  // One finding a workflow: its jobs share the fix (one protected environment), each job is a location.
  check: ({ resources }) => {
    const byWorkflow = new Map<string, Array<{ job: Resource; secrets: string[]; byJob: boolean }>>();
    for (const job of workflowJobs(resources)) {
      if (jobAttrs(job).deployEnvironment) continue;
      const secrets = productionSecrets(job);
      if (secrets.length) pushTo(byWorkflow, job.location.path, { job, secrets, byJob: jobEnvironment(job) === 'production' });
    }
    return [...byWorkflow].map(([path, jobs]) => {
      const first = jobs[0]!;
      const secrets = [...new Set(jobs.flatMap((j) => j.secrets))];
      const prod = jobs.filter((j) => j.byJob);
      const names = jobs.map((j) => j.job.name);
      const draft = resourceDraft(
        first.job,
        `${jobs.length > 1 ? `${jobs.length} CI jobs (${names.join(', ')})` : `CI job ${first.job.name}`} use${jobs.length > 1 ? '' : 's'} ${secrets.map((s) => `secrets.${s}`).join(', ')}${prod.length ? ' for production' : ''} with no environment: — repository-wide secrets, no reviewer or branch rule in the way.`,
        [...secrets.map((s) => `secrets.${s}`), ...prod.slice(0, 1).map((j) => `production because ${jobEnvironmentReason(j.job)}`), 'no environment: on the job'],
        { kind: 'workflow', severity: prod.length ? 'high' : 'medium', key: jobs.length > 1 ? `workflow:${path}` : first.job.id },
      );
      return {
        ...draft,
        locations: jobs.map((j) => toFindingLocation(j.job.location)),
        resourceIds: jobs.map((j) => j.job.id),
      };
    });
  },
  examples: [
    {
      name: 'production deploy job with repository secrets',
      repo: {
        '.github/workflows/deploy-production.yml':
          'name: Deploy production\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/deploy.sh\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
      },
      fires: true,
      mentions: 'PROD_DATABASE_URL',
    },
    {
      name: 'same job behind environment: production',
      repo: {
        '.github/workflows/deploy-production.yml':
          'name: Deploy production\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./scripts/deploy.sh\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
