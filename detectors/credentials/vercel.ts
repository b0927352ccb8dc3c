// Vercel tokens. Since 2025 every credential carries a type prefix — vcp_ personal access token, vci_ integration
// token, vca_ app access token, vcr_ app refresh token, vck_ API key — followed by 50 random characters and a 6-character
// base62 CRC32 of them (the GitHub scheme). Older tokens are 24 bare alphanumerics and need context.
// https://vercel.com/changelog/new-token-formats-and-secret-scanning  https://vercel.com/docs/rest-api#authentication
import type { CredentialRule } from '../../src/core/types.js';
import { base62ChecksumOk, highEntropy, mixedAlnum, providerSecretContext } from './shared.js';

const help = {
  why: 'A Vercel access token acts as its user on every team and project in its scope: it can read every environment variable (and the secrets in them), deploy code to production, change domains and delete projects.',
  fix: 'Delete the token (Account settings → Tokens), review the team audit log, and create tokens scoped to one team with an expiry; in CI prefer Vercel\'s Git integration or OIDC federation over long-lived tokens.',
  references: [
    'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
    'https://vercel.com/docs/rest-api#authentication',
    'https://vercel.com/guides/how-do-i-use-a-vercel-api-access-token',
  ],
};

/** The body is 50 characters; the last 6 are base62(CRC32(body)). */
export function vercelChecksumOk(token: string): boolean {
  return base62ChecksumOk(token.slice(4, 54), token.slice(54));
}

const KINDS = [
  ['vcp', 'vercel-personal-access-token', 'Vercel personal access token', 'personal-access-token', 'high', 'vcp_l28CZ2Ej1h0IBwRwRmX5CX30AK0zHyjcAKEmIMSF5CuVKk1tI71xYcPy'],
  ['vci', 'vercel-integration-token', 'Vercel integration token', 'integration-token', 'high', 'vci_YOLrqHvaJfmyjfJgwUu9TF17Twm1LGr8S1jESBGFyWuXdYztBR2sW2Cz'],
  ['vca', 'vercel-app-access-token', 'Vercel app access token', 'app-access-token', 'high', 'vca_0YxPbCcHryZDoAhtKW1OekQPwuewb5ok90EQoBMmNicwHqQQaV09pUy2'],
  ['vcr', 'vercel-app-refresh-token', 'Vercel app refresh token', 'app-refresh-token', 'high', 'vcr_XkhaCfKKmS2RZftOLxfrRokiiXu5pZlX9yUI1w5UStoNIYa71E05VrqE'],
  ['vck', 'vercel-api-key', 'Vercel API key', 'api-key', 'medium', 'vck_VGtKVm670xIqsQmdebC7PGFlOl3sCpeSE2t4GZNAgVr7AKwwRJ22SbFQ'],
] as const;

const prefixed: CredentialRule[] = KINDS.map(([prefix, id, title, type, severity, sample]) => ({
  meta: {
    id,
    title,
    severity,
    summary: `${title} (${prefix}_ prefix, CRC32 checksum verified).`,
    provider: 'vercel',
    credentialType: type,
    help,
  },
  keywords: [`${prefix}_`],
  pattern: new RegExp(String.raw`\b(${prefix}_[A-Za-z0-9_-]{50}[A-Za-z0-9]{6})(?![A-Za-z0-9_-])`),
  secretGroup: 1,
  validate: (v: string) => vercelChecksumOk(v),
  examples: {
    positive: [`VERCEL_TOKEN=${sample}`],
    negative: [
      // last checksum character changed
      `VERCEL_TOKEN=${sample.slice(0, -1)}${sample.endsWith('A') ? 'B' : 'A'}`,
      `VERCEL_TOKEN=${sample.slice(0, -2)}`,
    ],
  },
}));

export const vercelLegacyToken: CredentialRule = {
  meta: {
    id: 'vercel-legacy-token',
    title: 'Vercel access token (legacy 24-character format)',
    severity: 'high',
    summary: 'Older 24-character Vercel access token, recognised by a Vercel-named variable or the Vercel API nearby.',
    provider: 'vercel',
    credentialType: 'personal-access-token',
    help,
  },
  keywords: ['vercel'],
  pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9]{24})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => mixedAlnum(v) && highEntropy(v, 3.8) && providerSecretContext(ctx, /vercel/i, /token|key|secret|auth|bearer/i),
  classify: () => ({ confidence: 'medium' }),
  examples: {
    positive: ['VERCEL_TOKEN=LRa2fhavrFuTLslgW1x0VSxD'],
    negative: ['VERCEL_PROJECT_ID=LRa2fhavrFuTLslgW1x0VSxD', 'VERCEL_TOKEN=LRa2fhavrFuTLslgW1x0VSx', 'VERCEL_TOKEN=abcdefghijklmnopqrstuvwx'],
  },
};

export default [...prefixed, vercelLegacyToken];
