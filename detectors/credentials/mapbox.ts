// Mapbox secret (sk.) and temporary (tk.) access tokens: `sk.` + base64url JSON ({"u":user,"a":token id}) + `.` + 22
// characters. Public `pk.` tokens are meant for browsers and are not reported.
// https://docs.mapbox.com/accounts/guides/tokens/  https://docs.mapbox.com/api/accounts/tokens/
import type { CredentialRule } from '../../src/core/types.js';
import { decodeBase64 } from './shared.js';

const claims = (v: string): Record<string, unknown> | undefined => {
  try {
    const p: unknown = JSON.parse(decodeBase64(v.split('.')[1] ?? '') ?? '');
    return p && typeof p === 'object' ? (p as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export const mapboxSecretToken: CredentialRule = {
  meta: {
    id: 'mapbox-secret-token',
    title: 'Mapbox secret access token',
    severity: 'high',
    summary: 'Mapbox secret (sk.) or temporary (tk.) access token with secret scopes.',
    provider: 'mapbox',
    credentialType: 'secret-token',
    help: {
      why: 'A Mapbox secret token carries secret scopes such as uploads, dataset and style writes, and token management: it can overwrite or delete tilesets and styles and mint new tokens billed to the account.',
      fix: 'Delete the token at account.mapbox.com/access-tokens, create one with the fewest scopes, and keep it in a secret store; browsers only need pk. tokens with URL restrictions.',
      references: ['https://docs.mapbox.com/accounts/guides/tokens/', 'https://docs.mapbox.com/api/accounts/tokens/'],
    },
  },
  keywords: ['sk.eyj', 'tk.eyj'],
  pattern: /(?<![\w.-])([st]k\.eyJ[A-Za-z0-9_-]{10,300}\.[A-Za-z0-9_-]{20,40})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => typeof claims(v)?.u === 'string',
  classify: (v) => ({ type: v.startsWith('tk.') ? 'temporary-token' : 'secret-token', attributes: { user: String(claims(v)?.u ?? '') } }),
  examples: {
    positive: ['MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNscXo4dDFwMjBiN2Eya3BkZDhmdnQ0MmIifQ.myVt1sOgN7Zgka6M6HDVpz'],
    negative: ['MAPBOX_TOKEN=pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNscXo4dDFwMjBiN2Eya3BkZDhmdnQ0MmIifQ.D8QEk0cHr_loGMro0S2Dx8', 'sk.eyJX201zzzUjqPDGfiM2MLNUwpt7MOwk-.tmwFcq6Xe0-U7D24oI0glP'],
  },
};

export default [mapboxSecretToken];
