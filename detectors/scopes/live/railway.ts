// Railway, live: which class of token this is (account, workspace or project — Railway tells them apart only by which
// header it accepts them in), and the projects, environments, volumes and volume backups it reaches.
// Bearer = account/workspace token, Project-Access-Token header = project token.
// https://docs.railway.com/reference/public-api  https://docs.railway.com/reference/backups
import type { Credential, Environment, Permission, Resource } from '../../../src/core/types.js';
import type { AllowRule, LiveResolver, LiveResult, ProviderClient } from '../../../src/live/types.js';
import { everything } from '../../../src/pipeline/resolve.js';
import { environmentOfName } from '../../../src/pipeline/classify.js';
import { RAILWAY_QUERIES, type RailwayOperation } from './railway-queries.js';
import { arr, bearer, liveResource, obj, str } from './shared.js';

const provider = {
  id: 'railway',
  title: 'Railway',
  bases: { api: 'https://backboard.railway.com' },
  env: ['BLASTRADIUS_RAILWAY_API_URL'],
};

const allow: AllowRule[] = Object.entries(RAILWAY_QUERIES).map(([operation, document]) => ({
  provider: 'railway',
  kind: 'graphql',
  method: 'POST',
  base: 'api',
  path: '/graphql/v2',
  operation,
  document,
}));

const MAX_WORKSPACES = 10;
const MAX_BACKUP_LOOKUPS = 25;

const ENV_SCOPED: Permission[] = (['read', 'write', 'delete'] as const).flatMap((verb) =>
  ['service', 'volume', 'database', 'environment'].map((resourceType) => ({ verb, resourceType })),
);

interface Gql {
  data: Record<string, unknown>;
  ok: boolean;
  error?: string;
}

async function gql(client: ProviderClient, op: RailwayOperation, vars: Record<string, string>, headers: Record<string, string>): Promise<Gql> {
  const res = await client.graphql(op, vars, headers);
  const body = obj(res.json);
  const errors = arr(body.errors);
  const data = obj(body.data);
  const error = errors.length ? (str(obj(errors[0]).message) ?? 'error') : res.status !== 200 ? `HTTP ${res.status}` : undefined;
  if (error) client.note(error.slice(0, 80));
  return { data, ok: !error && res.status === 200, error };
}

const edges = (conn: unknown): Record<string, unknown>[] => arr(obj(conn).edges).map((e) => obj(obj(e).node));

interface EnvInfo {
  id: string;
  name: string;
  volumes: Array<{ id: string; mountPath?: string; sizeMB?: number; volumeId?: string; volumeName: string; service?: string }>;
  services: Array<{ id: string; name: string }>;
}

function readEnvironment(node: Record<string, unknown>): EnvInfo {
  const services = edges(node.serviceInstances).map((s) => ({ id: str(s.id) ?? '', serviceId: str(s.serviceId), name: str(s.serviceName) ?? 'service' }));
  return {
    id: str(node.id) ?? '',
    name: str(node.name) ?? 'environment',
    services: services.map(({ id, name }) => ({ id, name })),
    volumes: edges(node.volumeInstances).map((v) => {
      const vol = obj(v.volume);
      return {
        id: str(v.id) ?? '',
        mountPath: str(v.mountPath),
        sizeMB: typeof v.currentSizeMB === 'number' ? v.currentSizeMB : undefined,
        volumeId: str(vol.id),
        volumeName: str(vol.name) ?? 'volume',
        service: services.find((s) => s.serviceId === str(v.serviceId))?.name,
      };
    }),
  };
}

interface ProjectInfo {
  id: string;
  name: string;
  environments: EnvInfo[];
}

function readProjects(conn: unknown): ProjectInfo[] {
  return edges(conn).map((p) => ({ id: str(p.id) ?? '', name: str(p.name) ?? 'project', environments: edges(p.environments).map(readEnvironment) }));
}

interface Backups {
  count: number;
  latest?: string;
}

