// The Terraform pre-pass: a module is a folder, so `var.x` and `local.x` resolve across its files. Per folder it
// collects variable defaults, locals and resource bodies from every `*.tf`, and the values of `*.tfvars` files:
// `terraform.tfvars` and `*.auto.tfvars` are always loaded; any other `*.tfvars` (`prod.tfvars`, `envs/staging.tfvars`)
// is one deployment of the folder, passed with `-var-file`, so each becomes a variant with its own environment.
// A local module (`source = "../../modules/db"`) is read once per call, with the call's arguments as its variables
// and the caller's environment: environments/prod and environments/staging calling one module are two deployments.
// https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
import { posix } from 'node:path';
import { parseHcl } from './hcl-guard.js';
import type { Environment, SourceFile } from '../../src/core/types.js';
import { basename, dirname } from './resource-builder.js';
import { HclScope, isObj, localsOf, variableDefaults } from './hcl-values.js';

type Obj = Record<string, unknown>;

export interface TfVariant {
  /** The tfvars file that defines it. */
  source: string;
  environment: Environment;
  vars: Obj;
}

export interface TfFolder {
  /** Variable defaults from every file, overridden by auto-loaded tfvars. */
  vars: Obj;
  locals: Obj;
  /** Resource bodies by type and name across the folder. */
  resources: Record<string, Record<string, Obj>>;
  /** Non-auto tfvars files: one deployment each. */
  variants: TfVariant[];
  /** Calls of this folder as a local module. */
  calls: TfPass[];
}

export interface TfPrepared {
  folders: Map<string, TfFolder>;
  /**
   * What the pre-pass read of each file — its HCL, or the parse error — for its parser to take (and drop) instead of
   * parsing it again (a file the TypeScript parser hands to the WebAssembly one costs milliseconds, even to fail).
   */
  json: Map<string, Obj | Error | undefined>;
}

export const isTfvars = (path: string): boolean => /\.tfvars(?:\.json)?$/i.test(path);
const isAuto = (path: string) => /^(?:terraform\.tfvars(?:\.json)?|.+\.auto\.tfvars(?:\.json)?)$/i.test(basename(path));

/** The file's HCL (or JSON), undefined when it is not an object, or why it cannot be parsed. */
async function load(file: SourceFile): Promise<Obj | Error | undefined> {
  try {
    const v = file.path.toLowerCase().endsWith('.json') ? (JSON.parse(file.text) as unknown) : await parseHcl(file.path, file.text);
    return isObj(v) ? v : undefined;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

const emptyFolder = (): TfFolder => ({ vars: {}, locals: {}, resources: {}, variants: [], calls: [] });

export async function prepareTerraform(files: readonly SourceFile[]): Promise<TfPrepared> {
  const folders = new Map<string, TfFolder>();
  // Parse errors are reported when a file is parsed.
  const json = new Map<string, Obj | Error | undefined>();
  const folder = (dir: string) => folders.get(dir) ?? folders.set(dir, emptyFolder()).get(dir)!;
  const tfDirs = tfFolders(files);
  const auto: Array<[string, Obj]> = [];
  for (const file of files) {
    const parsed = await load(file);
    json.set(file.path, parsed);
    if (!isObj(parsed)) continue;
    const dir = dirname(file.path);
    if (isTfvars(file.path)) {
      // tfvars beside the code, or in a child folder that holds only tfvars (`envs/prod.tfvars`).
      const owner = tfvarsOwner(dir, tfDirs);
      if (owner === undefined) continue;
      if (isAuto(file.path) && owner === dir) auto.push([owner, parsed]);
      else folder(owner).variants.push({ source: file.path, environment: file.environment.environment, vars: parsed });
      continue;
    }
    const f = folder(dir);
    Object.assign(f.vars, variableDefaults(parsed));
    Object.assign(f.locals, localsOf(parsed));
    for (const [type, byName] of Object.entries(isObj(parsed.resource) ? parsed.resource : {})) {
      if (!isObj(byName)) continue;
      for (const [name, defs] of Object.entries(byName)) {
        const body = Array.isArray(defs) ? defs[0] : defs;
        if (isObj(body)) (f.resources[type] ??= {})[name] = body;
      }
    }
  }
  for (const [dir, values] of auto) Object.assign(folder(dir).vars, values);
  for (const f of folders.values()) f.variants.sort((a, b) => a.source.localeCompare(b.source));
  const envOf = new Map(files.map((f) => [f.path, f.environment]));
  for (const [path, parsed] of json) if (isObj(parsed) && !isTfvars(path)) moduleCalls(path, parsed, envOf.get(path), folders);
  return { folders, json };
}

/** The folders that hold `.tf` files: the modules. */
const tfFolders = (files: readonly SourceFile[]): Set<string> => new Set(files.filter((f) => /\.tf$/i.test(f.path)).map((f) => dirname(f.path)));

/** The folder a local module source (`./x`, `../x`) in a file of folder `dir` names. */
const moduleFolder = (dir: string, source: string): string =>
  posix.normalize(posix.join(dir || '.', source)).replace(/^\.\/?/, '').replace(/\/$/, '');

/** The folder whose pre-pass reads a tfvars file: its own, or its parent's for a folder of tfvars only. */
const tfvarsOwner = (dir: string, tfDirs: ReadonlySet<string>): string | undefined =>
  tfDirs.has(dir) ? dir : tfDirs.has(dirname(dir)) ? dirname(dir) : undefined;

/** Every `"./…"` or `"../…"` string written in the text: the local module sources among them, and more. */
const RELATIVE_STRING = /"(\.\.?\/[^"\n]*)"/g;

