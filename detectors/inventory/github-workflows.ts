// GitHub Actions workflows: one `workflow-job` per job with its deploy environment, the secrets it references, its
// effective GITHUB_TOKEN permissions (and `tokenScope`: that token as a scope), triggers, destructive commands and
// `secrets: inherit`; a variable use per `${{ secrets.NAME }}`; a `backup-job` for jobs that dump a database.
// https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions
import { isScalar, type Node, type Scalar } from 'yaml';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Environment, Resource, SourceFile, VariableUse } from '../../src/core/types.js';
import type { BackupJobAttrs, WorkflowJobAttrs, WorkflowTokenAttrs } from '../../src/pipeline/resources.js';
import { githubTokenScope } from '../scopes/github-token.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { LineIndex } from '../../src/core/text.js';
import { basename, environmentOf, locationAt, makeResource } from './resource-builder.js';
import { entries, get, items, parseYaml, scalarsUnder, str, toJs } from './yaml-nodes.js';
import { backupInScript, destructiveCommands } from './destructive-commands.js';
import { providerOfAction, scriptSignals } from './providers.js';
import { scriptsInvoked } from './shell-words.js';

type Permissions = NonNullable<WorkflowJobAttrs['permissions']>;

function permissionsOf(node: Node | null | undefined): Permissions | undefined {
  if (node === undefined) return undefined;
  const s = str(node);
  if (s === 'write-all' || s === 'read-all') return s;
  const js = toJs(node);
  if (js && typeof js === 'object' && !Array.isArray(js)) return Object.fromEntries(Object.entries(js).map(([k, v]) => [k, String(v)]));
  if (node === null || (isScalar(node) && node.value === null)) return {};
  return undefined;
}

function triggersOf(node: Node | null | undefined): string[] {
  const s = str(node);
  if (s) return [s];
  const seq = items(node).map(str).filter((x): x is string => !!x);
  if (seq.length) return seq;
  return entries(node).map(([k]) => k);
}

