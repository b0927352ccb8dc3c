// Terraform, beyond the AWS core: DynamoDB tables (deletion protection and point-in-time recovery default to off),
// EBS volumes and EFS file systems, Cloudflare zones, DNS records and API tokens (with their permission groups), and
// the community Railway provider's projects, environments, services and volumes.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_backup_policy
// https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/api_token
// https://registry.terraform.io/providers/terraform-community-providers/railway/latest/docs
import type { CloudflareTokenAttrs, DatabaseAttrs, DatabaseBackupAttrs, IamPrincipalAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import { block, blocks, isObj } from './hcl-values.js';
import { add, idOf, withDefaults, type Ctx, type Handler, type Obj } from './terraform-context.js';

function dynamodb(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const pitr = block(body, 'point_in_time_recovery');
  const table = s.text(body.name);
  const a: DatabaseAttrs & DatabaseBackupAttrs & Obj = {
    platform: 'aws',
    engine: 'dynamodb',
    deletionProtection: s.bool(body.deletion_protection_enabled),
    pointInTimeRecovery: pitr ? (s.bool(pitr.enabled) ?? undefined) : false,
    identifier: table,
    account: ctx.account,
  };
  const attributes = withDefaults(body, a, [['deletion_protection_enabled', 'deletionProtection', false]]);
  add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'database', name: table ?? name, attributes, names: [table] });
}

function awsVolumes(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const tags = isObj(body.tags) ? body.tags : {};
  if (type === 'aws_ebs_volume') {
    const a: VolumeAttrs & DatabaseBackupAttrs & Obj = { platform: 'aws', kind: 'ebs', nativeBackups: 'none', finalSnapshot: s.bool(body.final_snapshot), account: ctx.account };
    const attributes = withDefaults(body, a, [['final_snapshot', 'finalSnapshot', false]]);
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'volume', name: s.text(tags.Name) ?? name, attributes });
  } else if (type === 'aws_efs_file_system') {
    // Automatic backups are off for file systems created through the API unless an aws_efs_backup_policy enables them;
    // AWS Backup then keeps recovery points in the default vault of the same account.
    const policy = Object.values(ctx.all.aws_efs_backup_policy ?? {}).find((p) => {
      const r = s.ref(p.file_system_id);
      return r?.type === type && r.name === name;
    });
    const enabled = s.str(block(policy, 'backup_policy')?.status) === 'ENABLED';
    const a: VolumeAttrs & DatabaseBackupAttrs & Obj = { platform: 'aws', kind: 'efs', nativeBackups: enabled ? 'platform' : 'none', backupsEnabled: enabled, account: ctx.account };
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'aws', type: 'volume', name: s.text(tags.Name) ?? s.text(body.creation_token) ?? name, attributes: a });
  }
}

/** Well-known Cloudflare permission group ids (from the API's permission group list). */
const CF_GROUP_IDS: Record<string, string> = {
  c8fed203ed3043cba015a93ad1616f1f: 'Zone Read',
  e6d2666161e84845a636613608cee8d5: 'Zone Write',
  '82e64a83756745bbbb1c9c2701bf816b': 'DNS Read',
  '4755a26eedb94da69e1066d98aa820be': 'DNS Write',
  b4992e1108244f5d8bfbd5744320c2e1: 'Workers R2 Storage Read',
  bf7481a1826f439697cb59a20b22293e: 'Workers R2 Storage Write',
};

/** A permission group as written: `data…permission_groups.all.zone["DNS Write"]`, `{ id = "…" }` or a literal id. */
function groupName(ctx: Ctx, v: unknown): string | undefined {
  const raw = isObj(v) ? v.id : v;
  if (typeof raw !== 'string') return undefined;
  const named = /\[\s*"([^"]+)"\s*\]/.exec(raw)?.[1];
  if (named) return named;
  const id = ctx.scope.str(raw);
  return id ? (CF_GROUP_IDS[id] ?? id) : undefined;
}

