// Offline by default: a scan without --live opens no connection at all; with --live, credentials whose provider is
// uncertain go nowhere; the CLI prints whom it will contact before contacting anyone.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { scanDirectory, scanFiles } from '../src/scan.js';
import { main } from '../src/cli/cli.js';
import { trapNetwork, type Trap } from './servers/no-network.js';
import { incidentWorld, startRailway } from './servers/railway.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
let trap: Trap | undefined;
afterEach(() => {
  trap?.restore();
  trap = undefined;
});

describe('without --live', () => {
  it('makes zero network requests (fetch and every socket are trapped)', async () => {
    trap = trapNetwork({ allowLoopback: false });
    for (const name of ['railway-incident', 'aws-dns-admin', 'railway-hardened']) {
      const result = await scanDirectory(fixture(name));
      expect(result.credentials.every((c) => c.scope.evidence.every((e) => e.source !== 'live'))).toBe(true);
    }
    expect(trap.attempts).toEqual([]);
  });
});

describe('with --live, uncertain credentials are never sent', () => {
  it('a bare UUID without Railway context, a generic high-entropy string and a Railway-named non-token go nowhere', async () => {
    trap = trapNetwork({ allowLoopback: false });
    const plans: unknown[] = [];
    const result = await scanFiles(
      't',
      [
        { path: '.env', text: 'REQUEST_ID=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f\nAPI_SECRET=Zq8vN2kLw9XpR4tY7uB3mC6dF1gH5jK0\nRAILWAY_PROJECT_ID=7d2e9c4b-1a6f-4b3e-8c5d-9e0f1a2b3c4d\n' },
        { path: 'src/app.ts', text: "const SESSION_SECRET = 'b7f3e9a1c5d2048e6f1a3b5c7d9e0f2a4b6c8d0e';\n" },
      ],
      { live: { onPlan: (p) => plans.push(p), env: {} } },
    );
    expect(result.credentials.length).toBeGreaterThan(0);
    expect(plans).toEqual([[]]);
    expect(trap.attempts).toEqual([]);
  });
});

describe('CLI --live', () => {
  it('prints which providers it will contact before contacting them, and only those in --live-providers', async () => {
    const server = await startRailway(incidentWorld('52d9c279-d566-4785-be18-2a01d06f6f0a'));
    trap = trapNetwork({ allowLoopback: true });
    let stderr = '';
    let planBeforeFirstRequest: boolean | undefined;
    const io = {
      stdout: () => undefined,
      stderr: (s: string) => void (stderr += s),
      isTTY: false,
      env: { BLASTRADIUS_RAILWAY_API_URL: server.url },
    };
    const original = server.requests.push.bind(server.requests);
    server.requests.push = (...items) => {
      planBeforeFirstRequest ??= stderr.includes('read-only requests will go to');
      return original(...items);
    };
    try {
      const code = await main([fixture('railway-incident'), '--live', '--live-providers', 'railway', '-f', 'json', '-q', '--fail-on', 'none'], io);
      expect(code).toBe(0);
    } finally {
      await server.close();
    }
    expect(stderr).toContain(`railway      127.0.0.1:${server.port} (1 credential)`);
    expect(stderr).not.toMatch(/github|postgres/);
    expect(planBeforeFirstRequest).toBe(true);
    expect(trap.attempts.filter((a) => !a.includes('127.0.0.1'))).toEqual([]);
  });
  it('rejects --live-providers without --live and unknown providers (exit 2)', async () => {
    let err = '';
    const io = { stdout: () => undefined, stderr: (s: string) => void (err += s), isTTY: false, env: {} };
    expect(await main([fixture('railway-hardened'), '--live-providers', 'railway'], io)).toBe(2);
    expect(err).toContain('--live-providers needs --live');
    expect(await main([fixture('railway-hardened'), '--live', '--live-providers', 'gitlab'], io)).toBe(2);
    expect(err).toContain('unknown provider gitlab');
  });
});
