// Railway --live: every GraphQL document is a valid query against Railway's real schema; the incident fixture's
// account token resolves, against a fake Railway on 127.0.0.1, to the projects, environments and volumes it can delete.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, validate, Kind } from 'graphql';
import { RAILWAY_QUERIES } from '../detectors/scopes/live/railway-queries.js';
import { ALLOWLIST } from '../detectors/scopes/live/index.js';
import { scanDirectory, scanFiles } from '../src/scan.js';
import { render } from '../src/report/index.js';
import { incidentWorld, railwaySchema, startRailway, type RailwayServer } from './servers/railway.js';
import { trapNetwork, type Trap } from './servers/no-network.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/railway-incident', import.meta.url));
const SECRETS = (JSON.parse(readFileSync(new URL('../fixtures/railway-incident.secrets.json', import.meta.url), 'utf8')) as { secrets: string[] }).secrets;
const ACCOUNT_TOKEN = '52d9c279-d566-4785-be18-2a01d06f6f0a';
const PROJECT_TOKEN = '0b7e4f2a-6c1d-4e8b-9a3f-5c2d7e1b4a6f';
const WORKSPACE_TOKEN = '7d2e9c4b-1a6f-4b3e-8c5d-9e0f1a2b3c4d';

describe('Railway GraphQL documents', () => {
  const schema = railwaySchema();
  for (const [name, doc] of Object.entries(RAILWAY_QUERIES)) {
    it(`${name} is a valid query against Railway's schema`, () => {
      const ast = parse(doc);
      expect(validate(schema, ast)).toEqual([]);
      const ops = ast.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(ops).toHaveLength(1);
      expect(ops[0]!.kind === Kind.OPERATION_DEFINITION && ops[0]!.operation).toBe('query');
      expect(ops[0]!.kind === Kind.OPERATION_DEFINITION && ops[0]!.name?.value).toBe(name);
    });
  }
  it('the Railway allowlist is exactly these documents', () => {
    const railway = ALLOWLIST.filter((r) => r.provider === 'railway');
    expect(railway.map((r) => [r.kind, r.method, r.path, r.operation, r.document])).toEqual(
      Object.entries(RAILWAY_QUERIES).map(([op, doc]) => ['graphql', 'POST', '/graphql/v2', op, doc]),
    );
  });
});

