// Reads a scan plan written by `org plan` back into the repositories it lists (`owner/name`), for `merge --expect`.
import { readFileSync } from 'node:fs';
import { UsageError } from '../core/usage-error.js';

export function readPlan(file: string): string[] {
  let plan: { shards?: Array<{ repos?: unknown }> };
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as typeof plan;
  } catch (e) {
    throw new UsageError(`--expect ${file}: not a readable scan plan (${(e as Error).message.split('\n')[0]})`);
  }
  if (!Array.isArray(plan.shards)) throw new UsageError(`--expect ${file}: not a scan plan (no "shards")`);
  return plan.shards.flatMap((s) => (Array.isArray(s.repos) ? s.repos.map((r) => String(r).split('@')[0]!) : []));
}
