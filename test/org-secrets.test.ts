// Organisation Actions secrets end to end: `org secrets` against the fake GitHub API (every page of secrets and of a
// secret's selected repositories, `private` visibility, the primary rate limit, a refused secret, a token without the
// "Secrets" permission), then `merge --org-secrets` over real scans of the fixtures, with every kind of bad inventory.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { runCli } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub } from './servers/github-api.js';
import { mergeReports, reportFiles } from '../src/org/merge.js';
import { runOrgRules } from '../src/org/org-rules.js';
import { readOrgSecrets } from '../src/org/secrets-inventory.js';
import { orgGraph } from '../src/org/org-graph.js';
import { safeId } from '../src/report/graph-model.js';
import { CSP } from '../src/report/html.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'br-org-secrets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const planted = (JSON.parse(readFileSync(join(ROOT, 'fixtures', 'railway-incident.secrets.json'), 'utf8')) as { secrets: string[] }).secrets;
const schema = (name: string) => new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')));

interface Inventory {
  org: string;
  error?: string;
  secrets: Array<{ name: string; visibility: string; repositories?: string[]; error?: string }>;
}
interface OrgJson {
  findings: Array<{ ruleId: string; repositories: string[]; severity: string; confidence: string; message: string; chain: string[]; locations: Array<{ repository: string; path: string }> }>;
  diagnostics: Array<{ code: string; source: string; message: string }>;
}

const REFUSED = 'GitHub answered 403 to GET /orgs/acme/actions/secrets: forbidden; the token needs the organisation permission "Secrets" (read)';

