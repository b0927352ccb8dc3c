// CI jobs that read production secrets without a deployment environment: no reviewers, no branch rules, repo-wide secrets.
import type { FindingRule } from '../../src/detector-api.js';
import { jobAttrs, jobEnvironment, productionSecrets, resourceDraft, workflowJobs } from './shared.js';

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
  check: ({ resources }) =>
    workflowJobs(resources).flatMap((job) => {
      const a = jobAttrs(job);
      if (a.deployEnvironment) return [];
      const secrets = productionSecrets(job);
      if (!secrets.length) return [];
      const byJob = jobEnvironment(job) === 'production';
      return [
        resourceDraft(
          job,
          `CI job ${job.name} uses ${secrets.map((s) => `secrets.${s}`).join(', ')}${byJob ? ' for production' : ''} with no environment: — repository-wide secrets, no reviewer or branch rule in the way.`,
          [...secrets.map((s) => `secrets.${s}`), 'no environment: on the job'],
          { kind: 'workflow', severity: byJob ? 'high' : 'medium' },
        ),
      ];
    }),
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
