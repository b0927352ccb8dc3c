// Environments of credential locations, from the strongest signal there is, with the reason kept for the chain.
// The file's name is a weak signal: a CI test database on localhost in `production.yml`, a connection string in a
// test or an example file, are not production whatever the file is called.
import type { FileInfo } from './detector-api.js';
import type { Credential, Environment, Location, Resource } from '../core/types.js';
import type { WorkflowJobAttrs } from './resources.js';
import { pushTo } from '../core/text.js';
import { exampleFileReason, testPathReason } from './classify.js';
import { isLoopbackHost } from './platform-hosts.js';
import { uniqueEnvironments } from './extract.js';

export interface EnvironmentClaim {
  environment: Environment;
  /** The signal that decided it, e.g. "file name .env.production" or "loopback host localhost". */
  reason: string;
  confidence: 'high' | 'medium' | 'low';
}

/** Why a location has the environment it has; a stronger signal than the file's name replaces it. */
export function locationEnvironment(
  loc: Location,
  cred: Credential,
  file: FileInfo | undefined,
  localHosts: ReadonlySet<string>,
  jobs: ReadonlyMap<string, Resource[]> = new Map(),
): EnvironmentClaim {
  const host = cred.attributes.host?.toLowerCase();
  const inWorkflow = file?.kind === 'workflow';
  if (host && isLoopbackHost(host))
    return inWorkflow
      ? { environment: 'test', reason: `CI database on loopback host ${host}`, confidence: 'high' }
      : { environment: 'development', reason: `loopback host ${host}`, confidence: 'high' };
  if (host && localHosts.has(host))
    return { environment: inWorkflow ? 'test' : 'development', reason: `host ${host} is a ${inWorkflow ? 'CI service container' : 'local compose service'}`, confidence: 'high' };
  // In a workflow, the job holding the line decides: its environment:, name, deploy target or branch.
  const job = inWorkflow ? jobAt(jobs, loc) : undefined;
  if (job) {
    const a = job.attributes as WorkflowJobAttrs;
    return { environment: job.environment, reason: `job ${a.job ?? job.name}: ${a.deployEnvironment ? `environment: ${a.deployEnvironment}` : (a.environmentReason ?? 'its names')}`, confidence: 'medium' };
  }
  const test = testPathReason(loc.path);
  if (test) return { environment: 'test', reason: test, confidence: 'high' };
  const example = exampleFileReason(loc.path);
  if (example) return { environment: 'unknown', reason: `${example}: values there are examples`, confidence: 'low' };
  const hint = file?.environment;
  if (hint && hint.environment === loc.environment) return { environment: loc.environment, reason: hint.reason, confidence: 'medium' };
  return { environment: loc.environment, reason: loc.context ?? 'where it is used', confidence: 'low' };
}

/** The workflow job whose block holds the location: the last job of the file starting at or before its line. */
function jobAt(jobs: ReadonlyMap<string, Resource[]>, loc: Location): Resource | undefined {
  let found: Resource | undefined;
  for (const j of jobs.get(loc.path) ?? []) if (j.location.startLine <= loc.startLine && (!found || j.location.startLine > found.location.startLine)) found = j;
  return found;
}

/** Host names that are containers beside the code: compose services and CI job service containers. */
export function localServiceHosts(resources: readonly Resource[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) {
    if (r.id.startsWith('compose:service/')) out.add(r.name.toLowerCase());
    for (const s of (r.attributes as { serviceContainers?: string[] }).serviceContainers ?? []) out.add(s.toLowerCase());
  }
  return out;
}

/**
 * Re-derives each location's environment from the strongest signal (config mapping always wins: it is kept), and
 * records why, so that every production claim in a chain can say which signal made it production.
 */
export function inferCredentialEnvironments(credentials: Credential[], files: readonly FileInfo[], resources: readonly Resource[]): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const localHosts = localServiceHosts(resources);
  const jobs = new Map<string, Resource[]>();
  for (const r of resources) if (r.type === 'workflow-job') pushTo(jobs, r.location.path, r);
  for (const c of credentials) {
    for (const l of c.locations) {
      const file = byPath.get(l.path);
      if (file?.environment.reason.startsWith('config mapping')) {
        l.environmentReason = file.environment.reason;
        continue;
      }
      const claim = locationEnvironment(l, c, file, localHosts, jobs);
      l.environment = claim.environment;
      l.environmentReason = claim.reason;
    }
    c.environments = uniqueEnvironments(c.locations.map((l) => l.environment));
  }
  // Resources keep the environment their parser gave them; where it is the file's, the file's signal is the reason.
  for (const r of resources) {
    const hint = byPath.get(r.location.path)?.environment;
    if (!r.location.environmentReason && hint && hint.environment === r.environment && r.environment !== 'unknown') r.location.environmentReason = hint.reason;
  }
}

/** The reason a credential is production, for its chain: the first production location's signal. */
export function productionReason(c: Credential): string | undefined {
  const l = c.locations.find((x) => x.environment === 'production');
  return l ? (l.environmentReason ?? 'its location') : undefined;
}
