// The GITHUB_TOKEN of a workflow job: one repository, with the job's (or workflow's) `permissions:`. When neither
// sets them, the repository or organisation default decides: read-only (contents and packages read, metadata) for
// repositories created since February 2023, read/write on every scope for older ones unless an admin changed it —
// unknown from the repository alone. A GitHub token found in the checkout and bound to GITHUB_TOKEN is read as one.
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication
// https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';
import type { Permission, Resource, Scope, Verb } from '../../src/core/types.js';
import { resourcesOfType, type WorkflowJobAttrs } from '../../src/pipeline/resources.js';
import { pushTo } from '../../src/core/text.js';

/** Scope keys → the resource type they act on, and whether `write` includes deleting (branches, packages, runs). */
const KEYS: Record<string, { type: string; deletes: boolean }> = {
  contents: { type: 'repository', deletes: true },
  packages: { type: 'package', deletes: true },
  actions: { type: 'workflow', deletes: true },
  deployments: { type: 'deployment', deletes: false },
  pages: { type: 'pages', deletes: false },
  'pull-requests': { type: 'pull-request', deletes: false },
  issues: { type: 'issue', deletes: false },
  discussions: { type: 'discussion', deletes: false },
  checks: { type: 'check', deletes: false },
  statuses: { type: 'status', deletes: false },
  'security-events': { type: 'security-alert', deletes: false },
  'repository-projects': { type: 'project-board', deletes: false },
  attestations: { type: 'attestation', deletes: false },
  // id-token: write lets the job mint an OIDC token: whatever cloud roles trust this repository.
  'id-token': { type: 'cloud-identity', deletes: false },
  models: { type: 'model', deletes: false },
};

function permissionsOfMap(map: Record<string, string>): Permission[] {
  const out: Permission[] = [];
  for (const [key, level] of Object.entries(map)) {
    const k = KEYS[key] ?? { type: key, deletes: false };
    const vs: Verb[] = level === 'write' ? ['read', 'write', ...(k.deletes ? (['delete'] as Verb[]) : [])] : level === 'read' ? ['read'] : [];
    out.push(...vs.map((verb) => ({ verb, resourceType: k.type })));
  }
  return out;
}

const everyKey = (level: string) => Object.fromEntries(Object.keys(KEYS).map((k) => [k, level]));

/** The GITHUB_TOKEN scope of one job. */
export function githubTokenScope(job: WorkflowJobAttrs, where = job.workflow ? `${job.workflow}${job.job ? `#${job.job}` : ''}` : 'the workflow'): Scope {
  const p = job.permissions ?? 'default';
  const inherit = job.secretsInherit ? [{ source: 'config' as const, confidence: 'high' as const, detail: `secrets: inherit passes every secret of the caller to the reusable workflow ${String((job as Record<string, unknown>).reusableWorkflow ?? '')}`.trim() }] : [];
  if (p === 'default')
    return {
      principal: 'GITHUB_TOKEN',
      reach: 'project',
      permissions: [{ verb: 'read', resourceType: 'repository' }],
      confidence: 'low',
      evidence: [{ source: 'config', confidence: 'low', detail: `no permissions: in ${where}; the repository or organisation default applies`, }, ...inherit],
      toConfirm:
        'Repositories created since February 2023 default to read-only (contents and packages read); older ones and some organisations grant read/write on every scope. Check Settings → Actions → General → Workflow permissions, or set permissions: explicitly.',
    };
  const map = p === 'write-all' ? everyKey('write') : p === 'read-all' ? everyKey('read') : p;
  const detail = typeof p === 'string' ? `permissions: ${p}` : `permissions: ${Object.entries(p).map(([k, v]) => `${k}: ${v}`).join(', ') || '{} (none)'}`;
  return {
    principal: 'GITHUB_TOKEN',
    reach: 'project',
    permissions: permissionsOfMap(map),
    confidence: 'high',
    evidence: [{ source: 'config', confidence: 'high', detail: `${detail} in ${where}` }, ...inherit],
  };
}

interface JobIndex {
  jobs: Resource[];
  /** Job indexes by the secret names they reference. */
  bySecret: Map<string, number[]>;
  inheriting: Resource[];
}

const jobIndexes = new WeakMap<readonly Resource[], JobIndex>();

