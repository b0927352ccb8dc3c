// The data model shared by every stage of the pipeline:
// walk → extract → resolve → inventory → graph → rules → report.
// Nothing after `extract` ever sees a raw secret: credentials carry a fingerprint and a redacted preview,
// and the raw values live only in the SecretVault (src/vault.ts).

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ENVIRONMENTS = ['production', 'staging', 'development', 'test', 'unknown'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const CATEGORIES = [
  'secret-exposure',
  'credential-scope',
  'environment-isolation',
  'backup-isolation',
  'destructive-guard',
  'ci-cd',
  'agent-exposure',
  'vendor-dependency',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Confidence = 'high' | 'medium' | 'low';

/** What kind of file a credential sits in, in order of how much it matters there: a production config before a test. */
export const FILE_CONTEXTS = ['config', 'code', 'example', 'docs', 'test', 'generated', 'vendored', 'lockfile'] as const;
export type FileContext = (typeof FILE_CONTEXTS)[number];

export type FileKind =
  | 'env'
  | 'terraform'
  | 'workflow'
  | 'compose'
  | 'k8s'
  | 'platform'
  | 'agent'
  | 'credential-file'
  | 'source'
  | 'other';

/** How a file came to be in the scan: git-tracked, untracked, or hidden by .gitignore but readable on disk. */
export type GitStatus = 'tracked' | 'untracked' | 'ignored-but-present' | 'no-git';

export interface EnvironmentHint {
  environment: Environment;
  /** The signal that decided it, e.g. "file name .env.production" or "config mapping". */
  reason: string;
}

/** A file as the extractors and parsers see it. `path` is repository-relative with forward slashes. */
export interface SourceFile {
  path: string;
  kind: FileKind;
  gitStatus: GitStatus;
  environment: EnvironmentHint;
  text: string;
  /** Set when the file comes from git history rather than the working tree. */
  commit?: CommitInfo;
}

export interface CommitInfo {
  sha: string;
  author: string;
  date: string;
  /** Whether the secret this location holds is still present at HEAD. */
  atHead?: boolean;
}

export interface Location {
  path: string;
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
  /** The variable, key or header the value is bound to, if any. */
  variable?: string;
  environment: Environment;
  /** The signal that decided `environment` (file name, loopback host, test path…), for chains. */
  environmentReason?: string;
  gitStatus?: GitStatus;
  commit?: CommitInfo;
  /** A few words about the surrounding code/config, never containing the secret. */
  context?: string;
  /** What kind of file this is (src/pipeline/file-context.ts): production config or code first, lockfiles last. */
  fileContext?: FileContext;
  /** This line holds another part of the credential (an AWS key id beside its secret), not another copy of it. */
  part?: boolean;
}

export interface Diagnostic {
  path: string;
  /** Stable machine-readable reason, e.g. "binary", "too-large", "parse-error". */
  code: string;
  message: string;
  line?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Detector metadata: every detector module exports one of these, with labelled examples beside it.

export interface DetectorHelp {
  /** Why it matters, in Markdown. */
  why: string;
  /** How to fix, in Markdown. */
  fix: string;
  references: string[];
}

export interface DetectorMeta {
  id: string;
  title: string;
  severity: Severity;
  /** One line for `blastradius rules`. */
  summary: string;
  help: DetectorHelp;
}

// ---------------------------------------------------------------------------------------------------------------
// Extract

export interface Match {
  /** The secret value (raw). Only the extract stage and the vault hold it. */
  value: string;
  /** Offset of the value within the scanned text. */
  index: number;
  /** Extra facts the rule read from the value itself (key class, JWT role, ...). Never the secret. */
  attributes?: Record<string, string>;
  /** Overrides the rule's provider/type for rules that classify (e.g. Stripe live vs test). */
  type?: string;
  confidence?: Confidence;
  /** Why the rule chose that confidence, e.g. "value is not valid base64". Never the value. */
  reasons?: string[];
  /**
   * Other parts of the same credential written next to it (the access key id above an AWS secret): each becomes a
   * location of the credential too, since removing the credential means editing every line that holds a part.
   */
  parts?: string[];
}

/** Text around a candidate, for rules that need context (variable names, nearby hosts, headers). */
export interface MatchContext {
  file: SourceFile;
  /** The whole line holding the candidate. */
  line: string;
  /**
   * `line.indexOf(value)`, worked out once for all the rule's checks (on a minified line each search is a pass over up
   * to megabytes): where the value first occurs on its line, -1 for a value across lines. An earlier copy of the value
   * on the line is found before the candidate's own position.
   */
  valueAt: number;
  /** Variable/key the candidate is assigned to, when the extractor knows it. */
  variable?: string;
  /**
   * The text that `variable` is taken from, when the engine knows it without working the variable out: the line before
   * the candidate in files whose bindings are one per line. Undefined when the name can be anywhere before (source
   * code, env files). A rule can rule a name out on it at a fraction of the cost of `variable`.
   */
  nameScope?: string;
  /** The text of the surrounding lines (a small window), for nearby-host checks. */
  window: string;
}

export interface CredentialRuleExamples {
  /** Text that must produce at least one match of this rule. `variable`/`path` give context when needed. */
  positive: Array<string | { text: string; path?: string }>;
  /** Near-misses that must not match. */
  negative: Array<string | { text: string; path?: string }>;
}

export interface CredentialRule {
  meta: DetectorMeta & { provider: string; credentialType: string };
  /** Lower-case literals; the rule runs only on text containing one of them. Empty = always runs. */
  keywords: string[];
  /**
   * Finds candidates. The engine compiles `pattern` with the `g` flag; `secretGroup` selects the capture
   * that holds the secret (default: the whole match).
   */
  pattern: RegExp;
  /** Where matches of `pattern` can start, so the engine tries it only there instead of searching the whole file. */
  anchor?: MatchAnchor;
  secretGroup?: number;
  /** Rejects candidates (checksum, placeholder, missing context). Return false to drop. */
  validate?: (value: string, ctx: MatchContext) => boolean;
  /**
   * When one value is classified differently at different places (a Railway token bound to RAILWAY_TOKEN in one file
   * and sent as Bearer in another), the type earliest in this list — the most powerful — wins.
   */
  typeOrder?: string[];
  /** Reads facts from the value (JWT claims, key class). */
  classify?: (value: string, ctx: MatchContext) => Partial<Match> | undefined;
  examples: CredentialRuleExamples;
}

/**
 * The places a rule's match can start, when they are far fewer than the file's positions: the engine runs the pattern
 * sticky at each start that `start` gives for an anchor, in order, skipping starts inside the previous match: the same
 * matches as a search of the whole file, provided every match starts at such a place (test/anchors.test.ts compares the
 * two on every rule's examples and the fixtures). Rules that share one anchor object share its work per file.
 */
export interface MatchAnchor {
  /** Lower-case literals: each occurrence is an anchor at its first character (found by the keyword pass)… */
  keywords?: readonly string[];
  /** …or each position where this global pattern matches is one. */
  find?: RegExp;
  /** The match start that an anchor at `at` implies, or -1 for none. */
  start: (text: string, at: number) => number;
}

// ---------------------------------------------------------------------------------------------------------------
// Credentials and scopes

export type Reach = 'account' | 'workspace' | 'project' | 'environment' | 'resource' | 'unknown';
export type Verb = 'read' | 'write' | 'delete' | 'admin';
export type EvidenceSource = 'format' | 'context' | 'iac' | 'config' | 'live';

export interface Evidence {
  source: EvidenceSource;
  detail: string;
  confidence: Confidence;
  location?: Pick<Location, 'path' | 'startLine'>;
}

export interface Permission {
  verb: Verb;
  /** Normalized resource type: database, volume, bucket, backup, dns, project, repository, ... or "*". */
  resourceType: string;
  /** A specific resource id/name, when known. */
  resource?: string;
}

export interface Scope {
  principal?: string;
  reach: Reach;
  permissions: Permission[];
  evidence: Evidence[];
  confidence: Confidence;
  /** When reach is unknown or partial: what would settle it. */
  toConfirm?: string;
  /** Environments the scope is known to cover. Empty = not known. */
  environments?: Environment[];
  /** Set when live and static evidence disagree. */
  conflict?: string;
}

export interface Credential {
  /** Stable id: a hash of provider + value; never reversible to the value. */
  fingerprint: string;
  provider: string;
  type: string;
  ruleId: string;
  /** Redacted preview, e.g. `ghp_…a1B2 (40)`. */
  preview: string;
  length: number;
  locations: Location[];
  /** Every environment the credential appears in (from its locations). */
  environments: Environment[];
  attributes: Record<string, string>;
  confidence: Confidence;
  /** Why the confidence is what it is, at the credential's first location (never the value). */
  confidenceReasons: string[];
  /** The file context of the credential's first location. */
  fileContext: FileContext;
  scope: Scope;
  /**
   * Low-entropy words seen around the credential's locations (comments, identifiers, path segments), lower-cased.
   * Internal: used to read purpose ("for custom domains") and to tie keys to IaC principals; never reported.
   */
  hints: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Inventory

export type ResourceType =
  | 'database'
  | 'volume'
  | 'bucket'
  | 'backup-plan'
  | 'backup-vault'
  | 'backup-job'
  | 'service'
  | 'project'
  | 'environment'
  | 'iam-principal'
  | 'iam-policy'
  | 'workflow'
  | 'workflow-job'
  | 'script'
  | 'agent'
  | 'mcp-server'
  | 'ai-client'
  | 'ai-gateway'
  | 'dns-zone'
  | 'other';

export interface Resource {
  /** Stable id, e.g. `terraform:aws_db_instance.main` or `railway:service/api`. */
  id: string;
  provider: string;
  type: ResourceType;
  name: string;
  environment: Environment;
  location: Location;
  /** Facts that decide blast radius (deletion protection, backup storage, force flags...). */
  attributes: Record<string, unknown>;
  /** Ids of resources this one is a backup of. */
  backupOf?: string[];
}

/** A place where code or config uses a credential variable, e.g. `process.env.RAILWAY_TOKEN` or `${{ secrets.X }}`. */
export interface VariableUse {
  variable: string;
  location: Location;
  /** Provider hosts or operations seen near the use (e.g. backboard.railway.com, volumeDelete). */
  signals: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Findings

export interface ChainStep {
  kind: 'credential' | 'location' | 'scope' | 'resource' | 'backup' | 'agent' | 'workflow' | 'environment' | 'fact';
  label: string;
  ref?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  /** Why the confidence is what it is, e.g. "in a test fixture (`tests/`)". Never a value. */
  confidenceReasons?: string[];
  title: string;
  message: string;
  locations: Array<Pick<Location, 'path' | 'startLine' | 'startColumn'> & Partial<Location>>;
  credentialFingerprints: string[];
  resourceIds: string[];
  environments: Environment[];
  chain: ChainStep[];
  /** Stable across unrelated edits: derived from rule id + credential fingerprints/resource ids, never line numbers. */
  fingerprint: string;
  suppressed?: { kind: 'inline' | 'baseline' | 'config'; reason?: string };
}
