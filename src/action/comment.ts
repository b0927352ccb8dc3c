// The PR comment: exactly one per pull request (per category), found again by a hidden marker and updated in place.
import type { Octokit } from '@octokit/rest';
import { DEFAULT_CATEGORY } from './inputs.js';

export const MARKER = '<!-- blastradius -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT = 65_000;

/** The markers a comment carries: the fixed one, plus the category when it is not the default. */
export function markerFor(category: string): string {
  return category === DEFAULT_CATEGORY ? MARKER : `${MARKER}\n<!-- blastradius-category: ${category.replace(/--/g, '-')} -->`;
}

function matches(body: string | undefined, category: string): boolean {
  if (!body?.includes(MARKER)) return false;
  const cat = /<!-- blastradius-category: (.*?) -->/.exec(body)?.[1];
  return category === DEFAULT_CATEGORY ? cat === undefined : cat === category.replace(/--/g, '-');
}

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  category: string;
}

export async function upsertComment(octokit: Octokit, target: CommentTarget, markdown: string): Promise<{ action: 'created' | 'updated'; id: number; url?: string }> {
  const marker = markerFor(target.category);
  let body = `${marker}\n${markdown}`;
  if (body.length > MAX_COMMENT) body = `${body.slice(0, MAX_COMMENT - 120)}\n\n… comment truncated; the job summary and the SARIF have everything.\n`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 });
  const ours = comments.filter((c) => matches(c.body, target.category));
  // Prefer a comment a bot (this Action) wrote; a person quoting the marker must not have their comment rewritten.
  const existing = ours.find((c) => c.user?.type === 'Bot') ?? ours.find((c) => !c.user);
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
  return { action: 'created', id: data.id, url: data.html_url };
}
