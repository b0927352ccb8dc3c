// Linking a literal key to the principal the IaC declares for it when its id is not written there: on the evidence
// there is — the purpose the key's file, variable, comments and SDK client state, held against each principal's name
// and what its policies touch, and how many keys the IaC creates and for whom — with a confidence to match.
import type { Confidence, Credential, Resource } from '../../src/core/types.js';

export interface LinkCandidate {
  resource: Resource;
  /** Names that identify it (resource name, Terraform labels, key resource names). */
  names: string[];
  /** Words its policies or description say it is for (`s3`, `route53`, `dns`, `backups`…). */
  purposeWords: string[];
  /** Whether the IaC creates a key/token for it. */
  createsKey: boolean;
}

export interface Link {
  resource: Resource;
  /** Starts with "linked": the chain shows it. */
  why: string;
  confidence: Confidence;
}

/** Words that say nothing about whom a key belongs to. */
const STOP = new Set([
  'aws', 'gcp', 'google', 'cloudflare', 'key', 'keys', 'access', 'secret', 'token', 'api', 'id', 'user', 'users', 'role', 'account',
  'service', 'iam', 'env', 'export', 'const', 'let', 'var', 'new', 'client', 'config', 'default', 'region', 'the', 'for', 'and',
  'terraform', 'resource', 'local', 'value', 'name', 'prefix', 'tf', 'main', 'src', 'lib', 'app', 'process', 'credentials',
]);

function words(text: string): string[] {
  return text
    .replace(/\$\{[^{}]*\}/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !STOP.has(w));
}

export function linkByEvidence(cred: Credential, candidates: readonly LinkCandidate[], kind: string): Link | undefined {
  if (!candidates.length) return undefined;
  const hints = new Set(cred.hints.flatMap(words));
  const scored = candidates
    .map((c) => {
      const byName = [...new Set(c.names.flatMap(words))].filter((w) => hints.has(w));
      const byPurpose = [...new Set(c.purposeWords.map((w) => w.toLowerCase()))].filter((w) => hints.has(w));
      return { c, byName, byPurpose, score: byName.length * 2 + byPurpose.length };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const keyed = candidates.filter((c) => c.createsKey);
  const best = scored[0];
  if (best && (scored.length === 1 || scored[1]!.score < best.score)) {
    const said = [...best.byName.map((w) => `"${w}"`), ...best.byPurpose.map((w) => `"${w}" (what its policies touch)`)].join(', ');
    const onlyKeyed = keyed.length === 1 && keyed[0] === best.c;
    return {
      resource: best.c.resource,
      why: `linked to ${kind} ${best.c.resource.name}: ${said} named where the key is written${onlyKeyed ? `, and it is the only ${kind} the IaC creates a key for` : ''}`,
      confidence: onlyKeyed || best.byName.length > 1 ? 'medium' : 'low',
    };
  }
  if (keyed.length === 1 && !scored.length)
    return {
      resource: keyed[0]!.resource,
      why: `linked to ${kind} ${keyed[0]!.resource.name}: the IaC creates one key, for it, and nothing where the key is written names another`,
      confidence: 'low',
    };
  return undefined;
}

/** AWS IAM action prefixes a policy document allows (`s3:*` → s3), as purpose words. */
export function actionServices(docs: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const doc of docs) {
    const statements = (doc as { Statement?: unknown })?.Statement;
    for (const st of Array.isArray(statements) ? statements : statements ? [statements] : []) {
      const actions = (st as { Action?: string | string[] }).Action;
      for (const a of Array.isArray(actions) ? actions : actions ? [actions] : []) if (typeof a === 'string' && a.includes(':')) out.add(a.split(':')[0]!.toLowerCase());
    }
  }
  return [...out];
}
