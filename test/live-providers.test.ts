// Each HTTP live resolver against a fake of its provider on 127.0.0.1, answering with the shapes the provider
// documents. Asserts the exact requests (method, path, auth header), that the token reached only that server, and
// what the scope becomes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Credential } from '../src/core/types.js';
import { SecretVault, fingerprintSecret, redact } from '../src/core/secrets.js';
import { runLive } from '../src/live/run.js';
import { json, startServer, type Handler, type TestServer } from './servers/http.js';
import { trapNetwork, type Trap } from './servers/no-network.js';

function credential(provider: string, type: string, value: string, attributes: Record<string, string> = {}): Credential {
  return {
    fingerprint: fingerprintSecret(value),
    provider,
    type,
    ruleId: `${provider}-${type}`,
    preview: redact(value),
    length: value.length,
    locations: [{ path: '.env', startLine: 1, startColumn: 1, environment: 'production' }],
    environments: ['production'],
    attributes,
    confidence: 'high',
    scope: { reach: 'unknown', permissions: [], evidence: [], confidence: 'low' },
    hints: [],
    confidenceReasons: [],
    fileContext: 'code',
  };
}

let servers: TestServer[] = [];
let trap: Trap | undefined;
afterEach(async () => {
  trap?.restore();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** Starts a fake for one provider plus a decoy server that must receive nothing, and runs the live stage. */
async function live(provider: string, cred: Credential, value: string, handler: Handler) {
  const fake = await startServer(handler);
  const decoy = await startServer((_r, res) => json(res, 500, {}));
  servers.push(fake, decoy);
  trap = trapNetwork({ allowLoopback: true });
  const vault = new SecretVault();
  vault.put(cred.fingerprint, value);
  const env: NodeJS.ProcessEnv = {};
  for (const p of ['railway', 'github', 'cloudflare', 'stripe', 'slack', 'vercel', 'digitalocean', 'npm', 'supabase', 'openai', 'anthropic', 'aws'])
    env[`BLASTRADIUS_${p.toUpperCase()}_API_URL`] = p === provider ? fake.url : decoy.url;
  const diagnostics: never[] = [];
  const out = await runLive([cred], vault, { env }, diagnostics);
  expect(decoy.requests).toEqual([]);
  expect(trap.attempts.filter((a) => !a.includes('127.0.0.1'))).toEqual([]);
  expect(JSON.stringify([cred, out.resources, diagnostics])).not.toContain(value);
  return { fake, cred, out };
}

const routes = (req: { method: string; path: string }) => `${req.method} ${req.path}`;

describe('GitHub', () => {
  const token = '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';
  it('GET /user, reads X-OAuth-Scopes: delete_repo ⇒ delete repository, admin:org ⇒ admin', async () => {
    const { fake, cred } = await live('github', credential('github', 'classic-pat', token), token, (_r, res) =>
      json(res, 200, { login: 'octocat', id: 1, type: 'User' }, { 'x-oauth-scopes': 'repo, delete_repo, admin:org', 'x-accepted-oauth-scopes': '' }),
    );
    expect(fake.requests.map(routes)).toEqual(['GET /user']);
    expect(fake.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' });
    expect(cred.scope.evidence[0]!.detail).toBe(`GET ${fake.url}/user → 200 (scopes: repo, delete_repo, admin:org)`);
    expect(cred.scope).toMatchObject({ reach: 'account', principal: 'GitHub user octocat', confidence: 'high' });
    expect(cred.scope.permissions).toEqual(
      expect.arrayContaining([
        { verb: 'delete', resourceType: 'repository' },
        { verb: 'admin', resourceType: 'organization' },
      ]),
    );
  });
  it('honours GITHUB_API_URL (GitHub Enterprise path prefix)', async () => {
    const fake = await startServer((_r, res) => json(res, 401, { message: 'Bad credentials' }));
    servers.push(fake);
    const cred = credential('github', 'classic-pat', token);
    const vault = new SecretVault();
    vault.put(cred.fingerprint, token);
    await runLive([cred], vault, { env: { GITHUB_API_URL: `${fake.url}/api/v3` } }, []);
    expect(fake.requests.map(routes)).toEqual(['GET /api/v3/user']);
    expect(cred.scope.evidence.map((e) => e.detail)).toEqual([`GET ${fake.url}/api/v3/user → 401`, 'GitHub rejected the token (revoked, expired or mistyped)']);
    expect(cred.scope.reach).toBe('unknown');
  });
});

describe('Cloudflare', () => {
  const token = 'Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY';
  const id = 'ed17574386854bf78a67040be0a770b0';
  it('verifies the token, then reads its policies', async () => {
    const { fake, cred } = await live('cloudflare', credential('cloudflare', 'api-token', token), token, (r, res) => {
      if (r.path === '/client/v4/user/tokens/verify') return json(res, 200, { success: true, errors: [], messages: [], result: { id, status: 'active', expires_on: null } });
      json(res, 200, {
        success: true,
        result: {
          id,
          name: 'dns sync',
          status: 'active',
          policies: [{ id: 'p1', effect: 'allow', permission_groups: [{ id: 'g1', name: 'DNS Write' }, { id: 'g2', name: 'Zone Read' }], resources: { 'com.cloudflare.api.account.zone.*': '*' } }],
        },
      });
    });
    expect(fake.requests.map(routes)).toEqual(['GET /client/v4/user/tokens/verify', `GET /client/v4/user/tokens/${id}`]);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
    expect(cred.scope.reach).toBe('account');
    expect(cred.scope.permissions).toEqual(expect.arrayContaining([{ verb: 'delete', resourceType: 'dns-zone' }]));
  });
  it('stops after verify when the policies are not readable', async () => {
    const { fake, cred } = await live('cloudflare', credential('cloudflare', 'api-token', token), token, (r, res) =>
      r.path.endsWith('/verify')
        ? json(res, 200, { success: true, result: { id, status: 'active' } })
        : json(res, 403, { success: false, errors: [{ code: 9109, message: 'Unauthorized to access requested resource' }] }),
    );
    expect(fake.requests).toHaveLength(2);
    expect(cred.scope.evidence.map((e) => e.detail)[1]).toContain('→ 403 (policies not readable');
    expect(cred.scope.reach).toBe('unknown');
  });
});

describe('Stripe', () => {
  const token = 'sk_live_51H8x2kLw9XpR4tY7uB3mC6dF1gH5jK0qZ';
  it('GET /v1/account names the account', async () => {
    const { fake, cred } = await live('stripe', credential('stripe', 'secret-key', token), token, (_r, res) =>
      json(res, 200, { id: 'acct_1Nv0FGQ9RKHgCVdK', object: 'account', business_profile: { name: 'Acme Shop' }, country: 'US', charges_enabled: true }),
    );
    expect(fake.requests.map(routes)).toEqual(['GET /v1/account']);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(cred.scope).toMatchObject({ reach: 'account', principal: 'Stripe account acct_1Nv0FGQ9RKHgCVdK (Acme Shop)' });
    expect(cred.scope.evidence[0]!.detail).toContain('(secret live key; account acct_1Nv0FGQ9RKHgCVdK)');
  });
});

describe('Slack', () => {
  const token = 'xoxb-2345678901-3456789012345-AbCdEfGhIjKlMnOpQrStUvWx';
  it('POST auth.test and the X-OAuth-Scopes header', async () => {
    const { fake, cred } = await live('slack', credential('slack', 'bot-token', token), token, (_r, res) =>
      json(res, 200, { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'deploybot', team_id: 'T12345', user_id: 'U12345', bot_id: 'B12345' }, { 'x-oauth-scopes': 'chat:write,channels:read' }),
    );
    expect(fake.requests.map(routes)).toEqual(['POST /api/auth.test']);
    expect(fake.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' });
    expect(cred.scope).toMatchObject({ reach: 'workspace', principal: 'Slack bot deploybot in workspace Acme' });
    expect(cred.scope.permissions).toEqual([
      { verb: 'write', resourceType: 'slack-chat' },
      { verb: 'read', resourceType: 'slack-channels' },
    ]);
  });
  it('ok:false is a rejection', async () => {
    const { cred } = await live('slack', credential('slack', 'bot-token', token), token, (_r, res) => json(res, 200, { ok: false, error: 'invalid_auth' }));
    expect(cred.scope.evidence.at(-1)!.detail).toBe('Slack refused the token (invalid_auth)');
  });
});

describe('Vercel', () => {
  const token = 'vcp_l28CZ2Ej1h0IBwRwRmX5CX30AK0zHyjcAKEmIMSF5CuVKk1tI71xYcPy';
  it('GET /v5/user/tokens/current reads the token scopes', async () => {
    const { fake, cred } = await live('vercel', credential('vercel', 'personal-access-token', token), token, (_r, res) =>
      json(res, 200, { token: { id: '5d9f2ebd38ddca62e5d51e9c1704c72530bdc8bfdd41e782a6687c48399e8391', name: 'ci', type: 'token', activeAt: 1632816536002, createdAt: 1632816536002, origin: 'manual', scopes: [{ type: 'team', teamId: 'team_abc', origin: 'manual', createdAt: 1 }] } }),
    );
    expect(fake.requests.map(routes)).toEqual(['GET /v5/user/tokens/current']);
    expect(cred.scope).toMatchObject({ reach: 'workspace', principal: 'Vercel team team_abc' });
  });
});

describe('DigitalOcean, npm, OpenAI, Anthropic', () => {
  it('DigitalOcean GET /v2/account', async () => {
    const token = `dop_v1_${'ab12'.repeat(16)}`;
    const { fake, cred } = await live('digitalocean', credential('digitalocean', 'personal-access-token', token), token, (_r, res) =>
      json(res, 200, { account: { droplet_limit: 25, email: 'ops@acme.example', uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef', email_verified: true, status: 'active', team: { uuid: 't1', name: 'Acme' } } }),
    );
    expect(fake.requests.map(routes)).toEqual(['GET /v2/account']);
    expect(cred.scope.principal).toBe('DigitalOcean account ops@acme.example (team Acme)');
  });
  it('npm GET /-/whoami', async () => {
    const token = 'npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const { fake, cred } = await live('npm', credential('npm', 'access-token', token), token, (_r, res) => json(res, 200, { username: 'acme-bot' }));
    expect(fake.requests.map(routes)).toEqual(['GET /-/whoami']);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(cred.scope.principal).toBe('npm user acme-bot');
  });
  it('OpenAI GET /v1/models', async () => {
    const token = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFGH';
    const { fake, cred } = await live('openai', credential('openai', 'project-key', token), token, (_r, res) => json(res, 200, { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1, owned_by: 'system' }] }));
    expect(fake.requests.map(routes)).toEqual(['GET /v1/models']);
    expect(cred.scope.evidence[0]!.detail).toBe(`GET ${fake.url}/v1/models → 200 (1 model(s) visible)`);
  });
  it('Anthropic GET /v1/models with x-api-key', async () => {
    const token = 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-abcdEFGH';
    const { fake } = await live('anthropic', credential('anthropic', 'api-key', token), token, (_r, res) =>
      json(res, 200, { data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' }], has_more: false, first_id: 'claude-sonnet-4-5', last_id: 'claude-sonnet-4-5' }),
    );
    expect(fake.requests.map(routes)).toEqual(['GET /v1/models']);
    expect(fake.requests[0]!.headers).toMatchObject({ 'x-api-key': token, 'anthropic-version': '2023-06-01' });
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('Supabase', () => {
  it('GET /v1/projects lists the projects a management token controls, as resources', async () => {
    const token = `sbp_${'0123456789abcdef0123456789abcdef01234567'}`;
    const { fake, cred, out } = await live('supabase', credential('supabase', 'management-token', token), token, (_r, res) =>
      json(res, 200, [{ id: 'ukhtqzrvmbcwsplxdnae', organization_id: 'org1', name: 'acme-production', region: 'eu-central-1', created_at: '2024-01-01T00:00:00Z', status: 'ACTIVE_HEALTHY', database: { host: 'db.ukhtqzrvmbcwsplxdnae.supabase.co', version: '15' } }]),
    );
    expect(fake.requests.map(routes)).toEqual(['GET /v1/projects']);
    expect(cred.scope.reach).toBe('account');
    expect(out.resources).toMatchObject([{ id: 'supabase:project/ukhtqzrvmbcwsplxdnae', type: 'project', environment: 'production' }]);
  });
});

describe('AWS', () => {
  const keyId = 'AKIA4WBPN55Q5SMVZ2Z5';
  const secret = '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';
  const xml = (action: string, inner: string) =>
    `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>0-0</RequestId></ResponseMetadata></${action}Response>`;
  it('STS GetCallerIdentity (SigV4), then IAM policy reads for the user', async () => {
    const { fake, cred } = await live('aws', credential('aws', 'access-key', secret, { accessKeyId: keyId }), secret, (r, res) => {
      const action = new URLSearchParams(r.body).get('Action');
      res.writeHead(200, { 'content-type': 'text/xml' });
      if (action === 'GetCallerIdentity') return res.end(xml(action, '<Arn>arn:aws:iam::123456789012:user/dns-sync</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>'));
      if (action === 'ListAttachedUserPolicies')
        return res.end(xml(action, '<AttachedPolicies><member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>'));
      if (action === 'ListUserPolicies') return res.end(xml(action, '<PolicyNames/><IsTruncated>false</IsTruncated>'));
      res.end('');
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${new URLSearchParams(r.body).get('Action')}`)).toEqual(['POST / GetCallerIdentity', 'POST / ListAttachedUserPolicies', 'POST / ListUserPolicies']);
    for (const r of fake.requests) expect(String(r.headers.authorization)).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${keyId}/`));
    expect(cred.scope).toMatchObject({ reach: 'account', principal: 'arn:aws:iam::123456789012:user/dns-sync', confidence: 'high' });
    expect(cred.scope.permissions).toEqual(expect.arrayContaining([{ verb: 'admin', resourceType: '*' }]));
  });
});
