// The pieces of PR mode and the Action, without the bundle: the comparison, SARIF limits, the Mermaid graph, fork
// detection, and `blastradius scan --diff-base` on the command line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSarif } from './helpers/sarif-schema.js';
import { scanFiles } from '../src/scan.js';
import { compareScans, type DiffOutcome } from '../src/pr/diff-mode.js';
import { headlines, renderDiffMarkdown, toDiffJson } from '../src/pr/diff-report.js';
import { toSarif } from '../src/report/sarif.js';
import { mermaidGraph, mermaidLabel } from '../src/report/mermaid.js';
import { prepareSarif, type SarifLog } from '../src/action/upload.js';
import { pullRequestOf, type RunContext } from '../src/action/inputs.js';
import { trustPolicy } from '../src/action/fork.js';
import { markerFor, MARKER } from '../src/action/comment.js';
import { main } from '../src/cli/cli.js';

const TOKEN = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const BASE = {
  '.env.production': 'RAILWAY_VOLUME_MOUNT_PATH=/data\nRAILWAY_VOLUME_NAME=pgdata\n',
  'README.md': '# app\n',
};
const SCRIPT = `#!/bin/sh\n# staging: custom domains\nRAILWAY_API_TOKEN=${TOKEN}\ncurl https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN"\n`;

const files = (m: Record<string, string>) => Object.entries(m).map(([path, text]) => ({ path, text }));
const outcomeOf = async (base: Record<string, string>, head: Record<string, string>): Promise<DiffOutcome> => {
  const b = await scanFiles('.', files(base));
  const h = await scanFiles('.', files(head));
  return { head: h, base: b, comparison: compareScans(b, h), scrub: (t) => b.vault.scrub(h.vault.scrub(t)) };
};

describe('compareScans', () => {
  it('nothing is new when base and head are the same', async () => {
    const o = await outcomeOf({ ...BASE, 'scripts/staging/x.sh': SCRIPT }, { ...BASE, 'scripts/staging/x.sh': SCRIPT });
    expect(o.comparison.newFindings).toEqual([]);
    expect(o.comparison.newCredentials).toEqual([]);
    expect(o.comparison.stagingToProduction).toEqual([]);
    expect(headlines(o)[0]).toContain('Nothing new');
  });

  it('a credential moved to other lines is not new (fingerprints do not depend on lines)', async () => {
    const o = await outcomeOf({ ...BASE, 'scripts/staging/x.sh': SCRIPT }, { ...BASE, 'scripts/staging/x.sh': `# moved\n\n\n${SCRIPT}` });
    expect(o.comparison.newFindings).toEqual([]);
  });

  it('a staging token that can delete production data is the first headline', async () => {
    const o = await outcomeOf(BASE, { ...BASE, 'scripts/staging/x.sh': SCRIPT });
    const s = o.comparison.stagingToProduction[0]!;
    expect(s).toMatchObject({ environment: 'staging', data: true, newCredential: true, location: { path: 'scripts/staging/x.sh', startLine: 3 } });
    expect(headlines(o)[0]).toMatch(/^⛔ \*\*This change lets staging delete production data\.\*\*/);
    expect(o.comparison.newCredentials).toHaveLength(1);
    const json = toDiffJson(o);
    expect(json.findings.filter((f) => f.new).length).toBe(o.comparison.newFindings.length);
    expect(json.findings.some((f) => !f.new)).toBe(true);
    expect(JSON.stringify(json)).not.toContain(TOKEN);
    const md = renderDiffMarkdown(o, { failOn: 'high' });
    expect(md.split('\n')[0]).toContain('fails at `high`');
    expect(md).not.toContain(TOKEN);
  });

  it('an existing token copied into a staging file: staging now reaches production (not a new credential)', async () => {
    const prodScript = SCRIPT.replace('staging: custom domains', 'production deploy');
    const o = await outcomeOf({ ...BASE, 'scripts/production/deploy.sh': prodScript }, { ...BASE, 'scripts/production/deploy.sh': prodScript, 'scripts/staging/x.sh': SCRIPT });
    expect(o.comparison.newCredentials).toEqual([]);
    expect(o.comparison.stagingToProduction[0]?.newCredential).toBe(false);
    expect(o.comparison.widened[0]?.changes.join(' ')).toContain('now also in staging');
  });

  it('protections removed: deletion protection off, agent deny rule dropped', async () => {
    const tf = (on: boolean) => `resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  deletion_protection = ${on}\n}\n`;
    const agent = (deny: string[]) => JSON.stringify({ permissions: { allow: ['Bash(npm test:*)'], deny, defaultMode: 'default' } });
    const o = await outcomeOf(
      { 'environments/production/db.tf': tf(true), '.claude/settings.json': agent(['Read(./.env.staging)', 'Bash(railway volume delete:*)']) },
      { 'environments/production/db.tf': tf(false), '.claude/settings.json': agent([]) },
    );
    const what = o.comparison.protectionsRemoved.map((p) => p.what).join('\n');
    expect(what).toContain('deletion_protection: true → false');
    expect(what).toMatch(/deny rule dropped/);
    expect(headlines(o).some((l) => l.includes('This change removes a protection'))).toBe(true);
  });
});

