// Cloudflare credentials.
// Scannable formats (2025): cfk_ Global API Key, cfut_ user API token, cfat_ account API token — prefix + 40
// alphanumerics + an 8-hex CRC32 of those 40 characters. Older API tokens are 40 URL-safe characters and the older
// Global API Key 37 hex characters (used with X-Auth-Email, so the email is recorded); Origin CA keys start v1.0-.
// https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/
// https://developers.cloudflare.com/fundamentals/api/get-started/keys/
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { crc32Hex, highEntropy, lettersAndDigits, providerSecretContext } from './shared.js';

const tokenHelp = {
  why: 'A Cloudflare API token has the permissions chosen at creation on the accounts and zones chosen; "Edit" templates include DNS, Workers, R2 and Pages — enough to repoint a domain, deploy code at the edge or empty a bucket.',
  fix: 'Roll or delete the token (My Profile → API Tokens, or Manage Account → API Tokens for account tokens), and scope its replacement to the zones and permissions needed, with client IP filtering and an expiry.',
  references: [
    'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/',
    'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
  ],
};

const globalKeyHelp = {
  why: 'The Global API Key is the user\'s master key: every permission of the user on every account and zone — including deleting zones, Workers, R2 buckets and D1 databases — with no scoping and no expiry.',
  fix: 'Change the Global API Key (My Profile → API Tokens → Global API Key → Change) and replace its uses with scoped API tokens.',
  references: [
    'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
    'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/',
  ],
};

/** Scannable tokens: the last 8 hex characters are the CRC32 of the 40 before them. */
export function cloudflareChecksumOk(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  return body.length === 48 && crc32Hex(body.slice(0, 40)) === body.slice(40);
}

const SCANNABLE = [
  ['cfut', 'cloudflare-user-api-token', 'Cloudflare user API token', 'user-api-token', 'high', tokenHelp, 'cfut_EwFoY4AAXgdXEsmb3O0rWTqZX904JBVMe2PGtmoNbc37d5df'],
  ['cfat', 'cloudflare-account-api-token', 'Cloudflare account API token', 'account-api-token', 'high', tokenHelp, 'cfat_PlBvgoIQBKBqFiGdd9QnIYddbf6FXsxeuD0wP7Ryb3090035'],
  ['cfk', 'cloudflare-global-api-key-scannable', 'Cloudflare Global API Key', 'global-api-key', 'critical', globalKeyHelp, 'cfk_QqUgcGuFHQZPXvX8rhu4npoFWHJ4TXmQXhuMuHp64c91b1fe'],
] as const;

