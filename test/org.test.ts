// Organisation scans end to end: `org plan` against the fake GitHub API (pagination, filters, a secondary rate limit),
// per-repository reports from real scans of the fixtures, `merge` with every kind of bad artifact, the organisation
// rules' own examples, keyed fingerprints, and no raw secret in any merged output.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { runCli } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub } from './servers/github-api.js';
import { mergeReports, reportFiles } from '../src/org/merge.js';
import { orgRules, type ExampleReport } from '../src/org/org-rules.js';
import { planShards } from '../src/org/plan.js';
import { rateLimitWait } from '../src/org/list-repos.js';
import { fingerprintSecret, FINGERPRINT_KEY_ENV } from '../src/core/secrets.js';
import { REPORT_VERSION } from '../src/report/json.js';
import { validateSarif } from './helpers/sarif-schema.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'br-org-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const planted = (JSON.parse(readFileSync(join(ROOT, 'fixtures', 'railway-incident.secrets.json'), 'utf8')) as { secrets: string[] }).secrets;

/** The JSON report an example stands for, with only the fields the organisation rules read. */
function exampleReport(r: ExampleReport) {
  return {
    version: REPORT_VERSION,
    tool: { name: 'blastradius', version: 'test' },
    credentials: (r.credentials ?? []).map((c) => ({
      fingerprint: c.fingerprint,
      provider: c.provider,
      type: c.type ?? 'token',
      preview: '… (40)',
      environments: c.environments ?? ['unknown'],
      locations: [{ path: c.path ?? '.env', startLine: 1 }],
      scope: { reach: c.reach ?? 'unknown', principal: c.principal, permissions: (c.deletes ?? []).map((t) => ({ verb: 'delete', resourceType: t })) },
    })),
    resources: [
      ...(r.resources ?? []),
      ...(r.ciSecrets ?? []).map((c, i) => ({
        id: `gha:.github/workflows/ci.yml#job${i}`,
        provider: 'github',
        type: 'workflow-job',
        name: `CI / job${i}`,
        environment: c.environment ?? 'unknown',
        location: { path: '.github/workflows/ci.yml', startLine: 10 + i },
        attributes: { secrets: [c.name], ...(c.deployEnvironment ? { deployEnvironment: c.deployEnvironment } : {}) },
      })),
    ],
    findings: (r.agentReads ?? []).map((a) => ({ ruleId: 'agent-can-read-destructive-credential', severity: 'critical', credentialFingerprints: [a.fingerprint], resourceIds: a.resourceIds ?? [], locations: [{ path: '.env', startLine: 1 }] })),
  };
}

describe('organisation rules: every rule runs its own examples', () => {
  for (const rule of orgRules) {
    for (const [i, ex] of rule.examples.entries()) {
      it(`${rule.meta.id}: ${ex.name}`, () => {
        const dir = join(tmp, `ex-${rule.meta.id}-${i}`);
        mkdirSync(dir, { recursive: true });
        for (const [repo, report] of Object.entries(ex.repos)) writeFileSync(join(dir, `${repo.replace('/', '__')}.json`), JSON.stringify(exampleReport(report)));
        const orgSecrets = ex.orgSecrets ? { org: 'acme', secrets: ex.orgSecrets, diagnostics: [] } : undefined;
        const found = rule.check(mergeReports(reportFiles([dir]), { orgSecrets }));
        expect(found.length > 0, ex.name).toBe(ex.fires);
        if (ex.mentions) expect(found.map((f) => `${f.message}\n${f.chain.join('\n')}`).join('\n')).toContain(ex.mentions);
      });
    }
  }
});

