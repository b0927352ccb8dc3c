// Supabase keys. sbp_ + 40 hex: personal access token for the Management API (every organization and project of the
// user). sb_secret_ / sb_publishable_: the new project API keys (secret = bypasses Row Level Security; publishable =
// safe in browsers). Legacy project keys are HS256 JWTs with "iss": "supabase", the project "ref" and "role":
// service_role (bypasses RLS) or anon (public).
// https://supabase.com/docs/guides/api/api-keys  https://supabase.com/docs/reference/api/introduction
import type { CredentialRule } from '../../src/core/types.js';
import { decodeJwtPayload, highEntropy, jwtShaped, mixedAlnum } from './shared.js';

const JWT = /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(?![A-Za-z0-9_-])/;

const secretKeyHelp = {
  why: 'The service_role / secret key bypasses Row Level Security: it reads, changes and deletes every row of every table in the project, and manages Storage buckets and Auth users.',
  fix: 'Rotate the key (Project settings → API keys: create a new secret key and delete the old one; for the legacy JWT keys, rotate the JWT secret), and keep it server-side only — never in client bundles or NEXT_PUBLIC_/VITE_ variables.',
  references: ['https://supabase.com/docs/guides/api/api-keys', 'https://supabase.com/docs/guides/database/postgres/row-level-security'],
};

/** The project's JWT claims, when the token is a Supabase project key (not the local-development demo keys). */
function supabaseClaims(v: string): { role: string; ref?: string; exp?: number } | undefined {
  if (!jwtShaped(v, 20)) return undefined;
  const p = decodeJwtPayload(v);
  if (!p || p.iss !== 'supabase' || typeof p.role !== 'string') return undefined;
  return { role: p.role, ref: typeof p.ref === 'string' ? p.ref : undefined, exp: typeof p.exp === 'number' ? p.exp : undefined };
}

function jwtAttributes(v: string): Record<string, string> {
  const c = supabaseClaims(v)!;
  const attributes: Record<string, string> = { role: c.role };
  if (c.ref) attributes.ref = c.ref;
  if (c.exp) attributes.expires = new Date(c.exp * 1000).toISOString();
  return attributes;
}

const SERVICE = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImlpdXB2cG52dmlybXVwcGVhanR0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNTAwMDAwMCwiZXhwIjoyMDMwNTc2MDAwfQ.bDk-tdkRZs_zzskw-YVPTC84XGsr9oTPATVLibBdWQ5';
const ANON = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImlpdXB2cG52dmlybXVwcGVhanR0Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTUwMDAwMDAsImV4cCI6MjAzMDU3NjAwMH0.gDxnO6LF7XCRAItE1yQWZP_swzmh9OiUiV7vfZwQPxR';
const DEMO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.5X1In1ANxhKgfG3dd5N5WvqsFPPTD3Ti0jVqP7YnXFa';
const OTHER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0IiwibmFtZSI6IngiLCJpYXQiOjE3MTUwMDAwMDB9.0ytqkRYgeOpZGZvPv6eryOpDPqUrJF6nDUW2Mhzewvb';

export const supabaseServiceRoleKey: CredentialRule = {
  meta: {
    id: 'supabase-service-role-key',
    title: 'Supabase service_role key (JWT)',
    severity: 'critical',
    summary: 'Legacy Supabase project key JWT with role service_role: bypasses Row Level Security (attributes: role, ref).',
    provider: 'supabase',
    credentialType: 'service-role-key',
    help: secretKeyHelp,
  },
  keywords: ['eyj'],
  pattern: JWT,
  secretGroup: 1,
  validate: (v) => supabaseClaims(v)?.role === 'service_role',
  classify: (v) => ({ attributes: jwtAttributes(v) }),
  examples: {
    positive: [`SUPABASE_SERVICE_ROLE_KEY=${SERVICE}`],
    negative: [`SUPABASE_ANON_KEY=${ANON}`, `SERVICE_ROLE_KEY=${DEMO}`, `JWT=${OTHER}`],
  },
};

