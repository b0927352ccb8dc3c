// Findings only an organisation-wide view can make, each a rule with its help and labelled examples (run by
// test/org.test.ts like every detector's). Input: the reduced reports of src/org/merge.ts. Never a raw secret: reports
// carry fingerprints and redacted previews only, and that is all these rules read.
import type { DetectorMeta } from '../core/types.js';
import { pushTo } from '../core/text.js';
import { isAccountWide, type CiSecretUse, type OrgAggregate, type ProductionResource, type Sighting } from './merge.js';
import { secretReach, type OrgSecret } from './secrets-inventory.js';

export interface OrgFinding {
  ruleId: string;
  severity: DetectorMeta['severity'];
  confidence: 'high' | 'medium' | 'low';
  title: string;
  message: string;
  repositories: string[];
  locations: Array<{ repository: string; path: string; startLine: number }>;
  credentialFingerprints: string[];
  /** Why, step by step. */
  chain: string[];
  /** For organisation-secret findings: the secret's name (a name, never a value). */
  secretName?: string;
}

/** A minimal report for examples: credentials and resources as the JSON report writes them. */
export interface ExampleReport {
  credentials?: Array<{ fingerprint: string; provider: string; type?: string; environments?: string[]; reach?: string; principal?: string; deletes?: string[]; path?: string }>;
  resources?: Array<{ id: string; provider: string; type: string; environment: string }>;
  agentReads?: Array<{ fingerprint: string; resourceIds?: string[] }>;
  /** GitHub Actions jobs' `${{ secrets.NAME }}` uses. */
  ciSecrets?: Array<{ name: string; environment?: string; deployEnvironment?: string }>;
}

export interface OrgRule {
  meta: DetectorMeta;
  check: (agg: OrgAggregate) => OrgFinding[];
  /** `orgSecrets`: the inventory of organisation `acme` the example merges with (`merge --org-secrets`). */
  examples: Array<{ name: string; repos: Record<string, ExampleReport>; orgSecrets?: OrgSecret[]; fires: boolean; mentions?: string }>;
}

const repoList = (repos: Iterable<string>): string[] => [...new Set(repos)].sort();
/** Target repositories listed by name in one finding; the message gives the full count. */
const MAX_LISTED = 20;
const where = (s: Sighting) => ({ repository: s.repo, path: s.path, startLine: s.line });
/** One location per repository: the first sighting there. */
function perRepo(sightings: readonly Sighting[]): Sighting[] {
  const first = new Map<string, Sighting>();
  for (const s of sightings) if (!first.has(s.repo)) first.set(s.repo, s);
  return [...first.values()].sort((a, b) => a.repo.localeCompare(b.repo));
}
const label = (s: Sighting) => `${s.provider.toUpperCase()} ${s.type} ${s.preview}`;

/** Production resources by provider, then by repository. */
function productionIndex(agg: OrgAggregate): Map<string, Map<string, ProductionResource[]>> {
  const index = new Map<string, Map<string, ProductionResource[]>>();
  for (const r of agg.productionResources) {
    let byRepo = index.get(r.provider);
    if (!byRepo) index.set(r.provider, (byRepo = new Map()));
    pushTo(byRepo, r.repo, r);
  }
  return index;
}

function byFingerprint(agg: OrgAggregate): Map<string, Sighting[]> {
  const m = new Map<string, Sighting[]>();
  for (const s of agg.sightings) pushTo(m, s.fingerprint, s);
  return m;
}

