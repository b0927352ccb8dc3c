// PR mode: compare the blast radius at a base commit with the working tree (the head) and say what the change adds
// or widens. The base tree is materialised read-only from git (a detached worktree, or `git archive` when a worktree
// cannot be added) into a temporary folder, scanned with the same configuration as the head, and compared:
//   - a finding is new when its fingerprint is not among the base's findings (fingerprints do not depend on lines);
//   - a credential is new when its fingerprint (a hash of the value) is not among the base's credentials;
//   - reach is wider when a credential present in both can now delete more, or reaches further;
//   - staging reaches production when a credential at a staging/dev/test location can now delete production data;
//   - a protection is removed when a resource present in both loses deletion protection, prevent_destroy,
//     versioning/object lock, a vault lock, or an agent loses a deny rule; or a backup disappears.
// Nothing from the compared trees is ever executed: git hooks are switched off and only files are read.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { Config } from '../config/config.js';
import type { LoadedBaseline } from '../config/baseline.js';
import type { ScanOptions, ScanResult } from '../scan.js';
import { scanDirectory, scanFiles } from '../scan.js';
import type { Environment, Finding, Reach, Resource } from '../core/types.js';
import type { AgentAttrs, BackupJobAttrs } from '../pipeline/resources.js';
import { credentialLabel, reachLabel, resourceLabel, where } from '../pipeline/chain.js';

export type ComparisonStatus = 'compared' | 'not-compared';

export interface WidenedCredential {
  fingerprint: string;
  label: string;
  changes: string[];
}

export interface StagingToProduction {
  fingerprint: string;
  label: string;
  location: { path: string; startLine: number };
  environment: Environment;
  /** Production resources the credential can now delete (labels). */
  resources: string[];
  resourceIds: string[];
  /** True when at least one of them holds data (database, volume, bucket, backups). */
  data: boolean;
  /** True when the credential itself is new in this change (false: it was there, its reach grew). */
  newCredential: boolean;
}

export interface ProtectionRemoved {
  resourceId: string;
  label: string;
  what: string;
  location?: { path: string; startLine: number };
}

export interface Comparison {
  status: ComparisonStatus;
  baseSha?: string;
  headSha?: string;
  /** Base and head are the same commit (and the working tree is clean): nothing can be new. */
  sameCommit?: boolean;
  /** Why no comparison was made, in words for people. */
  reason?: string;
  /** Notes about how the comparison was made (fetched a shallow base, used archive, config source...). */
  notes: string[];
  newFindings: string[];
  resolvedFindings: Array<Pick<Finding, 'fingerprint' | 'ruleId' | 'title' | 'severity'>>;
  newCredentials: string[];
  widened: WidenedCredential[];
  stagingToProduction: StagingToProduction[];
  protectionsRemoved: ProtectionRemoved[];
}

export interface DiffOutcome {
  head: ScanResult;
  base?: ScanResult;
  comparison: Comparison;
  /** Scrubs raw values known to either scan (base findings may hold secrets the head no longer has). */
  scrub: (text: string) => string;
  /** The configuration both scans used (undefined: the defaults). */
  config?: Config;
}

export interface DiffScanOptions extends ScanOptions {
  /** The commit to compare with. */
  baseSha: string;
  /**
   * Where the configuration comes from: 'given' (options.config, default) or 'base' (read from the base commit —
   * for untrusted heads such as pull requests from forks). One configuration is used for both scans.
   */
  configFrom?: 'given' | 'base';
  /** Path of an explicit config file relative to the repository top, looked up in the base tree when configFrom is 'base'. */
  configPath?: string;
  /** Path of a baseline file relative to the repository top; read from the base tree when configFrom is 'base'. */
  baselinePath?: string;
  /** Reads a baseline file (the Action passes loadBaseline). */
  loadBaseline?: (file: string, shown: string) => LoadedBaseline;
  /** Loads a configuration from a folder (the CLI/Action pass loadConfig; injectable for tests). */
  loadConfig?: (root: string, explicit?: string) => Config;
  /** Try `git fetch --depth=1 origin <sha>` when the base commit is missing (shallow clones). Default true. */
  fetch?: boolean;
  /** Progress and notes for logs (never holds a secret). */
  log?: (message: string) => void;
}

const ZERO_SHA = /^0+$/;

