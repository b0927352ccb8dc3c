// Terraform (`*.tf`, parsed through hcl-guard.ts): databases with their deletion guards and backup settings, S3
// buckets (versioning, object lock — merged from their split resources), AWS Backup vaults/plans/selections, and IAM
// principals with their policies and access keys. Defaults are the AWS provider's documented ones and are listed in
// `defaults`; values that are expressions we cannot resolve stay undefined.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance
// https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
import { parseHcl } from './hcl-guard.js';
import { releaseHclWasm } from './hcl-wasm.js';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource, SourceFile } from '../../src/core/types.js';
import type { BackupPlanAttrs, BackupVaultAttrs, BucketAttrs, DatabaseAttrs, IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import { escapeRegExp } from '../../src/core/text.js';
import { dirname, lineOf, makeResource, mergeById, parseError } from './resource-builder.js';
import { HclScope, block, blocks, isObj } from './hcl-values.js';
import { add, environmentFor, idOf, refId, target, withDefaults, type Ctx, type Handler, type Obj } from './terraform-context.js';
import { isTfvars, passesFor, prepareTerraform, terraformParts, type TfFolder, type TfPass, type TfPrepared } from './terraform-vars.js';
import { TERRAFORM_GCP, TERRAFORM_GCP_EXAMPLES } from './terraform-gcp.js';
import { TERRAFORM_MORE, TERRAFORM_MORE_EXAMPLES } from './terraform-more.js';
import { TERRAFORM_DB_ROLES, TERRAFORM_DB_ROLES_EXAMPLES } from './terraform-db-roles.js';

// ---------------------------------------------------------------------------------------------------------------

function databases(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const lifecycle = block(body, 'lifecycle');
  const instance = type === 'aws_db_instance';
  const identifier = s.text(body.identifier) ?? s.text(body.cluster_identifier);
  const a: DatabaseAttrs & Obj = {
    platform: 'aws',
    engine: s.str(body.engine),
    deletionProtection: s.bool(body.deletion_protection),
    skipFinalSnapshot: s.bool(body.skip_final_snapshot),
    deleteAutomatedBackups: s.bool(body.delete_automated_backups),
    backupRetentionDays: s.num(body.backup_retention_period),
    preventDestroy: s.bool(lifecycle?.prevent_destroy),
    identifier,
    account: ctx.account,
    aurora: /^aurora/.test(s.str(body.engine) ?? '') || undefined,
  };
  const attributes = withDefaults(body, a, [
    ['deletion_protection', 'deletionProtection', false],
    ['skip_final_snapshot', 'skipFinalSnapshot', false],
    ...(instance ? ([['delete_automated_backups', 'deleteAutomatedBackups', true]] as Array<[string, keyof typeof a, unknown]>) : []),
    // The RDS API keeps automated backups 1 day when no period is given (clusters: the provider's documented default
    // of 1). Read replicas (0), restores (inherited from the source) and Aurora members (the cluster's) are left unknown.
    ...(!instance || !(a.aurora || 'replicate_source_db' in body || 'snapshot_identifier' in body || 'restore_to_point_in_time' in body)
      ? ([['backup_retention_period', 'backupRetentionDays', 1]] as Array<[string, keyof typeof a, unknown]>)
      : []),
  ]);
  add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'database', name: identifier ?? name, attributes, names: [identifier] });
}

function buckets(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  if (type === 'aws_s3_bucket') {
    const versioning = block(body, 'versioning');
    const lock = block(body, 'object_lock_configuration');
    const bucketName = s.text(body.bucket) ?? s.text(body.bucket_prefix);
    const a: BucketAttrs & Obj = {
      versioning: versioning ? s.bool(versioning.enabled) : undefined,
      mfaDelete: versioning ? s.bool(versioning.mfa_delete) : undefined,
      objectLock: s.bool(body.object_lock_enabled) ?? (lock ? s.str(lock.object_lock_enabled) === 'Enabled' : undefined),
      objectLockMode: s.str(block(block(lock, 'rule'), 'default_retention')?.mode),
      replication: block(body, 'replication_configuration') ? true : undefined,
      forceDestroy: s.bool(body.force_destroy),
      preventDestroy: s.bool(block(body, 'lifecycle')?.prevent_destroy),
      bucket: bucketName,
      account: ctx.account,
    };
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'bucket', name: bucketName ?? name, attributes: a, names: [bucketName] });
    return;
  }
  const t = target(ctx, body.bucket, 'aws_s3_bucket', 'bucket') ?? { id: idOf(ctx, type, name), name };
  let a: BucketAttrs = {};
  if (type === 'aws_s3_bucket_versioning') {
    const conf = block(body, 'versioning_configuration');
    const status = s.str(conf?.status);
    a = { versioning: status === undefined ? undefined : status === 'Enabled', mfaDelete: conf?.mfa_delete === undefined ? undefined : s.str(conf.mfa_delete) === 'Enabled' };
  } else if (type === 'aws_s3_bucket_object_lock_configuration') {
    a = { objectLock: true, objectLockMode: s.str(block(block(body, 'rule'), 'default_retention')?.mode) };
  } else if (type === 'aws_s3_bucket_replication_configuration') {
    a = { replication: true };
  }
  add(ctx, 'partial', type, name, body, { id: t.id, provider: 'aws', type: 'bucket', name: t.name, attributes: { ...a } });
}

