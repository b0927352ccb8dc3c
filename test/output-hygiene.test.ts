// No planted secret — nor any 8-character slice of one — appears in any output format of any fixture.
import { readFileSync, readdirSync } from 'node:fs';
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
