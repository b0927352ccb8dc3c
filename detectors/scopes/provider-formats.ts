// What a credential's format alone says about its reach, per provider, from each provider's documentation. Where the
// format cannot tell (a Cloudflare API token's permission groups, a GitHub PAT's scopes), reach stays unknown and
// toConfirm says what would settle it.
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';
import type { Credential, Permission, Scope } from '../../src/core/types.js';
import { everything } from '../../src/pipeline/resolve.js';

type Known = Partial<Scope> & { detail: string };

const readWrite = (resourceType: string): Permission[] => [
  { verb: 'read', resourceType },
  { verb: 'write', resourceType },
];

/** Keyed `provider:type`, then `provider:*` as a fallback. */
const TABLE: Record<string, (c: Credential) => Known | undefined> = {
  'github:classic-pat': () => ({
    reach: 'account',
    principal: 'the GitHub user who created it',
    permissions: readWrite('repository'),
    confidence: 'medium',
    detail: 'classic PAT: acts as its user on every repository and organisation the user can reach, limited only by its OAuth scopes',
    toConfirm: 'Run with --live (GET /user, X-OAuth-Scopes) to read its scopes.',
  }),
  'github:fine-grained-pat': () => ({
    reach: 'resource',
    permissions: [],
    confidence: 'medium',
    detail: 'fine-grained PAT: limited to the repositories and permissions chosen at creation',
    toConfirm: 'Run with --live to probe the repositories it can read.',
  }),
  'github:app-installation-token': () => ({ reach: 'project', permissions: readWrite('repository'), confidence: 'medium', detail: 'GitHub App installation token: the installation\'s repositories, for one hour' }),
  'stripe:*': (c) => {
    const live = c.attributes.mode === 'live' || /live/.test(c.type);
    const cls = c.attributes.keyClass ?? (/restricted|^rk/.test(c.type) ? 'restricted' : /publishable|^pk/.test(c.type) ? 'publishable' : 'secret');
    if (cls === 'publishable') return { reach: 'account', permissions: [], confidence: 'high', detail: 'publishable key: client-side, creates tokens only', environments: [live ? 'production' : 'test'] };
    if (cls === 'restricted')
      return { reach: 'account', permissions: [], confidence: 'medium', detail: `restricted ${live ? 'live' : 'test'} key: only the permissions chosen in the Dashboard`, environments: [live ? 'production' : 'test'], toConfirm: 'Check the key\'s permissions in the Stripe Dashboard or run with --live.' };
    return { reach: 'account', principal: 'the Stripe account', permissions: everything(), confidence: 'high', detail: `unrestricted ${live ? 'live' : 'test'} secret key: every API operation on the account (refunds, payouts, deleting customers)`, environments: [live ? 'production' : 'test'] };
  },
  'supabase:*': (c) => {
    const role = c.attributes.role;
    if (c.type === 'management-token' || c.type === 'personal-access-token' || c.type === 'access-token')
      return { reach: 'account', permissions: everything(), confidence: 'high', detail: 'management API token (sbp_): every project of the account, including deleting projects' };
    if (role === 'service_role' || c.type === 'service-role-key' || c.type === 'secret-key')
      return { reach: 'project', permissions: [...everything().map((p) => ({ ...p, resourceType: 'database' }))], confidence: 'high', detail: 'service_role key: full access to the project\'s database, bypassing row-level security' };
    if (role === 'anon' || c.type === 'anon-key' || c.type === 'publishable-key')
      return { reach: 'project', permissions: [{ verb: 'read', resourceType: 'database' }], confidence: 'high', detail: 'anon key: public, limited by row-level security' };
    return undefined;
  },
  'cloudflare:*': (c) => {
    if (/global/.test(c.type))
      return { reach: 'account', principal: c.attributes.email ? 'the Cloudflare user (email nearby)' : 'the Cloudflare user', permissions: everything(), confidence: 'high', detail: 'Global API Key: everything the user can do, on every account and zone; cannot be scoped' };
    if (/origin-ca/.test(c.type)) return { reach: 'account', permissions: readWrite('certificate'), confidence: 'medium', detail: 'Origin CA key: issues and revokes origin certificates' };
    return { reach: 'unknown', permissions: [], confidence: 'low', detail: 'API token: its permission groups are set at creation', toConfirm: 'Run with --live (GET /user/tokens/verify) or declare it as cloudflare_api_token in Terraform.' };
  },
  'digitalocean:*': () => ({ reach: 'account', permissions: everything(), confidence: 'medium', detail: 'personal access token: full or read-only access to the team, chosen at creation' }),
  'heroku:*': () => ({ reach: 'account', permissions: everything(), confidence: 'medium', detail: 'Heroku API key/authorization: acts as the user on every app' }),
  'vercel:*': () => ({ reach: 'account', permissions: everything(), confidence: 'medium', detail: 'Vercel token: scoped to a user or team, full API access within it', toConfirm: 'Run with --live (GET /v5/user/tokens/current).' }),
  'netlify:*': () => ({ reach: 'account', permissions: everything(), confidence: 'medium', detail: 'Netlify personal access token: every site of the user' }),
  'fly:*': (c) => {
    if (/deploy|app/.test(c.type) || c.attributes.scope === 'app')
      return { reach: 'project', permissions: everything().map((p) => ({ ...p, resourceType: p.resourceType })), confidence: 'medium', detail: 'app-scoped (deploy) token: one app, including its volumes' };
    if (/read/.test(c.type)) return { reach: 'account', permissions: [{ verb: 'read', resourceType: '*' }], confidence: 'medium', detail: 'read-only token' };
    return { reach: 'account', permissions: everything(), confidence: 'medium', detail: 'organisation token: every app and volume in the organisation' };
  },
  'gcp:*': (c) =>
    c.type === 'service-account-key'
      ? { reach: 'unknown', principal: c.attributes.clientEmail ? `service account ${c.attributes.clientEmail}` : undefined, permissions: [], confidence: 'low', detail: 'service-account key: the roles bound to the account decide', toConfirm: 'Declare its IAM bindings in Terraform or check them in the console.' }
      : undefined,
  'slack:*': (c) => ({ reach: 'workspace', permissions: [{ verb: 'write', resourceType: 'message' }], confidence: 'medium', detail: `Slack ${c.attributes.tokenType ?? c.type}: acts in the workspace within its scopes` }),
  'npm:*': (c) => ({ reach: 'account', permissions: c.attributes.readOnly === 'true' ? [{ verb: 'read', resourceType: 'package' }] : readWrite('package'), confidence: 'medium', detail: 'npm token: publishes packages as its user unless read-only or granular' }),
};