function backups(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  if (type === 'aws_backup_vault') {
    const a: BackupVaultAttrs & Obj = { account: ctx.account, vaultName: s.text(body.name), forceDestroy: s.bool(body.force_destroy) };
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'backup-vault', name: s.text(body.name) ?? name, attributes: a, names: [s.text(body.name)] });
  } else if (type === 'aws_backup_vault_lock_configuration') {
    const t = target(ctx, body.backup_vault_name, 'aws_backup_vault', 'name') ?? { id: idOf(ctx, type, name), name };
    const a: BackupVaultAttrs & Obj = {
      locked: true,
      lockMode: 'changeable_for_days' in body ? 'compliance' : 'governance',
      minRetentionDays: s.num(body.min_retention_days),
    };
    add(ctx, 'partial', type, name, body, { id: t.id, provider: 'aws', type: 'backup-vault', name: t.name, attributes: a });
  } else if (type === 'aws_backup_plan') {
    const rules = blocks(body, 'rule');
    const retention = rules.map((r) => s.num(block(r, 'lifecycle')?.delete_after)).filter((n): n is number => n !== undefined);
    const copies = rules.flatMap((r) => blocks(r, 'copy_action'));
    const vault = rules.map((r) => target(ctx, r.target_vault_name, 'aws_backup_vault', 'name')).find(Boolean);
    const copyDestinations = copies.map((c) => {
      const r = s.ref(c.destination_vault_arn);
      return r ? refId(ctx, r) : (s.str(c.destination_vault_arn) ?? 'unknown');
    });
    const account = (arn: string) => /^arn:aws[\w-]*:backup:[^:]*:(\d{12}):/.exec(arn)?.[1];
    const a: BackupPlanAttrs & Obj = {
      vault: vault?.id,
      retentionDays: retention.length ? Math.max(...retention) : undefined,
      // Any copy to another vault counts; with a literal ARN, a different account is the strong form.
      crossAccountCopy: copies.length ? true : false,
      copyDestinations: copyDestinations.length ? copyDestinations : undefined,
      copyToOtherAccount: copyDestinations.some((d) => account(d) && ctx.account && account(d) !== ctx.account) || undefined,
      schedule: rules.map((r) => s.str(r.schedule)).filter(Boolean).join(', ') || undefined,
    };
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'backup-plan', name: s.text(body.name) ?? name, attributes: a });
  } else if (type === 'aws_backup_selection') {
    const plan = s.ref(body.plan_id);
    const of = [
      ...s.refs(body.resources).map((r) => refId(ctx, r)),
      ...(Array.isArray(body.resources) ? body.resources : []).map((x) => s.str(x)).filter((x): x is string => !!x),
    ];
    const id = plan?.type === 'aws_backup_plan' ? idOf(ctx, plan.type, plan.name) : idOf(ctx, type, name);
    add(ctx, 'partial', type, name, body, { id, provider: 'aws', type: 'backup-plan', name: plan?.name ?? name, attributes: { selections: [name] }, backupOf: of });
  }
}

const PRINCIPALS: Record<string, NonNullable<IamPrincipalAttrs['principalType']>> = { aws_iam_user: 'user', aws_iam_role: 'role', aws_iam_group: 'group' };

