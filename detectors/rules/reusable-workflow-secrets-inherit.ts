// `secrets: inherit` hands every repository and environment secret to the called workflow.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { jobAttrs, resourceDraft, workflowJobs } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'reusable-workflow-secrets-inherit',
    title: 'Reusable workflow called with secrets: inherit',
    severity: 'medium',
    category: 'ci-cd',
    confidence: 'high',
    summary: 'A job calls a reusable workflow with `secrets: inherit`, passing it every secret the caller can see; high when the workflow lives in another repository.',
    help: {
      why: '`secrets: inherit` passes all of the caller\'s secrets — production database URLs and cloud keys included — to the called workflow, whatever it needs. A change in the called workflow (or, for another repository\'s workflow, in that repository or its tag) can read or use all of them.',
      fix: 'Pass only the secrets the workflow declares under `on.workflow_call.secrets` (`secrets: { DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }} }`), and pin other repositories\' workflows to a full commit SHA.',
      references: [
        'https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-secrets-to-nested-workflows',
        'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idsecretsinherit',
        'https://docs.zizmor.sh/audits/#secrets-inherit',
      ],
    },
  },
  check: ({ resources }) =>
    workflowJobs(resources)
      .filter((j) => jobAttrs(j).secretsInherit)
      .map((j) => {
        const called = jobAttrs(j).reusableWorkflow ?? 'a reusable workflow';
        const external = !called.startsWith('./');
        return resourceDraft(j, `CI job ${j.name} calls ${called} with secrets: inherit${external ? ' — another repository\'s workflow receives every secret' : ''}.`, [`uses ${called}`, 'secrets: inherit'], {
          kind: 'workflow',
          severity: external ? 'high' : 'low',
        });
      }),
  examples: [
    {
      name: 'external reusable workflow with secrets: inherit',
      repo: { '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy:\n    uses: acme-platform/workflows/.github/workflows/deploy.yml@main\n    secrets: inherit\n' },
      fires: true,
      mentions: 'secrets: inherit',
    },
    {
      name: 'explicit secrets',
      repo: {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    uses: acme-platform/workflows/.github/workflows/deploy.yml@8f3c2a1b9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a\n    secrets:\n      DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
