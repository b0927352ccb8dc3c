// Turso (libSQL) auth tokens are EdDSA JWTs with no issuer; the `a` claim is the access level ("rw" full, "ro" read
// only) and `id` the database (or group) they are for. Recognised by Turso/libSQL context: a TURSO/LIBSQL-named
// variable, a libsql:// URL or the turso keyword nearby. https://docs.turso.tech/sdk/authentication
import type { CredentialRule } from '../../src/core/types.js';
import { decodeJwtPayload, jwtShaped, providerSecretContext } from './shared.js';

export const tursoAuthToken: CredentialRule = {
  meta: {
    id: 'turso-auth-token',
    title: 'Turso database auth token',
    severity: 'high',
    summary: 'Turso / libSQL database or group auth token (JWT); attributes.access is read-write or read-only from its `a` claim.',
    provider: 'turso',
    credentialType: 'database-token',
    help: {
      why: 'A full-access ("rw") Turso token runs any SQL on the database or every database of its group, including DROP TABLE; tokens without an expiry stay valid until the database\'s tokens are invalidated.',
      fix: 'Invalidate the database\'s tokens (`turso db tokens invalidate <db>`), create replacements with `--expiration` and `--read-only` where possible, and keep them in a secret store.',
      references: ['https://docs.turso.tech/sdk/authentication', 'https://docs.turso.tech/cli/db/tokens/create', 'https://docs.turso.tech/cli/db/tokens/invalidate'],
    },
  },
  keywords: ['turso', 'libsql'],
  pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v, ctx) => {
    const p = jwtShaped(v, 40) ? decodeJwtPayload(v) : undefined;
    if (!p || p.iss === 'supabase') return false;
    return providerSecretContext(ctx, /turso|libsql/i, /token|auth|secret|key/i) || /authToken=/.test(ctx.line);
  },
  classify: (v) => {
    const p = decodeJwtPayload(v)!;
    const attributes: Record<string, string> = {};
    if (p.a === 'rw') attributes.access = 'read-write';
    else if (p.a === 'ro') attributes.access = 'read-only';
    if (typeof p.id === 'string') attributes.databaseId = p.id;
    if (typeof p.exp === 'number') attributes.expires = new Date(p.exp * 1000).toISOString();
    else attributes.expires = 'never';
    return { type: p.a === 'ro' ? 'database-readonly-token' : 'database-token', attributes };
  },
  examples: {
    positive: [
      'TURSO_DATABASE_URL=libsql://orders-acme.turso.io\nTURSO_AUTH_TOKEN=eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJhIjoicnciLCJpYXQiOjE3MTUwMDAwMDAsImlkIjoiYWE3ZmVjMmMtOWE4Mi00MDBiLWE4MDYtNWU2ODc2NDVlYmEwIiwicmlkIjoiMDA3NmEyMGItMmY1OS00MDU0LThhNDAtM2FhYjI1YjBjNmMwIn0._4SzRO4Hfd2ymVYaNhxcVZrqVW1L5HTCJAizEFpFYewtOclHyTK008W_5EK8Mp6btvNpbQLPjpO311VChnCv7l',
      "const db = createClient({ url: 'libsql://orders-acme.turso.io', authToken: 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJhIjoicm8iLCJpYXQiOjE3MTUwMDAwMDAsImlkIjoiNGUzYTU2ZTktODU5Ni00NWJkLWI5NTEtYzMyNjJlOTYyZDYzIn0.fLepm4usyvUBAhJsw7JMiXyExuyh2DRBtt-H0AmUKuDOmA2rlXlJ0ImFV6IypiG74_9Vs-GJm_FnZx7wX9pKTX' });",
    ],
    negative: ['SESSION_JWT=eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJhIjoicnciLCJpYXQiOjE3MTUwMDAwMDAsImlkIjoiYWE3ZmVjMmMtOWE4Mi00MDBiLWE4MDYtNWU2ODc2NDVlYmEwIiwicmlkIjoiMDA3NmEyMGItMmY1OS00MDU0LThhNDAtM2FhYjI1YjBjNmMwIn0._4SzRO4Hfd2ymVYaNhxcVZrqVW1L5HTCJAizEFpFYewtOclHyTK008W_5EK8Mp6btvNpbQLPjpO311VChnCv7l', 'TURSO_AUTH_TOKEN=eyJhbGciOiJFZERTQSJ9.eyJhIjoicnci.short'],
  },
};

export default [tursoAuthToken];
