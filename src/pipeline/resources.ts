// The attribute vocabulary of inventory resources: what parsers record and rules read. A parser sets only what the
// source says; an absent attribute means "not stated" (rules treat it as the platform default or as unknown).
import type { Resource, Scope } from '../core/types.js';
import { pushTo } from '../core/text.js';

export interface DatabaseAttrs {
  engine?: string;
  platform?: string;
  deletionProtection?: boolean;
  /** Terraform `lifecycle { prevent_destroy = true }`. */
  preventDestroy?: boolean;
  skipFinalSnapshot?: boolean;
  deleteAutomatedBackups?: boolean;
  backupRetentionDays?: number;
  /** Id of the volume resource the data lives on (Railway/Fly/compose/k8s). */
  volume?: string;
  /** Host names or project refs that identify it in connection URLs. */
  hosts?: string[];
  /** A database on this machine or beside it (loopback, CI service container, compose service): not deployed data. */
  local?: boolean;
  /** The signal that decided its environment. */
  environmentReason?: string;
}

export interface VolumeAttrs {
  platform?: 'railway' | 'fly' | 'compose' | 'k8s' | 'aws' | string;
  mountPath?: string;
  service?: string;
  /** 'platform' = the platform's own volume snapshots, stored with the volume. */
  nativeBackups?: 'platform' | 'none' | 'unknown';
  reclaimPolicy?: string;
}

export interface BucketAttrs {
  versioning?: boolean;
  objectLock?: boolean;
  objectLockMode?: string;
  mfaDelete?: boolean;
  replication?: boolean;
  account?: string;
  forceDestroy?: boolean;
}

export interface BackupVaultAttrs {
  locked?: boolean;
  lockMode?: 'governance' | 'compliance';
  account?: string;
}

export interface BackupPlanAttrs {
  vault?: string;
  retentionDays?: number;
  /** A copy_action to a vault in another account or region. */
  crossAccountCopy?: boolean;
}

/** A job or script that takes backups: where they end up decides whether they survive the data. */
export interface BackupJobAttrs {
  destination?: 'same-volume' | 'same-platform' | 'off-platform' | 'unknown';
  /** Where it writes (a path, a bucket URL), never a secret. */
  target?: string;
  schedule?: string;
}

export interface WorkflowJobAttrs {
  workflow?: string;
  job?: string;
  /** The job's `environment:` name, if declared. */
  deployEnvironment?: string;
  /** The signal that decided the job's environment (`environment: production`, `deploy target (--prod)`…). */
  environmentReason?: string;
  /** Names of the job's `services:` containers (hosts its steps reach on the runner). */
  serviceContainers?: string[];
  secrets?: string[];
  /** Effective permissions: 'write-all' | 'read-all' | a scope map | 'default' (absent). */
  permissions?: 'write-all' | 'read-all' | 'default' | Record<string, string>;
  triggers?: string[];
  /** Destructive commands the job runs, e.g. `terraform destroy -auto-approve`. */
  destructiveCommands?: string[];
  secretsInherit?: boolean;
  /** The job checks out the pull request's head (`ref: ${{ github.event.pull_request.head.sha }}`, `gh pr checkout`): untrusted code. */
  checksOutPullRequest?: boolean;
  /** The reusable workflow a job calls (`uses: owner/repo/.github/workflows/x.yml@ref` or `./.github/workflows/x.yml`). */
  reusableWorkflow?: string;
}

export interface ScriptAttrs {
  command?: string;
  /** What it destroys, e.g. `prisma migrate reset --force`. */
  destructive?: string;
  /** True when the command skips its own confirmation (--force, -auto-approve, --accept-data-loss, -y). */
  force?: boolean;
}

export interface AgentAttrs {
  tool?: string;
  allow?: string[];
  deny?: string[];
  ask?: string[];
  defaultMode?: string;
  /** bypassPermissions / dangerously-skip-permissions / yolo modes. */
  bypass?: boolean;
  /** An allow rule that admits any shell command (`Bash`, `Bash(*)`). */
  anyShell?: boolean;
  /** Path patterns the agent may not read (deny Read rules, ignore files). */
  denyRead?: string[];
  /** Shell command prefixes the agent is denied or must ask for. */
  denyCommands?: string[];
  askCommands?: string[];
  /** From instruction files (AGENTS.md, CLAUDE.md, rules): destructive commands the agent is told to run. */
  instructedCommands?: string[];
  /** Whether any instructed destructive command skips its confirmation. */
  instructedForce?: boolean;
  /** Scripts (package.json/Makefile names) the instructions tell the agent to run. */
  instructedScripts?: string[];
  /** Secret files the instructions tell the agent to read or load (`source .env.production`, `cat .env`). */
  instructedSecretFiles?: string[];
}

