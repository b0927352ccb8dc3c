// Where each provider lives: its documented API host, or an override from BLASTRADIUS_<PROVIDER>_API_URL (tests,
// self-hosted installs). Plain HTTP is allowed only to loopback test servers.
import type { LiveProvider } from './types.js';
import { RefusedRequest } from './allowlist.js';

export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** The override in effect for a provider, if any (first variable set wins). */
export function overrideFor(provider: LiveProvider, env: NodeJS.ProcessEnv): string | undefined {
  for (const name of provider.env) {
    const v = env[name]?.trim();
    if (v) return v;
  }
  return undefined;
}

/** The base URL of one of a provider's bases; throws RefusedRequest when it is unusable (not HTTPS, not a URL). */
export function baseUrl(provider: LiveProvider, base: string, env: NodeJS.ProcessEnv): URL {
  const raw = overrideFor(provider, env) ?? provider.bases[base];
  if (!raw) throw new RefusedRequest(`${provider.id} has no base URL "${base}"`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedRequest(`${provider.id} base URL is not a URL`);
  }
  if (url.username || url.password || url.search || url.hash) throw new RefusedRequest(`${provider.id} base URL must not carry credentials, a query or a fragment`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new RefusedRequest(`${provider.id} base URL ${url.origin} is not HTTPS (plain HTTP is allowed only to loopback test servers)`);
  return url;
}

/** Joins a base URL (which may have a path prefix, e.g. GitHub Enterprise's /api/v3) and an allow-listed path. */
export function joinUrl(base: URL, path: string): URL {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\@#?]|\/\.\.?(?:\/|$)/.test(path)) throw new RefusedRequest('malformed request path');
  const url = new URL(base.href);
  url.pathname = base.pathname.replace(/\/+$/, '') + path;
  if (url.origin !== base.origin) throw new RefusedRequest('request path left the provider host');
  return url;
}

/** A short description of where a provider's requests go, for the `--live` plan. */
export function describeTarget(provider: LiveProvider, env: NodeJS.ProcessEnv): string {
  if (provider.contacts) return provider.contacts;
  return Object.keys(provider.bases)
    .map((b) => {
      try {
        return baseUrl(provider, b, env).host;
      } catch (e) {
        return `(refused: ${(e as Error).message})`;
      }
    })
    .filter((h, i, all) => all.indexOf(h) === i)
    .join(', ');
}
