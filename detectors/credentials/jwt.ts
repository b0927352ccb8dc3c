// JSON Web Tokens and JWT signing secrets. https://www.rfc-editor.org/rfc/rfc7519  https://jwt.io/introduction
// A JWT is reported when it is bound to a secret-ish name or sent in an Authorization header; its header must decode
// to JSON with an `alg`, and its claims (iss, sub, aud, role, exp) become attributes. Supabase keys (iss "supabase")
// are left to the Supabase rule. Signing secrets are the values of JWT_SECRET, SECRET_KEY_BASE, NEXTAUTH_SECRET,
// Django/Flask SECRET_KEY, Laravel APP_KEY and similar, when they look machine-generated.
import type { CredentialRule, Match, MatchContext } from '../../src/core/types.js';
import { nameWords } from '../../src/core/text.js';
import { boundValueAnchor } from './anchors.js';
import { BOUND_VALUE, decodeJwtHeader, decodeJwtPayload, isDocumentedExample, isSecretName, looksRandom } from './shared.js';

const TOKEN_NAME = /jwt|token|bearer|auth|session|cookie|secret|key|credential|password|access|refresh|id[-_]?token/i;

function jwtParts(v: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const header = decodeJwtHeader(v);
  const claims = decodeJwtPayload(v);
  return header && claims ? { header, claims } : undefined;
}

function jwtContext(ctx: MatchContext): boolean {
  if (isSecretName(ctx.variable) || TOKEN_NAME.test(ctx.variable ?? '')) return true;
  return /authorization|bearer|x-api-key|x-auth-token|cookie/i.test(ctx.line);
}

const claimText = (x: unknown): string | undefined =>
  typeof x === 'string' ? x.slice(0, 200) : Array.isArray(x) ? x.filter((s) => typeof s === 'string').join(',').slice(0, 200) : undefined;

export const jwtToken: CredentialRule = {
  meta: {
    id: 'jwt-token',
    title: 'JSON Web Token',
    severity: 'medium',
    summary: 'A signed JWT bound to a token/secret name or sent in an Authorization header; claims decoded into attributes.',
    provider: 'jwt',
    credentialType: 'jwt',
    help: {
      why: 'A JWT is a bearer credential: anyone holding it is the subject it names, with the roles and audience it carries, until it expires. Long-lived service tokens (no `exp`, or years away) are as good as passwords.',
      fix: 'Revoke or rotate what issued it (the signing key, the service account, or the API key it stands for), prefer short-lived tokens fetched at runtime, and keep tokens in a secret store.',
      references: ['https://www.rfc-editor.org/rfc/rfc7519', 'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html'],
    },
  },
  keywords: ['eyj'],
  pattern: /(?<![\w.-])(eyJ[A-Za-z0-9_-]{8,4000}\.ey[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,2000})(?![\w.-])/,
  secretGroup: 1,
  // Any token whose header and claims decode is reported; bound to a token name or sent in a header it is certain,
  // elsewhere (a README, a fixture) medium, and an unsigned one (`alg: none`) low — a server that accepts it is the bug.
  validate: (v) => {
    const p = jwtParts(v);
    return !!p && p.header.alg !== undefined && p.claims.iss !== 'supabase';
  },
  classify: (v, ctx): Partial<Match> | undefined => {
    const p = jwtParts(v);
    if (!p) return undefined;
    const unsigned = String(p.header.alg).toLowerCase() === 'none';
    const confidence = unsigned ? 'low' : jwtContext(ctx) ? undefined : 'medium';
    const attributes: Record<string, string> = { alg: String(p.header.alg) };
    for (const k of ['iss', 'sub', 'aud', 'role', 'scope', 'azp'] as const) {
      const t = claimText(p.claims[k]);
      if (t) attributes[k] = t;
    }
    if (typeof p.claims.exp === 'number') {
      attributes.exp = new Date(p.claims.exp * 1000).toISOString();
      attributes.expired = String(p.claims.exp * 1000 < Date.now());
    } else attributes.exp = 'none';
    if (unsigned) attributes.unsigned = 'alg none: no signature, anyone can forge it';
    return confidence ? { attributes, confidence } : { attributes };
  },
  examples: {
    positive: [
      // {"alg":"HS256","typ":"JWT"} . {"iss":"https://auth.acme.dev","sub":"svc-deployer","role":"admin","exp":4102444800}
      'API_TOKEN=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS5kZXYiLCJzdWIiOiJzdmMtZGVwbG95ZXIiLCJyb2xlIjoiYWRtaW4iLCJleHAiOjQxMDI0NDQ4MDB9.8FnmiXA4uM7k-9s1t__KE19Bn5cBUSWDsDZzd_EwZSd',
      // not bound to a secret-ish name: still a token (medium)
      'FIXTURE_ID=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS5kZXYiLCJzdWIiOiJzdmMtZGVwbG95ZXIiLCJyb2xlIjoiYWRtaW4iLCJleHAiOjQxMDI0NDQ4MDB9.2P-g39klb0AE9cWdsfNy3hnnWTT7coEZoJ2XDqftuFR',
      "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS5kZXYiLCJzdWIiOiJzdmMtZGVwbG95ZXIiLCJyb2xlIjoiYWRtaW4iLCJleHAiOjQxMDI0NDQ4MDB9.z8gEzsYno5ObUTyGWGlCI0Zk6HRviuCVEBBEVT2aTGW' https://api.acme.dev",
    ],
    negative: [
      // header is not JSON with alg
      'TOKEN=eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiJ4In0.eEODxzoCyE7kdF9MJZbQjHzdnae3vDyyAltzod1uxeO',
      // Supabase keys belong to the Supabase rule: {"iss":"supabase","ref":"qwertyuioplmkjnhb","role":"anon"}
      'AUTH_TOKEN=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3ZXJ0eXVpb3BsbWtqbmhiIiwicm9sZSI6ImFub24ifQ.BCgcvFfUx9Zc6iM3_va3oj_LJqfV8cVvd0nrEAm4z5B',
    ],
  },
};

