// Lists an organisation's GitHub Actions secrets (@octokit/rest, every page, rate limits waited out as for the
// repository listing) and, for each, the repositories that can use it:
//   GET /orgs/{org}/actions/secrets                              → name, visibility (all | private | selected)
//   GET /orgs/{org}/actions/secrets/{secret_name}/repositories   → the selected repositories
//   GET /orgs/{org}/repos                                        → which repositories are private or internal, when a
//                                                                  secret's visibility is `private`
// https://docs.github.com/rest/actions/secrets — the token needs the organisation's "Secrets" permission (read);
// values are never returned. A refusal (403/404) is recorded in the inventory instead of failing the run.
import { githubClient, type ListOptions } from './list-repos.js';
import { ORG_SECRETS_KIND, ORG_SECRETS_VERSION, type OrgSecret, type OrgSecretsInventory } from './secrets-inventory.js';

interface HttpError {
  status?: number;
  message?: string;
}

/** A refusal the caller should record rather than crash on: the token lacks the permission, or cannot see the org. */
function refusal(error: unknown, what: string): string | undefined {
  const e = error as HttpError;
  if (e.status !== 403 && e.status !== 404) return undefined;
  const why = e.status === 404 ? 'not found (the organisation does not exist, or the token cannot see it)' : 'forbidden';
  return `GitHub answered ${e.status} to ${what}: ${why}; the token needs the organisation permission "Secrets" (read)`;
}

export async function listOrgSecrets(org: string, opts: ListOptions): Promise<OrgSecretsInventory> {
  const octokit = githubClient(opts);
  const inventory: OrgSecretsInventory = { kind: ORG_SECRETS_KIND, version: ORG_SECRETS_VERSION, org, secrets: [] };
  try {
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.listOrgSecrets, { org, per_page: 100 }))
      for (const s of page.data) inventory.secrets.push({ name: s.name, visibility: s.visibility, updatedAt: s.updated_at });
  } catch (error) {
    const why = refusal(error, `GET /orgs/${org}/actions/secrets`);
    if (!why) throw error;
    return { ...inventory, error: why };
  }
  let privateRepos: string[] | undefined;
  for (const s of inventory.secrets) {
    try {
      if (s.visibility === 'selected') s.repositories = await selectedRepos(octokit, org, s);
      else if (s.visibility === 'private') s.repositories = privateRepos ??= await nonPublicRepos(octokit, org);
    } catch (error) {
      const why = refusal(error, s.visibility === 'selected' ? `GET /orgs/${org}/actions/secrets/${s.name}/repositories` : `GET /orgs/${org}/repos`);
      if (!why) throw error;
      s.error = why;
    }
  }
  inventory.secrets.sort((a, b) => a.name.localeCompare(b.name));
  return inventory;
}

async function selectedRepos(octokit: ReturnType<typeof githubClient>, org: string, s: OrgSecret): Promise<string[]> {
  const out: string[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.actions.listSelectedReposForOrgSecret, { org, secret_name: s.name, per_page: 100 }))
    for (const r of page.data) out.push(r.full_name);
  return out.sort();
}

/** `private` secrets reach the organisation's private and internal repositories. */
async function nonPublicRepos(octokit: ReturnType<typeof githubClient>, org: string): Promise<string[]> {
  const out: string[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.repos.listForOrg, { org, type: 'all', per_page: 100 }))
    for (const r of page.data) if (r.private || (r.visibility !== undefined && r.visibility !== 'public')) out.push(r.full_name);
  return out.sort();
}
