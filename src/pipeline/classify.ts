// File kinds and environment hints, from paths alone (content-based hints are added by inventory parsers).
import type { Environment, EnvironmentHint, FileKind } from '../core/types.js';

const ENV_FILE = /(?:^|\/)\.env(?:\.[^/]*)?$|(?:^|\/)[^/]+\.env$/i;

export function fileKind(path: string): FileKind {
  const p = path.toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (ENV_FILE.test(p) || base === '.envrc' || base === '.dev.vars') return 'env';
  if (/\.(?:tf|tfvars|hcl)$/.test(base) || base.endsWith('.tfvars.json') || base === 'terraform.tfstate') return 'terraform';
  if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(p) || base === '.gitlab-ci.yml') return 'workflow';
  if (/^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(base)) return 'compose';
  if (
    /^(?:railway\.(?:json|toml)|fly\.toml|render\.ya?ml|vercel\.json|netlify\.toml|app\.json|procfile|wrangler\.toml|schema\.prisma)$/.test(base) ||
    /(?:^|\/)supabase\/config\.toml$/.test(p)
  )
    return 'platform';
  if (isAgentConfig(p)) return 'agent';
  if (
    /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|credentials|kubeconfig|\.dockercfg)$/.test(base) ||
    /(?:^|\/)\.docker\/config\.json$/.test(p) ||
    /(?:^|\/)\.kube\/config$/.test(p) ||
    /\.(?:pem|key|p12|pfx|ppk|asc|gpg)$/.test(base) ||
    /(?:service[-_]?account|credentials|gcp[-_]key|firebase[-_]adminsdk)[^/]*\.json$/.test(base) ||
    /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(base)
  )
    return 'credential-file';
  if (/(?:^|\/)(?:k8s|kubernetes|manifests|helm|charts|kustomize|overlays|base)\//.test(p) && /\.ya?ml$/.test(base)) return 'k8s';
  if (base === 'kustomization.yaml' || base === 'kustomization.yml') return 'k8s';
  if (/\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|cs|php|rs|sh|bash|zsh|ps1|swift|scala|sql)$/.test(base)) return 'source';
  return 'other';
}

export function isAgentConfig(p: string): boolean {
  return (
    /(?:^|\/)\.claude\/settings(?:\.local)?\.json$/.test(p) ||
    /(?:^|\/)\.mcp\.json$/.test(p) ||
    /(?:^|\/)\.(?:cursor|vscode|windsurf|gemini|codex)\/(?:mcp|settings)\.json$/.test(p) ||
    /(?:^|\/)\.(?:cursorignore|aiderignore|geminiignore|codeiumignore)$/.test(p) ||
    /(?:^|\/)(?:agents|claude)\.md$/i.test(p) ||
    /(?:^|\/)\.cursor\/rules\//.test(p) ||
    /(?:^|\/)\.cursorrules$/.test(p) ||
    /(?:^|\/)\.windsurfrules$/.test(p)
  );
}

const PROD = /(?:^|[^a-z])(?:prod|production|prd|live)(?:[^a-z]|$)/;
const STAGING = /(?:^|[^a-z])(?:staging|stage|stg|preprod|pre-prod|uat|qa)(?:[^a-z]|$)/;
const DEV = /(?:^|[^a-z])(?:dev|development|local)(?:[^a-z]|$)/;
const TEST = /(?:^|[^a-z])(?:test|tests|testing|spec)(?:[^a-z]|$)/;

/** Classifies a name (file name, folder, workflow environment, branch) as an environment, or unknown. */
export function environmentOfName(name: string): Environment {
  const n = name.toLowerCase();
  if (STAGING.test(n)) return 'staging';
  if (PROD.test(n)) return 'production';
  if (DEV.test(n)) return 'development';
  if (TEST.test(n)) return 'test';
  return 'unknown';
}

/** A path's environment: the file name's suffix first (`.env.production`), then the nearest folder that says one. */
export function environmentOfPath(path: string): EnvironmentHint {
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  const envSuffix = /^\.env\.(.+)$/i.exec(base) ?? /^(.+)\.(?:env|tfvars|tfvars\.json)$/i.exec(base);
  if (envSuffix) {
    const suffix = envSuffix[1]!.replace(/\.(?:local|example|sample|template)$/i, '');
    const env = environmentOfName(suffix);
    if (env !== 'unknown') return { environment: env, reason: `file name ${base}` };
  }
  const stem = base.replace(/\.[^.]+$/, '');
  const fromName = environmentOfName(stem);
  if (fromName !== 'unknown' && fromName !== 'test') return { environment: fromName, reason: `file name ${base}` };
  for (let i = parts.length - 2; i >= 0; i--) {
    const env = environmentOfName(parts[i]!);
    if (env !== 'unknown') return { environment: env, reason: `folder ${parts.slice(0, i + 1).join('/')}/` };
  }
  return { environment: 'unknown', reason: 'no signal' };
}

/**
 * Configuration named for the CI run (`values-ci.yaml`, `docker-compose.ci.yml`, `.env.ci`): the throwaway stack tests
 * run against. The CI pipeline definitions themselves (`.gitlab-ci.yml`, workflows) are not: they deploy.
 */
export function ciConfigFile(path: string): boolean {
  const p = path.toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (base === '.gitlab-ci.yml' || /(?:^|\/)\.(?:github|circleci|buildkite)\//.test(p)) return false;
  return base === '.env.ci' || /.[._-]ci\.(?:ya?ml|json|toml|env)$/.test(base);
}

/** Test code and fixtures: not production, whatever the file is called. */
export function testPathReason(path: string): string | undefined {
  const p = path.toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (/(?:^|\/)(?:tests?|__tests__|specs?|e2e|cypress|playwright)\//.test(p)) return 'test code';
  if (/\.(?:test|spec)\.[a-z0-9]+$/.test(base) || /^test_[^/]+\.py$|_test\.(?:go|py|rb)$|^conftest\.py$/.test(base)) return 'test code';
  if (/(?:^|\/)(?:fixtures?|__fixtures__|testdata|test-data|mocks?|__mocks__|seeds?)\//.test(p)) return 'fixtures';
  // Per-environment config named for the test environment: Phoenix's config/test.exs, Django's settings/test.py.
  if (/^(?:test|testing)\.[a-z]+$/.test(base)) return `test configuration ${base}`;
  if (ciConfigFile(p)) return `CI configuration ${base}`;
  return undefined;
}

/** Example/template files hold placeholders by convention. */
export const TEMPLATE_FILE = /(?:^|[./_-])(?:example|sample|template|dist|defaults?)(?:\.[^/]*)?$/i;

/** Documentation, examples and example env files: the values there are examples until shown otherwise. */
export function exampleFileReason(path: string): string | undefined {
  const p = path.toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  // CLAUDE.md and AGENTS.md are instructions an agent follows, not documentation.
  if (isAgentConfig(p)) return undefined;
  if (/(?:^|\/)(?:docs?|documentation|examples?|samples?|tutorials?)\//.test(p)) return 'documentation/examples';
  if (/\.(?:md|mdx|rst|adoc|txt|ipynb)$/.test(base) || /^readme(?:\.|$)/.test(base)) return 'documentation';
  if (TEMPLATE_FILE.test(base)) return `example file ${base}`;
  return undefined;
}
