// A fake GitHub REST API on 127.0.0.1 for the Action's tests: the endpoints the Action calls, with state (uploaded
// SARIF, issue comments) and every request recorded.
//   POST  /repos/{owner}/{repo}/code-scanning/sarifs            → 202 { id, url }
//   GET   /repos/{owner}/{repo}/code-scanning/sarifs/{id}       → pending once, then complete (or failed)
//   GET   /repos/{owner}/{repo}/issues/{n}/comments             → paginated list (per_page, page, Link header)
//   POST  /repos/{owner}/{repo}/issues/{n}/comments             → 201 comment
//   PATCH /repos/{owner}/{repo}/issues/comments/{id}            → 200 comment
//   GET   /orgs/{org}/repos                                     → paginated list (per_page, page, Link header); the
//         first `rateLimited` requests answer 403 with retry-after (a secondary rate limit)
//   GET   /orgs/{org}/actions/secrets                           → { total_count, secrets: [{ name, created_at,
//         updated_at, visibility, selected_repositories_url? }] }, paginated; `secretsStatus` refuses it (403 as for a
//         token without the "Secrets" permission); the first `secretsRateLimited` requests hit the primary rate limit
//         (403, x-ratelimit-remaining: 0, x-ratelimit-reset one second ahead)
//   GET   /orgs/{org}/actions/secrets/{name}/repositories       → { total_count, repositories: [minimal repository] },
//         paginated; 404 for a secret that is not `selected`, as GitHub answers
import { gunzipSync } from 'node:zlib';
import { json, startServer, type Recorded, type TestServer } from './http.js';

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface FakeSarif {
  id: string;
  commit_sha: string;
  ref: string;
  tool_name?: string;
  checkout_uri?: string;
  /** The decoded (gunzipped, parsed) SARIF. */
  sarif: unknown;
  /** The raw base64 string as sent. */
  encoded: string;
  polls: number;
}

export interface FakeGitHubOptions {
  /** Status code for the SARIF upload (e.g. 403 when code scanning is off). */
  uploadStatus?: number;
  /** Processing result after the first poll. */
  processing?: 'complete' | 'failed';
  /** Answer comment writes with this status (e.g. 403 for a read-only token). */
  commentStatus?: number;
  /** Comments that already exist, per issue. */
  comments?: FakeComment[];
  /** Repositories of each organisation, as the API lists them. */
  orgRepos?: Record<string, FakeOrgRepo[]>;
  /** How many `/orgs/{org}/repos` requests answer 403 with `retry-after: 1` before the API answers again. */
  rateLimited?: number;
  /** Organisation Actions secrets, per organisation. */
  orgSecrets?: Record<string, FakeOrgSecret[]>;
  /** Answer `GET /orgs/{org}/actions/secrets` with this status (403: the token lacks the "Secrets" permission). */
  secretsStatus?: number;
  /** How many `/orgs/{org}/actions/secrets…` requests hit the primary rate limit before the API answers again. */
  secretsRateLimited?: number;
}

export interface FakeOrgSecret {
  name: string;
  visibility: 'all' | 'private' | 'selected';
  /** For `selected`: the repositories' names (in the same organisation). */
  repositories?: string[];
  /** Answer this secret's repository list with this status. */
  repositoriesStatus?: number;
}

export interface FakeOrgRepo {
  name: string;
  archived?: boolean;
  fork?: boolean;
  topics?: string[];
  default_branch?: string;
  visibility?: 'public' | 'private' | 'internal';
}

export interface FakeGitHub extends TestServer {
  sarifs: FakeSarif[];
  comments: FakeComment[];
  /** Every request body, for "no secret anywhere" checks (SARIF payloads also decoded). */
  bodies(): string[];
  reset(): void;
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const sarifs: FakeSarif[] = [];
  const comments: FakeComment[] = [...(opts.comments ?? [])];
  let nextComment = 1000 + comments.length;
  let nextSarif = 1;
  let rateLimited = opts.rateLimited ?? 0;
  let secretsRateLimited = opts.secretsRateLimited ?? 0;
  let repoIds = 1;
  const ids = new Map<string, number>();
  const idOf = (fullName: string) => ids.get(fullName) ?? (ids.set(fullName, repoIds++), repoIds - 1);