async function iam(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const principal = (t: string, v: unknown) => {
    const r = target(ctx, v, t, 'name');
    return r ? { ...r, type: t } : undefined;
  };
  const pushPrincipal = (p: { id: string; name: string; type: string }, attrs: IamPrincipalAttrs & Obj) =>
    add(ctx, 'partial', type, name, body, { id: p.id, provider: 'aws', type: 'iam-principal', name: p.name, attributes: { principalType: PRINCIPALS[p.type], ...attrs } });
  /** Managed policy ARN or `aws_iam_policy.x` id; with the document when it is declared in this file. */
  const policyOf = async (v: unknown): Promise<{ policy?: string; doc?: unknown }> => {
    const r = s.ref(v);
    if (r?.type === 'aws_iam_policy') {
      const body2 = ctx.all.aws_iam_policy?.[r.name];
      return { policy: idOf(ctx, 'aws_iam_policy', r.name), doc: body2 ? await s.policy(body2.policy) : undefined };
    }
    return { policy: s.str(v) };
  };

  if (PRINCIPALS[type]) {
    const tags = isObj(body.tags) ? body.tags : {};
    const nm = s.text(body.name) ?? name;
    const path = s.str(body.path);
    const purpose = [s.text(tags.Purpose), s.text(tags.purpose), s.text(tags.Description), s.text(body.description), nm, path && path !== '/' ? path : undefined]
      .filter(Boolean)
      .join('; ');
    const inline = await Promise.all(blocks(body, 'inline_policy').map((b) => s.policy(b.policy)));
    const managed = (Array.isArray(body.managed_policy_arns) ? body.managed_policy_arns : []).map((x) => s.str(x)).filter((x): x is string => !!x);
    const a: IamPrincipalAttrs & Obj = {
      principalType: PRINCIPALS[type],
      purpose,
      policies: managed,
      policyDocuments: inline.filter((d) => d !== undefined),
      accessKeys: [],
      trustPolicy: type === 'aws_iam_role' ? await s.policy(body.assume_role_policy) : undefined,
      account: ctx.account,
    };
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'iam-principal', name: nm, attributes: a, names: [nm] });
    return;
  }
  if (type === 'aws_iam_policy') {
    const doc = await s.policy(body.policy);
    add(ctx, 'primary', type, name, body, {
      id: idOf(ctx, type, name),
      provider: 'aws',
      type: 'iam-policy',
      name: s.text(body.name) ?? name,
      attributes: { policyDocuments: doc === undefined ? [] : [doc], purpose: s.text(body.description) },
    });
    return;
  }
  const kind = /^aws_iam_(user|role|group)_policy(_attachment)?$/.exec(type);
  if (kind) {
    const p = principal(`aws_iam_${kind[1]}`, body[kind[1]!]);
    if (!p) return;
    if (kind[2]) {
      const { policy, doc } = await policyOf(body.policy_arn);
      pushPrincipal(p, { policies: policy ? [policy] : [], policyDocuments: doc ? [doc] : [] });
    } else {
      const doc = await s.policy(body.policy);
      pushPrincipal(p, { policyDocuments: doc ? [doc] : [], inlinePolicies: [s.text(body.name) ?? name] });
    }
    return;
  }
  if (type === 'aws_iam_policy_attachment') {
    const { policy, doc } = await policyOf(body.policy_arn);
    for (const [key, t] of [['users', 'aws_iam_user'], ['roles', 'aws_iam_role'], ['groups', 'aws_iam_group']] as const) {
      for (const v of Array.isArray(body[key]) ? body[key] : []) {
        const p = principal(t, v);
        if (p) pushPrincipal(p, { policies: policy ? [policy] : [], policyDocuments: doc ? [doc] : [] });
      }
    }
    return;
  }
  if (type === 'aws_iam_access_key') {
    const p = principal('aws_iam_user', body.user);
    if (p) pushPrincipal(p, { accessKeys: [`aws_iam_access_key.${name}`] });
    return;
  }
  if (type === 'aws_iam_user_group_membership') {
    const p = principal('aws_iam_user', body.user);
    const groups = (Array.isArray(body.groups) ? body.groups : []).map((g) => principal('aws_iam_group', g)?.id).filter((x): x is string => !!x);
    if (p) pushPrincipal(p, { groups });
  }
}

function dns(ctx: Ctx, type: string, name: string, body: Obj) {
  const zone = ctx.scope.text(body.name);
  add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'dns-zone', name: zone ?? name, attributes: { zone, account: ctx.account }, names: [zone] });
}

