// DigitalOcean, live: GET /v2/account names the account and team. The API does not say whether a token is
// read-only or custom-scoped, so the static reach stands. https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account
import type { LiveResolver } from '../../../src/live/types.js';
import { bearer, httpProvider, isOk, obj, rejected, str } from './shared.js';

const provider = httpProvider('digitalocean', 'DigitalOcean', 'https://api.digitalocean.com');

export const digitaloceanLive: LiveResolver = {
  provider,
  allow: [{ provider: 'digitalocean', kind: 'http', method: 'GET', base: 'api', path: '/v2/account' }],
  accepts: (cred, token) => cred.provider === 'digitalocean' && /^do[po]_v1_[a-f0-9]{64}$/.test(token),
  resolveLive: async (_cred, token, client) => {
    const res = await client.request({ method: 'GET', path: '/v2/account', headers: bearer(token) });
    if (!isOk(res)) return { confirmed: false, summary: rejected('DigitalOcean', res) };
    const a = obj(obj(res.json).account);
    const team = str(obj(a.team).name);
    const who = `${str(a.email) ?? str(a.uuid) ?? 'unknown'}${team ? ` (team ${team})` : ''}`;
    client.note(`account ${who}, status ${str(a.status) ?? '?'}`);
    return { confirmed: true, principal: `DigitalOcean account ${who}`, summary: `DigitalOcean token of ${who}; the API does not reveal whether it is read-only or custom-scoped` };
  },
};

export default digitaloceanLive;
