// The contract between the live stage (src/live/) and the per-provider live resolvers (detectors/scopes/live/).
// A resolver never touches the network itself: it asks its ProviderClient, which only talks to that provider's
// configured base URL, only sends allow-listed requests, and records every request (redacted) as evidence.
import type { Credential, Environment, Evidence, Permission, Reach, Resource } from '../core/types.js';

export type HttpMethod = 'GET' | 'POST';

/** One provider the live stage may contact. */
export interface LiveProvider {
  /** Matches `--live-providers` and the evidence; e.g. "railway". */
  id: string;
  title: string;
  /**
   * Named base URLs (most providers have one, `api`; AWS has `sts` and `iam`). Overridable through the environment
   * variables in `env`, first set wins; one override applies to every base of the provider.
   */
  bases: Record<string, string>;
  env: string[];
  /** Providers that are not HTTP (PostgreSQL) say here what they contact instead of a base URL. */
  contacts?: string;
}

/**
 * One allowed request. HTTP: method + base + path (segments `:name` match `params[name]`, anchored). GraphQL: the
 * operation name and the exact document. AWS query APIs: the `Action`. SQL: the exact statement.
 */
export interface AllowRule {
  provider: string;
  kind: 'http' | 'graphql' | 'aws-query' | 'sql';
  method?: HttpMethod;
  base?: string;
  path?: string;
  params?: Record<string, string>;
  operation?: string;
  document?: string;
  sql?: string;
}

export interface LiveRequest {
  method: HttpMethod;
  /** Base name; default `api`. */
  base?: string;
  /** Path relative to the base URL, starting with '/'. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LiveResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined. */
  json: unknown;
}

/** What a provider module gets: a client bound to its provider and to the one token it may send. */
export interface ProviderClient {
  readonly provider: LiveProvider;
  request(req: LiveRequest): Promise<LiveResponse>;
  /** POSTs an allow-listed GraphQL query document by operation name. */
  graphql(operation: string, variables: Record<string, string>, headers: Record<string, string>): Promise<LiveResponse>;
  /** Appends a short note (never a secret) to the evidence of the last request: `→ 200 (scopes: repo)`. */
  note(text: string): void;
  /** For non-HTTP providers: throws unless the statement is allow-listed for this provider. */
  guardSql(sql: string): void;
  /** Records one non-HTTP request (e.g. a SQL statement) as evidence. */
  record(detail: string): void;
  /** Runs `fn` inside the shared concurrency limit (non-HTTP providers). */
  limited<T>(fn: () => Promise<T>): Promise<T>;
  /** The configured base URL (for SDKs that need an endpoint); requests still go through `request`. */
  urlOf(base?: string): URL;
  readonly timeoutMs: number;
  readonly evidence: Evidence[];
}

/** What a live resolver learned. Evidence of each request is collected by the client, not here. */
export interface LiveResult {
  /** The provider accepted the token and answered. */
  confirmed: boolean;
  principal?: string;
  /** Authoritative when set: replaces the static reach. */
  reach?: Reach;
  /** Authoritative when set: replaces the static permissions. */
  permissions?: Permission[];
  environments?: Environment[];
  /** Set when what the provider says contradicts what the repository said. */
  conflict?: string;
  /** Resources the provider listed (projects, environments, volumes …), for the graph. */
  resources?: Resource[];
  /** A one-line summary recorded as live evidence. */
  summary?: string;
}

export interface LiveResolver {
  provider: LiveProvider;
  allow: AllowRule[];
  /** Whether this credential is certainly this provider's: only then may it be sent to it. */
  accepts: (cred: Credential, token: string) => boolean;
  resolveLive: (cred: Credential, token: string, client: ProviderClient) => Promise<LiveResult>;
}