function cloudflare(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  if (type === 'cloudflare_api_token' || type === 'cloudflare_account_token') {
    // Provider v4: `policy { … }` blocks; v5: `policies = [{ … }]`.
    const policies = [...blocks(body, 'policy'), ...(Array.isArray(body.policies) ? body.policies.filter(isObj) : [])];
    const allow = policies.filter((p) => (s.str(p.effect) ?? 'allow') === 'allow');
    const groups = allow.flatMap((p) => (Array.isArray(p.permission_groups) ? p.permission_groups : []).map((g) => groupName(ctx, g))).filter((x): x is string => !!x);
    const resources = allow.flatMap((p) => (isObj(p.resources) ? Object.keys(p.resources) : typeof p.resources === 'string' ? [p.resources] : []));
    const zones = resources.flatMap((key) => {
      const ref = /\$\{\s*cloudflare_zone\.([\w-]+)\.id\s*\}/.exec(key)?.[1];
      const zone = ref ? ctx.all.cloudflare_zone?.[ref] : undefined;
      const zoneName = zone ? (s.text(zone.zone) ?? s.text(zone.name)) : undefined;
      return zoneName ? [zoneName] : [];
    });
    const tokenName = s.text(body.name);
    const a: IamPrincipalAttrs & CloudflareTokenAttrs & Obj = {
      principalType: 'api-token',
      permissionGroups: [...new Set(groups)],
      tokenResources: resources.map((r) => r.replace(/\$\{[^}]*\}/g, '<ref>')),
      tokenZones: zones.length ? [...new Set(zones)] : undefined,
      purpose: tokenName,
    };
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'cloudflare', type: 'iam-principal', name: tokenName ?? name, attributes: a, names: [tokenName] });
  } else if (type === 'cloudflare_zone') {
    const zone = s.text(body.zone) ?? s.text(body.name);
    add(ctx, 'primary', type, name, body, { id: idOf(ctx, type, name), provider: 'cloudflare', type: 'dns-zone', name: zone ?? name, attributes: { zone, records: [] }, names: [zone] });
  } else if (type === 'cloudflare_record' || type === 'cloudflare_dns_record') {
    const ref = s.ref(body.zone_id);
    if (ref?.type !== 'cloudflare_zone') return;
    const record = `${s.text(body.name) ?? name} ${s.str(body.type) ?? ''}`.trim();
    add(ctx, 'partial', type, name, body, { id: idOf(ctx, ref.type, ref.name), provider: 'cloudflare', type: 'dns-zone', name: ref.name, attributes: { records: [record] } });
  }
}

/** Railway provider: ids shared with railway.json so both describe the same nodes. */
function railway(ctx: Ctx, type: string, name: string, body: Obj) {
  const s = ctx.scope;
  const nm = s.text(body.name) ?? name;
  if (type === 'railway_project') {
    add(ctx, 'primary', type, name, body, { id: `railway:project/${nm}`, provider: 'railway', type: 'project', name: nm, attributes: { platform: 'railway', terraform: idOf(ctx, type, name) } });
  } else if (type === 'railway_environment') {
    add(ctx, 'primary', type, name, body, { id: `railway:environment/${nm}`, provider: 'railway', type: 'environment', name: nm, attributes: { platform: 'railway' }, names: [nm] });
  } else if (type === 'railway_service') {
    const volume = block(body, 'volume');
    add(ctx, 'primary', type, name, body, { id: `railway:service/${nm}`, provider: 'railway', type: 'service', name: nm, attributes: { platform: 'railway', requiredMountPath: s.str(volume?.mount_path) }, names: [nm] });
    if (volume) {
      const a: VolumeAttrs & Obj = { platform: 'railway', nativeBackups: 'platform', mountPath: s.str(volume.mount_path), service: `railway:service/${nm}`, volumeName: s.text(volume.name) };
      add(ctx, 'primary', type, name, body, { id: `railway:volume/${nm}`, provider: 'railway', type: 'volume', name: `${nm} volume`, attributes: a, names: [nm] });
    }
  }
}

export const TERRAFORM_MORE: Array<[RegExp, Handler]> = [
  [/^aws_dynamodb_table$/, dynamodb],
  [/^aws_(?:ebs_volume|efs_file_system)$/, awsVolumes],
  [/^cloudflare_(?:api_token|account_token|zone|record|dns_record)$/, cloudflare],
  [/^railway_(?:project|environment|service)$/, railway],
];

