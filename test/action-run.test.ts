// Runs the bundled Action (dist-action/index.js) the way the runner does — a child process with GITHUB_EVENT_PATH,
// GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF, GITHUB_API_URL, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
// INPUT_* — on git repositories built here (a base and a head commit), against a fake GitHub API on 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSarif } from './helpers/sarif-schema.js';
import { startFakeGitHub, type FakeGitHub } from './servers/github-api.js';

const ROOT = resolve(import.meta.dirname, '..');
const TOKEN = '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'; // a fake Railway account token, planted in the head
const GH_TOKEN = 'ghs_fakeInstallationToken0123456789abcdef'; // the Action's own token: must only travel in headers

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

type Files = Record<string, string | null>;

function write(dir: string, files: Files): void {
  for (const [p, text] of Object.entries(files)) {
    const abs = join(dir, p);
    if (text === null) rmSync(abs, { force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
}

const BASE_FILES: Files = {
  'README.md': '# acme-shop\n\nA shop on Railway.\n',
  // A production Railway volume (the data the token must not reach) whose backups live with it.
  '.env.production': 'RAILWAY_VOLUME_MOUNT_PATH=/data\nRAILWAY_VOLUME_NAME=pgdata\n',
  'environments/production/db.tf': 'resource "aws_db_instance" "orders" {\n  engine              = "postgres"\n  deletion_protection = true\n}\n',
  'scripts/staging/README.md': 'Staging helpers.\n',
};

const STAGING_SCRIPT = [
  '#!/bin/sh',
  '# Staging: sync custom domains with Railway',
  `RAILWAY_API_TOKEN=${TOKEN}`,
  'curl -s https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d \'{"query":"{ me { name } }"}\'',
  '',
].join('\n');

const tmp = mkdtempSync(join(tmpdir(), 'blastradius-action-'));
// Built fresh by beforeAll, exactly as dist-action/ is (same script), into a private folder.
const BUNDLE = join(tmp, 'dist-action', 'index.js');
let n = 0;

/** A repository with a base commit and a head commit on top; returns both SHAs. */
function makeRepo(head: Files, base: Files = BASE_FILES): { dir: string; base: string; head: string } {
  const dir = join(tmp, `repo-${++n}`);
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, base);
  git(dir, 'add', '-A', '-f');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  write(dir, head);
  git(dir, 'add', '-A', '-f');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'head');
  return { dir, base: baseSha, head: git(dir, 'rev-parse', 'HEAD') };
}

function prEvent(number: number, baseSha: string, headSha: string, headRepo = 'acme/shop') {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, base: { sha: baseSha, ref: 'main', repo: { full_name: 'acme/shop' } }, head: { sha: headSha, ref: 'feature', repo: { full_name: headRepo } } },
    repository: { full_name: 'acme/shop' },
  };
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  sarifText: string;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