async function backupsOf(client: ProviderClient, projects: ProjectInfo[], headers: Record<string, string>): Promise<Map<string, Backups>> {
  const out = new Map<string, Backups>();
  const ids = projects.flatMap((p) => p.environments.flatMap((e) => e.volumes.map((v) => v.id))).filter(Boolean);
  await Promise.all(
    ids.slice(0, MAX_BACKUP_LOOKUPS).map(async (id) => {
      const r = await gql(client, 'BlastradiusVolumeBackups', { volumeInstanceId: id }, headers);
      if (!r.ok) return;
      const list = arr(r.data.volumeInstanceBackupList).map(obj);
      const latest = list.map((b) => str(b.createdAt)).filter((d): d is string => !!d).sort().pop();
      out.set(id, { count: list.length, latest });
      client.note(`${list.length} backup(s)`);
    }),
  );
  return out;
}

function resourcesOf(cred: Credential, projects: ProjectInfo[], backups: Map<string, Backups>): Resource[] {
  const out: Resource[] = [];
  for (const p of projects) {
    out.push(liveResource(cred, { id: `railway:project/${p.id}`, provider: 'railway', type: 'project', name: p.name, environment: 'unknown', attributes: { platform: 'railway', projectId: p.id, environments: p.environments.map((e) => e.name) } }));
    for (const e of p.environments) {
      const environment = environmentOfName(e.name);
      out.push(liveResource(cred, { id: `railway:environment/${e.id}`, provider: 'railway', type: 'environment', name: `${p.name}/${e.name}`, environment, attributes: { platform: 'railway', project: p.name, environmentId: e.id } }));
      for (const s of e.services)
        out.push(liveResource(cred, { id: `railway:service-instance/${s.id}`, provider: 'railway', type: 'service', name: `${s.name} (${p.name}/${e.name})`, environment, attributes: { platform: 'railway', project: p.name, environmentName: e.name } }));
      for (const v of e.volumes) {
        const b = backups.get(v.id);
        const id = `railway:volume-instance/${v.id}`;
        out.push(
          liveResource(cred, {
            id,
            provider: 'railway',
            type: 'volume',
            name: `${v.volumeName}${v.service ? ` of ${v.service}` : ''} (${p.name}/${e.name})`,
            environment,
            attributes: {
              platform: 'railway',
              nativeBackups: 'platform',
              mountPath: v.mountPath,
              service: v.service,
              project: p.name,
              environmentName: e.name,
              volumeId: v.volumeId,
              sizeMB: v.sizeMB,
              ...(b ? { platformBackups: b.count } : {}),
            },
          }),
        );
        if (b?.count)
          out.push(
            liveResource(cred, {
              id: `railway:volume-backups/${v.id}`,
              provider: 'railway',
              type: 'backup-job',
              name: `${b.count} Railway backup(s) of ${v.volumeName} (${p.name}/${e.name})`,
              environment,
              backupOf: [id],
              attributes: { destination: 'same-volume', target: 'Railway volume backups (stored with the volume)', count: b.count, latest: b.latest },
            }),
          );
      }
    }
  }
  return out;
}

function describe(projects: ProjectInfo[]): string {
  const envs = projects.flatMap((p) => p.environments);
  const vols = envs.flatMap((e) => e.volumes.map(() => environmentOfName(e.name)));
  const byEnv = [...new Set(vols)].map((env) => `${env}: ${vols.filter((v) => v === env).length}`).join(', ');
  return `${projects.length} project(s), ${envs.length} environment(s), ${vols.length} volume(s)${byEnv ? ` (${byEnv})` : ''}`;
}

