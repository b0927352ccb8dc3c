// File context and confidence: what kind of file a candidate is in, how that and the value set its confidence, which
// location a credential leads with, and how confidence reaches the report (--min-confidence, JSON, SARIF).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessCandidate, fileContextOf } from '../src/pipeline/file-context.js';
import { runCli } from './helpers/cli.js';

describe('fileContextOf', () => {
  it.each([
    ['package-lock.json', 'lockfile'],
    ['web/bun.lock', 'lockfile'],
    ['node_modules/pg/lib/client.js', 'vendored'],
    ['vendor/github.com/x/y/conn.go', 'vendored'],
    ['public/app.min.js', 'generated'],
    ['cue.mod/gen/k8s.io/api/core/v1/types_go_gen.cue', 'generated'],
    ['tests/fixtures/db.yml', 'test'],
    ['pkg/client/client_test.go', 'test'],
    ['src/__tests__/auth.ts', 'test'],
    ['examples/basic/config.yml', 'example'],
    ['config/database.yml.example', 'example'],
    ['docs/setup.md', 'docs'],
    ['README.md', 'docs'],
    ['docker-compose.yml', 'config'],
    ['src/main/resources/application.properties', 'config'],
    ['Dockerfile', 'config'],
    ['src/db.ts', 'code'],
  ])('%s is %s', (path, context) => {
    expect(fileContextOf(path).context).toBe(context);
  });

  it('says why', () => {
    expect(fileContextOf('tests/fixtures/db.yml').reason).toBe('in a test fixture (`tests/`)');
  });
});

describe('assessCandidate', () => {
  it('keeps the rule confidence in production config and code', () => {
    expect(assessCandidate('high', 'config/prod.yml', undefined, 'Tq8vLm2xQ9')).toEqual({ confidence: 'high', context: 'config', reasons: [] });
  });
  it('lowers it one step in a test, with the reason', () => {
    expect(assessCandidate('medium', 'tests/fixtures/db.yml', undefined, 'Tq8vLm2xQ9')).toEqual({ confidence: 'low', context: 'test', reasons: ['in a test fixture (`tests/`)'] });
  });
  it('puts a well-known default at low, never away', () => {
    expect(assessCandidate('high', 'Dockerfile', undefined, 'changeme')).toEqual({ confidence: 'low', context: 'config', reasons: ['value is a well-known default password'] });
  });
});

describe('confidence in the report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'br-confidence-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const w = (p: string, c: string) => {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  };
  w('tests/fixtures/app.yml', 'db:\n  password: Hq2v9xLpW4\n');
  w('config/production.yml', 'db:\n  password: Hq2v9xLpW4\n');
  w('docker/Dockerfile', 'FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n');
  w('k8s/db-secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: VHE4dkxtMng9x\n');

  type Report = {
    findings: Array<{ ruleId: string; severity: string; confidence: string; confidenceReasons?: string[]; locations: Array<{ path: string }> }>;
    credentials: Array<{ confidence: string; fileContext: string; locations: Array<{ path: string; fileContext: string }> }>;
  };

  it('leads with the production config, not the test, and keeps both locations', async () => {
    const r = JSON.parse((await runCli(['scan', dir, '-f', 'json', '--fail-on', 'none'])).stdout) as Report;
    const f = r.findings.find((x) => x.ruleId === 'hardcoded-credential' && x.locations.some((l) => l.path === 'config/production.yml'))!;
    expect(f.locations.map((l) => l.path)).toEqual(['config/production.yml', 'tests/fixtures/app.yml']);
    const cred = r.credentials.find((c) => c.locations.length === 2)!;
    expect(cred.fileContext).toBe('config');
    expect(cred.locations.map((l) => l.fileContext)).toEqual(['config', 'test']);
  });

  it('reports a well-known default at low severity with the reason, below the default gate', async () => {
    const res = await runCli(['scan', dir, '-f', 'json']);
    const r = JSON.parse(res.stdout) as Report;
    const f = r.findings.find((x) => x.ruleId === 'hardcoded-credential' && x.locations[0]!.path === 'docker/Dockerfile')!;
    expect(f).toMatchObject({ severity: 'low', confidence: 'low' });
    expect(f.confidenceReasons).toContain('value is a well-known default password');
    const gating = r.findings.filter((x) => x.severity === 'high' || x.severity === 'critical');
    expect(gating.some((x) => x.locations.some((l) => l.path === 'docker/Dockerfile'))).toBe(false);
  });

  it('--min-confidence medium leaves low-confidence findings out; SARIF carries each result’s precision', async () => {
    const r = JSON.parse((await runCli(['scan', dir, '-f', 'json', '--fail-on', 'none', '--min-confidence', 'medium'])).stdout) as Report;
    expect(r.findings.some((x) => x.ruleId === 'hardcoded-credential' && x.locations[0]!.path === 'docker/Dockerfile')).toBe(false);
    expect(r.findings.some((x) => x.ruleId === 'hardcoded-credential' && x.locations[0]!.path === 'config/production.yml')).toBe(true);
    expect(r.findings.every((x) => x.confidence !== 'low')).toBe(true);
    const sarif = JSON.parse((await runCli(['scan', dir, '-f', 'sarif', '--fail-on', 'none'])).stdout) as { runs: Array<{ results: Array<{ properties: { precision: string; confidence: string } }> }> };
    for (const res of sarif.runs[0]!.results) expect(res.properties.precision).toBe(res.properties.confidence);
  });

  it('reports a Secret value that is not valid base64 as written, at low confidence with the reason', async () => {
    const res = await runCli(['scan', dir, '-f', 'json', '--fail-on', 'none']);
    const r = JSON.parse(res.stdout) as Report;
    const f = r.findings.find((x) => x.ruleId === 'hardcoded-credential' && x.locations[0]!.path === 'k8s/db-secret.yaml')!;
    expect(f).toMatchObject({ severity: 'low', confidence: 'low', confidenceReasons: ['the value under `data:` is not valid base64; reported as written'] });
  });

  it('rejects an unknown --min-confidence with the allowed values', async () => {
    const r = await runCli(['scan', dir, '--min-confidence', 'sure']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('expected one of high, medium, low');
  });
});
