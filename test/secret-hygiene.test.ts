// No raw secret in any output, proven over every output path: every fixture × every format (with --verbose), the error
// paths (a bad config, a parse error in a file that holds a secret, a detector's exception message), the bundled
// Action's log, outputs, job summary, SARIF and API requests. Neither a planted secret nor any 8-character slice of one
// may appear (slices lying wholly inside a documented, non-secret prefix such as `ghp_` excepted). Previews reveal at
// most 4 characters of a value. Secrets held in memory are never written to temporary files.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultiLiteralReplacer, SecretVault, fingerprintSecret, redact } from '../src/core/secrets.js';
import { scanFiles, builtInDetectors } from '../src/scan.js';
import { render, FORMATS } from '../src/report/index.js';
import type { InventoryParser } from '../src/pipeline/detector-api.js';
import { runCli } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub } from './servers/github-api.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'br-hygiene-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The part of a value a preview may show: its documented prefix (what redact() keeps before the ellipsis). */
function prefixOf(secret: string): string {
  const shown = redact(secret).split('…')[0]!;
  return secret.startsWith(shown) ? shown : '';
}

/** Every 8-character slice that reaches past the documented prefix into the secret part. */
function slices(secret: string, n = 8): string[] {
  const prefix = prefixOf(secret).length;
  const out: string[] = [];
  for (let i = 0; i + n <= secret.length; i++) if (i + n > prefix) out.push(secret.slice(i, i + n));
  return out;
}

function expectClean(text: string, secrets: readonly string[], where: string): void {
  for (const s of secrets) {
    expect(text.includes(s), `full secret ${s.slice(0, 4)}… in ${where}`).toBe(false);
    expect(
      slices(s).filter((sl) => text.includes(sl)),
      `slices of ${s.slice(0, 4)}… in ${where}`,
    ).toEqual([]);
  }
}

const fixtures = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.secrets.json'));
const planted = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'fixtures', `${name}.secrets.json`), 'utf8')) as { secrets: string[] }).secrets;

// Format-valid test values from several providers (never issued).
const GH = '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';
const STRIPE = 'sk_live_51HqLyjWDarjtT1zdp7dcXyZabcDEFghIJKlmnOPqrsTUv';
const AWS_ID = 'AKIAYYLY4WCYM3VDT6JP';
const AWS_SECRET = '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';
const RAILWAY = '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
// Passwords in the config and code shapes the assigned-credential rule reads (short, not machine-random).
const PW_COMPOSE = 'Tq8vLm2xQ9';
const PW_KWARG = 'uxxyn7Qa2p';
const PW_TEST = 'Hq2v9xLpW4';
const ALL = [GH, STRIPE, AWS_ID, AWS_SECRET, RAILWAY, PW_COMPOSE, PW_KWARG, PW_TEST];

/** A repository with secrets in healthy files, in files that fail to parse, and in a file with a hostile name. */
function plantRepo(dir: string): void {
  const w = (p: string, c: string) => {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  };
  w('.env.production', `GITHUB_TOKEN=${GH}\nSTRIPE_SECRET_KEY=${STRIPE}\nAWS_ACCESS_KEY_ID=${AWS_ID}\nAWS_SECRET_ACCESS_KEY=${AWS_SECRET}\n`);
  w('scripts/staging/sync.sh', `#!/bin/sh\nRAILWAY_API_TOKEN=${RAILWAY}\ncurl https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN"\n`);
  // Parse errors in files that hold secrets: the parser's message must not quote them.
  w('railway.toml', `[deploy]\nstartCommand = "GITHUB_TOKEN=${GH} ./run\n[broken\n`);
  w('.mcp.json', `{ "mcpServers": { "gh": { "env": { "GITHUB_TOKEN": "${GH}" } } }, ${STRIPE} }`);
  w('package.json', `{ "scripts": { "deploy": "STRIPE_KEY=${STRIPE} node deploy.js" }, '${AWS_SECRET}' }`);
  w('.github/workflows/deploy.yml', `on: push\nenv:\n  TOKEN: "${GH}\njobs: [\n`);
  w('infra/main.tf', `provider "aws" {\n  access_key = "${AWS_ID}"\n  secret_key = "${AWS_SECRET}\n}\n`);
  w('infra/prod.tfvars', `token = "${STRIPE}" +\n`);
  w('bad\nname\u001b[2J.env', `GITHUB_TOKEN=${GH}\n`);
  w('docker-compose.yml', `services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${PW_COMPOSE}\n`);
  w('app/db.py', `client = connect(user="svc", password="${PW_KWARG}")\n`);
  w('tests/fixtures/app.yml', `db:\n  password: ${PW_TEST}\n  admin_password: changeme\n`);
}

