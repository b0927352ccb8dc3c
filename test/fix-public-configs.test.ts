// `blastradius fix` on copies of public repositories' workflows and agent configs (test/data/public-configs, see its
// LICENSE-NOTICE): the dry run's diff, the files after --write (--include-suggestions for the suggested permissions),
// and the re-scan without the finding. A workflow whose permissions cannot be inferred is left byte for byte.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { scanDirectory } from '../src/scan.js';
import { toSarif } from '../src/report/sarif.js';

const DATA = resolve(import.meta.dirname, 'data/public-configs');
const tmp = mkdtempSync(join(tmpdir(), 'br-public-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const RULE = 'workflow-excessive-permissions';

function copy(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(DATA, name), dir, { recursive: true });
  return dir;
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const open = async (dir: string, ruleId = RULE) => (await scanDirectory(dir)).findings.filter((f) => f.ruleId === ruleId).map((f) => f.locations[0]!.path);
const READ_ONLY = 'permissions:\n  contents: read\n\n';

describe('fix on public workflows', () => {
  it('vercel/ai-chatbot lint.yml: a read-only token before jobs:, written only with --include-suggestions; the re-scan drops the finding', async () => {
    const dir = copy('vercel-ai-chatbot');
    const path = '.github/workflows/lint.yml';
    const before = read(dir, path);
    const dry = await runCli(['fix', dir]);
    expect(dry.stdout).toBe(
      `# suggested — not written by --write (add --include-suggestions)\n--- a/${path}\n+++ b/${path}\n@@ -2,6 +2,9 @@\n on:\n   push:\n \n+permissions:\n+  contents: read\n+\n jobs:\n   build:\n     runs-on: ubuntu-22.04\n`,
    );
    expect(dry.stderr).toBe('blastradius fix: nothing to fix but the 1 suggestion(s) above (--include-suggestions writes them)\n');
    // The same edit is the finding's SARIF fix.
    const hit = toSarif(await scanDirectory(dir)).runs[0]!.results.find((x) => x.ruleId === RULE)!;
    expect(hit.fixes![0]!.artifactChanges).toEqual([
      {
        artifactLocation: { uri: path, uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 1 }, insertedContent: { text: READ_ONLY } }],
      },
    ]);
    await runCli(['fix', dir, '--write']);
    expect(read(dir, path)).toBe(before);
    const r = await runCli(['fix', dir, '--write', '--include-suggestions']);
    expect(r.stderr).toContain('re-scan: 1 of 1 targeted finding(s) resolved\n');
    expect(read(dir, path)).toBe(before.replace('\njobs:\n', `\n${READ_ONLY}jobs:\n`));
    expect(await open(dir)).toEqual([]);
  });

  it('RhinoSecurityLabs/cloudgoat: two workflows narrowed (above the comment block that introduces jobs:), the one whose script uses the token left alone with the reason', async () => {
    const dir = copy('cloudgoat');
    const files = ['test.yaml', 'docker-image.yml', 'release.yml'].map((f) => `.github/workflows/${f}`);
    const before = Object.fromEntries(files.map((f) => [f, read(dir, f)]));
    expect((await open(dir)).sort()).toEqual([...files].sort());
    const r = await runCli(['fix', dir, '--write', '--include-suggestions']);
    expect(r.stderr).toContain(
      'blastradius fix: .github/workflows/release.yml: could not infer the permissions job create_release_branch needs: step 7 (Commit Version Change) uses the token in a script; not edited\n',
    );
    expect(r.stderr).toContain('re-scan: 2 of 2 targeted finding(s) resolved\n');
    // Every comment stays where it was; the block goes in before the comments that lead into `jobs:`.
    expect(read(dir, files[0]!)).toBe(before[files[0]!]!.replace('\n# A job is a set of steps', `\n${READ_ONLY}# A job is a set of steps`));
    expect(read(dir, files[1]!)).toBe(before[files[1]!]!.replace('\njobs:\n', `\n${READ_ONLY}jobs:\n`));
    expect(read(dir, files[2]!)).toBe(before[files[2]!]!);
    expect(await open(dir)).toEqual([files[2]]);
  });

  it('bridgecrewio/terragoat semgrep.yml: an action outside the table is not guessed at', async () => {
    const dir = copy('terragoat');
    const path = '.github/workflows/semgrep.yml';
    const before = read(dir, path);
    const r = await runCli(['fix', dir, '--write', '--include-suggestions']);
    expect(r.stderr).toContain(
      `blastradius fix: ${path}: could not infer the permissions job semgrep needs: step 2 uses returntocorp/semgrep-action, which is not in the table of actions whose permissions are known; not edited\n`,
    );
    expect(read(dir, path)).toBe(before);
    expect(await open(dir)).toEqual([path]);
  });
});

describe('fix on a public agent config', () => {
  it('onyx-dot-app/onyx .claude/settings.json: a read deny for the env file beside it, the hooks and plugins kept as written', async () => {
    const dir = copy('onyx');
    // The env file is made up here (the repository has none): a production database URL an agent could read.
    writeFileSync(join(dir, '.env.production'), 'DATABASE_URL=postgresql://onyx:Xk29fLq8Zr7TwP3m@db.prod.internal:5432/onyx\n');
    const path = '.claude/settings.json';
    const before = read(dir, path);
    const exposure = async () =>
      (await scanDirectory(dir)).findings.filter((f) => f.ruleId === 'agent-can-read-secret-file' || f.chain.some((s) => s.label.startsWith('also agent-can-read-secret-file:'))).length;
    expect(await exposure()).toBe(1);
    const r = await runCli(['fix', dir, '--write']);
    expect(r.stderr).toContain(`  ${path}: deny Read(./.env*)\n`);
    expect(r.stdout).not.toContain('Xk29fLq8Zr7TwP3m');
    expect(read(dir, path)).toBe(before.replace(/\n {2}\}\n\}\n$/, '\n  },\n  "permissions": {\n    "deny": [\n      "Read(./.env*)"\n    ]\n  }\n}\n'));
    expect(await exposure()).toBe(0);
  });
});
