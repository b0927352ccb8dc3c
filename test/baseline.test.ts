// The baseline: content fingerprints that survive unrelated edits; new secrets are still reported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { scanFiles } from '../src/scan.js';
import { createBaseline, parseBaseline, renderBaseline } from '../src/config/baseline.js';
import { githubToken } from './helpers/tokens.js';

const T1 = githubToken('Mn3Bv7Cx1Zl5Kj9Hg2Fd6Sa0Qw4Er8');
const T2 = githubToken('Pt6Yu0Io4Pa8Sd2Fg5Hj9Kl3Zx7Cv1');

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), isTTY: false, env: {} } };
}

interface JsonReport {
  findings: Array<{ ruleId: string; fingerprint: string; suppressed?: { kind: string }; locations: Array<{ startLine: number }> }>;
  diagnostics: Array<{ code: string; message: string }>;
}

describe('baseline', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'blastradius-baseline-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('survives an unrelated edit; a new secret on the baselined line is reported', async () => {
    writeFileSync(join(root, 'deploy.sh'), `#!/bin/sh\nexport GITHUB_TOKEN=${T1}\n`);
    const b = io();
    expect(await main(['baseline', root], b.io)).toBe(0);
    const baselineText = b.out.stdout;
    expect(baselineText).not.toContain(T1);
    const baseline = JSON.parse(baselineText) as { version: number; findings: Array<{ ruleId: string; path: string; preview: string }> };
    expect(baseline.version).toBe(1);
    expect(baseline.findings).toContainEqual(expect.objectContaining({ ruleId: 'hardcoded-credential', path: 'deploy.sh', preview: expect.stringMatching(/^ghp_…/) }));
    const file = join(root, '.blastradius-baseline.json');
    writeFileSync(file, baselineText);

    // Unrelated edit: lines inserted above the secret.
    writeFileSync(join(root, 'deploy.sh'), `#!/bin/sh\nset -eu\n# Deploys the site.\nREGION=eu-west-1\nexport GITHUB_TOKEN=${T1}\n`);
    const s = io();
    expect(await main(['scan', root, '--baseline', file, '--format', 'json', '--fail-on', 'low'], s.io)).toBe(0);
    const report = JSON.parse(s.out.stdout) as JsonReport;
    const hard = report.findings.filter((f) => f.ruleId === 'hardcoded-credential');
    expect(hard).toHaveLength(1);
    expect(hard[0]!.locations[0]!.startLine).toBe(5);
    expect(hard[0]!.suppressed).toEqual({ kind: 'baseline', reason: `in baseline ${file}` });
    expect(report.diagnostics.filter((d) => d.code === 'baseline-stale')).toEqual([]);

    // A new secret on the baselined line: reported, and the old entry is stale.
    writeFileSync(join(root, 'deploy.sh'), `#!/bin/sh\nset -eu\n# Deploys the site.\nREGION=eu-west-1\nexport GITHUB_TOKEN=${T2}\n`);
    const n = io();
    expect(await main(['scan', root, '--baseline', file, '--format', 'json', '--fail-on', 'low'], n.io)).toBe(1);
    const after = JSON.parse(n.out.stdout) as JsonReport;
    const fresh = after.findings.filter((f) => f.ruleId === 'hardcoded-credential');
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.suppressed).toBeUndefined();
    const stale = after.diagnostics.filter((d) => d.code === 'baseline-stale');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.map((d) => d.message).join('\n')).toContain('(hardcoded-credential at deploy.sh) no longer matches any finding; remove it from the baseline');
    expect(n.out.stderr).toContain('no longer match');
  });

  it('writes to a file with -o and refuses a missing or malformed baseline (exit 2)', async () => {
    writeFileSync(join(root, 'deploy.sh'), `export GITHUB_TOKEN=${T1}\n`);
    const out = join(root, 'b.json');
    expect(await main(['baseline', root, '-o', out], io().io)).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain(T1);

    const missing = io();
    expect(await main(['scan', root, '--baseline', join(root, 'nope.json')], missing.io)).toBe(2);
    expect(missing.out.stderr).toContain('nope.json: cannot read baseline file (ENOENT)');

    writeFileSync(join(root, 'bad.json'), '{"findings": 3}');
    const bad = io();
    expect(await main(['scan', root, '--baseline', join(root, 'bad.json')], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain('bad.json: not a blastradius baseline');
  });

  it('in the API: baseline-suppressed findings stay in the result, and do not hide other suppressions', async () => {
    const files = [{ path: 'a.sh', text: `export GITHUB_TOKEN=${T1}\n` }];
    const first = await scanFiles('repo', files);
    const baseline = parseBaseline(renderBaseline(createBaseline(first.findings, first.credentials)), 'base.json');
    expect(baseline.entries.length).toBe(first.findings.length);
    const second = await scanFiles('repo', files, { baseline });
    expect(second.findings.length).toBe(first.findings.length);
    expect(second.findings.every((f) => f.suppressed?.kind === 'baseline')).toBe(true);
    expect(parseBaseline('{"version":1,"findings":[]}', 'x').entries).toEqual([]);
    expect(() => parseBaseline('{"version":7,"findings":[]}', 'x.json')).toThrow('x.json: unsupported baseline version 7 (expected 1)');
  });
});
