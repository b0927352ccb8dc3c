// Helpers shared by finding rules.
import ignore from 'ignore';
import type { FindingDraft } from '../../src/pipeline/detector-api.js';
import type { BlastGraph } from '../../src/pipeline/graph.js';
import { resourcesOfType, type AgentAttrs, type DatabaseAttrs, type WorkflowJobAttrs } from '../../src/pipeline/resources.js';
import { isLoopbackHost } from '../../src/pipeline/platform-hosts.js';
import type { ChainStep, Confidence, Credential, Environment, Finding, Location, Resource, Severity, VariableUse } from '../../src/core/types.js';
import { credentialChain, resourceEnvironmentReason, resourceLabel } from '../../src/pipeline/chain.js';
import { environmentOfName, exampleFileReason, testPathReason } from '../../src/pipeline/classify.js';
import { uniqueEnvironments } from '../../src/pipeline/extract.js';
import { pushTo } from '../../src/core/text.js';

export type FindingLocation = Finding['locations'][number];

export function toFindingLocation(l: Location): FindingLocation {
  return { path: l.path, startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn, ...(l.commit ? { commit: l.commit } : {}) };
}

/** Working-tree locations first (history-only locations last). */
export function credentialLocations(c: Credential): FindingLocation[] {
  return [...c.locations].sort((a, b) => Number(!!a.commit) - Number(!!b.commit)).map(toFindingLocation);
}

/** Whether the credential can delete anything in the given environment. */
export function deletesIn(c: Credential, graph: BlastGraph, env: Environment): boolean {
  return graph.deletable(c).some((r) => r.resource.environment === env);
}

/** Account- or workspace-wide power to delete anything of its provider. */
export function wideDestructive(c: Credential): boolean {
  return (
    (c.scope.reach === 'account' || c.scope.reach === 'workspace') &&
    c.scope.permissions.some((p) => p.resourceType === '*' && (p.verb === 'delete' || p.verb === 'admin'))
  );
}

export function environmentsOf(c: Credential, graph: BlastGraph): Environment[] {
  return uniqueEnvironments([...c.environments, ...graph.deletable(c).map((r) => r.resource.environment)]);
}

/**
 * Why a credential is an example rather than a deployment, when it is one: every working-tree location is in
 * documentation or an example/template file, or it connects to a database on this machine or beside it.
 */
