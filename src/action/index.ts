// Entry point of the bundled Action (dist-action/index.js).
import * as core from '@actions/core';
import { run } from './main.js';

try {
  await run();
} catch (e) {
  // The message of an unexpected error never holds a secret (reports are scrubbed), but keep it to one line.
  core.setFailed(`blastradius: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
}
// The HCL parser's Go/WebAssembly runtime can keep the event loop alive; everything is written by now.
process.exit(process.exitCode ?? 0);
