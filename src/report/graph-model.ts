// The blast-radius picture as plain data: agents → credentials they can read → the principal each credential acts as
// (its scope) → the resources it can act on → where those resources live → their backups; and the AI vendors the
// repository depends on, with the keys that pay for them and the agents that run on them. DOT, HTML and Mermaid are
// drawn from this one model. Labels carry redacted previews only; node ids are safe in DOT, Mermaid and HTML anchors.
import type { ScanResult } from '../scan.js';
import type { Credential, Environment, Finding, Resource, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import type { BackupJobAttrs, DatabaseAttrs, VolumeAttrs } from '../pipeline/resources.js';
import type { Reachable } from '../pipeline/graph.js';
import { where } from '../pipeline/chain.js';
import { stableHash } from '../core/secrets.js';
import { isProductUse, vendorBlastRadius, type VendorBlast } from '../pipeline/vendor-blast.js';

export type PictureNodeKind = 'agent' | 'credential' | 'principal' | 'resource' | 'backup' | 'more' | 'vendor';

export interface PictureNode {
  /** Safe id: `[A-Za-z0-9_]` only, starts with a letter; usable as a DOT/Mermaid id and an HTML anchor. */
  id: string;
  /** The id in the scan: a credential fingerprint, a resource id, or a synthetic key. */
  key: string;
  kind: PictureNodeKind;
  /** First line: what it is. Never a raw secret. */
  label: string;
  /** Second line: type, environment, preview. */
  detail?: string;
  /** Resource type for resources and backups (database, volume, ...). */
  resourceType?: string;
  environment: Environment;
  /** Fingerprints of the active findings about this node, most severe first. */
  findings: string[];
  /** The most severe of those findings. */
  worst?: Severity;
}

export type PictureEdgeKind = 'can-read' | 'acts-as' | 'can' | 'stored-on' | 'backed-up-by' | 'depends-on';

export interface PictureEdge {
  from: string;
  to: string;
  kind: PictureEdgeKind;
  label?: string;
  /** The edge can delete or administer its target. */
  destructive: boolean;
  /** For backed-up-by edges: the backup goes down with the data. */
  sharesFate?: boolean;
}

export interface GraphModel {
  nodes: PictureNode[];
  edges: PictureEdge[];
  /** Environments that occur on nodes, in ENVIRONMENTS order (for legends). */
  environments: Environment[];
  /** Credentials left out to keep the picture readable (the least severe ones). */
  omittedCredentials: number;
}

export interface GraphModelOptions {
  /** At most this many resources are drawn per credential; the rest fold into one "+N more" node. Default 12. */
  maxResourcesPerCredential?: number;
  /** At most this many credentials are drawn, those with the most severe findings first. Default 60. */
  maxCredentials?: number;
}

export const ENV_COLORS: Record<Environment, { fill: string; stroke: string; text: string }> = {
  production: { fill: '#fde2e1', stroke: '#c0392b', text: '#7f1d1d' },
  staging: { fill: '#fff1c2', stroke: '#b7791f', text: '#713f12' },
  development: { fill: '#dcf5e3', stroke: '#2f855a', text: '#14532d' },
  test: { fill: '#e0ecff', stroke: '#2b6cb0', text: '#1e3a8a' },
  unknown: { fill: '#eef0f3', stroke: '#6b7280', text: '#374151' },
};

export const DESTRUCTIVE_COLOR = '#c0392b';

const ENV_ORDER: Environment[] = ['production', 'staging', 'development', 'test', 'unknown'];
const ENV_RANK: Record<Environment, number> = { production: 4, staging: 3, development: 2, test: 1, unknown: 0 };
const TYPE_RANK: Partial<Record<Resource['type'], number>> = { volume: 7, database: 6, bucket: 5, 'backup-vault': 4, 'backup-plan': 3, service: 2 };
const SEV_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** `[A-Za-z0-9_]` only, starting with a letter, readable, and unique through a short hash of the original. */
export function safeId(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return `n_${readable}_${stableHash(key).slice(0, 6)}`;
}

/** The environment a credential is drawn in: the most sensitive one it appears in. */
export function credentialEnvironment(c: Credential): Environment {
  return [...c.environments].sort((a, b) => ENV_RANK[b] - ENV_RANK[a])[0] ?? 'unknown';
}

function providerName(p: string): string {
  return p.charAt(0).toUpperCase() + p.slice(1);
}

function verbsLabel(verbs: readonly string[]): string {
  if (verbs.includes('admin')) return 'admin';
  if (verbs.includes('delete')) return 'delete';
  if (verbs.includes('write')) return 'write';
  return verbs.join('/') || 'read';
}

function resourceDetail(r: Resource): string {
  return r.environment === 'unknown' ? `${r.type}, environment unknown` : `${r.type} in ${r.environment}`;
}

/** What a scope reaches, without repeating the principal (the principal is the node's own label). */
export function reachText(c: Credential): string {
  const s = c.scope;
  switch (s.reach) {
    case 'account':
      return 'account-wide';
    case 'workspace':
      return 'workspace: all projects and environments';
    case 'project':
      return 'one project, all its environments';
    case 'environment':
      return `one environment${s.environments?.length ? `: ${s.environments.join(', ')}` : ''}`;
    case 'resource':
      return 'specific resources';
    default:
      return 'reach unknown';
  }
}

export function graphModel(
  result: Pick<ScanResult, 'credentials' | 'findings' | 'graph'> & Partial<Pick<ScanResult, 'resources' | 'files'>>,
  opts: GraphModelOptions = {},
): GraphModel {
  const max = Math.max(1, opts.maxResourcesPerCredential ?? 12);
  const graph = result.graph;
  const active = result.findings.filter((f) => !f.suppressed);
  const nodes = new Map<string, PictureNode>();
  const edges: PictureEdge[] = [];
  const edgeKeys = new Set<string>();

  const addNode = (key: string, node: Omit<PictureNode, 'id' | 'key' | 'findings'>): PictureNode => {
    let n = nodes.get(key);
    if (!n) {
      n = { id: safeId(key), key, findings: [], ...node };
      nodes.set(key, n);
    }
    return n;
  };
  const addEdge = (e: PictureEdge): void => {
    if (e.from === e.to) return;
    const k = `${e.from}\0${e.to}\0${e.kind}`;
    if (edgeKeys.has(k)) return;
    edgeKeys.add(k);
    edges.push(e);
  };
  const addResource = (r: Resource): PictureNode =>
    addNode(r.id, {
      kind: r.type.startsWith('backup') ? 'backup' : 'resource',
      label: r.name,
      detail: resourceDetail(r),
      resourceType: r.type,
      environment: r.environment,
    });

  // Where a resource lives and what backs it up, recursively (a database → its volume → the volume's backups).
  const expanded = new Set<string>();
  const expand = (r: Resource): void => {
    if (expanded.has(r.id)) return;
    expanded.add(r.id);
    const from = addResource(r);
    const volId = (r.attributes as DatabaseAttrs).volume;
    const vol = volId ? graph.resource(volId) : undefined;
    if (vol && vol.id !== r.id) {
      addEdge({ from: from.id, to: addResource(vol).id, kind: 'stored-on', label: 'stored on', destructive: false });
      expand(vol);
    }
    for (const b of graph.backupsOf(r)) {
      if (b.id === r.id) continue;
      const dest = (b.attributes as BackupJobAttrs).destination;
      const sharesFate = dest === 'same-volume' || dest === 'same-platform';
      const bn = addNode(b.id, { kind: 'backup', label: b.name, detail: resourceDetail(b), resourceType: b.type, environment: b.environment });
      addEdge({ from: from.id, to: bn.id, kind: 'backed-up-by', label: sharesFate ? 'backup (same failure domain)' : 'backup', destructive: false, sharesFate });
    }
    if (r.type === 'volume' && (r.attributes as VolumeAttrs).nativeBackups === 'platform') {
      const bn = addNode(`native-backups:${r.id}`, {
        kind: 'backup',
        label: `${providerName(r.provider)} volume backups`,
        detail: 'stored with the volume',
        resourceType: 'backup',
        environment: r.environment,
      });
      addEdge({ from: from.id, to: bn.id, kind: 'backed-up-by', label: 'backup (same failure domain)', destructive: false, sharesFate: true });
    }
  };

  const worst = new Map<string, number>();
  for (const f of active) for (const fp of f.credentialFingerprints) worst.set(fp, Math.min(worst.get(fp) ?? 9, SEV_RANK[f.severity]));
  const maxCreds = Math.max(1, opts.maxCredentials ?? 60);
  const drawn = result.credentials
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (worst.get(a.c.fingerprint) ?? 9) - (worst.get(b.c.fingerprint) ?? 9) || a.i - b.i)
    .slice(0, maxCreds)
    .sort((a, b) => a.i - b.i)
    .map(({ c }) => c);

  for (const c of drawn) {
    const cn = addNode(c.fingerprint, {
      kind: 'credential',
      label: `${c.provider.toUpperCase()} ${c.type}`,
      detail: c.preview,
      environment: credentialEnvironment(c),
    });
    const scopeEnvs = c.scope.environments ?? [];
    const pn = addNode(`principal:${c.fingerprint}`, {
      kind: 'principal',
      label: c.scope.principal ?? `${providerName(c.provider)} principal`,
      detail: reachText(c),
      environment: scopeEnvs.length === 1 ? scopeEnvs[0]! : 'unknown',
    });
    addEdge({ from: cn.id, to: pn.id, kind: 'acts-as', label: c.scope.reach === 'unknown' ? 'acts as (reach unknown)' : `acts as (${c.scope.reach})`, destructive: false });

    const reach = [...graph.reach(c)].sort(reachOrder);
    for (const hit of reach.slice(0, max)) {
      expand(hit.resource);
      const destructive = hit.verbs.includes('delete') || hit.verbs.includes('admin');
      addEdge({ from: pn.id, to: safeId(hit.resource.id), kind: 'can', label: verbsLabel(hit.verbs), destructive });
    }
    if (reach.length > max) {
      const rest = reach.slice(max);
      const more = addNode(`more:${c.fingerprint}`, {
        kind: 'more',
        label: `+${rest.length} more resources`,
        detail: [...new Set(rest.map((r) => r.resource.type))].slice(0, 4).join(', '),
        environment: rest.map((r) => r.resource.environment).sort((a, b) => ENV_RANK[b] - ENV_RANK[a])[0] ?? 'unknown',
      });
      const destructive = rest.some((r) => r.verbs.includes('delete') || r.verbs.includes('admin'));
      addEdge({ from: pn.id, to: more.id, kind: 'can', label: destructive ? 'delete' : 'access', destructive });
    }

    for (const { agent, location } of graph.readers(c)) {
      const an = addNode(agent.id, { kind: 'agent', label: agent.name, detail: 'AI agent', resourceType: 'agent', environment: agent.environment });
      addEdge({ from: an.id, to: cn.id, kind: 'can-read', label: `can read ${where(location)}`, destructive: false });
    }
  }

  const vendorOf = addVendors(vendorBlastRadius(result.resources ?? [], result.credentials, result.files ?? []), nodes, addNode, addEdge);
  attachFindings(nodes, active, vendorOf);

  const list = [...nodes.values()];
  const present = new Set(list.map((n) => n.environment));
  return { nodes: list, edges, environments: ENV_ORDER.filter((e) => present.has(e)), omittedCredentials: result.credentials.length - drawn.length };
}

