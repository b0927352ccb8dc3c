// The allowlist: every request the live stage may ever make, per provider. Provider modules declare their entries;
// the guarded client refuses anything else before it leaves the process.
import type { AllowRule, HttpMethod } from './types.js';

export class RefusedRequest extends Error {
  override name = 'RefusedRequest';
}

function pathMatches(rule: AllowRule, path: string): boolean {
  const want = (rule.path ?? '').split('/');
  const got = path.split('/');
  if (want.length !== got.length) return false;
  return want.every((seg, i) => {
    const actual = got[i]!;
    if (!seg.startsWith(':')) return seg === actual;
    const pattern = rule.params?.[seg.slice(1)];
    return pattern !== undefined && new RegExp(`^(?:${pattern})$`).test(actual);
  });
}

/** The HTTP rule that allows this request, or a RefusedRequest saying why none does. */
export function allowHttp(rules: readonly AllowRule[], provider: string, method: HttpMethod, base: string, path: string): AllowRule {
  const rule = rules.find((r) => r.provider === provider && r.kind === 'http' && r.method === method && (r.base ?? 'api') === base && pathMatches(r, path));
  if (!rule) throw new RefusedRequest(`${method} ${path} is not on the ${provider} allowlist`);
  return rule;
}

/** A GraphQL request is allowed only as an exact allow-listed query document under its operation name. */
export function allowGraphql(rules: readonly AllowRule[], provider: string, body: string): AllowRule {
  let parsed: { query?: unknown; operationName?: unknown; variables?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    throw new RefusedRequest(`${provider} GraphQL body is not JSON`);
  }
  const rule = rules.find((r) => r.provider === provider && r.kind === 'graphql' && r.operation === parsed.operationName);
  const doc = rule?.document;
  if (!rule || doc === undefined || doc !== parsed.query) throw new RefusedRequest(`GraphQL operation ${String(parsed.operationName)} is not on the ${provider} allowlist`);
  if (!/^\s*query\s/.test(doc) || /\b(?:mutation|subscription)\b/.test(doc)) throw new RefusedRequest(`only GraphQL queries may be sent`);
  const vars = parsed.variables ?? {};
  if (typeof vars !== 'object' || Object.values(vars as object).some((v) => typeof v !== 'string' || v.length > 128))
    throw new RefusedRequest('GraphQL variables must be short strings');
  return rule;
}

/** AWS query-protocol APIs (STS, IAM): POST / with a form body whose Action is allow-listed. */
export function allowAwsQuery(rules: readonly AllowRule[], provider: string, base: string, method: string, path: string, body: string): AllowRule {
  const action = new URLSearchParams(body).get('Action') ?? '';
  const rule = rules.find((r) => r.provider === provider && r.kind === 'aws-query' && (r.base ?? 'api') === base && r.operation === action);
  if (!rule || method !== 'POST' || path !== '/') throw new RefusedRequest(`${base} ${action || '(no Action)'} is not on the ${provider} allowlist`);
  return rule;
}

export function allowSql(rules: readonly AllowRule[], provider: string, sql: string): AllowRule {
  const rule = rules.find((r) => r.provider === provider && r.kind === 'sql' && r.sql === sql);
  if (!rule) throw new RefusedRequest(`SQL statement is not on the ${provider} allowlist`);
  return rule;
}

/** One line per rule, for the allowlist snapshot test and `--verbose`. */
export function describeRule(r: AllowRule): string {
  switch (r.kind) {
    case 'http':
      return `${r.provider} ${r.method} ${r.base ?? 'api'} ${r.path}${r.params ? ` ${JSON.stringify(r.params)}` : ''}`;
    case 'graphql':
      return `${r.provider} POST graphql ${r.operation}: ${(r.document ?? '').replace(/\s+/g, ' ').trim()}`;
    case 'aws-query':
      return `${r.provider} POST ${r.base} / Action=${r.operation}`;
    case 'sql':
      return `${r.provider} SQL ${r.sql}`;
  }
}
