// "If this AI vendor cuts us off, what stops?" — from the inventory (ai-client, ai-gateway, agent and mcp-server
// resources) and the credentials found, one entry per vendor: the product features, CI jobs and developer agents that
// need it, the credentials that pay for it, and whether each use has somewhere else to go. Read by the
// vendor-dependency rules and by the vendor blast radius report section.
import type { FileInfo } from './detector-api.js';
import type { Credential, Environment, Resource } from '../core/types.js';
import { where } from './chain.js';
import { serviceOfPath, vendorById, vendorOfAgentTool, vendorOfCredential, vendorOfEnvVar, vendorOfPackage, type AiClientAttrs, type AiGatewayAttrs } from './ai-vendors.js';

export type VendorUseKind = 'request-path' | 'batch-job' | 'app' | 'ci-job' | 'agent' | 'mcp-server';

export interface VendorUse {
  kind: VendorUseKind;
  resource: Resource;
  /** The service (apps/x, services/x…), '.' for the repository root, or the workflow file for a CI job. */
  service: string;
  environment: Environment;
  /** What keeps it running without this vendor, or undefined when nothing does. */
  fallback?: string;
}

export interface VendorBlast {
  vendor: string;
  name: string;
  uses: VendorUse[];
  credentials: Credential[];
}

/** Agent tools bound to no single vendor (they let the user pick the model); a second tool for the workflow. */
const MULTI_VENDOR_TOOLS = new Set(['cursor', 'github-copilot', 'windsurf', 'aider']);

const attrs = <T>(r: Resource): T => r.attributes as T;

/** Gateways with two or more upstreams and self-hosted model servers: a place to send traffic when one vendor stops. */
export function repositoryFallbacks(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => {
    if (r.type !== 'ai-gateway') return false;
    const a = attrs<AiGatewayAttrs>(r);
    return a.kind === 'self-hosted' || new Set(a.upstreams).size >= 2;
  }).sort((x, y) => Number(attrs<AiGatewayAttrs>(x).kind !== 'gateway') - Number(attrs<AiGatewayAttrs>(y).kind !== 'gateway'));
}

/** Why a code use of `vendor` has an alternative, or undefined. */
function clientFallback(r: Resource, clients: readonly Resource[], fallbacks: readonly Resource[], serviceOf: (path: string) => string): string | undefined {
  const a = attrs<AiClientAttrs>(r);
  if (a.otherVendors.length) return `also calls ${a.otherVendors.map((v) => vendorById(v)?.name ?? v).join(', ')} (${r.location.path})`;
  if (a.gateway) return `goes through a multi-provider gateway (${r.location.path})`;
  const service = serviceOf(r.location.path);
  const sibling = clients.find((o) => o !== r && attrs<AiClientAttrs>(o).feature !== 'ci-job' && attrs<AiClientAttrs>(o).vendor !== a.vendor && !knownByKeyNameOnly(o) && serviceOf(o.location.path) === service);
  if (sibling) return `${vendorById(attrs<AiClientAttrs>(sibling).vendor)?.name ?? attrs<AiClientAttrs>(sibling).vendor} in the same service (${sibling.location.path})`;
  // A gateway or model server elsewhere in the repository serves this use only if the client can be pointed at it.
  const gw = fallbacks.find((g) => a.baseUrlConfigurable || attrs<AiGatewayAttrs>(g).upstreams.includes(a.vendor));
  if (!gw) return undefined;
  const g = attrs<AiGatewayAttrs>(gw);
  return `${g.kind === 'gateway' ? `gateway to ${g.upstreams.join(', ')}` : `self-hosted model server ${g.image ?? gw.name}`} (${where(gw.location)})`;
}

const MANIFEST = /(?:^|\/)(?:package\.json|pyproject\.toml|requirements\.txt|setup\.py|go\.mod|Cargo\.toml|Gemfile)$/;

/**
 * The service a path belongs to: the nearest folder below the root with its own package manifest (package.json,
 * pyproject.toml, go.mod…), else the apps/x, services/x… convention, else '.' (the repository root).
 */