/** The text between the quotes is the string's value: no escape, no `$${`/`%%{`, no template cut short by a quote. */
const verbatim = (raw: string): boolean => {
  if (/\\|\$\$|%%/.test(raw)) return false;
  const template = Math.max(raw.lastIndexOf('${'), raw.lastIndexOf('%{'));
  return template < 0 || raw.includes('}', template);
};

/**
 * The pre-pass's independent parts: folders joined by every local module call (a caller's module block reads the
 * callee's folder) and each tfvars file with the folder that reads it. Calls are found in the text, not the parsed
 * HCL: any relative string counts, a superset of the calls. A string whose parsed value may differ from its text
 * (an escape, `$${`, or a template holding a quote) makes everything one part, as if there were no parts.
 */
export function terraformParts(files: readonly SourceFile[]): SourceFile[][] {
  const tfDirs = tfFolders(files);
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    parent.set(k, r);
    return r;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const keys = files.map((file, i) => {
    const dir = dirname(file.path);
    // A tfvars file no folder reads is a part of its own.
    const key = isTfvars(file.path) ? tfvarsOwner(dir, tfDirs) ?? `\0${i}` : dir;
    find(key);
    return key;
  });
  for (const file of files) {
    if (isTfvars(file.path)) continue;
    const dir = dirname(file.path);
    for (const m of file.text.matchAll(RELATIVE_STRING)) {
      if (!verbatim(m[1]!)) return [[...files]];
      const target = moduleFolder(dir, m[1]!);
      if (tfDirs.has(target)) join(dir, target);
    }
  }
  const parts = new Map<string, SourceFile[]>();
  files.forEach((file, i) => {
    const root = find(keys[i]!);
    const part = parts.get(root) ?? parts.set(root, []).get(root)!;
    part.push(file);
  });
  return [...parts.values()];
}

/** An argument that was given but cannot be resolved: the module's default must not stand in for it. */
const UNRESOLVED = '${__unresolved}';
const META_ARGS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

function moduleCalls(path: string, parsed: Obj, env: SourceFile['environment'] | undefined, folders: Map<string, TfFolder>) {
  const modules = isObj(parsed.module) ? parsed.module : {};
  const dir = dirname(path);
  const caller = folders.get(dir);
  for (const [name, defs] of Object.entries(modules)) {
    const body = Array.isArray(defs) ? defs[0] : defs;
    const source = isObj(body) && typeof body.source === 'string' ? body.source : undefined;
    if (!source || !/^\.\.?\//.test(source)) continue;
    const target = folders.get(moduleFolder(dir, source));
    if (!target || target === caller) continue;
    const callerInModule = /(?:^|\/)modules\/[^/]+\//.test(path);
    for (const pass of passesFor(caller)) {
      const scope = new HclScope(parsed, { vars: pass.vars, locals: caller?.locals });
      const vars: Obj = {};
      for (const [k, v] of Object.entries(body as Obj)) {
        if (META_ARGS.has(k)) continue;
        const r = scope.lit(v);
        vars[k] = r === undefined ? UNRESOLVED : r;
      }
      const environment = pass.environment ?? (env && env.environment !== 'unknown' ? env.environment : undefined);
      const folderSuffix = !callerInModule && env && env.environment !== 'unknown' && env.reason.startsWith('folder') ? `@${env.environment}` : undefined;
      const call: TfPass = { vars, prefix: `module.${name}.`, source: path, ...(environment ? { environment } : {}), ...((folderSuffix ?? pass.suffix) ? { suffix: folderSuffix ?? pass.suffix } : {}) };
      if (!target.calls.some((c) => c.prefix === call.prefix && c.suffix === call.suffix)) target.calls.push(call);
    }
  }
}

export interface TfPass {
  vars: Obj;
  /** Set when a tfvars file decides the environment of this pass. */
  environment?: Environment;
  /** `@<environment>` when the folder has one variant per environment (or per calling environment). */
  suffix?: string;
  /** `module.<call>.` when the folder is read as a module call. */
  prefix?: string;
  source?: string;
}

/**
 * The passes to parse a file in: one per environment-specific tfvars file when the folder has several (each its own
 * deployment), else one with whatever single tfvars file there is. Variants whose environment is unknown are dropped
 * when there are several: their values are not guessed.
 */
export function passesFor(folder: TfFolder | undefined): TfPass[] {
  if (!folder) return [{ vars: {} }];
  if (folder.calls.length) return folder.calls.map((c) => ({ ...c, vars: { ...folder.vars, ...c.vars } }));
  const { variants } = folder;
  if (variants.length === 0) return [{ vars: folder.vars }];
  if (variants.length === 1) {
    const v = variants[0]!;
    return [{ vars: { ...folder.vars, ...v.vars }, source: v.source, ...(v.environment !== 'unknown' ? { environment: v.environment } : {}) }];
  }
  const byEnv = new Map<Environment, TfVariant>();
  for (const v of variants) if (v.environment !== 'unknown' && !byEnv.has(v.environment)) byEnv.set(v.environment, v);
  if (byEnv.size === 0) return [{ vars: folder.vars }];
  return [...byEnv.values()].map((v) => ({ vars: { ...folder.vars, ...v.vars }, environment: v.environment, suffix: byEnv.size > 1 ? `@${v.environment}` : undefined, source: v.source }));
}
