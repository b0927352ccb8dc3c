// A fake Railway public API (backboard /graphql/v2) on 127.0.0.1 that executes requests against Railway's real
// published schema (test/data/railway-schema.json): invalid documents fail validation exactly as they would at
// Railway, and mutations are recorded and refused. Tokens: Bearer = account/workspace token, Project-Access-Token =
// project token; anything else is "Not Authorized", as Railway answers.
import { readFileSync } from 'node:fs';
import { buildClientSchema, graphql, GraphQLError, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { json, startServer, type TestServer } from './http.js';

let cached: GraphQLSchema | undefined;
export function railwaySchema(): GraphQLSchema {
  cached ??= buildClientSchema((JSON.parse(readFileSync(new URL('../data/railway-schema.json', import.meta.url), 'utf8')) as { data: IntrospectionQuery }).data);
  return cached;
}

const conn = <T>(nodes: T[]) => ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage: false, hasPreviousPage: false } });

export interface WorldVolume {
  id: string;
  volumeId: string;
  name: string;
  mountPath: string;
  serviceId: string;
  backups: number;
}
export interface WorldEnv {
  id: string;
  name: string;
  services: Array<{ id: string; serviceId: string; name: string }>;
  volumes: WorldVolume[];
}
export interface WorldProject {
  id: string;
  name: string;
  workspaceId: string;
  environments: WorldEnv[];
}
export interface RailwayWorld {
  workspaces: Array<{ id: string; name: string }>;
  projects: WorldProject[];
  /** token → what it is. */
  tokens: Record<string, { kind: 'account'; user: { id: string; name: string; email: string } } | { kind: 'workspace'; workspaceId: string } | { kind: 'project'; projectId: string; environmentId: string }>;
}

/** The acme-shop world of fixtures/railway-incident: one project, production and staging, Postgres and web volumes. */
export function incidentWorld(accountToken: string, extra: RailwayWorld['tokens'] = {}): RailwayWorld {
  const env = (id: string, name: string, n: number, pgBackups: number): WorldEnv => ({
    id,
    name,
    services: [
      { id: `si-web-${n}`, serviceId: 'svc-web', name: 'web' },
      { id: `si-worker-${n}`, serviceId: 'svc-worker', name: 'worker' },
      { id: `si-pg-${n}`, serviceId: 'svc-postgres', name: 'postgres' },
    ],
    volumes: [
      { id: `vi-pg-${n}`, volumeId: 'vol-pg', name: 'postgres-volume', mountPath: '/var/lib/postgresql/data', serviceId: 'svc-postgres', backups: pgBackups },
      { id: `vi-web-${n}`, volumeId: 'vol-web', name: 'web-volume', mountPath: '/data', serviceId: 'svc-web', backups: 0 },
    ],
  });
  return {
    workspaces: [{ id: 'ws-acme', name: 'acme' }],
    projects: [{ id: 'prj-acme-shop', name: 'acme-shop', workspaceId: 'ws-acme', environments: [env('env-prod', 'production', 1, 2), env('env-staging', 'staging', 2, 0)] }],
    tokens: { [accountToken]: { kind: 'account', user: { id: 'usr-1', name: 'Dana Ops', email: 'dana@acme.example' } }, ...extra },
  };
}

export interface RailwayServer extends TestServer {
  /** Operation names received, in order. */
  operations: string[];
  /** Documents that contained a mutation (there must be none). */
  mutations: string[];
}

export async function startRailway(world: RailwayWorld): Promise<RailwayServer> {
  const schema = railwaySchema();
  const operations: string[] = [];
  const mutations: string[] = [];
  const envNode = (p: WorldProject, e: WorldEnv) => ({
    id: e.id,
    name: e.name,
    projectId: p.id,
    serviceInstances: () => conn(e.services.map((s) => ({ id: s.id, serviceId: s.serviceId, serviceName: s.name, environmentId: e.id }))),
    volumeInstances: () =>
      conn(e.volumes.map((v) => ({ id: v.id, mountPath: v.mountPath, currentSizeMB: 512.5, serviceId: v.serviceId, environmentId: e.id, volume: { id: v.volumeId, name: v.name } }))),
  });
  const projectNode = (p: WorldProject) => ({ id: p.id, name: p.name, workspaceId: p.workspaceId, environments: () => conn(p.environments.map((e) => envNode(p, e))) });
  const server = await startServer(async (req, res) => {
    if (req.method !== 'POST' || req.path !== '/graphql/v2') return json(res, 404, { error: 'not found' });
    const body = JSON.parse(req.body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    operations.push(body.operationName ?? '(anonymous)');
    if (parse(body.query).definitions.some((d) => d.kind === 'OperationDefinition' && d.operation !== 'query')) {
      mutations.push(body.query);
      return json(res, 400, { errors: [{ message: 'test server: only queries are expected' }] });
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const projectHeader = req.headers['project-access-token'];
    const who = bearer ? world.tokens[bearer] : typeof projectHeader === 'string' ? world.tokens[projectHeader] : undefined;
    const as = bearer ? (who?.kind === 'project' ? undefined : who) : who?.kind === 'project' ? who : undefined;
    const denied = () => {
      throw new GraphQLError('Not Authorized');
    };
    const visible = (p: WorldProject) =>
      as?.kind === 'account' || (as?.kind === 'workspace' && p.workspaceId === as.workspaceId) || (as?.kind === 'project' && p.id === as.projectId);
    const rootValue = {
      apiToken: () => (as && as.kind !== 'project' ? { workspaces: world.workspaces.filter((w) => as.kind === 'account' || w.id === as.workspaceId) } : denied()),
      me: () => (as?.kind === 'account' ? { ...as.user, workspaces: world.workspaces } : denied()),
      projectToken: () => (as?.kind === 'project' ? { projectId: as.projectId, environmentId: as.environmentId } : denied()),
      workspace: ({ workspaceId }: { workspaceId: string }) => {
        const w = world.workspaces.find((x) => x.id === workspaceId);
        if (!w || !as || as.kind === 'project' || (as.kind === 'workspace' && as.workspaceId !== w.id)) return denied();
        return { ...w, projects: () => conn(world.projects.filter((p) => p.workspaceId === w.id).map(projectNode)) };
      },
      projects: () => (as && as.kind === 'workspace' ? conn(world.projects.filter(visible).map(projectNode)) : denied()),
      project: ({ id }: { id: string }) => {
        const p = world.projects.find((x) => x.id === id);
        return p && visible(p) ? projectNode(p) : denied();
      },
      environment: ({ id }: { id: string }) => {
        for (const p of world.projects)
          for (const e of p.environments) if (e.id === id && visible(p) && (as?.kind !== 'project' || as.environmentId === id)) return envNode(p, e);
        return denied();
      },
      volumeInstanceBackupList: ({ volumeInstanceId }: { volumeInstanceId: string }) => {
        for (const p of world.projects)
          for (const e of p.environments)
            for (const v of e.volumes)
              if (v.id === volumeInstanceId && visible(p))
                return Array.from({ length: v.backups }, (_, i) => ({ id: `bk-${v.id}-${i}`, externalId: `ext-${i}`, name: `backup ${i}`, createdAt: `2026-09-0${i + 1}T03:00:00Z`, expiresAt: null, usedMB: 100 }));
        return denied();
      },
    };
    const result = await graphql({ schema, source: body.query, variableValues: body.variables, operationName: body.operationName, rootValue });
    json(res, 200, result);
  });
  return { ...server, operations, mutations };
}
