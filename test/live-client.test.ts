// The guarded client: allowlist (snapshot: loosening any entry fails this test), host pinning, HTTPS, redirects,
// timeout, 429 retry, concurrency limit, and no token in any evidence or error.
import { afterEach, describe, expect, it } from 'vitest';
import { ALLOWLIST, liveResolvers } from '../detectors/scopes/live/index.js';
import { describeRule } from '../src/live/allowlist.js';
import { LiveClient } from '../src/live/http.js';
import type { AllowRule, LiveProvider } from '../src/live/types.js';
import { json, startServer, type TestServer } from './servers/http.js';

const TOKEN = 'tok_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
const provider: LiveProvider = { id: 'demo', title: 'Demo', bases: { api: 'https://api.demo.example' }, env: ['BLASTRADIUS_DEMO_API_URL'] };
const rules: AllowRule[] = [
  { provider: 'demo', kind: 'http', method: 'GET', base: 'api', path: '/v1/me' },
  { provider: 'demo', kind: 'http', method: 'GET', base: 'api', path: '/v1/items/:id', params: { id: '[0-9]+' } },
  { provider: 'other', kind: 'http', method: 'GET', base: 'api', path: '/v1/secret' },
];
const auth = { authorization: `Bearer ${TOKEN}` };

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(handler: Parameters<typeof startServer>[0], host?: string) {
  const s = await startServer(handler, host);
  servers.push(s);
  return s;
}
function clientFor(url: string, extra: Partial<ConstructorParameters<typeof LiveClient>[0]> = {}) {
  const c = new LiveClient({ rules, env: { BLASTRADIUS_DEMO_API_URL: url }, ...extra });
  return { client: c, session: c.forCredential(provider, TOKEN) };
}

