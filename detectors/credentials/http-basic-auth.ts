// HTTP Basic credentials sent in an `Authorization:` (or `Proxy-Authorization:`) header: `Basic base64(user:password)`.
// https://www.rfc-editor.org/rfc/rfc7617#section-2
// Seen in code, JSON/YAML fixtures, recorded HTTP cassettes, .http files and Postman collections. The value is decoded:
// a printable `user:password` is certain; a value that does not decode to one keeps the header's shape only and is
// reported at low confidence with that reason. The decoded user (an account name, not the secret) becomes an attribute.
import type { CredentialRule, Match, MatchContext } from '../../src/core/types.js';

// A header, a header map key, or a recorded request (VCR/Postman keep the header name a line or two above).
const AUTH_CONTEXT = /authori[sz]ation|\bauth\b|auth[_-]?header|basic[_-]?auth|headers?\b|credential/i;
// One plain word is prose ("Basic Authentication"), not base64.
const WORD = /^[A-Z]?[a-z]+$/;

export interface BasicPair {
  user: string;
  password: string;
}

/** Decodes `base64(user:password)`; undefined when it is not printable text with a colon and a password. */
export function decodeBasic(b64: string): BasicPair | undefined {
  if (b64.length % 4 === 1) return undefined;
  const text = Buffer.from(b64, 'base64').toString('utf8');
  // U+FFFD marks bytes that were not UTF-8; control characters mean it was not text.
  if (/[\u0000-\u001f\u007f\ufffd]/.test(text)) return undefined;
  const colon = text.indexOf(':');
  if (colon < 0 || colon === text.length - 1) return undefined;
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

function headerContext(ctx: MatchContext): boolean {
  return AUTH_CONTEXT.test(ctx.line) || AUTH_CONTEXT.test(ctx.window);
}

export const httpBasicAuth: CredentialRule = {
  meta: {
    id: 'http-basic-authorization',
    title: 'HTTP Basic credentials in an Authorization header',
    severity: 'high',
    summary: '`Authorization: Basic …` with base64 user:password (decoded to check; the password is never shown).',
    provider: 'http',
    credentialType: 'basic-authorization',
    help: {
      why: 'A Basic header is the account\'s user name and password, only base64-encoded: anyone who reads it can log in as that account wherever it is accepted, and the same password is often reused elsewhere.',
      fix: 'Change the password (or revoke the API key used as one), read credentials from the environment or a secret store at run time, and scrub recorded requests (VCR cassettes, Postman collections, HAR files) before committing them.',
      references: ['https://www.rfc-editor.org/rfc/rfc7617', 'https://cwe.mitre.org/data/definitions/798.html'],
    },
  },
  keywords: ['basic '],
  pattern: /(?<![\w-])Basic\s{1,4}([A-Za-z0-9+/]{8,1024}={0,2})(?![\w+/=-])/i,
  secretGroup: 1,
  validate: (v, ctx) => !WORD.test(v) && (decodeBasic(v) !== undefined || headerContext(ctx)),
  classify: (v): Partial<Match> => {
    const pair = decodeBasic(v);
    if (pair) return { attributes: { user: pair.user.slice(0, 64) } };
    return { confidence: 'low', attributes: { decoded: 'does not decode to user:password (altered, truncated or not base64 text)' } };
  },
  examples: {
    positive: [
      // base64("deploy:Xq7vLm2pR8wz")
      'headers = {"Authorization": "Basic ZGVwbG95OlhxN3ZMbTJwUjh3eg=="}',
      'req.Header.Set("Proxy-Authorization", "Basic ZGVwbG95OlhxN3ZMbTJwUjh3eg==")',
      // a recorded request: the header name is on the line above
      '    Authorization:\n    - Basic ZGVwbG95OlhxN3ZMbTJwUjh3eg==\n',
      // does not decode to user:password, but sits in a header: reported at low confidence
      '"key": "Authorization",\n"value": "Basic q83vEjRWeJq8Tz0x"',
    ],
    negative: [
      "{'Authorization': 'Basic login_and_password_removed'}",
      'This endpoint uses Basic Authentication over TLS.',
      'Authorization: Basic <base64 of user:password>',
      'auth = "Basic " + base64(user + ":" + password)',
      // base64 of binary bytes, nowhere near a header
      'fixture = "Basic q83vEjRWeJq8"',
    ],
  },
};

/** `user:password` literals that cannot be a real pair: format strings, templates, stand-ins. */
function placeholderPair(pair: string): boolean {
  const password = pair.slice(pair.indexOf(':') + 1);
  // Stand-ins spell out what they stand for: `client-id:client-id-secret`, `user:my-password`.
  return /%[sdv]|\{|\$|#\{|<|^\*+$/.test(pair) || /^(?:x+|\.\.\.)$|passw(?:or)?d|secret|token|changeme|example/i.test(password);
}

/** A Basic header being built in code: base64 of a `user:password` literal (`base64.b64encode(b'svc:…')`, `btoa('svc:…')`). */
export const encodedBasicPair: CredentialRule = {
  meta: {
    ...httpBasicAuth.meta,
    id: 'basic-credentials-encoded',
    title: 'User and password base64-encoded in code',
    summary: 'A `user:password` literal passed to a base64 encoder (how Basic and registry auth headers are built).',
  },
  keywords: ['b64encode', 'btoa(', 'encode64', 'base64_encode', 'encodetostring', 'tobase64string'],
  pattern: /(?:b64encode|btoa|encode64|base64_encode|encodeToString|ToBase64String)\([ \t]*(?:b|Encoding\.\w+\.GetBytes\([ \t]*)?["']([^"'\s:]{1,64}:[^"'\s]{3,128})["']/,
  secretGroup: 1,
  validate: (v) => !placeholderPair(v),
  classify: (v): Partial<Match> => ({ attributes: { user: v.slice(0, v.indexOf(':')).slice(0, 64) } }),
  examples: {
    positive: [
      "auth_ = base64.b64encode(b'jlzijo:ibbvwf').decode('ascii')",
      "const header = 'Basic ' + btoa('deploy:Xq7vLm2pR8wz');",
      'String auth = Base64.getEncoder().encodeToString("svc:Tq8vLm2x".getBytes());',
    ],
    negative: [
      "auth = base64.b64encode(f'{user}:{password}'.encode())",
      "btoa(`${user}:${pass}`)",
      "base64.b64encode(b'user:password')",
      "base64.b64encode('%s:%s' % (user, pw))",
      'expected = base64.b64encode(b"client-id:client-id-secret").decode()',
    ],
  },
};

export default [httpBasicAuth, encodedBasicPair];
