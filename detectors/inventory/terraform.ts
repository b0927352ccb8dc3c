// Terraform (`*.tf`, parsed by @cdktf/hcl2json): databases with their deletion guards and backup settings, S3 buckets
// (versioning, object lock — merged from their split resources), AWS Backup vaults/plans/selections, and IAM
// principals with their policies and access keys. Defaults are the AWS provider's documented ones and are listed in
// `defaults`; values that are expressions we cannot resolve stay undefined.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance
// https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
import { parse as parseHcl } from '@cdktf/hcl2json';
import type { InventoryParser } from '../../src/detector-api.js';
import type { Resource, SourceFile } from '../../src/types.js';
import type { BackupPlanAttrs, BackupVaultAttrs, BucketAttrs, DatabaseAttrs, IamPrincipalAttrs } from '../../src/resources.js';
import { environmentOfName } from '../../src/classify.js';
import { escapeRegExp } from '../../src/text.js';
import { lineOf, makeResource, mergeById, parseError } from './resource-builder.js';
import { HclScope, block, blocks, isObj, type Reference } from './hcl-values.js';

type Obj = Record<string, unknown>;

interface Ctx {
  file: SourceFile;
  scope: HclScope;
  /** `module.<m>.` for files under modules/<m>/. */
  prefix: string;
  /** `@<environment>` for root modules in an environment folder, so environments/prod and environments/staging differ. */
  suffix: string;
  account?: string;
  primary: Resource[];
  partial: Resource[];
  /** Resource bodies by type, for literal-name lookups. */
  all: Record<string, Record<string, Obj>>;
}

const idOf = (ctx: Ctx, type: string, name: string) => `terraform:${ctx.prefix}${type}.${name}${ctx.suffix}`;
const locate = (ctx: Ctx, type: string, name: string) =>
  lineOf(ctx.file.text, new RegExp(`resource\\s+"${escapeRegExp(type)}"\\s+"${escapeRegExp(name)}"`));

function environmentFor(ctx: Ctx, name: string, body: Obj, ...names: Array<string | undefined>) {
  if (ctx.file.environment.environment !== 'unknown') return ctx.file.environment.environment;
  const tags = isObj(body.tags) ? body.tags : {};
  for (const k of ['Environment', 'environment', 'Env', 'env', 'Stage', 'stage', 'Tier']) {
    const env = environmentOfName(ctx.scope.text(tags[k]) ?? '');
    if (env !== 'unknown') return env;
  }
  for (const n of [...names, ctx.scope.text(tags.Name), name]) {
    const env = environmentOfName(n ?? '');
    if (env !== 'unknown') return env;
  }
  return 'unknown';
}

function add(ctx: Ctx, kind: 'primary' | 'partial', type: string, name: string, body: Obj, r: Omit<Parameters<typeof makeResource>[1], 'line' | 'environment'> & { names?: Array<string | undefined> }) {
  const { names, ...init } = r;
  ctx[kind].push(makeResource(ctx.file, { ...init, environment: environmentFor(ctx, name, body, ...(names ?? [])), line: locate(ctx, type, name), context: `${type}.${name}` }));
}

/** Resolves a reference or literal name to the id of a resource of `type` declared in this file (or referenced). */
function target(ctx: Ctx, v: unknown, type: string, nameAttr: string): { id: string; name: string } | undefined {
  const r = ctx.scope.ref(v);
  if (r?.type === type) return { id: idOf(ctx, type, r.name), name: ctx.scope.text(ctx.all[type]?.[r.name]?.[nameAttr]) ?? r.name };
  const lit = ctx.scope.str(v);
  if (!lit) return undefined;
  const found = Object.entries(ctx.all[type] ?? {}).find(([, b]) => ctx.scope.str(b[nameAttr]) === lit);
  return found ? { id: idOf(ctx, type, found[0]), name: lit } : { id: `aws:${type.replace(/^aws_/, '')}/${lit}`, name: lit };
}

const refId = (ctx: Ctx, r: Reference) => (r.type.startsWith('data.') ? `terraform:${ctx.prefix}${r.type}.${r.name}${ctx.suffix}` : idOf(ctx, r.type, r.name));

/** Fills provider defaults for attributes the source does not set, and lists them. */
function withDefaults<T extends Obj>(body: Obj, attrs: T, defaults: Array<[string, keyof T, unknown]>): T & { defaults?: string[] } {
  const used: string[] = [];
  for (const [hclName, key, value] of defaults) {
    if (!(hclName in body)) {
      (attrs as Obj)[key as string] = value;
      used.push(hclName);
    }
  }
  return used.length ? { ...attrs, defaults: used } : attrs;
}

// ---------------------------------------------------------------------------------------------------------------