export const supabaseAnonKey: CredentialRule = {
  meta: {
    id: 'supabase-anon-key',
    title: 'Supabase anon key (JWT)',
    severity: 'info',
    summary: 'Legacy Supabase anon key JWT: public by design, safe only while Row Level Security protects every table.',
    provider: 'supabase',
    credentialType: 'anon-key',
    help: {
      why: 'The anon key is meant to ship to browsers; what it can do is exactly what Row Level Security policies allow the `anon` role. Tables without RLS are readable and writable by anyone holding it.',
      fix: 'No rotation needed by itself; make sure RLS is enabled with policies on every exposed table (Supabase\'s Security Advisor lists the gaps).',
      references: ['https://supabase.com/docs/guides/api/api-keys', 'https://supabase.com/docs/guides/database/database-advisors'],
    },
  },
  keywords: ['eyj'],
  pattern: JWT,
  secretGroup: 1,
  validate: (v) => supabaseClaims(v)?.role === 'anon',
  classify: (v) => ({ attributes: jwtAttributes(v) }),
  examples: {
    positive: [`NEXT_PUBLIC_SUPABASE_ANON_KEY=${ANON}`],
    negative: [`SUPABASE_SERVICE_ROLE_KEY=${SERVICE}`, `JWT=${OTHER}`],
  },
};

export const supabaseSecretKey: CredentialRule = {
  meta: {
    id: 'supabase-secret-key',
    title: 'Supabase secret API key',
    severity: 'critical',
    summary: 'Supabase project secret key (sb_secret_): elevated access that bypasses Row Level Security.',
    provider: 'supabase',
    credentialType: 'secret-key',
    help: secretKeyHelp,
  },
  keywords: ['sb_secret_'],
  pattern: /\b(sb_secret_[A-Za-z0-9_-]{31,36})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => mixedAlnum(v.slice(10)) && highEntropy(v.slice(10), 3.8),
  examples: {
    positive: ['SUPABASE_SECRET_KEY=sb_secret_AR0hMtf6KeCwYzwxKl0Dz8OWyHaVLiw'],
    negative: ['SUPABASE_SECRET_KEY=sb_secret_AR0hMtf6KeCwYzwx', 'SUPABASE_SECRET_KEY=sb_secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const supabasePublishableKey: CredentialRule = {
  meta: {
    id: 'supabase-publishable-key',
    title: 'Supabase publishable key',
    severity: 'info',
    summary: 'Supabase publishable key (sb_publishable_): public by design; reported for inventory, not as a leak.',
    provider: 'supabase',
    credentialType: 'publishable-key',
    help: {
      why: 'Publishable keys are meant for browsers and apps; they act as the `anon` role, so their reach is exactly what Row Level Security allows.',
      fix: 'Nothing to rotate; keep Row Level Security enabled with policies on every exposed table.',
      references: ['https://supabase.com/docs/guides/api/api-keys'],
    },
  },
  keywords: ['sb_publishable_'],
  pattern: /\b(sb_publishable_[A-Za-z0-9_-]{24,40})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(15), 3.5),
  examples: {
    positive: ['NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_ZkEMU8NX7gZmJOdgEWpHOW8KO-X5wJz'],
    negative: ['KEY=sb_publishable_ZkEMU8NX7g', 'KEY=sb_publishable_<your-key>'],
  },
};

export const supabaseAccessToken: CredentialRule = {
  meta: {
    id: 'supabase-personal-access-token',
    title: 'Supabase personal access token',
    severity: 'critical',
    summary: 'Supabase Management API personal access token (sbp_): every organization and project of its user.',
    provider: 'supabase',
    credentialType: 'personal-access-token',
    help: {
      why: 'A Supabase personal access token drives the Management API as its user: it can read every project\'s keys and database password, pause or delete projects, and restore over them — across every organization the user belongs to.',
      fix: 'Revoke the token (Account → Access tokens), and for CI use a token of a dedicated member limited to one organization.',
      references: ['https://supabase.com/docs/reference/api/introduction', 'https://supabase.com/dashboard/account/tokens'],
    },
  },
  keywords: ['sbp_'],
  pattern: /\b(sbp_[a-f0-9]{40})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(4), 3.3),
  examples: {
    positive: ['SUPABASE_ACCESS_TOKEN=sbp_eb61f31db075b19794e3dbfc2129751aca245795'],
    negative: ['SUPABASE_ACCESS_TOKEN=sbp_eb61f31db075b19794e3dbfc2129751aca24579', 'SUPABASE_ACCESS_TOKEN=sbp_EB61F31DB075B19794E3DBFC2129751ACA24579Z'],
  },
};

export default [supabaseAccessToken, supabaseSecretKey, supabaseServiceRoleKey, supabaseAnonKey, supabasePublishableKey];
