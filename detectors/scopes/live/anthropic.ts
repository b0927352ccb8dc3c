// Anthropic, live: GET /v1/models with the x-api-key header confirms an API key works.
// https://docs.anthropic.com/en/api/models-list
import type { LiveResolver } from '../../../src/live/types.js';
import { arr, httpProvider, isOk, obj, rejected } from './shared.js';

const provider = httpProvider('anthropic', 'Anthropic', 'https://api.anthropic.com');

export const anthropicLive: LiveResolver = {
  provider,
  allow: [{ provider: 'anthropic', kind: 'http', method: 'GET', base: 'api', path: '/v1/models' }],
  accepts: (cred, token) => cred.provider === 'anthropic' && /^sk-ant-api\d\d-[A-Za-z0-9_-]{20,}$/.test(token),
  resolveLive: async (_cred, token, client) => {
    const res = await client.request({ method: 'GET', path: '/v1/models', headers: { 'x-api-key': token, 'anthropic-version': '2023-06-01' } });
    if (!isOk(res)) return { confirmed: false, summary: rejected('Anthropic', res) };
    const n = arr(obj(res.json).data).length;
    client.note(`${n} model(s) visible`);
    return { confirmed: true, summary: `Anthropic API key works (${n} models visible); usage is billed to its workspace` };
  },
};

export default anthropicLive;