// `secret key` and `app key` alone are Django/Flask and Laravel; with another prefix (`STRIPE_SECRET_KEY`,
// `AWS_SECRET_KEY`) they are some provider's key, not a signing secret.
// Every alternative holds `secret` or `key`, which the validation checks first on the name's line (nameScope).
const SIGNING_NAME =
  /(?:^| )(?:jwt(?: signing)? (?:secret|key)(?: key| base64)?|jwt signing key|jws secret|secret key base|next ?auth secret|auth secret|session secret|cookie secret|token secret|signing secret|hmac secret)$|^(?:(?:django|flask|app|rails|site|session|jwt|web) )?secret key$|^(?:laravel )?app key$/;
const PROVIDER_PREFIX = /^(?:sk|pk|rk)_(?:live|test)_|^(?:sk|xox[a-z]|gh[pousr]|glpat|AKIA|ASIA)[-_]/;

const framework = (name: string): string => {
  const n = nameWords(name);
  if (/secret key base/.test(n)) return 'rails';
  if (/next ?auth|^auth secret/.test(n)) return 'authjs';
  if (/^app key$/.test(n)) return 'laravel';
  if (/^(?:django )?secret key$/.test(n)) return 'django-or-flask';
  if (/session|cookie/.test(n)) return 'session';
  return 'jwt';
};

export const jwtSigningSecret: CredentialRule = {
  meta: {
    id: 'jwt-signing-secret',
    title: 'JWT / session signing secret',
    severity: 'high',
    summary: 'Signing secret for JWTs or sessions (JWT_SECRET, SECRET_KEY_BASE, NEXTAUTH_SECRET, SECRET_KEY, APP_KEY…).',
    provider: 'jwt',
    credentialType: 'signing-secret',
    help: {
      why: 'Whoever has the signing secret can mint tokens and session cookies the application trusts — for any user, including admins — without a password. Rails, Django and Laravel also use it to encrypt or sign other data.',
      fix: 'Generate a new secret (e.g. `openssl rand -base64 48`), deploy it from a secret store (existing sessions are invalidated), and remove the old value from the repository and its history.',
      references: [
        'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html',
        'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
        'https://guides.rubyonrails.org/security.html#custom-credentials',
        'https://authjs.dev/getting-started/deployment#auth_secret',
      ],
    },
  },
  keywords: ['jwt', 'secret_key', 'secretkey', 'secret-key', 'nextauth', 'auth_secret', 'session_secret', 'cookie_secret', 'app_key', 'signing', 'token_secret', 'hmac'],
  pattern: BOUND_VALUE,
  anchor: boundValueAnchor,
  secretGroup: 2,
  // The value's shape and the text before it on its line come first (they reject almost every candidate); the
  // variable last: it can cost the engine a parse of the file.
  validate: (v, ctx) =>
    looksRandom(v.replace(/^base64:/, ''), 16) &&
    (ctx.nameScope === undefined || /secret|key/i.test(ctx.nameScope)) &&
    !PROVIDER_PREFIX.test(v) &&
    !isDocumentedExample(v) &&
    !!ctx.variable &&
    SIGNING_NAME.test(nameWords(ctx.variable)),
  classify: (v, ctx) => ({
    attributes: { framework: framework(ctx.variable ?? ''), ...(v.startsWith('django-insecure-') ? { insecureDefault: 'true' } : {}) },
  }),
  examples: {
    positive: [
      { text: 'JWT_SECRET=slM+iSTIir1YP2CmTsVgZJiN86dR9wzXBbVymU5ElLVDcnTD', path: '.env' },
      "SECRET_KEY = 'django-insecure-Km9gUMz37Ngtia-31XfmSf1tqdFlBmZjEqAv-KLG'",
      { text: 'APP_KEY=base64:S9PmaEjqLHpsvsTXm+7kHt1eZexsu7QPzhwL7gOhxNg=', path: '.env.production' },
      'const jwtSecret = "LAB1elaeUFBUk4w8KrcoHe9TY3Lux5NjzSeiaibd";',
    ],
    negative: [
      { text: 'JWT_SECRET=changeme', path: '.env' },
      'JWT_SECRET_NAME=6dvPdbb1SYCy4HdmvZNt0vvtkAnY9PkNqimL3lMI',
      { text: 'NEXTAUTH_SECRET=${NEXTAUTH_SECRET}', path: '.env' },
      // another provider's secret key, here Stripe's documented test key
      { text: 'STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc', path: '.env.test' },
    ],
  },
};

export default [jwtToken, jwtSigningSecret];
