// Suggested Terraform edits (deletion_protection = true and prevent_destroy; a final snapshot and kept automated backups on RDS): exact SARIF `fixes`, shown by `blastradius fix` as
// suggestions that --write leaves alone, written only with --include-suggestions; the re-scan drops the finding.
// Run on copies of a checkov-agreement fixture and of an excerpt of bridgecrewio/terragoat (test/data/terragoat).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { scanDirectory } from '../src/scan.js';
import { toSarif } from '../src/report/sarif.js';
import { applyReplacements, suggestFor, suggestWorkflowEnvironment } from '../src/report/suggested-fixes.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'br-suggest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const RULE = 'datastore-without-deletion-protection';
const TF = 'environments/production/db-app.tf';

function copy(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'test/data/terragoat'), dir, { recursive: true });
  return dir;
}
const open = async (dir: string) => (await scanDirectory(dir)).findings.filter((f) => f.ruleId === RULE).map((f) => `${f.locations[0]?.path}:${f.locations[0]?.startLine}`);

describe('Terraform deletion_protection suggestions', () => {
  it('SARIF: the terragoat RDS finding carries the exact insertion before the block end', async () => {
    const dir = copy('sarif');
    const result = await scanDirectory(dir);
    const sarif = toSarif(result);
    const hit = sarif.runs[0]!.results.find((r) => r.ruleId === RULE)!;
    expect(hit.locations[0]!.physicalLocation.region.startLine).toBe(2);
    expect(hit.fixes).toEqual([
      {
        description: {
          text: 'Suggested (a human decides): set deletion_protection = true so a destroy or delete call fails until it is turned off again, and lifecycle { prevent_destroy = true }, so a plan that would destroy it fails.',
        },
        artifactChanges: [
          {
            artifactLocation: { uri: TF, uriBaseId: '%SRCROOT%' },
            // prevent_destroy goes inside the block's existing lifecycle, before its closing brace.
            replacements: [
              { deletedRegion: { startLine: 28, startColumn: 1, endLine: 28, endColumn: 1 }, insertedContent: { text: '    prevent_destroy = true\n' } },
              { deletedRegion: { startLine: 29, startColumn: 1, endLine: 29, endColumn: 1 }, insertedContent: { text: '  deletion_protection = true\n' } },
            ],
          },
        ],
      },
    ]);
    // No credential value the scan holds appears in the fixes.
    const text = JSON.stringify(sarif.runs[0]!.results.map((r) => r.fixes ?? []));
    for (const c of result.credentials) {
      const v = result.vault.get(c.fingerprint);
      if (v) expect(text).not.toContain(v);
    }
  });

  it('fix: dry run and plain --write show the suggestion but leave the file; --include-suggestions writes it and the re-scan drops the finding', async () => {
    const dir = copy('write');
    const before = readFileSync(join(dir, TF), 'utf8');
    const dry = await runCli(['fix', dir]);
    expect(dry.stdout).toContain(`# suggested — not written by --write (add --include-suggestions)\n--- a/${TF}\n+++ b/${TF}\n`);
    expect(dry.stdout).toContain('-  skip_final_snapshot     = true\n+  skip_final_snapshot     = false\n');
    expect(dry.stdout).toContain('   }\n+  final_snapshot_identifier = "default-final"\n+  delete_automated_backups = false\n+  deletion_protection = true\n }\n');
    await runCli(['fix', dir, '--write']);
    expect(readFileSync(join(dir, TF), 'utf8')).toBe(before);
    expect(await open(dir)).toEqual([`${TF}:2`]);
    const r = await runCli(['fix', dir, '--write', '--include-suggestions']);
    expect(r.stderr).toContain('re-scan: 2 of 2 targeted finding(s) resolved\n');
    const after = readFileSync(join(dir, TF), 'utf8');
    expect(after).toBe(
      before
        .replace('backup_retention_period = 0', 'backup_retention_period = 7')
        .replace('skip_final_snapshot     = true', 'skip_final_snapshot     = false')
        .replace(
          '    ignore_changes = ["password"]\n  }\n}',
          '    ignore_changes = ["password"]\n    prevent_destroy = true\n  }\n  final_snapshot_identifier = "default-final"\n  delete_automated_backups = false\n  deletion_protection = true\n}',
        ),
    );
    expect(await open(dir)).toEqual([]);
    expect((await scanDirectory(dir)).findings.filter((f) => f.ruleId === 'rds-backups-die-with-instance')).toEqual([]);
  });

  it('replaces an explicit deletion_protection = false in place, keeping its indentation (fixture copy)', async () => {
    const dir = join(tmp, 'gcp');
    const src = 'fixtures/checkov-agreement/environments/production/gcp/cloudsql-deletion-protection-false.tf';
    cpSync(join(ROOT, src), join(dir, 'environments/production/db.tf'));
    const text = readFileSync(join(dir, 'environments/production/db.tf'), 'utf8');
    const s = suggestFor(RULE, 'environments/production/db.tf', text, 3);
    expect('replacements' in s && s.replacements).toEqual([
      { startLine: 7, startColumn: 25, endLine: 7, endColumn: 30, insertedContent: 'true' },
      { startLine: 19, startColumn: 1, endLine: 19, endColumn: 1, insertedContent: '  lifecycle {\n    prevent_destroy = true\n  }\n' },
    ]);
    expect(await open(dir)).toEqual(['environments/production/db.tf:3']);
    if ('replacements' in s) writeFileSync(join(dir, 'environments/production/db.tf'), applyReplacements(text, s.replacements));
    expect(await open(dir)).toEqual([]);
  });

  it('a block it cannot edit safely is not rewritten and gets its reason', async () => {
    const heredoc = 'resource "aws_db_instance" "x" {\n  engine = "postgres"\n  user_data = <<EOT\n}\nEOT\n}\n';
    expect(suggestFor(RULE, 'db.tf', heredoc, 1)).toEqual({ reason: 'line 3: heredoc or block comment inside the resource; not edited' });
    expect(suggestFor(RULE, 'db.tf', 'resource "aws_db_instance" "x" {\n  engine = "postgres"\n', 1)).toEqual({ reason: 'the resource block opened at line 1 does not close; not edited' });
    expect(suggestFor(RULE, 'db.tf', 'resource "azurerm_mssql_database" "x" {\n}\n', 1)).toEqual({ reason: 'azurerm_mssql_database does not take deletion_protection; not edited' });
    // Already as suggested, and a retention from a variable is left to its owner.
    const done = 'resource "aws_db_instance" "x" {\n  skip_final_snapshot = false # keep\n  final_snapshot_identifier = "x-last"\n  delete_automated_backups = false\n  backup_retention_period = var.days\n}\n';
    expect(suggestFor('rds-backups-die-with-instance', 'db.tf', done, 1)).toEqual({ reason: 'line 1: skip_final_snapshot, final_snapshot_identifier, delete_automated_backups, backup_retention_period already as suggested; not edited' });
    const dir = join(tmp, 'bad');
    cpSync(join(ROOT, 'test/data/terragoat'), dir, { recursive: true });
    const path = join(dir, TF);
    writeFileSync(path, readFileSync(path, 'utf8').replace('  publicly_accessible     = true\n', '  publicly_accessible     = true\n  /* note */\n'));
    const bad = readFileSync(path, 'utf8');
    const r = await runCli(['fix', dir, '--write', '--include-suggestions']);
    expect(r.stderr).toContain(`blastradius fix: ${TF}: line 24: heredoc or block comment inside the resource; not edited\n`);
    expect(readFileSync(path, 'utf8')).toBe(bad);
  });
});

