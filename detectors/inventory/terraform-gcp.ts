// Terraform, Google provider: Cloud SQL (deletion_protection defaults to true in the provider; backups and
// point-in-time recovery are off unless enabled), GCS buckets (versioning, locked retention policy, force_destroy),
// service accounts, their keys, and IAM role bindings at project/folder/organization and resource level.
// https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
// https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket
// https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
// https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account
import type { BucketAttrs, BucketRetentionAttrs, DatabaseAttrs, DatabaseBackupAttrs, GcpPrincipalAttrs, GcpRoleBinding, IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import { block, blocks, isObj } from './hcl-values.js';
import { add, idOf, withDefaults, type Ctx, type Handler, type Obj } from './terraform-context.js';

const SA_EMAIL = /^([a-z][a-z0-9-]{4,28}[a-z0-9])@([a-z][a-z0-9-]+)\.iam\.gserviceaccount\.com$/;

/** The project a file's google provider is pinned to. */
function providerProject(ctx: Ctx): string | undefined {
  const providers = isObj(ctx.scope.json.provider) ? ctx.scope.json.provider : {};
  const google = [providers.google, providers['google-beta']].flatMap((p) => (Array.isArray(p) ? p : p ? [p] : [])).filter(isObj);
  const projects = [...new Set(google.map((p) => ctx.scope.str(p.project)).filter((x): x is string => !!x))];
  return projects.length === 1 ? projects[0] : undefined;
}

function sqlInstance(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const settings = block(body, 'settings');
  const backup = block(settings, 'backup_configuration');
  const retention = block(backup, 'backup_retention_settings');
  const finalBackup = block(settings, 'final_backup_config');
  const a: DatabaseAttrs & DatabaseBackupAttrs & Obj = {
    platform: 'gcp',
    engine: s.str(body.database_version)?.split('_')[0]?.toLowerCase(),
    deletionProtection: s.bool(body.deletion_protection),
    backupRetentionDays: retention && (s.str(retention.retention_unit) ?? 'COUNT') === 'COUNT' ? s.num(retention.retained_backups) : undefined,
    backupsEnabled: backup ? s.bool(backup.enabled) : false,
    pointInTimeRecovery: backup ? (s.bool(backup.point_in_time_recovery_enabled) ?? s.bool(backup.binary_log_enabled)) : false,
    deletionProtectionApi: s.bool(settings?.deletion_protection_enabled),
    skipFinalSnapshot: finalBackup ? s.bool(finalBackup.enabled) === false : undefined,
    project: s.str(body.project) ?? providerProject(ctx),
  };
  const attributes = withDefaults(body, a, [['deletion_protection', 'deletionProtection', true]]);
  add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'gcp', type: 'database', name: s.text(body.name) ?? name, attributes, names: [s.text(body.name)] });
}

function bucket(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const retention = block(body, 'retention_policy');
  const softDelete = block(body, 'soft_delete_policy');
  const locked = retention ? s.bool(retention.is_locked) === true : false;
  const period = s.num(retention?.retention_period);
  const softSeconds = s.num(softDelete?.retention_duration_seconds);
  const bucketName = s.text(body.name);
  const a: BucketAttrs & BucketRetentionAttrs & Obj = {
    versioning: s.bool(block(body, 'versioning')?.enabled) ?? false,
    // A locked retention policy is GCS's write-once bucket lock: the equivalent of S3 object lock in compliance mode.
    objectLock: locked,
    objectLockMode: locked ? 'bucket-lock' : undefined,
    retentionLocked: locked,
    retentionDays: period !== undefined ? Math.floor(period / 86400) : undefined,
    softDeleteDays: softSeconds !== undefined ? Math.floor(softSeconds / 86400) : undefined,
    forceDestroy: s.bool(body.force_destroy),
    bucket: bucketName,
    project: s.str(body.project) ?? providerProject(ctx),
  };
  const attributes = withDefaults(body, a, [['force_destroy', 'forceDestroy', false]]);
  add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'gcp', type: 'bucket', name: bucketName ?? name, attributes, names: [bucketName] });
}

