// Sentry credentials. https://docs.sentry.io/account/auth-tokens/  https://docs.sentry.io/concepts/key-terms/dsn-explainer/
// Organization auth tokens `sntrys_` + base64 JSON (iat, url, region_url, org) + `_` + 43-character secret;
// user auth tokens `sntryu_` + 64 hex; DSNs `https://<public key>[:<secret key>]@<host>/<project id>`.
import type { CredentialRule } from '../../src/core/types.js';
import { decodeBase64, looksRandom } from './shared.js';

const help = {
  why: 'An organization auth token (usually made for CI source-map uploads) can create releases and upload artifacts for every project in the organization; a user auth token acts as the user with its scopes, which can include deleting projects and reading all event data.',
  fix: 'Revoke the token in Sentry (Settings → Auth Tokens, or Organization Settings → Auth Tokens), create a new one with the fewest scopes, and keep it in a CI secret.',
  references: ['https://docs.sentry.io/account/auth-tokens/', 'https://docs.sentry.io/api/auth/'],
};

function orgTokenPayload(v: string): Record<string, unknown> | undefined {
  const m = /^sntrys_(eyJ[A-Za-z0-9+/=]+)_/.exec(v);
  try {
    const p: unknown = m ? JSON.parse(decodeBase64(m[1]!) ?? '') : undefined;
    return p && typeof p === 'object' ? (p as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const sentryOrgToken: CredentialRule = {
  meta: {
    id: 'sentry-org-token',
    title: 'Sentry organization auth token',
    severity: 'high',
    summary: 'Sentry organization auth token (sntrys_…): releases and artifact uploads across the organization.',
    provider: 'sentry',
    credentialType: 'org-auth-token',
    help,
  },
  keywords: ['sntrys_'],
  pattern: /(?<![\w-])(sntrys_eyJ[A-Za-z0-9+/=]{20,600}_[A-Za-z0-9+/]{43})(?![\w+/=-])/,
  secretGroup: 1,
  validate: (v) => orgTokenPayload(v) !== undefined,
  classify: (v) => {
    const p = orgTokenPayload(v) ?? {};
    const attributes: Record<string, string> = {};
    if (typeof p.org === 'string') attributes.org = p.org;
    if (typeof p.url === 'string') attributes.url = p.url;
    if (typeof p.region_url === 'string') attributes.region = p.region_url;
    return { attributes };
  },
  examples: {
    positive: [
      'SENTRY_AUTH_TOKEN=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',
    ],
    negative: ['sntrys_eyJub3QganNvbg_YtNECWmT4QhFxBO1BbgAjG2A37ltBoDHPcFae4DUVb3', 'sntrys_XRqxAFSq0dyQkecxKhW7jtLEJSvzgVGaDdV3bC4Eq3P5GgNAW9pMtvx2Z1QR'],
  },
};

export const sentryUserToken: CredentialRule = {
  meta: {
    id: 'sentry-user-token',
    title: 'Sentry user auth token',
    severity: 'high',
    summary: 'Sentry user auth token (sntryu_ + 64 hex): acts as the user with its scopes.',
    provider: 'sentry',
    credentialType: 'user-auth-token',
    help,
  },
  keywords: ['sntryu_'],
  pattern: /(?<![\w-])(sntryu_[0-9a-f]{64})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(7)),
  examples: {
    positive: ['SENTRY_AUTH_TOKEN=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'],
    negative: ['sntryu_746b90dbe5fe7048b3edeee713a91083a14182ff', 'sntryu_M1JLjrgvlZbRfwYyi6hMXXS67oRBtZipodDDELm7Yk5kWqtD2TaZqkO6zyEsTn7M'],
  },
};

export const sentryDsn: CredentialRule = {
  meta: {
    id: 'sentry-dsn',
    title: 'Sentry DSN',
    severity: 'low',
    summary: 'Sentry DSN (https://<key>@<host>/<project>): lets anyone send events to the project; a DSN with a secret key is more.',
    provider: 'sentry',
    credentialType: 'dsn',
    help: {
      ...help,
      why: 'A DSN is designed to ship in client code: it only lets its holder submit events to one project, which can flood the quota or pollute issues. Legacy DSNs that carry a secret key (`public:secret@`) also authenticate to the older store API.',
      fix: 'For a public DSN, use rate limits and allowed domains in Project Settings → Client Keys. For a DSN with a secret key, create a new client key and revoke the old one.',
      references: ['https://docs.sentry.io/concepts/key-terms/dsn-explainer/', 'https://docs.sentry.io/product/accounts/quotas/'],
    },
  },
  keywords: ['sentry'],
  pattern: /(https?:\/\/[0-9a-f]{32}(?::[0-9a-f]{32})?@[A-Za-z0-9.-]{1,200}(?::[0-9]{1,5})?\/(?:[\w.-]{1,60}\/)?[0-9]{1,20})(?![\w/])/,
  secretGroup: 1,
  validate: (v, ctx) => /sentry/i.test(v) || /sentry/i.test(`${ctx.variable ?? ''} ${ctx.line}`) || /dsn/i.test(ctx.variable ?? ''),
  classify: (v) => {
    const m = /^https?:\/\/([0-9a-f]{32})(?::([0-9a-f]{32}))?@([^/:]+)(?::[0-9]+)?\/(?:.*\/)?([0-9]+)$/.exec(v);
    return { attributes: { keyClass: m?.[2] ? 'public-and-secret' : 'public', host: m?.[3] ?? '', projectId: m?.[4] ?? '' } };
  },
  examples: {
    positive: ['SENTRY_DSN=https://1577d230d0ef526e4bcd754a1ecb4342@o063577.ingest.us.sentry.io/1621382', 'dsn: "https://a729b585dba53e2a86799af839549a87:8eb95f1f62fcd8989d3bef0f1ad6c8e9@sentry.internal.net/12"'],
    negative: ['SENTRY_DSN=https://c1eceae30c79fe8f40cb@o702373.ingest.sentry.io/4406380', 'SENTRY_DSN=https://sentry.io/9919658'],
  },
};

export default [sentryOrgToken, sentryUserToken, sentryDsn];