async function runAction(opts: { cwd: string; eventName: string; event: unknown; sha: string; ref: string; api: FakeGitHub; inputs?: Record<string, string> }): Promise<RunResult> {
  const dir = mkdtempSync(join(tmp, 'run-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(opts.event));
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = { token: GH_TOKEN, 'fail-on': 'high', ...opts.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    ...GIT_ENV,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: opts.sha,
    GITHUB_REF: opts.ref,
    GITHUB_API_URL: opts.api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: opts.cwd,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  // Asynchronous on purpose: the fake API lives in this process and must keep answering.
  const child = spawn(process.execPath, [BUNDLE], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
  const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
  const sarifText = outputs['sarif-file'] && existsSync(outputs['sarif-file']) ? readFileSync(outputs['sarif-file'], 'utf8') : '';
  return { code, stdout, stderr, outputs, summary: readFileSync(summaryPath, 'utf8'), sarifText };
}

/** No planted secret, and not the Action's own token, in any request body, log, output, summary or SARIF. */
function expectNoSecret(r: RunResult, api: FakeGitHub): void {
  const everything = [r.stdout, r.stderr, JSON.stringify(r.outputs), r.summary, r.sarifText, ...api.bodies()].join('\n');
  expect(everything).not.toContain(TOKEN);
  expect(everything).not.toContain(TOKEN.slice(0, 20));
  expect(everything).not.toContain(GH_TOKEN);
}

beforeAll(() => {
  // Build the bundle the tests run, so they never test a stale dist-action/.
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-action.mjs'), '--outdir', dirname(BUNDLE)], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the GitHub Action, bundled, on pull requests', () => {
  let api: FakeGitHub;
  beforeAll(async () => {
    api = await startFakeGitHub({
      // A person quoting the marker: their comment must never be rewritten.
      comments: [{ id: 1, issue: 7, body: 'Why does <!-- blastradius --> show up in the source?', user: { login: 'alice', type: 'User' } }],
    });
  });
  afterAll(() => api.close());

  it('PR adding a Railway workspace token to a staging script: says staging can now delete production data, fails at high, uploads SARIF, comments', async () => {
    const repo = makeRepo({ 'scripts/staging/sync-domains.sh': STAGING_SCRIPT });
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(7, repo.base, repo.head), sha: repo.head, ref: 'refs/pull/7/merge', api });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/::error::\d+ new finding\(s\) at or above high/);

    // The comment: created once, and its first lines say what the change does.
    const ours = api.comments.filter((c) => c.issue === 7 && c.user.type === 'Bot');
    expect(ours).toHaveLength(1);
    const firstLines = ours[0]!.body.split('\n').slice(0, 6).join('\n');
    expect(ours[0]!.body.startsWith('<!-- blastradius -->')).toBe(true);
    expect(firstLines).toContain('This change lets staging delete production data');
    expect(firstLines).toContain('scripts/staging/sync-domains.sh:3');
    expect(ours[0]!.body).toContain('### New in this change');
    expect(ours[0]!.body).toContain('```mermaid');
    expect(ours[0]!.body.indexOf('### New in this change')).toBeLessThan(ours[0]!.body.indexOf('Already on the base branch'));
    expect(api.comments.find((c) => c.id === 1)!.body).toBe('Why does <!-- blastradius --> show up in the source?');

    // Job summary: the same Markdown.
    expect(r.summary).toContain('This change lets staging delete production data');

    // Outputs.
    expect(r.outputs['max-severity']).toBe('critical');
    expect(Number(r.outputs['new-findings'])).toBeGreaterThan(0);
    expect(Number(r.outputs.findings)).toBeGreaterThan(Number(r.outputs['new-findings']));
    expect(r.outputs['sarif-file']).toMatch(/\.sarif$/);

    // The uploaded SARIF: gzip + base64, schema-valid, category, commit and ref, new results marked.
    expect(api.sarifs).toHaveLength(1);
    const up = api.sarifs[0]!;
    expect(up.commit_sha).toBe(repo.head);
    expect(up.ref).toBe('refs/pull/7/merge');
    expect(up.polls).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(gunzipSync(Buffer.from(up.encoded, 'base64')).toString())).toEqual(up.sarif);
    expect(validateSarif(up.sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const run = (up.sarif as { runs: Array<{ automationDetails: { id: string }; results: Array<{ ruleId: string; properties: { new: boolean } }> }> }).runs[0]!;
    expect(run.automationDetails.id).toBe('blastradius/');
    expect(run.results.find((x) => x.ruleId === 'staging-reaches-production')?.properties.new).toBe(true);
    expect(run.results.some((x) => x.properties.new === false)).toBe(true);
    expect(JSON.parse(r.sarifText)).toEqual(up.sarif);

    expectNoSecret(r, api);
  });

  it('a second run updates the same comment in place (no duplicate)', async () => {
    const before = api.comments.filter((c) => c.issue === 7 && c.user.type === 'Bot');
    const repo = makeRepo({ 'scripts/staging/sync-domains.sh': STAGING_SCRIPT, 'README.md': '# acme-shop\n\nEdited.\n' });
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(7, repo.base, repo.head), sha: repo.head, ref: 'refs/pull/7/merge', api });
    expect(r.code).toBe(1);
    const after = api.comments.filter((c) => c.issue === 7 && c.user.type === 'Bot');
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(api.requests.some((q) => q.method === 'PATCH' && q.path.endsWith(`/issues/comments/${before[0]!.id}`))).toBe(true);
    expect(api.requests.some((q) => q.method === 'POST' && q.path.includes('/issues/'))).toBe(false);
    expectNoSecret(r, api);
  });

  it('PR that only edits docs: passes and says nothing new (existing high findings do not fail it)', async () => {
    const repo = makeRepo({ 'README.md': '# acme-shop\n\nBetter docs.\n', 'docs/setup.md': '# Setup\n\nRun `npm ci`.\n' });
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(8, repo.base, repo.head), sha: repo.head, ref: 'refs/pull/8/merge', api });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['new-findings']).toBe('0');
    expect(Number(r.outputs.findings)).toBeGreaterThan(0);
    const comment = api.comments.find((c) => c.issue === 8)!;
    expect(comment.body.split('\n').slice(0, 5).join('\n')).toContain('Nothing new');
    expect(comment.body).not.toContain('### New in this change');
    expect(comment.body).toContain('passes at `high`');
    expect(r.stdout).not.toContain('::error');
  });

  it('PR adding a TypeScript file with a live key, under a config file: the bundle carries the TypeScript compiler and ajv it loads on first use', async () => {
    const key = 'sk_live_51HqLyjWDarjtT1zdp7dc4Nq8x9pQ2mR7vB3kY6tF0aZ';
    const config = { '.blastradius.yml': 'maxFileSize: 2000000\n' };
    const repo = makeRepo({ ...config, 'src/pay.ts': `import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_KEY ?? "${key}");\n` }, { ...BASE_FILES, ...config });
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(10, repo.base, repo.head), sha: repo.head, ref: 'refs/pull/10/merge', api });
    expect(r.stdout + r.stderr).not.toContain('Cannot find module');
    const results = (api.sarifs[0]!.sarif as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0]!.results;
    expect(results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'src/pay.ts').map((x) => x.ruleId)).toContain('stripe-unrestricted-live-key');
    expect([r.stdout, r.stderr, r.summary, r.sarifText, ...api.bodies()].join('\n')).not.toContain(key);
    expectNoSecret(r, api);
  });

  it('PR that turns deletion protection off: reported as a protection removed (HCL parsed by the bundled wasm)', async () => {
    // A template directive (`%{ if }`) is one of the constructs our HCL parser hands to hcl2json's WebAssembly, which
    // the bundle loads from beside itself.
    const tf =
      'resource "aws_db_instance" "orders" {\n  engine              = "postgres"\n  deletion_protection = false\n  tags = { Note = "%{ if true }x%{ endif }" }\n}\n';
    const repo = makeRepo({ 'environments/production/db.tf': tf });
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(9, repo.base, repo.head), sha: repo.head, ref: 'refs/pull/9/merge', api, inputs: { category: 'blastradius-infra' } });
    const comment = api.comments.find((c) => c.issue === 9)!;
    expect(comment.body).toContain('This change removes a protection');
    expect(comment.body).toMatch(/deletion_protection: true → false/);
    expect(comment.body).toContain('<!-- blastradius-category: blastradius-infra -->');
    expect(r.code).toBe(1); // the new datastore-without-deletion-protection finding is high
    expect((api.sarifs[0]!.sarif as { runs: Array<{ automationDetails: { id: string } }> }).runs[0]!.automationDetails.id).toBe('blastradius-infra/');
  });
});

