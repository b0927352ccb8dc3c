// Production datastores that a single API call or `terraform destroy` can delete.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { DatabaseAttrs } from '../../src/pipeline/resources.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';

/** Providers whose datastores have a deletion-protection setting that IaC can turn on. */
const PROTECTABLE = new Set(['aws', 'gcp', 'google', 'azure']);

const rule: FindingRule = {
  meta: {
    id: 'datastore-without-deletion-protection',
    title: 'Production datastore without deletion protection',
    severity: 'high',
    category: 'destructive-guard',
    confidence: 'high',
    summary: 'A production database declared in IaC with deletion protection off and no `lifecycle { prevent_destroy = true }`.',
    help: {
      why: 'Without deletion protection one `DeleteDBInstance` call — from a leaked key, a mistaken `terraform destroy`, or an agent — removes the production database. Deletion protection forces a deliberate, separate change first.',
      fix: 'Set `deletion_protection = true` (RDS, Aurora, Cloud SQL) and add `lifecycle { prevent_destroy = true }` in Terraform.',
      references: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
        'https://cloud.google.com/sql/docs/postgres/deletion-protection',
        'https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy',
      ],
    },
  },
  check: ({ resources }) =>
    resources
      .filter((r) => r.type === 'database' && PROTECTABLE.has(r.provider) && r.environment === 'production')
      .flatMap((r) => {
        const a = r.attributes as DatabaseAttrs;
        if (a.deletionProtection === true || a.preventDestroy === true) return [];
        // Parsers fill the provider default (off) and list it in `defaults`: say "not set" rather than "= false".
        const unset = a.deletionProtection === undefined || ((a as { defaults?: string[] }).defaults ?? []).includes('deletion_protection');
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
  ],
};

export default rule;
