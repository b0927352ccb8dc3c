// The one guarded HTTP client of the live stage. Every request: built from the provider's own base URL (HTTPS, or
// loopback for tests), checked against the allowlist, sent with redirects off, under a timeout and the shared
// concurrency limit, retried once on 429, and recorded as redacted evidence. Nothing else in blastradius sends a token.
import type { Evidence } from '../core/types.js';
import type { AllowRule, HttpMethod, LiveProvider, LiveRequest, LiveResponse, ProviderClient } from './types.js';
import { allowAwsQuery, allowGraphql, allowHttp, allowSql, RefusedRequest } from './allowlist.js';
import { baseUrl, joinUrl } from './base-url.js';
import { Semaphore } from './semaphore.js';

export { RefusedRequest };

export class LiveTimeout extends Error {
  override name = 'LiveTimeout';
}

export interface LiveClientOptions {
  rules: readonly AllowRule[];
  env?: NodeJS.ProcessEnv;
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  /** Requests in flight at once, across all providers. Default 4. */
  concurrency?: number;
  /** Longest wait honoured from a 429's Retry-After. Default 5 s. */
  maxRetryWaitMs?: number;
  /** Defaults to the global fetch, looked up per request. */
  fetch?: typeof fetch;
}

/** Every request sent, for tests and `--verbose`: method, URL without query, status. Never headers or bodies. */
export interface SentRecord {
  provider: string;
  method: HttpMethod;
  url: string;
  status?: number;
}

const MAX_BODY = 4 * 1024 * 1024;

export class LiveClient {
  readonly sent: SentRecord[] = [];
  readonly timeoutMs: number;
  readonly #opts: LiveClientOptions;
  readonly #limit: Semaphore;

  constructor(opts: LiveClientOptions) {
    this.#opts = opts;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.#limit = new Semaphore(opts.concurrency ?? 4);
  }

  /** A client bound to one provider and the one token it may carry there. */
  forCredential(provider: LiveProvider, token: string): ProviderClient {
    return new ProviderSession(this, provider, token, this.#opts, this.#limit);
  }
}

class ProviderSession implements ProviderClient {
  readonly evidence: Evidence[] = [];
  readonly timeoutMs: number;
  readonly #client: LiveClient;
  readonly #token: string;
  readonly #opts: LiveClientOptions;
  readonly #limit: Semaphore;

  constructor(
    client: LiveClient,
    readonly provider: LiveProvider,
    token: string,
    opts: LiveClientOptions,
    limit: Semaphore,
  ) {
    this.#client = client;
    this.#token = token;
    this.#opts = opts;
    this.#limit = limit;
    this.timeoutMs = client.timeoutMs;
  }

