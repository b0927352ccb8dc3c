// GitLab CI (`.gitlab-ci.yml`): one `workflow-job` per job (hidden `.templates` merged through `extends`) with its
// stage, `environment:` (name, url, deployment_tier), the refs `rules:`/`only:` restrict it to, the CI/CD variables it
// reads that the file does not define (project or group variables: the secrets), destructive commands and backups;
// a variable use per `$NAME` read.
// https://docs.gitlab.com/ci/yaml/  https://docs.gitlab.com/ci/variables/predefined_variables/
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Environment, Resource, VariableUse } from '../../src/core/types.js';
import type { BackupJobAttrs, GitlabJobAttrs, WorkflowJobAttrs } from '../../src/pipeline/resources.js';
import { environmentOf, locationAt, makeResource } from './resource-builder.js';
import { entries, get, items, parseYaml, str, toJs } from './yaml-nodes.js';
import { backupInScript, destructiveCommands } from './destructive-commands.js';
import { scriptSignals } from './providers.js';

const KEYWORDS = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'pages:deploy']);
const TIERS: Record<string, Environment> = { production: 'production', staging: 'staging', testing: 'test', development: 'development' };
/** Variables GitLab defines itself (CI_*, GITLAB_*, …) are not secrets. */
const PREDEFINED = /^(?:CI|GITLAB|CHAT|TRIGGER|RUNNER|FF)_|^(?:CI|HOME|PATH|PWD|USER|SHELL|HOSTNAME|RANDOM|OLDPWD|IFS|TERM|LANG)$/;
const PROTECTED_REF = /^(?:main|master|production|prod|release(?:[/-].*)?|default-branch|tags)$/;

interface Script {
  text: string;
  line: number;
}

type JobNode = Node | null | undefined;

/** A job's effective keys: its own, over those of the templates it extends (depth-limited). */
function resolved(jobs: Map<string, JobNode>, name: string, key: string, depth = 0): JobNode {
  const job = jobs.get(name);
  const own = get(job, key);
  if (own !== undefined || depth > 4) return own;
  const ext = get(job, 'extends');
  const parents = str(ext) ? [str(ext)!] : items(ext).map(str).filter((x): x is string => !!x);
  for (const p of parents.reverse()) {
    const v = resolved(jobs, p, key, depth + 1);
    if (v !== undefined) return v;
  }
  return undefined;
}

function scriptsOf(node: JobNode, lineOf: (n: Node | null | undefined) => number): Script[] {
  if (isScalar(node)) return str(node) ? [{ text: str(node)!, line: lineOf(node) + (String(node.type).startsWith('BLOCK') ? 1 : 0) }] : [];
  if (isSeq(node)) return (node.items as Node[]).flatMap((n) => scriptsOf(n, lineOf));
  return [];
}

