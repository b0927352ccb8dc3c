// Registry credentials in `.npmrc` (and `.yarnrc.yml`): `//host/:_authToken=…` bearer tokens, `_auth=` base64
// `user:password`, and `_password=` base64 passwords. npm's own `npm_` tokens are the npm rule's; this covers legacy
// npm tokens (UUIDs) and other registries (Artifactory, Nexus, Azure Artifacts, GitLab, private Verdaccio…).
// https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration  https://yarnpkg.com/configuration/yarnrc#npmAuthToken
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { decodeBase64, hasControlChars, isPlaceholderPassword, looksRandom } from './shared.js';

const help = {
  why: 'A registry credential publishes packages as its owner: a new version of any package they maintain reaches everyone who installs it. Read tokens expose private packages.',
  fix: 'Revoke the token on the registry (npm: `npm token revoke`, or the registry\'s access-token page), use `${NPM_TOKEN}` in `.npmrc` with the value from a CI secret, and prefer granular or OIDC trusted-publishing tokens.',
  references: ['https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration', 'https://docs.npmjs.com/about-access-tokens'],
};

const registryOf = (ctx: MatchContext): string => /\/\/([^/:\s]+)/.exec(ctx.line)?.[1] ?? 'default';

export const npmrcAuthToken: CredentialRule = {
  meta: { id: 'npmrc-auth-token', title: 'Registry auth token in .npmrc', severity: 'high', summary: '`_authToken=` / `npmAuthToken:` registry token (not npm_ tokens, which the npm rule reports).', provider: 'npm-registry', credentialType: 'auth-token', help },
  keywords: ['_authtoken', 'npmauthtoken'],
  pattern: /(?<![\w-])(?:_authToken|npmAuthToken)["']?[ \t]*[=:][ \t]*["']?([^\s"'#;]{8,1000})/,
  secretGroup: 1,
  validate: (v) => !v.startsWith('npm_') && !v.startsWith('$') && looksRandom(v, 16),
  classify: (_v, ctx) => ({ attributes: { registry: registryOf(ctx) } }),
  examples: {
    positive: [
      { text: '//npm.pkg.acme-corp.io/:_authToken=ik67eTrA8D1L3We3g9N6JFmv84d6YkzBgvlVM97u2veU403B', path: '.npmrc' },
      { text: 'npmRegistries:\n  "https://artifactory.acme-corp.io/api/npm/npm/":\n    npmAuthToken: "ZwrYG/w0xCL51FQElYwAgFqY18gAFksvoW5ssEWaA0pW7nd18N1sASzbEQC8hae0"', path: '.yarnrc.yml' },
    ],
    negative: [
      { text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', path: '.npmrc' },
      { text: '//registry.npmjs.org/:_authToken=npm_G7VziTIyfrYAk7sIHwAWI2hdauSmCKvhZ8dI', path: '.npmrc' },
    ],
  },
};

function decodedAuth(v: string): { user: string; password: string } | undefined {
  const d = decodeBase64(v);
  const i = d?.indexOf(':') ?? -1;
  if (!d || i < 1 || hasControlChars(d)) return undefined;
  const password = d.slice(i + 1);
  return isPlaceholderPassword(password) ? undefined : { user: d.slice(0, i), password };
}

export const npmrcBasicAuth: CredentialRule = {
  meta: { id: 'npmrc-basic-auth', title: 'Registry basic auth in .npmrc', severity: 'high', summary: '`_auth=` base64 user:password registry credential.', provider: 'npm-registry', credentialType: 'basic-auth', help },
  keywords: ['_auth'],
  pattern: /(?<![\w-])_auth[ \t]*=[ \t]*["']?([A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])/,
  secretGroup: 1,
  validate: (v) => decodedAuth(v) !== undefined,
  classify: (v, ctx) => ({ attributes: { registry: registryOf(ctx), user: decodedAuth(v)?.user ?? '' } }),
  examples: {
    positive: [{ text: '//nexus.acme-corp.io/repository/npm/:_auth=Y2ktYm90OjdRcTJ4THo5bVJ2NFduOEtwM3NU', path: '.npmrc' }],
    negative: [{ text: '_auth=dXNlcjpwYXNzd29yZA==', path: '.npmrc' }, { text: '_auth=${NPM_AUTH}', path: '.npmrc' }],
  },
};

export const npmrcPassword: CredentialRule = {
  meta: { id: 'npmrc-password', title: 'Registry password in .npmrc', severity: 'high', summary: '`_password=` base64 registry password (with `username=`).', provider: 'npm-registry', credentialType: 'password', help },
  keywords: ['_password'],
  pattern: /(?<![\w-])_password[ \t]*=[ \t]*["']?([A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])/,
  secretGroup: 1,
  validate: (v) => {
    const d = decodeBase64(v);
    return !!d && !hasControlChars(d) && !isPlaceholderPassword(d) && d.length >= 6;
  },
  classify: (_v, ctx) => ({ attributes: { registry: registryOf(ctx) } }),
  examples: {
    positive: [{ text: '//nexus.acme-corp.io/repository/npm/:username=ci-bot\n//nexus.acme-corp.io/repository/npm/:_password=N3FRMnhMejltUnY0V244S3Az', path: '.npmrc' }],
    negative: [{ text: '_password=cGFzc3dvcmQ=', path: '.npmrc' }, { text: '_password=${NPM_PASSWORD}', path: '.npmrc' }],
  },
};

export default [npmrcAuthToken, npmrcBasicAuth, npmrcPassword];
