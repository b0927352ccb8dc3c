// Fly.io tokens. Macaroon tokens are base64 MessagePack, prefixed fm1r_/fm1a_ (v1 permission/discharge) or fm2_, and
// travel as `FlyV1 <permission>,<discharge>…`: the whole comma-joined list is the credential. Each macaroon is
// [nonce, location, caveats, tail]; caveats are flat (type, body) pairs from superfly/macaroon — 0 organization
// [orgId, access mask], 3 apps {appId: mask}, 4 validity window [notBefore, notAfter], 10 is-user, 11 third-party.
// An apps caveat makes a deploy (app-scoped) token; an organization caveat alone an org token (mask 1 = read-only).
// fo1_ tokens are OAuth user tokens: the user's full power over every organization.
// https://fly.io/docs/security/tokens/  https://github.com/superfly/macaroon
import type { CredentialRule } from '../../src/core/types.js';
import { decodeMsgpack, highEntropy } from './shared.js';

const help = {
  why: 'A Fly.io user or org token manages every app, Machine, volume and Postgres cluster of the organization — `fly volumes destroy` included; volume snapshots live with the volume. Deploy tokens are limited to one app, but can still destroy that app\'s Machines and volumes.',
  fix: 'Revoke the token (`fly tokens revoke`, or the dashboard Tokens tab), and create app-scoped deploy tokens (`fly tokens create deploy -a <app>`) with a short `--expiry` for CI.',
  references: ['https://fly.io/docs/security/tokens/', 'https://fly.io/docs/flyctl/tokens-create/', 'https://github.com/superfly/macaroon'],
};

const ACCESS = [
  [1, 'read'],
  [2, 'write'],
  [4, 'create'],
  [8, 'delete'],
  [16, 'control'],
] as const;

function accessOf(mask: unknown): string {
  if (typeof mask !== 'number') return 'unknown';
  const verbs = ACCESS.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
  return verbs.length ? verbs.join(',') : 'none';
}

interface FlyFacts {
  type: string;
  attributes: Record<string, string>;
}