export interface McpServerAttrs {
  command?: string;
  url?: string;
  /** Env/header names that hold a literal value in the config (not `${VAR}`). */
  literalSecretKeys?: string[];
}

export interface IamPrincipalAttrs {
  principalType?: 'user' | 'role' | 'group' | 'service-account' | 'api-token' | 'database-role';
  /** Managed policy ARNs or names attached. */
  policies?: string[];
  /** Inline or customer policy documents (parsed JSON). */
  policyDocuments?: unknown[];
  /** Free text that says what it is for: tags, description, name. */
  purpose?: string;
  /** Terraform names of access keys created for it. */
  accessKeys?: string[];
  /** GCP roles bound to it. */
  roles?: string[];
  email?: string;
}

/** A database role declared in SQL (`CREATE ROLE`, `GRANT`) or Terraform (`postgresql_role`, `mysql_grant`). */
export interface DatabaseRoleAttrs {
  engine?: 'postgres' | 'mysql';
  /** The role's own name, as the engine folds it (unquoted Postgres names are lower case). */
  roleName?: string;
  /** SUPERUSER, or MySQL `ALL PRIVILEGES ON *.*`: can drop every database on the server. */
  superuser?: boolean;
  /** CREATEDB / CREATEROLE attributes. */
  createDb?: boolean;
  createRole?: boolean;
  /** Databases, schemas and tables it owns: an owner can drop them. */
  owns?: string[];
  /** Privileges granted to it, upper case (`SELECT`, `INSERT`, `ALL`). */
  privileges?: string[];
  /** What each grant was on, for the chain (`SELECT on ALL TABLES IN SCHEMA public`). */
  grants?: string[];
  /** Roles it is a member of (it inherits their privileges). */
  memberOf?: string[];
}

/** Backup settings beyond retention: Cloud SQL, DynamoDB, EFS. */
export interface DatabaseBackupAttrs {
  /** Automated backups switched on (Cloud SQL `backup_configuration.enabled`, EFS backup policy). */
  backupsEnabled?: boolean;
  /** Point-in-time recovery (DynamoDB `point_in_time_recovery`, Cloud SQL `point_in_time_recovery_enabled`). */
  pointInTimeRecovery?: boolean;
  /** Cloud SQL `settings.deletion_protection_enabled`: the API-level guard (also stops console/gcloud deletes). */
  deletionProtectionApi?: boolean;
  /** Aurora cluster (engine aurora-*). */
  aurora?: boolean;
  /** EBS `final_snapshot`: a snapshot is taken before the volume is deleted. */
  finalSnapshot?: boolean;
  /** Where the platform's own backups live: 'platform' = kept by the same provider/account (Render, Heroku, Supabase). */
  backupStorage?: 'platform' | 'off-platform' | 'none' | 'unknown';
}

/** GCS retention policy: with `is_locked` the bucket is write-once (objects cannot be deleted before the period). */
export interface BucketRetentionAttrs {
  retentionLocked?: boolean;
  retentionDays?: number;
  /** GCS soft delete window; 0 turns it off. */
  softDeleteDays?: number;
}

/** A GCP IAM role binding held by a principal. */
export interface GcpRoleBinding {
  role: string;
  /** Where it is granted: 'project' | 'folder' | 'organization', or the resource kind ('bucket', 'service-account', …). */
  on: string;
  /** The project id, bucket name or resource reference, when known. */
  target?: string;
  /** Bound with an IAM condition: it may apply only some of the time. */
  conditional?: boolean;
}

export interface GcpPrincipalAttrs {
  /** `google_service_account.account_id`. */
  accountId?: string;
  project?: string;
  roleBindings?: GcpRoleBinding[];
}

