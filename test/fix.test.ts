// `blastradius fix` on copies of the incident fixture: the dry run changes nothing and prints a diff without secrets;
// --write resolves the agent findings (no critical agent finding left on re-scan); dirty and malformed files are left.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { scanDirectory } from '../src/scan.js';
import { unifiedDiff } from '../src/fix/unified-diff.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'br-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SECRETS = ['52d9c279-d566-4785-be18-2a01d06f6f0a', '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'];

function copy(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'fixtures/railway-incident'), dir, { recursive: true });
  return dir;
}
const agentCritical = async (dir: string) =>
  (await scanDirectory(dir)).findings.filter((f) => f.category === 'agent-exposure' && f.severity === 'critical').map((f) => `${f.ruleId} ${f.locations[0]?.path}`);

describe('blastradius fix', () => {
  it('dry run: prints a unified diff, writes nothing, shows no secret', async () => {
    const dir = copy('dry');
    const settings = readFileSync(join(dir, '.claude/settings.json'), 'utf8');
    const r = await runCli(['fix', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/.claude/settings.json\n+++ b/.claude/settings.json\n');
    expect(r.stdout).toContain('-    "defaultMode": "bypassPermissions"\n');
    expect(r.stdout).toContain('+      "Read(./.env*)",\n');
    expect(r.stdout).toContain('+        "RAILWAY_API_TOKEN": "${RAILWAY_API_TOKEN}"\n');
    expect(r.stderr).toContain('.claude/settings.json: allow Bash(*) → ask\n');
    expect(r.stderr).toContain('.claude/settings.json: deny Bash(railway volume delete:*)\n');
    expect(r.stderr).toContain('note: set RAILWAY_API_TOKEN in the environment that starts the agent');
    expect(r.stderr).toContain('dry run; 2 file(s) would change');
    for (const s of SECRETS) expect(r.stdout + r.stderr).not.toContain(s.slice(6, 18));
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe(settings);
  });

  it('--write: the incident has no critical agent finding left, and the edits keep the files\' layout', async () => {
    const dir = copy('write');
    expect((await agentCritical(dir)).length).toBeGreaterThan(0);
    const mcpBefore = readFileSync(join(dir, '.mcp.json'), 'utf8');
    const r = await runCli(['fix', dir, '--write']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/re-scan: (\d+) of \1 targeted finding\(s\) resolved\n/);
    expect(await agentCritical(dir)).toEqual([]);
    const settings = JSON.parse(readFileSync(join(dir, '.claude/settings.json'), 'utf8')) as { permissions: Record<string, unknown> };
    expect(settings.permissions.defaultMode).toBe('default');
    expect(settings.permissions.ask).toEqual(['Bash(*)']);
    expect(settings.permissions.deny).toEqual(expect.arrayContaining(['Read(./.env*)', 'Bash(railway volume delete:*)', 'Bash(prisma migrate reset:*)']));
    const mcp = readFileSync(join(dir, '.mcp.json'), 'utf8');
    // Only the two value lines changed; the inline args array and indentation are as they were.
    const changed = mcp.split('\n').filter((l, i) => l !== mcpBefore.split('\n')[i]);
    expect(changed).toEqual(['        "RAILWAY_API_TOKEN": "${RAILWAY_API_TOKEN}"', '        "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PERSONAL_ACCESS_TOKEN}"']);
    // Nothing is left to write; what the dry run still shows are suggestions (--write leaves those to a person).
    const again = await runCli(['fix', dir]);
    const diffs = again.stdout.split('\n').map((l, i, all) => (l.startsWith('--- a/') ? all[i - 1] : undefined)).filter((l) => l !== undefined);
    expect(diffs.length).toBeGreaterThan(0);
    expect(new Set(diffs)).toEqual(new Set(['# suggested — not written by --write (add --include-suggestions)']));
    expect(again.stderr).toMatch(/^blastradius fix: nothing to fix but the \d+ suggestion\(s\) above \(--include-suggestions writes them\)\n$/);
  });

  it('refuses a file with uncommitted changes unless --force', async () => {
    const dir = copy('dirty');
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    writeFileSync(join(dir, '.claude/settings.json'), readFileSync(join(dir, '.claude/settings.json'), 'utf8').replace('"WebFetch",', '"WebFetch", "Grep",'));
    const r = await runCli(['fix', dir, '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('blastradius fix: .claude/settings.json: has uncommitted changes; not edited (commit them, or pass --force)\n');
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toContain('bypassPermissions');
    const forced = await runCli(['fix', dir, '--write', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).not.toContain('bypassPermissions');
  });

  it('leaves a malformed agent config untouched and says so', async () => {
    const dir = copy('malformed');
    const broken = '{ "permissions": { "allow": ["Bash(*)"], }\n';
    writeFileSync(join(dir, '.claude/settings.json'), broken);
    const r = await runCli(['fix', dir, '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/blastradius fix: \.claude\/settings\.json: not valid JSON \(.+\); not edited\n/);
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe(broken);
  });

  it('--agents installs the guard hook for Claude Code and Cursor, once', async () => {
    const dir = join(tmp, 'agents');
    mkdirSync(join(dir, '.claude'), { recursive: true });
    // An existing hooks section with four-space indentation and no final newline.
    writeFileSync(join(dir, '.claude/settings.json'), '{\n    "hooks": {\n        "PreToolUse": [\n            { "matcher": "", "hooks": [{ "type": "command", "command": "uv run pre.py" }] }\n        ]\n    }\n}');
    const r = await runCli(['fix', dir, '--agents', '--write']);
    expect(r.code).toBe(0);
    const claude = readFileSync(join(dir, '.claude/settings.json'), 'utf8');
    expect(claude.endsWith('}')).toBe(true);
    expect(claude).toContain('\n        "PreToolUse": [\n            {\n                "matcher": ""');
    expect(JSON.parse(claude).hooks.PreToolUse[1]).toEqual({ matcher: 'Bash|mcp__.*', hooks: [{ type: 'command', command: 'npx --no-install blastradius guard --agent claude', timeout: 30 }] });
    const cursor = JSON.parse(readFileSync(join(dir, '.cursor/hooks.json'), 'utf8'));
    expect(cursor).toEqual({
      version: 1,
      hooks: { beforeShellExecution: [{ command: 'npx --no-install blastradius guard --agent cursor' }], beforeMCPExecution: [{ command: 'npx --no-install blastradius guard --agent cursor' }] },
    });
    const again = await runCli(['fix', dir, '--agents']);
    expect(again.stderr).toBe('blastradius fix: nothing to fix\n');
  });

  it('.gitignore: an untracked env file holding a credential is added', async () => {
    const dir = join(tmp, 'gitignore');
    mkdirSync(join(dir, 'api'), { recursive: true });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    git('add', '.gitignore');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    writeFileSync(join(dir, 'api/.env.local'), 'RAILWAY_API_TOKEN=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f\nRAILWAY_VOLUME_MOUNT_PATH=/data\n');
    const r = await runCli(['fix', dir, '--write']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n# secret files found by blastradius\n/api/.env.local\n');
    expect(JSON.parse(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).permissions.deny).toEqual(['Read(./api/.env*)']);
    expect(git('status', '--porcelain', '--', 'api').toString()).toBe('');
  });

  it('unified diff hunks', () => {
    expect(unifiedDiff('f', 'a\nb\nc\n', 'a\nB\nc\n')).toBe('--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n \n');
  });
});
