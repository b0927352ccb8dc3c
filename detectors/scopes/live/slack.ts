// Slack, live: auth.test (documented as read-only: it only reports who the token is) and the X-OAuth-Scopes header.
// https://api.slack.com/methods/auth.test
import type { Permission, Verb } from '../../../src/core/types.js';
import type { LiveResolver } from '../../../src/live/types.js';
import { bearer, httpProvider, obj, rejected, str } from './shared.js';

const provider = httpProvider('slack', 'Slack', 'https://slack.com');

export function permissionsOfSlackScopes(scopes: string[]): Permission[] {
  return scopes.map((s) => {
    const [what = s, how = ''] = s.split(':');
    const verb: Verb = what.startsWith('admin') ? 'admin' : /write|manage/.test(how) ? 'write' : 'read';
    return { verb, resourceType: `slack-${what.replace(/^admin\./, '')}` };
  });
}

export const slackLive: LiveResolver = {
  provider,
  allow: [{ provider: 'slack', kind: 'http', method: 'POST', base: 'api', path: '/api/auth.test' }],
  accepts: (cred, token) => cred.provider === 'slack' && /^xox[bp]-[0-9A-Za-z-]{20,}$/.test(token),
  resolveLive: async (_cred, token, client) => {
    const res = await client.request({ method: 'POST', path: '/api/auth.test', headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    const body = obj(res.json);
    if (res.status !== 200 || body.ok !== true) {
      if (str(body.error)) client.note(str(body.error)!);
      return { confirmed: false, summary: res.status === 200 ? `Slack refused the token (${str(body.error) ?? 'not ok'})` : rejected('Slack', res) };
    }
    const scopes = (res.headers.get('x-oauth-scopes') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const who = `${str(body.bot_id) ? 'bot' : 'user'} ${str(body.user) ?? str(body.user_id) ?? '?'} in workspace ${str(body.team) ?? str(body.team_id) ?? '?'}`;
    client.note(`${who}; scopes: ${scopes.join(', ') || 'not listed'}`);
    return {
      confirmed: true,
      principal: `Slack ${who}`,
      reach: 'workspace',
      ...(scopes.length ? { permissions: permissionsOfSlackScopes(scopes) } : {}),
      summary: `Slack token of ${who}`,
    };
  },
};

export default slackLive;
