// An organisation-level AI vendor key (OpenAI admin or legacy user key, Anthropic Admin API key) where the application
// runs: it reaches every project of the organisation, and the vendor offers a project/workspace key for the job.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Credential } from '../../src/core/types.js';
import { credentialLabel, where } from '../../src/pipeline/chain.js';
import { vendorOfCredential } from '../../src/pipeline/ai-vendors.js';
import { credentialDraft } from './shared.js';

/** Key classes wider than an application needs, and what to use instead. */
const WIDE: Record<string, Record<string, { why: string; instead: string }>> = {
  openai: {
    'admin-key': { why: 'manages the organisation\'s users, projects and keys', instead: 'a project key (`sk-proj-`) or service-account key (`sk-svcacct-`)' },
    'user-key': { why: 'acts as a user across every project the user belongs to', instead: 'a project key (`sk-proj-`) or service-account key (`sk-svcacct-`)' },
  },
  anthropic: { 'admin-key': { why: 'manages the organisation\'s members, workspaces and API keys', instead: 'a workspace API key (`sk-ant-api03-`)' } },
};
/** Administration tooling, where an admin key is the right key. */
const ADMIN_TOOLING = /(?:^|\/)(?:\.github|\.gitlab|scripts?|bin|tools|ops|admin|infra|terraform)\//i;

const appLocation = (c: Credential) => c.locations.find((l) => !l.commit && !ADMIN_TOOLING.test(l.path));

const rule: FindingRule = {
  meta: {
    id: 'ai-vendor-wide-key-in-app',
    title: 'Organisation-level AI vendor key in application code',
    severity: 'high',
    category: 'vendor-dependency',
    confidence: 'high',
    summary: 'An OpenAI admin or legacy user key, or an Anthropic Admin API key, in application code or config, where a project/workspace key would do.',
    help: {
      why: 'Application code needs to call models for one project. An admin key can also create and delete keys, projects and members; a legacy user key reaches every project of its user. Leaked, revoked or suspended, it takes the whole organisation with it — not one service.',
      fix: 'Create a project key (OpenAI: Project → API keys, or a service account) or a workspace key (Anthropic), restrict its permissions and set a budget, and use it in the application. Keep admin keys out of application code (a secret store for the few admin scripts) and rotate the exposed one.',
      references: ['https://platform.openai.com/docs/api-reference/admin-api-keys', 'https://help.openai.com/en/articles/9186755-managing-your-work-in-the-api-platform-with-projects', 'https://docs.anthropic.com/en/api/administration-api'],
    },
  },
  check: ({ credentials, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      const wide = WIDE[c.provider]?.[c.type];
      const at = wide && appLocation(c);
      if (!wide || !at) continue;
      const name = vendorOfCredential(c.provider)?.name ?? c.provider;
      const scoped = credentials.some((o) => o.provider === c.provider && o !== c && !WIDE[c.provider]?.[o.type]);
      out.push(
        credentialDraft(c, graph, `${credentialLabel(c)} is in application code at ${where(at)}: it ${wide.why}. Use ${wide.instead}${scoped ? ' — the repository already has one' : ''}.`, {
          at,
          severity: c.type === 'admin-key' ? 'high' : 'medium',
          extra: [{ kind: 'fact', label: `${name} organisation-level key` }],
        }),
      );
    }
    return out;
  },
  examples: [
    {
      name: 'an OpenAI admin key in the app environment',
      repo: { 'apps/web/.env': 'OPENAI_API_KEY=sk-admin-Q2mZp8Rk4Lw9Tx3Nv7Hc1Jd5Fg0Sb6Ya2Ue8Io4Pl9Mk3Nj7Bh1Vg5Cf0Dx6Sz\n' },
      fires: true,
      mentions: 'manages the organisation',
    },
    {
      name: 'a project key in the app, the admin key only in an admin script',
      repo: {
        'apps/web/.env': 'OPENAI_API_KEY=sk-proj-Q2mZp8Rk4Lw9Tx3Nv7Hc1Jd5Fg0Sb6Ya2Ue8Io4Pl9Mk3Nj7Bh1Vg5Cf0Dx6Sz\n',
        'scripts/rotate-keys.sh': 'OPENAI_ADMIN_KEY=sk-admin-W4nXq1Ls8Kd3Rj6Tm9Vb2Hf5Gc0Pz7Ya1Ue4Io8Pl2Mk6Nj9Bh3Vg7Cf1Dx5Sy\n',
      },
      fires: false,
    },
  ],
};

export default rule;