function serviceAccount(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const accountId = s.str(body.account_id);
  const project = s.str(body.project) ?? providerProject(ctx);
  const a: IamPrincipalAttrs & GcpPrincipalAttrs & Obj = {
    principalType: 'service-account',
    accountId,
    project,
    email: accountId && project ? `${accountId}@${project}.iam.gserviceaccount.com` : undefined,
    purpose: [s.text(body.display_name), s.text(body.description), accountId].filter(Boolean).join('; ') || undefined,
    roles: [],
    roleBindings: [],
    accessKeys: [],
  };
  add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'gcp', type: 'iam-principal', name: accountId ?? name, attributes: a, names: [accountId, s.text(body.display_name)] });
}

/** The service account a member string or reference names: a declared `google_service_account`, or its email. */
function accountOf(ctx: Ctx, v: unknown): { id: string; name: string; email?: string } | undefined {
  const s = ctx.scope;
  const ref = s.refs(v).find((r) => r.type === 'google_service_account');
  if (ref) return { id: idOf(ctx, ref.type, ref.name), name: s.str(ctx.all.google_service_account?.[ref.name]?.account_id) ?? ref.name };
  const email = s.str(v)?.replace(/^serviceAccount:/, '').replace(/^projects\/[^/]+\/serviceAccounts\//, '');
  const m = email ? SA_EMAIL.exec(email) : null;
  if (!m) return undefined;
  const declared = Object.entries(ctx.all.google_service_account ?? {}).find(([, b]) => s.str(b.account_id) === m[1]);
  if (declared) return { id: idOf(ctx, 'google_service_account', declared[0]), name: m[1]!, email };
  return { id: `gcp:service-account/${email}`, name: email!, email };
}

function serviceAccountKey(ctx: Ctx, type: string, name: string, body: Obj) {
  const sa = accountOf(ctx, body.service_account_id);
  if (!sa) return;
  add(ctx, 'partial', type, name, body, { id: sa.id, provider: 'gcp', type: 'iam-principal', name: sa.name, attributes: { principalType: 'service-account', accessKeys: [`google_service_account_key.${name}`], email: sa.email } });
}

const RESOURCE_KINDS: Record<string, string> = { storage_bucket: 'bucket', service_account: 'service-account', sql_database_instance: 'database', bigquery_dataset: 'database', secret_manager_secret: 'secret' };

/** `google_<x>_iam_member|binding|policy` and `google_project_iam_*`: role bindings onto service accounts. */
function iamBinding(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const m = /^google_(.+)_iam_(member|binding|policy)$/.exec(type)!;
  const kind = m[1]!;
  const on = ['project', 'folder', 'organization'].includes(kind) ? kind : (RESOURCE_KINDS[kind] ?? kind.replace(/_/g, '-'));
  const targetValue = kind === 'project' ? (body.project ?? (providerProject(ctx) ? providerProject(ctx) : undefined)) : kind === 'organization' ? body.org_id : kind === 'folder' ? body.folder : (body.bucket ?? body.service_account_id ?? body.dataset_id ?? body.secret_id ?? body.instance ?? body.name);
  const ref = s.ref(targetValue);
  const targetName = ref ? (s.text(ctx.all[ref.type]?.[ref.name]?.name) ?? s.text(ctx.all[ref.type]?.[ref.name]?.account_id) ?? ref.name) : s.text(targetValue);
  const conditional = blocks(body, 'condition').length > 0;
  const pairs: Array<{ role: string; members: unknown[] }> = [];
  if (m[2] === 'policy') {
    const r = s.ref(body.policy_data);
    const data = isObj(s.json.data) ? s.json.data : {};
    const doc = r?.type === 'data.google_iam_policy' && isObj(data.google_iam_policy) ? data.google_iam_policy[r.name] : undefined;
    for (const b of blocks(Array.isArray(doc) ? doc[0] : doc, 'binding')) pairs.push({ role: s.str(b.role) ?? '', members: Array.isArray(b.members) ? b.members : [] });
  } else {
    pairs.push({ role: s.str(body.role) ?? '', members: m[2] === 'member' ? [body.member] : Array.isArray(body.members) ? body.members : [] });
  }
  for (const { role, members } of pairs) {
    if (!role) continue;
    const binding: GcpRoleBinding = { role, on, ...(targetName ? { target: targetName } : {}), ...(conditional ? { conditional } : {}) };
    for (const member of members) {
      const sa = accountOf(ctx, member);
      if (!sa) continue;
      const attributes: IamPrincipalAttrs & GcpPrincipalAttrs & Obj = { principalType: 'service-account', roleBindings: [binding], roles: [role], email: sa.email };
      add(ctx, sa.id.startsWith('gcp:') ? 'primary' : 'partial', type, name, body, { id: sa.id, provider: 'gcp', type: 'iam-principal', name: sa.name, attributes });
    }
  }
}

export const TERRAFORM_GCP: Array<[RegExp, Handler]> = [
  [/^google_sql_database_instance$/, sqlInstance],
  [/^google_storage_bucket$/, bucket],
  [/^google_service_account$/, serviceAccount],
  [/^google_service_account_key$/, serviceAccountKey],
  [/^google_[a-z0-9_]+_iam_(?:member|binding|policy)$/, iamBinding],
];

/** Examples for the Terraform parser, in the shapes of the Google provider's documentation. */
export const TERRAFORM_GCP_EXAMPLES: InventoryParser['examples'] = [
  {
    // A Cloud SQL instance with backups and PITR, a locked backup bucket, and a deployer service account holding
    // roles/editor on the project, with a key; the project comes from the provider block and a tfvars file.
    file: {
      path: 'infra/gcp/main.tf',
      text: `provider "google" {
  project = var.project
}

resource "google_sql_database_instance" "main" {
  name             = "orders-prod"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

resource "google_storage_bucket" "backups" {
  name     = "acme-sql-exports"
  location = "EU"
  versioning {
    enabled = true
  }
  retention_policy {
    is_locked        = true
    retention_period = 2592000
  }
}

resource "google_service_account" "deployer" {
  account_id   = "deployer"
  display_name = "CI deployer"
}

resource "google_service_account_key" "deployer" {
  service_account_id = google_service_account.deployer.name
}

resource "google_project_iam_member" "deployer_editor" {
  project = var.project
  role    = "roles/editor"
  member  = "serviceAccount:\${google_service_account.deployer.email}"
}

resource "google_storage_bucket_iam_member" "exporter" {
  bucket = google_storage_bucket.backups.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:exporter@acme-prod.iam.gserviceaccount.com"
}
`,
    },
    related: [{ path: 'infra/gcp/terraform.tfvars', text: 'project = "acme-prod"\n' }],
    expect: [
      {
        id: 'terraform:google_sql_database_instance.main',
        type: 'database',
        environment: 'production',
        attributes: { engine: 'postgres', deletionProtection: true, backupsEnabled: true, pointInTimeRecovery: true, project: 'acme-prod', defaults: ['deletion_protection'] },
      },
      { id: 'terraform:google_storage_bucket.backups', type: 'bucket', attributes: { versioning: true, retentionLocked: true, objectLock: true, retentionDays: 30, forceDestroy: false } },
      {
        id: 'terraform:google_service_account.deployer',
        type: 'iam-principal',
        attributes: {
          principalType: 'service-account',
          email: 'deployer@acme-prod.iam.gserviceaccount.com',
          roles: ['roles/editor'],
          roleBindings: [{ role: 'roles/editor', on: 'project', target: 'acme-prod' }],
          accessKeys: ['google_service_account_key.deployer'],
        },
      },
      { id: 'gcp:service-account/exporter@acme-prod.iam.gserviceaccount.com', attributes: { roleBindings: [{ role: 'roles/storage.objectAdmin', on: 'bucket', target: 'acme-sql-exports' }] } },
    ],
    reject: ['terraform:google_project_iam_member.*', 'terraform:google_service_account_key.*'],
  },
  {
    // Near-miss: deletion protection switched off and no backup block; a user (not a service account) binding.
    file: {
      path: 'gcp/dev.tf',
      text: `resource "google_sql_database_instance" "scratch" {
  name                = "scratch"
  database_version    = "MYSQL_8_0"
  deletion_protection = false
  settings {
    tier = "db-f1-micro"
  }
}
resource "google_project_iam_member" "alice" {
  project = "acme-dev"
  role    = "roles/owner"
  member  = "user:alice@example.com"
}
`,
    },
    expect: [{ id: 'terraform:google_sql_database_instance.scratch', attributes: { deletionProtection: false, backupsEnabled: false, pointInTimeRecovery: false } }],
    reject: ['gcp:*', 'terraform:google_project_iam_member.*'],
  },
];
