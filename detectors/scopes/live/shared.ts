// Small helpers shared by the live resolvers.
import type { Credential, Location, Resource } from '../../../src/core/types.js';
import type { LiveProvider, LiveResponse } from '../../../src/live/types.js';

/** A provider with one base URL `api`, overridable by BLASTRADIUS_<ID>_API_URL (plus any extra variables). */
export function httpProvider(id: string, title: string, api: string, extraEnv: string[] = []): LiveProvider {
  return { id, title, bases: { api }, env: [`BLASTRADIUS_${id.toUpperCase()}_API_URL`, ...extraEnv] };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export const isOk = (res: LiveResponse): boolean => res.status >= 200 && res.status < 300;

export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Resources learned live are placed at the credential's first location: that is where their reach comes from. */
export function liveLocation(cred: Credential): Location {
  const first = cred.locations[0];
  return {
    path: first?.path ?? '.',
    startLine: first?.startLine ?? 1,
    startColumn: first?.startColumn ?? 1,
    environment: 'unknown',
    context: `listed by the provider with --live, using the credential ${cred.preview}`,
  };
}

export function liveResource(cred: Credential, r: Omit<Resource, 'location'>): Resource {
  return { ...r, location: liveLocation(cred), attributes: { ...r.attributes, source: 'live' } };
}

/** The status line of a rejected token. */
export function rejected(provider: string, res: LiveResponse): string {
  return res.status === 401 ? `${provider} rejected the token (revoked, expired or mistyped)` : `${provider} answered ${res.status}`;
}
