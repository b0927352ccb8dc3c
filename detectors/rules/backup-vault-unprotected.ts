// AWS Backup vaults that whoever can delete the data can also empty: no vault lock, no copy to another account.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { BackupPlanAttrs, BackupVaultAttrs } from '../../src/pipeline/resources.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { byEnvironment, resourceDraft } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'backup-vault-unprotected',
    title: 'Backup vault without a lock or a cross-account copy',
    severity: 'high',
    category: 'backup-isolation',
    confidence: 'medium',
    summary: 'An AWS Backup vault with no vault lock, and no backup plan copying its recovery points to a vault elsewhere.',
    help: {
      why: 'Recovery points in an unlocked vault can be deleted by any principal with `backup:DeleteRecoveryPoint` in the account — the same admin key or role that can delete the databases. A compliance-mode vault lock makes them undeletable until retention ends; a copy to a vault in another account keeps one copy out of the blast radius.',
      fix: 'Add `aws_backup_vault_lock_configuration` (with `changeable_for_days` for compliance mode) and a `copy_action` in the plan\'s rule to a vault in a dedicated backup account (ideally also locked).',
      references: [
        'https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html',
        'https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-account-backup.html',
        'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault_lock_configuration',
      ],
    },
  },
  check: ({ resources }) => {
    const plans = resources.filter((r) => r.type === 'backup-plan');
    return resources
      .filter((r) => r.type === 'backup-vault' && r.provider === 'aws')
      .flatMap((v) => {
        if ((v.attributes as BackupVaultAttrs).locked) return [];
        const copied = plans.some((p) => (p.attributes as BackupPlanAttrs).vault === v.id && (p.attributes as BackupPlanAttrs).crossAccountCopy);
        if (copied) return [];
        return [
          resourceDraft(v, `${resourceLabel(v)}: no vault lock and no copy to another vault — whoever can delete the data can delete its recovery points.`, ['no vault lock', 'no cross-account copy'], {
            severity: byEnvironment(v.environment, 'high', 'medium'),
          }),
        ];
      });
  },
  examples: [
    {
      name: 'production vault, no lock, no copy',
      repo: {
        'environments/production/backup.tf':
          'resource "aws_backup_vault" "main" {\n  name = "main"\n}\nresource "aws_backup_plan" "daily" {\n  name = "daily"\n  rule {\n    rule_name         = "daily"\n    target_vault_name = aws_backup_vault.main.name\n    schedule          = "cron(0 3 * * ? *)"\n    lifecycle {\n      delete_after = 35\n    }\n  }\n}\n',
      },
      fires: true,
      mentions: 'no vault lock',
    },
    {
      name: 'locked vault',
      repo: {
        'environments/production/backup.tf':
          'resource "aws_backup_vault" "main" {\n  name = "main"\n}\nresource "aws_backup_vault_lock_configuration" "main" {\n  backup_vault_name   = aws_backup_vault.main.name\n  changeable_for_days = 3\n  min_retention_days  = 7\n}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
