// PyPI API tokens are macaroons: "pypi-" + base64url of a binary macaroon whose location is pypi.org (always
// encoding to AgEIcHlwaS5vcmc) or test.pypi.org (AgENdGVzdC5weXBpLm9yZw). Caveats are JSON: {"version": 1,
// "permissions": "user"} for account-wide tokens, {"permissions": {"projects": [...]}} or [1, [...]] for project-scoped.
// https://pypi.org/help/#apitoken  https://docs.pypi.org/api/secrets/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

/** Token scope read from the macaroon's JSON caveats. */
export function pypiScope(token: string): Record<string, string> {
  const raw = Buffer.from(token.slice(5), 'base64url').toString('latin1');
  const attributes: Record<string, string> = { index: raw.includes('test.pypi.org') ? 'test.pypi.org' : 'pypi.org' };
  const legacy = /"permissions"\s*:\s*\{\s*"projects"\s*:\s*\[([^\]]*)\]/.exec(raw)?.[1];
  const v1 = /\[1,\s*\[([^\]]*)\]\]/.exec(raw)?.[1];
  const projects = legacy ?? v1;
  if (projects !== undefined) {
    attributes.scope = 'project';
    attributes.projects = projects.replace(/["\s]/g, '');
  } else if (/"permissions"\s*:\s*"user"/.test(raw)) attributes.scope = 'user';
  else attributes.scope = 'unknown';
  return attributes;
}

export const pypiApiToken: CredentialRule = {
  meta: {
    id: 'pypi-api-token',
    title: 'PyPI API token',
    severity: 'high',
    summary: 'PyPI / TestPyPI API token (macaroon); attributes record whether it is account-wide or scoped to projects.',
    provider: 'pypi',
    credentialType: 'api-token',
    help: {
      why: 'A PyPI token uploads releases: an account-wide token can publish a malicious version of every project the user maintains; a project-scoped token, of those projects.',
      fix: 'Remove the token (PyPI → Account settings → API tokens), and publish from CI with Trusted Publishing (OIDC) instead of a stored token.',
      references: ['https://pypi.org/help/#apitoken', 'https://docs.pypi.org/trusted-publishers/', 'https://docs.pypi.org/api/secrets/'],
    },
  },
  keywords: ['pypi-ag'],
  pattern: /\b(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v, 4.5),
  classify: (v) => {
    const attributes = pypiScope(v);
    return { type: attributes.scope === 'project' ? 'project-token' : attributes.scope === 'user' ? 'account-token' : 'api-token', attributes };
  },
  examples: {
    positive: ['TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCIGU2M2RkMTIzZjE1MTc1NzA1ZjVlMjRjNGRkYTNhM2E1AAI9eyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogeyJwcm9qZWN0cyI6IFsiYWNtZS1iaWxsaW5nIl19fQAABiCTn13rKOm0GM6ZDie-bQedLy3CWMG-mGW7StEY0beSJA', '[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmcCIDc1MGIxZGMxMmU4ZTI0NDBhMjdiNTQ1NDAwNmM1M2ZmAAIleyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogInVzZXIifQAABiCB_bLt5QS9zEPwgT2Yd8nUpwjSKbYQfX5lCoqj5qtUgA', 'PYPI_TOKEN=pypi-AgEIcHlwaS5vcmcCIDg3ZTQ1ZDNmMjk0NWM3ODYxNzM0ZGU0M2NiZjlkMmVjAAIgWzEsWyJhY21lLWJpbGxpbmciLCJhY21lLWNvcmUiXV0AAhlbMCwxOTAwMDAwMDAwLDE3MDAwMDAwMDBdAAAGIOQYdEFsObnRfuvrJktl6LiApXdb1YP3qEYeVAnNjJPW'],
    negative: ['TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcshort', 'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc<your-token-here>'],
  },
};

export default [pypiApiToken];
