// npm, live: GET /-/whoami on the registry names the token's user. https://docs.npmjs.com/cli/commands/npm-whoami
import type { LiveResolver } from '../../../src/live/types.js';
import { bearer, httpProvider, isOk, obj, rejected, str } from './shared.js';

const provider = httpProvider('npm', 'npm registry', 'https://registry.npmjs.org');

export const npmLive: LiveResolver = {
  provider,
  allow: [{ provider: 'npm', kind: 'http', method: 'GET', base: 'api', path: '/-/whoami' }],
  accepts: (cred, token) => cred.provider === 'npm' && /^npm_[A-Za-z0-9]{36}$/.test(token),
  resolveLive: async (_cred, token, client) => {
    const res = await client.request({ method: 'GET', path: '/-/whoami', headers: bearer(token) });
    if (!isOk(res)) return { confirmed: false, summary: rejected('npm', res) };
    const user = str(obj(res.json).username) ?? 'unknown';
    client.note(`user ${user}`);
    return { confirmed: true, principal: `npm user ${user}`, summary: `npm token of ${user}; publish rights follow the token's type (see npm token list)` };
  },
};

export default npmLive;
