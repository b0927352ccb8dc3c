// Supabase, live: management-API tokens (sbp_) list the projects they control with GET /v1/projects.
// https://supabase.com/docs/reference/api/v1-list-all-projects
import type { LiveResolver } from '../../../src/live/types.js';
import { everything } from '../../../src/pipeline/resolve.js';
import { environmentOfName } from '../../../src/pipeline/classify.js';
import { arr, bearer, httpProvider, isOk, liveResource, obj, rejected, str } from './shared.js';

const provider = httpProvider('supabase', 'Supabase', 'https://api.supabase.com');

export const supabaseLive: LiveResolver = {
  provider,
  allow: [{ provider: 'supabase', kind: 'http', method: 'GET', base: 'api', path: '/v1/projects' }],
  accepts: (cred, token) => cred.provider === 'supabase' && /^sbp_[a-f0-9]{40}$/.test(token),
  resolveLive: async (cred, token, client) => {
    const res = await client.request({ method: 'GET', path: '/v1/projects', headers: bearer(token) });
    if (!isOk(res)) return { confirmed: false, summary: rejected('Supabase', res) };
    const projects = arr(res.json).map(obj).filter((p) => str(p.id));
    client.note(`${projects.length} project(s)`);
    return {
      confirmed: true,
      reach: 'account',
      permissions: everything(),
      resources: projects.map((p) =>
        liveResource(cred, {
          id: `supabase:project/${str(p.id)}`,
          provider: 'supabase',
          type: 'project',
          name: str(p.name) ?? str(p.id)!,
          environment: environmentOfName(str(p.name) ?? ''),
          attributes: { platform: 'supabase', ref: str(p.id), region: str(p.region), organization: str(p.organization_id), hosts: [str(obj(p.database).host)].filter(Boolean) },
        }),
      ),
      summary: `Supabase management token controlling ${projects.length} project(s): ${projects.map((p) => str(p.name)).join(', ')}`,
    };
  },
};

export default supabaseLive;
