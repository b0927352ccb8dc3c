// The shapes of the three non-credential detector kinds: scope resolvers, inventory parsers and finding rules.
// Each detector module in detectors/ exports one of these, with its own labelled examples.
import type {
  Category,
  Confidence,
  Credential,
  DetectorMeta,
  Diagnostic,
  Environment,
  Finding,
  Resource,
  Scope,
  SourceFile,
  VariableUse,
} from '../core/types.js';
import type { BlastGraph } from './graph.js';
import type { Config } from '../config/config.js';

/** A virtual repository for examples: path → content. */
export type ExampleRepo = Record<string, string>;

// ---------------------------------------------------------------------------------------------------------------
// Inventory

export interface InventoryResult {
  resources: Resource[];
  uses: VariableUse[];
  diagnostics: Diagnostic[];
}

export interface InventoryParser {
  meta: Pick<DetectorMeta, 'id' | 'title' | 'summary'>;
  /** Cheap test on the path/kind; the parser runs only on files it claims. */
  applies: (file: SourceFile) => boolean;
  /**
   * Optional pre-pass over every file the parser claims, before any is parsed (Terraform reads variables, locals and
   * `*.tfvars` per folder). Its result is handed to `parse`; without it `parse` must still work on one file alone.
   */
  prepare?: (files: readonly SourceFile[]) => unknown;
  /**
   * Optional, with `prepare`: the claimed files in parts whose pre-passes do not depend on each other (every file in
   * exactly one part, each part in the order given). Each part is prepared and parsed before the next, so only one
   * part's pre-pass is held at a time; the outcome must equal one pre-pass over all the files.
   */
  partition?: (files: readonly SourceFile[]) => SourceFile[][];
  parse: (file: SourceFile, prepared?: unknown) => Partial<InventoryResult> | Promise<Partial<InventoryResult>>;
  /** Optional: called once every file of the scan has been parsed, to let go of what parsing holds (a thread). */
  release?: () => void | Promise<void>;
  examples: Array<{
    file: { path: string; text: string };
    /** Other files of the same repository, given to `prepare` with `file` (tfvars, sibling modules). */
    related?: Array<{ path: string; text: string }>;
    /** Resource ids (or id prefixes ending in '*') that must be produced, with attributes that must hold. */
    expect: Array<{ id: string; type?: Resource['type']; environment?: Environment; attributes?: Record<string, unknown> }>;
    /** Resource ids that must not be produced. */
    reject?: string[];
  }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Scope resolution

/** A scanned file without its text (stages after extraction do not hold file contents). */
export type FileInfo = Omit<SourceFile, 'text'>;

export interface ScopeContext {
  resources: readonly Resource[];
  uses: readonly VariableUse[];
  files: readonly FileInfo[];
}

export interface ScopeResolver {
  meta: Pick<DetectorMeta, 'id' | 'title' | 'summary'>;
  /** Providers this resolver handles (credential.provider), or '*' for all. */
  providers: string[];
  /**
   * Returns the scope it can establish, or undefined to leave it to the next resolver. Resolvers run in order and
   * their results are merged: permissions and evidence accumulate, the widest reach with the best confidence wins.
   */
  resolve: (credential: Credential, ctx: ScopeContext) => Partial<Scope> | undefined;
  examples: Array<{
    name: string;
    credential: Pick<Credential, 'provider' | 'type'> & Partial<Credential>;
    repo?: ExampleRepo;
    expect: Partial<Pick<Scope, 'reach' | 'principal' | 'confidence'>> & { verbs?: string[] };
  }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding rules

export interface RuleContext {
  credentials: readonly Credential[];
  resources: readonly Resource[];
  uses: readonly VariableUse[];
  files: readonly FileInfo[];
  graph: BlastGraph;
  config: Config;
}

export type FindingDraft = Omit<Finding, 'ruleId' | 'category' | 'fingerprint' | 'severity' | 'confidence' | 'title'> &
  Partial<Pick<Finding, 'severity' | 'confidence' | 'title'>> & {
    /** Extra identity for the fingerprint when one rule reports several findings on the same credential/resource. */
    key?: string;
  };

export interface FindingRule {
  meta: DetectorMeta & { category: Category; confidence: Confidence };
  check: (ctx: RuleContext) => FindingDraft[];
  examples: Array<{
    name: string;
    repo: ExampleRepo;
    /** true: the rule must report at least one finding; false: none. */
    fires: boolean;
    /** When fires: a substring the message or chain must contain. */
    mentions?: string;
  }>;
}
