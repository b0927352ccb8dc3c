// Stage 5: the blast-radius graph. Credentials → (their scope) → resources they can act on → the backups of those
// resources, plus environment membership and which agents in the checkout can read which credential.
import ignore from 'ignore';
import type { Credential, Environment, Location, Resource, Verb, VariableUse } from '../core/types.js';
import { mergeResources, type AgentAttrs, type BackupJobAttrs, type DatabaseAttrs, type VolumeAttrs } from './resources.js';
import { pushTo } from '../core/text.js';
import { isLoopbackHost, platformOfHost } from './platform-hosts.js';

export interface Reachable {
  resource: Resource;
  verbs: Verb[];
  /** Why the credential reaches it, in a few words. */
  via: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'can' | 'backed-up-by' | 'can-read' | 'uses' | 'stored-on';
  label?: string;
  destructive?: boolean;
}

/** Resource types that hold or protect data and can be destroyed through an API. */
const TARGET_TYPES = new Set<Resource['type']>([
  'database',
  'volume',
  'bucket',
  'backup-plan',
  'backup-vault',
  'backup-job',
  'service',
  'project',
  'dns-zone',
  'iam-principal',
]);

/** Which credential providers act on which resource providers. */
const PROVIDER_FAMILY: Record<string, string[]> = {
  aws: ['aws'],
  gcp: ['gcp', 'google'],
  google: ['gcp', 'google'],
  railway: ['railway'],
  cloudflare: ['cloudflare'],
  supabase: ['supabase'],
  vercel: ['vercel'],
  fly: ['fly'],
  flyio: ['fly'],
  heroku: ['heroku'],
  digitalocean: ['digitalocean'],
  render: ['render'],
  netlify: ['netlify'],
  github: ['github'],
};

export const ANY_AGENT_ID = 'agent:any';

export class BlastGraph {
  readonly #reach = new Map<string, Reachable[]>();
  readonly #byId = new Map<string, Resource>();
  readonly resources: Resource[];

  constructor(
    readonly credentials: readonly Credential[],
    resources: readonly Resource[],
    readonly uses: readonly VariableUse[],
  ) {
    // Several files can describe one resource (an agent in two settings files, a volume in two env files): one node.
    this.resources = mergeResources([...resources, ...implicitResources(credentials, resources)], { anyBoolean: true });
    for (const r of this.resources) this.#byId.set(r.id, r);
  }

  resource(id: string): Resource | undefined {
    return this.#byId.get(id);
  }

  /** The resources a credential can act on, with the verbs its scope grants there. */
  reach(cred: Credential): Reachable[] {
    const cached = this.#reach.get(cred.fingerprint);
    if (cached) return cached;
    const out: Reachable[] = [];
    for (const r of this.#targetsFor(cred)) {
      const hit = reachOne(cred, r);
      if (hit) out.push(hit);
    }
    this.#reach.set(cred.fingerprint, out);
    return out;
  }

  #targets?: { byProvider: Map<string, number[]>; byHost: Map<string, number[]> };

