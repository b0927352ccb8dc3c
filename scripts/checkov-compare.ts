// Agreement with checkov (`npm run checkov:compare`) on the checks the two tools share: RDS/Aurora deletion protection,
// RDS backup retention, S3/GCS versioning, Cloud SQL automated backups and workflow `write-all` permissions.
//
//   1. When checkov is installed (on PATH, or the CHECKOV environment variable names it), it is run on
//      fixtures/checkov-agreement/ and its verdicts for the shared checks are written to
//      fixtures/checkov-agreement/checkov-results.json (committed, so the comparison and its test need no checkov).
//      checkov is a comparison tool only, never a dependency: `pip install checkov` in a venv of your own.
//   2. Always: blastradius scans the same fixtures, each checkov verdict is set beside ours for the same resource, and an
//      agreement table is printed. Where the tools differ on purpose the case is listed in SCOPE_DIFFERENCES with the
//      reason; any other difference (or a documented one that no longer happens) exits 1.
//
// Options: --no-checkov (use the recorded results even when checkov is installed), --json (machine-readable rows).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { scanDirectory, type ScanResult } from '../src/scan.js';
import type { Finding, Resource } from '../src/core/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, '..', 'fixtures', 'checkov-agreement');
export const RESULTS_FILE = join(FIXTURES, 'checkov-results.json');

export type Verdict = 'PASSED' | 'FAILED';

/** One checkov verdict: a check on a resource (Terraform address, or the workflow for GitHub Actions) in a file. */
export interface CheckovResult {
  check: string;
  resource: string;
  /** Relative to the fixtures folder. */
  file: string;
  result: Verdict;
}

export interface RecordedResults {
  checkov: { version: string; command: string };
  checks: Record<string, string>;
  results: CheckovResult[];
}

/** A checkov check and the part of our rules that answers the same question. */
export interface SharedCheck {
  check: string;
  /** What checkov checks (its title, and what it reads). */
  checkovName: string;
  ourRules: string[];
  /** Our resources the check covers. */
  covers: (r: Resource) => boolean;
  /** Whether our findings on one resource amount to checkov's FAILED. */
  fails: (findings: Finding[]) => boolean;
}

const facts = (f: Finding) => f.chain.filter((c) => c.kind === 'fact').map((c) => c.label);
const hasFact = (findings: Finding[], rule: string, re: RegExp) => findings.some((f) => f.ruleId === rule && facts(f).some((l) => re.test(l)));
const tfType = (r: Resource) => /^terraform:(?:module\.[^.]+\.)?([a-z0-9_]+)\./.exec(r.id)?.[1];

export const SHARED_CHECKS: SharedCheck[] = [
  {
    check: 'CKV_AWS_293',
    checkovName: 'Ensure that AWS database instances have deletion protection enabled',
    ourRules: ['datastore-without-deletion-protection'],
    covers: (r) => tfType(r) === 'aws_db_instance',
    fails: (fs) => fs.some((f) => f.ruleId === 'datastore-without-deletion-protection'),
  },
  {
    check: 'CKV_AWS_139',
    checkovName: 'Ensure that RDS clusters have deletion protection enabled',
    ourRules: ['datastore-without-deletion-protection'],
    covers: (r) => tfType(r) === 'aws_rds_cluster',
    fails: (fs) => fs.some((f) => f.ruleId === 'datastore-without-deletion-protection'),
  },
  {
    check: 'CKV_AWS_133',
    checkovName: 'Ensure that RDS instances has backup policy (backup_retention_period 1–35)',
    ourRules: ['rds-backups-die-with-instance', 'backup-retention-too-short'],
    covers: (r) => tfType(r) === 'aws_db_instance' || tfType(r) === 'aws_rds_cluster',
    // Only the retention part of rds-backups-die-with-instance: skip_final_snapshot/delete_automated_backups are ours alone.
    fails: (fs) => hasFact(fs, 'rds-backups-die-with-instance', /^backup_retention_period /) || hasFact(fs, 'backup-retention-too-short', /^backup retention \d+ days?$/),
  },
  {
    check: 'CKV_AWS_21',
    checkovName: 'Ensure all data stored in the S3 bucket have versioning enabled',
    ourRules: ['mutable-backup-bucket'],
    covers: (r) => tfType(r) === 'aws_s3_bucket',
    // Versioning only: a versioned bucket without Object Lock is still reported (low) by our rule, but it is versioned.
    fails: (fs) => hasFact(fs, 'mutable-backup-bucket', /^no versioning$/),
  },
  {
    check: 'CKV_GCP_78',
    checkovName: 'Ensure Cloud storage has versioning enabled',
    ourRules: ['mutable-backup-bucket'],
    covers: (r) => tfType(r) === 'google_storage_bucket',
    fails: (fs) => hasFact(fs, 'mutable-backup-bucket', /^no versioning$/),
  },
  {
    check: 'CKV_GCP_14',
    checkovName: 'Ensure all Cloud SQL database instance have backup configuration enabled',
    ourRules: ['backup-retention-too-short'],
    covers: (r) => tfType(r) === 'google_sql_database_instance',
    fails: (fs) => hasFact(fs, 'backup-retention-too-short', /^automated backups disabled$/),
  },
  {
    check: 'CKV2_GHA_1',
    checkovName: 'Ensure top-level permissions are not set to write-all (a workflow without permissions: fails too)',
    ourRules: ['workflow-excessive-permissions'],
    covers: (r) => r.provider === 'github' && (r.type === 'workflow' || r.type === 'workflow-job'),
    fails: (fs) => hasFact(fs, 'workflow-excessive-permissions', /^(?:job )?permissions: write-all$|^no permissions: block$/),
  },
];