describe('Railway live resolution', () => {
  let server: RailwayServer;
  let trap: Trap;
  beforeEach(async () => {
    server = await startRailway(
      incidentWorld(ACCOUNT_TOKEN, {
        [PROJECT_TOKEN]: { kind: 'project', projectId: 'prj-acme-shop', environmentId: 'env-staging' },
        [WORKSPACE_TOKEN]: { kind: 'workspace', workspaceId: 'ws-acme' },
      }),
    );
    trap = trapNetwork({ allowLoopback: true });
  });
  afterEach(async () => {
    trap.restore();
    await server.close();
  });

  it('resolves the incident fixture account token to the concrete projects, environments and volumes it can delete', async () => {
    const plans: unknown[] = [];
    const result = await scanDirectory(FIXTURE, {
      live: { providers: ['railway'], env: { BLASTRADIUS_RAILWAY_API_URL: server.url }, onPlan: (p) => plans.push(p) },
    });
    expect(plans).toEqual([[{ provider: 'railway', title: 'Railway', target: `127.0.0.1:${server.port}`, credentials: 1 }]]);
    // Exactly these requests, all queries, all to the fake Railway, all with the token as Bearer.
    expect(server.mutations).toEqual([]);
    expect(server.operations.slice(0, 3)).toEqual(['BlastradiusApiToken', 'BlastradiusMe', 'BlastradiusWorkspaceProjects']);
    expect(server.operations.slice(3).sort()).toEqual(['BlastradiusVolumeBackups', 'BlastradiusVolumeBackups', 'BlastradiusVolumeBackups', 'BlastradiusVolumeBackups']);
    for (const r of server.requests) {
      expect(r.method).toBe('POST');
      expect(r.path).toBe('/graphql/v2');
      expect(r.headers.authorization).toBe(`Bearer ${ACCOUNT_TOKEN}`);
      expect(r.headers['project-access-token']).toBeUndefined();
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(trap.attempts.filter((a) => !a.includes('127.0.0.1'))).toEqual([]);

    const cred = result.credentials.find((c) => c.provider === 'railway')!;
    expect(cred.scope.reach).toBe('account');
    expect(cred.scope.confidence).toBe('high');
    expect(cred.scope.principal).toBe('Railway account dana@acme.example');
    expect(cred.scope.conflict).toBeUndefined();
    expect(cred.scope.environments?.sort()).toEqual(['production', 'staging']);
    const live = cred.scope.evidence.filter((e) => e.source === 'live');
    expect(live[0]!.detail).toBe(`POST ${server.url}/graphql/v2 BlastradiusApiToken → 200 (1 workspace(s))`);
    expect(live.at(-1)!.detail).toMatch(/account token .*1 project\(s\), 2 environment\(s\), 4 volume\(s\) \(production: 2, staging: 2\)/);

    const ids = result.resources.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['railway:project/prj-acme-shop', 'railway:environment/env-prod', 'railway:environment/env-staging', 'railway:volume-instance/vi-pg-1', 'railway:volume-backups/vi-pg-1']));
    const prodPg = result.resources.find((r) => r.id === 'railway:volume-instance/vi-pg-1')!;
    expect(prodPg).toMatchObject({ type: 'volume', environment: 'production', name: 'postgres-volume of postgres (acme-shop/production)', attributes: { mountPath: '/var/lib/postgresql/data', nativeBackups: 'platform', platformBackups: 2, source: 'live' } });
    // The graph sees them: the token can delete the production Postgres volume, and its backups share its fate.
    const deletable = result.graph.deletable(cred).map((r) => r.resource.id);
    expect(deletable).toEqual(expect.arrayContaining(['railway:volume-instance/vi-pg-1', 'railway:volume-instance/vi-web-1', 'railway:volume-instance/vi-pg-2']));
    expect(result.graph.backupsShareFate(prodPg).shared).toBe(true);

    // No planted secret anywhere in the report or the evidence.
    const out = (await render(result, 'json', { color: false })) + JSON.stringify(result.credentials) + JSON.stringify(result.resources) + JSON.stringify(result.diagnostics);
    for (const s of SECRETS) expect(out).not.toContain(s);
  });

  it('sends each token only to its own provider (Railway token to Railway, GitHub token to GitHub)', async () => {
    const { startServer, json } = await import('./servers/http.js');
    const github = await startServer((_r, res) => json(res, 200, { login: 'dana' }, { 'x-oauth-scopes': 'repo' }));
    try {
      await scanDirectory(FIXTURE, { live: { providers: ['railway', 'github'], env: { BLASTRADIUS_RAILWAY_API_URL: server.url, BLASTRADIUS_GITHUB_API_URL: github.url } } });
    } finally {
      await github.close();
    }
    const ghp = SECRETS.find((s) => s.startsWith('ghp_'))!;
    expect(github.requests.map((r) => `${r.method} ${r.path} ${String(r.headers.authorization)}`)).toEqual([`GET /user Bearer ${ghp}`]);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const r of server.requests) expect(JSON.stringify(r)).not.toContain(ghp);
    for (const r of github.requests) expect(JSON.stringify(r)).not.toContain(ACCOUNT_TOKEN);
    expect(trap.attempts.filter((a) => !a.includes('127.0.0.1'))).toEqual([]);
  });

  it('sends a project token in Project-Access-Token and resolves one environment', async () => {
    const result = await scanFiles('t', [{ path: 'deploy.sh', text: `RAILWAY_TOKEN=${PROJECT_TOKEN}\n` }], { live: { env: { BLASTRADIUS_RAILWAY_API_URL: server.url } } });
    const cred = result.credentials.find((c) => c.provider === 'railway')!;
    expect(cred.type).toBe('project-token');
    expect(server.operations).toEqual(['BlastradiusProjectToken', 'BlastradiusProjectEnvironment', 'BlastradiusVolumeBackups', 'BlastradiusVolumeBackups']);
    for (const r of server.requests) {
      expect(r.headers['project-access-token']).toBe(PROJECT_TOKEN);
      expect(r.headers.authorization).toBeUndefined();
    }
    expect(cred.scope).toMatchObject({ reach: 'environment', environments: ['staging'], confidence: 'high', principal: 'Railway project token for acme-shop/staging' });
    expect(cred.scope.conflict).toBeUndefined();
    expect(result.resources.filter((r) => r.type === 'volume' && r.attributes.source === 'live').map((r) => r.environment)).toEqual(['staging', 'staging']);
  });

  it('says so when the repository and Railway disagree about the token class', async () => {
    // Named like a project token, but Railway accepts it as an account token.
    const result = await scanFiles('t', [{ path: 'deploy.sh', text: `RAILWAY_TOKEN=${ACCOUNT_TOKEN}\n` }], { live: { env: { BLASTRADIUS_RAILWAY_API_URL: server.url } } });
    const cred = result.credentials.find((c) => c.provider === 'railway')!;
    expect(server.operations.slice(0, 2)).toEqual(['BlastradiusProjectToken', 'BlastradiusApiToken']);
    expect(cred.scope.reach).toBe('account');
    expect(cred.scope.conflict).toMatch(/suggests a project token .* but Railway accepted it as an account token/);
  });

  it('tells a workspace token from an account token (me is refused) and lists its projects', async () => {
    const result = await scanFiles('t', [{ path: '.env', text: `RAILWAY_API_TOKEN=${WORKSPACE_TOKEN}\n` }], { live: { env: { BLASTRADIUS_RAILWAY_API_URL: server.url } } });
    const cred = result.credentials.find((c) => c.provider === 'railway')!;
    expect(server.operations.slice(0, 3)).toEqual(['BlastradiusApiToken', 'BlastradiusMe', 'BlastradiusProjects']);
    expect(cred.scope).toMatchObject({ reach: 'workspace', principal: 'Railway workspace acme', confidence: 'high' });
    expect(cred.scope.evidence.some((e) => e.detail.includes('BlastradiusMe → 200 (Not Authorized)'))).toBe(true);
  });

  it('records a rejected token without changing the static scope', async () => {
    const unknown = '3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f';
    const result = await scanFiles('t', [{ path: '.env', text: `RAILWAY_API_TOKEN=${unknown}\n` }], { live: { env: { BLASTRADIUS_RAILWAY_API_URL: server.url } } });
    const cred = result.credentials.find((c) => c.provider === 'railway')!;
    expect(server.operations).toEqual(['BlastradiusApiToken', 'BlastradiusProjectToken']);
    expect(cred.scope.reach).toBe('workspace');
    expect(cred.scope.evidence.at(-1)!.detail).toMatch(/neither as an account\/workspace token nor as a project token/);
    expect(JSON.stringify(cred)).not.toContain(unknown);
  });
});