const HANDLERS: Array<[RegExp, Handler]> = [
  [/^(?:aws_db_instance|aws_rds_cluster)$/, databases],
  [/^aws_s3_bucket(?:_versioning|_object_lock_configuration|_replication_configuration)?$/, buckets],
  [/^aws_backup_(?:vault|vault_lock_configuration|plan|selection)$/, backups],
  [/^aws_iam_(?:user|role|group|policy|access_key|user_group_membership|policy_attachment|(?:user|role|group)_policy(?:_attachment)?)$/, iam],
  [/^aws_route53_zone$/, dns],
  ...TERRAFORM_GCP,
  ...TERRAFORM_MORE,
  ...TERRAFORM_DB_ROLES,
];

/** The account a file's AWS provider is pinned to (`allowed_account_ids` with one entry). */
function accountOf(scope: HclScope, json: Obj): string | undefined {
  const providers = isObj(json.provider) ? json.provider : {};
  const aws = Array.isArray(providers.aws) ? providers.aws.filter(isObj) : [];
  const ids = aws.flatMap((p) => (Array.isArray(p.allowed_account_ids) ? p.allowed_account_ids : [])).map((x) => scope.str(x));
  return ids.length === 1 ? ids[0] : undefined;
}

/** One reading of a file with one set of variable values (one deployment). */
async function parsePass(original: SourceFile, json: Obj, folder: TfFolder | undefined, pass: TfPass): Promise<Resource[]> {
  const file: SourceFile =
    pass.environment && original.environment.environment === 'unknown'
      ? { ...original, environment: { environment: pass.environment, reason: `tfvars ${pass.source}` } }
      : original;
  const scope = new HclScope(json, { vars: pass.vars, locals: folder?.locals });
  scope.loadPolicyDocuments();
  const module = /(?:^|\/)modules\/([^/]+)\//.exec(file.path)?.[1];
  const env = file.environment;
  const folderSuffix = !pass.prefix && !module && env.environment !== 'unknown' && env.reason.startsWith('folder') ? `@${env.environment}` : '';
  const ctx: Ctx = {
    file,
    scope,
    prefix: pass.prefix ?? (module ? `module.${module}.` : ''),
    suffix: folderSuffix || pass.suffix || '',
    account: accountOf(scope, json),
    primary: [],
    partial: [],
    all: { ...(folder?.resources ?? {}) },
  };
  const own: Record<string, Record<string, Obj>> = {};
  for (const [type, byName] of Object.entries(isObj(json.resource) ? json.resource : {})) {
    if (!isObj(byName)) continue;
    own[type] = Object.fromEntries(Object.entries(byName).map(([n, defs]) => [n, (Array.isArray(defs) ? defs[0] : defs) as Obj]).filter(([, b]) => isObj(b)));
    ctx.all[type] = { ...(ctx.all[type] ?? {}), ...own[type] };
  }
  for (const [type, byName] of Object.entries(own)) {
    const handler = HANDLERS.find(([re]) => re.test(type))?.[1];
    if (!handler) continue;
    for (const [name, body] of Object.entries(byName)) await handler(ctx, type, name, body);
  }
  // Zones looked up as data sources exist outside this configuration but are still what its credentials can change.
  const data = isObj(json.data) ? json.data : {};
  for (const [name, defs] of Object.entries(isObj(data.aws_route53_zone) ? data.aws_route53_zone : {})) {
    const body = (Array.isArray(defs) ? defs[0] : defs) as Obj;
    if (!isObj(body)) continue;
    const zone = scope.text(body.name)?.replace(/\.$/, '');
    ctx.primary.push(
      makeResource(file, {
        id: `terraform:${ctx.prefix}data.aws_route53_zone.${name}${ctx.suffix}`,
        provider: 'aws',
        type: 'dns-zone',
        name: zone ?? name,
        environment: environmentFor(ctx, name, body, zone),
        line: lineOf(file.text, new RegExp(`data\\s+"aws_route53_zone"\\s+"${escapeRegExp(name)}"`)),
        attributes: { zone, dataSource: true, account: ctx.account },
      }),
    );
  }
  return mergeById([...ctx.primary, ...ctx.partial]);
}

