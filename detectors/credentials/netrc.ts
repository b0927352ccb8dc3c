// `.netrc` / `_netrc` entries: `machine <host> login <user> password <secret>` (one line or several).
// https://everything.curl.dev/usingcurl/netrc  https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { isPlaceholderPassword } from './shared.js';

const isNetrc = (ctx: MatchContext) => /(?:^|\/)[._]netrc$/i.test(ctx.file.path) || /\bmachine[ \t]+\S+/.test(ctx.window);

export const netrcPassword: CredentialRule = {
  meta: {
    id: 'netrc-password',
    title: 'Password in .netrc',
    severity: 'high',
    summary: '`machine … password …` entry in a .netrc file (curl, git, ftp, Heroku CLI).',
    provider: 'netrc',
    credentialType: 'password',
    help: {
      why: '.netrc passwords are used automatically by curl, git, ftp and several CLIs for their host — often an API token for a platform (Heroku, GitHub, a private registry) with the owner\'s full rights.',
      fix: 'Revoke the password or token on the host, keep .netrc only in the home directory with mode 600 (never in a repository), or switch to a credential helper.',
      references: ['https://everything.curl.dev/usingcurl/netrc', 'https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html'],
    },
  },
  keywords: ['machine'],
  pattern: /(?<![\w-])password[ \t]+(\S{4,1000})/,
  secretGroup: 1,
  validate: (v, ctx) => isNetrc(ctx) && !isPlaceholderPassword(v),
  classify: (_v, ctx) => {
    const hosts = [...ctx.window.matchAll(/\bmachine[ \t]+(\S+)/g)];
    return { attributes: { host: hosts.length ? hosts[hosts.length - 1]![1]! : 'unknown' } };
  },
  examples: {
    positive: [{ text: 'machine files.acme-corp.io\n  login ops@acme-corp.io\n  password Jf1U0GkT6BbNuNAkgzV6hFa7krcU\n', path: '.netrc' }, { text: 'machine git.acme-corp.io login ci password 1ucKXONquOtPurkZ6FRD', path: '_netrc' }],
    negative: [{ text: 'machine git.acme-corp.io login ci password $GIT_PASSWORD', path: '.netrc' }, 'Reset your password here.'],
  },
};

export default [netrcPassword];