/** Refs a job is limited to: `only:` lists/refs, `rules: - if:` comparisons on the branch, ref, tag or protection. */
function refsOf(job: (key: string) => JobNode): { refs: string[]; sources: string[]; protectedOnly: boolean } {
  const refs = new Set<string>();
  const sources = new Set<string>();
  const only = job('only');
  for (const r of [...items(only), ...items(get(only, 'refs'))].map(str)) if (r) refs.add(r === 'tags' ? 'tags' : r);
  const rules = items(job('rules'));
  let unrestricted = rules.length === 0 && refs.size === 0;
  for (const rule of rules) {
    const cond = str(get(rule, 'if'));
    if (str(get(rule, 'when')) === 'never') continue;
    if (!cond) {
      unrestricted = true;
      continue;
    }
    let restricts = false;
    for (const m of cond.matchAll(/\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*(?:"([^"]+)"|'([^']+)'|(\$CI_DEFAULT_BRANCH))/g)) {
      refs.add(m[3] ? 'default-branch' : (m[1] ?? m[2])!);
      restricts = true;
    }
    const extra = [
      [/\$CI_COMMIT_TAG\b(?!\s*==\s*null)/, 'tags'],
      [/\$CI_COMMIT_REF_PROTECTED\s*==\s*["']true["']/, 'protected'],
    ] as const;
    for (const [re, ref] of extra) {
      if (!re.test(cond)) continue;
      refs.add(ref);
      restricts = true;
    }
    for (const m of cond.matchAll(/\$CI_PIPELINE_SOURCE\s*==\s*["']([\w-]+)["']/g)) sources.add(m[1]!);
    if (!restricts) unrestricted = true;
  }
  const list = [...refs];
  return { refs: list, sources: [...sources], protectedOnly: !unrestricted && list.length > 0 && list.every((r) => r === 'protected' || PROTECTED_REF.test(r)) };
}

const parser: InventoryParser = {
  meta: { id: 'gitlab-ci', title: 'GitLab CI', summary: 'GitLab CI jobs: stages, deploy environments, protected-branch rules, CI/CD variables read, destructive commands and backups.' },
  applies: (file) => /(?:^|\/)\.gitlab-ci\.ya?ml$|(?:^|\/)\.gitlab\/ci\/[^/]+\.ya?ml$/i.test(file.path),
  parse: (file) => {
    const { yaml, diagnostics } = parseYaml(file);
    if (!yaml || !isMap(yaml.doc.contents)) return { diagnostics };
    const root = yaml.doc.contents as Node;
    const jobs = new Map<string, JobNode>(entries(root).filter(([k, v]) => !KEYWORDS.has(k) && isMap(v)).map(([k, v]) => [k, v]));
    const declared = new Set(Object.keys((toJs(get(root, 'variables')) as Record<string, unknown> | undefined) ?? {}));
    const defaults = get(root, 'default');
    const resources: Resource[] = [];
    const uses: VariableUse[] = [];
    const jobIds: string[] = [];

    for (const name of jobs.keys()) {
      if (name.startsWith('.')) continue;
      jobIds.push(name);
      const job = (key: string) => resolved(jobs, name, key);
      const line = yaml.lineOf(entries(root).find(([k]) => k === name)?.[2].key as Node);
      const envNode = job('environment');
      const deployEnvironment = str(envNode) ?? str(get(envNode, 'name'));
      const tier = TIERS[str(get(envNode, 'deployment_tier')) ?? ''];
      const environment = tier ?? environmentOf(file, deployEnvironment, name);
      const scripts = ['before_script', 'script', 'after_script'].flatMap((k) => scriptsOf(job(k) ?? get(defaults, k) ?? get(root, k), yaml.lineOf));
      const jobVars = new Set(Object.keys((toJs(job('variables')) as Record<string, unknown> | undefined) ?? {}));
      const signals = [...new Set(scripts.flatMap((s) => scriptSignals(s.text)))];
      // `$NAME` / `${NAME}` read by the scripts and not defined in the file: project or group CI/CD variables.
      const read = new Set<string>();
      for (const s of scripts) {
        s.text.split('\n').forEach((text, i) => {
          for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
            const v = m[1]!;
            if (PREDEFINED.test(v) || declared.has(v) || jobVars.has(v)) continue;
            read.add(v);
            uses.push({ variable: v, location: locationAt(file, s.line + i, environment, { startColumn: (m.index ?? 0) + 1, context: `GitLab job ${name}${deployEnvironment ? ` (environment ${deployEnvironment})` : ''}` }), signals });
          }
        });
      }
      const { refs, sources, protectedOnly } = refsOf(job);
      const hits = scripts.flatMap((s) => destructiveCommands(s.text));
      const attributes: WorkflowJobAttrs & GitlabJobAttrs & Record<string, unknown> = {
        workflow: file.path,
        job: name,
        stage: str(job('stage')) ?? 'test',
        deployEnvironment,
        environmentUrl: str(get(envNode, 'url')),
        secrets: [...read],
        variables: [...read],
        triggers: sources.length ? sources : ['push'],
        refs,
        protectedRefsOnly: protectedOnly,
        when: str(job('when')),
        destructiveCommands: hits.map((h) => h.destructive),
        ...(signals.length ? { signals } : {}),
      };
      resources.push(makeResource(file, { id: `gitlab:${file.path}#${name}`, provider: 'gitlab', type: 'workflow-job', name: `${file.path} / ${name}`, environment, line, attributes }));
      const backup = backupInScript(scripts.map((s) => s.text).join('\n'));
      if (backup) {
        const b: BackupJobAttrs & Record<string, unknown> = { destination: backup.destination, target: backup.target, tool: backup.tool, job: `gitlab:${file.path}#${name}`, schedule: sources.includes('schedule') ? 'pipeline schedule' : undefined };
        resources.push(makeResource(file, { id: `gitlab:${file.path}#${name}/backup`, provider: 'gitlab', type: 'backup-job', name: `${name} (${backup.tool})`, environment, line, attributes: b }));
      }
    }
    resources.unshift(
      makeResource(file, {
        id: `gitlab:${file.path}`,
        provider: 'gitlab',
        type: 'workflow',
        name: file.path,
        environment: environmentOf(file),
        line: 1,
        attributes: { workflow: file.path, stages: items(get(root, 'stages')).map(str).filter(Boolean), jobs: jobIds, environments: [...new Set(resources.map((r) => r.attributes.deployEnvironment).filter((x): x is string => typeof x === 'string'))] },
      }),
    );
    return { resources, uses, diagnostics };
  },
  examples: [
    {
      // GitLab's documented deploy pattern: a production job on the default branch with an environment, a staging job,
      // a nightly backup, and a destroy job behind a manual rule.
      file: {
        path: '.gitlab-ci.yml',
        text: `stages: [test, deploy]
variables:
  APP_NAME: shop

.deploy:
  image: alpine
  before_script:
    - apk add curl

test:
  stage: test
  script: npm test

deploy_production:
  extends: .deploy
  stage: deploy
  script:
    - 'curl -X POST -H "Authorization: Bearer $RAILWAY_TOKEN" https://backboard.railway.com/graphql/v2'
  environment:
    name: production
    url: https://shop.example.com
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

deploy_staging:
  extends: .deploy
  stage: deploy
  script: ./deploy.sh "$STAGING_DEPLOY_KEY"
  environment: staging

nightly_backup:
  script:
    - pg_dump "$PROD_DATABASE_URL" -Fc -f db.dump
    - aws s3 cp db.dump s3://acme-backups/
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"

destroy:
  stage: deploy
  script: terraform destroy -auto-approve
  environment:
    name: review/$CI_COMMIT_REF_SLUG
    action: stop
  when: manual
`,
      },
      expect: [
        {
          id: 'gitlab:.gitlab-ci.yml#deploy_production',
          type: 'workflow-job',
          environment: 'production',
          attributes: { stage: 'deploy', deployEnvironment: 'production', environmentUrl: 'https://shop.example.com', secrets: ['RAILWAY_TOKEN'], refs: ['default-branch'], protectedRefsOnly: true },
        },
        { id: 'gitlab:.gitlab-ci.yml#deploy_staging', environment: 'staging', attributes: { secrets: ['STAGING_DEPLOY_KEY'], protectedRefsOnly: false } },
        { id: 'gitlab:.gitlab-ci.yml#nightly_backup/backup', type: 'backup-job', attributes: { destination: 'off-platform', schedule: 'pipeline schedule' } },
        { id: 'gitlab:.gitlab-ci.yml#destroy', attributes: { destructiveCommands: ['terraform destroy -auto-approve'], when: 'manual' } },
      ],
      reject: ['gitlab:.gitlab-ci.yml#.deploy', 'gitlab:.gitlab-ci.yml#variables', 'gitlab:.gitlab-ci.yml#test/backup'],
    },
    {
      // Near-miss: only predefined and file-declared variables; `only: [main, tags]`.
      file: {
        path: 'service/.gitlab-ci.yml',
        text: 'variables:\n  IMAGE: registry.example.com/app\nbuild:\n  script:\n    - docker build -t "$IMAGE:$CI_COMMIT_SHA" .\n  only:\n    - main\n    - tags\n',
      },
      expect: [{ id: 'gitlab:service/.gitlab-ci.yml#build', attributes: { secrets: [], refs: ['main', 'tags'], protectedRefsOnly: true, destructiveCommands: [] } }],
      reject: ['gitlab:service/.gitlab-ci.yml#build/backup'],
    },
  ],
};

export default parser;
