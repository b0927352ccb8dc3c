// RDS settings that delete every backup together with the instance.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { DatabaseAttrs } from '../../src/pipeline/resources.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'rds-backups-die-with-instance',
    title: 'Database backups are deleted with the instance',
    severity: 'high',
    category: 'backup-isolation',
    confidence: 'high',
    summary: 'RDS instance or cluster with skip_final_snapshot, delete_automated_backups, or a backup retention of 0–1 days (unset means 1).',
    help: {
      why: 'With `skip_final_snapshot = true` no snapshot is taken on deletion; with `delete_automated_backups = true` (the AWS provider\'s default for instances) the automated backups are removed with the instance; with retention of 0 or 1 day there is almost nothing to restore. Whoever can delete the instance erases every copy.',
      fix: 'Set `skip_final_snapshot = false` with a `final_snapshot_identifier`, `delete_automated_backups = false`, `backup_retention_period` of at least 7 days, and copy snapshots to another account with AWS Backup.',
      references: [
        'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance',
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html',
      ],
    },
  },
  check: ({ resources }) =>
    resources
      .filter((r) => r.type === 'database' && r.provider === 'aws')
      .flatMap((r) => {
        const a = r.attributes as DatabaseAttrs;
        const problems: string[] = [];
        if (a.skipFinalSnapshot === true) problems.push('skip_final_snapshot = true (no snapshot on delete)');
        if (a.deleteAutomatedBackups === true) problems.push('delete_automated_backups = true (automated backups removed with it)');
        const retentionDefault = ((a as { defaults?: string[] }).defaults ?? []).includes('backup_retention_period');
        if (a.backupRetentionDays !== undefined && a.backupRetentionDays <= 1)
          problems.push(retentionDefault ? `backup_retention_period not set (${a.backupRetentionDays} day by default)` : `backup_retention_period = ${a.backupRetentionDays}`);
        if (!problems.length) return [];
        return [
          {
            severity: r.environment === 'production' ? 'high' : 'medium',
            message: `${resourceLabel(r)}: ${problems.join('; ')}.`,
            locations: [toFindingLocation(r.location)],
            credentialFingerprints: [],
            resourceIds: [r.id],
            environments: [r.environment],
            chain: [{ kind: 'resource', label: resourceLabel(r), ref: r.id }, ...problems.map((p) => ({ kind: 'fact' as const, label: p }))],
          },
        ];
      }),
  examples: [
    {
      name: 'production RDS without final snapshot',
      repo: {
        'environments/production/main.tf':
          'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  instance_class = "db.t3.micro"\n  skip_final_snapshot = true\n  backup_retention_period = 1\n}\n',
      },
      fires: true,
      mentions: 'skip_final_snapshot',
    },
    {
      name: 'Aurora cluster with backup_retention_period unset (the provider default is 1 day)',
      repo: {
        'environments/production/main.tf':
          'resource "aws_rds_cluster" "orders" {\n  engine = "aurora-postgresql"\n  deletion_protection = true\n  skip_final_snapshot = false\n}\n',
      },
      fires: true,
      mentions: 'backup_retention_period not set (1 day by default)',
    },
    {
      name: 'RDS with final snapshot and retention',
      repo: {
        'environments/production/main.tf':
          'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  skip_final_snapshot = false\n  final_snapshot_identifier = "orders-final"\n  delete_automated_backups = false\n  backup_retention_period = 14\n}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