describe('matrix shards', () => {
  it('covers every repository in at most 256 jobs, shards differing by at most one', () => {
    const repos = Array.from({ length: 600 }, (_, i) => ({ fullName: `acme/r${i}`, defaultBranch: 'main', archived: false, fork: false, topics: [] }));
    const plan = planShards(repos);
    expect(plan.shards).toHaveLength(256);
    const sizes = plan.shards.map((s) => s.repos.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(new Set(plan.shards.flatMap((s) => s.repos)).size).toBe(600);
    expect(planShards(repos.slice(0, 3), 10).shards).toHaveLength(3);
    expect(() => planShards(repos, 300)).toThrow('max jobs must be 1-256, got 300');
  });
  it('reads retry-after and the primary limit reset', () => {
    expect(rateLimitWait({ status: 403, response: { headers: { 'retry-after': '7' } } }, 0)).toBe(7);
    expect(rateLimitWait({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '130' } } }, 100)).toBe(30);
    expect(rateLimitWait({ status: 403, response: { headers: {} } }, 0)).toBeUndefined();
    expect(rateLimitWait({ status: 404 }, 0)).toBeUndefined();
  });
});

describe('keyed fingerprints', () => {
  it('join across scans with one key, differ from the unkeyed and other keys, never reveal the value', () => {
    const value = 'hunter2-short';
    const plain = fingerprintSecret(value);
    process.env[FINGERPRINT_KEY_ENV] = 'org-key-A';
    const a1 = fingerprintSecret(value);
    const a2 = fingerprintSecret(value);
    process.env[FINGERPRINT_KEY_ENV] = 'org-key-B';
    const b = fingerprintSecret(value);
    delete process.env[FINGERPRINT_KEY_ENV];
    expect(plain).toMatch(/^cred_[0-9a-f]{16}$/);
    expect(a1).toMatch(/^credk_[0-9a-f]{16}$/);
    expect(a1).toBe(a2);
    expect(new Set([plain, a1, b]).size).toBe(3);
  });
});