// ---------------------------------------------------------------------------------------------------------------
// git

function git(cwd: string, args: string[], input?: Buffer): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'advice.detachedHead=false', ...args], {
    cwd,
    encoding: 'utf8',
    input,
    stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1' },
  }).trim();
}

function gitError(e: unknown): string {
  const err = e as { stderr?: Buffer | string; message?: string };
  const text = (err.stderr ? String(err.stderr) : (err.message ?? String(e))).trim().split('\n').filter(Boolean);
  return text[text.length - 1] ?? 'git failed';
}

/** The top of the git work tree holding `root`, or undefined when it is not in one. */
export function gitTopLevel(root: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--show-toplevel']);
  } catch {
    return undefined;
  }
}

function resolveCommit(top: string, rev: string): string | undefined {
  try {
    return git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    return undefined;
  }
}

/** Resolves a commit, fetching it (shallowly) from origin when it is missing. */
export function ensureCommit(top: string, rev: string, opts: { fetch?: boolean; log?: (m: string) => void } = {}): { sha?: string; fetched?: boolean; error?: string } {
  const sha = resolveCommit(top, rev);
  if (sha) return { sha };
  if (opts.fetch === false) return { error: `commit ${short(rev)} is not in this clone` };
  if (!/^[0-9a-f]{7,64}$/i.test(rev)) return { error: `${rev} is not a commit in this clone` };
  opts.log?.(`base commit ${short(rev)} is not in this clone (shallow checkout?); fetching it from origin`);
  try {
    git(top, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', rev]);
  } catch (e) {
    return { error: `commit ${short(rev)} is not in this clone and \`git fetch --depth=1 origin ${short(rev)}\` failed: ${gitError(e)}` };
  }
  const after = resolveCommit(top, rev);
  return after ? { sha: after, fetched: true } : { error: `commit ${short(rev)} could not be fetched from origin` };
}

export function short(sha: string): string {
  return /^[0-9a-f]{40,64}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

/** Checks the base tree out into a temporary folder. Returns the folder and how to remove it. */
export function materialise(top: string, sha: string, log?: (m: string) => void): { dir: string; how: 'worktree' | 'archive'; cleanup: () => void } {
  const temp = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(temp, { recursive: true });
  const parent = mkdtempSync(join(temp, 'blastradius-base-'));
  const dir = join(parent, 'tree');
  try {
    git(top, ['worktree', 'add', '--detach', '--force', dir, sha]);
    return {
      dir,
      how: 'worktree',
      cleanup: () => {
        try {
          git(top, ['worktree', 'remove', '--force', dir]);
        } catch {
          /* removed below */
        }
        rmSync(parent, { recursive: true, force: true });
        try {
          git(top, ['worktree', 'prune']);
        } catch {
          /* nothing to prune */
        }
      },
    };
  } catch (e) {
    log?.(`git worktree add failed (${gitError(e)}); extracting the base with git archive instead`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['-c', 'core.hooksPath=/dev/null', 'archive', '--format=tar', sha], { cwd: top, maxBuffer: 2 * 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('tar', ['-x', '-C', dir], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
    return { dir, how: 'archive', cleanup: () => rmSync(parent, { recursive: true, force: true }) };
  }
}

/** True when tracked files under `prefix` have no uncommitted changes. */
function cleanTree(top: string, prefix: string): boolean {
  try {
    return git(top, ['status', '--porcelain', '--untracked-files=no', '--', prefix || '.']) === '';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The scan

/** Scans the working tree at `root` and the tree at `baseSha`, and compares them. Never throws for git trouble. */
export async function diffScan(root: string, options: DiffScanOptions): Promise<DiffOutcome> {
  const log = options.log ?? (() => {});
  const notes: string[] = [];
  const top = gitTopLevel(root);
  const notCompared = async (reason: string, config = options.config, baseline = options.baseline): Promise<DiffOutcome> => {
    const head = await scanDirectory(root, { ...options, config, baseline });
    return { head, config, comparison: emptyComparison('not-compared', { reason, notes, baseSha: options.baseSha }), scrub: (t) => head.vault.scrub(t) };
  };
  if (!options.baseSha || ZERO_SHA.test(options.baseSha)) return notCompared('there is no base commit to compare with (a new branch or first push)');
  if (!top) return notCompared(`${root} is not inside a git repository, so there is no base to compare with`);

  const prefix = relative(realpathSync(top), realpathSync(root)).split(sep).join('/');
  const base = ensureCommit(top, options.baseSha, { fetch: options.fetch, log });
  if (base.fetched) notes.push(`fetched base commit ${short(base.sha!)} (shallow clone)`);
  if (!base.sha) {
    // Untrusted heads must not choose their own configuration or baseline: without the base, use the defaults.
    if (options.configFrom === 'base') {
      notes.push('configuration: defaults, no baseline (the base commit, whose configuration applies, is unavailable)');
      return notCompared(`${base.error}; only the head was scanned`, undefined, undefined);
    }
    return notCompared(`${base.error}; only the head was scanned`);
  }
  const headSha = resolveCommit(top, 'HEAD');
  const sameCommit = headSha === base.sha && cleanTree(top, prefix);

  let tree: ReturnType<typeof materialise> | undefined;
  try {
    let config = options.config;
    let baseline = options.baseline;
    if (!sameCommit || options.configFrom === 'base') {
      tree = materialise(top, base.sha, log);
      if (tree.how === 'archive') notes.push('base extracted with git archive');
    }
    const baseRoot = tree ? join(tree.dir, prefix) : undefined;
    if (options.configFrom === 'base' && baseRoot) {
      const load = options.loadConfig;
      const explicit = options.configPath ? join(tree!.dir, options.configPath) : undefined;
      config = load && existsSync(baseRoot) ? load(baseRoot, explicit && existsSync(explicit) ? explicit : undefined) : undefined;
      notes.push(`configuration read from the base commit ${short(base.sha)} (the head is not trusted to choose it)`);
      const baselineFile = options.baselinePath ? join(tree!.dir, options.baselinePath) : undefined;
      baseline = baselineFile && existsSync(baselineFile) && options.loadBaseline ? options.loadBaseline(baselineFile, options.baselinePath!) : undefined;
    }
    log(`scanning head (${headSha ? short(headSha) : 'working tree'})`);
    const head = await scanDirectory(root, { ...options, config, baseline });
    if (sameCommit) {
      return {
        head,
        base: head,
        config,
        comparison: { ...emptyComparison('compared', { baseSha: base.sha, headSha, notes }), sameCommit: true },
        scrub: (t) => head.vault.scrub(t),
      };
    }
    // Files that are not part of any commit (untracked, or gitignored but present) belong to neither side of the
    // change: give the base the same ones so they do not show up as new.
    copyLocalFiles(root, baseRoot!, head);
    log(`scanning base (${short(base.sha)})`);
    const baseResult = existsSync(baseRoot!) ? await scanDirectory(baseRoot!, { ...options, config, baseline, onProgress: undefined }) : await scanFiles(prefix || '.', [], { ...options, config, baseline });
    baseResult.target = head.target;
    return {
      head,
      base: baseResult,
      config,
      comparison: { ...compareScans(baseResult, head), baseSha: base.sha, headSha, notes },
      scrub: (t) => baseResult.vault.scrub(head.vault.scrub(t)),
    };
  } finally {
    tree?.cleanup();
  }
}

function copyLocalFiles(root: string, baseRoot: string, head: ScanResult): void {
  for (const f of head.files) {
    if (f.gitStatus !== 'untracked' && f.gitStatus !== 'ignored-but-present') continue;
    const from = join(root, f.path);
    const to = join(baseRoot, f.path);
    try {
      if (existsSync(to) || !lstatSync(from).isFile()) continue;
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    } catch {
      /* a file that cannot be copied is simply absent from the base */
    }
  }
}

export function emptyComparison(status: ComparisonStatus, extra: Partial<Comparison> = {}): Comparison {
  return { status, notes: [], newFindings: [], resolvedFindings: [], newCredentials: [], widened: [], stagingToProduction: [], protectionsRemoved: [], ...extra };
}

/** Head results when no comparison is possible: not compared, nothing marked new. */
export async function headOnly(root: string, reason: string, options: ScanOptions = {}): Promise<DiffOutcome> {
  const head = await scanDirectory(root, options);
  return { head, config: options.config, comparison: emptyComparison('not-compared', { reason }), scrub: (t) => head.vault.scrub(t) };
}

// ---------------------------------------------------------------------------------------------------------------
// The comparison (pure: usable on in-memory scans)

const REACH_RANK: Record<Reach, number> = { unknown: 0, resource: 1, environment: 2, project: 3, workspace: 4, account: 5 };
const NON_PROD = new Set<Environment>(['staging', 'development', 'test']);
const DATA_TYPES = new Set<Resource['type']>(['database', 'volume', 'bucket', 'backup-plan', 'backup-vault', 'backup-job']);
const BACKUP_TYPES = new Set<Resource['type']>(['backup-plan', 'backup-vault', 'backup-job']);

export function compareScans(base: ScanResult, head: ScanResult): Comparison {
  const baseFindings = new Set(base.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  const headFindings = new Set(head.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  const baseCreds = new Map(base.credentials.map((c) => [c.fingerprint, c]));

  const newFindings = head.findings.filter((f) => !f.suppressed && !baseFindings.has(f.fingerprint)).map((f) => f.fingerprint);
  const resolvedFindings = base.findings
    .filter((f) => !f.suppressed && !headFindings.has(f.fingerprint))
    .map(({ fingerprint, ruleId, title, severity }) => ({ fingerprint, ruleId, title, severity }));
  const newCredentials = head.credentials.filter((c) => !baseCreds.has(c.fingerprint)).map((c) => c.fingerprint);

  const widened: WidenedCredential[] = [];
  const stagingToProduction: StagingToProduction[] = [];
  for (const c of head.credentials) {
    const before = baseCreds.get(c.fingerprint);
    const deletable = head.graph.deletable(c);
    if (before) {
      const changes: string[] = [];
      if (REACH_RANK[c.scope.reach] > REACH_RANK[before.scope.reach]) changes.push(`reach widened from ${reachLabel(before)} to ${reachLabel(c)}`);
      const had = new Set(base.graph.deletable(before).map((r) => r.resource.id));
      const more = deletable.filter((r) => !had.has(r.resource.id));
      if (more.length) changes.push(`can now delete ${listOf(more.map((r) => resourceLabel(r.resource)))}`);
      const envs = c.environments.filter((e) => e !== 'unknown' && !before.environments.includes(e));
      if (envs.length) changes.push(`now also in ${envs.join(', ')} (${where(c.locations.find((l) => envs.includes(l.environment)) ?? c.locations[0]!)})`);
      if (changes.length) widened.push({ fingerprint: c.fingerprint, label: credentialLabel(c), changes });
    }
    const at = c.locations.find((l) => NON_PROD.has(l.environment) && !l.commit);
    if (!at) continue;
    const prod = deletable.filter((r) => r.resource.environment === 'production');
    if (!prod.length) continue;
    const beforeAt = before?.locations.some((l) => NON_PROD.has(l.environment) && !l.commit);
    const hadProd = new Set(before && beforeAt ? base.graph.deletable(before).filter((r) => r.resource.environment === 'production').map((r) => r.resource.id) : []);
    const gained = prod.filter((r) => !hadProd.has(r.resource.id));
    if (!gained.length) continue;
    stagingToProduction.push({
      fingerprint: c.fingerprint,
      label: credentialLabel(c),
      location: { path: at.path, startLine: at.startLine },
      environment: at.environment,
      resources: gained.map((r) => resourceLabel(r.resource)),
      resourceIds: gained.map((r) => r.resource.id),
      data: gained.some((r) => DATA_TYPES.has(r.resource.type)),
      newCredential: !before,
    });
  }

  return {
    ...emptyComparison('compared'),
    newFindings,
    resolvedFindings,
    newCredentials,
    widened,
    stagingToProduction: stagingToProduction.sort((a, b) => Number(b.data) - Number(a.data)),
    protectionsRemoved: protectionsRemoved(base, head),
  };
}

function listOf(items: string[], max = 3): string {
  return items.slice(0, max).join(', ') + (items.length > max ? ` and ${items.length - max} more` : '');
}

type Flag = [key: string, label: string, protectiveValue: unknown];

/** Attributes whose loss removes a protection, per resource type: [attribute, words, the protective value]. */
const PROTECTIVE: Partial<Record<Resource['type'], Flag[]>> = {
  database: [
    ['deletionProtection', 'deletion_protection', true],
    ['preventDestroy', 'lifecycle prevent_destroy', true],
    ['skipFinalSnapshot', 'final snapshot (skip_final_snapshot)', false],
    ['deleteAutomatedBackups', 'automated backups kept after deletion (delete_automated_backups)', false],
  ],
  bucket: [
    ['versioning', 'versioning', true],
    ['objectLock', 'object lock', true],
    ['mfaDelete', 'MFA delete', true],
    ['replication', 'replication', true],
    ['forceDestroy', 'force_destroy off', false],
  ],
  'backup-vault': [['locked', 'vault lock', true]],
  'backup-plan': [['crossAccountCopy', 'cross-account copy', true]],
};

function protectionsRemoved(base: ScanResult, head: ScanResult): ProtectionRemoved[] {
  const out: ProtectionRemoved[] = [];
  const headById = new Map(head.resources.map((r) => [r.id, r]));
  const loc = (r: Resource) => ({ path: r.location.path, startLine: r.location.startLine });
  for (const b of base.resources) {
    const h = headById.get(b.id);
    if (!h) {
      const renamed = head.resources.some((r) => r.type === b.type && r.name === b.name);
      if (BACKUP_TYPES.has(b.type) && !renamed) out.push({ resourceId: b.id, label: resourceLabel(b), what: 'backup removed', location: loc(b) });
      continue;
    }
    for (const [key, label, good] of PROTECTIVE[b.type] ?? []) {
      const was = (b.attributes as Record<string, unknown>)[key];
      const now = (h.attributes as Record<string, unknown>)[key];
      if (was === good && now !== good) out.push({ resourceId: h.id, label: resourceLabel(h), what: `${label}: ${show(was)} → ${show(now)}`, location: loc(h) });
    }
    if (b.type === 'backup-job') {
      const was = (b.attributes as BackupJobAttrs).destination;
      const now = (h.attributes as BackupJobAttrs).destination;
      if (was === 'off-platform' && now !== 'off-platform') out.push({ resourceId: h.id, label: resourceLabel(h), what: `backups no longer leave the platform (${was} → ${now ?? 'unknown'})`, location: loc(h) });
    }
  }
  // Agents, merged per tool: deny rules dropped, prompts bypassed, any shell command allowed.
  const tools = (r: ScanResult) => new Map(r.graph.agents().filter((a) => a.provider !== 'agent' || (a.attributes as AgentAttrs).tool !== 'any').map((a) => [(a.attributes as AgentAttrs).tool ?? a.name, a]));
  const headAgents = tools(head);
  for (const [tool, b] of tools(base)) {
    const ba = b.attributes as AgentAttrs;
    const h = headAgents.get(tool);
    if (!h) {
      const rules = [...(ba.denyRead ?? []), ...(ba.denyCommands ?? [])];
      if (rules.length) out.push({ resourceId: b.id, label: `agent ${tool}`, what: `agent configuration removed, with its deny rules (${listOf(rules)})`, location: loc(b) });
      continue;
    }
    const ha = h.attributes as AgentAttrs;
    const droppedRead = (ba.denyRead ?? []).filter((p) => !(ha.denyRead ?? []).includes(p));
    const droppedCmd = (ba.denyCommands ?? []).filter((p) => !(ha.denyCommands ?? []).includes(p));
    if (droppedRead.length) out.push({ resourceId: h.id, label: `agent ${tool}`, what: `read deny rule dropped: ${listOf(droppedRead)}`, location: loc(h) });
    if (droppedCmd.length) out.push({ resourceId: h.id, label: `agent ${tool}`, what: `command deny rule dropped: ${listOf(droppedCmd)}`, location: loc(h) });
    if (!ba.bypass && ha.bypass) out.push({ resourceId: h.id, label: `agent ${tool}`, what: `permission prompts now bypassed (${ha.defaultMode ?? 'bypass'})`, location: loc(h) });
    if (!ba.anyShell && ha.anyShell) out.push({ resourceId: h.id, label: `agent ${tool}`, what: 'any shell command now allowed', location: loc(h) });
  }
  return out;
}

function show(v: unknown): string {
  return v === undefined ? 'not set' : String(v);
}

/** Whether a finding is new in this comparison. */
export function isNew(c: Comparison, f: Finding): boolean {
  return c.status === 'compared' && c.newFindings.includes(f.fingerprint);
}