// An email standing on its own (after a quote, `=`, `:` plus space, or whitespace), never the `user:password@host`
// part of a URL.
const EMAIL = /(?:^|[\s"'=<,(]|:\s)([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24})(?![A-Za-z0-9.:/-])/m;

function nearbyEmail(ctx: MatchContext): string | undefined {
  return EMAIL.exec(ctx.window)?.[1];
}

const scannable: CredentialRule[] = SCANNABLE.map(([prefix, id, title, type, severity, help, sample]) => ({
  meta: { id, title, severity, summary: `${title} (${prefix}_ scannable format, CRC32 checksum verified).`, provider: 'cloudflare', credentialType: type, help },
  keywords: [`${prefix}_`],
  pattern: new RegExp(String.raw`\b(${prefix}_[A-Za-z0-9]{40}[a-f0-9]{8})(?![A-Za-z0-9_-])`),
  secretGroup: 1,
  validate: (v: string) => cloudflareChecksumOk(v),
  classify: (_v: string, ctx: MatchContext) => {
    const email = prefix === 'cfk' ? nearbyEmail(ctx) : undefined;
    return email ? { attributes: { email } } : undefined;
  },
  examples: {
    positive: [`CLOUDFLARE_API_TOKEN=${sample}`],
    negative: [`CLOUDFLARE_API_TOKEN=${sample.slice(0, -1)}${sample.endsWith('0') ? '1' : '0'}`, `CLOUDFLARE_API_TOKEN=${sample.slice(0, -8)}`],
  },
}));

const CF_CONTEXT = /cloudflare|\bcf[-_]|^cf_|cf_api|api\.cloudflare\.com|wrangler|x-auth-key/i;

export const cloudflareApiToken: CredentialRule = {
  meta: {
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token (unprefixed)',
    severity: 'high',
    summary: 'Older 40-character Cloudflare API token, recognised by a Cloudflare-named variable or api.cloudflare.com nearby.',
    provider: 'cloudflare',
    credentialType: 'api-token',
    help: tokenHelp,
  },
  keywords: ['cloudflare', 'cf_api', 'cf_token', 'wrangler'],
  pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => lettersAndDigits(v) && highEntropy(v, 4) && providerSecretContext(ctx, CF_CONTEXT, /token|bearer|auth/i),
  classify: () => ({ confidence: 'medium' }),
  examples: {
    positive: ['CLOUDFLARE_API_TOKEN=YY3ZAQVmMVDxwkzuqKkNDHAqq7cCgvwgRjGzQ82W', "curl -H 'Authorization: Bearer YY3ZAQVmMVDxwkzuqKkNDHAqq7cCgvwgRjGzQ82W' https://api.cloudflare.com/client/v4/user/tokens/verify"],
    negative: ['CLOUDFLARE_ZONE_ID=YY3ZAQVmMVDxwkzuqKkNDHAqq7cCgvwgRjGzQ82W', 'CLOUDFLARE_API_TOKEN=YY3ZAQVmMVDxwkzuqKkNDHAqq7cCgvwgRjGzQ8'],
  },
};

export const cloudflareGlobalApiKey: CredentialRule = {
  meta: {
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare Global API Key (legacy format)',
    severity: 'critical',
    summary: 'Older 37-hex Cloudflare Global API Key with Cloudflare context; the account email nearby is recorded (attributes.email).',
    provider: 'cloudflare',
    credentialType: 'global-api-key',
    help: globalKeyHelp,
  },
  keywords: ['cloudflare', 'cf_api', 'x-auth-key', 'cf_key', 'cf_email'],
  pattern: /(?<![A-Za-z0-9_-])([a-f0-9]{37})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => highEntropy(v, 3.2) && providerSecretContext(ctx, CF_CONTEXT, /key|auth|secret/i),
  classify: (_v, ctx) => {
    const email = nearbyEmail(ctx);
    const attributes: Record<string, string> = email ? { email } : {};
    return { attributes, confidence: email ? 'high' : 'medium' };
  },
  examples: {
    positive: ['CLOUDFLARE_EMAIL=ops@acme-widgets.io\nCLOUDFLARE_API_KEY=462586164fc451348795393a0f24efc123b55', 'curl -H "X-Auth-Email: ops@acme-widgets.io" -H "X-Auth-Key: 462586164fc451348795393a0f24efc123b55" https://api.cloudflare.com/client/v4/zones'],
    negative: ['CLOUDFLARE_API_KEY=462586164fc451348795393a0f24efc123b5', 'BUILD_HASH=462586164fc451348795393a0f24efc123b55'],
  },
};

export const cloudflareOriginCaKey: CredentialRule = {
  meta: {
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    severity: 'medium',
    summary: 'Cloudflare Origin CA key (v1.0- prefix), used to issue and revoke Origin CA certificates.',
    provider: 'cloudflare',
    credentialType: 'origin-ca-key',
    help: {
      why: 'The Origin CA key can create and revoke Origin CA certificates for the user\'s zones: revoking them breaks TLS between Cloudflare and the origin.',
      fix: 'Change the Origin CA key (My Profile → API Tokens → Origin CA Key) and use an API token with the SSL and Certificates permission instead.',
      references: ['https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/', 'https://developers.cloudflare.com/ssl/origin-configuration/origin-ca/'],
    },
  },
  keywords: ['v1.0-'],
  pattern: /\b(v1\.0-[a-f0-9]{24,64}-[a-f0-9-]{100,400})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v, 3.5),
  examples: {
    positive: ['CF_ORIGIN_CA_KEY=v1.0-e46682e080ffbbf374d38a71-fab4890f99ccab35f291db6f40c68f37ecc03c911ac353aaa2ef3b5ee95b5b6865069a48ed37d0cdb46ec080615655c83068b9ef8acf6fe19bd'],
    negative: ['version: v1.0-e46682e080ffbbf374d38a71', 'CF_ORIGIN_CA_KEY=v1.0-e46682e080ffbbf374d38a71-fab4890f99ccab35f291db6f40c68f37'],
  },
};

export const cloudflareR2SecretKey: CredentialRule = {
  meta: {
    id: 'cloudflare-r2-secret-access-key',
    title: 'Cloudflare R2 secret access key',
    severity: 'high',
    summary: 'R2 S3-compatible secret access key (64 hex), with its 32-hex access key id nearby (attributes.accessKeyId).',
    provider: 'cloudflare',
    credentialType: 'r2-access-key',
    help: {
      why: 'An R2 access key pair carries the permissions of the R2 API token behind it — "Admin Read & Write" reaches every bucket in the account, including deleting objects and buckets that hold backups.',
      fix: 'Delete the R2 API token (R2 → Manage R2 API Tokens) and create one scoped to the buckets needed, with Object Read only where possible.',
      references: ['https://developers.cloudflare.com/r2/api/tokens/', 'https://developers.cloudflare.com/r2/api/s3/tokens/'],
    },
  },
  keywords: ['r2_', 'r2.cloudflarestorage.com', 'cloudflare'],
  pattern: /(?<![A-Za-z0-9_-])([a-f0-9]{64})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) =>
    providerSecretContext(ctx, /\br2\b|r2_|r2\.cloudflarestorage\.com|cloudflare/i, /secret/i) && /[a-f0-9]{32}/.test(ctx.window.replace(v, '')) && highEntropy(v, 3.3),
  classify: (v, ctx) => {
    const id = /(?:access[-_ ]?key[-_ ]?id|ACCESS_KEY)["']?\s*[:=]\s*["']?([a-f0-9]{32})(?![a-f0-9])/i.exec(ctx.window.replace(v, ''))?.[1];
    const account = /([a-f0-9]{32})\.r2\.cloudflarestorage\.com/i.exec(ctx.window)?.[1];
    const attributes: Record<string, string> = {};
    if (id) attributes.accessKeyId = id;
    if (account) attributes.accountId = account;
    return { attributes };
  },
  examples: {
    positive: ['R2_ACCESS_KEY_ID=b687f8016543c2261eec600f2cf1ca93\nR2_SECRET_ACCESS_KEY=d62601ec9009da6961ec642629a34ffd09722dbfd857b0cf6396d4221a397cf8\nR2_ENDPOINT=https://4f1a2b3c4d5e6f708192a3b4c5d6e7f8.r2.cloudflarestorage.com'],
    negative: ['R2_BUCKET_SHA=d62601ec9009da6961ec642629a34ffd09722dbfd857b0cf6396d4221a397cf8', 'SECRET_HASH=d62601ec9009da6961ec642629a34ffd09722dbfd857b0cf6396d4221a397cf8'],
  },
};

export default [...scannable, cloudflareOriginCaKey, cloudflareR2SecretKey, cloudflareGlobalApiKey, cloudflareApiToken];
