// URLs with inline credentials for any scheme the connection-URL rules do not own: http(s), ftp(s), sftp, smtp(s),
// ldap(s), git, ssh, nats, mqtt, ws(s), and any other `scheme://user:password@host`. Database and broker schemes with a
// rule of their own (postgres, mysql, mongodb, redis, amqp…) come earlier in the rule order and win the same text.
// The credential is `scheme://user:password@host[:port]` — the path and query are left out so the same credential used
// for several endpoints is one credential. Placeholders (`user:${PASS}`, `user:password`, `<password>`) are skipped.
// https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1 (and its warning against user:password in URIs)
import type { CredentialRule } from '../../src/core/types.js';
import { runStartAnchor } from './anchors.js';
import { connectionAttributes, isPlaceholderPassword, parseConnectionUrl } from './shared.js';

const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost\.localdomain)$/i;
const EXAMPLE_PAIR = /^(?:user(?:name)?|admin|login|me|foo|john|jane|name):(?:pass(?:word)?|secret|foo|bar|pw|pwd|password123|admin)$/i;

function parsed(v: string) {
  const url = parseConnectionUrl(v);
  if (!url || !url.host || !url.password) return undefined;
  if (isPlaceholderPassword(url.password) || EXAMPLE_HOST.test(url.host)) return undefined;
  if (EXAMPLE_PAIR.test(`${url.user}:${url.password}`)) return undefined;
  return url;
}

export const basicAuthUrl: CredentialRule = {
  meta: {
    id: 'url-basic-auth',
    title: 'URL with inline credentials',
    severity: 'high',
    summary: 'A URL of any scheme with user:password@ (http, ftp, smtp, ldap, git, nats, mqtt…; databases have their own rules).',
    provider: 'url',
    credentialType: 'basic-auth-url',
    help: {
      why: 'A password embedded in a URL travels with it: into logs, shell history, browser history, error messages and every copy of the file. It grants whatever the account can do on that host — often a registry, a git server, an SMTP relay or an internal API.',
      fix: 'Change the password (or revoke the token) on the host, and pass credentials separately — a credential helper, a `.netrc` outside the repository, or environment variables from a secret store.',
      references: ['https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1', 'https://cwe.mitre.org/data/definitions/798.html'],
    },
  },
  keywords: ['://'],
  // The scheme is the run of scheme characters just before `://`, at most 31 of them.
  anchor: runStartAnchor(['://'], /[A-Za-z0-9+.-]/, 31),
  // `?` and `#` end the authority (RFC 3986 §3.2), so they never belong to the user or password.
  pattern: /(?<![\w+.-])([a-z][a-z0-9+.-]{1,30}:\/\/[^\s:/@"'<>`\\?#]{0,128}:[^\s@/"'<>`\\?#]{1,256}@[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?)(?![A-Za-z0-9.-])/i,
  secretGroup: 1,
  validate: (v) => parsed(v) !== undefined,
  classify: (v) => {
    const url = parsed(v);
    return url ? { attributes: connectionAttributes(url) } : undefined;
  },
  examples: {
    positive: [
      'REGISTRY_URL=https://ci-bot:tRewyieFcOJCMnPItfA2yHI6@artifacts.acme-corp.io/repository/npm/',
      'git clone https://deploy:8HmwEE2iWe3m9nubqmUL@git.acme-corp.io/platform/infra.git',
      'SMTP_URL=smtps://mailer%40acme-corp.io:eK7H5T9ByRUnCfYh@smtp.mailgun.org:465',
      'nats-server --cluster nats://0.0.0.0:6222 --routes=nats://ruser:U7hO0fi3h@nats-2:6222',
      "'uri' => 'mqtt://kcqlmkgx:jCMghlsxhNqB@m10.cloudmqtt.com:13858',",
    ],
    negative: [
      'https://user:${PASSWORD}@artifacts.acme-corp.io/',
      'https://user:password@artifacts.acme-corp.io/',
      'http://trusted.acme-corp.io:80?@evil.acme-corp.io/',
      'https://ci:test_password_123@artifacts.acme-corp.io/',
      'https://PROXY_USER:PROXY_PASSWORD@proxy.acme-corp.io:3128',
      'https://deploy:Ke3vUT6eJZ1nN7GuD2JT@example.com/repo.git',
      'DATABASE_URL=postgres://app:5K1nLXA6LZpLFuVGTUes@db.acme-corp.io:5432/app',
      'nats://ruser:<password>@nats-2:6222',
    ],
  },
};

export default [basicAuthUrl];
