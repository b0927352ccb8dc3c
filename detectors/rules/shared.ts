// Helpers shared by finding rules.
import type { BlastGraph } from '../../src/graph.js';
import type { Credential, Environment, Finding, Location } from '../../src/types.js';
import { uniqueEnvironments } from '../../src/extract.js';

export type FindingLocation = Finding['locations'][number];

export function toFindingLocation(l: Location): FindingLocation {
  return { path: l.path, startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn };
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