export function exampleOrLocal(c: Credential, graph: BlastGraph): string | undefined {
  const host = c.attributes.host;
  const db = host ? graph.resource(`url:database/${host}`) : undefined;
  if (host && (isLoopbackHost(host) || (db?.attributes as DatabaseAttrs | undefined)?.local)) return `a local database (${host})`;
  const live = c.locations.filter((l) => !l.commit);
  const ci = live.map((l) => (l.environment === 'test' ? /CI service containers[^,]*|CI database on loopback host \S+/.exec(l.environmentReason ?? '')?.[0] : undefined));
  // Passwords of throwaway CI databases; a provider's key in a test job is still that provider's key.
  if (live.length && ci.every(Boolean) && (c.provider === 'generic' || host)) return `a CI test value (${ci[0]})`;
  // An application's own secret (a session signing key, a generic password) that only development or test config holds
  // — Phoenix's config/dev.exs, a test fixture — signs nothing deployed; a provider's key there is still that key.
  const appSecret = c.provider === 'generic' || (c.provider === 'jwt' && c.type === 'signing-secret');
  if (appSecret && live.length && c.scope.reach === 'unknown' && live.every((l) => l.environment === 'development' || l.environment === 'test'))
    return `a ${live[0]!.environment}-only application secret (${live[0]!.environmentReason ?? live[0]!.path})`;
  const reasons = live.map((l) => exampleFileReason(l.path));
  if (live.length && reasons.every((r) => r)) return `${reasons[0]}: an example value until shown otherwise`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts: the common shapes of a credential finding and a resource finding.

export const NON_PRODUCTION = new Set<Environment>(['staging', 'development', 'test']);

/** A finding about one credential: its locations (`at` first), its chain, the environments it touches. */
export function credentialDraft(
  c: Credential,
  graph: BlastGraph,
  message: string,
  opts: { at?: Location; severity?: Severity; confidence?: Confidence; key?: string; resourceIds?: string[]; extra?: ChainStep[] } = {},
): FindingDraft {
  const at = opts.at ?? c.locations.find((l) => !l.commit) ?? c.locations[0]!;
  const rest = credentialLocations(c).filter((l) => l.path !== at.path || l.startLine !== at.startLine);
  return {
    ...(opts.severity ? { severity: opts.severity } : {}),
    ...(opts.confidence ? { confidence: opts.confidence } : {}),
    ...(opts.key ? { key: opts.key } : {}),
    message,
    locations: [toFindingLocation(at), ...rest],
    credentialFingerprints: [c.fingerprint],
    resourceIds: opts.resourceIds ?? [],
    environments: environmentsOf(c, graph),
    chain: [...credentialChain(c, graph, at), ...(opts.extra ?? [])],
  };
}

/** A finding about one resource, with the facts that make it one. Keyed on the resource (never a line). */
export function resourceDraft(r: Resource, message: string, facts: string[], opts: { severity?: Severity; confidence?: Confidence; key?: string; kind?: ChainStep['kind'] } = {}): FindingDraft {
  return {
    ...(opts.severity ? { severity: opts.severity } : {}),
    ...(opts.confidence ? { confidence: opts.confidence } : {}),
    key: opts.key ?? r.id,
    message,
    locations: [toFindingLocation(r.location)],
    credentialFingerprints: [],
    resourceIds: [r.id],
    environments: [r.environment],
    chain: [
      { kind: opts.kind ?? 'resource', label: opts.kind === 'workflow' || opts.kind === 'agent' ? r.name : resourceLabel(r), ref: r.id },
      ...(r.environment === 'production' && opts.kind !== 'workflow' ? [{ kind: 'environment' as const, label: `production: ${resourceEnvironmentReason(r) ?? 'no recorded signal'}` }] : []),
      ...facts.map((label) => ({ kind: 'fact' as const, label })),
    ],
  };
}

/** Production first, then staging…: the severity a finding gets when it is about production or not. */
export function byEnvironment(env: Environment, prod: Severity, other: Severity): Severity {
  return env === 'production' ? prod : other;
}

// ---------------------------------------------------------------------------------------------------------------
// Paths

export { TEMPLATE_FILE } from '../../src/pipeline/classify.js';

/** Paths meant for tests, fixtures, documentation and examples: not where production credentials belong. */
export function nonProductionPath(path: string): string | undefined {
  const p = path.toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  const other = testPathReason(p) ?? exampleFileReason(p);
  if (other) return other.startsWith('example file') ? undefined : other;
  if (/^\.env\.(?:dev|development|local|test|testing|ci)(?:\.local)?$/.test(base)) return `${base} (a development/test env file)`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// CI

export const jobAttrs = (r: Resource): WorkflowJobAttrs => r.attributes as WorkflowJobAttrs;

export function workflowJobs(resources: readonly Resource[]): Resource[] {
  return [...resourcesOfType(resources, 'workflow-job')];
}

/** Secrets a job references other than the automatic GITHUB_TOKEN. */
export function jobSecrets(job: Resource): string[] {
  return (jobAttrs(job).secrets ?? []).filter((s) => s !== 'GITHUB_TOKEN' && s !== 'github_token' && !identifierName(s));
}

/**
 * Names of identifiers, not secrets (`VERCEL_ORG_ID`, `SUPABASE_PROJECT_ID`, `AWS_ACCOUNT_ID`, `GOOGLE_CLIENT_ID`): one
 * id shared across environments is one organisation or project, not one credential serving them all.
 */
export function identifierName(name: string): boolean {
  const n = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return /(?:^|_)IDS?$|(?:^|_)(?:ACCOUNT|ORG|ORGANIZATION|PROJECT|TEAM|TENANT|ZONE)(?:_(?:NAME|REF|SLUG))?$/.test(n) && !/SECRET|TOKEN|PASSWORD|PASSWD|_KEY|^KEY/.test(n);
}

/** A secret whose name says it is for production (`PROD_DATABASE_URL`, `STRIPE_LIVE_KEY`). */
export function productionSecretName(name: string): boolean {
  return environmentOfName(name.replace(/_/g, '-')) === 'production';
}

/** The job's environment: its declared `environment:` first, then what its names say. */
export function jobEnvironment(job: Resource): Environment {
  const a = jobAttrs(job);
  const declared = a.deployEnvironment ? environmentOfName(a.deployEnvironment) : 'unknown';
  return declared !== 'unknown' ? declared : job.environment;
}

/** Why the job is in its environment, for chains. */
export function jobEnvironmentReason(job: Resource): string {
  const a = jobAttrs(job);
  return a.deployEnvironment ? `environment: ${a.deployEnvironment}` : (a.environmentReason ?? 'its names');
}

/** Secrets of the job that belong to production: by the job's environment or the secret's own name. */
export function productionSecrets(job: Resource): string[] {
  const secrets = jobSecrets(job);
  return jobEnvironment(job) === 'production' ? secrets : secrets.filter(productionSecretName);
}

// ---------------------------------------------------------------------------------------------------------------
// Agents

/** Whether an agent's read-deny rules leave `path` readable. */
export function agentCanRead(agent: Resource, path: string): boolean {
  return !ignore()
    .add((agent.attributes as AgentAttrs).denyRead ?? [])
    .ignores(path);
}

/** Variable uses inside one workflow job (its steps and env), plus the workflow-level env every job inherits. */
const usesByPath = new WeakMap<readonly VariableUse[], Map<string, VariableUse[]>>();

export function jobUses(job: Resource, uses: readonly VariableUse[]): VariableUse[] {
  // Indexed once per scan: filtering every use for every job was quadratic on large monorepos.
  let index = usesByPath.get(uses);
  if (!index) {
    index = new Map();
    for (const u of uses) pushTo(index, u.location.path, u);
    usesByPath.set(uses, index);
  }
  const id = jobAttrs(job).job ?? '';
  return (index.get(job.location.path) ?? []).filter(
    (u) => u.location.context?.startsWith(`job ${id} in `) || u.location.context?.startsWith('workflow-level env'),
  );
}
