// 1Password service account tokens: ops_ + base64url JSON holding the sign-in address, the account's secret key and
// the SRP material — everything needed to sign in. https://developer.1password.com/docs/service-accounts/
import type { CredentialRule } from '../../src/core/types.js';

function payload(v: string): Record<string, unknown> | undefined {
  try {
    const o: unknown = JSON.parse(Buffer.from(v.slice(4), 'base64url').toString('utf8'));
    return o && typeof o === 'object' ? (o as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const onepasswordServiceAccountToken: CredentialRule = {
  meta: {
    id: '1password-service-account-token',
    title: '1Password service account token',
    severity: 'critical',
    summary: '1Password service account token (ops_ prefix): reads, and where granted writes, the vaults it was given.',
    provider: '1password',
    credentialType: 'service-account-token',
    help: {
      why: 'A service account token signs in to 1Password as the service account: every item in the vaults it can access — usually the credentials for production systems — is readable, and writable where granted.',
      fix: 'Revoke the token (1Password.com → Developer → Service accounts), rotate the items in the vaults it could read, and grant replacements read-only access to the fewest vaults.',
      references: ['https://developer.1password.com/docs/service-accounts/', 'https://developer.1password.com/docs/service-accounts/manage-service-accounts/'],
    },
  },
  keywords: ['ops_ey'],
  pattern: /\b(ops_eyJ[A-Za-z0-9_-]{100,4000}={0,2})(?![A-Za-z0-9_=-])/,
  secretGroup: 1,
  validate: (v) => {
    const p = payload(v);
    return !!p && (typeof p.signInAddress === 'string' || typeof p.secretKey === 'string');
  },
  classify: (v) => {
    const p = payload(v)!;
    const attributes: Record<string, string> = {};
    if (typeof p.signInAddress === 'string') attributes.signInAddress = p.signInAddress;
    if (typeof p.email === 'string') attributes.serviceAccount = p.email;
    return { attributes };
  },
  examples: {
    positive: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0Ijoiel9WeERQV0I3U196WTVLSjlTQ3JtSSJ9LCJlbWFpbCI6Im53aTNkc3V5MG9jYUAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6IjMwMGY2ZTA1ZmRmOWVlNTdiMTZlZjcyNzQwOTFhNmZhNWExZjgyMzcyODUwMGQ0N2UyY2YyMDFkMjA0YmM3NTUiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6ImZDdWMzcUwya1doTV9wdk1lSWktZnl4aUFMM2RQY2UzM1FBUWRkWXdwSmciLCJrZXlfb3BzIjpbImVuY3J5cHQiLCJkZWNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLVFNVlJPQi1XUFpDT1ctR1g5V0MtWUFQU0QtVlBKUDctTk9DV0oiLCJ0aHJvdHRsZVNlY3JldCI6eyJzZWVkIjoiNTIyYWVhNjVlNDk2Yzg2Zjg5ZjEyMjlmYTA2NTRmNTFhYjkyM2RhODIwYWQ5YTIyYmM4MWQ5N2E2NmZlNWM1MiIsImRldmljZVV1aWQiOiJkMjZiazc2OHBiNnN3ZHo3cnc0c2lyczlnaSJ9LCJkZXZpY2VVdWlkIjoiMXg1NXlhOXZ5NmJjbGVqdjdweTI4NnRhYzMifQ'],
    negative: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJub3QiOiJhIHRva2VuIn0', 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ7ZTm9wqQn2xsVv8Lh3uKbc0pA1dRf5gY6tZjE4iMwO9yNlUaXrHsBkCeFDqGvW3TIJoP2mZ7xLyQ8nRb1cVhKdS4fJgE6uMwA0tYpN5iOsXl9zBrC3eHDqFa2GvU7jTkWm8ZQ1nLxR6yPcS4dbVoK0hIgE5fJtMwN9uAsY3lXqOz2pBrC7eD'],
  },
};

export default [onepasswordServiceAccountToken];