/** Examples for the Terraform parser, from the AWS, Cloudflare and Railway providers' documentation. */
export const TERRAFORM_MORE_EXAMPLES: InventoryParser['examples'] = [
  {
    // DynamoDB with PITR and prevent_destroy; a Cloudflare token with DNS Write on one zone and its zone and record;
    // a Railway service with a volume.
    file: {
      path: 'infra/main.tf',
      text: `resource "aws_dynamodb_table" "orders" {
  name         = "orders-production"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  point_in_time_recovery {
    enabled = true
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_efs_file_system" "uploads" {
  creation_token = "uploads"
}
resource "aws_efs_backup_policy" "uploads" {
  file_system_id = aws_efs_file_system.uploads.id
  backup_policy {
    status = "ENABLED"
  }
}

data "cloudflare_api_token_permission_groups" "all" {}

resource "cloudflare_zone" "shop" {
  account_id = var.account_id
  zone       = "shop.example.com"
}

resource "cloudflare_record" "www" {
  zone_id = cloudflare_zone.shop.id
  name    = "www"
  type    = "CNAME"
  content = "shop.pages.dev"
}

resource "cloudflare_api_token" "dns_updater" {
  name = "dns-updater"
  policy {
    permission_groups = [
      data.cloudflare_api_token_permission_groups.all.zone["DNS Write"],
      "c8fed203ed3043cba015a93ad1616f1f",
    ]
    resources = {
      "com.cloudflare.api.account.zone.\${cloudflare_zone.shop.id}" = "*"
    }
  }
}

resource "railway_service" "db" {
  name       = "postgres"
  project_id = railway_project.shop.id
  volume = {
    name       = "pgdata"
    mount_path = "/var/lib/postgresql/data"
  }
}
`,
    },
    expect: [
      { id: 'terraform:aws_dynamodb_table.orders', type: 'database', environment: 'production', attributes: { engine: 'dynamodb', pointInTimeRecovery: true, deletionProtection: false, preventDestroy: true } },
      { id: 'terraform:aws_efs_file_system.uploads', type: 'volume', attributes: { backupsEnabled: true, nativeBackups: 'platform' } },
      { id: 'terraform:cloudflare_zone.shop', type: 'dns-zone', attributes: { zone: 'shop.example.com', records: ['www CNAME'] } },
      { id: 'terraform:cloudflare_api_token.dns_updater', type: 'iam-principal', attributes: { principalType: 'api-token', permissionGroups: ['DNS Write', 'Zone Read'], tokenZones: ['shop.example.com'] } },
      { id: 'railway:service/postgres', type: 'service' },
      { id: 'railway:volume/postgres', type: 'volume', attributes: { nativeBackups: 'platform', mountPath: '/var/lib/postgresql/data' } },
    ],
    reject: ['terraform:cloudflare_record.*', 'terraform:aws_efs_backup_policy.*'],
  },
  {
    // Near-miss: a DynamoDB table with no PITR block and deletion protection on (v5 token with `policies`).
    file: {
      path: 'tables.tf',
      text: `resource "aws_dynamodb_table" "sessions" {
  name                        = "sessions"
  hash_key                    = "id"
  deletion_protection_enabled = true
}
resource "cloudflare_api_token" "read" {
  name = "read-only"
  policies = [{
    effect            = "allow"
    permission_groups = [{ id = "82e64a83756745bbbb1c9c2701bf816b" }]
    resources         = { "com.cloudflare.api.account.zone.*" = "*" }
  }]
}
`,
    },
    expect: [
      { id: 'terraform:aws_dynamodb_table.sessions', attributes: { deletionProtection: true, pointInTimeRecovery: false } },
      { id: 'terraform:cloudflare_api_token.read', attributes: { permissionGroups: ['DNS Read'], tokenResources: ['com.cloudflare.api.account.zone.*'] } },
    ],
    reject: ['railway:*'],
  },
];