  const handler = (req: Recorded, res: Parameters<Parameters<typeof startServer>[0]>[1]) => {
    const url = new URL(req.path, 'http://x');
    const p = url.pathname;
    if (!/^(?:token|Bearer) \S+$/.test(String(req.headers.authorization ?? ''))) return json(res, 401, { message: 'Requires authentication' });
    let m: RegExpExecArray | null;

    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/.exec(p)) && req.method === 'POST') {
      if (opts.uploadStatus && opts.uploadStatus >= 400) return json(res, opts.uploadStatus, { message: 'Advanced Security must be enabled for this repository to use code scanning.' });
      const body = JSON.parse(req.body) as { commit_sha: string; ref: string; sarif: string; tool_name?: string; checkout_uri?: string };
      if (!/^[0-9a-f]{40}$/.test(body.commit_sha) || !body.ref?.startsWith('refs/')) return json(res, 422, { message: 'Invalid commit_sha or ref' });
      let sarif: unknown;
      try {
        sarif = JSON.parse(gunzipSync(Buffer.from(body.sarif, 'base64')).toString('utf8'));
      } catch {
        return json(res, 400, { message: 'sarif is not gzip + base64 JSON' });
      }
      const id = `sarif-${nextSarif++}`;
      sarifs.push({ id, commit_sha: body.commit_sha, ref: body.ref, tool_name: body.tool_name, checkout_uri: body.checkout_uri, sarif, encoded: body.sarif, polls: 0 });
      return json(res, 202, { id, url: `/repos/${m[1]}/${m[2]}/code-scanning/sarifs/${id}` });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/code-scanning\/sarifs\/([^/]+)$/.exec(p)) && req.method === 'GET') {
      const s = sarifs.find((x) => x.id === m![1]);
      if (!s) return json(res, 404, { message: 'Not Found' });
      s.polls++;
      if (s.polls < 2) return json(res, 200, { processing_status: 'pending', analyses_url: null, errors: null });
      if (opts.processing === 'failed') return json(res, 200, { processing_status: 'failed', analyses_url: null, errors: ['locationFromSarifResult: expected artifact location'] });
      return json(res, 200, { processing_status: 'complete', analyses_url: `/repos/x/y/code-scanning/analyses?sarif_id=${s.id}`, errors: [] });
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(p))) {
      const issue = Number(m[3]);
      if (req.method === 'GET') {
        const { slice, headers } = pageOf(req, url, comments.filter((c) => c.issue === issue));
        return json(res, 200, slice.map(shape), headers);
      }
      if (req.method === 'POST') {
        if (opts.commentStatus && opts.commentStatus >= 400) return json(res, opts.commentStatus, { message: 'Resource not accessible by integration' });
        const body = (JSON.parse(req.body) as { body: string }).body;
        const c: FakeComment = { id: nextComment++, issue, body, user: { login: 'github-actions[bot]', type: 'Bot' } };
        comments.push(c);
        return json(res, 201, shape(c));
      }
    }
    if ((m = /^\/orgs\/([^/]+)\/repos$/.exec(p)) && req.method === 'GET') {
      if (rateLimited > 0) {
        rateLimited--;
        return json(res, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' });
      }
      const all = opts.orgRepos?.[m[1]!];
      if (!all) return json(res, 404, { message: 'Not Found' });
      const { slice, headers } = pageOf(req, url, all);
      return json(
        res,
        200,
        slice.map((r) => ({
          ...minimalRepo(m![1]!, r.name, r.visibility),
          archived: !!r.archived,
          fork: !!r.fork,
          topics: r.topics ?? [],
          default_branch: r.default_branch ?? 'main',
        })),
        headers,
      );
    }
    if ((m = /^\/orgs\/([^/]+)\/actions\/secrets(?:\/([^/]+)\/repositories)?$/.exec(p)) && req.method === 'GET') {
      if (secretsRateLimited > 0) {
        secretsRateLimited--;
        return json(res, 403, { message: 'API rate limit exceeded for installation.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) });
      }
      const org = m[1]!;
      const secrets = opts.orgSecrets?.[org];
      if (!m[2]) {
        if (opts.secretsStatus) return json(res, opts.secretsStatus, { message: 'Resource not accessible by personal access token', documentation_url: 'https://docs.github.com/rest/actions/secrets#list-organization-secrets', status: String(opts.secretsStatus) });
        if (!secrets) return json(res, 404, { message: 'Not Found' });
        const { slice, headers } = pageOf(req, url, secrets);
        return json(
          res,
          200,
          {
            total_count: secrets.length,
            secrets: slice.map((s) => ({
              name: s.name,
              created_at: '2025-01-10T14:59:22Z',
              updated_at: '2026-02-01T09:00:00Z',
              visibility: s.visibility,
              ...(s.visibility === 'selected' ? { selected_repositories_url: `http://${req.headers.host}/orgs/${org}/actions/secrets/${s.name}/repositories` } : {}),
            })),
          },
          headers,
        );
      }
      const secret = secrets?.find((s) => s.name === decodeURIComponent(m![2]!));
      if (!secret || secret.visibility !== 'selected') return json(res, 404, { message: 'Not Found' });
      if (secret.repositoriesStatus) return json(res, secret.repositoriesStatus, { message: 'Resource not accessible by personal access token' });
      const all = secret.repositories ?? [];
      const { slice, headers } = pageOf(req, url, all);
      const visibility = (name: string) => opts.orgRepos?.[org]?.find((r) => r.name === name)?.visibility;
      return json(res, 200, { total_count: all.length, repositories: slice.map((name) => minimalRepo(org, name, visibility(name))) }, headers);
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p)) && req.method === 'PATCH') {
      if (opts.commentStatus && opts.commentStatus >= 400) return json(res, opts.commentStatus, { message: 'Resource not accessible by integration' });
      const c = comments.find((x) => x.id === Number(m![1]));
      if (!c) return json(res, 404, { message: 'Not Found' });
      c.body = (JSON.parse(req.body) as { body: string }).body;
      return json(res, 200, shape(c));
    }
    return json(res, 404, { message: `fake GitHub: no route for ${req.method} ${p}` });
  };

  /** GitHub's "minimal repository" fields that matter here. */
  const minimalRepo = (org: string, name: string, visibility: FakeOrgRepo['visibility'] = 'private') => ({
    id: idOf(`${org}/${name}`),
    node_id: `R_${idOf(`${org}/${name}`)}`,
    name,
    full_name: `${org}/${name}`,
    private: visibility !== 'public',
    visibility,
    owner: { login: org, type: 'Organization' },
    html_url: `https://github.com/${org}/${name}`,
  });

  const server = await startServer(handler);
  return Object.assign(server, {
    sarifs,
    comments,
    bodies: () => [...server.requests.map((r) => r.body), ...sarifs.map((s) => JSON.stringify(s.sarif))],
    reset: () => {
      server.requests.length = 0;
      sarifs.length = 0;
    },
  });
}

/** One page of a list, with GitHub's Link header (per_page, page). */
function pageOf<T>(req: Recorded, url: URL, all: readonly T[]): { slice: T[]; headers: Record<string, string> } {
  const perPage = Number(url.searchParams.get('per_page') ?? 30);
  const page = Number(url.searchParams.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const headers: Record<string, string> = {};
  const at = (n: number) => `<http://${req.headers.host}${url.pathname}?per_page=${perPage}&page=${n}>`;
  if (page < last) headers.link = `${at(page + 1)}; rel="next", ${at(last)}; rel="last"`;
  return { slice: all.slice((page - 1) * perPage, page * perPage), headers };
}

function shape(c: FakeComment) {
  return { id: c.id, body: c.body, user: c.user, html_url: `https://github.com/o/r/pull/${c.issue}#issuecomment-${c.id}` };
}
