// Inline `blastradius-ignore` comments and the config allowlists.
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../src/scan.js';
import { defaultConfig, type Config } from '../src/config/config.js';
import { parseInlineDirectives } from '../src/config/suppress.js';
import { githubToken } from './helpers/tokens.js';

const T1 = githubToken('Zq8Lm2Xv5Rt9Wk3Hn7Bc4Fd6Gj1Ps0');
const T2 = githubToken('Yp4Kd8Nf2Qs6Vh0Xm3Ra7Tc5Wb9Le1');

const hardcoded = (r: Awaited<ReturnType<typeof scanFiles>>) => r.findings.filter((f) => f.ruleId === 'hardcoded-credential');

describe('inline suppression', () => {
  it('parses the directive with and without a rule id and reason', () => {
    expect(parseInlineDirectives(`const a = 1;\n// blastradius-ignore\nx = 2 # blastradius-ignore: hardcoded-credential test fixture, revoked\n/* blastradius-ignore: github-token */\n`)).toEqual([
      { line: 2, standalone: true },
      { line: 3, standalone: false, ruleId: 'hardcoded-credential', reason: 'test fixture, revoked' },
      { line: 4, standalone: true, ruleId: 'github-token' },
    ]);
  });

  it('suppresses a credential with a comment on the same line or on the line above', async () => {
    const result = await scanFiles('repo', [
      { path: 'a.sh', text: `export GITHUB_TOKEN=${T1} # blastradius-ignore: hardcoded-credential revoked in 2023\n` },
      { path: 'b.py', text: `# blastradius-ignore\nTOKEN = "${T2}"\n` },
    ]);
    const found = hardcoded(result);
    expect(found).toHaveLength(2);
    const byPath = Object.fromEntries(found.map((f) => [f.locations[0]!.path, f.suppressed]));
    expect(byPath['a.sh']).toEqual({ kind: 'inline', reason: 'revoked in 2023' });
    expect(byPath['b.py']).toEqual({ kind: 'inline' });
  });

  it('matches the credential rule id too, and not another rule', async () => {
    const byCredRule = await scanFiles('repo', [{ path: 'a.sh', text: `export GITHUB_TOKEN=${T1} # blastradius-ignore: github-token\n` }]);
    expect(hardcoded(byCredRule)[0]!.suppressed).toEqual({ kind: 'inline' });
    const other = await scanFiles('repo', [{ path: 'a.sh', text: `export GITHUB_TOKEN=${T1} # blastradius-ignore: some-other-rule\n` }]);
    expect(hardcoded(other)[0]!.suppressed).toBeUndefined();
  });

  it('a trailing comment does not cover the next line, and every location must be covered', async () => {
    const result = await scanFiles('repo', [
      { path: 'a.sh', text: `A=1 # blastradius-ignore\nexport GITHUB_TOKEN=${T1}\n` },
      { path: 'b.sh', text: `export GITHUB_TOKEN=${T2} # blastradius-ignore\n` },
      { path: 'c.sh', text: `export GITHUB_TOKEN=${T2}\n` },
    ]);
    const found = hardcoded(result);
    expect(found).toHaveLength(2);
    expect(found.every((f) => f.suppressed === undefined)).toBe(true);
  });
});

describe('config allowlist', () => {
  const config = (allowlist: Partial<Config['allowlist']>): Config => ({ ...defaultConfig(), allowlist: { ...defaultConfig().allowlist, ...allowlist } });

  it('suppresses findings whose every location is under an allow-listed path', async () => {
    const files = [
      { path: 'test/fixtures/token.txt', text: `GITHUB_TOKEN=${T1}\n` },
      { path: 'deploy.sh', text: `export GITHUB_TOKEN=${T2}\n` },
    ];
    const result = await scanFiles('repo', files, { config: config({ paths: ['test/fixtures/'] }) });
    const found = hardcoded(result);
    expect(found.find((f) => f.locations[0]!.path === 'test/fixtures/token.txt')!.suppressed).toEqual({ kind: 'config', reason: 'allowlist.paths in the config file' });
    expect(found.find((f) => f.locations[0]!.path === 'deploy.sh')!.suppressed).toBeUndefined();
  });

  it('suppresses by credential or finding fingerprint', async () => {
    const files = [{ path: 'deploy.sh', text: `export GITHUB_TOKEN=${T1}\nexport OTHER_TOKEN=${T2}\n` }];
    const first = await scanFiles('repo', files);
    const [f1, f2] = hardcoded(first).sort((a, b) => a.locations[0]!.startLine - b.locations[0]!.startLine);
    const result = await scanFiles('repo', files, { config: config({ fingerprints: [f1!.credentialFingerprints[0]!, f2!.fingerprint] }) });
    expect(hardcoded(result).map((f) => f.suppressed?.kind)).toEqual(['config', 'config']);
  });
});