function reachOrder(a: Reachable, b: Reachable): number {
  const da = a.verbs.includes('delete') || a.verbs.includes('admin') ? 1 : 0;
  const db = b.verbs.includes('delete') || b.verbs.includes('admin') ? 1 : 0;
  return (
    db - da ||
    ENV_RANK[b.resource.environment] - ENV_RANK[a.resource.environment] ||
    (TYPE_RANK[b.resource.type] ?? 0) - (TYPE_RANK[a.resource.type] ?? 0) ||
    a.resource.id.localeCompare(b.resource.id)
  );
}

/** What stops if one vendor cuts the organisation off, summed up for the vendor's node. */
function vendorDetail(v: VendorBlast): string {
  const product = v.uses.filter(isProductUse);
  const ci = v.uses.filter((u) => u.kind === 'ci-job').length;
  const agents = v.uses.filter((u) => u.kind === 'agent' || u.kind === 'mcp-server').length;
  const parts = [product.length && `${product.length} product use${product.length > 1 ? 's' : ''}`, ci && `${ci} CI job${ci > 1 ? 's' : ''}`, agents && `${agents} agent config${agents > 1 ? 's' : ''}`].filter(Boolean);
  const fallback = product.length ? (product.every((u) => u.fallback) ? 'every product use has a fallback' : 'no fallback for some product uses') : '';
  return [parts.length ? `stops: ${parts.join(', ')}` : '', fallback].filter(Boolean).join('; ');
}