export function serviceIndex(files: readonly Pick<FileInfo, 'path'>[]): (path: string) => string {
  const dirs = files.filter((f) => MANIFEST.test(f.path) && f.path.includes('/')).map((f) => f.path.slice(0, f.path.lastIndexOf('/'))).sort((a, b) => b.length - a.length);
  return (path) => dirs.find((d) => path.startsWith(`${d}/`)) ?? serviceOfPath(path);
}

/** A use known only from a key variable's name (OPENAI_API_KEY passed through), not from an SDK or an API host. */
export const knownByKeyNameOnly = (r: Resource): boolean => attrs<AiClientAttrs>(r).via.every((v) => vendorOfEnvVar(v) !== undefined);
/** A use shown by an SDK import, not only by a host string (a settings form's default URL) or a key name. */
export const importsVendorSdk = (r: Resource): boolean => attrs<AiClientAttrs>(r).via.some((v) => vendorOfPackage(v) !== undefined);
/** A CI job that runs an agent action (anthropics/claude-code-action…), not one that only receives a vendor key. */
export const runsAgentAction = (r: Resource): boolean => attrs<AiClientAttrs>(r).via.some((v) => !v.startsWith('secrets.'));

export function vendorBlastRadius(resources: readonly Resource[], credentials: readonly Credential[], files: readonly Pick<FileInfo, 'path'>[] = []): VendorBlast[] {
  const serviceOf = serviceIndex(files);
  const byVendor = new Map<string, VendorBlast>();
  const entry = (vendor: string): VendorBlast => {
    let e = byVendor.get(vendor);
    if (!e) byVendor.set(vendor, (e = { vendor, name: vendorById(vendor)?.name ?? vendor, uses: [], credentials: [] }));
    return e;
  };
  const clients = resources.filter((r) => r.type === 'ai-client');
  const fallbacks = repositoryFallbacks(resources);
  for (const r of clients) {
    const a = attrs<AiClientAttrs>(r);
    const ci = a.feature === 'ci-job';
    const kind: VendorUseKind = ci ? 'ci-job' : a.feature;
    const fallback = ci ? (a.otherVendors.length ? `the job also uses ${a.otherVendors.join(', ')}` : undefined) : clientFallback(r, clients, fallbacks, serviceOf);
    entry(a.vendor).uses.push({ kind, resource: r, service: ci ? a.service : serviceOf(r.location.path), environment: r.environment, fallback });
  }
  const agents = resources.filter((r) => r.type === 'agent' || r.type === 'mcp-server');
  const otherTools = (vendor: string) =>
    agents.filter((o) => o.type === 'agent').map((o) => String(o.attributes.tool ?? o.provider)).filter((t) => MULTI_VENDOR_TOOLS.has(t) || (vendorOfAgentTool(t) !== undefined && vendorOfAgentTool(t) !== vendor));
  for (const r of agents) {
    const tool = String(r.attributes.tool ?? r.provider);
    const vendor = vendorOfAgentTool(tool);
    if (!vendor) continue;
    const others = otherTools(vendor);
    entry(vendor).uses.push({ kind: r.type === 'agent' ? 'agent' : 'mcp-server', resource: r, service: r.location.path, environment: 'development', fallback: others.length ? `another agent tool is configured (${[...new Set(others)].join(', ')})` : undefined });
  }
  for (const c of credentials) {
    const v = vendorOfCredential(c.provider);
    if (v) entry(v.id).credentials.push(c);
  }
  return [...byVendor.values()].sort((a, b) => b.uses.length - a.uses.length || a.vendor.localeCompare(b.vendor));
}

/** Product features: code uses outside CI and developer tooling. */
export const isProductUse = (u: VendorUse): boolean => u.kind === 'request-path' || u.kind === 'batch-job' || u.kind === 'app';
export const isWorkflowUse = (u: VendorUse): boolean => u.kind === 'ci-job' || u.kind === 'agent' || u.kind === 'mcp-server';

