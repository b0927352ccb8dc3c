// Terraform set to delete a bucket's (or backup vault's) contents along with it.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { byEnvironment, resourceDraft } from './shared.js';

const HOLDS_BACKUPS = /backup|snapshot|dump|archive/i;

const rule: FindingRule = {
  meta: {
    id: 'bucket-force-destroy',
    title: 'Bucket or backup vault deletable with its contents',
    severity: 'high',
    category: 'destructive-guard',
    confidence: 'high',
    summary: 'A production or backup S3 bucket (or AWS Backup vault) with `force_destroy = true` and no `prevent_destroy`: `terraform destroy` or a rename deletes every object in it.',
    help: {
      why: 'S3 refuses to delete a non-empty bucket — unless Terraform\'s `force_destroy` empties it first. With it, a `terraform destroy`, a mistaken resource rename, or an agent "cleaning up" a workspace deletes all the objects (and, for a vault, all recovery points) without another prompt.',
      fix: 'Remove `force_destroy` (default false) from buckets and vaults that hold data or backups, and add `lifecycle { prevent_destroy = true }`.',
      references: [
        'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket#force_destroy',
        'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault#force_destroy',
        'https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy',
      ],
    },
  },
  check: ({ resources }) =>
    resources
      .filter((r): r is Resource => (r.type === 'bucket' || r.type === 'backup-vault') && (r.attributes as { forceDestroy?: boolean }).forceDestroy === true)
      .filter((r) => (r.attributes as { preventDestroy?: boolean }).preventDestroy !== true)
      .flatMap((r) => {
        const backups = r.type === 'backup-vault' || HOLDS_BACKUPS.test(`${r.name} ${(r.attributes as { bucket?: string }).bucket ?? ''}`);
        if (!backups && r.environment !== 'production') return [];
        return [
          resourceDraft(r, `${resourceLabel(r)}: force_destroy = true — destroying it deletes every ${r.type === 'backup-vault' ? 'recovery point' : 'object'} in it.`, ['force_destroy = true', 'no prevent_destroy'], {
            severity: byEnvironment(r.environment, 'high', backups ? 'high' : 'medium'),
          }),
        ];
      }),
  examples: [
    {
      name: 'production bucket with force_destroy',
      repo: { 'environments/production/storage.tf': 'resource "aws_s3_bucket" "uploads" {\n  bucket        = "acme-uploads"\n  force_destroy = true\n}\n' },
      fires: true,
      mentions: 'force_destroy',
    },
    {
      name: 'production bucket without force_destroy',
      repo: { 'environments/production/storage.tf': 'resource "aws_s3_bucket" "uploads" {\n  bucket = "acme-uploads"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n' },
      fires: false,
    },
  ],
};

export default rule;