async function asBearer(cred: Credential, token: string, client: ProviderClient): Promise<LiveResult | undefined> {
  const headers = bearer(token);
  const api = await gql(client, 'BlastradiusApiToken', {}, headers);
  if (!api.ok) return undefined;
  const workspaces = arr(obj(api.data.apiToken).workspaces)
    .map(obj)
    .map((w) => ({ id: str(w.id) ?? '', name: str(w.name) ?? 'workspace' }))
    .filter((w) => w.id);
  client.note(`${workspaces.length} workspace(s)`);
  const me = await gql(client, 'BlastradiusMe', {}, headers);
  const user = obj(me.data.me);
  const account = me.ok && !!str(user.id);
  let projects: ProjectInfo[] = [];
  if (account) {
    for (const w of workspaces.slice(0, MAX_WORKSPACES)) {
      const r = await gql(client, 'BlastradiusWorkspaceProjects', { workspaceId: w.id }, headers);
      if (r.ok) projects.push(...readProjects(obj(r.data.workspace).projects));
    }
  } else {
    const r = await gql(client, 'BlastradiusProjects', {}, headers);
    if (r.ok) projects = readProjects(r.data.projects);
  }
  const backups = await backupsOf(client, projects, headers);
  const who = account ? `Railway account ${str(user.email) ?? str(user.name) ?? str(user.id)}` : `Railway workspace ${workspaces.map((w) => w.name).join(', ') || '(unnamed)'}`;
  return {
    confirmed: true,
    principal: who,
    reach: account ? 'account' : 'workspace',
    permissions: everything(),
    environments: [...new Set(projects.flatMap((p) => p.environments.map((e) => environmentOfName(e.name))))],
    resources: resourcesOf(cred, projects, backups),
    summary: `Railway accepted it as ${account ? 'an account' : 'a workspace'} token (Authorization: Bearer): full power over ${describe(projects)}`,
  };
}

async function asProjectToken(cred: Credential, token: string, client: ProviderClient): Promise<LiveResult | undefined> {
  const headers = { 'project-access-token': token };
  const pt = await gql(client, 'BlastradiusProjectToken', {}, headers);
  const info = obj(pt.data.projectToken);
  const projectId = str(info.projectId);
  const environmentId = str(info.environmentId);
  if (!pt.ok || !projectId || !environmentId) return undefined;
  const r = await gql(client, 'BlastradiusProjectEnvironment', { projectId, environmentId }, headers);
  const env = readEnvironment(obj(r.data.environment));
  const projectName = str(obj(r.data.project).name) ?? projectId;
  const projects: ProjectInfo[] = r.ok ? [{ id: projectId, name: projectName, environments: [env] }] : [];
  const backups = await backupsOf(client, projects, headers);
  const environment: Environment = environmentOfName(env.name);
  return {
    confirmed: true,
    principal: `Railway project token for ${projectName}/${r.ok ? env.name : environmentId}`,
    reach: 'environment',
    permissions: ENV_SCOPED,
    environments: [environment],
    resources: resourcesOf(cred, projects, backups),
    summary: `Railway accepted it as a project token (Project-Access-Token) for one environment: ${describe(projects)}`,
  };
}

function conflictOf(cred: Credential, result: LiveResult): string | undefined {
  const how = cred.attributes.classifiedBy ?? 'its context';
  if (cred.type === 'project-token' && result.reach !== 'environment')
    return `The repository suggests a project token (${how}), but Railway accepted it as ${result.reach === 'account' ? 'an account' : 'a workspace'} token: it reaches every project in reach, not one environment.`;
  if (cred.type === 'account-token' && result.reach === 'environment')
    return `The repository suggests an account or workspace token (${how}), but Railway accepted it only as a project token: it reaches one environment.`;
  return undefined;
}

export const railwayLive: LiveResolver = {
  provider,
  allow,
  // Only values the Railway rule recognised by their Railway context; a bare UUID elsewhere is never a Railway token.
  accepts: (cred, token) => cred.provider === 'railway' && cred.ruleId === 'railway-token' && /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(token),
  resolveLive: async (cred, token, client) => {
    const order = cred.type === 'project-token' ? [asProjectToken, asBearer] : [asBearer, asProjectToken];
    for (const attempt of order) {
      const result = await attempt(cred, token, client);
      if (result) return { ...result, conflict: conflictOf(cred, result) };
    }
    return { confirmed: false, summary: 'Railway accepted the token neither as an account/workspace token nor as a project token (revoked, or not a Railway token)' };
  },
};

export default railwayLive;