const credentialInSeveralRepos: OrgRule = {
  meta: {
    id: 'org-credential-in-several-repositories',
    title: 'One credential in several repositories',
    severity: 'high',
    summary: 'The same secret value is committed or present in two or more repositories: rotate it once, everywhere.',
    help: {
      why: 'A credential copied between repositories is as exposed as the least protected of them, and rotating it in one place breaks or leaves the others. Whoever reads any of these checkouts — a contractor, a CI job, an AI agent — holds it.',
      fix: 'Rotate the credential once, move it to a secret store (organisation or environment secrets), and replace every copy listed here by a reference to it.',
      references: ['https://docs.github.com/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions', 'https://cwe.mitre.org/data/definitions/798.html'],
    },
  },
  check: (agg) => {
    const out: OrgFinding[] = [];
    for (const [fp, all] of byFingerprint(agg)) {
      const repos = perRepo(all);
      if (repos.length < 2) continue;
      const wide = all.some((s) => isAccountWide(s.reach));
      const prod = all.some((s) => s.environments.includes('production'));
      out.push({
        ruleId: credentialInSeveralRepos.meta.id,
        severity: wide || prod ? 'high' : 'medium',
        confidence: 'high',
        title: credentialInSeveralRepos.meta.title,
        message: `${label(repos[0]!)} is in ${repos.length} repositories (${repos.map((s) => s.repo).join(', ')})${wide ? '; it carries account-wide power' : ''}${prod ? '; it serves production' : ''}.`,
        repositories: repos.map((s) => s.repo),
        locations: repos.map(where),
        credentialFingerprints: [fp],
        chain: [`fingerprint ${fp} in ${repos.length} reports`, ...repos.map((s) => `${s.repo}: ${s.path}:${s.line}`)],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'one Railway token in two services',
      repos: { 'acme/api': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'railway', reach: 'workspace' }] }, 'acme/web': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'railway', reach: 'workspace' }] } },
      fires: true,
      mentions: 'in 2 repositories',
    },
    { name: 'different values', repos: { 'acme/api': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'railway' }] }, 'acme/web': { credentials: [{ fingerprint: 'cred_0000000000000002', provider: 'railway' }] } }, fires: false },
  ],
};

const accountFromManyRepos: OrgRule = {
  meta: {
    id: 'org-account-reached-from-many-repositories',
    title: 'One account or workspace reachable from many repositories',
    severity: 'high',
    summary: 'Credentials for the same cloud/platform principal sit in several repositories; lists which of them carry account-wide power.',
    help: {
      why: 'When many repositories hold credentials of one account or workspace, a leak or a misbehaving agent in any of them reaches everything that account owns — the incident pattern: a token made for one job reached every project of its owner.',
      fix: 'Give each repository its own narrowly scoped credential (a project or environment token, a role per service), and keep account-wide credentials out of repositories entirely.',
      references: ['https://docs.railway.com/reference/public-api#project-token', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
    },
  },
  check: (agg) => {
    const byPrincipal = new Map<string, Sighting[]>();
    for (const s of agg.sightings) if (s.principal) pushTo(byPrincipal, `${s.provider}\0${s.principal}`, s);
    const out: OrgFinding[] = [];
    for (const all of byPrincipal.values()) {
      const repos = perRepo(all);
      if (repos.length < 2) continue;
      const wide = repoList(all.filter((s) => isAccountWide(s.reach)).map((s) => s.repo));
      const { provider, principal } = all[0]!;
      out.push({
        ruleId: accountFromManyRepos.meta.id,
        severity: wide.length ? 'high' : 'medium',
        confidence: 'high',
        title: accountFromManyRepos.meta.title,
        message: `${provider} principal ${principal} is reachable from ${repos.length} repositories${wide.length ? `; account-wide credentials in ${wide.join(', ')}` : ''}.`,
        repositories: repos.map((s) => s.repo),
        locations: repos.map(where),
        credentialFingerprints: [...new Set(all.map((s) => s.fingerprint))].sort(),
        chain: repos.map((s) => `${s.repo}: ${label(s)} (reach ${s.reach}) at ${s.path}:${s.line}`),
      });
    }
    return out;
  },
  examples: [
    {
      name: 'two repositories, two keys of one IAM user, one of them admin',
      repos: {
        'acme/api': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'aws', principal: 'arn:aws:iam::123456789012:user/deploy', reach: 'account' }] },
        'acme/jobs': { credentials: [{ fingerprint: 'cred_0000000000000002', provider: 'aws', principal: 'arn:aws:iam::123456789012:user/deploy', reach: 'resource' }] },
      },
      fires: true,
      mentions: 'account-wide credentials in acme/api',
    },
    { name: 'principal unknown', repos: { 'acme/api': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'aws' }] }, 'acme/jobs': { credentials: [{ fingerprint: 'cred_0000000000000002', provider: 'aws' }] } }, fires: false },
  ],
};

