// The attribute vocabulary of inventory resources: what parsers record and rules read. A parser sets only what the
// source says; an absent attribute means "not stated" (rules treat it as the platform default or as unknown).
import type { Resource } from './types.js';

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
  secrets?: string[];
  /** Effective permissions: 'write-all' | 'read-all' | a scope map | 'default' (absent). */
  permissions?: 'write-all' | 'read-all' | 'default' | Record<string, string>;
  triggers?: string[];
  /** Destructive commands the job runs, e.g. `terraform destroy -auto-approve`. */
  destructiveCommands?: string[];
  secretsInherit?: boolean;
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
}

export interface McpServerAttrs {
  command?: string;
  url?: string;
  /** Env/header names that hold a literal value in the config (not `${VAR}`). */
  literalSecretKeys?: string[];
}

export interface IamPrincipalAttrs {
  principalType?: 'user' | 'role' | 'group' | 'service-account';
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

export function attrs<T>(r: Resource): T {
  return r.attributes as T;
}