/** What we check that checkov (at the recorded version) has no check for. Shown in the table, not compared. */
export const NO_CHECKOV_COUNTERPART: Array<{ what: string; ourRules: string[]; covers: (r: Resource) => boolean; fails: (findings: Finding[]) => boolean }> = [
  {
    what: 'Cloud SQL deletion_protection (checkov has no check for it)',
    ourRules: ['datastore-without-deletion-protection'],
    covers: (r) => tfType(r) === 'google_sql_database_instance',
    fails: (fs) => fs.some((f) => f.ruleId === 'datastore-without-deletion-protection'),
  },
];

/** Where blastradius and checkov differ on purpose, case by case. `checkov: 'none'` = checkov reports nothing there. */
export const SCOPE_DIFFERENCES: Array<{ reason: string; cases: Array<{ check: string; resource: string; checkov: Verdict | 'none'; ours: Verdict }> }> = [
  {
    reason:
      'Our deletion-protection rule is about production: a staging or development database without it is not a finding (checkov flags every environment).',
    cases: [{ check: 'CKV_AWS_293', resource: 'aws_db_instance.staging_dp_false', checkov: 'FAILED', ours: 'PASSED' }],
  },
  {
    reason: 'We accept `lifecycle { prevent_destroy = true }` as the guard against `terraform destroy`; checkov looks at deletion_protection only.',
    cases: [{ check: 'CKV_AWS_293', resource: 'aws_db_instance.instance_prevent_destroy', checkov: 'FAILED', ours: 'PASSED' }],
  },
  {
    reason:
      'Retention threshold: checkov passes any period from 1 to 35 days, including the unset default (1 day, per the RDS API and the provider docs). We report 0–1 day (rds-backups-die-with-instance) and 2–6 days in production (backup-retention-too-short): one day of backups is not a recovery plan.',
    cases: [
      { check: 'CKV_AWS_133', resource: 'aws_db_instance.instance_retention_1', checkov: 'PASSED', ours: 'FAILED' },
      { check: 'CKV_AWS_133', resource: 'aws_db_instance.instance_retention_3', checkov: 'PASSED', ours: 'FAILED' },
      { check: 'CKV_AWS_133', resource: 'aws_db_instance.instance_retention_absent', checkov: 'PASSED', ours: 'FAILED' },
      { check: 'CKV_AWS_133', resource: 'aws_rds_cluster.cluster_retention_absent', checkov: 'PASSED', ours: 'FAILED' },
    ],
  },
  {
    reason: 'Our versioning check is about buckets that hold backups (named for backups, or a backup job writes there); checkov wants versioning on every bucket.',
    cases: [{ check: 'CKV_AWS_21', resource: 'aws_s3_bucket.website', checkov: 'FAILED', ours: 'PASSED' }],
  },
  {
    reason:
      'A bucket created with Object Lock has versioning turned on by S3 itself (it cannot be suspended), so we do not report it; checkov looks for versioning { enabled = true } or an aws_s3_bucket_versioning resource.',
    cases: [{ check: 'CKV_AWS_21', resource: 'aws_s3_bucket.object_lock_only', checkov: 'FAILED', ours: 'PASSED' }],
  },
  {
    reason: "Job-level `permissions: write-all` is reported by our rule; checkov's CKV2_GHA_1 reads the workflow's top-level permissions only.",
    cases: [{ check: 'CKV2_GHA_1', resource: '.github/workflows/job-write-all.yml#release', checkov: 'none', ours: 'FAILED' }],
  },
];

