// The generic rule (always last): a value bound to a secret-named variable that looks machine-generated.
// Names: *_TOKEN, *_SECRET, *_KEY (not *_PUBLIC_KEY, *_KEY_ID, *_KEY_NAME), PASSWORD/PASSWD/PWD, API_KEY, AUTH,
// CREDENTIALS, PRIVATE_KEY… (see isSecretName). Values: 16+ characters, above the entropy floor for their alphabet
// (hex, alphanumeric, base64), not placeholders, booleans, numbers, paths, URLs, references to other variables,
// dotted identifiers, e-mail addresses, UUIDs bound to ambiguous names, or documented example keys.
// The variable comes from the engine: dotenv for .env files, the TypeScript scanner's tokens for JS/TS, a key/value scan
// for everything else.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { nameWords } from '../../src/core/text.js';
import { boundValueAnchor } from './anchors.js';
import { BOUND_VALUE, charsetOf, inComment, insideStringLiteral, isDocumentedExample, isSecretName, mayBeSecretName, isUuid, looksRandom, unquotedInHcl, yamlDocumentOf, yamlParentKey } from './shared.js';

const REFERENCE = /^(?:\$|%[A-Z_]+%|@|!|&|\*|#)|process\.env|import\.meta|os\.environ|getenv|^env[.:(]|secrets?\.|vault:|^arn:|^projects\/|^ref\+|^op:\/\/|^sm:\/\/|^awssecretsmanager|^ssm:|^keyvault/i;

/** `name` is the name the value is bound to (the engine's variable unless the rule read a closer one on the line). */
export function notASecretValue(v: string, ctx: MatchContext, name?: string): boolean {
  return valueNotASecret(v) || uuidIdentifier(v, name ?? ctx.variable);
}

/** A UUID is an identifier unless the name says token, secret, password or API key. */
function uuidIdentifier(v: string, name: string | undefined): boolean {
  return isUuid(v) && !/(?:^| )(?:token|secret|password|passwd|api ?key|apikey)$/.test(nameWords(name ?? ''));
}

/** The value alone says it is no secret: a flag, a number, a reference, a URL, a path, an address, a stand-in. */
function valueNotASecret(v: string): boolean {
  if (/^(?:true|false|yes|no|on|off|null|nil|none|undefined|required|optional|enabled|disabled)$/i.test(v)) return true;
  if (/^[-+]?[0-9._]+(?:e[-+]?[0-9]+)?$/i.test(v)) return true;
  if (REFERENCE.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return true; // URLs (with credentials: the URL rules)
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:[\\/])/.test(v) || (/\//.test(v) && /\.[a-z]{2,5}$/i.test(v)) || /^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/.test(v)) return true; // paths
  if (/^(?:[a-z0-9-]+\.)+[a-z]{2,}\/[A-Za-z0-9_./-]+$/.test(v)) return true; // a domain-prefixed name: `apparmor.security.beta.kubernetes.io/defaultProfileName`
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+[!?]?$/.test(v) && !/[0-9]/.test(v.replace(/\.[a-z]+!?$/i, ''))) return true; // dotted identifiers (`System.fetch_env!`)
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return true; // e-mail addresses
  if (isDocumentedExample(v)) return true;
  // Documentation stand-ins spell out what they stand for: `SomeKindOfPassword123`, `personal-access-token123`.
  if (/passw(?:or)?d|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|changeit|credential/i.test(v)) return true;
  return false;
}

// Names of keys that are not secrets: cache and lookup keys, checksums, public client-side keys.
export const NOT_SECRET_NAME = /(?:^| )(?:cache|checksum|hash|digest|etag|fingerprint|idempotency|partition|sort|primary|foreign|lookup|map|dedup|lock|search|site|anon|browser|frontend|captcha|recaptcha|turnstile|sitekey|nonce|salt|iv)(?: |$)/;

/** The key as written on the line (`checksum/secret`, `metadata.annotations.x`), which can say more than the variable. */
function lineKey(ctx: MatchContext): string {
  return /^[ \t]*["']?([\w./-]{1,120})["']?[ \t]*(?::=|=>|=|:)/.exec(ctx.line)?.[1] ?? '';
}

const AWS_KEY_ID = /^(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}$/;

/** In source code only string literals count: `key = someCall()` or `x = other.name` are expressions, not values. */
function unquotedInCode(ctx: MatchContext): boolean {
  if (ctx.file.kind !== 'source') return false;
  const at = ctx.valueAt;
  if (at < 1) return true;
  if (/["'`]/.test(ctx.line[at - 1]!) || inComment(ctx.line, at)) return false;
  // `"…?access_token=…&…"`: a secret-named parameter inside a string literal is a literal too.
  if (ctx.line[at - 1] !== '=' || !insideStringLiteral(ctx.line, at)) return true;
  let start = at - 1;
  while (start > 0 && at - start < 80 && /[\w.-]/.test(ctx.line[start - 1]!)) start--;
  return !isSecretName(ctx.line.slice(start, at - 1));
}

function inK8sSecretData(ctx: MatchContext): boolean {
  return ctx.file.kind === 'k8s' || /\.ya?ml$/i.test(ctx.file.path)
    ? yamlParentKey(ctx) === 'data' && /^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(yamlDocumentOf(ctx))
    : false;
}

export const genericSecret: CredentialRule = {
  meta: {
    id: 'generic-secret',
    title: 'Generic secret',
    severity: 'medium',
    summary: 'A high-entropy value bound to a secret-named variable (*_TOKEN, *_SECRET, *_KEY, PASSWORD, API_KEY…) with no provider-specific format.',
    provider: 'generic',
    credentialType: 'generic-secret',
    help: {
      why: 'A value that looks machine-generated, bound to a name that says it is a secret, is almost always a real credential — for a provider without a recognisable token format, an internal service, or a database. What it can reach is unknown until someone checks, which is itself the risk.',
      fix: 'Find out what the value unlocks, rotate it there, and load it from a secret store or CI secret at runtime. If it is not a secret, rename the variable or add an inline suppression with the reason.',
      references: ['https://cwe.mitre.org/data/definitions/798.html', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    },
  },
  // The engine's keyword prefilter takes the longest keyword at each position, so a longer keyword of another rule
  // (`password:`, `token:`, `secret_key`…) hides these short ones; the common longer forms are listed too.
  keywords: [
    'key', 'token', 'secret', 'pass', 'pwd', 'auth', 'credential', 'creds', 'private', 'signature',
    'password', 'password:', 'password=', 'pwd=', 'token:', 'secret_key', 'secretkey', 'secret-key', 'secret_', 'app_key',
    'auth_secret', 'session_secret', 'cookie_secret', 'token_secret', 'session_token', 'security_token', 'sessiontoken',
    'access_token$', 'account_key', 'accountkey', 'storage_key', 'storagekey', 'routing_key', 'routing-key', 'key-', '_auth',
    '_authtoken', '_password', 'rest_token', 'rest_api_token', 'nextauth', 'hapikey',
  ],
  pattern: BOUND_VALUE,
  anchor: boundValueAnchor,
  secretGroup: 2,
  // The checks on the value and its line come first: the variable can cost the engine a parse of the file.
  validate: (v, ctx) =>
    !AWS_KEY_ID.test(v) && // the AWS rules report the key id with its secret
    looksRandom(v, 16) &&
    mayBeSecretName(ctx.nameScope) &&
    !unquotedInCode(ctx) &&
    !unquotedInHcl(v, ctx) &&
    !valueNotASecret(v) &&
    isSecretName(ctx.variable) &&
    // A bare `key:` is usually a map key; bound to 32+ machine-generated key characters it is a key (`$key = '4862f9…'`).
    (nameWords(ctx.variable ?? '') !== 'key' || (looksRandom(v, 32) && /^[A-Za-z0-9+/=_-]+$/.test(v))) &&
    !NOT_SECRET_NAME.test(nameWords(ctx.variable ?? '')) &&
    !NOT_SECRET_NAME.test(nameWords(lineKey(ctx))) &&
    !uuidIdentifier(v, ctx.variable) && // the rest of notASecretValue ran above, before the variable
    !inK8sSecretData(ctx),
  classify: (v, ctx) => ({ confidence: 'medium', attributes: { variable: ctx.variable ?? '', charset: charsetOf(v) } }),
  examples: {
    positive: [
      { text: 'INTERNAL_BILLING_API_KEY=OS9I3Cc1EIqKxHVpHO9J0scce0ltuBk9sXkaEZjn', path: '.env' },
      { text: 'export const config = { webhookSecret: "kRTp2lYZVKRdLp52BfhNhCoPvjUN2Gfq" };', path: 'src/config.ts' },
      'db:\n  password: 1QZuaMKOHGZ8-kAnab2GO\n',
      { text: 'ACME_TOKEN=97856b96ee0f11d5c42e661868b1bf3cb7ecf28e', path: '.env.production' },
      { text: "$key = '4499d1f31c6ac54335fc6c36f1802afe1717f6877ceb4091';", path: 'lib/Crypt/Config.php' },
    ],
    negative: [
      { text: 'API_KEY=changeme-please-0000000000', path: '.env' },
      { text: 'SIGNING_PUBLIC_KEY=9r772+ZkAJf11jRCvPtgoEHzx7X/CAam5NaWgaPvU9qN', path: '.env' },
      { text: 'AWS_KMS_KEY_ID=db7775fd-4b7e-e2f3-ec81-fead9a9b0697', path: '.env' },
      { text: 'SESSION_TOKEN=${SESSION_TOKEN}', path: '.env' },
      { text: 'PRIVATE_KEY_PATH=/etc/ssl/private/server-key.pem', path: '.env' },
      'const apiKey = process.env.SERVICE_API_KEY_VALUE_FROM_ENVIRONMENT;',
      { text: 'MY_SECRET=thisismysupersecretvalue', path: '.env' },
      { text: 'CACHE_KEY=user-profile-cache-v2-region', path: '.env' },
      // documentation stand-ins and code expressions
      ' *   Password: "SomeKindOfPassword123!@#",',
      { text: 'const webIdentityToken = externalDataInterceptor?.getTokenRecord?.()[file];', path: 'src/token.js' },
      '{"item": {"key": "ec2:ResourceTag/elasticbeanstalk:environment-name"}}',
      'CACHE_KEY: v1-deps-ed1d8bd9b5bbdd18207f9ee7d3cef8e63035b2e2',
      '      annotations:\n        checksum/secret: 537f6ddb62009b81c3707bd5237f4df073fc90ca214ae2282596e9dae037dbf5',
      'window.config = {algoliaSearchKey:"c88f417ddbc3226b634ed43102c732a7"};',
      '<Row key={"user-profile-row"} />',
      { text: '  client_secret: System.fetch_env!("LIVE_BEATS_GITHUB_CLIENT_SECRET")', path: 'config/dev.exs' },
      { text: '  credentials = aws_iam_role.s3_api_gateway_role.arn', path: 'terraform/apig.tf' },
      { text: '#AppArmorBetaDefaultProfileAnnotationKey: "apparmor.security.beta.kubernetes.io/defaultProfileName"', path: 'cue.mod/gen/k8s.io/api/core/v1/annotation_key_constants_go_gen.cue' },
      '{"key": "2f1c9a7b"}',
    ],
  },
};

export default [genericSecret];