/** A Cloudflare API token declared in Terraform (`cloudflare_api_token`). */
export interface CloudflareTokenAttrs {
  /** Permission group names (`DNS Write`) or ids when no name is known. */
  permissionGroups?: string[];
  /** Resource keys of its policies, e.g. `com.cloudflare.api.account.zone.*`. */
  tokenResources?: string[];
  /** Zone names of zone-specific policy resources, when the zone is declared in Terraform. */
  tokenZones?: string[];
}

/** Services, projects and environments on hosting platforms (Render, Fly, Heroku, Vercel, Netlify, Supabase). */
export interface PlatformServiceAttrs {
  platform?: string;
  /** Plan or tier, e.g. `starter`, `pro` (decides backups on some platforms). */
  plan?: string;
  region?: string;
  /** Env var names it reads or is given (never values). */
  envVars?: string[];
  /** Linked env groups / addons. */
  envGroups?: string[];
  addons?: string[];
  /** Reachable from any IP (no allow list). */
  publicAccess?: boolean;
}

/** Kubernetes objects. */
export interface KubernetesAttrs {
  kind?: string;
  namespace?: string;
  storageClass?: string;
  storage?: string;
  /** kustomize overlay or Helm values file the object came from. */
  overlay?: string;
  /** Workloads that mount the claim. */
  mountedBy?: string[];
}

/** GitLab CI job specifics (beyond WorkflowJobAttrs). */
export interface GitlabJobAttrs {
  stage?: string;
  /** `environment:url`. */
  environmentUrl?: string;
  /** Branches/refs the job is restricted to by `rules`/`only`. */
  refs?: string[];
  /** True when the job only runs on the default or a protected-looking branch (main/master/production, tags). */
  protectedRefsOnly?: boolean;
  /** CI/CD variables the job reads (`$NAME`), not declared in the file: project/group variables. */
  variables?: string[];
  when?: string;
}

/** The job's GITHUB_TOKEN: its effective permissions as a scope (detectors/scopes/github-token.ts). */
export interface WorkflowTokenAttrs {
  tokenScope?: Scope;
}

export function attrs<T>(r: Resource): T {
  return r.attributes as T;
}

/**
 * Merges resources that share an id into one: attributes combined (lists unioned, a value set once wins), backupOf
 * unioned, the first location kept. `anyBoolean`: a flag set true by any description stays true (the graph joins
 * several files' view of one agent or volume). `fillEnvironment`: a later description may name an unknown environment.
 */
export function mergeResources(list: readonly Resource[], opts: { anyBoolean?: boolean; fillEnvironment?: boolean } = {}): Resource[] {
  const byId = new Map<string, Resource>();
  for (const r of list) {
    const prev = byId.get(r.id);
    if (!prev) {
      byId.set(r.id, { ...r, attributes: { ...r.attributes } });
      continue;
    }
    for (const [k, v] of Object.entries(r.attributes)) {
      const old = prev.attributes[k];
      if (old === undefined) prev.attributes[k] = v;
      else if (Array.isArray(old) && Array.isArray(v)) prev.attributes[k] = [...new Set([...old, ...v])];
      else if (opts.anyBoolean && typeof old === 'boolean' && typeof v === 'boolean') prev.attributes[k] = old || v;
    }
    if (r.backupOf?.length) prev.backupOf = [...new Set([...(prev.backupOf ?? []), ...r.backupOf])];
    if (opts.fillEnvironment && prev.environment === 'unknown') prev.environment = r.environment;
  }
  return [...byId.values()];
}

const byTypeCache = new WeakMap<readonly Resource[], { length: number; byType: Map<string, Resource[]> }>();

/**
 * The resources of one type, in order: indexed once per resource list (and again if it grew), so that resolvers and
 * rules asking once per credential or per workflow do not each walk every resource of a large repository.
 */
export function resourcesOfType(resources: readonly Resource[], type: Resource['type']): readonly Resource[] {
  let cached = byTypeCache.get(resources);
  if (!cached || cached.length !== resources.length) {
    const byType = new Map<string, Resource[]>();
    for (const r of resources) pushTo(byType, r.type, r);
    cached = { length: resources.length, byType };
    byTypeCache.set(resources, cached);
  }
  return cached.byType.get(type) ?? [];
}