describe('org secrets → merge --org-secrets', () => {
  let gh: FakeGitHub;
  let refusing: FakeGitHub;
  const reports = join(tmp, 'reports');
  const inventory = join(tmp, 'org-secrets.json');
  const libs = Array.from({ length: 130 }, (_, i) => `lib-${i}`);

  beforeAll(async () => {
    gh = await startFakeGitHub({
      secretsRateLimited: 1,
      orgRepos: {
        acme: [
          { name: 'api', visibility: 'private' },
          { name: 'tools', visibility: 'internal' },
          { name: 'web', visibility: 'private' },
          { name: 'docs', visibility: 'public' },
          ...libs.map((name) => ({ name, visibility: 'public' as const })),
        ],
      },
      orgSecrets: {
        acme: [
          // The incident's workspace token, shared with the two services that deploy with it (and 130 libraries).
          { name: 'RAILWAY_API_TOKEN', visibility: 'selected', repositories: ['tools', 'api', ...libs] },
          { name: 'RAILWAY_TOKEN', visibility: 'private' },
          { name: 'BACKUP_DATABASE_URL', visibility: 'selected', repositories: ['web'], repositoriesStatus: 403 },
          ...Array.from({ length: 110 }, (_, i) => ({ name: `UNUSED_${i}`, visibility: 'all' as const })),
        ],
      },
    });
    refusing = await startFakeGitHub({ secretsStatus: 403 });
    mkdirSync(reports, { recursive: true });
    for (const [repo, fixture] of [['acme/tools', 'railway-incident'], ['acme/api', 'railway-incident'], ['acme/web', 'railway-hardened']] as const) {
      const dir = join(tmp, 'checkouts', repo);
      cpSync(join(ROOT, 'fixtures', fixture), dir, { recursive: true });
      expect((await runCli(['scan', dir, '--format', 'json', '--fail-on', 'none', '-o', join(reports, `${repo.replace('/', '__')}.json`), '-q'])).code).toBe(0);
    }
  });
  afterAll(() => {
    gh.close();
    refusing.close();
  });

  it('lists every secret and who can use it, waits out the primary rate limit, records a refused secret', async () => {
    const r = await runCli(['org', 'secrets', '--org', 'acme', '-o', inventory], { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: gh.url });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/GitHub rate limit on GET \/orgs\/acme\/actions\/secrets: waiting [01] s \(attempt 1 of 5\)/);
    expect(r.stderr).toContain('blastradius org secrets: BACKUP_DATABASE_URL: GitHub answered 403 to GET /orgs/acme/actions/secrets/BACKUP_DATABASE_URL/repositories: forbidden');
    expect(r.stderr).toContain('blastradius org secrets: 113 organisation secret(s) of acme, 1 without their repositories');
    const inv = JSON.parse(readFileSync(inventory, 'utf8')) as Inventory;
    const validate = schema('org-secrets.schema.json');
    expect(validate(inv), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const byName = new Map(inv.secrets.map((s) => [s.name, s]));
    expect(byName.get('RAILWAY_API_TOKEN')?.repositories).toHaveLength(132);
    expect(byName.get('RAILWAY_TOKEN')?.repositories).toEqual(['acme/api', 'acme/tools', 'acme/web']);
    expect(byName.get('UNUSED_0')).toEqual({ name: 'UNUSED_0', visibility: 'all', updatedAt: '2026-02-01T09:00:00Z' });
    const paths = gh.requests.map((q) => new URL(q.path, 'http://x').pathname);
    // The rate-limited try, then two pages of 113 secrets; two pages of 132 selected repositories; one listing of
    // repositories for the `private` secret.
    expect(paths.filter((x) => x === '/orgs/acme/actions/secrets')).toHaveLength(3);
    expect(paths.filter((x) => x === '/orgs/acme/actions/secrets/RAILWAY_API_TOKEN/repositories')).toHaveLength(2);
    expect(paths.filter((x) => x === '/orgs/acme/repos')).toHaveLength(2);
  });

  it('merge reports the organisation secret behind two repositories, and the refused secret as a diagnostic', async () => {
    const r = await runCli(['merge', reports, '--format', 'json', '--org-secrets', inventory]);
    expect(r.code).toBe(0);
    const org = JSON.parse(r.stdout) as OrgJson;
    const validate = schema('org-report.schema.json');
    expect(validate(org), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const shared = org.findings.filter((f) => f.ruleId === 'org-organisation-secret-in-many-repositories');
    // RAILWAY_TOKEN is used by acme/web alone: not shared; the 130 libraries use nothing.
    expect(shared).toHaveLength(1);
    expect(shared[0]!.repositories).toEqual(['acme/api', 'acme/tools']);
    expect(shared[0]!.severity).toBe('high');
    expect(shared[0]!.confidence).toBe('medium');
    expect(shared[0]!.message).toBe(
      'Organisation secret RAILWAY_API_TOKEN (visible to 132 selected repositories) is used by CI in 2 repositories (acme/api, acme/tools), for production in 2: revoking it breaks all of them, and a leak from any of them exposes every one.',
    );
    expect(shared[0]!.chain[0]).toBe('GitHub API: acme has organisation secret RAILWAY_API_TOKEN, visibility selected, updated 2026-02-01T09:00:00Z');
    expect(shared[0]!.chain[1]).toMatch(/^production: 2 repositories — acme\/api \.github\/workflows\/deploy\.yml:\d+, acme\/tools/);
    expect(shared[0]!.locations.map((l) => `${l.repository} ${l.path}`)).toEqual(['acme/api .github/workflows/deploy.yml', 'acme/tools .github/workflows/deploy.yml']);
    expect(org.diagnostics).toEqual([
      {
        source: inventory,
        code: 'org-secrets',
        message: 'secret BACKUP_DATABASE_URL: its repositories were not listed: GitHub answered 403 to GET /orgs/acme/actions/secrets/BACKUP_DATABASE_URL/repositories: forbidden; the token needs the organisation permission "Secrets" (read); left out',
      },
    ]);
    for (const format of ['table', 'json', 'markdown']) {
      const out = await runCli(['merge', reports, '--format', format, '--org-secrets', inventory]);
      expect(out.stdout).toMatch(/RAILWAY\\?_API\\?_TOKEN/);
      for (const s of planted) expect(out.stdout.includes(s), `${s.slice(0, 4)}… in merged ${format}`).toBe(false);
    }
    // Without --org-secrets the merge stays offline and the rule has nothing to say.
    const offline = JSON.parse((await runCli(['merge', reports, '--format', 'json'])).stdout) as OrgJson;
    expect(offline.findings.map((f) => f.ruleId)).not.toContain('org-organisation-secret-in-many-repositories');
  });

  it('a token without the "Secrets" permission: the inventory says why, exit 1, and the merge goes on with a diagnostic', async () => {
    const refused = join(tmp, 'refused.json');
    const r = await runCli(['org', 'secrets', '--org', 'acme', '-o', refused], { GITHUB_TOKEN: 'github_pat_test', GITHUB_API_URL: refusing.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`blastradius org secrets: ${REFUSED}\n`);
    expect(JSON.parse(readFileSync(refused, 'utf8'))).toEqual({ kind: 'blastradius-org-secrets', version: '1.0.0', org: 'acme', secrets: [], error: REFUSED });
    const m = await runCli(['merge', reports, '--format', 'json', '--org-secrets', refused]);
    expect(m.code).toBe(0);
    const org = JSON.parse(m.stdout) as OrgJson;
    expect(org.diagnostics).toEqual([{ source: refused, code: 'org-secrets', message: `acme: the organisation's secrets were not listed: ${REFUSED}` }]);
    expect(org.findings.map((f) => f.ruleId)).toContain('org-credential-in-several-repositories');
  });

  it('a bad inventory file is a diagnostic, not a failed merge', async () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['missing.json', undefined, 'cannot read: ENOENT (no inventory: did `blastradius org secrets` fail? its log says why)'],
      ['truncated.json', '{"kind": "blastradius-org-secrets", "sec', 'not JSON (a truncated or corrupted file?)'],
      ['plan.json', JSON.stringify({ shards: [] }), 'not an organisation secrets inventory (no kind "blastradius-org-secrets" and org; write one with `blastradius org secrets`)'],
      ['future.json', JSON.stringify({ kind: 'blastradius-org-secrets', version: '2.0.0', org: 'acme', secrets: [] }), 'inventory version 2.0.0; this blastradius reads 1.x'],
      ['odd.json', JSON.stringify({ kind: 'blastradius-org-secrets', version: '1.0.0', org: 'acme', secrets: [{ name: 'X', visibility: 'everyone' }, { name: 'Y', visibility: 'selected' }] }), 'secret X: no name or an unknown visibility (everyone); left out'],
    ];
    for (const [name, text, message] of cases) {
      const file = join(tmp, name);
      if (text !== undefined) writeFileSync(file, text);
      const m = await runCli(['merge', reports, '--format', 'json', '--org-secrets', file]);
      expect(m.code, name).toBe(0);
      const org = JSON.parse(m.stdout) as OrgJson;
      expect(org.diagnostics[0], name).toEqual({ source: file, code: 'org-secrets', message });
    }
    const odd = JSON.parse((await runCli(['merge', reports, '--format', 'json', '--org-secrets', join(tmp, 'odd.json')])).stdout) as OrgJson;
    expect(odd.diagnostics.map((d) => d.message)[1]).toBe('secret Y: visibility selected without its repositories; left out');
  });

  it('the HTML graph draws repositories as groups and what joins them', async () => {
    const agg = mergeReports(reportFiles([reports]), { orgSecrets: readOrgSecrets(inventory) });
    const findings = runOrgRules(agg);
    const { dot, repositories, omittedRepositories } = orgGraph(agg, findings);
    expect([repositories, omittedRepositories]).toEqual([3, 0]);
    const clusters = [...dot.matchAll(/subgraph (cluster_\w+) \{\n {4}graph \[label="([^"]+)"/g)].map((m) => m[2]);
    expect(clusters).toEqual(['acme/api', 'acme/tools', 'acme/web']);
    // The incident's workspace token: the same value in api and tools, reaching web's production from there.
    const token = agg.sightings.find((x) => x.repo === 'acme/api' && x.type === 'account-token' && x.provider === 'railway')!;
    const [inApi, inTools] = ['acme/api', 'acme/tools'].map((r) => safeId(`cred:${r}:${token.fingerprint}`));
    expect(dot).toContain(`${inApi} -> ${inTools} [label="same value"`);
    expect(dot).toContain(`${inApi} -> ${safeId('prod:acme/web')} [label="can act on"`);
    expect(dot).not.toContain(safeId('prod:acme/api'));
    for (const r of ['acme/api', 'acme/tools']) expect(dot).toContain(`${safeId('orgsecret:RAILWAY_API_TOKEN')} -> ${safeId(`ci:${r}`)} [label="used by"`);
    expect(dot).not.toContain(safeId('ci:acme/web'));
    expect(orgGraph(agg, findings, { maxRepositories: 1 }).omittedRepositories).toBe(2);
    // Bounded links: the most severe findings' are kept (the critical cross-repository reach comes first).
    const few = orgGraph(agg, findings, { maxEdges: 2 });
    expect(few.dot.match(/ -> /g)).toHaveLength(2);
    expect(few.dot).toContain('[label="can act on"');
    expect(few.omittedEdges).toBeGreaterThan(0);

    const html = await runCli(['merge', reports, '--format', 'html', '--org-secrets', inventory]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(html.stdout).toContain('<svg');
    expect(html.stdout).not.toMatch(/<script|src="http/);
    expect(html.stdout).toContain('3 repositories drawn as groups');
    for (const x of planted) expect(html.stdout.includes(x), `${x.slice(0, 4)}… in the merged HTML`).toBe(false);
  });

  it('the reusable workflow lists the secrets in the plan job only when asked, and merge reads them', () => {
    type Step = { name?: string; if?: string; run?: string; env?: Record<string, string>; with?: { name?: string; path?: string } };
    const wf = parse(readFileSync(join(ROOT, '.github', 'workflows', 'org-scan.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, { type: string; default: unknown }>; secrets: Record<string, { required: boolean }> } };
      jobs: Record<string, { steps: Step[] }>;
    };
    expect(wf.on.workflow_call.inputs['org-secrets']).toMatchObject({ type: 'boolean', default: false });
    expect(wf.on.workflow_call.secrets['secrets-token']?.required).toBe(false);
    const list = wf.jobs.plan!.steps.find((s) => s.run?.includes('org secrets'))!;
    expect(list.if).toBe('inputs.org-secrets');
    expect(list.run).toContain('org secrets --org "$ORG" -o org-secrets.json');
    expect(list.env?.GITHUB_TOKEN).toBe('${{ secrets.secrets-token || secrets.token }}');
    expect(wf.jobs.plan!.steps.find((s) => s.with?.name === 'blastradius-plan')?.with?.path).toContain('org-secrets.json');
    const merge = wf.jobs.merge!.steps.find((s) => s.run?.includes('merge reports'))!;
    expect(merge.env?.ORG_SECRETS).toBe('${{ inputs.org-secrets }}');
    expect(merge.run).toContain('[ "$ORG_SECRETS" = true ] && args+=(--org-secrets org-secrets.json)');
    expect(merge.run).toContain('--format html --output org-report.html');
    expect(wf.jobs.merge!.steps.find((s) => s.with?.name === 'blastradius-org-report')?.with?.path).toContain('org-report.html');
  });

  it('needs a token', async () => {
    expect((await runCli(['org', 'secrets', '--org', 'acme'], {})).stderr).toContain('org secrets needs a token in GITHUB_TOKEN (the organisation permission "Secrets", read)');
  });
});