describe('redacted previews', () => {
  it('reveal at most 4 characters beyond a documented prefix, for any value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 80 }), fc.constantFrom('', 'ghp_', 'sk_live_', 'AKIA', 'sk-ant-api03-', 'xoxb-', 'glpat-'), (body, pre) => {
        const value = pre + body;
        const preview = redact(value);
        const m = /^(.*)…(.*) \((\d+)\)$/s.exec(preview);
        expect(m, preview).not.toBeNull();
        const [, shownPrefix, tail, len] = m!;
        expect(Number(len)).toBe(value.length);
        expect(value.startsWith(shownPrefix!)).toBe(true);
        expect(tail!.length).toBeLessThanOrEqual(4);
        if (value.length <= 12) expect(tail).toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('every credential of every fixture has such a preview', async () => {
    for (const f of fixtures) {
      const r = await runCli(['scan', join(ROOT, 'fixtures', f.replace('.secrets.json', '')), '-f', 'json', '--fail-on', 'none']);
      for (const c of (JSON.parse(r.stdout) as { credentials: Array<{ preview: string }> }).credentials) expect(c.preview).toMatch(/^[^…]*….{0,4} \(\d+\)$/);
    }
  });
});

describe('the vault scrubber', () => {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  it('replaces exactly what a longest-first alternation of the values replaces, for any text and values', () => {
    // Small alphabets make overlaps, shared heads and adjacent values common.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', '-'), minLength: 8, maxLength: 14 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(word, fc.string({ maxLength: 5 })), { maxLength: 12 }), (values, pieces) => {
        const text = pieces.join('');
        const names = new Map(values.map((v, i) => [v, `<${i}>`]));
        const oracle = new RegExp([...values].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
        expect(new MultiLiteralReplacer(names).replace(text)).toBe(text.replace(oracle, (v) => names.get(v)!));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves well-known default passwords alone: they hide nothing, and the word is also a folder or a role name', () => {
    const vault = new SecretVault();
    vault.put(fingerprintSecret('postgres'), 'postgres');
    vault.put(fingerprintSecret('Zq8vLm2xTp4R'), 'Zq8vLm2xTp4R');
    expect(vault.scrub('modules/aws/postgres/main.tf uses Zq8vLm2xTp4R')).toBe(`modules/aws/postgres/main.tf uses [REDACTED ${fingerprintSecret('Zq8vLm2xTp4R')}]`);
  });

  it('leaves one ordinary word alone (it is also a key and a word of the report), and redacts passphrases and unpronounceable letters', () => {
    const vault = new SecretVault();
    for (const v of ['provider', 'Environment', 'correcthorsebatterystaple', 'utxxhsqkmvbl', 'Provider1x']) vault.put(fingerprintSecret(v), v);
    const text = '{"provider": "aws", "label": "tag Environment = Production"} correcthorsebatterystaple utxxhsqkmvbl Provider1x';
    const fp = (v: string) => `[REDACTED ${fingerprintSecret(v)}]`;
    expect(vault.scrub(text)).toBe(
      `{"provider": "aws", "label": "tag Environment = Production"} ${fp('correcthorsebatterystaple')} ${fp('utxxhsqkmvbl')} ${fp('Provider1x')}`,
    );
  });

  it('names the fingerprint, ignores values shorter than 8 characters and leaves other text alone', () => {
    const vault = new SecretVault();
    const long = 'ghp_' + 'A1b2C3d4'.repeat(4) + 'zzzz';
    vault.put(fingerprintSecret(long), long);
    vault.put(fingerprintSecret('short'), 'short');
    expect(vault.scrub(`token=${long}; short; ${long.slice(0, 20)}\u00e9`)).toBe(`token=[REDACTED ${fingerprintSecret(long)}]; short; ${long.slice(0, 20)}\u00e9`);
    expect(vault.scrub('')).toBe('');
  });
});

describe('every fixture × every format, with --verbose', () => {
  for (const file of fixtures) {
    const name = file.replace('.secrets.json', '');
    it(`${name}`, async () => {
      const secrets = planted(name);
      for (const format of FORMATS) {
        const { stdout, stderr } = await runCli(['scan', join(ROOT, 'fixtures', name), '--format', format, '--verbose', '--fail-on', 'none']);
        expect(stdout.length).toBeGreaterThan(0);
        expectClean(stdout + stderr, secrets, `${name} as ${format}`);
      }
    });
  }
});

describe('error paths', () => {
  const repo = join(tmp, 'planted');
  beforeAll(() => plantRepo(repo));

  it('files that hold secrets and fail to parse: the diagnostics, in every format and --verbose, do not quote them', async () => {
    for (const format of FORMATS) {
      const r = await runCli(['scan', repo, '--format', format, '--verbose', '--fail-on', 'none']);
      expect(r.stdout + r.stderr).toMatch(/railway\.toml/);
      expectClean(r.stdout + r.stderr, ALL, `planted repo as ${format}`);
    }
  });

  it('a bad configuration that holds a secret: the error names file, line and key but not the value', async () => {
    const cases = [
      `failOn: ${GH}\n`,
      `${GH}: 1\n`,
      `rules:\n  severity:\n    ${STRIPE}: severe\n`,
      `environments:\n  "x": ${AWS_SECRET}\n`,
      `customRules:\n  - id: x\n    regex: "(${RAILWAY}+)+$"\n`,
      `ignorePaths: [${GH}\n`,
      `maxFileSize: "${STRIPE}"\n`,
    ];
    for (const text of cases) {
      const cfg = join(tmp, 'cfg.yml');
      writeFileSync(cfg, text);
      const r = await runCli(['scan', repo, '-c', cfg]);
      expect(r.code, text).toBe(2);
      expect(r.stderr).toMatch(/cfg\.yml:\d+: /);
      expectClean(r.stdout + r.stderr, ALL, `config error for ${JSON.stringify(text)}`);
    }
  });

  it("a detector's exception message that quotes file content never reaches a report raw", async () => {
    const thrower: InventoryParser = {
      meta: { id: 'test-thrower', title: 'throws', summary: 'throws with the file text' },
      applies: () => true,
      parse: (file: { text: string }) => {
        throw new Error(`cannot handle ${file.text}`);
      },
    } as unknown as InventoryParser;
    const result = await scanFiles('t', [{ path: '.env', text: `GITHUB_TOKEN=${GH}\nSTRIPE_SECRET_KEY=${STRIPE}\n` }], {
      detectors: { ...builtInDetectors, inventoryParsers: [thrower] },
    });
    expect(result.diagnostics.some((d) => d.code === 'parse-error')).toBe(true);
    for (const format of FORMATS) expectClean(await render(result, format, { color: false }), [GH, STRIPE], `exception message in ${format}`);
  });
});

describe('guard and fix answers', () => {
  const repo = join(tmp, 'guarded');
  beforeAll(() => plantRepo(repo));

  it('guard: the hook answer names credentials by preview only, for every agent format and source of reach', async () => {
    const command = `set -a; . ./.env.production; curl -H "Authorization: Bearer ${RAILWAY}" -d '{"query":"mutation { volumeDelete(volumeId: \\"v\\") }"}' https://backboard.railway.com/graphql/v2`;
    const payloads = [
      { hook_event_name: 'PreToolUse', cwd: repo, tool_name: 'Bash', tool_input: { command } },
      { hook_event_name: 'beforeShellExecution', cwd: repo, command },
      { hook_event_name: 'beforeMCPExecution', workspace_roots: [repo], tool_name: 'delete_project', tool_input: JSON.stringify({ token: GH }) },
    ];
    for (const [i, p] of payloads.entries()) {
      const file = join(tmp, `hook-${i}.json`);
      writeFileSync(file, JSON.stringify(p));
      const r = await runCli(['guard', '--input', file], { STRIPE_SECRET_KEY: STRIPE });
      expect(r.stdout).toMatch(/"deny"/);
      expectClean(r.stdout + r.stderr, ALL, `guard answer ${i}`);
    }
  });

  it('fix: the diff, the change list and the notes do not quote a value they move out of a file', async () => {
    const r = await runCli(['fix', repo]);
    expectClean(r.stdout + r.stderr, ALL, 'fix dry run');
  });

  it('fix: a reason that quotes a workflow step (its name holds a token) does not quote the token', async () => {
    const dir = join(tmp, 'step-name');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/ci.yml'), `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: push with ${GH}\n        uses: acme/thing@v1\n`);
    const r = await runCli(['fix', dir]);
    expect(r.stderr).toContain('could not infer the permissions job a needs: step 1 (push with ');
    expectClean(r.stdout + r.stderr, ALL, 'fix reason');
  });
});

describe('temporary files', () => {
  /** Every file under `dir` whose content holds a secret or a slice of one. */
  function leakyFiles(dir: string, secrets: readonly string[]): string[] {
    const out: string[] = [];
    const visit = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        const st = statSync(p);
        if (st.isDirectory()) visit(p);
        else if (st.isFile()) {
          const text = readFileSync(p, 'latin1');
          if (secrets.some((s) => slices(s).some((sl) => text.includes(sl)))) out.push(p);
        }
      }
    };
    visit(dir);
    return out;
  }

  it('a scan in every format (HTML renders with WebAssembly) and a PR-mode comparison leave no secret in TMPDIR', () => {
    const temp = join(tmp, 'TMPDIR');
    mkdirSync(temp);
    const gitRepo = join(tmp, 'git-planted');
    plantRepo(gitRepo);
    const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const git = (...a: string[]) => execFileSync('git', a, { cwd: gitRepo, env: { ...process.env, ...gitEnv }, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A', '-f');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    writeFileSync(join(gitRepo, 'later.env'), `GITHUB_TOKEN=${GH}\n`);
    git('add', '-A', '-f');
    git('commit', '-q', '-m', 'head');
    // tsx's own transpile cache would hold the tool's source (whose detector examples contain test tokens): off.
    const env = { PATH: process.env.PATH, HOME: temp, TMPDIR: temp, TMP: temp, TEMP: temp, TSX_DISABLE_CACHE: '1' };
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
    for (const format of FORMATS) {
      const r = cli(['scan', join(ROOT, 'fixtures/railway-incident'), '-f', format, '--verbose', '--fail-on', 'none']);
      expect(r.status, r.stderr).toBe(0);
    }
    const diff = cli(['scan', gitRepo, '--diff-base', base, '-f', 'json', '--fail-on', 'none']);
    expect(diff.status, diff.stderr).toBe(0);
    expect(leakyFiles(temp, [...planted('railway-incident'), ...ALL])).toEqual([]);
  }, 180_000);
});

describe('the bundled Action', () => {
  const BUNDLE = join(tmp, 'dist-action', 'index.js');
  let api: FakeGitHub;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-action.mjs'), '--outdir', dirname(BUNDLE)], { cwd: ROOT, stdio: 'pipe' });
    api = await startFakeGitHub();
  }, 180_000);
  afterAll(() => api?.close());

  it('log, outputs, job summary, SARIF and every API request body are free of secrets (and of its own token)', async () => {
    const ACTION_TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
    const dir = join(tmp, 'action-repo');
    const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, env: { ...process.env, ...gitEnv }, encoding: 'utf8' }).trim();
    mkdirSync(dir);
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'README.md'), '# shop\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    plantRepo(dir);
    git('add', '-A', '-f');
    git('commit', '-q', '-m', 'head');
    const head = git('rev-parse', 'HEAD');
    const run = mkdtempSync(join(tmp, 'run-'));
    const event = { number: 3, pull_request: { number: 3, base: { sha: base, ref: 'main', repo: { full_name: 'acme/shop' } }, head: { sha: head, ref: 'f', repo: { full_name: 'acme/shop' } } }, repository: { full_name: 'acme/shop' } };
    writeFileSync(join(run, 'event.json'), JSON.stringify(event));
    writeFileSync(join(run, 'output'), '');
    writeFileSync(join(run, 'summary.md'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: run,
      TMPDIR: run,
      ...gitEnv,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(run, 'event.json'),
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: head,
      GITHUB_REF: 'refs/pull/3/merge',
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(run, 'output'),
      GITHUB_STEP_SUMMARY: join(run, 'summary.md'),
      RUNNER_TEMP: join(run, 'runner-temp'),
      INPUT_TOKEN: ACTION_TOKEN,
      'INPUT_FAIL-ON': 'high',
    };
    const child = spawn(process.execPath, [BUNDLE], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
    expect(code, log).toBe(1);
    const outputs = readFileSync(join(run, 'output'), 'utf8');
    const summary = readFileSync(join(run, 'summary.md'), 'utf8');
    expect(summary).toContain('blastradius');
    const sarifPath = /sarif-file<<(\S+)\n(.*)\n/.exec(outputs)?.[2];
    expect(sarifPath && existsSync(sarifPath)).toBe(true);
    const everything = [log, outputs, summary, readFileSync(sarifPath!, 'utf8'), ...api.bodies()].join('\n');
    expectClean(everything, ALL, 'the Action');
    expect(everything).not.toContain(ACTION_TOKEN);
    // No raw control character from the hostile file name reaches the runner log (it could start a workflow command).
    expect(log).not.toMatch(/\n::(?!error|warning|notice|debug|group|endgroup)/);
     
    expect(log).not.toMatch(/\u001b\[2J/);
  }, 180_000);

  it('never runs code from the checkout: git hooks, package scripts and shell metacharacters in names stay inert', async () => {
    const marker = join(tmp, 'PWNED');
    const dir = join(tmp, 'evil-repo');
    const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, env: { ...process.env, ...gitEnv }, encoding: 'utf8' }).trim();
    mkdirSync(dir);
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'README.md'), '# x\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    const payload = `#!/bin/sh\necho ran >> ${marker}\n`;
    const scripts = Object.fromEntries(['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'test', 'build'].map((k) => [k, `echo ran >> ${marker}`]));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'evil', scripts }));
    writeFileSync(join(dir, `$(echo ran >> ${marker.replace(/\//g, '_')}).env`), `GITHUB_TOKEN=${GH}\n`);
    writeFileSync(join(dir, '`touch pwned2`;.sh'), 'echo hi\n');
    writeFileSync(join(dir, 'Makefile'), `all:\n\techo ran >> ${marker}\n`);
    git('add', '-A');
    git('commit', '-q', '--no-verify', '-m', 'head');
    const head = git('rev-parse', 'HEAD');
    // Hooks go in after the test's own commits: from here on, any git command that runs one leaves the marker.
    for (const hook of ['post-checkout', 'post-merge', 'post-rewrite', 'pre-commit', 'reference-transaction', 'fsmonitor-watchman', 'pre-auto-gc'])
      writeFileSync(join(dir, '.git/hooks', hook), payload, { mode: 0o755 });
    const run = mkdtempSync(join(tmp, 'run-'));
    writeFileSync(join(run, 'event.json'), JSON.stringify({ number: 4, pull_request: { number: 4, base: { sha: base, ref: 'main', repo: { full_name: 'acme/shop' } }, head: { sha: head, ref: 'f', repo: { full_name: 'mallory/shop' } } }, repository: { full_name: 'acme/shop' } }));
    writeFileSync(join(run, 'output'), '');
    writeFileSync(join(run, 'summary.md'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: run, TMPDIR: run, ...gitEnv, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(run, 'event.json'),
      GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: head, GITHUB_REF: 'refs/pull/4/merge', GITHUB_API_URL: api.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(run, 'output'), GITHUB_STEP_SUMMARY: join(run, 'summary.md'), RUNNER_TEMP: join(run, 'runner-temp'), INPUT_TOKEN: 'ghs_x', 'INPUT_FAIL-ON': 'none',
    };
    const child = spawn(process.execPath, [BUNDLE], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
    expect(code, log).toBe(0);
    expect(log).toMatch(/comes from a fork/);
    expect(existsSync(marker), log).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.includes('PWNED'))).toEqual([]);
  }, 180_000);
});

describe('child processes', () => {
  it('every child process in src/ is execFile/spawn with an argument array: no exec, no execSync, no shell', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const offenders: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(ROOT, 'src', f), 'utf8');
      for (const m of text.matchAll(/import\s+(\*\s+as\s+\w+|\{[^}]*\})\s+from\s+'(?:node:)?child_process'/g)) {
        const names = m[1]!.startsWith('*') ? ['*'] : m[1]!.replace(/[{}\s]/g, '').split(',').filter(Boolean);
        for (const n of names) if (!['execFileSync', 'execFile', 'spawn', 'spawnSync'].includes(n)) offenders.push(`src/${f}: imports ${n} from child_process`);
      }
      for (const m of text.matchAll(/shell\s*:\s*(?!false)/g)) offenders.push(`src/${f}: ${m[0]}`);
      for (const m of text.matchAll(/\b(?:execFileSync|execFile|spawn|spawnSync)\(\s*([^,)]+),\s*([^,)]{1,3})/g)) if (!m[2]!.trim().startsWith('[')) offenders.push(`src/${f}: ${m[0]} (arguments not an array literal)`);
    }
    expect(offenders).toEqual([]);
  });
});
