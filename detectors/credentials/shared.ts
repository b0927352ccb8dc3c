// Helpers shared by credential rules: checksums, JWT decoding, entropy gates, context tests.
import { nameWords, shannonEntropy } from '../../src/core/text.js';
import type { CredentialRule, CredentialRuleExamples, DetectorHelp, MatchContext, Severity } from '../../src/core/types.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 encoding of a 32-bit number, left-padded to `width` (GitHub and npm token checksums). */
export function base62(n: number, width: number): string {
  let s = '';
  let v = n >>> 0;
  do {
    s = B62[v % 62] + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s.padStart(width, '0');
}

/** Decodes the payload of a JWT without verifying it. Undefined if it is not a JWT. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = Buffer.from(parts[1]!, 'base64url').toString('utf8');
    const payload: unknown = JSON.parse(json);
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Segment lengths of a compact JWT, checked after a linear-time match: header ≥ 10, payload ≥ 20, signature ≥ `minSig`
 * characters, and at most 4 KB in all.
 */
export function jwtShaped(token: string, minSig = 20): boolean {
  const parts = token.split('.');
  return parts.length === 3 && token.length <= 4096 && parts[0]!.length >= 10 && parts[1]!.length >= 20 && parts[2]!.length >= minSig;
}

/** An entropy gate in bits per character; random 40-char base62 sits near 5.2, English text near 3.5–4. */
export function highEntropy(value: string, min = 3.5): boolean {
  return shannonEntropy(value) >= min;
}

/** True when the variable name or the surrounding lines mention one of the words (case-insensitive). */
export function contextMentions(ctx: MatchContext, ...words: string[]): boolean {
  const hay = `${ctx.variable ?? ''}\n${ctx.window}`.toLowerCase();
  return words.some((w) => hay.includes(w.toLowerCase()));
}

/** True when the bound variable name matches. */
export function variableMatches(ctx: MatchContext, re: RegExp): boolean {
  return !!ctx.variable && re.test(ctx.variable);
}

// ---------------------------------------------------------------------------------------------------------------
// Group A helpers: checksums, character-class gates, context tests, macaroon decoding, connection URLs.

/** CRC32 as 8 lower-case hex digits (Cloudflare's scannable token checksum). */
export function crc32Hex(s: string): string {
  return crc32(s).toString(16).padStart(8, '0');
}

/** The `prefix + 30 random + 6 base62 CRC32` layout shared by GitHub, npm and Vercel tokens. */
export function base62ChecksumOk(body: string, check: string): boolean {
  return check.length === 6 && base62(crc32(body), 6) === check;
}

/** At least one upper-case letter, one lower-case letter and one digit: random tokens almost always have all three. */
export function mixedAlnum(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

/** At least `n` digits and `n` letters: rejects words, hex-looking words and all-digit ids. */
export function lettersAndDigits(value: string, n = 2): boolean {
  return (value.match(/[0-9]/g)?.length ?? 0) >= n && (value.match(/[A-Za-z]/g)?.length ?? 0) >= n;
}

const SECRET_WORD = /(?:token|secret|key|passw(?:or)?d|pwd|pass\b|auth|credential|bearer|api)/i;

/**
 * Context for prefix-less formats: the bound variable names the provider and a secret word, or the variable names a
 * secret and the line or the nearby lines name the provider.
 */
export function providerSecretContext(ctx: MatchContext, provider: RegExp, secret: RegExp = SECRET_WORD): boolean {
  const name = ctx.variable ?? '';
  if (provider.test(name) && secret.test(name)) return true;
  if (!name && provider.test(ctx.line) && secret.test(ctx.line)) return true;
  return secret.test(name || ctx.line) && provider.test(`${ctx.line}\n${ctx.window}`);
}

/** Words from a variable name that hint at purpose or environment, e.g. `PROD_AWS_READONLY_KEY` → `prod,readonly`. */
export function nameHints(variable: string | undefined): string | undefined {
  if (!variable) return undefined;
  const words = variable
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const known = new Set([
    'prod', 'production', 'prd', 'live', 'staging', 'stage', 'stg', 'dev', 'development', 'test', 'qa', 'preview',
    'readonly', 'ro', 'read', 'admin', 'root', 'deploy', 'ci', 'backup', 'terraform', 'tf', 'migration', 'migrations',
  ]);
  const hits = [...new Set(words.filter((w) => known.has(w)))];
  return hits.length ? hits.join(',') : undefined;
}

/** The text of the file from the line holding the match, for rules that read a whole JSON document. */
export function offsetOfLine(ctx: MatchContext): number {
  const at = ctx.file.text.indexOf(ctx.line);
  return at === -1 ? 0 : at;
}

/** The occurrence of `re` (which must have one capture group) nearest to `offset` in `text`. */
export function nearestCapture(text: string, re: RegExp, offset: number): string | undefined {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let best: string | undefined;
  let bestDistance = Infinity;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    const d = Math.abs(m.index - offset);
    if (d < bestDistance && m[1] !== undefined) {
      best = m[1];
      bestDistance = d;
    }
  }
  return best;
}

// --- MessagePack (Fly.io macaroons are base64 MessagePack) -----------------------------------------------------

/** Decodes one MessagePack value (the subset macaroons use). Throws on malformed or truncated input. */
export function decodeMsgpack(buf: Uint8Array): unknown {
  let pos = 0;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const need = (n: number) => {
    if (pos + n > buf.length) throw new Error('truncated msgpack');
  };
  const bytes = (n: number) => {
    need(n);
    const out = buf.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const uint = (n: 1 | 2 | 4 | 8): number => {
    need(n);
    const v = n === 1 ? view.getUint8(pos) : n === 2 ? view.getUint16(pos) : n === 4 ? view.getUint32(pos) : Number(view.getBigUint64(pos));
    pos += n;
    return v;
  };
  const int = (n: 1 | 2 | 4 | 8): number => {
    need(n);
    const v = n === 1 ? view.getInt8(pos) : n === 2 ? view.getInt16(pos) : n === 4 ? view.getInt32(pos) : Number(view.getBigInt64(pos));
    pos += n;
    return v;
  };
  const str = (n: number) => Buffer.from(bytes(n)).toString('utf8');
  const arr = (n: number, depth: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(read(depth + 1));
    return out;
  };
  const map = (n: number, depth: number): Map<unknown, unknown> => {
    const out = new Map<unknown, unknown>();
    for (let i = 0; i < n; i++) out.set(read(depth + 1), read(depth + 1));
    return out;
  };
  const read = (depth: number): unknown => {
    if (depth > 32) throw new Error('msgpack too deep');
    const b = uint(1);
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if ((b & 0xf0) === 0x80) return map(b & 0x0f, depth);
    if ((b & 0xf0) === 0x90) return arr(b & 0x0f, depth);
    if ((b & 0xe0) === 0xa0) return str(b & 0x1f);
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc4: return bytes(uint(1));
      case 0xc5: return bytes(uint(2));
      case 0xc6: return bytes(uint(4));
      case 0xca: need(4); pos += 4; return view.getFloat32(pos - 4);
      case 0xcb: need(8); pos += 8; return view.getFloat64(pos - 8);
      case 0xcc: return uint(1);
      case 0xcd: return uint(2);
      case 0xce: return uint(4);
      case 0xcf: return uint(8);
      case 0xd0: return int(1);
      case 0xd1: return int(2);
      case 0xd2: return int(4);
      case 0xd3: return int(8);
      case 0xd9: return str(uint(1));
      case 0xda: return str(uint(2));
      case 0xdb: return str(uint(4));
      case 0xdc: return arr(uint(2), depth);
      case 0xdd: return arr(uint(4), depth);
      case 0xde: return map(uint(2), depth);
      case 0xdf: return map(uint(4), depth);
      default:
        throw new Error(`unsupported msgpack byte 0x${b.toString(16)}`);
    }
  };
  return read(0);
}

// --- Database connection URLs ----------------------------------------------------------------------------------

export interface ConnectionUrl {
  scheme: string;
  user: string;
  password: string;
  host: string;
  port?: string;
  database?: string;
}

/** `scheme://user:password@host[:port][,host2...][/database][?query]`, parsed by hand (multi-host URLs break URL). */
export function parseConnectionUrl(url: string): ConnectionUrl | undefined {
  const m = /^([a-z][a-z0-9+.:-]*):\/\/([^:@/\s]*):([^@\s]*)@([^/?#\s]*)(?:\/([^?#\s]*))?/i.exec(url);
  if (!m) return undefined;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const hosts = m[4]!;
  const first = hosts.split(',')[0]!;
  const hp = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(first);
  return {
    scheme: m[1]!.toLowerCase(),
    user: decode(m[2]!),
    password: decode(m[3]!),
    host: hp ? hp[1]! : first,
    port: hp?.[2],
    database: m[5] ? decode(m[5]) || undefined : undefined,
  };
}

const PLACEHOLDER_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'changeme', 'change_me', 'secret', 'mypassword', 'yourpassword', 'your_password',
  'your-password', 'db_password', 'dbpassword', 'user:password', 'xxx', 'xxxx', 'xxxxx', 'pw', 'p', 'redacted', 'hidden',
  'masked', 'none', 'null', 'undefined', 'empty', 'todo', 'fixme', 'placeholder', 'passw0rd', 'pa55word', 'guest',
]);

/** True for a password that is a stand-in: a well-known word, a template, a mask, or an unexpanded variable. */
export function isPlaceholderPassword(password: string): boolean {
  const p = password.trim();
  if (p.length < 3) return true;
  if (PLACEHOLDER_PASSWORDS.has(p.toLowerCase())) return true;
  if (/^[*x•.#_-]+$/i.test(p)) return true;
  // The name of the variable that should hold it (`POSTGRES_PASSWORD`), or a stand-in spelled as one (`test_password_123`).
  if (/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(p) || /^(?:test|dummy|fake|sample|example|my|your)[_-]?pass(?:word|wd)?(?:[_-]?\d{0,4})$/i.test(p)) return true;
  if (/^\$|\$\{|\$\(|\{\{|<[^>]*>|^%[sd(]|^\[[^\]]*\]$|^\{[^}]*\}$|^:/.test(p)) return true;
  if (/^%[0-9A-F]{2}/i.test(p) && /\{|\}|\$/.test(decodeURIComponentSafe(p))) return true;
  return false;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Managed-database hosts, so later stages can tie a URL to the platform that holds the data (and its backups). */
const HOST_PLATFORMS: Array<[RegExp, string]> = [
  [/\.rds\.amazonaws\.com$|\.rds\.amazonaws\.com\.cn$/i, 'aws-rds'],
  [/\.supabase\.(?:co|com)$/i, 'supabase'],
  [/\.neon\.tech$/i, 'neon'],
  [/\.psdb\.cloud$|\.connect\.psdb\.cloud$/i, 'planetscale'],
  [/\.mongodb\.net$/i, 'mongodb-atlas'],
  [/\.upstash\.io$/i, 'upstash'],
  [/\.railway\.(?:app|internal)$|\.rlwy\.net$|\.proxy\.rlwy\.net$/i, 'railway'],
  [/\.render\.com$/i, 'render'],
  [/\.herokuapp\.com$|\.compute-1\.amazonaws\.com$/i, 'heroku'],
  [/\.database\.azure\.com$|\.database\.windows\.net$/i, 'azure'],
  [/\.db\.ondigitalocean\.com$/i, 'digitalocean'],
  [/\.aivencloud\.com$/i, 'aiven'],
  [/\.cockroachlabs\.cloud$/i, 'cockroach-cloud'],
  [/\.clickhouse\.cloud$/i, 'clickhouse-cloud'],
  [/\.flycast$|\.internal$/i, 'private-network'],
];

const LOCAL_HOSTS = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;

/** Attributes every database URL rule records: scheme, role (user), host, port, database, and whether it is local. */
export function connectionAttributes(url: ConnectionUrl): Record<string, string> {
  const attrs: Record<string, string> = { scheme: url.scheme, user: url.user, host: url.host };
  if (url.port) attrs.port = url.port;
  if (url.database) attrs.database = url.database;
  if (LOCAL_HOSTS.test(url.host)) attrs.local = 'true';
  const platform = HOST_PLATFORMS.find(([re]) => re.test(url.host))?.[1];
  if (platform) attrs.platform = platform;
  return attrs;
}

/** The characters a URL's host/path/query may hold in source text: stops at whitespace, quotes, brackets and backticks. */
export const URL_TAIL = String.raw`[^\s"'<>\`\\]+`;

/** A database URL is a credential only when it has a real inline password. */
export function validConnectionUrl(value: string): boolean {
  const url = parseConnectionUrl(value);
  // `postgres://[user][:password]@[host][:port]/[dbname]`: the documented syntax, with its parts in brackets.
  if (/\[:?(?:user(?:name)?|pass(?:word)?|pwd|host)\]/i.test(value)) return false;
  return value.length <= 2048 && !!url && !!url.host && !isPlaceholderPassword(url.password);
}

export interface ConnectionUrlRuleOptions {
  id: string;
  provider: string;
  title: string;
  /** Regex source for the scheme alternatives, e.g. `postgres(?:ql)?`. */
  schemes: string;
  keywords: string[];
  severity?: Severity;
  help: DetectorHelp;
  examples: CredentialRuleExamples;
}

/**
 * A database connection URL with an inline password. The credential is the whole URL, so the same URL in two files is
 * one credential; attributes carry the scheme, role, host and database (never the password).
 */
export function connectionUrlRule(o: ConnectionUrlRuleOptions): CredentialRule {
  return {
    meta: {
      id: o.id,
      title: o.title,
      severity: o.severity ?? 'high',
      summary: `${o.title}: a connection URL with an inline password (the whole URL is the credential).`,
      provider: o.provider,
      credentialType: 'connection-url',
      help: o.help,
    },
    keywords: o.keywords,
    // user (may be empty, as in redis://:pw@host), a password without @, / or whitespace, then host/path/query.
    // The user and password classes exclude '/', so a run scanned from one scheme never crosses the next scheme's
    // '//': the scan stays linear even on text full of half-URLs.
    pattern: new RegExp(String.raw`\b((?:${o.schemes})://[^\s:/@"'<>\`\\]*:[^\s@/"'<>\`\\]+@${URL_TAIL})`, 'i'),
    secretGroup: 1,
    validate: (v) => validConnectionUrl(v),
    classify: (v) => {
      const url = parseConnectionUrl(v);
      return url ? { attributes: connectionAttributes(url) } : undefined;
    },
    examples: o.examples,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Group B helpers: base64/JWT decoding, charset-aware randomness, secret-name tests, YAML context, bound values.

/** Decodes standard or URL-safe base64 (padding optional) to text; undefined if it is not base64. */
export function decodeBase64(s: string): string | undefined {
  const t = s.trim();
  if (!t || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(t) || t.replace(/=+$/, '').length % 4 === 1) return undefined;
  return Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** Decodes the header of a JWT; undefined unless it is a JSON object with an `alg`. */
export function decodeJwtHeader(token: string): Record<string, unknown> | undefined {
  const head = token.split('.')[0];
  if (!head) return undefined;
  try {
    const h: unknown = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    return h && typeof h === 'object' && 'alg' in h ? (h as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const isHex = (v: string): boolean => /^[0-9a-f]+$/i.test(v);
export const isUuid = (v: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Which alphabet a value is drawn from; the entropy a random value reaches depends on it. */
export function charsetOf(v: string): 'hex' | 'alnum' | 'base64' | 'symbols' {
  if (isHex(v)) return 'hex';
  if (/^[A-Za-z0-9]+$/.test(v)) return 'alnum';
  if (/^[A-Za-z0-9+/_=-]+$/.test(v)) return 'base64';
  return 'symbols';
}

const ENTROPY_FLOOR = { hex: 3.0, alnum: 3.3, base64: 3.5, symbols: 3.3 } as const;

/**
 * A value that looks machine-generated: at least `minLength` characters, entropy above the floor for its alphabet
 * (hex ≥ 3.0, alphanumeric ≥ 3.3, base64 ≥ 3.5 bits/char), letters mixed with digits or symbols, and not just words
 * joined by separators.
 */
export function looksRandom(v: string, minLength = 16): boolean {
  if (v.length < minLength) return false;
  // Letters mixed with something else (for hex: a-f with digits) is the cheapest test, and most identifiers fail it.
  if (!/[A-Za-z]/.test(v) || !/[^A-Za-z]/.test(v)) return false;
  // Words joined by separators (`someModule.someCall`, most of what code offers) fail on one regex before the entropy.
  if (/^[-_.:\s]*[A-Za-z]+(?:[-_.:\s]+[A-Za-z]+)*[-_.:\s]*$/.test(v)) return false;
  // lower-case words and version/number parts joined by separators: `user-profile-cache-v2-region`
  if (/^[a-z0-9]+(?:[-_.][a-z0-9]+){2,}$/.test(v) && v.split(/[-_.]/).every((w) => /^(?:[a-z]{2,}[0-9]{0,2}|[0-9]{1,4}|v[0-9]{1,3})$/.test(w))) return false;
  return shannonEntropy(v) >= ENTROPY_FLOOR[charsetOf(v)];
}

/** Keys that providers print in their documentation; a scanner should not report them. */
const DOCUMENTED_EXAMPLES = new Set([
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  'sk_test_26PHem9AhJZvU623DfE1x4sd',
  'rk_test_26PHem9AhJZvU623DfE1x4sd',
  'whsec_1234567890abcdef',
  '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',
  'xoxb-not-a-real-token-this-will-not-work',
  'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
]);

/** The examples long enough to be recognised inside a longer value. */
const LONG_DOCUMENTED_EXAMPLES = [...DOCUMENTED_EXAMPLES].filter((e) => e.length >= 20);

export function isDocumentedExample(v: string): boolean {
  return DOCUMENTED_EXAMPLES.has(v) || LONG_DOCUMENTED_EXAMPLES.some((e) => v.includes(e));
}

const NOT_SECRET_LAST_WORD = new Set([
  'id', 'ids', 'name', 'names', 'path', 'paths', 'file', 'filename', 'dir', 'url', 'uri', 'urls', 'endpoint', 'host', 'type',
  'method', 'header', 'prefix', 'suffix', 'length', 'len', 'size', 'ttl', 'expiry', 'expires', 'expiration', 'env', 'var',
  'field', 'ref', 'version', 'hint', 'regex', 'pattern', 'mode', 'provider', 'enabled', 'required', 'count', 'index',
  'format', 'arn', 'alias', 'region', 'label', 'scope', 'scopes', 'policy', 'location', 'store', 'manager', 'class',
  'algorithm', 'alg', 'length', 'limit', 'timeout', 'user', 'username', 'login', 'email', 'domain', 'audience', 'issuer',
]);
const SECRET_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'password', 'passwd', 'pwd', 'pass', 'passphrase', 'key', 'apikey', 'auth',
  'credential', 'credentials', 'creds', 'private', 'privatekey', 'secretkey', 'accesstoken', 'authtoken', 'sig', 'signature',
]);

/**
 * True for a variable name that says it holds a secret: `*_TOKEN`, `*_SECRET`, `*_KEY`, `PASSWORD`, `API_KEY`, `AUTH`,
 * `CREDENTIALS`, `PRIVATE_KEY`… — but not `*_PUBLIC_KEY`, `*_KEY_ID`, `*_KEY_NAME`, `*_TOKEN_URL`, `AUTHOR`.
 */
export function isSecretName(name: string | undefined): boolean {
  if (!name) return false;
  const words = nameWords(name.replace(/^.*[.[]/, '')).split(' ').filter(Boolean);
  if (!words.length) return false;
  const last = words[words.length - 1]!;
  if (NOT_SECRET_LAST_WORD.has(last)) return false;
  if (words.includes('public') || words.includes('publishable')) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) {
    // `key` only counts as the last word or before a word like `secret`/`token`, not in `key_vault_url`.
    return SECRET_WORDS.has(last) || /^(?:data|value|b64|base64|hex|pem|raw|str|string|json)$/.test(last);
  }
  return false;
}

/** Every SECRET_WORDS entry holds one of these: a text without them holds no name that isSecretName accepts. */
const SECRET_WORD_PARTS = /token|secret|pass|pwd|key|auth|cred|private|sig/i;

/** False when the text a variable comes from (MatchContext.nameScope) cannot hold a secret name; true when unknown. */
export function mayBeSecretName(scope: string | undefined): boolean {
  return scope === undefined || SECRET_WORD_PARTS.test(scope);
}

/**
 * `NAME = value`, `name: "value"`, `"name": "value"`, `NAME=value`: group 1 the name, group 2 a value of 16+ characters
 * without spaces, quotes, brackets or separators. Linear: each part is one character class.
 */
export const BOUND_VALUE =
  /(?<![\w.-])([A-Za-z_][\w.-]{0,80})["']?[ \t]*(?::=|=>|=|:)[ \t]*["'`]?([^\s"'`,;(){}[\]<>\\]{16,1000})/;

/** The YAML document (between `---` lines) holding the line of the match. */
export function yamlDocumentOf(ctx: MatchContext): string {
  const text = ctx.file.text;
  const at = offsetOfLine(ctx);
  const start = text.lastIndexOf('\n---', at);
  const endIdx = text.indexOf('\n---', at);
  return text.slice(start === -1 ? 0 : start, endIdx === -1 ? text.length : endIdx);
}

/** The nearest less-indented `key:` above the matched line (its YAML parent), e.g. `data` for a Secret's entries. */
export function yamlParentKey(ctx: MatchContext): string | undefined {
  const text = ctx.file.text;
  const at = offsetOfLine(ctx);
  const indent = /^[ \t]*/.exec(ctx.line)![0].length;
  const before = text.slice(Math.max(0, at - 20000), at).split('\n').reverse();
  for (const l of before) {
    if (!l.trim() || l.trim().startsWith('#')) continue;
    const ind = /^[ \t]*/.exec(l)![0].length;
    if (ind < indent) return /^[ \t]*-?[ \t]*["']?([\w.-]+)["']?:/.exec(l)?.[1];
  }
  return undefined;
}

/** True when the line or window sends the value in an HTTP header that names the provider or auth. */
export function inAuthHeader(ctx: MatchContext): boolean {
  return /authorization|bearer|x-api-key|api-key:|x-auth-token/i.test(ctx.line);
}

/**
 * True when position `at` of a source line is inside a string literal: a query string or an embedded env file
 * (`"…/refresh?refreshToken=4f8a…&s=2"`, `'USER=jdoe\nPASS=…'`) is a literal even where the value does not follow
 * the quote. Walks the line up to `at` (at most 2,000 characters; a longer prefix says no).
 */
export function insideStringLiteral(line: string, at: number): boolean {
  if (at <= 0 || at > 2000) return false;
  const head = line.slice(0, at);
  if (!head.includes('"') && !head.includes("'") && !head.includes('`')) return false;
  return lexicalStateAt(line, at, false) === 'string';
}

/**
 * True when position `at` of a source line is inside a comment: the line is a block-comment continuation (`* …`,
 * `/* …`) or a `//`, `#` or `-- ` comment starts before `at` outside a string. Comments are prose and commented-out
 * configuration: what is written there is literal text, not an expression.
 */
export function inComment(line: string, at: number): boolean {
  if (/^[ \t]*(?:\/\*+|\*(?!\/)|<!--)/.test(line)) return true;
  if (at > 2000) return false;
  const head = line.slice(0, at);
  if (!head.includes('//') && !head.includes('#') && !head.includes('-- ')) return false;
  return lexicalStateAt(line, at, true) === 'comment';
}

/**
 * Walks a line up to `at`, tracking quoted strings (`"`, `'`, `` ` ``, backslash escapes): whether `at` is in a string,
 * or, when `comments` is set, whether a `//`, `#` or `-- ` comment opened before it outside a string.
 */
function lexicalStateAt(line: string, at: number, comments: boolean): 'code' | 'string' | 'comment' {
  let open = '';
  for (let i = 0; i < at; i++) {
    const c = line[i]!;
    if (open) {
      if (c === '\\') i++;
      else if (c === open) open = '';
    } else if (c === '"' || c === "'" || c === '`') open = c;
    else if (comments && ((c === '/' && line[i + 1] === '/') || (c === '#' && (i === 0 || /[ \t]/.test(line[i - 1]!))) || (c === '-' && line[i + 1] === '-' && line[i + 2] === ' ' && (i === 0 || /[ \t]/.test(line[i - 1]!))))) return 'comment';
  }
  return open ? 'string' : 'code';
}

/**
 * In Terraform/HCL a literal string is quoted: an attribute set to an unquoted dotted path (`aws_iam_role.api.arn`,
 * `var.token`, `module.db.password`) is a reference. (A heredoc's `KEY=value` lines are text, and not dotted paths.)
 */
export function unquotedInHcl(v: string, ctx: MatchContext): boolean {
  if (!/\.(?:tf|hcl)$/i.test(ctx.file.path) || !/^[a-z][a-z0-9_-]*(?:\.[\w-]+|\[[\w"*-]+\])+$/.test(v)) return false;
  const at = ctx.valueAt;
  return at > 0 && /^[ \t]*[\w-]+[ \t]*=[ \t]*$/.test(ctx.line.slice(0, at));
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function bech32Polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((b >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk >>> 0;
}

/** Verifies a Bech32 string's checksum (BIP-173), as used by age identities. Case-insensitive, no length limit. */
export function bech32Valid(s: string): boolean {
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return false;
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const d = BECH32.indexOf(ch);
    if (d === -1) return false;
    data.push(d);
  }
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  return bech32Polymod([...expanded, ...data]) === 1;
}

/** True when a decoded value holds control characters other than tab/newline/CR (i.e. it is binary, not text). */
export function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

// Words a variable name may hold besides the provider's name without naming something else.
const NEUTRAL_NAME_WORDS = new Set([
  'api', 'key', 'keys', 'token', 'tokens', 'secret', 'secrets', 'auth', 'access', 'private', 'app', 'application', 'client',
  'server', 'account', 'user', 'personal', 'bearer', 'password', 'pass', 'passwd', 'my', 'default', 'env', 'prod',
  'production', 'prd', 'staging', 'stage', 'stg', 'dev', 'development', 'test', 'testing', 'live', 'sandbox', 'value',
  'config', 'settings', 'integration', 'service', 'signing', 'write', 'admin', 'read', 'readonly', 'ingest', 'license',
  'master', 'main', 'primary', 'secondary', 'new', 'old', 'v1', 'v2', 'x', 'header', 'credential', 'credentials', 'the',
  'static', 'final', 'const', 'public', 'global', 'org', 'team', 'workspace', 'project', 'rest', 'full', 'management',
]);

/**
 * Context for prefix-less formats, stricter than providerSecretContext about names: when the value is bound to a
 * variable, the variable must name the provider (and a secret word) — or hold only neutral words (`apiKey`, `TOKEN`)
 * with the provider named on the line or nearby. A variable that names something else (`PAGERDUTY_ROUTING_KEY`
 * beside `DATADOG_APP_KEY`) is not claimed from the surrounding lines. Without a variable, the line must hold a
 * secret word and the line or window the provider.
 */
export function boundToProvider(ctx: MatchContext, provider: RegExp, secret: RegExp = /token|secret|key|passw(?:or)?d|pwd|auth|credential|bearer|api/i): boolean {
  const name = ctx.variable ?? '';
  const near = `${ctx.line}\n${ctx.window}`;
  if (!name) return secret.test(ctx.line) && provider.test(near);
  if (provider.test(name)) return secret.test(name);
  const other = nameWords(name)
    .split(' ')
    .filter((w) => w && !NEUTRAL_NAME_WORDS.has(w));
  return other.length === 0 && secret.test(name) && provider.test(near);
}
