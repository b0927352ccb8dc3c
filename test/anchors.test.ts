// Anchored rules (CredentialRule.anchor) try their pattern only where the anchor says a match can start. That must give
// exactly the matches of a search of the whole file: checked here rule by rule, with validation switched off so that
// every match shows, on every rule's examples, every fixture file and generated text dense in the anchors' keywords,
// separators, quotes and long runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fdir } from 'fdir';
import { credentialRules } from '../detectors/credentials/index.js';
import { RuleEngine } from '../src/pipeline/extract.js';
import type { CredentialRule } from '../src/core/types.js';
import { sourceFile } from './helpers/files.js';

const anchored = credentialRules.filter((r) => r.anchor);

// Every match shown: no validation, no classification, no keyword selection.
const bare = (r: CredentialRule, anchor: boolean): CredentialRule => ({ ...r, keywords: [], validate: undefined, classify: undefined, anchor: anchor ? r.anchor : undefined });
const engines = anchored.map((r) => ({ id: r.meta.id, withAnchor: new RuleEngine([bare(r, true)]), without: new RuleEngine([bare(r, false)]) }));

const matches = (engine: RuleEngine, text: string, path = 'sample.txt') =>
  engine.scanFile(sourceFile(path, text)).map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.value}`);

// Edges of the anchors: separators of two characters, quotes and spaces between name and separator, names at the
// reach limits, schemes of 31 and 32 characters, openers.
const edges = [
  'deploy_key := "Zx9Qw8Er7Ty6Ui5Op4As3Df2"\nname :=  Zx9Qw8Er7Ty6Ui5Op4As3Df2',
  "'api_token'   =>   'Zx9Qw8Er7Ty6Ui5Op4As3Df2', \"key\"\t:\t\"Zx9Qw8Er7Ty6Ui5Op4As3Df2\"",
  `${'a'.repeat(60)}password = "x9Qw8Er7"\n${'a'.repeat(61)}password = "x9Qw8Er7"\n${'b'.repeat(59)}_encryption_key: "x9Qw8Er7"`,
  `${'n'.repeat(81)} = Zx9Qw8Er7Ty6Ui5Op4As3Df2\n${'n'.repeat(82)} = Zx9Qw8Er7Ty6Ui5Op4As3Df2`,
  `${'sc'.repeat(15)}h://u:Zx9Qw8Er7@host.io ${'sc'.repeat(16)}://u:Zx9Qw8Er7@host.io x_https://u:Zx9Qw8Er7@host.io`,
  '<db.password>Zx9Qw8Er7</db.password> <<secret>x9Qw8Er7</secret> a<token>x9Qw8Er7</token>',
  // digit runs of 7 to 11 before `:AA`, after `/bot` and after a word; hex runs of 31 to 33 before `-us`; curl's options
  `bot 1234567:AATi1tPOJ0fa6rJXxGOK4NMBtCrjUkftXiL ${[8, 10, 11].map((n) => `/bot${'7'.repeat(n)}:AATi1tPOJ0fa6rJXxGOK4NMBtCrjUkftXiL x${'7'.repeat(n)}:AATi1tPOJ0fa6rJXxGOK4NMBtCrjUkftXiL`).join(' ')}`,
  [31, 32, 33].map((n) => `${'a1'.repeat(17).slice(0, n)}-us12 g${'b2'.repeat(16)}-US3`).join(' '),
  'curl -u admin:Zx9Qw8Er7 x; curl --user a:b9Qw8Er7 --proxy-user p:q9Qw8Er7 -U u:v9Qw8Er7 ---user z:w9Qw8Er7 x-u y:z9Qw8Er7 --proxy-u k:k9Qw8Er7',
  'auth_token="{\\"sig\\":\\"Zx9Qw8Er7Ty6Ui5Op4As3Df2\\"}" x/password="x9Qw8Er7" @token="x9Qw8Er7"',
].map((text) => ({ text, path: 'edges.txt' }));

const texts: Array<{ text: string; path: string }> = [
  ...edges,
  ...credentialRules.flatMap((r) => [...r.examples.positive, ...r.examples.negative]).map((e) => (typeof e === 'string' ? { text: e, path: 'example.txt' } : { path: 'example.txt', ...e })),
  ...new fdir()
    .withFullPaths()
    .crawl('fixtures')
    .sync()
    .filter((p) => !/\.(?:png|zip|gz)$/.test(p))
    .map((p) => ({ text: readFileSync(p, 'utf8'), path: p })),
];

describe('anchored rules', () => {
  it('are the assigned, generic, signing-secret and URL rules', () => {
    expect(anchored.map((r) => r.meta.id).sort()).toEqual(
      [
        'assigned-credential', 'assigned-credential-json', 'assigned-credential-unquoted', 'assigned-credential-xml', 'curl-user-password', 'generic-secret',
        'jwt-signing-secret', 'mailchimp-api-key', 'telegram-bot-token', 'url-basic-auth',
      ].sort(),
    );
  });

  for (const e of engines)
    it(`${e.id}: the same matches as a whole-file search on the examples and fixtures`, () => {
      let seen = 0;
      for (const t of texts) {
        const expected = matches(e.without, t.text, t.path);
        seen += expected.length;
        expect(matches(e.withAnchor, t.text, t.path), t.path).toEqual(expected);
      }
      expect(seen).toBeGreaterThan(0);
    });

  // Fragments that make and break names, separators and values where the anchors look.
  const fragment = fc.oneof(
    fc.constantFrom(
      'password', 'PASS', 'pw', 'pwd', 'secret', 'Token', 'api_key', 'apiKey', 'encryption-key', 'auth', 'credentials', 'creds', 'private', 'jwt', 'JWT_SECRET',
      'db.', '$', '@', '/', '-', '_', '.', '<', '>', '</', '://', 'https', 'nats', 'user', ':', '=', ':=', '=>', '==', '!=', '(', ',', '"', "'", '`', '\\"', '\\',
      '{', '{"', '}', ' ', '  ', '\t', '\n', 'Some(', 'decode(', 'x'.repeat(70), 'a1B2c3D4e5F6g7H8i9J0', 'Zx9Qw8Er7Ty6Ui5Op4As3Df2', 'localhost',
      '-u', '-U', '--user', '--proxy', '--proxy-user', 'a:b', 'curl ', '/bot', '123456789', '0123', ':AA', ':aa', 'Ti1tPOJ0fa6rJXxGOK4NMBtCrjUkftXiL',
      '-us', '-us1', 'f'.repeat(16), '0123456789abcdef',
    ),
    fc.stringMatching(/^[A-Za-z0-9+/=_.-]{1,30}$/),
  );
  for (const e of engines)
    it(`${e.id}: the same matches on generated text`, () => {
      fc.assert(
        fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          expect(matches(e.withAnchor, text)).toEqual(matches(e.without, text));
        }),
        { numRuns: 400 },
      );
    });
});
