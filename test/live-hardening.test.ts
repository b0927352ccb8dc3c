// Live mode, the parts test/live-client.test.ts does not already prove: parameter patterns can never match a path
// separator or a dot segment, same-host redirects are not followed either, loopback look-alikes are not loopback,
// a token for one provider never reaches another provider's host, a server that stalls mid-body still times out,
// and the CLI without --live opens no connection in any format even with provider URLs configured (checked first, before
// this file starts any server of its own).
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ALLOWLIST } from '../detectors/scopes/live/index.js';
import { allowHttp } from '../src/live/allowlist.js';
import { baseUrl, isLoopback } from '../src/live/base-url.js';
import { LiveClient } from '../src/live/http.js';
import type { AllowRule, LiveProvider } from '../src/live/types.js';
import { FORMATS } from '../src/report/index.js';
import { runCli } from './helpers/cli.js';
import { trapNetwork, type Trap } from './servers/no-network.js';
import { json, startServer, type TestServer } from './servers/http.js';

const TOKEN_A = 'tok_a_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
const alpha: LiveProvider = { id: 'alpha', title: 'Alpha', bases: { api: 'https://api.alpha.example' }, env: ['BLASTRADIUS_ALPHA_API_URL'] };
const rules: AllowRule[] = [
  { provider: 'alpha', kind: 'http', method: 'GET', base: 'api', path: '/v1/me' },
  { provider: 'beta', kind: 'http', method: 'GET', base: 'api', path: '/v1/me' },
];

const servers: TestServer[] = [];
let trap: Trap | undefined;
afterEach(async () => {
  trap?.restore();
  trap = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(handler: Parameters<typeof startServer>[0], host?: string) {
  const s = await startServer(handler, host);
  servers.push(s);
  return s;
}

describe('without --live', () => {
  it('the CLI opens no connection in any format, even with every provider URL configured', async () => {
    trap = trapNetwork({ allowLoopback: false });
    const env = Object.fromEntries(['RAILWAY', 'GITHUB', 'STRIPE', 'AWS', 'SLACK', 'OPENAI'].map((p) => [`BLASTRADIUS_${p}_API_URL`, 'https://attacker.example']));
    for (const name of ['railway-incident', 'aws-dns-admin']) {
      for (const format of FORMATS) {
        const r = await runCli(['scan', fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), '-f', format, '--fail-on', 'none'], env);
        expect(r.code).toBe(0);
      }
    }
    expect(trap.attempts).toEqual([]);
  });
});

describe('allowlist parameters', () => {
  const withParams = ALLOWLIST.filter((r) => r.kind === 'http' && r.params && Object.keys(r.params).length);
  it('no parameter of any rule ever matches a path separator, a dot segment, a query, a fragment or an encoded slash', () => {
    expect(withParams.length).toBeGreaterThan(0);
    const hostile = fc.oneof(
      fc.constantFrom('.', '..', '%2F', '%2e%2e', 'a/b', 'a?b', 'a#b', 'a\\b', '', ' '),
      fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('/', '?', '#', '\\', '%2f', '%2F'), fc.string({ maxLength: 8 })).map(([a, s, b]) => a + s + b),
    );
    fc.assert(
      fc.property(fc.constantFrom(...withParams), hostile, (rule, value) => {
        const path = rule.path!.replace(/:[A-Za-z]\w*/g, value);
        expect(() => allowHttp(ALLOWLIST, rule.provider, rule.method!, rule.base ?? 'api', path)).toThrow(/allowlist/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('transport', () => {
  it('does not follow a redirect even to the same host', async () => {
    const s = await server((req, res) => {
      if (req.path === '/v1/me') {
        res.writeHead(301, { location: '/v1/admin' });
        res.end();
      } else json(res, 200, {});
    });
    const c = new LiveClient({ rules, env: { BLASTRADIUS_ALPHA_API_URL: s.url } });
    const session = c.forCredential(alpha, TOKEN_A);
    await expect(session.request({ method: 'GET', path: '/v1/me', headers: { authorization: `Bearer ${TOKEN_A}` } })).rejects.toThrow(/redirects are never followed/);
    expect(s.requests.map((r) => r.path)).toEqual(['/v1/me']);
  });

  it('treats only real loopback as loopback (plain HTTP elsewhere is refused)', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['127.0.0.1.nip.io', 'localhost.evil.example', 'evil-localhost', '0.0.0.0', '[::ffff:7f00:1]', '128.0.0.1', '10.0.0.1']) expect(isLoopback(h), h).toBe(false);
    for (const url of ['http://127.0.0.1.nip.io', 'http://localhost.evil.example:8080', 'http://0.0.0.0:80', 'ftp://127.0.0.1', 'file:///etc/passwd'])
      expect(() => baseUrl(alpha, 'api', { BLASTRADIUS_ALPHA_API_URL: url }), url).toThrow(/not HTTPS|not a URL/);
  });

  it("pins each token to its own provider's host: another provider's override and unknown bases are not used", async () => {
    const betaServer = await server((_r, res) => json(res, 200, {}));
    const alphaServer = await server((_r, res) => json(res, 200, {}));
    const env = { BLASTRADIUS_ALPHA_API_URL: alphaServer.url, BLASTRADIUS_BETA_API_URL: betaServer.url };
    const c = new LiveClient({ rules, env });
    const session = c.forCredential(alpha, TOKEN_A);
    await session.request({ method: 'GET', path: '/v1/me', headers: { authorization: `Bearer ${TOKEN_A}` } });
    await expect(session.request({ method: 'GET', base: 'beta', path: '/v1/me', headers: {} })).rejects.toThrow(/no base URL|not on the alpha allowlist/);
    expect(alphaServer.requests).toHaveLength(1);
    expect(betaServer.requests).toEqual([]);
    expect(c.sent.every((r) => r.url.startsWith(alphaServer.url))).toBe(true);
  });

  it('times out a server that sends headers and then stalls the body', async () => {
    const s = await server((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const c = new LiveClient({ rules, env: { BLASTRADIUS_ALPHA_API_URL: s.url }, timeoutMs: 200 });
    const session = c.forCredential(alpha, TOKEN_A);
    await expect(session.request({ method: 'GET', path: '/v1/me', headers: {} })).rejects.toThrow(/timed out after 200 ms/);
  });
});