describe('org plan → per-repository scans → merge', () => {
  let gh: FakeGitHub;
  const work = join(tmp, 'org');
  const reports = join(work, 'reports');
  beforeAll(async () => {
    gh = await startFakeGitHub({
      rateLimited: 1,
      orgRepos: {
        acme: [
          { name: 'api', topics: ['service'] },
          { name: 'tools', topics: ['service', 'internal'] },
          { name: 'web', topics: ['service'] },
          { name: 'old', archived: true, topics: ['service'] },
          { name: 'fork-of-x', fork: true, topics: ['service'] },
          { name: 'docs' },
          ...Array.from({ length: 120 }, (_, i) => ({ name: `lib-${i}` })),
        ],
      },
    });
    mkdirSync(reports, { recursive: true });
  });
  afterAll(() => gh.close());

  it('lists every page, filters, waits out the rate limit and says so', async () => {
    const r = await runCli(['org', 'plan', '--org', 'acme', '--topic', 'service', '--max-jobs', '2', '-o', join(work, 'plan.json')], { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: gh.url });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('GitHub rate limit on GET /orgs/acme/repos: waiting 1 s (attempt 1 of 5)');
    const plan = JSON.parse(readFileSync(join(work, 'plan.json'), 'utf8')) as { repositories: number; shards: Array<{ repos: string[] }> };
    expect(plan.repositories).toBe(3);
    expect(plan.shards.flatMap((s) => s.repos).sort()).toEqual(['acme/api@main', 'acme/tools@main', 'acme/web@main']);
    // 126 repositories at 100 a page: the rate-limited try, then two pages.
    expect(gh.requests.filter((q) => q.path.startsWith('/orgs/acme/repos'))).toHaveLength(3);
  });

  it('needs a token and a valid pattern', async () => {
    expect((await runCli(['org', 'plan', '--org', 'acme'], {})).stderr).toContain('org plan needs a token in GITHUB_TOKEN');
    expect((await runCli(['org', 'plan', '--org', 'acme', '--name-pattern', '('], { GITHUB_TOKEN: 'x' })).stderr).toContain('--name-pattern: not a regular expression: (');
  });

  it('merges real reports, lists every bad artifact and finds what only the organisation view shows', async () => {
    // acme/tools and acme/api both hold the incident's Railway workspace token; acme/web is the hardened twin.
    for (const [repo, fixture] of [['acme/tools', 'railway-incident'], ['acme/api', 'railway-incident'], ['acme/web', 'railway-hardened']] as const) {
      const dir = join(work, 'checkouts', repo);
      cpSync(join(ROOT, 'fixtures', fixture), dir, { recursive: true });
      const out = join(reports, `${repo.replace('/', '__')}.json`);
      expect((await runCli(['scan', dir, '--format', 'json', '--fail-on', 'none', '-o', out, '-q'])).code).toBe(0);
    }
    writeFileSync(join(reports, 'acme__broken.json'), '{"version": "1.0.0", "tool": {"na');
    writeFileSync(join(reports, 'acme__other.json'), JSON.stringify({ version: '8.0', tool: { name: 'gitleaks' } }));
    writeFileSync(join(reports, 'acme__future.json'), JSON.stringify({ version: '2.0.0', tool: { name: 'blastradius' } }));
    writeFileSync(join(reports, 'acme__gone.error.txt'), 'fatal: repository not found\n');
    writeFileSync(join(work, 'expect.json'), JSON.stringify({ shards: [{ shard: 0, repos: ['acme/tools@main', 'acme/api@main', 'acme/web@main', 'acme/lost@main'] }] }));

    const r = await runCli(['merge', reports, '--format', 'json', '--expect', join(work, 'expect.json')]);
    expect(r.code).toBe(0);
    const org = JSON.parse(r.stdout) as {
      summary: { repositoriesCovered: number; repositoriesFailed: number };
      findings: Array<{ ruleId: string; repositories: string[]; severity: string }>;
      diagnostics: Array<{ code: string; source: string }>;
    };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'org-report.schema.json'), 'utf8')));
    expect(validate(org), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(org.summary.repositoriesCovered).toBe(3);
    expect(org.summary.repositoriesFailed).toBe(2);
    expect(org.diagnostics.map((d) => d.code).sort()).toEqual(['missing-report', 'not-a-report', 'not-json', 'scan-failed', 'schema-version']);
    const shared = org.findings.find((f) => f.ruleId === 'org-credential-in-several-repositories');
    expect(shared?.repositories).toEqual(['acme/api', 'acme/tools']);
    expect(shared?.severity).toBe('high');
    const agents = org.findings.find((f) => f.ruleId === 'org-agent-readable-production-credentials');
    expect(agents?.repositories).toEqual(expect.arrayContaining(['acme/api', 'acme/tools']));
    expect(agents?.repositories).not.toContain('acme/web');

    for (const format of ['table', 'json', 'markdown']) {
      const out = await runCli(['merge', reports, '--format', format]);
      for (const s of planted) expect(out.stdout.includes(s), `${s.slice(0, 4)}… in merged ${format}`).toBe(false);
    }
    expect((await runCli(['merge', reports, '--fail-on', 'high'])).code).toBe(1);

    // SARIF: one valid log per covered repository, each with the findings located in it and naming its repository.
    expect((await runCli(['merge', reports, '--format', 'sarif'])).stderr).toContain('--format sarif writes one log per repository: give --out-dir <dir>');
    const sarifDir = join(work, 'sarif');
    const s = await runCli(['merge', reports, '--format', 'sarif', '--out-dir', sarifDir]);
    expect(s.code).toBe(0);
    expect(s.stderr).toContain(`3 SARIF log(s) in ${sarifDir}`);
    expect(readdirSync(sarifDir).sort()).toEqual(['acme__api.sarif', 'acme__tools.sarif', 'acme__web.sarif']);
    for (const file of readdirSync(sarifDir)) {
      const text = readFileSync(join(sarifDir, file), 'utf8');
      for (const p of planted) expect(text.includes(p), `${p.slice(0, 4)}… in ${file}`).toBe(false);
      const log = JSON.parse(text) as { runs: Array<{ versionControlProvenance: Array<{ repositoryUri: string }>; results: Array<{ ruleId: string; locations: unknown[] }> }> };
      expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
      expect(log.runs[0]!.versionControlProvenance[0]!.repositoryUri).toBe(`https://github.com/${file.replace('__', '/').replace(/\.sarif$/, '')}`);
    }
    const tools = JSON.parse(readFileSync(join(sarifDir, 'acme__tools.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(tools.runs[0]!.results.map((x) => x.ruleId)).toContain('org-credential-in-several-repositories');
    const web = JSON.parse(readFileSync(join(sarifDir, 'acme__web.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(web.runs[0]!.results.map((x) => x.ruleId)).not.toContain('org-credential-in-several-repositories');
  });
});
