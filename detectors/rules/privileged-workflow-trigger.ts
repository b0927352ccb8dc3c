// Workflows that run with the base repository's secrets on events anyone (a fork, a commenter) can cause.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { jobAttrs, jobSecrets, productionSecrets, resourceDraft, workflowJobs } from './shared.js';

/** Triggers that run in the base repository's context — secrets and a write token — for events from forks. */
const PRIVILEGED = ['pull_request_target', 'workflow_run', 'issue_comment'];

const rule: FindingRule = {
  meta: {
    id: 'privileged-workflow-trigger',
    title: 'Fork-triggerable workflow with secrets or pull request code',
    severity: 'high',
    category: 'ci-cd',
    confidence: 'medium',
    summary: 'A job on `pull_request_target`, `workflow_run` or `issue_comment` that reads secrets or checks out the pull request\'s code; critical when the secrets are production ones.',
    help: {
      why: 'These triggers run with the base repository\'s secrets and a read/write token even when a fork caused them. Anyone who opens a pull request can make them run; if the job also builds or runs the pull request\'s code, that code runs with the secrets ("pwn request"). Production credentials there are one PR away from an attacker.',
      fix: 'Use `pull_request` for building untrusted code (no secrets for forks). If a privileged trigger is needed, never check out or run the PR head in it, pass data through artifacts, keep secrets out of it, and gate any deploy behind an `environment:` with required reviewers.',
      references: [
        'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/',
        'https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target',
        'https://docs.zizmor.sh/audits/#dangerous-triggers',
      ],
    },
  },
  check: ({ resources }) =>
    workflowJobs(resources).flatMap((job) => {
      const a = jobAttrs(job);
      const triggers = (a.triggers ?? []).filter((t) => PRIVILEGED.includes(t));
      if (!triggers.length) return [];
      const secrets = jobSecrets(job);
      const prod = a.deployEnvironment ? [] : productionSecrets(job);
      if (!secrets.length && !a.checksOutPullRequest) return [];
      const facts = [
        `on: ${triggers.join(', ')}`,
        ...(a.checksOutPullRequest ? ['checks out the pull request head'] : []),
        ...(secrets.length ? [`reads ${secrets.map((s) => `secrets.${s}`).join(', ')}`] : []),
      ];
      return [
        resourceDraft(job, `CI job ${job.name} runs on ${triggers.join('/')} (fork-triggerable) and ${facts.slice(1).join(' and ')}${prod.length ? ' — production secrets' : ''}.`, facts, {
          kind: 'workflow',
          severity: prod.length || (a.checksOutPullRequest && secrets.length) ? 'critical' : 'high',
        }),
      ];
    }),
  examples: [
    {
      name: 'pull_request_target job with a production secret',
      repo: {
        '.github/workflows/preview.yml':
          'on: pull_request_target\njobs:\n  preview:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run preview\n        env:\n          PROD_DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
      },
      fires: true,
      mentions: 'pull_request_target',
    },
    {
      name: 'pull_request job (no secrets for forks)',
      repo: {
        '.github/workflows/preview.yml':
          'on: pull_request\njobs:\n  preview:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n',
      },
      fires: false,
    },
    {
      name: 'pull_request_target labeler without secrets',
      repo: {
        '.github/workflows/label.yml':
          'on: pull_request_target\npermissions:\n  pull-requests: write\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/labeler@v5\n',
      },
      fires: false,
    },
  ],
};

export default rule;
