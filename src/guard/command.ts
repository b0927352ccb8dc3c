// `blastradius guard`: the command agent hooks run before a shell command or MCP tool call. Reads the hook payload
// (stdin, or --input FILE), prints the answer in the agent's format and exits 0; the decision is in the JSON.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/usage-error.js';
import type { Agent } from './hook-io.js';

interface Io {
  stdout: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

export function registerGuard(program: Command, io: Io): void {
  program
    .command('guard')
    .description('agent hook: read a Claude Code PreToolUse or Cursor beforeShellExecution/beforeMCPExecution payload and answer allow, ask or deny')
    .addOption(new Option('--agent <agent>', 'answer in this agent\'s format (default: from the payload)').choices(['claude', 'cursor']))
    .option('--input <file>', 'read the payload from a file instead of standard input')
    .action(async (flags: { agent?: Agent; input?: string }) => {
      let text: string;
      try {
        text = readFileSync(flags.input ?? 0, 'utf8');
      } catch (e) {
        if (flags.input) throw new UsageError(`${flags.input}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        text = '';
      }
      // Loaded here, not at start-up: the detectors only for this command.
      const { formatHookOutput, parseHookInput } = await import('./hook-io.js');
      const { assess } = await import('./assess.js');
      const call = parseHookInput(text, flags.agent);
      const cwd = ('cwd' in call && call.cwd) || process.cwd();
      const verdict = await assess(call, cwd, io.env).catch((e: Error) => ({
        decision: 'ask' as const,
        reason: `blastradius guard failed (${e.name}); confirm this tool call yourself`,
      }));
      io.stdout(formatHookOutput(call.agent, verdict.decision, verdict.reason));
    });
}