const crossRepoProductionReach: OrgRule = {
  meta: {
    id: 'org-credential-reaches-other-repository-production',
    title: "A credential in one repository reaches another repository's production",
    severity: 'high',
    summary: 'An account- or workspace-wide credential in repository A can act on production resources declared in repository B.',
    help: {
      why: 'Reviews of repository B never see the credential in repository A, yet it can delete B\'s production data: a staging script elsewhere, an agent working on another service, or a leaked checkout of an unrelated project is enough.',
      fix: 'Replace the credential in A by one scoped to what A deploys (a project or environment token, a role without access to B\'s resources), and protect B\'s production resources (deletion protection, backups outside the account).',
      references: ['https://docs.railway.com/reference/public-api#project-token', 'https://cloud.google.com/iam/docs/best-practices-service-accounts'],
    },
  },
  check: (agg) => {
    // Production resources counted by provider, type and repository once, so each credential is answered from the
    // counts (total minus the repositories that hold it) instead of a pass over every resource.
    const index = productionIndex(agg);
    const out: OrgFinding[] = [];
    for (const [fp, all] of byFingerprint(agg)) {
      const s = all.find((x) => isAccountWide(x.reach));
      if (!s) continue;
      const byRepo = index.get(s.provider);
      if (!byRepo) continue;
      const holders = new Set(all.map((x) => x.repo));
      const types = s.deletes.length && !s.deletes.includes('*') ? new Set(s.deletes) : undefined;
      let count = 0;
      const targetRepos: string[] = [];
      const examples: string[] = [];
      for (const [repo, resources] of byRepo) {
        if (holders.has(repo)) continue;
        const reachable = types ? resources.filter((r) => types.has(r.type)) : resources;
        if (!reachable.length) continue;
        count += reachable.length;
        targetRepos.push(repo);
        for (const r of reachable) if (examples.length < 10) examples.push(`${r.repo}: production ${r.type} ${r.name} (${r.id})`);
      }
      if (!count) continue;
      targetRepos.sort();
      const shown = targetRepos.length > 5 ? `${targetRepos.slice(0, 5).join(', ')} and ${targetRepos.length - 5} more repositories` : targetRepos.join(', ');
      const fromNonProd = !s.environments.includes('production') && s.environments.some((e) => e !== 'unknown');
      out.push({
        ruleId: crossRepoProductionReach.meta.id,
        severity: fromNonProd ? 'critical' : 'high',
        // Same provider and an account-wide reach; the reports cannot prove both sides name the same account.
        confidence: s.principal ? 'high' : 'medium',
        title: crossRepoProductionReach.meta.title,
        message: `${label(s)} in ${[...holders].sort().join(', ')} (reach ${s.reach}${fromNonProd ? `, used for ${s.environments.join('/')}` : ''}) can act on ${count} production resource(s) declared in ${shown}.`,
        // Bounded: an account-wide token of a provider every repository uses would otherwise list all of them.
        repositories: repoList([...holders, ...targetRepos.slice(0, MAX_LISTED)]),
        locations: perRepo(all).map(where),
        credentialFingerprints: [fp],
        chain: [
          `${s.repo}: ${label(s)} at ${s.path}:${s.line}, reach ${s.reach}`,
          ...examples,
          ...(s.principal ? [] : ['same provider; the reports do not prove it is the same account (confirm with --live)']),
        ],
      });
    }
    return out;
  },
  examples: [
    {
      name: "a staging workspace token in tools reaches the api repository's production volume",
      repos: {
        'acme/tools': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'railway', reach: 'workspace', environments: ['staging'], deletes: ['*'] }] },
        'acme/api': { resources: [{ id: 'railway:volume/db', provider: 'railway', type: 'volume', environment: 'production' }] },
      },
      fires: true,
      mentions: 'production resource(s) declared in acme/api',
    },
    {
      name: 'a project-scoped token does not reach another repository',
      repos: {
        'acme/tools': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'railway', reach: 'project', environments: ['staging'] }] },
        'acme/api': { resources: [{ id: 'railway:volume/db', provider: 'railway', type: 'volume', environment: 'production' }] },
      },
      fires: false,
    },
  ],
};