describe('the GitHub Action on forks, pushes, shallow clones and API trouble', () => {
  let api: FakeGitHub;
  beforeAll(async () => {
    api = await startFakeGitHub();
  });
  afterAll(() => api.close());

  it('fork PR: no upload, no comment, a clear notice; config from the base, not the fork; still gates', async () => {
    // The fork also tries to switch the gate off with its own config file.
    const repo = makeRepo({ 'scripts/staging/sync-domains.sh': STAGING_SCRIPT, '.blastradius.yml': 'failOn: none\nrules:\n  disable: [staging-reaches-production, hardcoded-credential]\n' });
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(10, repo.base, repo.head, 'mallory/shop'), sha: repo.head, ref: 'refs/pull/10/merge', api, inputs: { 'fail-on': '' } });
    expect(api.requests).toHaveLength(0);
    expect(r.stdout).toMatch(/::notice::.*fork \(mallory\/shop\)/);
    expect(r.stdout).toMatch(/Code-scanning upload skipped/);
    expect(r.stdout).toMatch(/PR comment skipped/);
    expect(r.summary).toContain('This change lets staging delete production data');
    expect(r.summary).toContain('configuration read from the base commit');
    expect(r.code).toBe(1); // failOn from the base (default high), not the fork's "none"
    expect(r.stdout).not.toMatch(/::error::.*(fork|read-only|not allowed)/);
    expectNoSecret(r, api);
  });

  it('fork PR that adds nothing: passes, never fails for being a fork', async () => {
    const repo = makeRepo({ 'README.md': 'typo fix\n' });
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(11, repo.base, repo.head, 'mallory/shop'), sha: repo.head, ref: 'refs/pull/11/merge', api });
    expect(r.code, r.stdout).toBe(0);
    expect(api.requests).toHaveLength(0);
  });

  it('push where base and head are the same commit: nothing new, passes', async () => {
    const repo = makeRepo({});
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'push', event: { before: repo.head, after: repo.head }, sha: repo.head, ref: 'refs/heads/main', api });
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toContain('Nothing new');
    expect(r.summary).toContain('same commit');
    expect(api.sarifs).toHaveLength(1);
    expect(api.requests.some((q) => q.path.includes('/issues/'))).toBe(false);
  });

  it('push of a new branch: says there is nothing to compare and gates on everything', async () => {
    const repo = makeRepo({ 'scripts/staging/sync-domains.sh': STAGING_SCRIPT });
    api.reset();
    const r = await runAction({ cwd: repo.dir, eventName: 'push', event: { before: '0000000000000000000000000000000000000000', after: repo.head, created: true }, sha: repo.head, ref: 'refs/heads/feature', api });
    expect(r.stdout).toMatch(/nothing to compare/);
    expect(r.summary).toContain('Could not compare with the base');
    expect(r.code).toBe(1);
    expectNoSecret(r, api);
  });

  it('shallow clone: fetches the base commit and compares', async () => {
    const origin = makeRepo({ 'scripts/staging/sync-domains.sh': STAGING_SCRIPT });
    const dir = join(tmp, `shallow-${++n}`);
    git(tmp, 'clone', '-q', '--depth=1', `file://${origin.dir}`, dir);
    expect(() => git(dir, 'cat-file', '-e', `${origin.base}^{commit}`)).toThrow();
    api.reset();
    const r = await runAction({ cwd: dir, eventName: 'pull_request', event: prEvent(12, origin.base, origin.head), sha: origin.head, ref: 'refs/pull/12/merge', api, inputs: { 'upload-sarif': 'false' } });
    expect(r.stdout).toMatch(/fetching it from origin/);
    expect(api.comments.find((c) => c.issue === 12)!.body).toContain('This change lets staging delete production data');
    expect(r.code).toBe(1);
  });

  it('shallow clone whose base cannot be fetched: says what could not be compared and scans the head', async () => {
    const origin = makeRepo({ 'README.md': 'docs only\n' });
    const dir = join(tmp, `shallow-${++n}`);
    git(tmp, 'clone', '-q', '--depth=1', `file://${origin.dir}`, dir);
    git(dir, 'remote', 'set-url', 'origin', join(tmp, 'no-such-remote'));
    api.reset();
    const r = await runAction({ cwd: dir, eventName: 'pull_request', event: prEvent(13, origin.base, origin.head), sha: origin.head, ref: 'refs/pull/13/merge', api, inputs: { 'upload-sarif': 'false', 'fail-on': 'critical' } });
    const body = api.comments.find((c) => c.issue === 13)!.body;
    expect(body).toContain('Could not compare with the base');
    expect(body).toContain(`commit ${origin.base.slice(0, 7)} is not in this clone`);
    expect(r.stdout).toMatch(/::notice::blastradius could not compare/);
    expect(r.code).toBe(0); // no critical finding in the head
  });

  it('code scanning rejects the SARIF: the processing error is surfaced and fails the step', async () => {
    const bad = await startFakeGitHub({ processing: 'failed' });
    try {
      const repo = makeRepo({ 'README.md': 'docs\n' });
      const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(14, repo.base, repo.head), sha: repo.head, ref: 'refs/pull/14/merge', api: bad });
      expect(r.stdout).toContain('::error::code scanning rejected the SARIF: locationFromSarifResult');
      expect(r.code).toBe(1);
    } finally {
      await bad.close();
    }
  });

  it('code scanning not enabled (403) and comments forbidden: warnings, not failures', async () => {
    const off = await startFakeGitHub({ uploadStatus: 403, commentStatus: 403 });
    try {
      const repo = makeRepo({ 'README.md': 'docs\n' });
      const r = await runAction({ cwd: repo.dir, eventName: 'pull_request', event: prEvent(15, repo.base, repo.head), sha: repo.head, ref: 'refs/pull/15/merge', api: off });
      expect(r.stdout).toMatch(/::warning::Code-scanning upload not allowed \(HTTP 403/);
      expect(r.stdout).toMatch(/::warning::PR comment not allowed \(HTTP 403/);
      expect(r.code).toBe(0);
    } finally {
      await off.close();
    }
  });

  it('bad inputs fail clearly', async () => {
    const repo = makeRepo({});
    const r = await runAction({ cwd: repo.dir, eventName: 'push', event: {}, sha: repo.head, ref: 'refs/heads/main', api, inputs: { 'fail-on': 'severe' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::input fail-on: expected one of critical, high, medium, low, none, got "severe"');
    const r2 = await runAction({ cwd: repo.dir, eventName: 'push', event: {}, sha: repo.head, ref: 'refs/heads/main', api, inputs: { path: '../..' } });
    expect(r2.stdout).toContain('outside the workspace');
  });
});
