// Automation (CI, scripts) running on a person's classic personal access token.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Location } from '../../src/core/types.js';
import { credentialLabel, where } from '../../src/pipeline/chain.js';
import { credentialDraft, jobAttrs, jobSecrets, toFindingLocation, workflowJobs } from './shared.js';

const AUTOMATION_PATH =
  /(?:^|\/)(?:\.github\/workflows|\.circleci|\.buildkite|\.gitlab|ci|scripts?|bin|tools|deploy|ops|\.husky)\/|(?:^|\/)(?:Makefile|Dockerfile|Jenkinsfile|package\.json|\.gitlab-ci\.yml|[^/]+\.(?:sh|bash|zsh|ps1|mk))$/;
/** CI secret names that say "a person's token". */
const PAT_SECRET = /(?:^|_)(?:GH_|GITHUB_)?PAT(?:_|$)|PERSONAL_ACCESS_TOKEN|^GH_TOKEN_[A-Z]+$/;

const automation = (l: Location) => !l.commit && AUTOMATION_PATH.test(l.path);

const rule: FindingRule = {
  meta: {
    id: 'github-classic-pat-in-automation',
    title: 'GitHub classic personal access token used by automation',
    severity: 'high',
    category: 'credential-scope',
    confidence: 'high',
    summary: 'A classic PAT (ghp_) in a workflow, script or build file — or a PAT-named CI secret — where GITHUB_TOKEN, a GitHub App or a fine-grained token would do.',
    help: {
      why: 'A classic PAT acts as its person on every repository and organisation they can reach, with coarse scopes (`repo` is read/write on all of them; `delete_repo`, `admin:org` go further). Automation built on it breaks when the person leaves and hands their whole reach to anything that reads the script or the CI logs.',
      fix: 'Use the workflow\'s `GITHUB_TOKEN` with an explicit `permissions:` block; for cross-repository work use a GitHub App installation token (`actions/create-github-app-token`) or a fine-grained PAT limited to the repositories and permissions needed. Revoke the classic token.',
      references: [
        'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
        'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication',
        'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/making-authenticated-api-requests-with-a-github-app-in-a-github-actions-workflow',
      ],
    },
  },
  check: ({ credentials, resources, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      if (c.provider !== 'github' || c.type !== 'classic-pat') continue;
      const at = c.locations.find(automation);
      if (!at) continue;
      out.push(credentialDraft(c, graph, `${credentialLabel(c)} is a classic PAT used by automation (${where(at)}): it carries its owner's access to every repository they can reach.`, { at }));
    }
    // CI secrets named as personal tokens: the value is not in the repository, so its kind is a guess from the name.
    for (const job of workflowJobs(resources).filter((j) => j.provider === 'github')) {
      const pats = jobSecrets(job).filter((s) => PAT_SECRET.test(s));
      if (!pats.length) continue;
      out.push({
        key: `${job.id}:${pats.join(',')}`,
        severity: 'low',
        confidence: 'low',
        message: `CI job ${job.name} uses ${pats.map((s) => `secrets.${s}`).join(', ')}, named as a personal access token; prefer GITHUB_TOKEN or a GitHub App token.`,
        locations: [toFindingLocation(job.location)],
        credentialFingerprints: [],
        resourceIds: [job.id],
        environments: [job.environment],
        chain: [{ kind: 'workflow', label: job.name, ref: job.id }, ...pats.map((s) => ({ kind: 'credential' as const, label: `secrets.${s}` })), { kind: 'fact', label: `workflow ${jobAttrs(job).workflow ?? ''}` }],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'classic PAT in a release workflow',
      repo: {
        '.github/workflows/release.yml':
          'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create v1\n        env:\n          GH_TOKEN: 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\n',
      },
      fires: true,
      mentions: 'classic PAT',
    },
    {
      name: 'GITHUB_TOKEN with explicit permissions',
      repo: {
        '.github/workflows/release.yml':
          'on: push\npermissions:\n  contents: write\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create v1\n        env:\n          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
