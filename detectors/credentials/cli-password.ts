// Passwords passed on a command line, where they also land in shell history, CI logs and `ps` output:
// `--password X` / `--password=X` / `-Password X` (most CLIs, PowerShell), keytool's `-storepass`/`-keypass`, OpenSSL's
// `-passin|-passout|-password pass:X`, `mysql -pX`, `sshpass -p X`, `curl -u user:X`, `docker login -p X` and
// PowerShell's `ConvertTo-SecureString "X" -AsPlainText`, and tokens and keys passed the same way (`--token X`,
// `-repotoken X`, `--api-key=X`, `--client-secret X`: coverage uploaders, deploy CLIs, `docker swarm join --token`).
// https://www.openssl.org/docs/man3.0/man1/openssl-passphrase-options.html  https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html
// https://curl.se/docs/manpage.html#-u  https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring
// Variables, templates and prompts (`$PASS`, `%PASS%`, `${{ secrets.X }}`, `<password>`, `-p` alone) are not passwords.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { isPlaceholderPassword, looksRandom } from './shared.js';
import { userOptionAnchor } from './anchors.js';

const help = {
  why: 'A password on a command line is readable by every process on the machine while the command runs, and is kept in shell history, CI logs and the file that holds the command. Whoever reads it can use the account it unlocks.',
  fix: 'Change the password, and pass it through the tool\'s safer channel: an environment variable or a file it reads (`--password-stdin`, `-passin env:VAR`, `MYSQL_PWD` via an option file, `SSHPASS` with `sshpass -e`, a credential helper).',
  references: ['https://www.openssl.org/docs/man3.0/man1/openssl-passphrase-options.html', 'https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html', 'https://cwe.mitre.org/data/definitions/214.html'],
};

const meta = (id: string, title: string, summary: string) => ({ id, title, severity: 'medium' as const, summary, provider: 'cli', credentialType: 'cli-password', help });

// Words that follow a flag in prose ("the --password flag may be used") and stand-ins spelled as names.
const PROSE = /^(?:flag|option|parameter|argument|switch|value|is|are|to|and|or|for|with|of|the|a|an|if|when|will|must|can|may)$/i;
const STAND_IN = /^(?:my|your|the|some|example|sample|dummy|test|fake)[_-]?(?:pass(?:word)?|pwd|secret|pw)$/i;
// An upper-case name with an underscore is an environment variable's name, not its value (`--password=DB_PASSWORD`).
const ENV_NAME = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

/** A literal value, not a variable, template, interpolation, flag, prompt or stand-in word. */
function literal(v: string): boolean {
  return (
    !isPlaceholderPassword(v) &&
    !/^[-$%@&|<>(]|%$|^\*+$|#\{/.test(v) &&
    !/^(?:true|false|null|none|stdin|prompt|env|file)$/i.test(v) &&
    !PROSE.test(v) &&
    !STAND_IN.test(v) &&
    !ENV_NAME.test(v)
  );
}

export const cliPasswordFlag: CredentialRule = {
  meta: meta('cli-password-flag', 'Password passed as a command-line flag', '`--password X`, `--password=X`, `-Password X`, `-storepass X` on a command line.'),
  keywords: ['-pass', '-pwd', 'pass '],
  pattern: /(?<![\w-])--?(?:password|passwd|pwd|db-password|admin-password|storepass|keypass|srcstorepass|deststorepass|passphrase)(?:=|[ \t]{1,4})(['"]?)([^\s'"`;|&<>)$%=-][^\s'"`;|&<>)]{2,127})\1(?=[\s'"`;|&)\\]|$)/i,
  secretGroup: 2,
  validate: (v) => literal(v),
  examples: {
    positive: [
      'nats server report jetstream --user admin --password Kq7!zr2',
      "keytool -importkeystore -srckeystore a.p12 -srcstorepass 'Tm4xZ9qw' -destkeystore b.jks",
      'Invoke-Thing -Username svc -Password Hq8vL2!x',
      'app --db-password=wN3pZ8rT start',
    ],
    negative: [
      "mongo --username='my_user' --password='my_password' db",
      'the --password flag may be used to encrypt the document',
      'nats server report --user admin --password=NATS_PASSWORD',
      "run \"mysqldump -u #{username} --password='#{password}' app\"",
      'login --password $ADMIN_PASSWORD', 'login --password "${{ secrets.ADMIN_PASSWORD }}"', 'login --password <password>', 'login --password-stdin', 'mysql --password', "cli --password ''"],
  },
};

export const opensslPassArg: CredentialRule = {
  meta: meta('openssl-pass-argument', 'OpenSSL pass: argument', '`-passin pass:X` / `-passout pass:X` / `-password pass:X` (OpenSSL, and tools that copy its syntax).'),
  keywords: ['pass:'],
  pattern: /(?<![\w-])-?(?:passin|passout|password|pass|k)\s{1,4}['"]?pass:([^\s'"`;|&<>)]{3,128})/i,
  secretGroup: 1,
  validate: (v) => literal(v),
  examples: {
    positive: ['openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:Wq8zLx3T', 'RUN openssl x509 -req -passin pass:mZ4qT7 -in server.csr'],
    negative: ['openssl pkcs12 -passin env:P12_PASSWORD -in c.p12', 'openssl rsa -passin pass:$KEY_PASS -in k.pem'],
  },
};

const MYSQL = /\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport|mysqlsh)\b/i;