describe('prepareSarif', () => {
  it('sets the category, removes duplicates, caps results and says so in the run, staying schema-valid', async () => {
    const r = await scanFiles('.', files({ ...BASE, 'scripts/staging/x.sh': SCRIPT, '.env.staging': `RAILWAY_API_TOKEN=${TOKEN}\n` }));
    const sarif = JSON.parse(JSON.stringify(toSarif(r))) as SarifLog & { runs: Array<{ results: unknown[] }> };
    const n = sarif.runs[0]!.results.length;
    expect(n).toBeGreaterThan(2);
    sarif.runs[0]!.results.push(sarif.runs[0]!.results[0]); // a duplicate
    const p = prepareSarif(sarif, { category: 'pr/checks', maxResults: 2 });
    expect(p.duplicates).toBe(1);
    expect(p.dropped).toBe(n - 2);
    expect(p.results).toBe(2);
    const decoded = JSON.parse(gunzipSync(Buffer.from(p.encoded, 'base64')).toString()) as { runs: Array<{ automationDetails: { id: string }; invocations: Array<{ toolExecutionNotifications: Array<{ descriptor: { id: string }; message: { text: string } }> }> }> };
    expect(decoded.runs[0]!.automationDetails.id).toBe('pr/checks/');
    const notes = decoded.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes.find((x) => x.descriptor.id === 'results-capped')?.message.text).toContain(`${n - 2} result(s) left out`);
    expect(notes.some((x) => x.descriptor.id === 'results-deduplicated')).toBe(true);
    expect(validateSarif(decoded), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    // The highest severity results are the ones kept.
    expect((decoded.runs[0] as unknown as { results: Array<{ level: string }> }).results.every((x) => x.level === 'error')).toBe(true);
  });

  it('shrinks until the gzipped size fits', async () => {
    const r = await scanFiles('.', files({ ...BASE, 'scripts/staging/x.sh': SCRIPT }));
    const sarif = JSON.parse(JSON.stringify(toSarif(r))) as SarifLog & { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> };
    const one = sarif.runs[0]!.results[0]!;
    sarif.runs[0]!.results = Array.from({ length: 400 }, (_, i) => ({ ...one, partialFingerprints: { 'blastradius/v1': `fp${i}-${Math.random()}` } }));
    const full = prepareSarif(sarif, { category: 'c' }).gzipBytes;
    const p = prepareSarif(sarif, { category: 'c', maxGzipBytes: Math.floor(full / 3) });
    expect(p.gzipBytes).toBeLessThanOrEqual(Math.floor(full / 3));
    expect(p.dropped).toBeGreaterThan(0);
    expect(JSON.stringify(p.sarif)).toContain('upload limit');
  });
});

