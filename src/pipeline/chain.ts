// Evidence chains: the one readable line that says how a credential reaches data and its backups.
import type { BlastGraph, Reachable } from './graph.js';
import type { ChainStep, Credential, Environment, Location, Resource } from '../core/types.js';
import { productionReason } from './environment-inference.js';

const ENV_RANK: Record<Environment, number> = { production: 4, staging: 3, development: 2, test: 1, unknown: 0 };
const TYPE_RANK: Partial<Record<Resource['type'], number>> = { volume: 7, database: 6, bucket: 5, 'backup-vault': 4, 'backup-plan': 3, service: 2 };

export function where(l: Pick<Location, 'path' | 'startLine'>): string {
  return `${l.path}:${l.startLine}`;
}

/** A short, human name for a credential: `RAILWAY account-token ghp_…a1B2 (40)`. */
export function credentialLabel(c: Credential): string {
  return `${c.provider.toUpperCase()} ${c.type} ${c.preview}`;
}

export function reachLabel(c: Credential): string {
  const s = c.scope;
  switch (s.reach) {
    case 'account':
      return `account-wide${s.principal ? ` (${s.principal})` : ''}`;
    case 'workspace':
      return 'workspace (all projects and environments)';
    case 'project':
      return 'one project (all its environments)';
    case 'environment':
      return `one environment${s.environments?.length ? ` (${s.environments.join(', ')})` : ''}`;
    case 'resource':
      return `specific resources${s.principal ? ` (${s.principal})` : ''}`;
    default:
      return 'reach unknown';
  }
}

/** The most serious thing a credential can delete: production data first, volumes and databases before services. */
export function worstTarget(reach: Reachable[]): Reachable | undefined {
  if (worstCache.has(reach)) return worstCache.get(reach);
  // One pass (a credential with account-wide reach can reach tens of thousands of resources; rules ask repeatedly).
  let worst: Reachable | undefined;
  for (const r of reach) if ((r.verbs.includes('delete') || r.verbs.includes('admin')) && (!worst || worse(r, worst))) worst = r;
  worstCache.set(reach, worst);
  return worst;
}

/** Production before staging, data before services, then by id: the order the report shows. */
function worse(a: Reachable, b: Reachable): boolean {
  return (
    (ENV_RANK[a.resource.environment] - ENV_RANK[b.resource.environment] ||
      (TYPE_RANK[a.resource.type] ?? 0) - (TYPE_RANK[b.resource.type] ?? 0) ||
      b.resource.id.localeCompare(a.resource.id)) > 0
  );
}

const worstCache = new WeakMap<Reachable[], Reachable | undefined>();

export function resourceLabel(r: Resource): string {
  return `${r.type} ${r.name}${r.environment !== 'unknown' ? ` in ${r.environment}` : ''}`;
}

/** credential → reach → what it can delete → whether the backups survive → which agents can read it. */
export function credentialChain(c: Credential, graph: BlastGraph, at: Location = c.locations[0]!): ChainStep[] {
  const steps: ChainStep[] = [
    { kind: 'location', label: where(at), ref: at.path },
    { kind: 'credential', label: credentialLabel(c), ref: c.fingerprint },
    { kind: 'scope', label: reachLabel(c) },
  ];
  const target = worstTarget(graph.reach(c));
  const prodWhy = productionReason(c);
  if (prodWhy) steps.push({ kind: 'environment', label: `production credential: ${prodWhy}` });
  for (const e of c.scope.evidence) if (e.source === 'iac' && e.detail.startsWith('linked ')) steps.push({ kind: 'fact', label: `${e.detail} (${e.confidence} confidence)` });
  if (target) {
    steps.push({ kind: 'resource', label: `can delete ${resourceLabel(target.resource)}`, ref: target.resource.id });
    const why = target.resource.environment === 'production' ? resourceEnvironmentReason(target.resource) : undefined;
    if (why && why !== prodWhy) steps.push({ kind: 'environment', label: `${target.resource.name} is production: ${why}` });
    const fate = graph.backupsShareFate(target.resource);
    steps.push({ kind: 'backup', label: fate.shared ? `${fate.why}: they go down with it` : fate.why });
  }
  const readers = graph.readers(c);
  if (readers.length && target)
    steps.push({ kind: 'agent', label: `readable by ${readers.map((r) => r.agent.name).join(', ')} (${where(readers[0]!.location)})` });
  return steps;
}

/** The signal that put a resource in its environment, when the inventory recorded it. */
export function resourceEnvironmentReason(r: Resource): string | undefined {
  const a = r.attributes as { environmentReason?: string; overlay?: string };
  return a.environmentReason ?? r.location.environmentReason ?? (a.overlay ? `deployed by kustomize overlay ${a.overlay}` : undefined);
}

export function chainText(chain: readonly ChainStep[]): string {
  if (!chain.length) return '';
  const [first, ...rest] = chain;
  const head = first!.kind === 'location' && rest[0] ? `${first!.label} ${rest.shift()!.label}` : first!.label;
  return [head, ...rest.map((s) => s.label)].join(' → ');
}
