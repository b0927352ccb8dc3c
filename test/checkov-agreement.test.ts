// Agreement with checkov on the checks we share, against the verdicts recorded in fixtures/checkov-agreement/
// checkov-results.json (regenerate with `CHECKOV=/path/to/checkov npm run checkov:compare`; checkov is not needed here).
import { describe, expect, it } from 'vitest';
import { scanDirectory } from '../src/scan.js';
import { FIXTURES, SCOPE_DIFFERENCES, SHARED_CHECKS, compare, loadRecorded, oursOnly, problems } from '../scripts/checkov-compare.js';

describe('checkov agreement (fixtures/checkov-agreement)', async () => {
  const recorded = loadRecorded();
  const scan = await scanDirectory(FIXTURES);
  const rows = compare(scan, recorded);

  it('has recorded checkov results for every shared check, failing and passing', () => {
    for (const c of SHARED_CHECKS) {
      const results = recorded.results.filter((r) => r.check === c.check);
      expect(results.map((r) => r.result), c.check).toContain('FAILED');
      expect(results.map((r) => r.result), c.check).toContain('PASSED');
    }
    expect(recorded.checkov.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('finds every resource checkov judged', () => {
    expect(rows.filter((r) => r.ours === 'missing').map((r) => `${r.check} ${r.resource}`)).toEqual([]);
    expect(scan.diagnostics).toEqual([]);
  });

  it('agrees with checkov everywhere except the documented scope differences', () => {
    expect(problems(rows)).toEqual([]);
  });

  it('agrees on both verdicts of every shared check where both tools apply', () => {
    for (const c of SHARED_CHECKS) {
      const agreeing = rows.filter((r) => r.check === c.check && r.agree);
      expect(new Set(agreeing.map((r) => r.ours)), c.check).toEqual(new Set(['PASSED', 'FAILED']));
    }
  });

  it('keeps each documented difference to a case the fixtures exercise', () => {
    const differing = rows.filter((r) => !r.agree);
    expect(differing.length).toBe(SCOPE_DIFFERENCES.flatMap((d) => d.cases).length);
    for (const r of differing) expect(r.difference, `${r.check} ${r.resource}`).toBeTruthy();
  });

  it('catches the cases the fixtures were built for', () => {
    const verdict = (check: string, resource: string) => rows.find((r) => r.check === check && r.resource === resource);
    // Inline `versioning {}` block (pre-v4 provider) and the split aws_s3_bucket_versioning resource.
    expect(verdict('CKV_AWS_21', 'aws_s3_bucket.inline_enabled')).toMatchObject({ checkov: 'PASSED', ours: 'PASSED' });
    expect(verdict('CKV_AWS_21', 'aws_s3_bucket.inline_disabled')).toMatchObject({ checkov: 'FAILED', ours: 'FAILED' });
    expect(verdict('CKV_AWS_21', 'aws_s3_bucket.versioning_suspended')).toMatchObject({ checkov: 'FAILED', ours: 'FAILED' });
    // Seven days is enough for both tools; zero is too little for both.
    expect(verdict('CKV_AWS_133', 'aws_db_instance.instance_retention_7')).toMatchObject({ agree: true, ours: 'PASSED' });
    expect(verdict('CKV_AWS_133', 'aws_db_instance.instance_retention_0')).toMatchObject({ agree: true, ours: 'FAILED' });
    expect(verdict('CKV2_GHA_1', '.github/workflows/write-all.yml')).toMatchObject({ agree: true, ours: 'FAILED' });
    // Cloud SQL deletion protection: ours alone (the google provider defaults it to true).
    expect(oursOnly(scan).filter((o) => o.ours === 'FAILED').map((o) => o.resource)).toEqual(['google_sql_database_instance.sql_dp_false']);
  });
});