describe('workflow environment suggestions', () => {
  it('puts environment: production first in each flagged job of one workflow; --include-suggestions resolves it (and, with it, the default-token finding)', async () => {
    const dir = join(tmp, 'many-jobs');
    cpSync(join(ROOT, 'fixtures/field-cases/many-jobs'), dir, { recursive: true });
    const path = '.github/workflows/nightly.yml';
    const before = readFileSync(join(dir, path), 'utf8');
    const sarif = toSarif(await scanDirectory(dir));
    const hit = sarif.runs[0]!.results.find((r) => r.ruleId === 'ci-production-secret-without-environment')!;
    const replacements = hit.fixes![0]!.artifactChanges[0]!.replacements;
    expect(replacements).toHaveLength(10);
    expect(replacements[0]).toEqual({ deletedRegion: { startLine: 8, startColumn: 1, endLine: 8, endColumn: 1 }, insertedContent: { text: '    environment: production\n' } });
    const r = await runCli(['fix', dir, '--write', '--include-suggestions']);
    expect(r.stderr).toContain('re-scan: 2 of 2 targeted finding(s) resolved\n');
    // The jobs' steps use no token: `permissions: {}` for the workflow, before `jobs:`.
    expect(readFileSync(join(dir, path), 'utf8')).toBe(before.replace(/^( {2}sync-\d+:\n)/gm, '$1    environment: production\n').replace(/^jobs:\n/m, 'permissions: {}\njobs:\n'));
    expect((await scanDirectory(dir)).findings.filter((f) => f.ruleId === 'ci-production-secret-without-environment')).toEqual([]);
  });

  it('leaves GitLab CI and flow-style jobs alone, with the reason', () => {
    expect(suggestWorkflowEnvironment('.gitlab-ci.yml', 'deploy:\n  script: ./deploy\n', [1])).toEqual({ reason: 'not a GitHub Actions workflow; not edited' });
    expect(suggestWorkflowEnvironment('.github/workflows/d.yml', 'jobs:\n  deploy: { runs-on: ubuntu-latest }\n', [2])).toEqual({ reason: 'line 2 is not a job written as a block mapping; not edited' });
  });
});

