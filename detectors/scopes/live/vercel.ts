// Vercel, live: GET /v5/user/tokens/current returns the token's own metadata, including its scopes (the user, or
// teams). https://vercel.com/docs/rest-api/authentication/get-auth-token-metadata
import type { LiveResolver } from '../../../src/live/types.js';
import { arr, bearer, httpProvider, isOk, obj, rejected, str } from './shared.js';

const provider = httpProvider('vercel', 'Vercel', 'https://api.vercel.com');

export const vercelLive: LiveResolver = {
  provider,
  allow: [{ provider: 'vercel', kind: 'http', method: 'GET', base: 'api', path: '/v5/user/tokens/current' }],
  accepts: (cred) => cred.provider === 'vercel' && ['personal-access-token', 'integration-token', 'app-access-token'].includes(cred.type),
  resolveLive: async (_cred, token, client) => {
    const res = await client.request({ method: 'GET', path: '/v5/user/tokens/current', headers: bearer(token) });
    if (!isOk(res)) return { confirmed: false, summary: rejected('Vercel', res) };
    const t = obj(obj(res.json).token);
    const scopes = arr(t.scopes).map(obj);
    const teams = scopes.filter((s) => s.type === 'team').map((s) => str(s.teamId) ?? '?');
    const user = scopes.some((s) => s.type === 'user');
    const expires = typeof t.expiresAt === 'number' ? new Date(t.expiresAt).toISOString().slice(0, 10) : 'never';
    client.note(`${str(t.type) ?? 'token'}; scopes: ${[user ? 'user' : '', ...teams.map((id) => `team ${id}`)].filter(Boolean).join(', ') || 'none'}; expires ${expires}`);
    return {
      confirmed: true,
      principal: teams.length && !user ? `Vercel team${teams.length > 1 ? 's' : ''} ${teams.join(', ')}` : 'the Vercel user who created it',
      reach: user ? 'account' : 'workspace',
      summary: `Vercel ${str(t.type) ?? 'token'} "${str(t.name) ?? ''}" scoped to ${user ? 'the user (every team and project)' : `${teams.length} team(s)`}`,
    };
  },
};

export default vercelLive;