  /** Removes the token (and its URL-encoded form) from any text that might leave this object. */
  scrub(text: string): string {
    let out = text;
    for (const v of [this.#token, encodeURIComponent(this.#token)]) if (v.length >= 4) out = out.split(v).join('[REDACTED]');
    return out;
  }

  #push(detail: string): void {
    this.evidence.push({ source: 'live', confidence: 'high', detail: this.scrub(detail) });
  }

  note(text: string): void {
    const last = this.evidence[this.evidence.length - 1];
    if (last) last.detail = this.scrub(`${last.detail} (${text})`);
  }

  record(detail: string): void {
    this.#push(detail);
  }

  guardSql(sql: string): void {
    try {
      allowSql(this.#opts.rules, this.provider.id, sql);
    } catch (e) {
      this.#push(`refused: ${(e as Error).message}`);
      throw e;
    }
  }

  urlOf(base = 'api'): URL {
    return baseUrl(this.provider, base, this.#opts.env ?? process.env);
  }

  limited<T>(fn: () => Promise<T>): Promise<T> {
    return this.#limit.run(fn);
  }

  async graphql(operation: string, variables: Record<string, string>, headers: Record<string, string>): Promise<LiveResponse> {
    const rule = this.#opts.rules.find((r) => r.provider === this.provider.id && r.kind === 'graphql' && r.operation === operation);
    if (!rule?.document || !rule.path) {
      const e = new RefusedRequest(`GraphQL operation ${operation} is not on the ${this.provider.id} allowlist`);
      this.#push(`refused: ${e.message}`);
      throw e;
    }
    const body = JSON.stringify({ query: rule.document, operationName: operation, variables });
    return this.#send({ method: 'POST', base: rule.base, path: rule.path, headers: { 'content-type': 'application/json', ...headers }, body }, operation);
  }

  request(req: LiveRequest): Promise<LiveResponse> {
    return this.#send(req);
  }

  #check(req: LiveRequest, base: string, graphqlOperation?: string): void {
    const rules = this.#opts.rules;
    const id = this.provider.id;
    if (graphqlOperation !== undefined) {
      const rule = allowGraphql(rules, id, req.body ?? '');
      if (req.method !== 'POST' || (rule.base ?? 'api') !== base || rule.path !== req.path) throw new RefusedRequest(`GraphQL must be POSTed to ${rule.path}`);
      return;
    }
    if (rules.some((r) => r.provider === id && r.kind === 'aws-query')) {
      allowAwsQuery(rules, id, base, req.method, req.path, req.body ?? '');
      return;
    }
    allowHttp(rules, id, req.method, base, req.path);
  }

  async #send(req: LiveRequest, graphqlOperation?: string): Promise<LiveResponse> {
    const base = req.base ?? 'api';
    let url: URL;
    try {
      url = joinUrl(baseUrl(this.provider, base, this.#opts.env ?? process.env), req.path);
      this.#check(req, base, graphqlOperation);
    } catch (e) {
      this.#push(`refused: ${req.method} ${this.provider.id} ${req.path}: ${(e as Error).message}`);
      throw e;
    }
    const label = `${req.method} ${url.origin}${url.pathname}${graphqlOperation ? ` ${graphqlOperation}` : ''}`;
    for (let attempt = 0; ; attempt++) {
      const res = await this.#limit.run(() => this.#fetchOnce(url, req, label));
      if (res.status === 429 && attempt === 0) {
        const wait = retryAfterMs(res.headers.get('retry-after'), this.#opts.maxRetryWaitMs ?? 5_000);
        this.note(`rate limited; retrying once after ${wait} ms`);
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location') ?? '';
        let other = true;
        try {
          other = new URL(location, url).host !== url.host;
        } catch {
          /* unparseable: treat as another host */
        }
        this.note(other ? 'redirect to another host refused' : 'redirect not followed');
        throw new RefusedRequest(`${label} answered with a redirect${other ? ' to another host' : ''}; redirects are never followed`);
      }
      return res;
    }
  }

  async #fetchOnce(url: URL, req: LiveRequest, label: string): Promise<LiveResponse> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.timeoutMs);
    const record: SentRecord = { provider: this.provider.id, method: req.method, url: `${url.origin}${url.pathname}` };
    this.#client.sent.push(record);
    try {
      const doFetch = this.#opts.fetch ?? globalThis.fetch;
      const res = await doFetch(url, {
        method: req.method,
        headers: { 'user-agent': 'blastradius (read-only scope check)', accept: 'application/json', ...req.headers },
        body: req.body,
        redirect: 'manual',
        signal: ctl.signal,
      });
      const text = await readBounded(res);
      record.status = res.status;
      this.#push(`${label} → ${res.status}`);
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json };
    } catch (e) {
      if (ctl.signal.aborted) {
        this.#push(`${label} → timed out after ${this.timeoutMs} ms`);
        throw new LiveTimeout(`${label} timed out after ${this.timeoutMs} ms`);
      }
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      const msg = this.scrub(`${label} failed: ${(e as Error).message}${cause ? ` (${cause})` : ''}`);
      this.#push(msg);
      // The caught error is deliberately not attached: only the scrubbed message may travel on.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(msg);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function readBounded(res: Response): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY) throw new Error(`response larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Retry-After in seconds or as an HTTP date; 1 s when absent; never more than `max`. */
export function retryAfterMs(header: string | null, max: number): number {
  let ms = 1_000;
  if (header) {
    const secs = Number(header);
    if (Number.isFinite(secs)) ms = secs * 1000;
    else if (!Number.isNaN(Date.parse(header))) ms = Date.parse(header) - Date.now();
  }
  return Math.max(0, Math.min(max, Math.round(ms)));
}
