// Worker threads load built modules only: a worker started from the TypeScript sources (tests, tsx) could not load .ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The built module `name` beside the module at `base` (its `import.meta.url`), or undefined when `base` is not built
 * JavaScript or the file is absent (the Action's one-file bundle has no worker modules): the caller then does the work
 * on its own thread.
 */
export function builtSibling(name: string, base: string): URL | undefined {
  if (!base.endsWith('.js')) return undefined;
  const url = new URL(`./${name}`, base);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}
