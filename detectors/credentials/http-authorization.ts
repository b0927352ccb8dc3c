// Tokens sent in an HTTP `Authorization:` header under a scheme other than Basic (that one is http-basic-auth.ts):
// `Bearer <token>` (RFC 6750), and the scheme words services document for their API keys — `Token` (GitHub, Django
// REST framework), `ApiKey` (Elasticsearch: base64 of id:key), `SSWS` (Okta), `Key`. Seen in code, recorded requests,
// .http files, curl lines and Postman collections. A JWT after `Bearer` is left to the JWT rule, which decodes it; a
// provider's own token format is left to its rule (both come earlier in the rule order and win the same characters).
// Digest and NTLM headers carry a one-time response, not a reusable secret, and are not reported.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { isDocumentedExample, looksRandom } from './shared.js';

/** Stand-ins written where the token goes: `Bearer YOUR_TOKEN`, `Bearer ACCESS_TOKEN_HERE`, `Bearer xxxxx`. */
function placeholder(v: string): boolean {
  if (/^[A-Z]+(?:_[A-Z0-9]+)+$/.test(v) || /^[A-Za-z]+$/.test(v)) return true;
  if (/token|secret|passw|your|example|placeholder|redacted|dummy|changeme|insert|replace/i.test(v)) return true;
  if (/(.)\1{5,}/.test(v) || new Set(v.toLowerCase()).size <= 3) return true;
  return isDocumentedExample(v);
}

/** A token's shape: letters and digits mixed, or base64 with padding; long enough not to be a word or a counter. */
function tokenShaped(v: string, min: number): boolean {
  if (v.length < min || placeholder(v)) return false;
  const mixedCase = /[A-Z]/.test(v) && /[a-z]/.test(v);
  if (!/[A-Za-z]/.test(v) || !/[0-9]/.test(v)) return /={1,2}$/.test(v) && mixedCase;
  // Below ~24 characters entropy says little; mixed case with digits is a key's shape there.
  return looksRandom(v, min) || (v.length <= 24 && mixedCase);
}

/** The header name on the line, or on the line above in a recorded request (`"key": "Authorization"`). */
function authorizationContext(ctx: MatchContext): boolean {
  return /authori[sz]ation/i.test(ctx.line) || /authori[sz]ation/i.test(ctx.window);
}

const help = {
  why: 'Whatever sends this header acts as the token\'s owner: a bearer token needs nothing else to be used, by anyone who reads it, until it expires or is revoked. Tokens in tests and recorded requests are often real ones captured from a live session.',
  fix: 'Revoke the token where it was issued, read it from the environment or a secret store at run time, and scrub recorded requests (VCR cassettes, Postman collections, HAR and .http files) before committing them.',
  references: ['https://www.rfc-editor.org/rfc/rfc6750', 'https://cwe.mitre.org/data/definitions/798.html'],
};

export const httpBearerToken: CredentialRule = {
  meta: {
    id: 'http-bearer-token',
    title: 'Bearer token in an Authorization header',
    severity: 'high',
    summary: '`Authorization: Bearer <token>` with a literal token (not a JWT, not a provider format, not a placeholder).',
    provider: 'http',
    credentialType: 'bearer-token',
    help,
  },
  keywords: ['bearer'],
  pattern: /(?<![\w-])Bearer[ \t]{1,4}([A-Za-z0-9._~+/-]{16,2048}={0,2})(?![\w.~+/=-])/i,
  secretGroup: 1,
  validate: (v) => !/^eyJ/.test(v) && tokenShaped(v, 16),
  examples: {
    positive: [
      'var token = "Bearer ubfb177eOotLsbgb549z11PdONyHMCVD";',
      { text: 'GET https://api.example.com/v1/items\nAuthorization: Bearer 9f8e2c41b7d04a6e8c3f5a1b2d7e9c40\n', path: 'requests/items.http' },
      'curl -H "Authorization: Bearer 3xVq9Lm2pR8wTz4kYb7N" https://api.example.com',
    ],
    negative: [
      'curl -H "Authorization: Bearer YOUR_ACCESS_TOKEN" https://api.example.com',
      'headers["Authorization"] = "Bearer " + token',
      'Authorization: Bearer ${API_TOKEN}',
      'Authorization: Bearer <token>',
      'The API accepts a Bearer token in the Authorization header.',
      'Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

export const httpTokenAuthorization: CredentialRule = {
  meta: {
    id: 'http-token-authorization',
    title: 'API key in an Authorization header',
    severity: 'high',
    summary: '`Authorization: Token …`, `ApiKey …`, `SSWS …` or `Key …` with a literal key.',
    provider: 'http',
    credentialType: 'api-key',
    help,
  },
  // The header's name is always nearby (same line, or the line above in a recorded request).
  keywords: ['authoriz'],
  pattern: /(?<![\w-])(?:Token|ApiKey|Api-Key|SSWS|Key)[ \t]{1,4}([A-Za-z0-9._~+/-]{8,1024}={0,2})(?![\w.~+/=-])/i,
  secretGroup: 1,
  validate: (v, ctx) => authorizationContext(ctx) && tokenShaped(v, 12),
  examples: {
    positive: [
      "t.same(connection.headers, { authorization: 'ApiKey Fe9mYsNafc==' })",
      'req.Header.Set("Authorization", "token 4b1f9c2e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c")',
      '"key": "Authorization",\n"value": "Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"',
    ],
    negative: [
      'Authorization: Token <your-api-token>',
      'The Token 4b1f9c2e8d7a6b5c4d3e is shown once.',
      'Authorization: ApiKey ${ES_API_KEY}',
    ],
  },
};

export default [httpBearerToken, httpTokenAuthorization];