  /**
   * The only target resources reachOne can accept, in resource order: those of the credential's provider family, and
   * databases at the host its URL names. Indexed once, so reach is not credentials × resources.
   */
  #targetsFor(cred: Credential): Resource[] {
    if (!this.#targets) {
      const byProvider = new Map<string, number[]>();
      const byHost = new Map<string, number[]>();
      this.resources.forEach((r, i) => {
        if (!TARGET_TYPES.has(r.type)) return;
        pushTo(byProvider, r.provider, i);
        if (r.type === 'database') for (const h of new Set((r.attributes as DatabaseAttrs).hosts ?? [])) pushTo(byHost, h, i);
      });
      this.#targets = { byProvider, byHost };
    }
    const { byProvider, byHost } = this.#targets;
    const lists = (PROVIDER_FAMILY[cred.provider] ?? [cred.provider]).map((p) => byProvider.get(p) ?? []);
    const host = cred.attributes.host;
    if (host) lists.push(byHost.get(host) ?? []);
    const indexes = lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a - b);
    return indexes.map((i) => this.resources[i]!);
  }

  /** Resources the credential can delete (or administer). */
  deletable(cred: Credential): Reachable[] {
    return this.reach(cred).filter((r) => r.verbs.includes('delete') || r.verbs.includes('admin'));
  }

  /** Backups of a resource (directly, or of the volume it lives on). */
  backupsOf(resource: Resource): Resource[] {
    const index = this.#backupIndex();
    const ids = [resource.id];
    const vol = (resource.attributes as DatabaseAttrs).volume;
    if (vol) ids.push(vol);
    const out = new Set<Resource>();
    for (const id of ids) for (const b of index.byTarget.get(id) ?? []) out.add(b);
    // A dump job with no declared target covers the data of its environment: one writing onto "the volume" of the
    // same platform, or an off-platform one.
    for (const b of index.untargeted) {
      if (b.id === resource.id || !sameEnvironment(b.environment, resource.environment)) continue;
      const job = b.attributes as BackupJobAttrs;
      if (job.destination === 'same-volume' ? b.provider === resource.provider : job.destination === 'off-platform') out.add(b);
    }
    out.delete(resource);
    return [...out];
  }

  #backups?: { byTarget: Map<string, Resource[]>; untargeted: Resource[] };

  /** Built once: backups by the id they back up, and backup jobs that name no target. */
  #backupIndex(): { byTarget: Map<string, Resource[]>; untargeted: Resource[] } {
    if (this.#backups) return this.#backups;
    const byTarget = new Map<string, Resource[]>();
    const untargeted: Resource[] = [];
    for (const b of this.resources) {
      for (const id of b.backupOf ?? []) pushTo(byTarget, id, b);
      if (b.type === 'backup-job' && !b.backupOf?.length) untargeted.push(b);
    }
    this.#backups = { byTarget, untargeted };
    return this.#backups;
  }

  /** Whether the resource's backups go down with it: stored on the same volume/platform, or none survive it. */
  backupsShareFate(resource: Resource): { shared: boolean; why: string } {
    const backups = this.backupsOf(resource);
    const offsite = backups.find((b) => (b.attributes as BackupJobAttrs).destination === 'off-platform');
    if (offsite) return { shared: false, why: `off-platform backup ${offsite.name}` };
    const vol = resource.type === 'volume' ? resource : this.resource((resource.attributes as DatabaseAttrs).volume ?? '');
    if (vol && (vol.attributes as VolumeAttrs).nativeBackups === 'platform')
      return { shared: true, why: `its backups are ${providerName(vol.provider)} volume backups, stored with the volume` };
    const same = backups.find((b) => (b.attributes as BackupJobAttrs).destination === 'same-volume');
    if (same) return { shared: true, why: `its backups (${same.name}) are written to the same volume` };
    // Known only from its host: the platform's own backups, which the provider documents as deleted with it.
    const db = resource.attributes as DatabaseAttrs;
    const platform = resource.type === 'database' && !db.local ? (db.hosts ?? []).map(platformOfHost).find(Boolean) : undefined;
    if (platform?.backupsDieWithIt && !backups.length)
      return { shared: true, why: `its backups are ${platform.backups} (${platform.name} host, no off-platform copy in the repository)` };
    return { shared: false, why: backups.length ? 'backups exist' : 'no backups declared' };
  }

  /** Agents in the checkout that can read at least one working-tree location of the credential. */
  readers(cred: Credential): Array<{ agent: Resource; location: Location }> {
    const out: Array<{ agent: Resource; location: Location }> = [];
    for (const { agent, deny } of this.#agentMatchers()) {
      const loc = cred.locations.find((l) => !l.commit && !deny.ignores(l.path));
      if (loc) out.push({ agent, location: loc });
    }
    return out;
  }

  #matchers?: Array<{ agent: Resource; deny: ReturnType<typeof ignore> }>;

  /** Each agent with its compiled deny-read patterns, built once per graph. */
  #agentMatchers(): Array<{ agent: Resource; deny: ReturnType<typeof ignore> }> {
    this.#matchers ??= this.agents().map((agent) => ({ agent, deny: ignore().add((agent.attributes as AgentAttrs).denyRead ?? []) }));
    return this.#matchers;
  }

  /**
   * Agent tools configured in the checkout, merged per tool (deny rules from every file of one tool apply). When
   * none is configured, one implicit "any coding agent" that can read every file.
   */
  agents(): Resource[] {
    this.#agents ??= this.#mergeAgents();
    return this.#agents;
  }

  #agents?: Resource[];

  #mergeAgents(): Resource[] {
    const byTool = new Map<string, Resource>();
    for (const r of this.resources) {
      if (r.type !== 'agent') continue;
      const a = r.attributes as AgentAttrs;
      const tool = a.tool ?? r.name;
      const prev = byTool.get(tool);
      if (!prev) {
        byTool.set(tool, { ...r, attributes: { ...a } });
        continue;
      }
      const p = prev.attributes as AgentAttrs;
      p.denyRead = [...(p.denyRead ?? []), ...(a.denyRead ?? [])];
      p.bypass = p.bypass || a.bypass;
      p.anyShell = p.anyShell || a.anyShell;
    }
    if (byTool.size === 0)
      return [
        {
          id: ANY_AGENT_ID,
          provider: 'agent',
          type: 'agent',
          name: 'any coding agent (no agent configuration restricts reads)',
          environment: 'unknown',
          location: { path: '.', startLine: 1, startColumn: 1, environment: 'unknown' },
          attributes: { tool: 'any', denyRead: [] } satisfies AgentAttrs,
        },
      ];
    return [...byTool.values()];
  }

  /** Every edge, for pictures. */
  edges(): GraphEdge[] {
    const edges: GraphEdge[] = [];
    for (const c of this.credentials) {
      for (const r of this.reach(c)) {
        const destructive = r.verbs.includes('delete') || r.verbs.includes('admin');
        edges.push({ from: c.fingerprint, to: r.resource.id, kind: 'can', label: r.verbs.join('/'), destructive });
      }
      for (const { agent } of this.readers(c)) edges.push({ from: agent.id, to: c.fingerprint, kind: 'can-read' });
    }
    for (const r of this.resources) {
      for (const b of this.backupsOf(r)) edges.push({ from: r.id, to: b.id, kind: 'backed-up-by' });
      const vol = (r.attributes as DatabaseAttrs).volume;
      if (vol && this.#byId.has(vol)) edges.push({ from: r.id, to: vol, kind: 'stored-on' });
    }
    return edges;
  }
}


