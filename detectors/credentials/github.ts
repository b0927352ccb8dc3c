// GitHub tokens. Formats: https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
// Classic PAT ghp_, OAuth gho_, user-to-server ghu_, server-to-server ghs_, refresh ghr_: prefix + 30 base62 chars of
// entropy + 6-char base62 CRC32 checksum of the entropy part. Fine-grained PAT: github_pat_ + 22 + _ + 59 chars.
import type { CredentialRule } from '../../src/core/types.js';
import { base62, crc32 } from './shared.js';

const TYPES: Record<string, string> = {
  ghp: 'classic-pat',
  gho: 'oauth-token',
  ghu: 'app-user-token',
  ghs: 'app-installation-token',
  ghr: 'app-refresh-token',
};

/** The last 6 characters are the base62 CRC32 of the 30 random ones. */
export function githubChecksumOk(token: string): boolean {
  const body = token.slice(4, 34);
  const check = token.slice(34);
  return body.length === 30 && base62(crc32(body), 6) === check;
}

const help = {
  why: 'A GitHub token acts as its owner on every repository and organisation it can reach. Classic PATs carry broad OAuth scopes (`repo`, `admin:org`, `delete_repo`) across everything the user can access.',
  fix: 'Revoke the token at https://github.com/settings/tokens, replace it with a fine-grained token limited to the repositories and permissions needed, and keep it in a secret store (Actions secrets), not the repository.',
  references: [
    'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/',
    'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  ],
};

export const githubToken: CredentialRule = {
  meta: {
    id: 'github-token',
    title: 'GitHub token',
    severity: 'high',
    summary: 'GitHub classic PAT, OAuth, app user/installation and refresh tokens (CRC32 checksum verified).',
    provider: 'github',
    credentialType: 'classic-pat',
    help,
  },
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  pattern: /\b(gh[pousr]_[A-Za-z0-9]{36})\b/,
  secretGroup: 1,
  validate: (v) => githubChecksumOk(v),
  classify: (v) => ({ type: TYPES[v.slice(0, 3)] }),
  examples: {
    positive: ['GITHUB_TOKEN=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'],
    negative: [
      // right shape, wrong checksum
      'GITHUB_TOKEN=ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXy0A1nMpMT',
      'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ghx_R4nd0mT0k3nV4lu3F0rT3st1ngXy0A1nMpMS',
    ],
  },
};

export const githubFineGrainedPat: CredentialRule = {
  meta: {
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    severity: 'high',
    summary: 'GitHub fine-grained PAT (github_pat_), limited to chosen repositories and permissions.',
    provider: 'github',
    credentialType: 'fine-grained-pat',
    help,
  },
  keywords: ['github_pat_'],
  pattern: /\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/,
  secretGroup: 1,
  examples: {
    positive: ['token: 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'],
    negative: ['github_pat_short_value', 'github_pat_11ABCDEFG0aBcDeFgHiJkL'],
  },
};

export default [githubToken, githubFineGrainedPat];