const SECRET_EXPR = /\$\{\{([\s\S]*?)\}\}/g;
const SECRET_REF = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_-]*)['"]\s*\])/g;

const DEPLOY_WORD = /\b(?:deploy|release|publish|promote|apply|up)\b/i;
/** "deploy" that applies database migrations (`prisma migrate deploy`), not an application deploy. */
const MIGRATE_DEPLOY = /\bmigrate\s+deploy\b/gi;
const deployScript = (script: string) => DEPLOY_WORD.test(script.replace(MIGRATE_DEPLOY, ' '));
/** A step condition that names a branch: `if: github.ref == 'refs/heads/main'`. */
const REF_BRANCH = /refs\/heads\/([\w./-]+)/g;
const DEPLOY_TARGET = /(?:^|\s)(?:--prod(?:uction)?\b|(?:--environment|--env|-e)[= ]["']?([\w-]+))/;

/**
 * A job's environment and the signal that decided it, strongest first: its `environment:`, its own name or folder, the
 * deploy target its commands name, a push branch that names one; the workflow's (or file's) name counts only for a job
 * that deploys. A job with service containers that deploys nothing is a CI test job.
 */
export function jobEnvironmentOf(
  file: SourceFile,
  job: {
    deployEnvironment?: string;
    names: string[];
    workingDirectory?: string;
    workflowName?: string;
    scripts: string[];
    branches: string[];
    deploys: boolean;
    serviceContainers: string[];
    /** Names and `if:` branches of the steps that deploy (`Deploy Production`, `refs/heads/staging`). */
    deploySteps?: string[];
  },
): { environment: Environment; reason: string } {
  const named = (label: string, values: Array<string | undefined>, skipTest = false) => {
    for (const v of values) {
      const env = v ? environmentOfName(v) : 'unknown';
      if (env !== 'unknown' && !(skipTest && env === 'test')) return { environment: env, reason: `${label} ${v}` };
    }
    return undefined;
  };
  const deploys = job.deploys || job.scripts.some(deployScript);
  // One job deploying to several environments (a step per branch) is as sensitive as the most sensitive of them.
  const steps = job.deploySteps ?? [];
  const stepProd = steps.find((v) => environmentOfName(v) === 'production');
  const fromSteps = stepProd ? { environment: 'production' as const, reason: `deploy step ${stepProd}` } : named('deploy step', steps, true);
  const target = job.scripts.map((s) => DEPLOY_TARGET.exec(s)).find((m) => m);
  const fromTarget = target
    ? target[1]
      ? named('deploy target', [target[1]])
      : { environment: 'production' as const, reason: `deploy target (${target[0].trim()})` }
    : undefined;
  return (
    named('environment:', [job.deployEnvironment]) ??
    (job.serviceContainers.length && !deploys && !fromTarget ? { environment: 'test', reason: `CI service containers (${job.serviceContainers.join(', ')}), no deploy step` } : undefined) ??
    named('job name', job.names) ??
    named('working-directory', [job.workingDirectory]) ??
    fromTarget ??
    fromSteps ??
    (deploys ? named('branch', job.branches, true) : undefined) ??
    (deploys ? named('workflow name', [job.workflowName]) : undefined) ??
    (deploys && file.environment.environment !== 'unknown' ? { environment: file.environment.environment, reason: file.environment.reason } : undefined) ?? {
      environment: 'unknown',
      reason: deploys ? 'no signal' : 'the job deploys nothing',
    }
  );
}

/** Branches a push trigger names (`on.push.branches`). */
function pushBranchesOf(onNode: unknown): string[] {
  return items(get(get(onNode, 'push'), 'branches'))
    .map((b) => str(b))
    .filter((b): b is string => !!b);
}

const parser: InventoryParser = {
  meta: {
    id: 'github-workflows',
    title: 'GitHub Actions workflows',
    summary: 'Workflow jobs: deploy environments, secrets used, token permissions, triggers, destructive commands and backups.',
  },
  applies: (file) => /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(file.path),
  parse: (file) => {
    const { yaml, diagnostics } = parseYaml(file);
    if (!yaml) return { diagnostics };
    const root = yaml.doc.contents;
    const lines = new LineIndex(file.text);
    const workflowName = str(get(root, 'name')) ?? basename(file.path);
    const onNode = get(root, 'on');
    const triggers = triggersOf(onNode);
    const schedules = items(get(onNode, 'schedule'))
      .map((s) => str(get(s, 'cron')))
      .filter((x): x is string => !!x);
    const workflowPermissions = permissionsOf(get(root, 'permissions'));
    const workflowEnvName = environmentOfName(workflowName) === 'test' ? undefined : workflowName;
    // Secret references: every `${{ … secrets.NAME … }}` in a node's scalars, located in the raw text.
    const secretRefs = (node: unknown) => {
      const out: Array<{ name: string; line: number; column: number; key?: string }> = [];
      for (const { node: scalar, key } of scalarsUnder(node)) {
        const range = scalar.range;
        if (!range) continue;
        const raw = file.text.slice(range[0], range[1]);
        for (const expr of raw.matchAll(SECRET_EXPR)) {
          for (const ref of expr[1]!.matchAll(SECRET_REF)) {
            const pos = lines.position(range[0] + expr.index! + 3 + ref.index!);
            out.push({ name: (ref[1] ?? ref[2])!, line: pos.line, column: pos.column, ...(key && key !== 'run' ? { key } : {}) });
          }
        }
      }
      return out;
    };
    // Workflow-level `env:` secrets reach every job.
    const workflowSecrets = secretRefs(get(root, 'env'));
    const workflowSignals = new Set<string>();
    const resources: Resource[] = [];
    const uses: VariableUse[] = [];

    resources.push(
      makeResource(file, {
        id: `gha:${file.path}`,
        provider: 'github',
        type: 'workflow',
        name: workflowName,
        environment: environmentOf(file, workflowEnvName),
        line: 1,
        attributes: { workflow: file.path, triggers, permissions: workflowPermissions ?? 'default', jobs: entries(get(root, 'jobs')).map(([k]) => k) },
      }),
    );

    for (const [jobId, job, pair] of entries(get(root, 'jobs'))) {
      const jobLine = yaml.lineOf(pair.key as Node);
      const jobName = str(get(job, 'name')) ?? jobId;
      const envNode = get(job, 'environment');
      const deployEnvironment = str(envNode) ?? str(get(envNode, 'name'));
      const workingDirectory = str(get(get(get(job, 'defaults'), 'run'), 'working-directory')) ?? str(get(get(get(root, 'defaults'), 'run'), 'working-directory'));

      const runs: Array<{ script: string; line: number }> = [];
      const actionSignals: string[] = [];
      const deploySteps: string[] = [];
      const jobUses = str(get(job, 'uses'));
      if (jobUses) actionSignals.push(...[providerOfAction(jobUses)].filter((x): x is string => !!x));
      for (const step of items(get(job, 'steps'))) {
        const runNode = get(step, 'run');
        const run = str(runNode);
        if (run && runNode) {
          const block = isScalar(runNode) && ((runNode as Scalar).type === 'BLOCK_LITERAL' || (runNode as Scalar).type === 'BLOCK_FOLDED');
          runs.push({ script: run, line: yaml.lineOf(runNode) + (block ? 1 : 0) });
        }
        const u = str(get(step, 'uses'));
        const p = u ? providerOfAction(u) : undefined;
        if (p) actionSignals.push(p);
        if ((run && deployScript(run)) || (u && /deploy/i.test(u))) {
          const name = str(get(step, 'name'));
          if (name) deploySteps.push(name);
          for (const m of (str(get(step, 'if')) ?? '').matchAll(REF_BRANCH)) deploySteps.push(`branch ${m[1]}`);
        }
      }
      const signals = [...new Set([...actionSignals, ...runs.flatMap((r) => scriptSignals(r.script))])];
      const hits = runs.flatMap((r) => destructiveCommands(r.script).map((h) => ({ ...h, line: r.line + h.line - 1 })));
      const serviceContainers = entries(get(job, 'services')).map(([k]) => k);
      const { environment, reason: environmentReason } = jobEnvironmentOf(file, {
        deployEnvironment,
        names: [jobId, jobName],
        workingDirectory,
        workflowName: workflowEnvName,
        scripts: runs.map((r) => r.script),
        branches: pushBranchesOf(onNode),
        deploys: signals.length > 0 || hits.length > 0,
        serviceContainers,
        deploySteps,
      });

      const secretNames = new Set<string>(workflowSecrets.map((r) => r.name));
      for (const r of secretRefs(job)) {
        secretNames.add(r.name);
        uses.push({
          variable: r.name,
          location: locationAt(file, r.line, environment, {
            startColumn: r.column,
            ...(r.key ? { variable: r.key } : {}),
            context: `job ${jobId} in ${workflowName}${deployEnvironment ? ` (environment ${deployEnvironment})` : ''}`,
          }),
          signals,
        });
      }
      for (const s of signals) workflowSignals.add(s);

      const attributes: WorkflowJobAttrs & Record<string, unknown> = {
        workflow: file.path,
        job: jobId,
        deployEnvironment,
        environmentReason,
        ...(serviceContainers.length ? { serviceContainers } : {}),
        secrets: [...secretNames],
        permissions: permissionsOf(get(job, 'permissions')) ?? workflowPermissions ?? 'default',
        triggers,
        destructiveCommands: hits.map((h) => h.destructive),
        secretsInherit: str(get(job, 'secrets')) === 'inherit' || undefined,
        ...(jobUses ? { reusableWorkflow: jobUses } : {}),
        ...(runs.some((r) => scriptsInvoked(r.script).length) ? { runsScripts: [...new Set(runs.flatMap((r) => scriptsInvoked(r.script)))] } : {}),
        ...(signals.length ? { signals } : {}),
      };
      const tokenScope: WorkflowTokenAttrs['tokenScope'] = githubTokenScope(attributes, `${file.path}#${jobId}`);
      resources.push(
        makeResource(file, {
          id: `gha:${file.path}#${jobId}`,
          provider: 'github',
          type: 'workflow-job',
          name: `${workflowName} / ${jobName}`,
          environment,
          line: jobLine,
          attributes: { ...attributes, tokenScope },
        }),
      );

      const backup = backupInScript(runs.map((r) => r.script).join('\n'));
      if (backup) {
        const artifact = actionSignals.length === 0 && items(get(job, 'steps')).some((s) => /^actions\/upload-artifact@/.test(str(get(s, 'uses')) ?? ''));
        const b: BackupJobAttrs = {
          destination: backup.destination === 'unknown' && artifact ? 'off-platform' : backup.destination,
          target: backup.destination === 'unknown' && artifact ? 'GitHub Actions artifact' : backup.target,
          schedule: schedules.join(', ') || undefined,
        };
        resources.push(
          makeResource(file, {
            id: `gha:${file.path}#${jobId}/backup`,
            provider: 'github',
            type: 'backup-job',
            name: `${jobName} (${backup.tool})`,
            environment,
            line: runs[0]?.line ?? jobLine,
            attributes: { ...b, tool: backup.tool, job: `gha:${file.path}#${jobId}` },
          }),
        );
      }
    }
    for (const r of workflowSecrets)
      uses.push({
        variable: r.name,
        location: locationAt(file, r.line, environmentOf(file, workflowEnvName), {
          startColumn: r.column,
          ...(r.key ? { variable: r.key } : {}),
          context: `workflow-level env of ${workflowName}: every job`,
        }),
        signals: [...workflowSignals],
      });
    return { resources, uses, diagnostics };
  },
  examples: [
    {
      // A production deploy with the Railway CLI, and a destroy job, in the style of GitHub's and Railway's docs.
      file: {
        path: '.github/workflows/deploy.yml',
        text: `name: Deploy
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions: write-all
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment:
      name: production
      url: https://shop.example.com
    steps:
      - uses: actions/checkout@v4
      - run: npm i -g @railway/cli
      - name: Deploy
        run: railway up --service api
        env:
          RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }}
  teardown:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: |
          terraform init
          terraform destroy -auto-approve
        env:
          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: \${{ secrets['AWS_SECRET_ACCESS_KEY'] }}
  call:
    uses: ./.github/workflows/reusable.yml
    secrets: inherit
`,
      },
      expect: [
        {
          id: 'gha:.github/workflows/deploy.yml#deploy',
          type: 'workflow-job',
          environment: 'production',
          attributes: { deployEnvironment: 'production', secrets: ['RAILWAY_TOKEN'], permissions: 'write-all', triggers: ['push', 'workflow_dispatch'] },
        },
        {
          id: 'gha:.github/workflows/deploy.yml#teardown',
          attributes: {
            permissions: { contents: 'read' },
            destructiveCommands: ['terraform destroy -auto-approve'],
            secrets: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
          },
        },
        { id: 'gha:.github/workflows/deploy.yml#call', attributes: { secretsInherit: true } },
      ],
      reject: ['gha:.github/workflows/deploy.yml#deploy/backup'],
    },
    {
      // A nightly pg_dump that uploads to S3 (off-platform), and a near-miss: a plan-only Terraform job.
      file: {
        path: '.github/workflows/nightly-backup.yml',
        text: `name: Nightly backup
on:
  schedule:
    - cron: '0 3 * * *'
jobs:
  backup:
    runs-on: ubuntu-latest
    steps:
      - name: Dump
        run: |
          pg_dump "\${{ secrets.PROD_DATABASE_URL }}" -Fc -f db.dump
          aws s3 cp db.dump "s3://acme-db-backups/$(date +%F).dump"
  plan:
    runs-on: ubuntu-latest
    steps:
      - run: terraform plan && terraform apply -auto-approve
`,
      },
      expect: [
        { id: 'gha:.github/workflows/nightly-backup.yml#backup/backup', type: 'backup-job', attributes: { destination: 'off-platform', schedule: '0 3 * * *' } },
        { id: 'gha:.github/workflows/nightly-backup.yml#plan', attributes: { destructiveCommands: [], permissions: 'default', triggers: ['schedule'] } },
      ],
      reject: ['gha:.github/workflows/nightly-backup.yml#plan/backup'],
    },
  ],
};

export default parser;
