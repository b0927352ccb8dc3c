// `blastradius fix [path]`: prints the edits as a unified diff (dry run); `--write` applies them and re-scans to show
// which findings each edit resolved; a file with uncommitted changes is refused unless `--force`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/usage-error.js';
import { visible } from '../report/safe-text.js';
import type { FileEdit, FixPlan } from './plan.js';
import type { Replacement, Suggestion } from '../report/suggested-fixes.js';

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}
interface FixFlags {
  write?: boolean;
  force?: boolean;
  includeSuggestions?: boolean;
  agents?: boolean;
  config?: string;
}

/** True when git knows the file has changes not yet committed (outside git: never). */
function dirty(root: string, path: string): boolean {
  try {
    return execFileSync('git', ['status', '--porcelain', '--', path], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
  } catch {
    return false;
  }
}

export function registerFix(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('fix')
    .description('safe, mechanical fixes for what the scan found (agent deny rules, ignore files, MCP env references); a dry run printing a diff unless --write')
    .argument('[path]', 'folder to fix', '.')
    .option('--write', 'apply the edits, then re-scan')
    .option('--force', 'also edit files that have uncommitted changes')
    .option('--include-suggestions', 'with --write, also apply the suggested edits a human should decide on (Terraform deletion protection and prevent_destroy, workflow environments and permissions)')
    .option('--agents', 'install the blastradius guard hook for Claude Code (.claude/settings.json) and Cursor (.cursor/hooks.json)')
    .option('-c, --config <file>', 'configuration file (default: .blastradius.yml/.yaml/.json in the folder)')
    .action(async (path: string, flags: FixFlags) => {
      const root = resolve(path);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${path}: no such folder`);
      // Loaded here, not at start-up: the scan, the planners and the diff only for this command.
      const { loadConfig } = await import('../config/config.js');
      const { scanDirectory } = await import('../scan.js');
      const { planFixes } = await import('./plan.js');
      const { planAgentHooks } = await import('./agents.js');
      const { unifiedDiff } = await import('./unified-diff.js');
      const { applyReplacements, suggestionsFor } = await import('../report/suggested-fixes.js');
      const config = loadConfig(root, flags.config);
      const before = flags.agents ? undefined : await scanDirectory(root, { config });
      const plan: FixPlan = before ? planFixes(root, before) : planAgentHooks(root);
      const scrub = (s: string) => (before ? before.vault.scrub(s) : s);
      let refused = 0;
      for (const s of plan.skipped) io.stderr(`blastradius fix: ${visible(s.path)}: ${s.reason}\n`);
      const applied: FileEdit[] = [];
      for (const e of plan.edits) {
        if (!flags.force && e.before && dirty(root, e.path)) {
          io.stderr(`blastradius fix: ${visible(e.path)}: has uncommitted changes; not edited (commit them, or pass --force)\n`);
          refused++;
          continue;
        }
        io.stdout(scrub(unifiedDiff(e.path, e.before, e.after)));
        for (const c of e.changes) io.stderr(scrub(`  ${e.path}: ${c}\n`));
        for (const n of e.notes) io.stderr(scrub(`  note: ${n}\n`));
        applied.push(e);
      }
      // Suggestions join the writes only on explicit opt-in; otherwise they are shown, marked, and left alone.
      const suggested = before ? suggestionsFor(before) : { suggestions: new Map<string, Suggestion>(), skipped: [] };
      // A reason may quote the file (a step's name): scrubbed like the diff, control characters shown escaped.
      for (const s of suggested.skipped) io.stderr(`blastradius fix: ${visible(s.path)}: ${visible(scrub(s.reason))}\n`);
      const byFile = new Map<string, FileEdit & { replacements: Replacement[] }>();
      for (const [fingerprint, s] of suggested.suggestions) {
        const e = byFile.get(s.path) ?? { path: s.path, before: readFileSync(join(root, s.path), 'utf8'), after: '', changes: [], resolves: [], notes: [], replacements: [] };
        e.replacements.push(...s.replacements);
        e.resolves.push(fingerprint);
        e.changes.push(`line ${s.replacements[0]!.startLine}: ${s.change} (suggested)`);
        byFile.set(s.path, e);
      }
      for (const e of byFile.values()) {
        // All of a file's replacements at once, on the text the scan read, so line numbers stay right.
        e.after = applyReplacements(e.before, e.replacements);
        io.stdout(`# suggested — not written by --write (add --include-suggestions)\n${scrub(unifiedDiff(e.path, e.before, e.after))}`);
        if (!flags.includeSuggestions) continue;
        if (!flags.force && dirty(root, e.path)) {
          io.stderr(`blastradius fix: ${visible(e.path)}: has uncommitted changes; not edited (commit them, or pass --force)\n`);
          refused++;
          continue;
        }
        applied.push(e);
      }
      if (!plan.edits.length && !plan.skipped.length && !suggested.skipped.length) {
        if (!suggested.suggestions.size) io.stderr('blastradius fix: nothing to fix\n');
        else if (!flags.includeSuggestions) io.stderr(`blastradius fix: nothing to fix but the ${suggested.suggestions.size} suggestion(s) above (--include-suggestions writes them)\n`);
      }
      if (flags.write) {
        for (const e of applied) {
          mkdirSync(dirname(join(root, e.path)), { recursive: true });
          writeFileSync(join(root, e.path), e.after);
        }
        if (before) {
          const after = await scanDirectory(root, { config });
          const still = new Set(after.findings.map((f) => f.fingerprint));
          const targeted = applied.flatMap((e) => e.resolves);
          const open = targeted.filter((fp) => still.has(fp));
          io.stderr(`blastradius fix: ${applied.length} file(s) written; re-scan: ${targeted.length - open.length} of ${targeted.length} targeted finding(s) resolved${open.length ? `, still present: ${before.findings.filter((f) => open.includes(f.fingerprint)).map((f) => `${f.ruleId} at ${f.locations[0]?.path ?? '?'}`).join(', ')}` : ''}\n`);
        } else io.stderr(`blastradius fix: ${applied.length} file(s) written\n`);
      } else if (applied.length) io.stderr(`blastradius fix: dry run; ${applied.length} file(s) would change (run with --write to apply)\n`);
      setExit(refused || plan.skipped.length ? 1 : 0);
    });
}
