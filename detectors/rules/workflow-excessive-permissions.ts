// GITHUB_TOKEN permissions wider than the jobs need: write-all, workflow-wide write scopes, or the unstated default.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import type { WorkflowJobAttrs } from '../../src/pipeline/resources.js';
import { jobAttrs, resourceDraft, workflowJobs } from './shared.js';
import { pushTo } from '../../src/core/text.js';

type Perms = WorkflowJobAttrs['permissions'];
/** Write scopes that change code, releases, packages or cloud identity. */
const SENSITIVE = ['contents', 'id-token', 'actions', 'packages', 'deployments', 'workflows'];
/** Signals that a job authenticates to a cloud with OIDC (and so needs id-token: write). */
const CLOUD = new Set(['aws', 'gcloud', 'azure', 'terraform']);

const writeScopes = (p: Perms): string[] => (p && typeof p === 'object' ? Object.entries(p).filter(([k, v]) => v === 'write' && SENSITIVE.includes(k)).map(([k]) => k) : []);
const same = (a: Perms, b: Perms) => JSON.stringify(a) === JSON.stringify(b);

const rule: FindingRule = {
  meta: {
    id: 'workflow-excessive-permissions',
    title: 'Workflow token permissions wider than needed',
    severity: 'medium',
    category: 'ci-cd',
    confidence: 'medium',
    summary: '`permissions: write-all`, workflow-wide `contents`/`id-token`/`actions` write granted to jobs that do not need it, or no `permissions:` at all (the default token, reported low).',
    help: {
      why: 'Every step of every job — including third-party actions and the scripts they download — can use the GITHUB_TOKEN. With `write-all` (or the permissive default) a compromised step can push code, rewrite releases, approve its own pull requests or mint cloud credentials through `id-token: write`.',
      fix: 'Set `permissions: {}` or `contents: read` at the workflow level and grant write scopes on the one job that needs them (`contents: write` for the release job, `id-token: write` for the job that assumes a cloud role). Set the repository default to read-only (Settings → Actions → General → Workflow permissions).',
      references: [
        'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions',
        'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#modifying-the-permissions-for-the-github_token',
        'https://docs.zizmor.sh/audits/#excessive-permissions',
      ],
    },
  },
  check: ({ resources }) => {
    const out: FindingDraft[] = [];
    const jobsByWorkflow = new Map<string | undefined, Resource[]>();
    for (const job of workflowJobs(resources)) pushTo(jobsByWorkflow, jobAttrs(job).workflow, job);
    for (const wf of resources.filter((r) => r.type === 'workflow' && r.provider === 'github')) {
      const wfPerms = (wf.attributes as { permissions?: Perms }).permissions;
      const jobs = jobsByWorkflow.get((wf.attributes as { workflow?: string }).workflow) ?? [];
      const inheriting = jobs.filter((j) => same(jobAttrs(j).permissions, wfPerms));
      if (wfPerms === 'write-all') {
        out.push(resourceDraft(wf, `Workflow ${wf.name} grants permissions: write-all to every job.`, ['permissions: write-all'], { kind: 'workflow', key: `${wf.id}:write-all` }));
      } else if (wfPerms === 'default' || wfPerms === undefined) {
        if (inheriting.length)
          out.push(
            resourceDraft(wf, `Workflow ${wf.name} sets no permissions: ${inheriting.length} job(s) get the repository's default token, which may be read/write.`, ['no permissions: block'], {
              kind: 'workflow',
              key: `${wf.id}:default`,
              severity: 'low',
            }),
          );
      } else {
        // Workflow-level write scopes that jobs inherit without a sign they use them.
        const unneeded = writeScopes(wfPerms).filter((scope) => {
          if (scope === 'id-token') return !inheriting.some((j) => (jobAttrs(j) as { signals?: string[] }).signals?.some((s) => CLOUD.has(s)));
          return inheriting.length > 1 || !inheriting.length;
        });
        if (unneeded.length && inheriting.length)
          out.push(
            resourceDraft(
              wf,
              `Workflow ${wf.name} grants ${unneeded.map((s) => `${s}: write`).join(', ')} at workflow level to ${inheriting.length} job(s); grant it only on the job that needs it.`,
              unneeded.map((s) => `workflow-level ${s}: write`),
              { kind: 'workflow', key: `${wf.id}:scopes`, severity: unneeded.includes('id-token') ? 'medium' : 'low' },
            ),
          );
      }
      for (const j of jobs) {
        if (jobAttrs(j).permissions === 'write-all' && wfPerms !== 'write-all')
          out.push(resourceDraft(j, `CI job ${j.name} sets permissions: write-all.`, ['job permissions: write-all'], { kind: 'workflow', key: `${j.id}:write-all` }));
      }
    }
    return out;
  },
  examples: [
    {
      name: 'write-all at workflow level',
      repo: { '.github/workflows/ci.yml': 'on: push\npermissions: write-all\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n' },
      fires: true,
      mentions: 'write-all',
    },
    {
      name: 'id-token: write for every job, none of them talks to a cloud',
      repo: {
        '.github/workflows/ci.yml':
          'on: push\npermissions:\n  contents: read\n  id-token: write\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run lint\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
      },
      fires: true,
      mentions: 'id-token: write',
    },
    {
      name: 'read-only workflow, write scope on the release job only',
      repo: {
        '.github/workflows/ci.yml':
          'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  release:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n    steps:\n      - run: gh release create v1\n',
      },
      fires: false,
    },
  ],
};

export default rule;
