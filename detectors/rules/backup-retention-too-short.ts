// Production backups kept for less than a week (or switched off): a problem noticed on Monday has no Friday backup.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { BackupPlanAttrs, DatabaseAttrs } from '../../src/pipeline/resources.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { resourceDraft } from './shared.js';

const MIN_DAYS = 7;

const rule: FindingRule = {
  meta: {
    id: 'backup-retention-too-short',
    title: 'Production backup retention below 7 days',
    severity: 'medium',
    category: 'backup-isolation',
    confidence: 'high',
    summary: 'A production RDS/Aurora or Cloud SQL instance, or an AWS Backup plan, keeps backups for fewer than 7 days — or has automated backups off.',
    help: {
      why: 'Data loss is often found days later: a bad migration, a silent corruption, a deleted tenant. With 2–6 days of retention the last good copy may already be gone; with backups disabled there is none. (RDS retention of 0–1 day is reported by rds-backups-die-with-instance.)',
      fix: 'Keep at least 7 days, ideally 14–35: `backup_retention_period` (RDS), `backup_configuration { enabled = true, backup_retention_settings { retained_backups = 14 } }` (Cloud SQL), `lifecycle { delete_after = 35 }` (AWS Backup). Copy long-term backups to another account.',
      references: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html#USER_WorkingWithAutomatedBackups.BackupRetention',
        'https://cloud.google.com/sql/docs/postgres/backup-recovery/backups#retention',
        'https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html',
      ],
    },
  },
  check: ({ resources }) => {
    const out: FindingDraft[] = [];
    for (const r of resources) {
      if (r.environment !== 'production') continue;
      if (r.type === 'database') {
        const a = r.attributes as DatabaseAttrs & { backupsEnabled?: boolean };
        if (a.platform === 'gcp' && a.backupsEnabled === false) {
          out.push(resourceDraft(r, `${resourceLabel(r)}: automated backups are off (backup_configuration.enabled).`, ['automated backups disabled'], { severity: 'high' }));
          continue;
        }
        const days = a.backupRetentionDays;
        // 0–1 day on AWS is rds-backups-die-with-instance's finding.
        if (days === undefined || days >= MIN_DAYS || (r.provider === 'aws' && days <= 1)) continue;
        out.push(resourceDraft(r, `${resourceLabel(r)}: backups are kept ${days} day${days === 1 ? '' : 's'} (fewer than ${MIN_DAYS}).`, [`backup retention ${days} days`]));
      } else if (r.type === 'backup-plan') {
        const days = (r.attributes as BackupPlanAttrs).retentionDays;
        if (days === undefined || days >= MIN_DAYS) continue;
        out.push(resourceDraft(r, `${resourceLabel(r)}: recovery points are deleted after ${days} day${days === 1 ? '' : 's'} (fewer than ${MIN_DAYS}).`, [`delete_after = ${days}`]));
      }
    }
    return out;
  },
  examples: [
    {
      name: 'production RDS with 3 days of backups',
      repo: {
        'environments/production/db.tf':
          'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  deletion_protection = true\n  skip_final_snapshot = false\n  delete_automated_backups = false\n  backup_retention_period = 3\n}\n',
      },
      fires: true,
      mentions: '3 days',
    },
    {
      name: 'production RDS with 14 days of backups',
      repo: {
        'environments/production/db.tf':
          'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  deletion_protection = true\n  skip_final_snapshot = false\n  delete_automated_backups = false\n  backup_retention_period = 14\n}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
