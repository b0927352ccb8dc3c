import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default (cores - 1) is one file at a time on a 2-core machine, yet the slowest files mostly wait on
    // child processes (the CLI, the bundled Action, git): two files in flight keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
