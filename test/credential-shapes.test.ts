// fixtures/credential-shapes end to end: credentials in the shapes real code holds them (a recorded Basic header, a
// NATS .creds file, a SQL role, a MySQL password on a command line, a TOTP seed in a spec) are each found once, at
// their line, with what decoding them established (also a recorded Bearer request, a CI token flag, an AWS pair at both
// its lines, committed vendored code); no raw value or decoded password appears in any format (the
// fixture's .secrets.json is read by test/secret-hygiene.test.ts).
import { describe, expect, it } from 'vitest';
import { scanDirectory } from '../src/scan.js';

describe('fixtures/credential-shapes', async () => {
  const result = await scanDirectory('fixtures/credential-shapes');
  const at = (ruleId: string) => {
    const found = result.credentials.filter((c) => c.ruleId === ruleId);
    expect(found, ruleId).toHaveLength(1);
    const [c] = found;
    return { c: c!, where: `${c!.locations[0]!.path}:${c!.locations[0]!.startLine}` };
  };

  it('decodes the Basic header to its user, without keeping the password', () => {
    const { c, where } = at('http-basic-authorization');
    expect(where).toBe('tests/cassettes/reports.yml:7');
    expect(c.attributes.user).toBe('svc-reports');
    expect(JSON.stringify(c)).not.toContain('Vr8kLq2zXw4Tn');
  });

  it('verifies the NKEY seed checksum and names its kind', () => {
    const { c, where } = at('nats-nkey-seed');
    expect(where).toBe('nats/ingest.creds:10');
    expect(c.attributes).toMatchObject({ kind: 'user', checksum: 'verified' });
    expect(c.confidence).toBe('high');
  });

  it('finds the SQL role password, the mysql -p password and the TOTP seed at their lines', () => {
    expect(at('sql-with-password').where).toBe('db/init.sql:2');
    expect(at('mysql-inline-password').where).toBe('scripts/restore.sh:3');
    expect(at('otp-seed-literal').where).toBe('spec/two_factor_spec.rb:3');
  });

  it('finds a Bearer token in a recorded .http request and a token passed to an uploader on the command line', () => {
    expect(at('http-bearer-token').where).toBe('requests/reports.http:3');
    expect(at('cli-token-flag').where).toBe('.github/workflows/nightly.yml:13');
  });

  it('keeps an AWS pair as one credential located at both of its lines', () => {
    const { c } = at('aws-access-key');
    expect(c.locations.map((l) => `${l.path}:${l.startLine}`)).toEqual(['.github/workflows/nightly.yml:12', '.github/workflows/nightly.yml:11']);
    expect(c.locations.map((l) => l.part ?? false)).toEqual([false, true]);
    expect(c.attributes.accessKeyId).toBe('AKIA4WBPN55Q7TRVZ2Q6');
  });

  it('reads committed vendored code, at low confidence with the reason', () => {
    const { c, where } = at('assigned-credential');
    expect(where).toBe('vendor/github.com/acme/dbclient/dsn_test.go:3');
    expect(c.confidence).toBe('low');
    expect(c.confidenceReasons.join('; ')).toContain('vendored third-party code');
  });

  it('finds nothing else', () => {
    expect(result.credentials).toHaveLength(9);
  });
});

describe('data records', () => {
  it('many values bound to one name in one folder are records: reported at low confidence with the reason', async () => {
    const { scanRepo } = await import('./helpers/scan.js');
    const hex = (i: number) => `4a310c6fe377547f9050b5204359e4df13e1${(1000 + i * 7919).toString(16).padStart(4, '0')}`;
    const repo: Record<string, string> = { '.env.production': 'BILLING_API_TOKEN=9f8e2c41b7d04a6e8c3f5a1b2d7e9c40\n' };
    for (let i = 0; i < 6; i++) repo[`debug_dumps/activity_${i}.json`] = `{\n  "id": ${i},\n  "embed_token": "${hex(i)}"\n}\n`;
    const result = await scanRepo(repo);
    const dumps = result.credentials.filter((c) => c.locations[0]!.path.startsWith('debug_dumps/'));
    expect(dumps).toHaveLength(6);
    for (const c of dumps) {
      expect(c.confidence).toBe('low');
      expect(c.confidenceReasons).toContain('one of 6 different values bound to `embed_token` in this folder (data records, not configuration)');
    }
    const config = result.credentials.find((c) => c.locations[0]!.path === '.env.production')!;
    expect(config.confidence).not.toBe('low');
  });
});
