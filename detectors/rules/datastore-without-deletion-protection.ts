// Production datastores that a single API call or `terraform destroy` can delete; and production EBS volumes and EFS
// file systems, which have no deletion protection to turn on, without the `prevent_destroy` that stops Terraform.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { DatabaseAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { resourceDraft, toFindingLocation } from './shared.js';

/** Providers whose datastores have a deletion-protection setting that IaC can turn on. */
const PROTECTABLE = new Set(['aws', 'gcp', 'google', 'azure']);
/** AWS volume kinds (VolumeAttrs.kind) whose only guard in Terraform is `lifecycle { prevent_destroy }`. */
const VOLUME_KINDS: Record<string, string> = { ebs: 'EBS volume', efs: 'EFS file system' };

const rule: FindingRule = {
  meta: {
    id: 'datastore-without-deletion-protection',
    title: 'Production datastore without deletion protection',
    severity: 'high',
    category: 'destructive-guard',
    confidence: 'high',
    summary: 'A production database declared in IaC with deletion protection off and no `lifecycle { prevent_destroy = true }`; a production EBS volume or EFS file system without `prevent_destroy` (reported medium: they have no deletion protection).',
    help: {
      why: 'Without deletion protection one `DeleteDBInstance` call — from a leaked key, a mistaken `terraform destroy`, or an agent — removes the production database. Deletion protection forces a deliberate, separate change first.',
      fix: 'Set `deletion_protection = true` (RDS, Aurora, Cloud SQL; `deletion_protection_enabled` on DynamoDB) and add `lifecycle { prevent_destroy = true }` in Terraform (the only guard EBS volumes and EFS file systems have there; take snapshots or AWS Backup copies as well).',
      references: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
        'https://cloud.google.com/sql/docs/postgres/deletion-protection',
        'https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy',
      ],
    },
  },
  check: ({ resources }): FindingDraft[] => [
    ...resources
      .filter((r) => r.type === 'volume' && r.provider === 'aws' && r.environment === 'production')
      .flatMap((r): FindingDraft[] => {
        const a = r.attributes as VolumeAttrs & { kind?: string; preventDestroy?: boolean };
        const kind = VOLUME_KINDS[a.kind ?? ''];
        if (!kind || a.preventDestroy === true) return [];
        const why = `an ${kind} has no deletion protection; no prevent_destroy`;
        return [resourceDraft(r, `${resourceLabel(r)}: ${why}, so \`terraform destroy\` deletes it and its data.`, [why], { severity: 'medium' })];
      }),
    ...resources
      .filter((r) => r.type === 'database' && PROTECTABLE.has(r.provider) && r.environment === 'production')
      .flatMap((r): FindingDraft[] => {
        const a = r.attributes as DatabaseAttrs;
        if (a.deletionProtection === true || a.preventDestroy === true) return [];
        // Parsers fill the provider default (off) and list it in `defaults`: say "not set" rather than "= false".
        const defaults = (a as { defaults?: string[] }).defaults ?? [];
        const unset = a.deletionProtection === undefined || defaults.includes('deletion_protection') || defaults.includes('deletion_protection_enabled');
        const why = unset ? 'deletion_protection not set (off by default)' : 'deletion_protection = false';
        return [
          {
            message: `${resourceLabel(r)}: ${why} and no prevent_destroy.`,
            locations: [toFindingLocation(r.location)],
            credentialFingerprints: [],
            resourceIds: [r.id],
            environments: [r.environment],
            chain: [{ kind: 'resource', label: resourceLabel(r), ref: r.id }, { kind: 'fact', label: why }],
          },
        ];
      }),
  ],
  examples: [
    {
      name: 'production RDS with deletion protection off',
      repo: { 'environments/production/db.tf': 'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  deletion_protection = false\n}\n' },
      fires: true,
      mentions: 'deletion_protection',
    },
    {
      name: 'production RDS protected',
      repo: { 'environments/production/db.tf': 'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  deletion_protection = true\n}\n' },
      fires: false,
    },
    {
      name: 'production EBS data volume without prevent_destroy',
      repo: { 'environments/production/volumes.tf': 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size              = 100\n}\n' },
      fires: true,
      mentions: 'EBS volume has no deletion protection',
    },
    {
      name: 'production EFS file system with prevent_destroy',
      repo: { 'environments/production/efs.tf': 'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n' },
      fires: false,
    },
  ],
};

export default rule;