const parser: InventoryParser = {
  meta: {
    id: 'terraform',
    title: 'Terraform',
    summary: 'Databases, buckets, volumes, backup vaults and plans, IAM principals (AWS, GCP), Cloudflare tokens and zones, Railway services, with deletion guards; var/local/tfvars resolved per folder.',
  },
  applies: (file) => /\.tf$/i.test(file.path) || isTfvars(file.path),
  // Variables, locals and tfvars are per folder (module), not per file: read them all first.
  prepare: (files) => prepareTerraform(files),
  partition: (files) => terraformParts(files),
  release: releaseHclWasm,
  parse: async (file, prepared) => {
    let json: Obj;
    try {
      const pre = (prepared as TfPrepared | undefined)?.json;
      const taken = pre?.get(file.path);
      pre?.delete(file.path);
      if (taken instanceof Error) throw taken;
      if (isTfvars(file.path)) {
        // Values are read by the pre-pass; here a file that cannot be read as tfvars becomes a diagnostic.
        if (taken !== undefined) return {};
        if (/\.json$/i.test(file.path)) JSON.parse(file.text);
        else await parseHcl(file.path, file.text);
        return {};
      }
      json = taken ?? ((await parseHcl(file.path, file.text)) as Obj);
    } catch (err) {
      const msg = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
      const line = new RegExp(`${escapeRegExp(file.path)}:(\\d+),`).exec(msg)?.[1] ?? /:(\d+),\d+/.exec(msg)?.[1];
      return { diagnostics: [parseError(file, `invalid HCL: ${msg.slice(0, 240)}`, line ? Number(line) : undefined)] };
    }
    const folder = ((prepared as TfPrepared | undefined) ?? (await prepareTerraform([file]))).folders.get(dirname(file.path));
    const out: Resource[] = [];
    for (const pass of passesFor(folder)) out.push(...(await parsePass(file, json, folder, pass)));
    return { resources: out };
  },
  examples: [
    {
      // An RDS instance left at the provider's defaults, an AWS Backup plan in the same account, and the selection
      // that ties them together (shapes from the Terraform AWS provider documentation).
      file: {
        path: 'infra/environments/production/main.tf',
        text: `locals {
  name = "orders-production"
}

resource "aws_db_instance" "orders" {
  identifier              = local.name
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  backup_retention_period = 7
  skip_final_snapshot     = true
}

resource "aws_backup_vault" "orders" {
  name = "\${local.name}-vault"
}

resource "aws_backup_plan" "orders" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.orders.name
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = 14
    }
  }
}

resource "aws_backup_selection" "orders" {
  name         = "rds"
  plan_id      = aws_backup_plan.orders.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = [aws_db_instance.orders.arn]
}
`,
      },
      expect: [
        {
          id: 'terraform:aws_db_instance.orders@production',
          type: 'database',
          environment: 'production',
          attributes: { engine: 'postgres', identifier: 'orders-production', deletionProtection: false, skipFinalSnapshot: true, deleteAutomatedBackups: true, backupRetentionDays: 7 },
        },
        { id: 'terraform:aws_backup_vault.orders@production', type: 'backup-vault' },
        {
          id: 'terraform:aws_backup_plan.orders@production',
          type: 'backup-plan',
          attributes: { vault: 'terraform:aws_backup_vault.orders@production', retentionDays: 14, crossAccountCopy: false },
        },
      ],
    },
    {
      // A versioned, object-locked bucket split over the AWS provider v4+ resources, a locked vault with a cross-account
      // copy, and an IAM user with an admin attachment and an access key.
      file: {
        path: 'main.tf',
        text: `resource "aws_s3_bucket" "backups" {
  bucket              = "acme-db-backups"
  object_lock_enabled = true
  tags = { Environment = "production" }
}
resource "aws_s3_bucket_versioning" "backups" {
  bucket = aws_s3_bucket.backups.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_object_lock_configuration" "backups" {
  bucket = aws_s3_bucket.backups.id
  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 30
    }
  }
}
resource "aws_backup_vault" "dr" {
  name = "dr"
}
resource "aws_backup_vault_lock_configuration" "dr" {
  backup_vault_name   = aws_backup_vault.dr.name
  changeable_for_days = 3
  min_retention_days  = 7
}
resource "aws_backup_plan" "p" {
  name = "p"
  rule {
    rule_name         = "r"
    target_vault_name = aws_backup_vault.dr.name
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-east-1:222222222222:backup-vault:central"
    }
  }
}
resource "aws_iam_user" "dns_updater" {
  name = "dns-updater"
  path = "/automation/"
  tags = { Purpose = "Route53 DNS updates" }
}
resource "aws_iam_user_policy_attachment" "admin" {
  user       = aws_iam_user.dns_updater.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_user_policy" "dns" {
  name = "dns"
  user = aws_iam_user.dns_updater.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["route53:ChangeResourceRecordSets"], Resource = "*" }]
  })
}
resource "aws_iam_access_key" "dns_updater" {
  user = aws_iam_user.dns_updater.name
}
`,
      },
      expect: [
        {
          id: 'terraform:aws_s3_bucket.backups',
          type: 'bucket',
          environment: 'production',
          attributes: { versioning: true, objectLock: true, objectLockMode: 'COMPLIANCE', bucket: 'acme-db-backups' },
        },
        { id: 'terraform:aws_backup_vault.dr', attributes: { locked: true, lockMode: 'compliance' } },
        { id: 'terraform:aws_backup_plan.p', attributes: { crossAccountCopy: true } },
        {
          id: 'terraform:aws_iam_user.dns_updater',
          type: 'iam-principal',
          attributes: {
            principalType: 'user',
            policies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            accessKeys: ['aws_iam_access_key.dns_updater'],
            policyDocuments: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets'], Resource: '*' }] }],
          },
        },
      ],
      reject: ['terraform:aws_s3_bucket_versioning.*', 'terraform:aws_iam_access_key.*'],
    },
    {
      // Near-miss: a protected RDS instance; and an unparseable file produces a diagnostic, not resources.
      file: {
        path: 'modules/db/main.tf',
        text: 'resource "aws_db_instance" "main" {\n  engine = "mysql"\n  deletion_protection = true\n  delete_automated_backups = false\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n',
      },
      expect: [{ id: 'terraform:module.db.aws_db_instance.main', attributes: { deletionProtection: true, deleteAutomatedBackups: false, preventDestroy: true, skipFinalSnapshot: false, backupRetentionDays: 1 } }],
      reject: ['terraform:aws_db_instance.main'],
    },
    {
      file: { path: 'broken.tf', text: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n' },
      expect: [],
      reject: ['terraform:*'],
    },
    {
      // One root module deployed twice with `-var-file`: values come from variables.tf defaults, locals in another
      // file and one tfvars per environment, so production and staging are separate resources.
      file: {
        path: 'infra/db.tf',
        text: 'resource "aws_db_instance" "main" {\n  identifier          = "${local.prefix}-${var.env}"\n  engine              = "postgres"\n  deletion_protection = var.deletion_protection\n  backup_retention_period = var.retention\n}\n',
      },
      related: [
        { path: 'infra/variables.tf', text: 'variable "env" {}\nvariable "deletion_protection" {\n  default = false\n}\nvariable "retention" {\n  default = 7\n}\n' },
        { path: 'infra/locals.tf', text: 'locals {\n  prefix = "orders"\n}\n' },
        { path: 'infra/envs/prod.tfvars', text: 'env = "prod"\ndeletion_protection = true\nretention = 30\n' },
        { path: 'infra/envs/staging.tfvars', text: 'env = "staging"\n' },
      ],
      expect: [
        { id: 'terraform:aws_db_instance.main@production', environment: 'production', attributes: { identifier: 'orders-prod', deletionProtection: true, backupRetentionDays: 30 } },
        { id: 'terraform:aws_db_instance.main@staging', environment: 'staging', attributes: { identifier: 'orders-staging', deletionProtection: false, backupRetentionDays: 7 } },
      ],
      reject: ['terraform:aws_db_instance.main'],
    },
    {
      // One local module called from two environment roots with different arguments: two deployments, each with the
      // caller's environment; an argument the caller cannot resolve stays unknown instead of falling back to the default.
      file: {
        path: 'modules/db/main.tf',
        text: 'variable "deletion_protection" {\n  default = false\n}\nvariable "retention" {\n  default = 7\n}\nresource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  deletion_protection     = var.deletion_protection\n  backup_retention_period = var.retention\n}\n',
      },
      related: [
        { path: 'environments/prod/main.tf', text: 'module "database" {\n  source              = "../../modules/db"\n  deletion_protection = true\n  retention           = var.retention_days\n}\n' },
        { path: 'environments/staging/main.tf', text: 'module "database" {\n  source = "../../modules/db"\n}\n' },
      ],
      expect: [
        { id: 'terraform:module.database.aws_db_instance.main@production', environment: 'production', attributes: { deletionProtection: true } },
        { id: 'terraform:module.database.aws_db_instance.main@staging', environment: 'staging', attributes: { deletionProtection: false, backupRetentionDays: 7 } },
      ],
      reject: ['terraform:module.db.*'],
    },
    ...TERRAFORM_GCP_EXAMPLES,
    ...TERRAFORM_MORE_EXAMPLES,
    ...TERRAFORM_DB_ROLES_EXAMPLES,
  ],
};

export default parser;
