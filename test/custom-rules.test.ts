// Custom credential rules in the config file: validated at load (compiles, no catastrophic backtracking), then run
// like built-in rules, before the generic ones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, UsageError } from '../src/config/config.js';
import { scanFiles } from '../src/scan.js';
import { regexProblem, toJsRegex, withCustomRules } from '../src/config/custom-rules.js';
import { credentialRules } from '../detectors/credentials/index.js';
import { main } from '../src/cli/cli.js';

function configError(text: string, name = '.blastradius.yml'): string {
  try {
    parseConfig(text, name);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('custom rules: validation at load', () => {
  it('rejects an invalid regex, naming file, line and key', () => {
    expect(configError(`failOn: high\ncustomRules:\n  - id: acme-key\n    regex: 'acme_([a-z'\n`)).toBe(
      '.blastradius.yml:4: customRules.0.regex: invalid regular expression: Unterminated character class',
    );
  });

  it('rejects a regex that can backtrack catastrophically', () => {
    expect(configError(`customRules:\n  - id: ok-rule\n    regex: 'okay_[a-z0-9]{32}'\n  - id: slow-rule\n    keywords: [slow]\n    regex: 'slow_(\\w+\\s?)*$'\n`)).toBe(
      '.blastradius.yml:6: customRules.1.regex: unsafe regular expression: it can backtrack catastrophically (exponential time on crafted input); remove nested or overlapping repetition such as (a+)+ or (a|a)*',
    );
  });

  it('rejects a regex matching the empty string, a built-in id, a duplicate id and a missing group', () => {
    expect(configError(`customRules:\n  - id: empty\n    regex: 'x*'\n`)).toBe(
      '.blastradius.yml:3: customRules.0.regex: the regular expression matches the empty string; it must match the secret',
    );
    expect(configError(`customRules:\n  - id: github-token\n    regex: 'x+'\n`)).toBe(
      '.blastradius.yml:2: customRules.0.id: "github-token" is already a built-in rule id; choose another',
    );
    expect(configError(`customRules:\n  - id: a\n    regex: 'x+'\n  - id: a\n    regex: 'y+'\n`)).toBe(
      '.blastradius.yml:4: customRules.1.id: "a" is used by an earlier custom rule',
    );
    expect(configError(`customRules:\n  - id: a\n    regex: 'k_([a-z]+)'\n    secretGroup: 2\n`)).toBe(
      '.blastradius.yml:4: customRules.0.secretGroup: the regex has 1 capture group; secretGroup 2 does not exist',
    );
  });

  it('schema errors: unknown key and missing regex', () => {
    expect(configError(`customRules:\n  - id: a\n    regexp: 'x+'\n`)).toBe(
      '.blastradius.yml:3: customRules.0.regexp: unknown key; expected one of the keys in schema/config.schema.json',
    );
    expect(configError(`customRules:\n  - id: a\n`)).toBe(".blastradius.yml:2: customRules.0: must have required property 'regex'");
  });

  it('JSON configs name the line too', () => {
    expect(configError('{\n  "customRules": [\n    { "id": "a", "regex": "(a|a)*b" }\n  ]\n}\n', '.blastradius.json')).toMatch(
      /^\.blastradius\.json:3: customRules\.0\.regex: unsafe regular expression: /,
    );
  });

  it('accepts a safe regex and a leading (?i)', () => {
    expect(regexProblem('acme_live_[A-Za-z0-9]{32}')).toBeUndefined();
    expect(toJsRegex('(?i)acme_[a-z]{8}')).toEqual({ source: 'acme_[a-z]{8}', flags: 'i' });
    const config = parseConfig(`customRules:\n  - id: acme-key\n    regex: '(?i)acme_([a-z0-9]{16})'\n    keywords: [ACME_]\n`, 'c.yml');
    expect(config.customRules).toHaveLength(1);
  });

  it('the CLI exits 2 with the message', async () => {
    const root = mkdtempSync(join(tmpdir(), 'blastradius-custom-'));
    try {
      writeFileSync(join(root, '.blastradius.yml'), `customRules:\n  - id: bad\n    regex: '^(a+)+$'\n`);
      let stderr = '';
      const code = await main(['scan', root], { stdout: () => {}, stderr: (s) => void (stderr += s), isTTY: false, env: {} });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^blastradius: .*\.blastradius\.yml:3: customRules\.0\.regex: unsafe regular expression: it can backtrack catastrophically \(exponential time on crafted input\)/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('custom rules: scanning', () => {
  const config = parseConfig(
    [
      'customRules:',
      '  - id: acme-api-key',
      '    description: ACME internal API key',
      '    regex: "\\\\b(acme_[A-Za-z0-9]{24})\\\\b"',
      '    keywords: [acme_]',
      '    entropy: 3.5',
      '    severity: critical',
      '    provider: acme',
    ].join('\n'),
    'c.yml',
  );

  it('finds matches above the entropy threshold, with its metadata', async () => {
    const result = await scanFiles('repo', [
      { path: 'app.env', text: 'ACME_KEY=acme_Q7mZ2xK9pL4vR8tN3wB6yH1c\nACME_OTHER=acme_aaaaaaaaaaaaaaaaaaaaaaaa\n' },
    ], { config });
    const creds = result.credentials.filter((c) => c.ruleId === 'acme-api-key');
    expect(creds).toHaveLength(1);
    expect(creds[0]).toMatchObject({ provider: 'acme', type: 'acme-api-key', length: 29 });
    expect(creds[0]!.locations[0]).toMatchObject({ path: 'app.env', startLine: 1, startColumn: 10 });
    expect(result.findings.some((f) => f.credentialFingerprints.includes(creds[0]!.fingerprint))).toBe(true);
  });

  it('goes before generic rules and after provider rules', () => {
    const rules = withCustomRules(credentialRules, config.customRules);
    expect(withCustomRules(credentialRules, config.customRules)).toBe(rules);
    const at = rules.findIndex((r) => r.meta.id === 'acme-api-key');
    expect(at).toBeGreaterThan(0);
    const firstGeneric = rules.findIndex((r) => r.meta.provider === 'generic' || r.meta.id.startsWith('generic-'));
    if (firstGeneric !== -1) expect(at).toBeLessThan(firstGeneric);
    expect(rules.slice(0, at).every((r) => r.meta.provider !== 'generic')).toBe(true);
    expect(withCustomRules(credentialRules, [])).toBe(credentialRules);
  });
});