/** Reads the first (permission) macaroon's location and caveats. Undefined if it does not decode. */
export function flyMacaroonFacts(token: string): FlyFacts | undefined {
  const members = token.replace(/^FlyV1\s+/, '').split(',');
  const first = members[0]!;
  const body = first.slice(first.indexOf('_') + 1);
  let decoded: unknown;
  try {
    decoded = decodeMsgpack(Buffer.from(body, 'base64'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length < 4 || typeof decoded[1] !== 'string' || !Array.isArray(decoded[2])) return undefined;
  const location = decoded[1];
  const caveats = decoded[2] as unknown[];
  const attributes: Record<string, string> = { location, members: String(members.length) };
  const types: number[] = [];
  let type = 'macaroon-token';
  let appScoped = false;
  let orgMask: number | undefined;
  for (let i = 0; i + 1 < caveats.length; i += 2) {
    const t = caveats[i];
    const b = caveats[i + 1];
    if (typeof t !== 'number') continue;
    types.push(t);
    if (t === 0 && Array.isArray(b)) {
      attributes.orgId = String(b[0]);
      orgMask = typeof b[1] === 'number' ? b[1] : undefined;
      attributes.orgAccess = accessOf(b[1]);
    } else if (t === 3 && b instanceof Map) {
      appScoped = true;
      attributes.appIds = [...b.keys()].map(String).join(',');
      attributes.appAccess = [...b.values()].map(accessOf).join(';');
    } else if (t === 4 && Array.isArray(b) && typeof b[1] === 'number') {
      attributes.notAfter = new Date(b[1] * 1000).toISOString();
    } else if (t === 10) {
      attributes.isUser = 'true';
    } else if (t === 11) {
      // A third-party caveat: the token is only valid with a discharge from that location (usually Fly's auth
      // service, binding it to a user session).
      attributes.requiresDischarge = 'true';
    }
  }
  attributes.caveats = types.join(',');
  if (members.length > 1) attributes.discharges = String(members.length - 1);
  if (appScoped) type = 'deploy-token';
  else if (orgMask === 1) type = 'readonly-org-token';
  else if (attributes.orgId) type = 'org-token';
  return { type, attributes };
}

const MACAROON = String.raw`(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{60,4000}={0,2}`;

export const flyMacaroonToken: CredentialRule = {
  meta: {
    id: 'fly-macaroon-token',
    title: 'Fly.io macaroon token',
    severity: 'high',
    summary: 'Fly.io macaroon token (FlyV1 fm2_/fm1r_): org, read-only org or app-scoped deploy token, read from its caveats.',
    provider: 'fly',
    credentialType: 'macaroon-token',
    help,
  },
  keywords: ['fm1r_', 'fm1a_', 'fm2_'],
  // One permission macaroon and any discharges, comma-joined; each member starts with a literal the body cannot hold.
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9+/_-])(${MACAROON}(?:,${MACAROON})*)(?![A-Za-z0-9+/=_-])`),
  secretGroup: 1,
  validate: (v) => highEntropy(v, 4.5) && flyMacaroonFacts(v) !== undefined,
  classify: (v) => flyMacaroonFacts(v),
  examples: {
    positive: [
      'FLY_API_TOKEN="FlyV1 fm2_lJPECN9TpYc2EQhBxBCaQxqaaWsqNRUeGtIy31RswrVodHRwczovL2FwaS5mbHkuaW8vdjGWAJLOAHKpwQsDgc4AX58mHwSSzmZmmYDOcT+zAMQgaAc5mXkEtMeuF4y9OTechz3egS+CbWF8CvOGtyUwGkI=,fm2_lJPECCr5Qt2pqSoLxBCteYf8DLtTUpQ+Newdcz0SwrlodHRwczovL2FwaS5mbHkuaW8vYWFhL3YxkgSSzmZmmYDOcT+zAMQgiwAETKWk00WvDlpzJ1nwYLy5ZV60fmmX4f4qW6BveQU="',
      'FLY_API_TOKEN=FlyV1 fm2_lJPECNKo6v072zOQxBDm03nTcgwFEkTvvzlsYi9WwrVodHRwczovL2FwaS5mbHkuaW8vdjGSAJLOAHKpwR/EIJF7CY3PQY7MRzlm6Yl5Zq8n6hOJdCBpDeBxGAYKwFYE,fm2_lJPECCr5Qt2pqSoLxBCteYf8DLtTUpQ+Newdcz0SwrlodHRwczovL2FwaS5mbHkuaW8vYWFhL3YxkgSSzmZmmYDOcT+zAMQgiwAETKWk00WvDlpzJ1nwYLy5ZV60fmmX4f4qW6BveQU=',
      'fly_token: fm2_lJPECL7iFeEOmeYBxBC0kGJbC/EJtFAGNotDwO5UwrVodHRwczovL2FwaS5mbHkuaW8vdjGSAJLOAHKpwQHEIMi7nFAlLUUA3iEtXFMKPNQ8Ejyvi/5CY4A25qmL+MWm',
    ],
    negative: [
      // right prefix, body is not a macaroon
      'FLY_API_TOKEN="FlyV1 fm2_Q29uZmlndXJhdGlvbiBmaWxlIGZvciB0aGUgc3RhZ2luZyBzZXJ2ZXIgaW4gdGhlIHVzLWVhc3QgcmVnaW9uIGFuZCBtb3Jl"',
      'FLY_API_TOKEN="FlyV1 fm2_shortvalue"',
    ],
  },
};

export const flyOauthToken: CredentialRule = {
  meta: {
    id: 'fly-user-token',
    title: 'Fly.io user token',
    severity: 'critical',
    summary: 'Fly.io OAuth user token (fo1_): the user\'s full power over every organization they belong to.',
    provider: 'fly',
    credentialType: 'user-token',
    help,
  },
  keywords: ['fo1_'],
  pattern: /(?<![A-Za-z0-9_-])(fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(4), 4),
  examples: {
    positive: ['FLY_ACCESS_TOKEN=fo1_Y-Chlw3LIdrVXG474skdCEGwrH8LhS9-ksKJpe3MIAr'],
    negative: ['FLY_ACCESS_TOKEN=fo1_Y-Chlw3LIdrVXG474skdCEGwrH8LhS9-ksK', 'name="7SWa-Fo1_Y-Chlw3LIdrVXG474skdCEGwrH8LhS9-ksKJpe3MIAr"'],
  },
};

export default [flyMacaroonToken, flyOauthToken];