describe('bucket force_destroy suggestions', () => {
  const RULE_B = 'bucket-force-destroy';
  const apply = (text: string) => {
    const s = suggestFor(RULE_B, 'storage.tf', text, 1);
    return 'replacements' in s ? applyReplacements(text, s.replacements) : s;
  };
  it('turns force_destroy off and adds prevent_destroy: a new lifecycle block, or inside the one there is', () => {
    expect(apply('resource "aws_s3_bucket" "backups" {\n  bucket        = "acme-backups"\n  force_destroy = true\n}\n')).toBe(
      'resource "aws_s3_bucket" "backups" {\n  bucket        = "acme-backups"\n  force_destroy = false\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n',
    );
    expect(apply('resource "aws_s3_bucket" "backups" {\n  force_destroy = true\n  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n')).toBe(
      'resource "aws_s3_bucket" "backups" {\n  force_destroy = false\n  lifecycle {\n    ignore_changes = [tags]\n    prevent_destroy = true\n  }\n}\n',
    );
    expect(apply('resource "aws_s3_bucket" "backups" {\n  force_destroy = true\n  lifecycle {\n    prevent_destroy = false # for now\n  }\n}\n')).toBe(
      'resource "aws_s3_bucket" "backups" {\n  force_destroy = false\n  lifecycle {\n    prevent_destroy = true # for now\n  }\n}\n',
    );
  });

  it('the re-scan of a production backup bucket after the suggestion has no force-destroy finding', async () => {
    const dir = join(tmp, 'bucket');
    const path = join(dir, 'environments/production/storage.tf');
    cpSync(join(ROOT, 'test/data/terragoat'), dir, { recursive: true });
    writeFileSync(path, 'resource "aws_s3_bucket" "db_backups" {\n  bucket        = "acme-db-backups"\n  force_destroy = true\n}\n');
    const findings = async () => (await scanDirectory(dir)).findings.filter((f) => f.ruleId === RULE_B).map((f) => f.locations[0]!.startLine);
    expect(await findings()).toEqual([1]);
    writeFileSync(path, apply(readFileSync(path, 'utf8')) as string);
    expect(await findings()).toEqual([]);
  });
});

describe('prevent_destroy on datastores and volumes', () => {
  const TF_VOL = 'environments/production/storage.tf';
  const text = [
    'resource "aws_ebs_volume" "data" {',
    '  availability_zone = "us-east-1a"',
    '  size              = 100',
    '}',
    '',
    'resource "aws_dynamodb_table" "orders" {',
    '  name         = "orders"',
    '  billing_mode = "PAY_PER_REQUEST"',
    '  hash_key     = "id"',
    '  lifecycle {',
    '    ignore_changes = [read_capacity]',
    '  }',
    '}',
    '',
  ].join('\n');

  it('an EBS volume gets a lifecycle block; DynamoDB deletion_protection_enabled and prevent_destroy in its lifecycle; the re-scan has neither finding', async () => {
    const dir = join(tmp, 'volumes');
    mkdirSync(join(dir, 'environments/production'), { recursive: true });
    writeFileSync(join(dir, TF_VOL), text);
    const found = async () => (await scanDirectory(dir)).findings.filter((f) => f.ruleId === RULE).map((f) => `${f.severity} ${f.locations[0]!.startLine}`);
    expect(await found()).toEqual(['high 6', 'medium 1']);
    const r = await runCli(['fix', dir, '--write', '--include-suggestions']);
    expect(r.stderr).toContain('re-scan: 2 of 2 targeted finding(s) resolved\n');
    expect(readFileSync(join(dir, TF_VOL), 'utf8')).toBe(
      text
        .replace('  size              = 100\n}', '  size              = 100\n  lifecycle {\n    prevent_destroy = true\n  }\n}')
        .replace('    ignore_changes = [read_capacity]\n  }\n}', '    ignore_changes = [read_capacity]\n    prevent_destroy = true\n  }\n  deletion_protection_enabled = true\n}'),
    );
    expect(await found()).toEqual([]);
    expect(suggestFor(RULE, TF_VOL, readFileSync(join(dir, TF_VOL), 'utf8'), 1)).toEqual({ reason: 'line 1: prevent_destroy already as suggested; not edited' });
  });
});