export interface Row {
  check: string;
  ourRules: string;
  resource: string;
  file: string;
  checkov: Verdict | 'none';
  ours: Verdict | 'missing';
  agree: boolean;
  /** The documented reason, when the tools differ on purpose. */
  difference?: string;
}

/** The checkov address of one of our resources: `type.name` for Terraform, `<file>#<job>` for workflow jobs. */
export function addressOf(r: Resource): string {
  if (r.id.startsWith('terraform:')) return r.id.replace(/^terraform:(?:module\.[^.]+\.)?/, '').replace(/@[^@]*$/, '');
  return r.id.replace(/^gha:/, '');
}

function findingsFor(scan: ScanResult, r: Resource, rules: string[]): Finding[] {
  return scan.findings.filter((f) => rules.includes(f.ruleId) && f.resourceIds.includes(r.id));
}

/** Sets every recorded checkov verdict beside ours, then adds what we report that checkov has no result for. */
export function compare(scan: ScanResult, recorded: RecordedResults): Row[] {
  const rows: Row[] = [];
  const matched = new Set<string>();
  const documented = (check: string, resource: string) => SCOPE_DIFFERENCES.find((d) => d.cases.some((c) => c.check === check && c.resource === resource));
  for (const c of SHARED_CHECKS) {
    const candidates = scan.resources.filter(c.covers);
    for (const res of recorded.results.filter((x) => x.check === c.check)) {
      // Terraform: the same address in the same file. GitHub Actions: the workflow declared in that file.
      const ours = candidates.find((r) => r.location.path === res.file && (r.type === 'workflow' || addressOf(r) === res.resource));
      const verdict: Row['ours'] = ours ? (c.fails(findingsFor(scan, ours, c.ourRules)) ? 'FAILED' : 'PASSED') : 'missing';
      if (ours) matched.add(`${c.check}|${ours.id}`);
      const resource = ours?.type === 'workflow' ? res.file : res.resource;
      const diff = verdict !== res.result ? documented(c.check, resource) : undefined;
      const agree = verdict === res.result;
      rows.push({ check: c.check, ourRules: c.ourRules.join(' + '), resource, file: res.file, checkov: res.result, ours: verdict, agree, ...(diff ? { difference: diff.reason } : {}) });
    }
    // Our failures on resources checkov gave no verdict for.
    for (const r of candidates) {
      if (matched.has(`${c.check}|${r.id}`) || !c.fails(findingsFor(scan, r, c.ourRules))) continue;
      const resource = addressOf(r);
      const diff = documented(c.check, resource);
      rows.push({ check: c.check, ourRules: c.ourRules.join(' + '), resource, file: r.location.path, checkov: 'none', ours: 'FAILED', agree: false, ...(diff ? { difference: diff.reason } : {}) });
    }
  }
  return rows;
}

/** Rows for what checkov does not check (informational). */
export function oursOnly(scan: ScanResult): Array<{ what: string; resource: string; file: string; ours: Verdict }> {
  return NO_CHECKOV_COUNTERPART.flatMap((n) =>
    scan.resources.filter(n.covers).map((r) => ({ what: n.what, resource: addressOf(r), file: r.location.path, ours: n.fails(findingsFor(scan, r, n.ourRules)) ? ('FAILED' as const) : ('PASSED' as const) })),
  );
}

/** Disagreements that are not documented, and documented cases whose verdicts no longer match what happens. */
export function problems(rows: Row[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.agree) continue;
    const doc = SCOPE_DIFFERENCES.flatMap((d) => d.cases).find((c) => c.check === r.check && c.resource === r.resource);
    if (!doc) out.push(`undocumented disagreement: ${r.check} ${r.resource} (${r.file}): checkov ${r.checkov}, blastradius ${r.ours}`);
    else if (doc.checkov !== r.checkov || doc.ours !== r.ours)
      out.push(`documented difference changed: ${r.check} ${r.resource}: expected checkov ${doc.checkov} / ours ${doc.ours}, got ${r.checkov} / ${r.ours}`);
  }
  for (const d of SCOPE_DIFFERENCES)
    for (const c of d.cases) if (!rows.some((r) => !r.agree && r.check === c.check && r.resource === c.resource)) out.push(`stale documented difference: ${c.check} ${c.resource} (the tools now agree, or the case is gone)`);
  return out;
}

