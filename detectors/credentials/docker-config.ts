// Docker client credentials: `~/.docker/config.json` (and legacy `.dockercfg`, Kubernetes `.dockerconfigjson`) store
// registry logins as `"auth": "<base64 user:password>"` per registry, and OAuth registries as `"identitytoken"`.
// https://docs.docker.com/reference/cli/docker/login/#credential-stores
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { decodeBase64, hasControlChars, isPlaceholderPassword, looksRandom } from './shared.js';

function registryOf(ctx: MatchContext): string {
  const hits = [...ctx.window.matchAll(/"([^"\s]+)"[ \t]*:[ \t]*\{/g)].map((m) => m[1]!).filter((k) => k !== 'auths');
  return hits.length ? hits[hits.length - 1]! : 'unknown';
}

function basic(v: string): { user: string; password: string } | undefined {
  const d = decodeBase64(v);
  const i = d?.indexOf(':') ?? -1;
  if (!d || i < 1 || hasControlChars(d)) return undefined;
  const password = d.slice(i + 1);
  return isPlaceholderPassword(password) ? undefined : { user: d.slice(0, i), password };
}

export const dockerConfigAuth: CredentialRule = {
  meta: {
    id: 'docker-config-auth',
    title: 'Docker registry login',
    severity: 'high',
    summary: 'Registry credentials in a Docker config.json / .dockercfg / .dockerconfigjson (`"auth"` base64 user:password or `"identitytoken"`).',
    provider: 'docker-registry',
    credentialType: 'registry-auth',
    help: {
      why: 'A registry login pushes images as its owner — replacing the images that production pulls — and pulls private images, which often contain further secrets.',
      fix: 'Revoke the password or access token on the registry (Docker Hub → Account settings → Personal access tokens, or the cloud registry\'s IAM), use a credential helper (`credsStore`) instead of inline `auth`, and keep config.json out of repositories.',
      references: ['https://docs.docker.com/reference/cli/docker/login/#credential-stores', 'https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets'],
    },
  },
  keywords: ['"auth"', '"identitytoken"'],
  pattern: /"(auth|identitytoken)"[ \t]*:[ \t]*"([A-Za-z0-9+/=._-]{8,4000})"/,
  secretGroup: 2,
  validate: (v, ctx) => (/"identitytoken"/.test(ctx.line) ? looksRandom(v, 16) : basic(v) !== undefined),
  classify: (v, ctx) => ({
    type: /"identitytoken"/.test(ctx.line) ? 'identity-token' : 'registry-auth',
    attributes: { registry: registryOf(ctx), ...(basic(v) ? { user: basic(v)!.user } : {}) },
  }),
  examples: {
    positive: [
      { text: '{\n  "auths": {\n    "ghcr.io": {\n      "auth": "Y2ktYm90OjdRcTJ4THo5bVJ2NFduOEtwM3NU"\n    }\n  }\n}', path: '.docker/config.json' },
      { text: '{"auths": {"registry.acme-corp.io": {"identitytoken": "7PIdTDrIhz4_SUxskvp1WJNXoeVzYxZA6KtdURN-tpWgI69R"}}}', path: 'config.json' },
    ],
    negative: ['{"auths": {"ghcr.io": {"auth": "dXNlcjpwYXNzd29yZA=="}}}', '{"auths": {"ghcr.io": {"auth": "4S9EApUYjHXoR1ar5Qss"}}}'],
  },
};

export default [dockerConfigAuth];
