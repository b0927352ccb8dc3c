// GitLab tokens. Every token type has its own prefix (glpat- personal/project/group access token, gldt- deploy token,
// glrt- runner authentication token, GR1348941 runner registration token, glptt- pipeline trigger token, glcbt- CI/CD
// job token, glsoat- SCIM OAuth token, gloas- OAuth application secret, glagent- agent for Kubernetes token, glft- feed
// token, glimt- incoming mail token, glffct- feature flags client token). Newer "routable" tokens end in
// .<version>.<base36 payload length><base36 CRC32> — the CRC32 of everything before it, verified here.
// https://docs.gitlab.com/security/tokens/#token-prefixes
import type { CredentialRule } from '../../src/core/types.js';
import { crc32, highEntropy } from './shared.js';

/** `…payload.01.LLccccccc`: LL = base36 payload length, ccccccc = base36 CRC32 of the token up to the CRC. */
export function gitlabRoutableChecksumOk(token: string, prefixLength: number): boolean {
  const m = /\.([0-9a-z]{2})\.([0-9a-z]{2})([0-9a-z]{7})$/.exec(token);
  if (!m) return false;
  const payloadLength = token.length - prefixLength - m[0].length;
  if (parseInt(m[2]!, 36) !== payloadLength) return false;
  return crc32(token.slice(0, token.length - 7)).toString(36).padStart(7, '0') === m[3];
}

const patHelp = {
  why: 'A GitLab access token acts as its user (or its project/group bot) with the scopes chosen: `api` is full read-write access to every project the user can reach — pushing code, changing CI/CD variables (and the cloud credentials in them), and deleting projects.',
  fix: 'Revoke the token (User settings → Access tokens, or the project/group Access tokens page; `POST /personal_access_tokens/self/revoke`), check the audit events, and issue a project or group token with the narrowest scope and an expiry.',
  references: ['https://docs.gitlab.com/security/tokens/', 'https://docs.gitlab.com/user/profile/personal_access_tokens/'],
};

type Kind = readonly [prefix: string, id: string, title: string, type: string, severity: CredentialRule['meta']['severity'], legacyBody: string, sample: string, why: string];

