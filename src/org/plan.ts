// Splits an organisation's repositories into the shards of a GitHub Actions matrix. A matrix holds at most 256 jobs,
// so an organisation of more repositories gives each job several repositories, scanned one after another: the plan
// covers any number of repositories in one matrix, and `max-parallel` bounds how many jobs run at once.
import type { OrgRepo } from './list-repos.js';

export const MATRIX_LIMIT = 256;

export interface ScanPlan {
  repositories: number;
  /** One entry per matrix job: `shard` (its index) and the repositories it scans, as `owner/name@branch`. */
  shards: Array<{ shard: number; repos: string[] }>;
}

export function planShards(repos: readonly OrgRepo[], maxJobs = MATRIX_LIMIT): ScanPlan {
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MATRIX_LIMIT) throw new RangeError(`max jobs must be 1-${MATRIX_LIMIT}, got ${maxJobs}`);
  const jobs = Math.min(maxJobs, repos.length);
  const shards = Array.from({ length: jobs }, (_, shard) => ({ shard, repos: [] as string[] }));
  // Round-robin: shards differ by at most one repository.
  repos.forEach((r, i) => shards[i % jobs]!.repos.push(`${r.fullName}@${r.defaultBranch}`));
  return { repositories: repos.length, shards };
}
