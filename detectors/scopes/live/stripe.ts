// Stripe, live: GET /v1/account names the account; the key class (secret or restricted, live or test) comes from the
// key's format. A restricted key without Account read answers 403 — still a working key.
// https://docs.stripe.com/api/accounts/retrieve  https://docs.stripe.com/keys
import type { LiveResolver } from '../../../src/live/types.js';
import { bearer, httpProvider, isOk, obj, rejected, str } from './shared.js';

const provider = httpProvider('stripe', 'Stripe', 'https://api.stripe.com');

export const stripeLive: LiveResolver = {
  provider,
  allow: [{ provider: 'stripe', kind: 'http', method: 'GET', base: 'api', path: '/v1/account' }],
  accepts: (cred, token) => cred.provider === 'stripe' && /^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}$/.test(token),
  resolveLive: async (_cred, token, client) => {
    const cls = `${token.startsWith('rk_') ? 'restricted' : 'secret'} ${token.includes('_live_') ? 'live' : 'test'} key`;
    const res = await client.request({ method: 'GET', path: '/v1/account', headers: bearer(token) });
    if (res.status === 403) {
      client.note(`${cls}; no permission to read the account`);
      return { confirmed: true, summary: `Stripe ${cls} that works but may not read the account: a restricted key` };
    }
    if (!isOk(res)) return { confirmed: false, summary: rejected('Stripe', res) };
    const acct = obj(res.json);
    const id = str(acct.id) ?? 'unknown';
    const name = str(obj(acct.business_profile).name) ?? str(obj(obj(acct.settings).dashboard).display_name);
    client.note(`${cls}; account ${id}`);
    return { confirmed: true, principal: `Stripe account ${id}${name ? ` (${name})` : ''}`, reach: 'account', summary: `Stripe ${cls} of account ${id}` };
  },
};

export default stripeLive;