describe('allowlist', () => {
  it('is exactly this (any loosening — a new method, path, operation or wider parameter — fails here)', () => {
    expect(ALLOWLIST.map(describeRule)).toMatchSnapshot();
    expect(Object.isFrozen(ALLOWLIST) && ALLOWLIST.every((r) => Object.isFrozen(r))).toBe(true);
  });
  it('allows only GET, and POST for GraphQL queries, Slack auth.test and AWS query reads', () => {
    for (const r of ALLOWLIST) {
      if (r.kind === 'http' && r.method === 'POST') expect(`${r.provider} ${r.path}`).toBe('slack /api/auth.test');
      if (r.kind === 'graphql') expect(r.document).toMatch(/^query /);
      if (r.kind === 'aws-query') expect(r.operation).toMatch(/^(?:Get|List)/);
      if (r.kind === 'sql') expect(r.sql).toMatch(/^(?:BEGIN READ ONLY|SELECT |ROLLBACK$)/);
    }
  });
  it('every live provider points at its real HTTPS host by default', () => {
    const hosts = Object.fromEntries(liveResolvers.map((r) => [r.provider.id, Object.values(r.provider.bases)]));
    expect(hosts).toEqual({
      railway: ['https://backboard.railway.com'],
      github: ['https://api.github.com'],
      cloudflare: ['https://api.cloudflare.com'],
      stripe: ['https://api.stripe.com'],
      slack: ['https://slack.com'],
      vercel: ['https://api.vercel.com'],
      digitalocean: ['https://api.digitalocean.com'],
      npm: ['https://registry.npmjs.org'],
      supabase: ['https://api.supabase.com'],
      openai: ['https://api.openai.com'],
      anthropic: ['https://api.anthropic.com'],
      aws: ['https://sts.us-east-1.amazonaws.com', 'https://iam.amazonaws.com'],
      postgres: [],
    });
  });
  it('refuses a request outside the allowlist before it leaves the process', async () => {
    const s = await server((_r, res) => json(res, 200, {}));
    const { session, client } = clientFor(s.url);
    await expect(session.request({ method: 'POST', path: '/v1/me', headers: auth })).rejects.toThrow(/not on the demo allowlist/);
    await expect(session.request({ method: 'GET', path: '/v1/me/../admin', headers: auth })).rejects.toThrow(/malformed/);
    await expect(session.request({ method: 'GET', path: '/v1/items/1;drop', headers: auth })).rejects.toThrow(/not on the demo allowlist/);
    await expect(session.request({ method: 'GET', path: '/v1/secret', headers: auth })).rejects.toThrow(/not on the demo allowlist/);
    await expect(session.request({ method: 'GET', path: '//evil.example/v1/me', headers: auth })).rejects.toThrow(/malformed/);
    await expect(session.graphql('Anything', {}, auth)).rejects.toThrow(/not on the demo allowlist/);
    expect(s.requests).toEqual([]);
    expect(client.sent).toEqual([]);
    expect(session.evidence.every((e) => e.detail.startsWith('refused:'))).toBe(true);
  });
  it('sends allow-listed requests to the configured base (with its path prefix) and records them', async () => {
    const s = await server((_r, res) => json(res, 200, { ok: true }));
    const { session } = clientFor(`${s.url}/prefix/`);
    const res = await session.request({ method: 'GET', path: '/v1/items/42', headers: auth });
    session.note('item 42');
    expect(res.status).toBe(200);
    expect(s.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([`GET /prefix/v1/items/42 Bearer ${TOKEN}`]);
    expect(session.evidence).toEqual([{ source: 'live', confidence: 'high', detail: `GET ${s.url}/prefix/v1/items/42 → 200 (item 42)` }]);
  });
});

describe('transport safety', () => {
  it('refuses plain HTTP to a non-loopback host without connecting', async () => {
    let calls = 0;
    const { session } = clientFor('http://api.demo.example', { fetch: (() => (calls++, Promise.reject(new Error('no')))) as typeof fetch });
    await expect(session.request({ method: 'GET', path: '/v1/me', headers: auth })).rejects.toThrow(/not HTTPS/);
    expect(calls).toBe(0);
  });
  it('refuses base URLs carrying credentials or queries', async () => {
    const { session } = clientFor('https://user:pw@api.demo.example');
    await expect(session.request({ method: 'GET', path: '/v1/me', headers: auth })).rejects.toThrow(/must not carry/);
  });
  it('never follows a redirect to another host (and the token never reaches it)', async () => {
    const other = await server((_r, res) => json(res, 200, {}), '127.0.0.2');
    const s = await server((_r, res) => {
      res.writeHead(302, { location: `${other.url}/v1/me` });
      res.end();
    });
    const { session } = clientFor(s.url);
    await expect(session.request({ method: 'GET', path: '/v1/me', headers: auth })).rejects.toThrow(/redirect to another host/);
    expect(s.requests).toHaveLength(1);
    expect(other.requests).toEqual([]);
    expect(session.evidence.at(-1)!.detail).toBe(`GET ${s.url}/v1/me → 302 (redirect to another host refused)`);
  });
  it('honours the timeout against a server that never answers', async () => {
    const s = await server(() => undefined);
    const { session } = clientFor(s.url, { timeoutMs: 200 });
    const t0 = Date.now();
    await expect(session.request({ method: 'GET', path: '/v1/me', headers: auth })).rejects.toThrow(/timed out after 200 ms/);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(session.evidence.at(-1)!.detail).toBe(`GET ${s.url}/v1/me → timed out after 200 ms`);
  });
  it('retries once on 429, honouring Retry-After within its bound', async () => {
    const s = await server((_r, res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '30' }));
    const { session } = clientFor(s.url, { maxRetryWaitMs: 50 });
    const res = await session.request({ method: 'GET', path: '/v1/me', headers: auth });
    expect(res.status).toBe(429);
    expect(s.requests).toHaveLength(2);
    expect(session.evidence.map((e) => e.detail)).toEqual([`GET ${s.url}/v1/me → 429 (rate limited; retrying once after 50 ms)`, `GET ${s.url}/v1/me → 429`]);
  });
  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const s = await server(async (_r, res) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      json(res, 200, {});
    });
    const c = new LiveClient({ rules, env: { BLASTRADIUS_DEMO_API_URL: s.url }, concurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => c.forCredential(provider, TOKEN).request({ method: 'GET', path: '/v1/me', headers: auth })));
    expect(s.requests).toHaveLength(8);
    expect(most).toBe(2);
  });
  it('puts no token in evidence or errors, even when the server echoes it', async () => {
    const s = await server((r, res) => json(res, 200, { echo: r.headers.authorization }));
    const { session } = clientFor(s.url);
    await session.request({ method: 'GET', path: '/v1/me', headers: auth });
    session.note(`server said ${TOKEN}`);
    session.record(`failed for ${encodeURIComponent(TOKEN)}`);
    const dead = clientFor('http://127.0.0.1:1').session;
    const err = await dead.request({ method: 'GET', path: '/v1/me', headers: auth }).catch((e: Error) => e);
    const all = JSON.stringify([session.evidence, dead.evidence, String(err), (err as Error).stack]);
    expect(all).not.toContain(TOKEN);
    expect(all).toContain('[REDACTED]');
  });
});
