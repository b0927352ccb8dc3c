// GitHub, live: GET /user identifies the token's user; the X-OAuth-Scopes header lists a classic token's scopes
// (fine-grained tokens send none). https://docs.github.com/en/rest/users/users#get-the-authenticated-user
// https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
import type { Permission, Verb } from '../../../src/core/types.js';
import type { LiveResolver } from '../../../src/live/types.js';
import { bearer, httpProvider, isOk, obj, rejected, str } from './shared.js';

const provider = httpProvider('github', 'GitHub', 'https://api.github.com', ['GITHUB_API_URL']);

const p = (verbs: Verb[], resourceType: string): Permission[] => verbs.map((verb) => ({ verb, resourceType }));

/** OAuth scopes → permissions. Unlisted scopes grant read on what they name. */
const SCOPES: Record<string, Permission[]> = {
  repo: p(['read', 'write'], 'repository'),
  public_repo: p(['read', 'write'], 'repository'),
  delete_repo: p(['delete'], 'repository'),
  'admin:org': p(['admin'], 'organization'),
  'write:org': p(['read', 'write'], 'organization'),
  'read:org': p(['read'], 'organization'),
  'admin:repo_hook': p(['admin'], 'webhook'),
  'admin:org_hook': p(['admin'], 'webhook'),
  'admin:enterprise': p(['admin'], 'enterprise'),
  workflow: p(['write'], 'workflow'),
  'write:packages': p(['read', 'write'], 'package'),
  'delete:packages': p(['delete'], 'package'),
  'admin:public_key': p(['admin'], 'ssh-key'),
  'admin:gpg_key': p(['admin'], 'gpg-key'),
  user: p(['read', 'write'], 'user'),
  gist: p(['read', 'write'], 'gist'),
};

export function permissionsOfScopes(scopes: string[]): Permission[] {
  return scopes.flatMap((s) => SCOPES[s] ?? [{ verb: 'read' as Verb, resourceType: s.replace(/^(?:read|write|admin):/, '') }]);
}

export const githubLive: LiveResolver = {
  provider,
  allow: [{ provider: 'github', kind: 'http', method: 'GET', base: 'api', path: '/user' }],
  accepts: (cred, token) => cred.provider === 'github' && /^(?:ghp_|github_pat_|gho_|ghu_)[A-Za-z0-9_]{20,}$/.test(token),
  resolveLive: async (_cred, token, client) => {
    const res = await client.request({ method: 'GET', path: '/user', headers: { ...bearer(token), accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } });
    if (!isOk(res)) return { confirmed: false, summary: rejected('GitHub', res) };
    const header = res.headers.get('x-oauth-scopes');
    const login = str(obj(res.json).login) ?? 'unknown';
    if (header === null) {
      client.note(`user ${login}; no X-OAuth-Scopes: fine-grained or app token`);
      return { confirmed: true, principal: `GitHub user ${login}`, summary: `GitHub token of ${login}; fine-grained permissions are not listed by the API` };
    }
    const scopes = header.split(',').map((s) => s.trim()).filter(Boolean);
    client.note(`scopes: ${scopes.join(', ') || 'none'}`);
    return {
      confirmed: true,
      principal: `GitHub user ${login}`,
      reach: 'account',
      permissions: permissionsOfScopes(scopes),
      summary: `GitHub classic token of ${login} with scopes ${scopes.join(', ') || '(none)'}`,
    };
  },
};

export default githubLive;
