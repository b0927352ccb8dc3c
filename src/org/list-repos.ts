// Lists an organisation's repositories through the GitHub REST API (@octokit/rest), every page, with the filters an
// organisation scan needs, honouring rate limits: a 403/429 with `retry-after` (secondary limits) or with
// `x-ratelimit-remaining: 0` (primary limit, until `x-ratelimit-reset`) is waited out and retried, a bounded number of
// times, and every wait is reported.
import { Octokit } from '@octokit/rest';

export interface RepoFilters {
  includeArchived?: boolean;
  includeForks?: boolean;
  /** Keep only repositories carrying every one of these topics. */
  topics?: string[];
  /** Keep only repositories whose name matches (a regular expression, matched against `name`). */
  namePattern?: RegExp;
}

export interface OrgRepo {
  fullName: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  topics: string[];
}

export interface ListOptions {
  token: string;
  baseUrl?: string;
  /** Longest single wait for a rate limit, in seconds; a longer one fails the listing with the reason. */
  maxWaitSeconds?: number;
  /** How many rate-limited answers in a row are waited out before giving up. */
  maxRetries?: number;
  onWait?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

interface HttpError {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** Seconds to wait before retrying a rate-limited answer, or undefined when the answer is not a rate limit. */
export function rateLimitWait(error: unknown, nowSeconds: number): number | undefined {
  const e = error as HttpError;
  if (e.status !== 403 && e.status !== 429) return undefined;
  const h = e.response?.headers ?? {};
  const retryAfter = Number(h['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && h['retry-after'] !== undefined) return retryAfter;
  if (String(h['x-ratelimit-remaining']) === '0') {
    const reset = Number(h['x-ratelimit-reset']);
    return Number.isFinite(reset) ? Math.max(0, reset - nowSeconds) : 60;
  }
  return e.status === 429 ? 60 : undefined;
}

export function githubClient(opts: ListOptions): Octokit {
  const quiet = () => undefined;
  // Octokit's own request log would print every rate-limited answer; the waits are reported through onWait instead.
  const octokit = new Octokit({ auth: opts.token, baseUrl: opts.baseUrl, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxRetries = opts.maxRetries ?? 5;
  const maxWait = opts.maxWaitSeconds ?? 900;
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const wait = rateLimitWait(error, Math.floor(Date.now() / 1000));
        if (wait === undefined || attempt >= maxRetries) throw error;
        if (wait > maxWait) throw new Error(`GitHub rate limit: asked to wait ${wait} s (more than ${maxWait} s); try again later`, { cause: error });
        opts.onWait?.(`GitHub rate limit on ${options.method} ${new URL(options.url, 'http://api').pathname}: waiting ${wait} s (attempt ${attempt + 1} of ${maxRetries})`);
        await sleep(wait * 1000);
      }
    }
  });
  return octokit;
}

export function keepRepo(r: OrgRepo & { name: string }, f: RepoFilters): boolean {
  if (r.archived && !f.includeArchived) return false;
  if (r.fork && !f.includeForks) return false;
  if (f.topics?.length && !f.topics.every((t) => r.topics.includes(t))) return false;
  if (f.namePattern && !f.namePattern.test(r.name)) return false;
  return true;
}

export async function listOrgRepos(org: string, filters: RepoFilters, opts: ListOptions): Promise<OrgRepo[]> {
  const octokit = githubClient(opts);
  const out: OrgRepo[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.repos.listForOrg, { org, type: 'all', per_page: 100 })) {
    for (const r of page.data) {
      const repo = { name: r.name, fullName: r.full_name, defaultBranch: r.default_branch ?? 'main', archived: !!r.archived, fork: r.fork, topics: r.topics ?? [] };
      if (keepRepo(repo, filters)) out.push({ fullName: repo.fullName, defaultBranch: repo.defaultBranch, archived: repo.archived, fork: repo.fork, topics: repo.topics });
    }
  }
  return out.sort((a, b) => a.fullName.localeCompare(b.fullName));
}
