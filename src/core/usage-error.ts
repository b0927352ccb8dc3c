// Its own module so that the command line can recognise it without loading the configuration code.

/** A usage or configuration error: the CLI prints its message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
