// Shared pieces of the Terraform parser: the per-file context, resource ids (`terraform:<module.>type.name<@env>`),
// environments from tags and names, provider defaults, and references between resources.
import type { Environment, Resource, SourceFile } from '../../src/core/types.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { lineIndexOf, makeResource } from './resource-builder.js';
import { block, isObj, type HclScope, type Reference } from './hcl-values.js';

export type Obj = Record<string, unknown>;

export interface Ctx {
  file: SourceFile;
  scope: HclScope;
  /** `module.<m>.` for files under modules/<m>/. */
  prefix: string;
  /** `@<environment>` for root modules in an environment folder, so environments/prod and environments/staging differ. */
  suffix: string;
  account?: string;
  primary: Resource[];
  partial: Resource[];
  /** Resource bodies by type, for literal-name lookups. */
  all: Record<string, Record<string, Obj>>;
}

export const idOf = (ctx: Ctx, type: string, name: string) => `terraform:${ctx.prefix}${type}.${name}${ctx.suffix}`;
/** The line of a `resource "type" "name"` block (1 when absent). */
export function locate(ctx: Ctx, type: string, name: string): number {
  // Called once per resource: the file's block headers are indexed once.
  const text = ctx.file.text;
  if (headers?.text !== text) {
    const lines = lineIndexOf(text);
    const at = new Map<string, number>();
    for (const m of text.matchAll(/resource\s+"([^"]*)"\s+"([^"]*)"/g)) {
      const key = `${m[1]}\0${m[2]}`;
      if (!at.has(key)) at.set(key, lines.position(m.index).line);
    }
    headers = { text, at };
  }
  return headers.at.get(`${type}\0${name}`) ?? 1;
}

let headers: { text: string; at: Map<string, number> } | undefined;

export function environmentFor(ctx: Ctx, name: string, body: Obj, ...names: Array<string | undefined>): Environment {
  return environmentClaim(ctx, name, body, ...names).environment;
}

/** A resource's environment and the signal that decided it: the file's path, a tag, then a name. */
export function environmentClaim(ctx: Ctx, name: string, body: Obj, ...names: Array<string | undefined>): { environment: Environment; reason: string } {
  if (ctx.file.environment.environment !== 'unknown') return ctx.file.environment;
  // AWS `tags`, GCP `labels`.
  const tags = isObj(body.tags) ? body.tags : isObj(body.labels) ? body.labels : {};
  for (const k of ['Environment', 'environment', 'Env', 'env', 'Stage', 'stage', 'Tier']) {
    const v = ctx.scope.text(tags[k]) ?? '';
    const env = environmentOfName(v);
    if (env !== 'unknown') return { environment: env, reason: `tag ${k} = ${v}` };
  }
  for (const n of [...names, ctx.scope.text(tags.Name), name]) {
    const env = environmentOfName(n ?? '');
    if (env !== 'unknown') return { environment: env, reason: `name ${n} (weak: a name, not a tag)` };
  }
  return { environment: 'unknown', reason: 'no signal' };
}

export function add(ctx: Ctx, kind: 'primary' | 'partial', type: string, name: string, body: Obj, r: Omit<Parameters<typeof makeResource>[1], 'line' | 'environment'> & { names?: Array<string | undefined> }) {
  const { names, ...init } = r;
  // `lifecycle { prevent_destroy = true }` guards any resource against `terraform destroy`.
  const preventDestroy = ctx.scope.bool(block(body, 'lifecycle')?.prevent_destroy);
  if (kind === 'primary' && preventDestroy !== undefined && init.attributes.preventDestroy === undefined) init.attributes = { ...init.attributes, preventDestroy };
  const claim = environmentClaim(ctx, name, body, ...(names ?? []));
  const resource = makeResource(ctx.file, { ...init, environment: claim.environment, line: locate(ctx, type, name), context: `${type}.${name}` });
  if (claim.environment !== 'unknown') resource.location.environmentReason = claim.reason;
  ctx[kind].push(resource);
}

/** Resolves a reference or literal name to the id of a resource of `type` declared in this file (or referenced). */
export function target(ctx: Ctx, v: unknown, type: string, nameAttr: string): { id: string; name: string } | undefined {
  const r = ctx.scope.ref(v);
  if (r?.type === type) return { id: idOf(ctx, type, r.name), name: ctx.scope.text(ctx.all[type]?.[r.name]?.[nameAttr]) ?? r.name };
  const lit = ctx.scope.str(v);
  if (!lit) return undefined;
  const found = Object.entries(ctx.all[type] ?? {}).find(([, b]) => ctx.scope.str(b[nameAttr]) === lit);
  return found ? { id: idOf(ctx, type, found[0]), name: lit } : { id: `aws:${type.replace(/^aws_/, '')}/${lit}`, name: lit };
}

export const refId = (ctx: Ctx, r: Reference) => (r.type.startsWith('data.') ? `terraform:${ctx.prefix}${r.type}.${r.name}${ctx.suffix}` : idOf(ctx, r.type, r.name));

/** Fills provider defaults for attributes the source does not set, and lists them. */
export function withDefaults<T extends Obj>(body: Obj, attrs: T, defaults: Array<[string, keyof T, unknown]>): T & { defaults?: string[] } {
  const used: string[] = [];
  for (const [hclName, key, value] of defaults) {
    if (!(hclName in body)) {
      (attrs as Obj)[key as string] = value;
      used.push(hclName);
    }
  }
  return used.length ? { ...attrs, defaults: used } : attrs;
}

export type Handler = (ctx: Ctx, type: string, name: string, body: Obj) => void | Promise<void>;
