// The built CLI's file pool of worker threads gives exactly the report a single-threaded scan gives. Workers load the
// built modules (dist/), which `npm ci` builds through `prepare`; from the TypeScript sources everything runs on the
// main thread, so these tests run the bundled CLI (dist/cli/blastradius.js, package.json `bin`) as a user would.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDirectory } from '../src/scan.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { blastradius: string } }).bin.blastradius);
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
// A format-valid GitHub token (checksum verified) from detectors/credentials/github.ts examples.
const TOKEN = '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';

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' });

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm ci does it)`);
  repo = mkdtempSync(join(tmpdir(), 'br-workers-'));
  git('init', '-q', '-b', 'main');
  for (const f of ['railway-incident', 'aws-dns-admin', 'checkov-agreement']) cpSync(join(ROOT, 'fixtures', f), join(repo, f), { recursive: true });
  writeFileSync(join(repo, 'deploy.sh'), `export GITHUB_TOKEN=${TOKEN}\n`);
  git('add', '-A', '-f');
  git('commit', '-q', '-m', 'one');
  // A secret deleted at HEAD lives on in history only.
  rmSync(join(repo, 'deploy.sh'));
  writeFileSync(join(repo, 'notes.md'), 'rotated\n');
  git('add', '-A', '-f');
  git('commit', '-q', '-m', 'two');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function scan(workers: string, ...args: string[]): Record<string, unknown> {
  return scanWith({ BLASTRADIUS_WORKERS: workers }, ...args);
}

function scanWith(env: Record<string, string>, ...args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [BIN, 'scan', repo, '-f', 'json', '--fail-on', 'none', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as { stats: { timings?: unknown } };
  delete report.stats.timings;
  return report;
}

describe('worker threads', () => {
  it('the file pool (two workers) reports exactly what one thread reports', () => {
    const single = scan('0');
    expect((single.credentials as unknown[]).length).toBeGreaterThan(3);
    expect(scan('2')).toEqual(single);
  });

  it('workers that run out of heap (a 4 MB ceiling: every one, at start) leave their batches to the main thread', () => {
    expect(scanWith({ BLASTRADIUS_WORKERS: '2', BLASTRADIUS_WORKER_HEAP_MB: '4' })).toEqual(scan('0'));
  });

  it('with --history too (the pool for the working tree, history after it), deleted secret included', () => {
    const single = scan('0', '--history');
    const located = (single.credentials as Array<{ locations: Array<{ path: string; commit?: { atHead?: boolean } }> }>).flatMap((c) => c.locations);
    expect(located.some((l) => l.path === 'deploy.sh' && l.commit?.atHead === false)).toBe(true);
    expect(scan('2', '--history')).toEqual(single);
  });

  it("the WebAssembly HCL parser's own thread words invalid Terraform as the in-thread parser does, and the scan ends", async () => {
    expect(existsSync(join(ROOT, 'dist/cli/hcl-wasm-worker.js'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'br-hcl-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  port = = 5432\n}\n');
      writeFileSync(join(dir, 'other.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n  tags = { a = }\n}\n');
      writeFileSync(join(dir, 'ok.tf'), 'resource "aws_s3_bucket" "ok" {\n  bucket = "ok"\n}\n');
      const r = spawnSync(process.execPath, [BIN, 'scan', dir, '-f', 'json', '--fail-on', 'none'], { encoding: 'utf8', env: { ...process.env, BLASTRADIUS_WORKERS: '0' }, timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      const built = JSON.parse(r.stdout) as { diagnostics: unknown[]; resources: unknown[] };
      const inThread = await scanDirectory(dir);
      expect(built.diagnostics).toEqual(JSON.parse(JSON.stringify(inThread.diagnostics)));
      expect(built.diagnostics.map((d) => (d as { path: string; line: number }).path + ':' + (d as { line: number }).line)).toEqual(['main.tf:3', 'other.tf:3']);
      expect(built.resources).toHaveLength(inThread.resources.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