const agentProductionRanking: OrgRule = {
  meta: {
    id: 'org-agent-readable-production-credentials',
    title: 'Repositories where an AI agent can read a production credential, ranked by what it could delete',
    severity: 'high',
    summary: 'Every repository whose report says a coding agent can read a production credential, worst first.',
    help: {
      why: 'A coding agent works with whatever its checkout holds. Where that includes a production credential, one wrong tool call — the incident took nine seconds — deletes production. Ranked by the resources each could delete, this is the order to fix them in.',
      fix: 'Start at the top: move the credential out of the checkout (a secret store, environment-scoped CI secrets), add read-deny rules for credential files to the agents\' configuration, and put `blastradius guard` in front of the agents\' shell tools.',
      references: ['https://docs.anthropic.com/en/docs/claude-code/settings#permissions', 'https://owasp.org/www-project-top-10-for-large-language-model-applications/'],
    },
  },
  check: (agg) => {
    if (!agg.agentExposure.length) return [];
    const ranked = [...agg.agentExposure].sort((a, b) => b.deletable.size - a.deletable.size || b.credentials.size - a.credentials.size || a.repo.localeCompare(b.repo));
    return [
      {
        ruleId: agentProductionRanking.meta.id,
        severity: 'high',
        confidence: 'high',
        title: agentProductionRanking.meta.title,
        message: `In ${ranked.length} repositor${ranked.length === 1 ? 'y' : 'ies'} an AI agent can read a production credential; worst first: ${ranked
          .slice(0, 5)
          .map((e) => `${e.repo} (${e.deletable.size} deletable)`)
          .join(', ')}.`,
        repositories: ranked.map((e) => e.repo),
        locations: ranked.map((e) => ({ repository: e.repo, path: e.path, startLine: e.line })),
        credentialFingerprints: [...new Set(ranked.flatMap((e) => [...e.credentials]))].sort(),
        chain: ranked.map((e, i) => `${i + 1}. ${e.repo}: ${e.credentials.size} production credential(s), ${e.deletable.size} deletable resource(s)`),
      },
    ];
  },
  examples: [
    {
      name: 'two repositories, the one that can delete more comes first',
      repos: {
        'acme/web': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'vercel', environments: ['production'] }], agentReads: [{ fingerprint: 'cred_0000000000000001' }] },
        'acme/api': { credentials: [{ fingerprint: 'cred_0000000000000002', provider: 'railway', environments: ['production'] }], agentReads: [{ fingerprint: 'cred_0000000000000002', resourceIds: ['railway:volume/db', 'railway:service/api'] }] },
      },
      fires: true,
      mentions: 'acme/api (2 deletable), acme/web (0 deletable)',
    },
    { name: 'an agent reads only a development credential', repos: { 'acme/web': { credentials: [{ fingerprint: 'cred_0000000000000001', provider: 'vercel', environments: ['development'] }], agentReads: [{ fingerprint: 'cred_0000000000000001' }] } }, fires: false },
  ],
};