/**
 * One node per AI vendor with uses: its keys that are drawn point to it ("pays for"), and the agents configured in the
 * checkout that run on it ("runs on"). Returns each use's resource id → the vendor node's key, to attach vendor-dependency findings.
 */
function addVendors(
  vendors: readonly VendorBlast[],
  nodes: Map<string, PictureNode>,
  addNode: (key: string, node: Omit<PictureNode, 'id' | 'key' | 'findings'>) => PictureNode,
  addEdge: (e: PictureEdge) => void,
): Map<string, string> {
  const vendorOf = new Map<string, string>();
  for (const v of vendors) {
    if (!v.uses.length) continue;
    const key = `vendor:${v.vendor}`;
    const envs = [...new Set(v.uses.map((u) => u.environment))].sort((a, b) => ENV_RANK[b] - ENV_RANK[a]);
    const vn = addNode(key, { kind: 'vendor', label: `${v.name} (AI vendor)`, detail: vendorDetail(v), environment: envs[0] ?? 'unknown' });
    for (const c of v.credentials) {
      const cn = nodes.get(c.fingerprint);
      if (cn) addEdge({ from: cn.id, to: vn.id, kind: 'depends-on', label: 'pays for', destructive: false });
    }
    for (const u of v.uses) {
      vendorOf.set(u.resource.id, key);
      if (u.kind !== 'agent') continue;
      const an = addNode(u.resource.id, { kind: 'agent', label: u.resource.name, detail: 'AI agent', resourceType: 'agent', environment: u.resource.environment });
      addEdge({ from: an.id, to: vn.id, kind: 'depends-on', label: 'runs on', destructive: false });
    }
  }
  return vendorOf;
}

/** Which findings each node links to: by credential fingerprint, by resource id, and backup findings to backup nodes. */
function attachFindings(nodes: Map<string, PictureNode>, findings: readonly Finding[], vendorOf: ReadonlyMap<string, string>): void {
  const sorted = [...findings].sort((a, b) => SEV_RANK[a.severity] - SEV_RANK[b.severity]);
  for (const f of sorted) {
    const keys = new Set<string>([...f.credentialFingerprints, ...f.resourceIds]);
    if (f.category === 'backup-isolation') for (const id of f.resourceIds) keys.add(`native-backups:${id}`);
    if (f.category === 'vendor-dependency') for (const id of f.resourceIds) if (vendorOf.has(id)) keys.add(vendorOf.get(id)!);
    for (const k of keys) {
      const n = nodes.get(k);
      if (!n || n.findings.includes(f.fingerprint)) continue;
      n.findings.push(f.fingerprint);
      if (!n.worst || SEV_RANK[f.severity] < SEV_RANK[n.worst]) n.worst = f.severity;
    }
  }
}

/** The severities in display order (re-exported for renderers). */
export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;