const KINDS: Kind[] = [
  ['glpat-', 'gitlab-access-token', 'GitLab personal/project/group access token', 'access-token', 'high', '[0-9A-Za-z_-]{20}', 'glpat-XIlLiC9gsefUZaKJmyb_', patHelp.why],
  ['gldt-', 'gitlab-deploy-token', 'GitLab deploy token', 'deploy-token', 'medium', '[0-9A-Za-z_-]{20}', 'gldt-T3lPkY9_srcel9VIteRD', 'A deploy token reads (and with write scopes pushes to) the repository, package registry and container registry of its project or group.'],
  ['glrt-', 'gitlab-runner-token', 'GitLab runner authentication token', 'runner-token', 'high', '[0-9A-Za-z_-]{20}', 'glrt-5QCakV5cvUVFPINU2Hhn', 'A runner authentication token lets anyone impersonate the runner and pick up CI jobs — receiving their protected variables, deploy credentials and job tokens.'],
  ['GR1348941', 'gitlab-runner-registration-token', 'GitLab runner registration token', 'runner-registration-token', 'medium', '[0-9A-Za-z_-]{20}', 'GR134894123sZa_M0iSGm5AtKPpUS', 'A registration token lets anyone register their own runner for the project, group or instance and receive its CI jobs and secrets (deprecated, still accepted where enabled).'],
  ['glptt-', 'gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', 'pipeline-trigger-token', 'medium', '[0-9a-f]{40}', 'glptt-aeb751f2c33a8691bd612f6cca6b470f7ba314ce', 'A trigger token starts pipelines on any branch or tag as the token owner — including deploy jobs — and can pass variables into them.'],
  ['glcbt-', 'gitlab-job-token', 'GitLab CI/CD job token', 'job-token', 'low', '[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}', 'glcbt-M8Bm_mPvng3E39akf37TFfumc', 'A job token is valid only while its job runs, with the permissions of the user who started it on the projects in its allowlist.'],
  ['glsoat-', 'gitlab-scim-token', 'GitLab SCIM token', 'scim-token', 'high', '[0-9A-Za-z_-]{20}', 'glsoat-hMH949b7JpRXC3KbnC-L', 'A SCIM token provisions and deprovisions group members: it can add accounts to the group or remove everyone.'],
  ['gloas-', 'gitlab-oauth-app-secret', 'GitLab OAuth application secret', 'oauth-app-secret', 'high', '[0-9A-Za-z_-]{64}', 'gloas-AXmISFEijbTQwGVNlH-fS0952mu3VesFz3j8dmpjihDqvzCcaJlxtm4AwKjQ1qZo', 'An OAuth application secret lets anyone complete OAuth flows as the application and exchange codes or refresh tokens for user tokens.'],
  ['glagent-', 'gitlab-agent-token', 'GitLab agent for Kubernetes token', 'agent-token', 'high', '[0-9A-Za-z_-]{50}', 'glagent-e8iy7uGJF5gaue1eLMpbX9WDy4MshZUu87_p9BnnYIr79saSuu', 'An agent token connects a Kubernetes cluster to GitLab as that agent: whoever holds it can impersonate the agent and receive the cluster-access CI jobs configured for it.'],
  ['glft-', 'gitlab-feed-token', 'GitLab feed token', 'feed-token', 'low', '[0-9A-Za-z_-]{20}', 'glft-9T80rYszQ4COn_cOTdll', 'A feed token reads the user\'s RSS/Atom feeds and calendar, which can list private project activity and issue titles.'],
  ['glimt-', 'gitlab-incoming-mail-token', 'GitLab incoming mail token', 'incoming-mail-token', 'low', '[0-9A-Za-z_-]{25}', 'glimt-gK5kQORYEnELk4XstiTEvnBBF', 'An incoming mail token lets anyone create issues and merge requests by email as the user.'],
  ['glffct-', 'gitlab-feature-flags-token', 'GitLab feature flags client token', 'feature-flags-token', 'low', '[0-9A-Za-z_-]{20}', 'glffct-13EhMONNngydQebMamLL', 'A feature flags client token reads the project\'s feature flag definitions.'],
];

const rules: CredentialRule[] = KINDS.map(([prefix, id, title, type, severity, legacyBody, sample, why]) => ({
  meta: {
    id,
    title,
    severity,
    summary: `${title} (${prefix} prefix; routable tokens' CRC32 verified).`,
    provider: 'gitlab',
    credentialType: type,
    help: { ...patHelp, why },
  },
  keywords: [prefix.toLowerCase()],
  // A greedy run (then lengths checked in validate) keeps the scan linear; the lookbehind anchors it to a run start.
  pattern: new RegExp(String.raw`(?<![0-9A-Za-z_-])(${prefix}[0-9A-Za-z_-]+(?:\.[0-9a-z]{2}\.[0-9a-z]{9})?)(?![0-9A-Za-z_-])`),
  secretGroup: 1,
  validate: (v: string) => {
    const body = v.slice(prefix.length);
    if (/\.[0-9a-z]{2}\.[0-9a-z]{9}$/.test(v)) return body.length <= 330 && gitlabRoutableChecksumOk(v, prefix.length);
    return new RegExp(`^(?:${legacyBody})$`).test(body) && highEntropy(body, 3.2);
  },
  classify: (v: string) => ({ attributes: { format: v.includes('.') ? 'routable' : 'legacy' } }),
  examples: {
    positive: [`GITLAB_TOKEN=${sample}`],
    negative: [`GITLAB_TOKEN=${sample.slice(0, -3)}`, `GITLAB_TOKEN=${prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.slice(0, 13 + sample.length)],
  },
}));

// The routable access-token format, with a positive for the checksum and a negative for a broken one.
rules[0]!.examples.positive.push('GITLAB_TOKEN=glpat-RYtsFiqbtdcFMGbdoXeT3tOZaEtjLY9M.01.0w09owocw');
rules[0]!.examples.negative.push('GITLAB_TOKEN=glpat-RYtsFiqbtdcFMGbdoXeT3tOZaEtjLY9M.01.0w09owocx');

export default rules;
