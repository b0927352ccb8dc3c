// Credential-named assignments that the generic rule leaves out because the value is short or not machine-random:
// passwords (`password: s3cr3t`, `MYSQL_ROOT_PASSWORD=…`, `setPassword("…")`, `<password>…</password>`) and tokens,
// secrets and API keys bound to a secret name in every config and code shape the engine reads (YAML, JSON, TOML,
// INI, .properties, XML, Dockerfile ENV/ARG, compose lists, shell `export`, Makefiles, keyword arguments, map
// literals, string constants). The name must say it is a secret; the value must be a literal — templates, references,
// function calls, type names, paths, URLs and ids are structurally not secrets and are not reported. Well-known
// defaults (`changeme`, `admin`) are reported at low confidence by the engine (src/file-context.ts).
import type { Confidence, CredentialRule, MatchContext } from '../../src/core/types.js';
import { nameWords } from '../../src/core/text.js';
import { charsetOf, inComment, insideStringLiteral, isSecretName, looksRandom, unquotedInHcl, yamlDocumentOf, yamlParentKey } from './shared.js';
import { NOT_SECRET_NAME, genericSecret, notASecretValue } from './generic.js';
import { runStartAnchor } from './anchors.js';

const PASSWORD_WORD = /^(?:password|passwd|passwort|pass|pwd|pw|passphrase|passcode|passw)$/;
/** Words that end like a password name but are not one: sudoers' `NOPASSWD`, `bypass`, `compass`. */
const NOT_PASSWORD = /^(?:nopasswd|nopass|bypass|compass|overpass|underpass|encompass)$/;
const PASSWORD_SUFFIX = /(?:password|passwd|passphrase)$/;
/** Run-together names: `AUTHKEY`, `apitoken`, `cipherkey`. */
const COMPOUND = /^(auth|api|access|secret|private|encryption|crypt|cipher|master|signing|session|app|client|consumer)(key|token|secret)$/;

/** `password` for password names, `secret` for other secret names, undefined for everything else. */
export function credentialNameKind(name: string | undefined): 'password' | 'secret' | undefined {
  if (!name) return undefined;
  if (/^x-(?:amz|goog)-/i.test(name)) return undefined; // presigned-URL parameters: signed for one request, not a secret
  // The last segment of a dotted or indexed name says what it is — unless it is a bare `key` (`webflow.encryption.key`).
  const segments = name.split(/[.[\]]+/).filter(Boolean);
  const tail = segments.length > 1 && /^key$/i.test(segments[segments.length - 1]!) ? segments.slice(-2).join('_') : (segments[segments.length - 1] ?? name);
  const words = nameWords(tail.replace(/^(?:set|with|get)(?=[A-Z_])/, '').replace(/\d+$/, ''))
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => COMPOUND.exec(w)?.slice(1) ?? [w]);
  // `password_confirmation`, `new_password2`: the confirmation field holds the password too; `keyBytes` is the key.
  while (words.length > 1 && /^(?:confirmation|confirm|again|repeat|verify|bytes|data|value|b64|base64|hex|str|string)$/.test(words[words.length - 1]!)) words.pop();
  const last = words[words.length - 1];
  if (!last || words.some((w) => /^(?:public|publishable|max|min|num|count)$/.test(w))) return undefined;
  // A captcha or site key is public, but the secret next to it is not: `RECAPTCHA_SECRET_KEY`.
  const phrase = words.includes('secret') ? words.filter((w) => !/^(?:recaptcha|captcha|turnstile|site)$/.test(w)).join(' ') : words.join(' ');
  if (NOT_SECRET_NAME.test(phrase)) return undefined;
  if (NOT_PASSWORD.test(last)) return undefined;
  if (PASSWORD_WORD.test(last) || PASSWORD_SUFFIX.test(last)) return 'password';
  if (words.length === 1 && last === 'key') return undefined; // a bare `key:` is usually a map key
  return isSecretName(words.join('_')) ? 'secret' : undefined;
}