const resolver: ScopeResolver = {
  meta: { id: 'scope-provider-formats', title: 'Reach from token format', summary: 'Provider token classes and what each documented class can do.' },
  providers: ['*'],
  resolve: (cred) => {
    const fn = TABLE[`${cred.provider}:${cred.type}`] ?? TABLE[`${cred.provider}:*`];
    const known = fn?.(cred);
    if (!known) return undefined;
    const { detail, ...scope } = known;
    return { ...scope, evidence: [{ source: 'format', confidence: scope.confidence ?? 'medium', detail }] };
  },
  examples: [
    { name: 'Stripe live secret key', credential: { provider: 'stripe', type: 'secret-key', attributes: { mode: 'live', keyClass: 'secret' } }, expect: { reach: 'account', verbs: ['delete'] } },
    { name: 'Stripe restricted key', credential: { provider: 'stripe', type: 'restricted-key', attributes: { mode: 'live', keyClass: 'restricted' } }, expect: { reach: 'account', verbs: [] } },
    { name: 'Cloudflare Global API Key', credential: { provider: 'cloudflare', type: 'global-api-key' }, expect: { reach: 'account', verbs: ['admin'] } },
    { name: 'Cloudflare API token', credential: { provider: 'cloudflare', type: 'api-token' }, expect: { reach: 'unknown' } },
    { name: 'Supabase service_role', credential: { provider: 'supabase', type: 'jwt', attributes: { role: 'service_role' } }, expect: { reach: 'project', verbs: ['delete'] } },
  ],
};

export default resolver;