function databases(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const lifecycle = block(body, 'lifecycle');
  if (type === 'google_sql_database_instance') {
    const settings = block(body, 'settings');
    const backup = block(settings, 'backup_configuration');
    const retention = block(backup, 'backup_retention_settings');
    const a: DatabaseAttrs & Obj = {
      platform: 'gcp',
      engine: s.str(body.database_version)?.split('_')[0]?.toLowerCase(),
      deletionProtection: s.bool(body.deletion_protection),
      preventDestroy: s.bool(lifecycle?.prevent_destroy),
      backupRetentionDays: retention && (s.str(retention.retention_unit) ?? 'COUNT') === 'COUNT' ? s.num(retention.retained_backups) : undefined,
      backupsEnabled: backup ? s.bool(backup.enabled) : false,
      deletionProtectionApi: s.bool(settings?.deletion_protection_enabled),
    };
    const attributes = withDefaults(body, a, [['deletion_protection', 'deletionProtection', true]]);
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'gcp', type: 'database', name: s.text(body.name) ?? name, attributes, names: [s.text(body.name)] });
    return;
  }
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
  };
  const attributes = withDefaults(body, a, [
    ['deletion_protection', 'deletionProtection', false],
    ['skip_final_snapshot', 'skipFinalSnapshot', false],
    ...(instance ? ([['delete_automated_backups', 'deleteAutomatedBackups', true]] as Array<[string, keyof typeof a, unknown]>) : []),
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

type Handler = (ctx: Ctx, type: string, name: string, body: Obj) => void | Promise<void>;
const HANDLERS: Array<[RegExp, Handler]> = [
  [/^(?:aws_db_instance|aws_rds_cluster|google_sql_database_instance)$/, databases],
  [/^aws_s3_bucket(?:_versioning|_object_lock_configuration|_replication_configuration)?$/, buckets],
  [/^aws_backup_(?:vault|vault_lock_configuration|plan|selection)$/, backups],
  [/^aws_iam_(?:user|role|group|policy|access_key|user_group_membership|policy_attachment|(?:user|role|group)_policy(?:_attachment)?)$/, iam],
  [/^aws_route53_zone$/, dns],
];

/** The account a file's AWS provider is pinned to (`allowed_account_ids` with one entry). */
function accountOf(scope: HclScope, json: Obj): string | undefined {
  const providers = isObj(json.provider) ? json.provider : {};
  const aws = Array.isArray(providers.aws) ? providers.aws.filter(isObj) : [];
  const ids = aws.flatMap((p) => (Array.isArray(p.allowed_account_ids) ? p.allowed_account_ids : [])).map((x) => scope.str(x));
  return ids.length === 1 ? ids[0] : undefined;
}

const parser: InventoryParser = {
  meta: {
    id: 'terraform',
    title: 'Terraform',
    summary: 'Databases, buckets, AWS Backup vaults and plans, and IAM principals declared in Terraform, with their deletion guards.',
  },
  applies: (file) => /\.tf$/i.test(file.path),
  parse: async (file) => {
    let json: Obj;
    try {
      json = (await parseHcl(file.path, file.text)) as Obj;
    } catch (err) {
      const msg = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
      const line = new RegExp(`${escapeRegExp(file.path)}:(\\d+),`).exec(msg)?.[1] ?? /:(\d+),\d+/.exec(msg)?.[1];
      return { diagnostics: [parseError(file, `invalid HCL: ${msg.slice(0, 240)}`, line ? Number(line) : undefined)] };
    }
    const scope = new HclScope(json);
    scope.loadPolicyDocuments();
    const module = /(?:^|\/)modules\/([^/]+)\//.exec(file.path)?.[1];
    const env = file.environment;
    const ctx: Ctx = {
      file,
      scope,
      prefix: module ? `module.${module}.` : '',
      suffix: !module && env.environment !== 'unknown' && env.reason.startsWith('folder') ? `@${env.environment}` : '',
      account: accountOf(scope, json),
      primary: [],
      partial: [],
      all: {},
    };
    const resources = isObj(json.resource) ? json.resource : {};
    for (const [type, byName] of Object.entries(resources)) {
      if (!isObj(byName)) continue;
      ctx.all[type] = Object.fromEntries(Object.entries(byName).map(([n, defs]) => [n, (Array.isArray(defs) ? defs[0] : defs) as Obj]).filter(([, b]) => isObj(b)));
    }
    for (const [type, byName] of Object.entries(ctx.all)) {
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
    return { resources: mergeById([...ctx.primary, ...ctx.partial]) };
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
      expect: [{ id: 'terraform:module.db.aws_db_instance.main', attributes: { deletionProtection: true, deleteAutomatedBackups: false, preventDestroy: true, skipFinalSnapshot: false } }],
      reject: ['terraform:aws_db_instance.main'],
    },
    {
      file: { path: 'broken.tf', text: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n' },
      expect: [],
      reject: ['terraform:*'],
    },
  ],
};

export default parser;
