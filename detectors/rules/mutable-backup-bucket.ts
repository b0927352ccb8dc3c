// Buckets that hold backups but let anyone who can write them also erase them.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { BackupJobAttrs, BucketAttrs } from '../../src/pipeline/resources.js';
import type { Resource } from '../../src/core/types.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { byEnvironment, resourceDraft } from './shared.js';

const BACKUP_NAME = /backup|snapshot|dump|archive|(?:^|[-_.])dr(?:[-_.]|$)/i;

/** Why a bucket counts as a backup bucket: a backup job writes there, or its name says so. */
function receivesBackups(bucket: Resource, jobs: Resource[]): string | undefined {
  const name = ((bucket.attributes as { bucket?: string }).bucket ?? bucket.name).toLowerCase();
  const job = jobs.find((j) => {
    const target = ((j.attributes as BackupJobAttrs).target ?? '').toLowerCase();
    return /^(?:s3|gs|r2):\/\//.test(target) && target.replace(/^[a-z0-9]+:\/\//, '').split('/')[0] === name;
  });
  if (job) return `backup job ${job.name} writes to it`;
  return BACKUP_NAME.test(name) ? 'its name says it holds backups' : undefined;
}

const rule: FindingRule = {
  meta: {
    id: 'mutable-backup-bucket',
    title: 'Backup bucket without versioning or object lock',
    severity: 'high',
    category: 'backup-isolation',
    confidence: 'medium',
    summary: 'An S3 bucket that receives backups (a dump job writes there, or it is named for backups) with neither versioning nor Object Lock; low when versioned without a lock.',
    help: {
      why: 'Without versioning an overwrite or delete is final; without Object Lock anyone with `s3:DeleteObjectVersion` — ransomware, a leaked key, a cleanup script — can purge every version. Backups have to survive the credentials that can destroy the data.',
      fix: 'Enable versioning and S3 Object Lock in compliance mode with a default retention (`aws_s3_bucket_object_lock_configuration`), keep the bucket in a separate account, and give the backup writer `s3:PutObject` only.',
      references: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html',
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
      ],
    },
  },
  check: ({ resources }) => {
    const jobs = resources.filter((r) => r.type === 'backup-job');
    return resources
      .filter((r) => r.type === 'bucket')
      .flatMap((b) => {
        const a = b.attributes as BucketAttrs;
        if (a.objectLock) return [];
        const why = receivesBackups(b, jobs);
        if (!why) return [];
        const facts = [why, ...(a.versioning ? ['versioning on, no Object Lock'] : ['no versioning', 'no Object Lock'])];
        return [
          resourceDraft(b, `${resourceLabel(b)} holds backups (${why}) but ${a.versioning ? 'has no Object Lock: versions can be deleted' : 'has neither versioning nor Object Lock: a delete or overwrite is final'}.`, facts, {
            severity: a.versioning ? 'low' : byEnvironment(b.environment, 'high', 'medium'),
          }),
        ];
      });
  },
  examples: [
    {
      name: 'backup bucket with nothing protecting it',
      repo: { 'infra/production/backups.tf': 'resource "aws_s3_bucket" "db_backups" {\n  bucket = "acme-db-backups"\n}\n' },
      fires: true,
      mentions: 'neither versioning nor Object Lock',
    },
    {
      name: 'backup bucket with versioning and compliance-mode object lock',
      repo: {
        'infra/production/backups.tf':
          'resource "aws_s3_bucket" "db_backups" {\n  bucket              = "acme-db-backups"\n  object_lock_enabled = true\n}\nresource "aws_s3_bucket_versioning" "db_backups" {\n  bucket = aws_s3_bucket.db_backups.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\nresource "aws_s3_bucket_object_lock_configuration" "db_backups" {\n  bucket = aws_s3_bucket.db_backups.id\n  rule {\n    default_retention {\n      mode = "COMPLIANCE"\n      days = 30\n    }\n  }\n}\n',
      },
      fires: false,
    },
    {
      name: 'a website bucket',
      repo: { 'infra/production/site.tf': 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-website"\n}\n' },
      fires: false,
    },
  ],
};

export default rule;
