// The PostgreSQL live resolver against a real server (Debian's postgresql package; .ci/run installs it): it logs in,
// reads role attributes and ownership in a READ ONLY transaction, rolls back, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFiles } from '../src/scan.js';
import { postgresBin, startCluster, type PgCluster } from './servers/postgres.js';
import { trapNetwork } from './servers/no-network.js';

const bin = postgresBin();
if (!bin) console.warn('live-postgres: SKIPPED — no PostgreSQL binaries under /usr/lib/postgresql (install the postgresql package; .ci/run does)');

describe.skipIf(!bin)('PostgreSQL live resolution (real server)', () => {
  let pg: PgCluster;
  const APP_PW = 'Xk29vQm7RtL4wPz8';
  const ADMIN_PW = 'Hs61nBc3YuJ9eKd2';
  beforeAll(async () => {
    pg = await startCluster(bin!);
    pg.psql(`CREATE ROLE app_owner LOGIN PASSWORD '${APP_PW}'`);
    pg.psql('CREATE DATABASE orders OWNER app_owner');
    pg.psql(`CREATE ROLE postgres LOGIN PASSWORD '${ADMIN_PW}' NOSUPERUSER`);
    pg.psql(`CREATE ROLE reporting LOGIN SUPERUSER PASSWORD '${ADMIN_PW}'`);
  });
  afterAll(() => pg?.stop());

  const scan = (url: string) => scanFiles('t', [{ path: '.env.production', text: `DATABASE_URL=${url}\n` }], { live: { providers: ['postgres'], timeoutMs: 5000 } });

  it('an application role that owns its database: can drop it; not a superuser', async () => {
    const url = `postgresql://app_owner:${APP_PW}@127.0.0.1:${pg.port}/orders`;
    const trap = trapNetwork({ allowLoopback: true });
    const before = pg.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'blastradius'");
    let result;
    try {
      result = await scan(url);
    } finally {
      trap.restore();
    }
    expect(before).toBe('0\n');
    const cred = result.credentials.find((c) => c.provider === 'postgres')!;
    expect(cred.scope).toMatchObject({ reach: 'resource', principal: 'postgres role app_owner on 127.0.0.1', confidence: 'high' });
    expect(cred.scope.permissions).toEqual(expect.arrayContaining([{ verb: 'delete', resourceType: 'database', resource: '127.0.0.1' }]));
    const live = cred.scope.evidence.filter((e) => e.source === 'live').map((e) => e.detail);
    expect(live).toEqual([
      `postgres connect 127.0.0.1:${pg.port}/orders as app_owner → connected`,
      'SQL BEGIN READ ONLY… → 0 row(s)',
      'SQL SELECT r.rolname, r.rolsuper,… → 1 row(s)',
      'SQL SELECT current_database() AS… → 1 row(s) (owns database orders)',
      'SQL ROLLBACK… → 0 row(s)',
      'PostgreSQL role app_owner: owns database orders (read in a read-only transaction, rolled back)',
    ]);
    expect(JSON.stringify(result.credentials)).not.toContain(APP_PW);
    expect(trap.attempts.filter((a) => !/127\.0\.0\.1|localhost/.test(a))).toEqual([]);
    // Disconnected afterwards.
    expect(pg.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'blastradius'")).toBe('0\n');
  });

  it('says so when the role name suggests a superuser and the server says otherwise', async () => {
    const result = await scan(`postgresql://postgres:${ADMIN_PW}@127.0.0.1:${pg.port}/postgres`);
    const cred = result.credentials.find((c) => c.provider === 'postgres')!;
    expect(cred.scope.conflict).toBe('The role name suggested an administrative role, but PostgreSQL says postgres is not a superuser.');
    expect(cred.scope.permissions).toEqual([
      { verb: 'read', resourceType: 'database', resource: '127.0.0.1' },
      { verb: 'write', resourceType: 'database', resource: '127.0.0.1' },
    ]);
  });

  it('a superuser with an ordinary name: admin, with a conflict', async () => {
    const result = await scan(`postgresql://reporting:${ADMIN_PW}@127.0.0.1:${pg.port}/postgres`);
    const cred = result.credentials.find((c) => c.provider === 'postgres')!;
    expect(cred.scope.permissions).toEqual([{ verb: 'admin', resourceType: 'database', resource: '127.0.0.1' }]);
    expect(cred.scope.conflict).toBe('The role name did not suggest an administrative role, but PostgreSQL says reporting is a superuser.');
  });

  it('a wrong password is recorded without the password', async () => {
    const result = await scan(`postgresql://app_owner:Wr0ngPassw0rd99x@127.0.0.1:${pg.port}/orders`);
    const cred = result.credentials.find((c) => c.provider === 'postgres')!;
    expect(cred.scope.evidence.find((e) => e.source === 'live')!.detail).toMatch(/^postgres connect 127\.0\.0\.1:\d+\/orders as app_owner → failed: password authentication failed/);
    expect(JSON.stringify(cred)).not.toContain('Wr0ngPassw0rd99x');
  });
});
