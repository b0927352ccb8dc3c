// The organisation merge at scale (issue: 2,000 reports of ~50 credentials and ~200 resources each, merged in under
// 30 s with peak RSS ≤ 500 MB). Generates the reports (seeded: the same bytes every run; 1 in 20 credentials shared
// between repositories, some account-wide, production resources on the same providers; 5 GitHub Actions jobs each,
// using secrets of a pool of 40 names, 20 of them organisation secrets in an `org secrets` inventory), then times the
// built CLI's `merge --format json` without and with `--org-secrets`, and `--format html`, with /usr/bin/time.
// Usage: npm run bench:merge [-- --reports N]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mulberry32, HEX } from './rng.js';
import { REPORT_VERSION } from '../src/report/json.js';

const ROOT = resolve(import.meta.dirname, '..');
const arg = process.argv.indexOf('--reports');
const REPORTS = arg > 0 ? Number(process.argv[arg + 1]) : 2000;
const PROVIDERS = ['railway', 'aws', 'gcp', 'github', 'vercel', 'supabase', 'cloudflare', 'stripe'];
const ENVS = ['production', 'staging', 'development', 'unknown'];

const rand = mulberry32(15);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const hex = (n: number) => Array.from({ length: n }, () => HEX[Math.floor(rand() * 16)]).join('');
const shared = Array.from({ length: 500 }, () => `cred_${hex(16)}`);
const SECRET_NAMES = Array.from({ length: 40 }, (_, i) => `DEPLOY_SECRET_${i}`);

function report(i: number) {
  const credentials = Array.from({ length: 50 }, (_, k) => {
    const provider = pick(PROVIDERS);
    return {
      fingerprint: rand() < 0.05 ? pick(shared) : `cred_${hex(16)}`,
      provider,
      type: 'token',
      ruleId: `${provider}-token`,
      preview: `…${hex(4)} (40)`,
      length: 40,
      confidence: 'high',
      environments: [pick(ENVS)],
      attributes: {},
      locations: [{ path: `services/s${k}/.env`, startLine: 1 + k, startColumn: 1, environment: 'unknown' }],
      scope: { reach: rand() < 0.2 ? 'workspace' : 'project', principal: rand() < 0.3 ? `${provider}:team-${Math.floor(rand() * 40)}` : undefined, permissions: [{ verb: 'delete', resourceType: '*' }], evidence: [], confidence: 'medium' },
    };
  });
  const resources = Array.from({ length: 200 }, (_, k) => ({
    id: `${pick(PROVIDERS)}:db/r${i}-${k}`,
    provider: pick(PROVIDERS),
    type: pick(['database', 'volume', 'bucket', 'service']),
    name: `r${i}-${k}`,
    environment: pick(ENVS),
    location: { path: 'infra/main.tf', startLine: k + 1, startColumn: 1, environment: 'unknown' },
    attributes: {},
  }));
  const jobs = Array.from({ length: 5 }, (_, k) => ({
    id: `gha:.github/workflows/ci.yml#job${k}`,
    provider: 'github',
    type: 'workflow-job',
    name: `CI / job${k}`,
    environment: pick(ENVS),
    location: { path: '.github/workflows/ci.yml', startLine: 10 * k + 1, startColumn: 1, environment: 'unknown' },
    attributes: { workflow: '.github/workflows/ci.yml', job: `job${k}`, secrets: [pick(SECRET_NAMES), pick(SECRET_NAMES)] },
  }));
  resources.push(...jobs);
  const findings = credentials.slice(0, 5).map((c) => ({ ruleId: 'agent-can-read-destructive-credential', severity: 'critical', credentialFingerprints: [c.fingerprint], resourceIds: [resources[0]!.id], locations: [c.locations[0]] }));
  return { version: REPORT_VERSION, tool: { name: 'blastradius', version: 'bench' }, target: '.', summary: {}, findings, credentials, resources, diagnostics: [], stats: {} };
}

const dir = mkdtempSync(join(tmpdir(), 'br-merge-scale-'));
try {
  mkdirSync(join(dir, 'reports'));
  for (let i = 0; i < REPORTS; i++) writeFileSync(join(dir, 'reports', `acme__repo-${i}.json`), JSON.stringify(report(i), null, 2));
  const size = execFileSync('du', ['-sm', join(dir, 'reports')], { encoding: 'utf8' }).split('\t')[0];
  const inventory = join(dir, 'org-secrets.json');
  const secrets = SECRET_NAMES.slice(0, 20).map((name, i) => (i % 2 ? { name, visibility: 'all' } : { name, visibility: 'selected', repositories: Array.from({ length: REPORTS / 2 }, (_, k) => `acme/repo-${2 * k}`) }));
  writeFileSync(inventory, JSON.stringify({ kind: 'blastradius-org-secrets', version: '1.0.0', org: 'acme', secrets }));
  const bin = join(ROOT, 'node_modules', '.bin', 'blastradius');
  if (process.env.KEEP) console.log(dir);
  const runs: Array<[string, string[]]> = [
    ['json', ['--format', 'json', '-o', join(dir, 'org.json')]],
    ['json --org-secrets', ['--format', 'json', '--org-secrets', inventory, '-o', join(dir, 'org.json')]],
    ['html --org-secrets', ['--format', 'html', '--org-secrets', inventory, '-o', join(dir, 'org.html')]],
  ];
  for (const [label, args] of runs) {
    const r = spawnSync('/usr/bin/time', ['-v', bin, 'merge', join(dir, 'reports'), ...args], { encoding: 'utf8' });
    const field = (name: string) => new RegExp(`${name}: (.+)`).exec(r.stderr)?.[1]?.trim();
    const [m, s] = (field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)') ?? '0:0').split(':').map(Number) as [number, number];
    const wall = m * 60 + s;
    const rss = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
    const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
    console.log(`merge ${label} of ${REPORTS} reports (${size} MB): wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB (exit ${r.status})`);
    if (r.status !== 0) console.log(r.stderr.split('\n').slice(0, 5).join('\n'));
    console.log(`  goal: under 30 s ${wall < 30 ? 'PASS' : 'FAIL'}; peak RSS ≤ 500 MB ${rss <= 500 ? 'PASS' : 'FAIL'}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