const orgSecretInManyRepos: OrgRule = {
  meta: {
    id: 'org-organisation-secret-in-many-repositories',
    title: 'One organisation secret behind CI in many repositories',
    severity: 'high',
    summary: 'CI jobs in several repositories use a secret name that the GitHub API lists as an organisation secret those repositories can use: one value, one revocation that breaks them all.',
    help: {
      why: 'An organisation secret is one value shared by every repository allowed to use it. Revoking or rotating it after a leak breaks every one of those pipelines at once — the pressure that keeps leaked credentials alive — and a leak from any of them (a compromised action, a workflow that echoes it, an agent in CI) exposes all the others. When production deploys of several services share it, one credential holds all of their production.',
      fix: 'Give each repository its own credential, scoped to what it deploys, as a repository or environment secret (an environment with required reviewers for production); or narrow the organisation secret to `selected` repositories that really share one identity. Then revoke the shared value.',
      references: [
        'https://docs.github.com/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#creating-secrets-for-an-organization',
        'https://docs.github.com/rest/actions/secrets#list-organization-secrets',
      ],
    },
  },
  check: (agg) => {
    if (!agg.orgSecrets) return [];
    const { org, secrets } = agg.orgSecrets;
    // Secret names are case-insensitive on GitHub (stored upper-case); workflows may spell them either way.
    const byName = new Map<string, CiSecretUse[]>();
    for (const u of agg.ciSecretUses) pushTo(byName, u.name.toUpperCase(), u);
    const out: OrgFinding[] = [];
    for (const secret of secrets) {
      const reaches = secretReach(secret, org);
      const uses = (byName.get(secret.name.toUpperCase()) ?? []).filter((u) => reaches(u.repo));
      const repos = repoList(uses.map((u) => u.repo));
      if (repos.length < 2) continue;
      const byEnv = new Map<string, CiSecretUse[]>();
      for (const u of uses) pushTo(byEnv, u.environment, u);
      const reposIn = (env: string) => repoList((byEnv.get(env) ?? []).map((u) => u.repo));
      const prodRepos = reposIn('production');
      const first = new Map<string, CiSecretUse>();
      for (const u of uses) if (!first.has(u.repo)) first.set(u.repo, u);
      const reach = secret.visibility === 'all' ? `every repository of ${org}` : `${secret.repositories!.length} ${secret.visibility === 'private' ? 'private or internal ' : 'selected '}repositor${secret.repositories!.length === 1 ? 'y' : 'ies'}`;
      const shown = repos.length > MAX_LISTED ? `${repos.slice(0, MAX_LISTED).join(', ')} and ${repos.length - MAX_LISTED} more` : repos.join(', ');
      const overridable = uses.filter((u) => u.deployEnvironment).map((u) => `${u.repo} (environment ${u.deployEnvironment})`);
      out.push({
        ruleId: orgSecretInManyRepos.meta.id,
        severity: prodRepos.length >= 2 ? 'high' : 'medium',
        // A repository or environment secret of the same name would win over the organisation's; the organisation
        // inventory cannot see those.
        confidence: 'medium',
        title: orgSecretInManyRepos.meta.title,
        message: `Organisation secret ${secret.name} (visible to ${reach}) is used by CI in ${repos.length} repositories (${shown})${prodRepos.length ? `, for production in ${prodRepos.length}` : ''}: revoking it breaks all of them, and a leak from any of them exposes every one.`,
        repositories: repos,
        locations: [...first.values()].sort((a, b) => a.repo.localeCompare(b.repo)).map((u) => ({ repository: u.repo, path: u.path, startLine: u.line })),
        credentialFingerprints: [],
        secretName: secret.name,
        chain: [
          `GitHub API: ${org} has organisation secret ${secret.name}, visibility ${secret.visibility}${secret.updatedAt ? `, updated ${secret.updatedAt}` : ''}`,
          ...[...byEnv.entries()]
            .sort(([a], [b]) => (a === 'production' ? -1 : b === 'production' ? 1 : a.localeCompare(b)))
            .map(([env, us]) => `${env}: ${reposIn(env).length} repositor${reposIn(env).length === 1 ? 'y' : 'ies'} — ${us.slice(0, 10).map((u) => `${u.repo} ${u.path}:${u.line}`).join(', ')}`),
          overridable.length
            ? `jobs with an environment (${overridable.slice(0, 5).join(', ')}) get that environment's secret of this name instead, if it has one; a repository secret of this name wins too`
            : 'a repository secret of this name would override it where one exists (an organisation token cannot see repository secrets)',
        ],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'three services deploy to production with one organisation AWS key',
      repos: {
        'acme/api': { ciSecrets: [{ name: 'AWS_DEPLOY_KEY', environment: 'production' }] },
        'acme/web': { ciSecrets: [{ name: 'AWS_DEPLOY_KEY', environment: 'production' }] },
        'acme/jobs': { ciSecrets: [{ name: 'AWS_DEPLOY_KEY', environment: 'staging' }] },
      },
      orgSecrets: [{ name: 'AWS_DEPLOY_KEY', visibility: 'all' }],
      fires: true,
      mentions: 'used by CI in 3 repositories (acme/api, acme/jobs, acme/web), for production in 2',
    },
    {
      name: 'the same name in two repositories, but not an organisation secret: each has its own value',
      repos: { 'acme/api': { ciSecrets: [{ name: 'NPM_TOKEN' }] }, 'acme/web': { ciSecrets: [{ name: 'NPM_TOKEN' }] } },
      orgSecrets: [{ name: 'SLACK_WEBHOOK', visibility: 'all' }],
      fires: false,
    },
    {
      name: 'a selected organisation secret that only one of the repositories can use',
      repos: { 'acme/api': { ciSecrets: [{ name: 'DEPLOY_TOKEN', environment: 'production' }] }, 'acme/web': { ciSecrets: [{ name: 'DEPLOY_TOKEN', environment: 'production' }] } },
      orgSecrets: [{ name: 'DEPLOY_TOKEN', visibility: 'selected', repositories: ['acme/api', 'acme/docs'] }],
      fires: false,
    },
    {
      name: "another organisation's repositories cannot use acme's secrets",
      repos: { 'globex/api': { ciSecrets: [{ name: 'AWS_DEPLOY_KEY' }] }, 'globex/web': { ciSecrets: [{ name: 'AWS_DEPLOY_KEY' }] } },
      orgSecrets: [{ name: 'AWS_DEPLOY_KEY', visibility: 'all' }],
      fires: false,
    },
  ],
};

export const orgRules: OrgRule[] = [credentialInSeveralRepos, accountFromManyRepos, crossRepoProductionReach, agentProductionRanking, orgSecretInManyRepos];

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

export function runOrgRules(agg: OrgAggregate): OrgFinding[] {
  return orgRules.flatMap((r) => r.check(agg)).sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.ruleId.localeCompare(b.ruleId));
}
