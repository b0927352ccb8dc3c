// What a run may trust and do. On a pull request from a fork the head is someone else's code: the configuration comes
// from the base commit, nothing is ever executed (the scanner only reads files), and on `pull_request` events the
// token is read-only, so code-scanning upload and the PR comment are skipped with a notice instead of failing.
import type { RunContext } from './inputs.js';

export interface TrustPolicy {
  /** The head may not choose the configuration (read it from the base commit). */
  untrustedHead: boolean;
  /** The token cannot write: skip upload and comment. */
  readOnlyToken: boolean;
  /** Words for the notice, when anything is skipped or restricted. */
  reason?: string;
}

export function trustPolicy(ctx: RunContext): TrustPolicy {
  const pr = ctx.pullRequest;
  if (!pr?.fromFork) return { untrustedHead: false, readOnlyToken: false };
  const from = pr.headRepo ?? 'a deleted repository';
  // pull_request_target runs with a write token in the base repository's context; pull_request from a fork does not.
  const readOnly = ctx.eventName !== 'pull_request_target';
  return {
    untrustedHead: true,
    readOnlyToken: readOnly,
    reason: `pull request #${pr.number} comes from a fork (${from})`,
  };
}

/** HTTP statuses that mean "this token may not do that here", which is never a reason to fail the check. */
export function isPermissionError(e: unknown): boolean {
  const status = (e as { status?: number }).status;
  return status === 401 || status === 403 || status === 404;
}
