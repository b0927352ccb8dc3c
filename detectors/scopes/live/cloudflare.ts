// Cloudflare, live: verify the API token, then read its policies (only when the token itself may read API tokens).
// https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/
// https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/get/
import type { Permission, Verb } from '../../../src/core/types.js';
import type { LiveResolver } from '../../../src/live/types.js';
import { arr, bearer, httpProvider, isOk, obj, rejected, str } from './shared.js';

const provider = httpProvider('cloudflare', 'Cloudflare', 'https://api.cloudflare.com');

/** Permission group name → resource type, by its leading words. */
const GROUP_TYPES: Array<[RegExp, string]> = [
  [/^(?:dns|zone)\b/i, 'dns-zone'],
  [/^(?:workers r2|r2)\b/i, 'bucket'],
  [/^(?:d1|hyperdrive)\b/i, 'database'],
  [/^workers\b/i, 'service'],
  [/^(?:pages)\b/i, 'project'],
  [/^(?:api tokens|account settings|memberships|user details)\b/i, 'account'],
];

export function permissionsOfGroups(names: string[]): Permission[] {
  return names.flatMap((name) => {
    const type = GROUP_TYPES.find(([re]) => re.test(name))?.[1] ?? 'other';
    const verbs: Verb[] = /\b(?:write|edit)\b/i.test(name) ? ['read', 'write', 'delete'] : ['read'];
    return verbs.map((verb) => ({ verb, resourceType: type }));
  });
}

export const cloudflareLive: LiveResolver = {
  provider,
  allow: [
    { provider: 'cloudflare', kind: 'http', method: 'GET', base: 'api', path: '/client/v4/user/tokens/verify' },
    { provider: 'cloudflare', kind: 'http', method: 'GET', base: 'api', path: '/client/v4/user/tokens/:id', params: { id: '[0-9a-f]{32}' } },
  ],
  accepts: (cred) => cred.provider === 'cloudflare' && cred.type === 'api-token',
  resolveLive: async (_cred, token, client) => {
    const verify = await client.request({ method: 'GET', path: '/client/v4/user/tokens/verify', headers: bearer(token) });
    const result = obj(obj(verify.json).result);
    const id = str(result.id);
    if (!isOk(verify) || !id) return { confirmed: false, summary: rejected('Cloudflare', verify) };
    const status = str(result.status) ?? 'unknown';
    client.note(`token ${status}`);
    if (!/^[0-9a-f]{32}$/.test(id)) return { confirmed: true, summary: `Cloudflare API token, status ${status}` };
    const details = await client.request({ method: 'GET', path: `/client/v4/user/tokens/${id}`, headers: bearer(token) });
    if (!isOk(details)) {
      client.note('policies not readable: the token lacks API Tokens Read');
      return { confirmed: true, summary: `Cloudflare API token, status ${status}; its policies are not readable with it` };
    }
    const policies = arr(obj(obj(details.json).result).policies).map(obj).filter((pol) => str(pol.effect) !== 'deny');
    const groups = policies.flatMap((pol) => arr(pol.permission_groups).map((g) => str(obj(g).name) ?? '')).filter(Boolean);
    const resourceKeys = policies.flatMap((pol) => Object.keys(obj(pol.resources)));
    const accountWide = resourceKeys.some((k) => /^com\.cloudflare\.api\.account\.(?:\*|[0-9a-f]{32})$/.test(k) || /\.\*$/.test(k));
    client.note(`${groups.length} permission group(s): ${groups.slice(0, 8).join(', ')}${groups.length > 8 ? ', …' : ''}`);
    return {
      confirmed: true,
      reach: accountWide ? 'account' : 'resource',
      permissions: permissionsOfGroups(groups),
      summary: `Cloudflare API token (${status}) with ${groups.join(', ') || 'no permission groups'} on ${accountWide ? 'whole accounts or all zones' : 'specific zones'}`,
    };
  },
};

export default cloudflareLive;