/** The name written just before the value on its line: `NAME=`, `name: "`, `"name" => '`, `setPassword("`. */
function nameBefore(line: string, at: number): string | undefined {
  if (at < 0) return undefined;
  const before = line.slice(Math.max(0, at - 120), at).replace(/(?:Some|String|Optional\.of|SecretStr|str|(?:Base64\.)?(?:b64)?decode|base64Decode)\([ \t]*["'`]?$/, '');
  return /([A-Za-z_$@][\w.$-]*)(?:\\?["'\]`]){0,2}[ \t]*(?::=|=>|===?|!=|=|:|\(|,|[ \t])[ \t]*\\?["'`]?$/.exec(before)?.[1];
}

/** Words that name a mechanism or a mode, not a secret, when bound to `auth`/`token`/`secret`. */
const AUTH_SCHEME_OR_MODE = /^(?:basic|bearer|digest|oauth2?|oidc|saml|ldap|jwt|hmac|none|anonymous|local|session|cookie|header|query|form|api|apikey|token|tokens|secret|secrets|auto|manual|internal|external|static|dynamic|plain|plaintext|insecure|strict|enabled|disabled|always|never|env|file|vault|kms|aws|gcp|azure|kerberos|ntlm|negotiate|mtls|tls|ssl|cert|certificate|password|default|custom|inherit)$/;

/** Translated UI strings (`password: Password` in a locale file) are labels, not secrets. */
const LOCALE_PATH = /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|translations?|messages)\/|\.(?:po|pot|xliff|xlf|resx|strings|arb)$/i;

/** Names of types and keywords that follow a secret-named field in declarations: `password: string;`. */
const TYPE_OR_KEYWORD = /^(?:string|str|int|integer|bool|boolean|number|bytes?|object|any|char|text|varchar|secret|secretstr|password|nil|null|none|undefined|true|false|required|optional|self|this|new|function|func|fn|lambda|return|await|async|const|let|var|val|def|static|final|public|private|protected|readonly|type|interface|class|struct|enum|void|option|some|list|dict|map|array|set)$/i;

/** What a literal value is not: stand-ins that only repeat the key, masks, references, calls, identifiers. */
function structurallyNotSecret(v: string, ctx: MatchContext, kind: 'password' | 'secret', name: string | undefined): boolean {
  // A password written as a literal — quoted, or in a config or env file — can look like a name (`dbPass`, `Tdma`-style
  // case, `new_user_pw`); those shapes only mean "an identifier" for other secrets and in code or prose.
  const literalPassword = kind === 'password' && (quoted(ctx) || LITERAL_CONFIG.test(ctx.file.path) || insideStringLiteral(ctx.line, ctx.valueAt));
  if (/^(?:pass(?:word|wd)?|pwd|secret|token|key|api[-_]?key|credentials?)$/i.test(v)) return true; // repeats its key
  if (/(?:^|[-_])(?:pwd|pass|user|username)(?:$|[-_])/i.test(v)) return true; // `my_pwd`, `user_pass`: stand-ins
  if (TYPE_OR_KEYWORD.test(v)) return true;
  if (/^[*x•.#_?-]+$/i.test(v) || /\*{3,}|•{3,}/.test(v)) return true; // masks: `****`, `sk_a***yx`
  if (/^(?:workspace|npm|file|link|git\+[a-z]+|github):|^[\^~<>=]*v?\d+(?:\.[\dx*]+)+/i.test(v)) return true; // version specs
  if (!literalPassword && /^[a-z]+(?:[A-Z][a-z]+)+$/.test(v)) return true; // a camelCase identifier: `api_key: revokedKey`
  if (new Set(v.replace(/[^A-Za-z0-9]/g, '').toLowerCase()).size <= 2) return true; // `0000-0000`, `abab`
  if (/\$\{|\$\(|\{\{|\}\}|#\{|@\{|%\(|^%[sdv]$|%[sd]\b|^%[\w.]+%$|^<.*>$|^\[.*\]$|^\{.*\}$|^:[a-z_]+$|:=?$/i.test(v)) return true; // templates, symbols, labels
  if (!literalPassword && /^(?:[A-Z][a-z]+){2,}[A-Z]*$/.test(v)) return true; // a CamelCase type or class name
  if (kind === 'secret' && /^[A-Z]+(?:_[A-Z]+)+(?:-\d)?$/.test(v)) return true; // an UPPER_SNAKE constant name
  if (/\[-?\d*\]/.test(v)) return true; // an index or a query path: `NextToken[-1].ShardId`
  if (/\.\*$|^\*\.|\/\*$/.test(v)) return true; // a glob or a pattern: `mobile-bearer.*`, `*.internal`
  if (/^(.{2,8})\1{3,}$/.test(v)) return true; // a repeated unit: `deadbeefdeadbeef…`, `abcabcabcabc`
  // Lower-case words joined by `-`/`_`/`:` that read as words (`on_create`, `key-material`): identifiers and labels.
  // A bare `password:` holding such a value is still the password (`password: "zon_oogqbahz"`); `update_password:
  // on_create` is a mode.
  const barePassword = kind === 'password' && PASSWORD_WORD.test(nameWords(name ?? '').trim());
  // (A password's words are only `-`/`_`-joined; for a short secret name `y` counts as a vowel: `sandbox-proxy-ca`.)
  const joined = kind === 'password' ? /^[a-z]{2,}(?:[-_][a-z]{2,})+$/ : /^[a-z]{2,}(?:[-_:][a-z]{2,})+$/;
  const vowels = kind === 'secret' && v.length <= 20 ? /[aeiouy]/g : /[aeiou]/g;
  if (!barePassword && joined.test(v) && (v.match(vowels)?.length ?? 0) / v.replace(/[-_:]/g, '').length >= 0.3) return true;
  // A namespaced key name (`onyx:celery:beat:heartbeat`, `ratelimit:invite:{user_id}:min`): a cache or queue key.
  // (Bound to a `*_KEY` name only: after `auth=` or `*_token:` a `word:word` value is a user and password.)
  if (kind === 'secret' && /key$/i.test(name ?? '') && v.includes(':') && namespacedName(v)) return true;
  const at = ctx.valueAt;
  const before = at > 0 ? ctx.line[at - 1]! : '';
  const after = at >= 0 ? ctx.line.slice(at + v.length, at + v.length + 2) : '';
  if (/^[([]/.test(after) || (/^\.[A-Za-z_]/.test(after) && ctx.file.kind === 'source')) return true; // a call, index or member access
  // A quoted string that goes on past a space is a phrase (`'Invalid Password'`, `"User Password"`), not a secret.
  if (/["'`]/.test(before) && after !== '' && !after.replace(/^\\/, '').startsWith(before)) return true;
  // Outside JS/TS/Go a backtick opens a command substitution, not a literal.
  if (before === '`' && !/\.(?:[cm]?[jt]sx?|go)$/i.test(ctx.file.path)) return true;
  // Numbers: ports, counts and sizes are short; 6–8 digits bound to `token` is a one-time code (RFC 4226/6238).
  if (/^[-+]?\d+(?:\.\d+)?$/.test(v) && (!/^\d+$/.test(v) || v.length < (kind === 'password' ? 6 : 9) || (kind === 'secret' && !quoted(ctx)))) return true;
  if (/^\d+$/.test(v)) return false; // a long numeric password or token (the generic checks take every number for a count)
  return notASecretValue(v, ctx, name);
}

function quoted(ctx: MatchContext): boolean {
  const at = ctx.valueAt;
  return at > 0 && /["'`]/.test(ctx.line[at - 1]!);
}

/**
 * In a comment, `pass: exact match`, `password: upper-case, lower-case…` and `PASSWORD = ROOT + "…"` are prose and
 * commented-out expressions: the value is continued by more words, an operator or a call. A value that ends the
 * comment (`# password: oahjxaag`) is what it says.
 */
function commentProse(after: string): boolean {
  return /^[ \t]*[+(.]|^,?[ \t]+[A-Za-z]{2,}/.test(after);
}

/**
 * `a:b:c` whose parts are words, camelCase words or `{placeholders}` with a word's share of vowels. (A Telegram bot
 * token, `123456789:AAH…`, starts with digits; a `user:password` pair has a password part that is not a word.)
 */
function namespacedName(v: string): boolean {
  const parts = v.replace(/:$/, '').split(':');
  if (!parts.every((seg) => /^(?:[a-z][a-z_-]*|[a-z]+(?:[A-Z][a-z]+)+|\{\w+\})$/.test(seg))) return false;
  const letters = v.replace(/\{\w+\}|[^A-Za-z]/g, '');
  return (letters.match(/[aeiouy]/gi)?.length ?? 0) / Math.max(1, letters.length) >= 0.2;
}

/** Files whose values are literal strings by construction: env files, properties, INI, TOML, YAML, compose. */
const LITERAL_CONFIG = /(?:^|\/)\.env[^/]*$|\.(?:env|properties|ini|cfg|conf|cnf|toml|ya?ml|tfvars)$/i;

/** In program source only string literals count: `password = getPassword()` and `pwd = other` are expressions. */
function unquotedInCode(ctx: MatchContext): boolean {
  if (ctx.file.kind !== 'source' || /\.(?:md|mdx|rst|txt|adoc|html?|ya?ml|json|toml|ini|cfg|conf|properties|xml|env|sh|bash|mk|bat|cmd|ps1|sql|http|rsp|cnf)$|(?:^|\/)(?:Dockerfile[^/]*|Makefile|Vagrantfile)$/i.test(ctx.file.path))
    return false;
  // `"…?refreshToken=…&…"`, `'USER=jdoe\nPASS=…'`: a `name=value` pair inside a string literal is a literal too, and
  // so is whatever a comment says (`// password: hunter2`, `* …?access_token=…`).
  const at = ctx.valueAt;
  return !quoted(ctx) && !(ctx.line[at - 1] === '=' && insideStringLiteral(ctx.line, at)) && !inComment(ctx.line, at);
}

function inK8sSecretData(ctx: MatchContext): boolean {
  return /\.ya?ml$/i.test(ctx.file.path) && yamlParentKey(ctx) === 'data' && /^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(yamlDocumentOf(ctx));
}

/** A short or word-like value is a weak signal on its own; a long mixed one is a credential's shape. */
function baseConfidence(v: string, kind: 'password' | 'secret'): Confidence {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  if (kind === 'password') return v.length >= 8 && classes >= 2 ? 'medium' : 'low';
  return v.length >= 12 && classes >= 2 ? 'medium' : 'low';
}

function accepts(v: string, ctx: MatchContext, name: string | undefined): boolean {
  const kind = credentialNameKind(name);
  if (!kind) return false;
  if (v.length < (kind === 'password' ? 4 : 8)) return false;
  // Letters alone (lower-case, or capitalised as in prose) bound to a token, key or auth name: a mode or a label when it
  // reads as a word (`auth: basic`, `token="directory"`, `Credentials: Environment Variables`); a key when long or
  // unpronounceable (`OAUTH_KEY=utxxhuisokgmebl`). A shared secret or passphrase can be a word (`secret: 'srbbwtrbmrh'`).
  // Either way the confidence is low.
  if (kind === 'secret' && /^[A-Za-z][a-z]+$/.test(v)) {
    if (AUTH_SCHEME_OR_MODE.test(v)) return false;
    const vowels = (v.match(/[aeiouy]/gi)?.length ?? 0) / v.length;
    if (v.length < 16 && vowels >= 0.3 && !/(?:secret|phrase)$/i.test(name ?? '')) return false;
  }
  if (LOCALE_PATH.test(ctx.file.path)) return false;
  // Inside a template (`${DB_PASSWORD:root}`, `{{ default "x" .pw }}`) the value is the template's business.
  // (The last 200 characters before the value: an open template is near it, and a minified line stays cheap.)
  const at = ctx.valueAt;
  if (/\$\{[^}]*$|\{\{[^}]*$|%\([^)]*$/.test(ctx.line.slice(Math.max(0, at - 200), Math.max(0, at)))) return false;
  if (!quoted(ctx) && inComment(ctx.line, at) && commentProse(ctx.line.slice(at + v.length))) return false;
  return !structurallyNotSecret(v, ctx, kind, name) && !unquotedInCode(ctx) && !unquotedInHcl(v, ctx) && !inK8sSecretData(ctx);
}

function classifyAssigned(v: string, name: string | undefined) {
  const kind = credentialNameKind(name) ?? 'secret';
  const confidence = baseConfidence(v, kind);
  return {
    type: kind === 'password' ? 'password' : 'generic-secret',
    confidence,
    attributes: { variable: name ?? '', charset: charsetOf(v) },
    reasons: confidence === 'low' ? [kind === 'password' ? 'a short or single-class password' : 'a short or word-like value'] : [],
  };
}

const help = {
  why: 'A password or secret written next to the name that says what it is: anyone with the checkout can use it, and passwords in particular are reused across environments and services. A well-known default (`changeme`, `admin`) baked into a config or image is a weakness of its own.',
  fix: 'Rotate it where it is used and load it at run time from a secret store, CI secrets or the environment. If it is a test fixture, keep it obviously fake and out of production configs.',
  references: ['https://cwe.mitre.org/data/definitions/259.html', 'https://cwe.mitre.org/data/definitions/798.html'],
};

const NAME = String.raw`(?<![\w.$/@-])([\w.$-]{0,60}?(?:pass(?:word|wd|phrase)?|pwd|pw|secret|token|api[_-]?key|apikey|(?:private|access|secret|cipher|encryption|signing|master|app|client|consumer|session|account|storage|crypt|hmac|jwt|license)[_-]?key|auth|credentials?|creds)[\w.-]{0,30})(?:\\?["'\]\x60]){0,2}`;

// Every NAME match starts at the run of name characters holding one of these (`pwd` holds `pw`, `api_key` and
// `*_key` hold `key`, `credentials` and `creds` hold `cred`), at most 60 + 11 characters into it.
const NAME_ANCHOR = runStartAnchor(['pass', 'pw', 'secret', 'token', 'key', 'auth', 'cred'], /[\w.$-]/, 80);

function validateAssigned(v: string, ctx: MatchContext): boolean {
  const name = nameBefore(ctx.line, ctx.valueAt) ?? ctx.variable;
  // At most 200 characters before the value: the binding is next to it, and the end-anchored checks below stay cheap
  // on a minified line of megabytes.
  const at = ctx.valueAt;
  const before = ctx.line.slice(Math.max(0, at - 200), Math.max(0, at));
  // The space separator only binds in Dockerfile `ENV`/`ARG` lines; `(` only after a setter (`setPassword("…")`) or
  // a wrapper of a literal (`Some("…")`); `,` only in an environment lookup's default (`getenv("DB_PASSWORD", "…")`).
  if (!/[=:(,>][ \t]*\\?["'`]?$/.test(before) && !/^[ \t]*(?:ENV|ARG)[ \t]+[\w.-]+[ \t]+$/i.test(before)) return false;
  if (/\([ \t]*["'`]?$/.test(before) && !/(?:(?:^|[.\s])(?:set|with)_?[A-Za-z]*\(|[=:])[ \t]*(?:(?:Some|String|Optional\.of|SecretStr|str|(?:Base64\.)?(?:b64)?decode|base64Decode)\()?[ \t]*["'`]?$/i.test(before)) return false;
  if (/,[ \t]*["'`]?$/.test(before) && !/(?:getenv|environ\.get|env\.get|getProperty|fetch|ENV\.fetch|get)\([ \t]*["'][\w.-]+["'][ \t]*,[ \t]*["'`]?$/i.test(before)) return false;
  return accepts(v, ctx, name);
}

// Name: a run of identifier characters holding a secret word; separator `=`, `:`, `:=`, `=>`, `==`, `(`, `,`, or the
// space of Dockerfile `ENV NAME value`. Quoted values may hold any non-space character (`th;yx*q`, `Nr#6Y]h=B}`);
// unquoted ones stop at separators. Each part is bounded and linear.
export const assignedCredential: CredentialRule = {
  meta: {
    id: 'assigned-credential',
    title: 'Password or secret assigned to a credential name',
    severity: 'medium',
    summary: 'A literal password, secret, token or API key bound to a name that says so (config keys, ENV/ARG, keyword arguments, map literals, setters).',
    provider: 'generic',
    credentialType: 'password',
    help,
  },
  keywords: genericSecret.keywords,
  anchor: NAME_ANCHOR,
  pattern: new RegExp(String.raw`${NAME}[ \t]*(?::=|=>|===?|!=|=|:|\(|,)[ \t]*(?:(?:Some|String|Optional\.of|SecretStr|str|(?:Base64\.)?(?:b64)?decode|base64Decode)\()?\\?["'\x60]([^\s"'\x60\\]{3,200})\\?["'\x60]`, 'i'),
  secretGroup: 2,
  validate: validateAssigned,
  classify: (v, ctx) => classifyAssigned(v, nameBefore(ctx.line, ctx.valueAt) ?? ctx.variable),
  examples: {
    positive: [
      { text: 'trust_store_password = "Hq2v9xLp"\n', path: 'config/app.toml' },
      { text: 'client = Client(username="svc", password="uxxyn7Qa")\n', path: 'app/client.py' },
      { text: 'dataSource.setPassword("Vu2x0k5Hdt");\n', path: 'src/main/java/Db.java' },
      { text: 'const testPassword = "th;yxoc9re*qwos"\n', path: 'internal/auth/const.go' },
      { text: 'manager.setCipherKey(Base64.decode("9LcUwjPUMa6ILS9Kyccwji=="));\n', path: 'src/main/java/ShiroConfig.java' },
      { text: "AUTHKEY = 'lexdLMuwXBx='\n", path: 'k8s/lock.py' },
      { text: 'password = Some("pphxcv7"),\n', path: 'src/test/scala/SslTest.scala' },
      { text: "admin_password = os.environ.get('ADMIN_PASSWORD', 'iozoizp0')\n", path: 'scripts/jms-config.py' },
      { text: 'if (username == "svc") and (password == "pikit0awnd-zi"):\n', path: 'tests/test_client.py' },
      { text: '$config = ["API_TOKEN" => "Tz8pQ2vLm4Xw", "debug" => false];\n', path: 'config/app.php' },
      { text: 'const string testPassword = "zjycbjb298";\n', path: 'src/Auth.cs' },
      { text: 'app.config["MAILGUN_API_KEY"] = "wol-5603822800-altl"\n', path: 'app/settings.py' },
      { text: 'password: "qd-ywln"\n', path: 'internal/client.go' },
      // escaped JSON inside a string literal: a recorded response body
      { text: 'final String body = "{ \\"access_token\\":\\"B0024UANVHCD65B3NUWTNFSB\\", \\"expires_in\\": 3600 }";\n', path: 'src/test/java/TokenTest.java' },
      { text: "  secret: 'srbbwtrbmrh',\n", path: 'test/fixture.ts' },
    ],
    negative: [
      { text: 'password: ${DATASOURCE_PASSWORD:root123}\n', path: 'application.yml' },
      { text: 'password: {{ .Values.db.password }}\n', path: 'charts/app/templates/secret.yaml' },
      { text: 'password = get_password()\n', path: 'app/db.py' },
      { text: 'Password:        c.cfg.Password,\n', path: 'canal/canal.go' },
      { text: 'password: string;\n', path: 'types/index.d.ts' },
      { text: 'password: Password\n', path: 'config/locales/en.yml' },
      { text: 'api_token: <your-token>\n', path: 'config.yml' },
      { text: 'DB_PASSWORD=$DB_PASSWORD\n', path: 'start.sh' },
      { text: 'password_length: 12\n', path: 'config.yml' },
      { text: 'GITHUB_ORG_ID: 4815162342\n', path: 'config.yml' },
      { text: 'password: ""\n', path: 'config.yml' },
      { text: 'url = "https://example.com/?X-Amz-Signature=abc&password=%(pw)s"\n', path: 'app/s3.py' },
      { text: 'local password=$PASSWORD\n', path: 'configGrid.sh' },
      { text: 'message.password = PasswordStruct.decode(reader, reader.uint32());\n', path: 'src/account.ts' },
      { text: 'user.HashedPassword = hashedPassword\n', path: 'user/datasource.go' },
      { text: 'wjcplpsd2 = SetPasswordField(label=_("New Password"))\n', path: 'account/forms.py' },
      { text: 'token: secret\n', path: 'config.yml' },
      { text: '  "dependencies": {\n    "@medusajs/api-key": "workspace:^",\n    "@acme/auth-token": "^2.1.0"\n  }\n', path: 'package.json' },
      { text: ' * const token = "sk_a***yx"\n', path: 'src/utils.ts' },
      { text: '{"input_token":"ExclusiveStartShardId","output_token":"Shards[-1].ShardId"}\n', path: 'static/aws-sdk.js' },
      { text: "{ time: 59, token: '94287082' },\n", path: 'tests/data/rfc-6238.ts' },
      { text: 'const string expectedAccessToken = "NEW_LET_ME_IN";\n', path: 'src/OAuth2ClientTests.cs' },
      { text: 'RUN echo password is set\n', path: 'Dockerfile' },
      { text: "ok = provider.CheckUserPassword('john', 'Wr0ngPass1')\n", path: 'auth/provider_test.go' },
      { text: "err = errors.New({ password: 'Invalid Password' })\n", path: 'src/errors.js' },
      { text: 'oracle ALL=(ALL) NOPASSWD: ALL\n', path: 'etc/sudoers.d/oracle' },
      { text: 'update_password: on_create\n', path: 'roles/gitea/tasks/main.yml' },
      { text: 'vcs_password: Union[str, NotSet] = ...,\n', path: 'github/Repository.pyi' },
      { text: 'token: "00000000-0000-0000-0000-000000000000",\n', path: 'providers/dns/client.go' },
      { text: 'Passwd=`echo $line | cut -d" " -f2`\n', path: 'shell/users.sh' },
    ],
  },
};

export const assignedUnquoted: CredentialRule = {
  ...assignedCredential,
  meta: { ...assignedCredential.meta, id: 'assigned-credential-unquoted', title: 'Password or secret assigned to a credential name (unquoted)' },
  pattern: new RegExp(String.raw`${NAME}(?:[ \t]*(?::=|=>|=|:)[ \t]*|[ \t]+)([^\s"'\x60,;&(){}[\]<>\\]{3,200})`, 'i'),
  examples: {
    positive: [
      { text: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Tq8vLm2x\n', path: 'docker-compose.yml' },
      { text: 'services:\n  db:\n    environment:\n      - MYSQL_ROOT_PASSWORD=fwpbqtr9\n', path: 'docker-compose.yml' },
      { text: 'spring:\n  datasource:\n    password: k8Jw2mQz\n', path: 'src/main/resources/application.yml' },
      { text: '[database]\npassword = Zcuqcc_bc4\n', path: 'conf/app.ini' },
      { text: 'db.password=Spwukv_px5\n', path: 'src/main/resources/db.properties' },
      { text: 'FROM postgres:16\nENV POSTGRES_PASSWORD Vx7pQ2mn\n', path: 'Dockerfile' },
      { text: 'export DEPLOY_TOKEN=q7Vx2pLm9rTz\n', path: 'scripts/deploy.sh' },
      { text: 'POSTGRES_PASSWORD=changeme\n', path: 'docker/.env.db' },
      { text: 'canal:\n  password: 444145\n', path: 'conf/canal.yml' },
      { text: 'RECAPTCHA_SECRET_KEY=6Lc9xQ2vTz8pLm4XwAAAAB\n', path: '.env.example' },
      { text: 'curl -d username=svc -d password=jgakvyhx https://localhost:8000/login\n', path: 'scripts/login.sh' },
      // inside a string literal, though not right after its quote: a query string, an embedded env file
      { text: 'Get("http://localhost:5000/refresh?refreshToken=4685983cab0762edf2ef7be686ac2635&server=2");\n', path: 'test/UrlTests.cs' },
      { text: 'body = "oauth_token=ad7k65t8nmvekefz&oauth_token_secret=sbwp2929g6n6"\n', path: 'src/test/java/Oauth1Test.java' },
      // a comment is literal text: a commented-out config line, a URL in a doc comment
      { text: '//    password: ijdnukc_ogmv\n', path: 'middleware/basicauth/user.go' },
      { text: ' * https://api.example.org/users/getInfo?access_token=787.u01p12zf4319nw5cvqs0voyh257825i2\n', path: 'src/main/java/Client.java' },
    ],
    negative: [
      { text: 'body = "version=1.2&auth_user=svc&auth_pwd=%(pw)s&json=1"\n', path: 'app/client.py' },
      { text: 'max_tokens: 100000000\n', path: 'config.yml' },
      { text: 'const key = await revoke({ api_key: revokedKey })\n', path: 'docs/api-key.mdx' },
      { text: 'export GITROB_ACCESS_TOKEN=deadbeefdeadbeefdeadbeefdeadbeefdeadbeef\n', path: 'docs/gitrob.sh' },
      { text: 'password = Some(password)\n', path: 'src/Db.scala' },
      { text: 'auth: basic\n', path: 'config/proxy.yml' },
      // a capitalised word in prose: the name of a technique, not a value
      { text: '| Credential Access | T1552.001 | Unsecured Credentials: Environment Variables |\n', path: 'docs/ATTACK-MATRIX.md' },
      { text: 'url = base + "?token=" + token\n', path: 'src/client.py' },
      { text: '// token = getToken(session)\n', path: 'src/client.go' },
      { text: '# router names are namespaced (`auth:mobile-bearer.*`), so they never collide\n', path: 'backend/auth/users.py' },
      { text: '_INVITE_ADMIN_MIN_KEY = "ratelimit:invite_put:admin:{user_id}:min"\n', path: 'backend/rate_limit.py' },
      { text: '  SANDBOX_PROXY_CA_SECRET: "sandbox-proxy-ca"\n', path: '.github/workflows/k8s-tests.yml' },
    ],
  },
};

export const xmlElementCredential: CredentialRule = {
  meta: { ...assignedCredential.meta, id: 'assigned-credential-xml', title: 'Password or secret in an XML element', summary: 'A literal password or secret as the text of an XML element named for it (`<password>…</password>`).' },
  keywords: ['pass', 'pwd', 'secret', 'token', 'key'],
  anchor: runStartAnchor(['pass', 'pwd', 'secret', 'token', 'key'], /[\w.:-]/, 70, 1),
  pattern: /<([\w.:-]{0,60}(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey)[\w.:-]{0,30})>[ \t]*([^<>\s]{3,200})[ \t]*<\//i,
  secretGroup: 2,
  validate: (v, ctx) => accepts(v, ctx, /<([\w.:-]+)>[ \t]*$/.exec(ctx.line.slice(0, Math.max(0, ctx.valueAt)))?.[1]),
  classify: (v, ctx) => classifyAssigned(v, /<([\w.:-]+)>[ \t]*$/.exec(ctx.line.slice(0, Math.max(0, ctx.valueAt)))?.[1]),
  examples: {
    positive: [{ text: '<settings>\n  <server>\n    <password>Tq8vLm2x</password>\n  </server>\n</settings>\n', path: '.m2/settings.xml' }],
    negative: [{ text: '<password>${env.MAVEN_PASSWORD}</password>\n', path: '.m2/settings.xml' }, { text: '<secretName>db-credentials</secretName>\n', path: 'pom.xml' }],
  },
};

/** The name bound to the JSON object that holds position `at`: back to its `{`, over `": "`, then the name. */
function nameBeforeObject(line: string, at: number): string | undefined {
  let i = line.lastIndexOf('{', at);
  if (i < 0) return undefined;
  while (i > 0 && /[{"'`\\ \t:=]/.test(line[i - 1]!)) i--;
  const end = i;
  while (i > 0 && end - i < 100 && /[\w.$-]/.test(line[i - 1]!)) i--;
  return end > i ? line.slice(i, end) : undefined;
}

/**
 * A credential name whose value is a serialized JSON object (`"Apitoken": "{\"name\":\"root\",\"sig\":\"…\"}"`,
 * `AUTH_TOKEN='{"user":"svc","sig":"…"}'`): the name says the whole object is the credential, so its first
 * machine-generated string is the secret part even when the inner key does not say so. Words and short values
 * inside (`root`, ids) are not taken.
 */
export const jsonObjectCredential: CredentialRule = {
  meta: { ...assignedCredential.meta, id: 'assigned-credential-json', title: 'Credential serialized as JSON', summary: 'A JSON object written as the value of a credential name; its machine-generated string is the secret.' },
  // A serialized object opens with `{"` or, inside a string, `{\"`.
  keywords: ['{"', '{\\"'],
  anchor: NAME_ANCHOR,
  pattern: new RegExp(String.raw`${NAME}[ \t]*(?::|=)[ \t]*["'\x60]\{[^{}\n]{0,200}?\\?"([A-Za-z0-9+/=_.~-]{16,200})\\?"`, 'i'),
  secretGroup: 2,
  validate: (v, ctx) => credentialNameKind(nameBeforeObject(ctx.line, ctx.valueAt)) !== undefined && looksRandom(v, 16) && !notASecretValue(v, ctx),
  examples: {
    positive: [
      { text: '"Apitoken": "{\\"name\\":\\"root\\",\\"sig\\":\\"083d3127b13988f44a5c4017fe495906\\"}",\n', path: 'docs/api.json' },
      { text: 'var headers = {"Apitoken":"{\\"user\\": \\"svc\\", \\"sig\\": \\"48ls7h2mcq3777j46318911009b6ehy3\\"}"};\n', path: 'docs/api.html' },
    ],
    negative: [
      { text: '"Apitoken": "{\\"name\\":\\"root\\",\\"sig\\":\\"$SIG\\"}",\n', path: 'docs/api.json' },
      { text: 'const tokenShape = "{\\"name\\":\\"user-profile-cache-v2\\"}";\n', path: 'src/shape.ts' },
      { text: '"headers": "{\\"trace_id\\":\\"4bf92f3577b34da6a3ce929d0e0e4736\\"}"\n', path: 'fixtures/request.json' },
    ],
  },
};

export default [assignedCredential, assignedUnquoted, xmlElementCredential, jsonObjectCredential];