export function loadRecorded(file = RESULTS_FILE): RecordedResults {
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedResults;
}

// ---------------------------------------------------------------------------------------------------------------
// Running checkov (only to regenerate the recorded results).

interface CheckovJsonReport {
  check_type: string;
  results: Record<string, Array<{ check_id: string; check_name: string; check_result: { result: string }; resource: string; file_path: string }> | undefined>;
}

function checkovBinary(): string | undefined {
  const bin = process.env.CHECKOV || 'checkov';
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? bin : undefined;
}

export function runCheckov(bin: string): RecordedResults {
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const checks = SHARED_CHECKS.map((c) => c.check);
  const args = ['-d', FIXTURES, '--framework', 'terraform', 'github_actions', '--check', checks.join(','), '-o', 'json', '--compact', '--skip-download'];
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // checkov exits 1 when a check fails; anything else without JSON is an error.
  let parsed: CheckovJsonReport | CheckovJsonReport[];
  try {
    parsed = JSON.parse(r.stdout) as CheckovJsonReport | CheckovJsonReport[];
  } catch {
    throw new Error(`checkov did not print JSON (exit ${r.status}): ${(r.stderr || '').slice(-600)}`);
  }
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  const results: CheckovResult[] = [];
  const names: Record<string, string> = {};
  for (const report of reports) {
    for (const kind of ['passed_checks', 'failed_checks'] as const) {
      for (const c of report.results[kind] ?? []) {
        if (!checks.includes(c.check_id)) continue;
        names[c.check_id] = c.check_name;
        const file = c.file_path.replace(/^\//, '');
        // Workflows are named `on(<workflow name>)` by checkov; the file identifies them.
        results.push({ check: c.check_id, resource: report.check_type === 'github_actions' ? file : c.resource, file, result: c.check_result.result as Verdict });
      }
    }
  }
  results.sort((a, b) => a.check.localeCompare(b.check) || a.file.localeCompare(b.file) || a.resource.localeCompare(b.resource));
  return {
    checkov: { version, command: `checkov ${args.map((a) => (a === FIXTURES ? 'fixtures/checkov-agreement' : a)).join(' ')}` },
    checks: Object.fromEntries(checks.map((id) => [id, names[id] ?? SHARED_CHECKS.find((c) => c.check === id)!.checkovName])),
    results,
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const bin = argv.includes('--no-checkov') ? undefined : checkovBinary();
  if (bin) {
    const fresh = runCheckov(bin);
    writeFileSync(RESULTS_FILE, `${JSON.stringify(fresh, null, 2)}\n`);
    console.error(`checkov ${fresh.checkov.version}: ${fresh.results.length} results written to fixtures/checkov-agreement/checkov-results.json`);
  } else {
    console.error('checkov not found (set CHECKOV or put it on PATH to regenerate): comparing with the recorded results.');
  }
  const recorded = loadRecorded();
  const scan = await scanDirectory(FIXTURES);
  const rows = compare(scan, recorded);
  const issues = problems(rows);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ checkov: recorded.checkov, rows, oursOnly: oursOnly(scan), problems: issues }, null, 2));
    return issues.length ? 1 : 0;
  }
  const table = new Table({ head: ['checkov check', 'our rule', 'resource', 'checkov', 'blastradius', 'agree?'], style: { head: [], border: [], compact: true } });
  for (const r of rows) table.push([r.check, r.ourRules, r.resource, r.checkov, r.ours, r.agree ? 'yes' : r.difference ? 'no (documented)' : 'NO']);
  console.log(`checkov ${recorded.checkov.version} vs blastradius on fixtures/checkov-agreement\n${table.toString()}`);
  const agree = rows.filter((r) => r.agree).length;
  console.log(`\n${agree}/${rows.length} agree; ${rows.length - agree} differ (${rows.filter((r) => !r.agree && r.difference).length} documented).`);
  console.log('\nDocumented differences:');
  for (const d of SCOPE_DIFFERENCES) console.log(`- ${d.reason}\n    ${d.cases.map((c) => `${c.check} ${c.resource}`).join(', ')}`);
  const only = oursOnly(scan);
  if (only.length) {
    console.log('\nNo checkov counterpart (ours only):');
    for (const o of only) console.log(`- ${o.what}: ${o.resource} ${o.ours}`);
  }
  if (issues.length) {
    console.log('\nProblems:');
    for (const p of issues) console.log(`- ${p}`);
  }
  return issues.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
