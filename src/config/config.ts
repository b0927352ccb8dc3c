// The configuration file: .blastradius.yml / .blastradius.yaml / .blastradius.json, validated against the
// published JSON Schema (schema/config.schema.json). Every error names the file, the line, the key and what was expected.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajv } from '../core/lazy-deps.js';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { Environment, Severity } from '../core/types.js';
import configSchema from '../../schema/config.schema.json' with { type: 'json' };
import { validateCustomRules, type CustomRuleConfig } from './custom-rules.js';
import { credentialRules } from '../../detectors/credentials/index.js';
import { redact } from '../core/secrets.js';
import { shannonEntropy } from '../core/text.js';
import { UsageError } from '../core/usage-error.js';

export { UsageError };

export interface Config {
  environments: Record<string, Environment>;
  maxFileSize: number;
  ignorePaths: string[];
  allowlist: { paths: string[]; fingerprints: string[] };
  rules: { disable: string[]; severity: Record<string, Severity> };
  failOn?: Severity | 'none';
  /** Extra credential rules (regex, keywords, entropy), checked for catastrophic backtracking at load. */
  customRules?: CustomRuleConfig[];
  /** The file it came from, for messages. */
  source?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function defaultConfig(): Config {
  return {
    environments: {},
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    ignorePaths: [],
    allowlist: { paths: [], fingerprints: [] },
    rules: { disable: [], severity: {} },
  };
}


const CONFIG_NAMES = ['.blastradius.yml', '.blastradius.yaml', '.blastradius.json'];

// Loaded and compiled on the first config file, not at start-up (most runs have none).
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new (ajv())({ allErrors: true, strict: false }).compile(configSchema));

/** Loads the explicit file, or the first config file found at the scan root, or the defaults. */
export function loadConfig(root: string, explicit?: string): Config {
  const path = explicit ?? CONFIG_NAMES.map((n) => join(root, n)).find((p) => existsSync(p));
  if (!path) return defaultConfig();
  const shown = explicit ?? relative(process.cwd(), path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${shown}: cannot read config file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseConfig(text, shown);
}

export function parseConfig(text: string, shown: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line ?? 1;
    throw new UsageError(`${shown}:${line}: invalid ${shown.endsWith('.json') ? 'JSON' : 'YAML'}: ${err.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    // A YAML alias bomb (a billion laughs) is refused here rather than expanded.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new UsageError(`${shown}:1: cannot use this configuration: ${(e as Error).message}`);
  }
  const validate = validator();
  if (!validate(data)) {
    const err = pickError(validate.errors ?? []);
    const pathParts = err.instancePath.split('/').slice(1).map(decodePointer);
    const key = err.keyword === 'additionalProperties' ? [...pathParts, String(err.params.additionalProperty)] : pathParts;
    const node = nodeAt(doc.contents as Node | null, key);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    throw new UsageError(`${shown}:${line}: ${key.map(safeKey).join('.') || '(top level)'}: ${describe(err)}`);
  }
  const custom = (data as Partial<Config>).customRules;
  if (custom?.length) {
    const err = validateCustomRules(custom, new Set(credentialRules.map((r) => r.meta.id)))[0];
    if (err) {
      const key = err.key.map(String);
      const node = nodeAt(doc.contents as Node | null, key);
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
      throw new UsageError(`${shown}:${line}: ${key.map(safeKey).join('.')}: ${err.message}`);
    }
  }
  return { ...defaultConfig(), ...(data as Partial<Config>), source: shown, rules: { ...defaultConfig().rules, ...((data as Partial<Config>).rules ?? {}) }, allowlist: { ...defaultConfig().allowlist, ...((data as Partial<Config>).allowlist ?? {}) } };
}

/** A key is echoed in errors; one that looks like key material (a pasted token) is shown redacted. */
function safeKey(k: string): string {
  return k.length >= 16 && /\d/.test(k) && shannonEntropy(k) > 3.2 ? redact(k) : k;
}

function pickError(errors: ErrorObject[]): ErrorObject {
  return errors.find((e) => e.keyword === 'additionalProperties') ?? errors.find((e) => e.keyword === 'enum') ?? errors[0]!;
}

function decodePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function describe(err: ErrorObject): string {
  switch (err.keyword) {
    case 'additionalProperties':
      return 'unknown key; expected one of the keys in schema/config.schema.json';
    case 'enum':
      return `expected one of ${(err.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `expected ${err.params.type as string}`;
    case 'minimum':
      return `expected a number >= ${String(err.params.limit)}`;
    default:
      return err.message ?? 'invalid value';
  }
}

function nodeAt(root: Node | null, keys: string[]): Node | undefined {
  let node: Node | null | undefined = root;
  let last: Node | undefined = root ?? undefined;
  for (const k of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === k);
      if (!pair) return last;
      // Point at the key for unknown-key errors, at the value otherwise.
      last = (pair.value as Node | null) ?? (pair.key as Node);
      node = pair.value as Node | null;
      if (k === keys[keys.length - 1]) return (pair.key as Node) ?? last;
    } else if (isSeq(node)) {
      node = node.items[Number(k)] as Node | null;
      if (node) last = node;
    } else return last;
  }
  return last;
}