function providerName(p: string): string {
  return p.charAt(0).toUpperCase() + p.slice(1);
}

function sameEnvironment(a: Environment, b: Environment): boolean {
  return a === b || a === 'unknown' || b === 'unknown';
}

function reachOne(cred: Credential, r: Resource): Reachable | undefined {
  const scope = cred.scope;
  const verbsFor = (resourceName?: string): Verb[] => {
    const verbs = new Set<Verb>();
    for (const p of scope.permissions) {
      if (p.resource && p.resource !== resourceName && p.resource !== r.id && p.resource !== r.name) continue;
      if (p.resourceType !== '*' && p.resourceType !== r.type && !(p.resourceType === 'backup' && r.type.startsWith('backup')))
        continue;
      verbs.add(p.verb);
      if (p.verb === 'admin') ['read', 'write', 'delete'].forEach((v) => verbs.add(v as Verb));
    }
    return [...verbs];
  };

  // A connection URL reaches the database it names, whatever the platform.
  const host = cred.attributes.host;
  if (host && r.type === 'database') {
    const hosts = (r.attributes as DatabaseAttrs).hosts ?? [];
    if (!hosts.includes(host)) return undefined;
    const verbs = verbsFor(host);
    return verbs.length ? { resource: r, verbs, via: `connection URL to ${host}` } : undefined;
  }

  const family = PROVIDER_FAMILY[cred.provider] ?? [cred.provider];
  if (!family.includes(r.provider)) return undefined;
  const envs = scope.environments?.length ? scope.environments : cred.environments;
  switch (scope.reach) {
    case 'account':
    case 'workspace': {
      const verbs = verbsFor();
      return verbs.length ? { resource: r, verbs, via: `${scope.reach}-wide ${cred.provider} access` } : undefined;
    }
    case 'project': {
      const verbs = verbsFor();
      return verbs.length ? { resource: r, verbs, via: `project-wide ${cred.provider} access` } : undefined;
    }
    case 'environment': {
      if (!envs.includes(r.environment) && r.environment !== 'unknown') return undefined;
      const verbs = verbsFor();
      return verbs.length ? { resource: r, verbs, via: `${cred.provider} access to the ${envs.join('/')} environment` } : undefined;
    }
    case 'resource': {
      const verbs = verbsFor(r.name);
      const named = scope.permissions.some((p) => p.resource && (p.resource === r.id || p.resource === r.name));
      return named && verbs.length ? { resource: r, verbs, via: `access to ${r.name}` } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Databases named only by a connection URL (no IaC declares them) still exist: one implicit resource per host, in the
 * environments the URL appears in, so the graph can say what the URL can destroy.
 */
function implicitResources(credentials: readonly Credential[], resources: readonly Resource[]): Resource[] {
  const known = new Set(resources.flatMap((r) => (r.type === 'database' ? ((r.attributes as DatabaseAttrs).hosts ?? []) : [])));
  const out = new Map<string, Resource>();
  for (const c of credentials) {
    const host = c.attributes.host;
    if (!host || known.has(host) || !c.attributes.scheme) continue;
    const id = `url:database/${host}`;
    if (out.has(id)) continue;
    const env = c.environments.find((e) => e !== 'unknown') ?? 'unknown';
    const at = c.locations.find((l) => l.environment === env) ?? c.locations[0]!;
    // The host says the platform (and so what its own backups survive); loopback says it is this machine's.
    const platform = platformOfHost(host);
    const local = isLoopbackHost(host) || /(?:CI service container|local compose service)/.test(at.environmentReason ?? '');
    out.set(id, {
      id,
      provider: platform?.provider ?? c.provider,
      type: 'database',
      name: `${c.attributes.scheme} database at ${host}${platform ? ` (${platform.name})` : ''}`,
      environment: env,
      location: at,
      attributes: {
        engine: c.attributes.scheme,
        hosts: [host],
        ...(platform ? { platform: platform.provider } : {}),
        ...(local ? { local: true } : {}),
        ...(at.environmentReason ? { environmentReason: at.environmentReason } : {}),
      } satisfies DatabaseAttrs,
    });
  }
  return [...out.values()];
}
