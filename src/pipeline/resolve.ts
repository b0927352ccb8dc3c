// Stage 3: each credential's scope, merged from every resolver that has something to say.
import type { ScopeContext, ScopeResolver } from './detector-api.js';
import type { Confidence, Credential, Permission, Reach, Scope } from '../core/types.js';

const REACH_RANK: Record<Reach, number> = { unknown: 0, resource: 1, environment: 2, project: 3, workspace: 4, account: 5 };
const CONF_RANK: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };

export function resolveScopes(credentials: Credential[], resolvers: readonly ScopeResolver[], ctx: ScopeContext): void {
  for (const cred of credentials) {
    let scope: Scope = { reach: 'unknown', permissions: [], evidence: [], confidence: 'low' };
    for (const r of resolvers) {
      if (!r.providers.includes('*') && !r.providers.includes(cred.provider)) continue;
      const part = r.resolve(cred, ctx);
      if (part) scope = mergeScope(scope, part);
    }
    if (scope.reach === 'unknown' && !scope.toConfirm)
      scope.toConfirm = `Nothing in the repository states what this ${cred.provider} ${cred.type} can do; run with --live to ask the provider, or check its settings.`;
    cred.scope = scope;
  }
}

/** Merges two partial scopes: the wider reach wins, permissions and evidence accumulate. */
export function mergeScope(a: Scope, b: Partial<Scope>): Scope {
  const reach = b.reach && REACH_RANK[b.reach] > REACH_RANK[a.reach] ? b.reach : a.reach;
  const confidence =
    b.reach && b.reach === reach && b.confidence && (REACH_RANK[b.reach] > REACH_RANK[a.reach] || CONF_RANK[b.confidence] > CONF_RANK[a.confidence])
      ? b.confidence
      : a.confidence;
  return {
    principal: a.principal ?? b.principal,
    reach,
    permissions: dedupePermissions([...a.permissions, ...(b.permissions ?? [])]),
    evidence: [...a.evidence, ...(b.evidence ?? [])],
    confidence,
    toConfirm: b.toConfirm ?? a.toConfirm,
    environments: b.environments ?? a.environments,
    conflict: b.conflict ?? a.conflict,
  };
}

function dedupePermissions(list: Permission[]): Permission[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.verb}:${p.resourceType}:${p.resource ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Full control over every resource type: what account-wide tokens carry. */
export function everything(): Permission[] {
  return (['read', 'write', 'delete', 'admin'] as const).map((verb) => ({ verb, resourceType: '*' }));
}

/** Whether a permission set lets its holder delete resources of a type. */
export function canDelete(perms: readonly Permission[], resourceType: string): boolean {
  return perms.some((p) => (p.verb === 'delete' || p.verb === 'admin') && (p.resourceType === '*' || p.resourceType === resourceType));
}