describe('mermaidGraph', () => {
  it('draws the credential, what it can delete and who can read it; labels are escaped; no secret', async () => {
    const r = await scanFiles('.', files({ ...BASE, 'scripts/staging/x.sh': SCRIPT }));
    const g = mermaidGraph(r);
    expect(g.startsWith('flowchart LR')).toBe(true);
    expect(g).toContain('pgdata');
    expect(g).toMatch(/subgraph \w+\["production"\]/);
    expect(g).not.toContain(TOKEN);
    expect(mermaidLabel('a "quoted" <b>|x|</b> #1')).toBe('a #quot;quoted#quot; #lt;b#gt; x #lt;/b#gt; #35;1');
    expect(mermaidGraph(r, { onlyFingerprints: new Set() })).toBe('');
    const fp = r.findings.find((f) => f.ruleId === 'staging-reaches-production')!.fingerprint;
    expect(mermaidGraph(r, { onlyFingerprints: new Set([fp]) })).toContain('pgdata');
  });
});

describe('fork detection and the comment marker', () => {
  const ctx = (eventName: string, head: string | null): RunContext =>
    ({ eventName, pullRequest: pullRequestOf({ pull_request: { number: 3, base: { sha: 'a'.repeat(40), repo: { full_name: 'acme/shop' } }, head: { sha: 'b'.repeat(40), repo: head ? { full_name: head } : null } } }) }) as RunContext;
  it('same repository: trusted; fork or deleted fork: untrusted and read-only on pull_request', () => {
    expect(trustPolicy(ctx('pull_request', 'acme/shop'))).toEqual({ untrustedHead: false, readOnlyToken: false });
    expect(trustPolicy(ctx('pull_request', 'mallory/shop'))).toMatchObject({ untrustedHead: true, readOnlyToken: true });
    expect(trustPolicy(ctx('pull_request', null))).toMatchObject({ untrustedHead: true, readOnlyToken: true });
    expect(trustPolicy(ctx('pull_request_target', 'mallory/shop'))).toMatchObject({ untrustedHead: true, readOnlyToken: false });
    expect(pullRequestOf({ ref: 'refs/heads/main' })).toBeUndefined();
  });
  it('the default category uses the bare marker; others add their own', () => {
    expect(markerFor('blastradius')).toBe(MARKER);
    expect(markerFor('infra')).toContain('blastradius-category: infra');
  });
});

describe('blastradius scan --diff-base', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blastradius-diffcli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  const put = (m: Record<string, string>) => {
    for (const [p, t] of Object.entries(m)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), t);
    }
  };

  it('marks new findings in JSON, gates on them, and handles base == head and a missing base', async () => {
    git('init', '-q', '-b', 'main');
    put(BASE);
    git('add', '-A', '-f');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    put({ 'scripts/staging/x.sh': SCRIPT });
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
    const io = () => {
      const o = { out: '', err: '' };
      return { o, io: { stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s), isTTY: false, env: {} } };
    };

    const a = io();
    expect(await main(['scan', dir, '--diff-base', base, '-f', 'json'], a.io)).toBe(1);
    const json = JSON.parse(a.o.out) as { findings: Array<{ ruleId: string; new: boolean }>; diff: { status: string; stagingToProduction: unknown[] } };
    expect(json.diff.status).toBe('compared');
    expect(json.findings.find((f) => f.ruleId === 'staging-reaches-production')?.new).toBe(true);
    expect(json.findings.some((f) => !f.new)).toBe(true);
    expect(json.diff.stagingToProduction).toHaveLength(1);
    expect(a.o.out + a.o.err).not.toContain(TOKEN);

    const b = io();
    expect(await main(['scan', dir, '--diff-base', 'HEAD', '-f', 'markdown'], b.io)).toBe(0);
    expect(b.o.out).toContain('Nothing new');

    const c = io();
    const code = await main(['scan', dir, '--diff-base', 'f'.repeat(40), '-f', 'markdown', '--fail-on', 'none'], c.io);
    expect(code).toBe(0);
    expect(c.o.err).toContain('could not compare');
    expect(c.o.out).toContain('Could not compare with the base');
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });
});