/** GitHub workflow jobs, indexed once per resource list (asked once per credential). */
function jobsOf(resources: readonly Resource[]): JobIndex {
  let index = jobIndexes.get(resources);
  if (!index) {
    const jobs = resourcesOfType(resources, 'workflow-job').filter((r) => r.provider === 'github');
    const bySecret = new Map<string, number[]>();
    jobs.forEach((j, i) => {
      for (const s of new Set((j.attributes as WorkflowJobAttrs).secrets ?? [])) pushTo(bySecret, s, i);
    });
    index = { jobs, bySecret, inheriting: jobs.filter((j) => (j.attributes as WorkflowJobAttrs).secretsInherit) };
    jobIndexes.set(resources, index);
  }
  return index;
}

const resolver: ScopeResolver = {
  meta: { id: 'scope-github-token', title: 'GitHub token in workflows', summary: "A workflow's GITHUB_TOKEN permissions, and which jobs (and reusable workflows, through secrets: inherit) receive a token stored as a secret." },
  providers: ['github'],
  resolve: (cred, ctx) => {
    const variables = new Set(cred.locations.map((l) => l.variable).filter((v): v is string => !!v));
    const { jobs, bySecret, inheriting } = jobsOf(ctx.resources);
    // A token bound to GITHUB_TOKEN: the widest job permissions in this repository are what it could hold.
    if (variables.has('GITHUB_TOKEN') && /app-installation|installation/.test(cred.type)) {
      const scopes = jobs.map((j) => githubTokenScope(j.attributes as WorkflowJobAttrs));
      if (!scopes.length) return undefined;
      const widest = scopes.reduce((a, b) => (b.permissions.length > a.permissions.length ? b : a));
      return { ...widest, confidence: widest.confidence === 'high' ? 'medium' : widest.confidence };
    }
    // A token stored as a repository secret: which jobs get it.
    const users = [...new Set([...variables].flatMap((v) => bySecret.get(v) ?? []))].sort((a, b) => a - b).map((i) => jobs[i]!);
    if (!users.length && !(inheriting.length && variables.size)) return undefined;
    const list = users.map((j) => `${j.name}${(j.attributes as WorkflowJobAttrs).deployEnvironment ? ` (environment ${(j.attributes as WorkflowJobAttrs).deployEnvironment})` : ''}`);
    return {
      evidence: [
        ...(list.length ? [{ source: 'config' as const, confidence: 'medium' as const, detail: `used by workflow jobs: ${list.join(', ')}` }] : []),
        ...inheriting.map((j) => ({ source: 'config' as const, confidence: 'low' as const, detail: `${j.name} passes every secret to a reusable workflow (secrets: inherit)`, location: { path: j.location.path, startLine: j.location.startLine } })),
      ],
    };
  },
  examples: [
    {
      name: 'GITHUB_TOKEN under permissions: write-all',
      credential: { provider: 'github', type: 'app-installation-token', locations: [{ path: 'ci.log', startLine: 1, startColumn: 1, variable: 'GITHUB_TOKEN', environment: 'unknown' }] },
      repo: { '.github/workflows/release.yml': 'on: push\npermissions: write-all\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create v1\n' },
      expect: { reach: 'project', principal: 'GITHUB_TOKEN', verbs: ['write', 'delete'] },
    },
    {
      name: 'GITHUB_TOKEN with no permissions: block (default unknown)',
      credential: { provider: 'github', type: 'app-installation-token', locations: [{ path: 'ci.log', startLine: 1, startColumn: 1, variable: 'GITHUB_TOKEN', environment: 'unknown' }] },
      repo: { '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n' },
      expect: { reach: 'project', verbs: [], confidence: 'low' },
    },
    {
      name: 'PAT stored as a secret and passed on with secrets: inherit',
      credential: { provider: 'github', type: 'classic-pat', locations: [{ path: '.env', startLine: 1, startColumn: 1, variable: 'GH_PAT', environment: 'unknown' }] },
      repo: {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  tag:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push --tags\n        env:\n          GH_TOKEN: ${{ secrets.GH_PAT }}\n  call:\n    uses: ./.github/workflows/reusable.yml\n    secrets: inherit\n',
      },
      expect: {},
    },
  ],
};

export default resolver;
