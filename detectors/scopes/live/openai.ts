// OpenAI, live: GET /v1/models confirms the key works (a restricted key without model read answers 403).
// https://platform.openai.com/docs/api-reference/models/list
import type { LiveResolver } from '../../../src/live/types.js';
import { arr, bearer, httpProvider, isOk, obj, rejected } from './shared.js';

const provider = httpProvider('openai', 'OpenAI', 'https://api.openai.com');

export const openaiLive: LiveResolver = {
  provider,
  allow: [{ provider: 'openai', kind: 'http', method: 'GET', base: 'api', path: '/v1/models' }],
  accepts: (cred, token) => cred.provider === 'openai' && /^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}$/.test(token),
  resolveLive: async (_cred, token, client) => {
    const res = await client.request({ method: 'GET', path: '/v1/models', headers: bearer(token) });
    if (res.status === 403) {
      client.note('works, but may not list models: a restricted key');
      return { confirmed: true, summary: 'OpenAI key that works but may not list models (restricted)' };
    }
    if (!isOk(res)) return { confirmed: false, summary: rejected('OpenAI', res) };
    const n = arr(obj(res.json).data).length;
    client.note(`${n} model(s) visible`);
    return { confirmed: true, summary: `OpenAI key works (${n} models visible); spend is billed to its organisation/project` };
  },
};

export default openaiLive;
