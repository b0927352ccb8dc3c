// Passwords everybody knows: vendor defaults, `changeme`, `test123`. The extract stage still reports them (a default
// baked into a config is a weakness) at low confidence; the output scrubber leaves them alone, since redacting the word
// `postgres` wherever it appears (a folder name, a role) hides nothing and garbles the report.
const WELL_KNOWN = new Set([
  'changeme', 'changeit', 'change_me', 'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa55word', 'pass', 'passwd', 'secret',
  'admin', 'administrator', 'root', 'toor', 'test', 'testing', 'tester', 'test123', 'testpass', 'testpassword', 'guest',
  'demo', 'default', 'example', 'sample', 'letmein', 'welcome', 'qwerty', 'abc123', '123456', '12345678', '123456789',
  'password1', 'password123', 'admin123', 'secret123', 'mysecret', 'mypassword', 'postgres', 'mysql', 'root123', 'user',
  'foobar', 'foo', 'bar', 'baz', 'dummy', 'fake', 'master', 'oracle', 'sa', 'rabbitmq', 'redis', 'elastic', 'kibana',
]);

/** A password everybody knows: vendor defaults, `changeme`, `test123`. Still a weakness where it is deployed. */
export function isWellKnownDefault(value: string): boolean {
  return WELL_KNOWN.has(value.toLowerCase());
}

/**
 * A value whose redaction in a report hides nothing and garbles it: a well-known default, or one ordinary word (up to
 * 12 letters, lower-case or capitalised, at least 30% vowels: `provider`, `Environment`). Such a value, found as a
 * weak secret, also stands in the report's own keys and text (`"provider":`, `tag Environment = Production`); the
 * output scrubber leaves it alone. A longer run of letters (a passphrase) or an unpronounceable one is still redacted.
 */
export function redactionHidesNothing(value: string): boolean {
  if (isWellKnownDefault(value)) return true;
  if (value.length > 12 || !/^[A-Za-z][a-z]+$/.test(value)) return false;
  return (value.match(/[aeiouy]/gi)?.length ?? 0) / value.length >= 0.3;
}
