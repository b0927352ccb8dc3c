// Folds what a provider said into the credential's scope: live evidence is appended; a confirmed reach and
// permissions replace the static guess (confidence high); a contradiction is written into scope.conflict.
import type { Credential, Evidence } from '../core/types.js';
import { mergeScope } from '../pipeline/resolve.js';
import type { LiveResult } from './types.js';

export function applyLive(cred: Credential, result: LiveResult, evidence: Evidence[]): void {
  const before = cred.scope;
  const merged = mergeScope(before, { evidence });
  if (!result.confirmed) {
    cred.scope = merged;
    return;
  }
  cred.scope = {
    ...merged,
    principal: result.principal ?? merged.principal,
    reach: result.reach ?? merged.reach,
    permissions: result.permissions ?? merged.permissions,
    environments: result.environments?.length ? result.environments : merged.environments,
    confidence: result.reach || result.permissions ? 'high' : merged.confidence,
    ...(result.conflict ? { conflict: result.conflict } : {}),
  };
  if (result.reach && result.reach !== 'unknown') delete cred.scope.toConfirm;
}