export const mysqlInlinePassword: CredentialRule = {
  meta: meta('mysql-inline-password', 'MySQL password glued to -p', '`mysql -u root -pX` (the MySQL clients read `-p` followed by the password itself).'),
  keywords: ['mysql', 'mariadb'],
  pattern: /(?<=\s)-p(['"]?)([^\s'"`;|&<>$-][^\s'"`;|&<>]{2,127})\1(?=[\s'"`;|&)\\]|$)/,
  secretGroup: 2,
  validate: (v, ctx: MatchContext) => literal(v) && MYSQL.test(ctx.line),
  examples: {
    positive: ['mysql -u root -pQ7wLm2x -h db.acme.dev app < dump.sql', 'docker exec db mysqldump -uroot -p"Zt4k9Wq" shop > shop.sql'],
    negative: ['mysql -u root -p app', 'mysql -u root -p$MYSQL_ROOT_PASSWORD', 'mkdir -p build && cp -r out build', 'mysql -u root -P 3306 -p'],
  },
};

export const sshpassPassword: CredentialRule = {
  meta: meta('sshpass-password', 'sshpass password', '`sshpass -p X ssh …`.'),
  keywords: ['sshpass'],
  pattern: /\bsshpass\s{1,4}-p\s{0,4}(['"]?)([^\s'"`;|&<>]{2,128})\1/,
  secretGroup: 2,
  validate: (v) => literal(v),
  examples: { positive: ["sshpass -p 'r8Kq2zL' ssh deploy@10.0.0.4"], negative: ['sshpass -p "$SSH_PASS" ssh deploy@host', 'sshpass -e ssh deploy@host'] },
};

export const curlUserPassword: CredentialRule = {
  meta: meta('curl-user-password', 'curl/wget user:password', '`curl -u user:X`, `curl --user user:X`, `wget --http-password=X`.'),
  keywords: ['curl', 'wget', 'http'],
  pattern: /(?<![\w-])(?:-u|--user|--proxy-user|-U)\s{1,4}(['"]?)[^\s:'"`]{1,64}:([^\s'"`;|&<>]{2,128})\1(?=[\s'"`;|&)\\]|$)/,
  anchor: userOptionAnchor,
  secretGroup: 2,
  validate: (v, ctx) => literal(v) && /\b(?:curl|wget|http|httpie)\b/i.test(ctx.line),
  examples: {
    positive: ['curl -u admin:Tq8mZ3wL https://jenkins.acme.dev/api/json', "curl --user 'ci:x9Vr2Lk' -X POST https://registry.acme.dev/v2/"],
    negative: ['curl -u admin:$JENKINS_TOKEN https://jenkins.acme.dev', 'curl -u "$USER:$PASS" https://x', 'curl -u user:password https://x', 'curl -u admin: https://x'],
  },
};

export const secureStringPlainText: CredentialRule = {
  meta: meta('powershell-securestring-plaintext', 'PowerShell ConvertTo-SecureString from plain text', '`ConvertTo-SecureString "X" -AsPlainText -Force`.'),
  keywords: ['convertto-securestring'],
  pattern: /\bConvertTo-SecureString\s{1,4}(?:-String\s{1,4})?(["'])([^"'\n$]{2,128})\1/i,
  secretGroup: 2,
  validate: (v, ctx) => literal(v) && /-AsPlainText/i.test(ctx.line),
  examples: {
    positive: ['$pw = ConvertTo-SecureString "Wq3!zL8m" -AsPlainText -Force'],
    negative: ['$pw = ConvertTo-SecureString $env:ADMIN_PW -AsPlainText -Force', '$pw = ConvertTo-SecureString "$secret" -AsPlainText', '$s = ConvertTo-SecureString "Wq3zL8m"'],
  },
};

export const cliTokenFlag: CredentialRule = {
  meta: { ...meta('cli-token-flag', 'Token or key passed as a command-line flag', '`--token X`, `-repotoken X`, `--api-key=X`, `--client-secret X` with a machine-generated value.'), credentialType: 'cli-token' },
  keywords: ['-token', 'repotoken', '-api-key', '-apikey', '-secret'],
  pattern: /(?<![\w-])--?(?:token|repotoken|repo-token|auth-token|access-token|api-token|api-key|apikey|client-secret|jwt-secret|secret-key|secret)(?:=|[ \t]{1,4})(['"]?)([A-Za-z0-9][A-Za-z0-9._~+/:=-]{15,255})\1(?=[\s'"`;|&)\\]|$)/i,
  secretGroup: 2,
  // A token is machine-generated: a word, a name or a path after the flag is not one.
  validate: (v) => literal(v) && looksRandom(v, 16) && !/^[a-z]+:\/\//i.test(v),
  examples: {
    positive: [
      '- $HOME/gopath/bin/goveralls -repotoken 0jNgTBO7b5xgTbVNYssv4NrUBjTx2i0e2',
      '"test:cov": "jest --coverage && codacy-coverage --token b3ae3e211a9613c2e0aee345f6b44a33 --language typescript"',
      'docker swarm join --token SWMTKN-1-2x7rx6t1ok7tds7aaymmj2yi76m4i8vhnwud2gkhe774iupcxa-03vi3xwu5trudh4u5dqr4ci5x 10.0.0.5:2377',
    ],
    negative: [
      'goveralls -repotoken $COVERALLS_TOKEN',
      'codecov --token ${{ secrets.CODECOV_TOKEN }}',
      'cli --token <your-token>',
      'vault login --token-only',
      'gh auth login --with-token < token.txt',
      'app --api-key=MY_SERVICE_API_KEY_VALUE',
    ],
  },
};

export default [cliPasswordFlag, cliTokenFlag, opensslPassArg, mysqlInlinePassword, sshpassPassword, curlUserPassword, secureStringPlainText];
