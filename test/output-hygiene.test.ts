// No planted secret — nor any 8-character slice of one — appears in any output format of any fixture.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { redact } from '../src/core/secrets.js';

const FORMATS = ['table', 'json', 'sarif', 'markdown', 'html', 'dot'];
const fixtures = readdirSync('fixtures').filter((f) => f.endsWith('.secrets.json'));

/** Every 8-character slice that reaches past the documented prefix a preview shows (`sk-ant-api03-`). */
function slices(secret: string, n = 8): string[] {
  const shown = redact(secret).split('…')[0]!;
  const prefix = secret.startsWith(shown) ? shown.length : 0;
  const out: string[] = [];
  for (let i = 0; i + n <= secret.length; i++) if (i + n > prefix) out.push(secret.slice(i, i + n));
  return out;
}

describe('secret hygiene', () => {
  it('has planted-secret lists for the fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(3));

  for (const file of fixtures) {
    const name = file.replace('.secrets.json', '');
    const secrets = (JSON.parse(readFileSync(`fixtures/${file}`, 'utf8')) as { secrets: string[] }).secrets;
    for (const format of FORMATS) {
      it(`${name} as ${format} (and --verbose) never shows a planted secret or a slice of one`, async () => {
        const { stdout, stderr } = await runCli(['scan', `fixtures/${name}`, '--format', format, '--verbose', '--fail-on', 'none']);
        const all = stdout + stderr;
        expect(stdout.length).toBeGreaterThan(0);
        for (const s of secrets) {
          expect(all.includes(s), `full secret ${s.slice(0, 3)}… in ${format}`).toBe(false);
          const leaked = slices(s).filter((sl) => all.includes(sl) && !/^[a-z_]+$/i.test(sl));
          expect(leaked, `slices of a secret in ${format}`).toEqual([]);
        }
      });
    }
  }
});

describe('secret hygiene of the merged organisation report', () => {
  it('no format of `merge` (with organisation secrets) shows a planted secret or a slice of one', async () => {
    const work = mkdtempSync(join(tmpdir(), 'br-hygiene-org-'));
    try {
      const reports = join(work, 'reports');
      mkdirSync(reports);
      // Every fixture's report twice, as two repositories: every organisation rule has something to join.
      for (const file of fixtures) {
        const name = file.replace('.secrets.json', '');
        const out = join(reports, `acme__${name}-a.json`);
        await runCli(['scan', `fixtures/${name}`, '--format', 'json', '--fail-on', 'none', '-q', '-o', out]);
        copyFileSync(out, join(reports, `acme__${name}-b.json`));
      }
      const jobs = readdirSync(reports).flatMap((f) => (JSON.parse(readFileSync(join(reports, f), 'utf8')) as { resources: Array<{ attributes?: { secrets?: string[] } }> }).resources);
      const names = [...new Set(jobs.flatMap((r) => r.attributes?.secrets ?? []))];
      const inventory = join(work, 'org-secrets.json');
      writeFileSync(inventory, JSON.stringify({ kind: 'blastradius-org-secrets', version: '1.0.0', org: 'acme', secrets: names.map((name) => ({ name, visibility: 'all' })) }));
      const outputs: string[] = [];
      for (const format of ['table', 'json', 'markdown', 'html']) {
        const r = await runCli(['merge', reports, '--format', format, '--org-secrets', inventory]);
        outputs.push(r.stdout + r.stderr);
      }
      const sarifDir = join(work, 'sarif');
      outputs.push((await runCli(['merge', reports, '--format', 'sarif', '--out-dir', sarifDir, '--org-secrets', inventory])).stderr);
      for (const f of readdirSync(sarifDir)) outputs.push(readFileSync(join(sarifDir, f), 'utf8'));
      const all = outputs.join('\n');
      expect(all).toContain('org-organisation-secret-in-many-repositories');
      for (const file of fixtures)
        for (const s of (JSON.parse(readFileSync(`fixtures/${file}`, 'utf8')) as { secrets: string[] }).secrets) {
          expect(all.includes(s), `full secret ${s.slice(0, 3)}… in a merged report`).toBe(false);
          expect(slices(s).filter((sl) => all.includes(sl) && !/^[a-z_]+$/i.test(sl)), 'slices of a secret in a merged report').toEqual([]);
        }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
