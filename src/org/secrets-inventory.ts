// The organisation's GitHub Actions secrets as `blastradius org secrets` writes them (schema/org-secrets.schema.json)
// and `merge --org-secrets` reads them back: names and who can use them, never a value (the API has none to give).
// A file that cannot be used, or one that records why the API refused, becomes a diagnostic and the merge goes on.
import { readFileSync } from 'node:fs';

export const ORG_SECRETS_KIND = 'blastradius-org-secrets';
export const ORG_SECRETS_VERSION = '1.0.0';

export interface OrgSecret {
  name: string;
  /** Which repositories of the organisation can use it (GitHub's `visibility`). */
  visibility: 'all' | 'private' | 'selected';
  updatedAt?: string;
  /** `owner/name` of every repository that can use it; absent for `all` (every repository of the organisation). */
  repositories?: string[];
  /** Why the repositories could not be listed (then the secret is left out of the rules). */
  error?: string;
}

export interface OrgSecretsInventory {
  kind: typeof ORG_SECRETS_KIND;
  version: string;
  org: string;
  secrets: OrgSecret[];
  /** Why the organisation's secrets could not be listed at all (missing permission, unknown organisation). */
  error?: string;
}

export interface OrgSecretsRead {
  org?: string;
  /** The secrets the rules can use: a known visibility and, unless `all`, the repositories. */
  secrets: OrgSecret[];
  /** Shaped like the merge's own diagnostics (src/org/merge.ts), which carry them. */
  diagnostics: Array<{ source: string; code: 'org-secrets'; message: string }>;
}

const VISIBILITIES = new Set(['all', 'private', 'selected']);

/** The usable secrets of an inventory file, and a diagnostic for everything else in it. */
export function readOrgSecrets(file: string): OrgSecretsRead {
  const fail = (message: string): OrgSecretsRead => ({ secrets: [], diagnostics: [{ source: file, code: 'org-secrets', message }] });
  let doc: Partial<OrgSecretsInventory>;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<OrgSecretsInventory>;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('cannot read: ENOENT (no inventory: did `blastradius org secrets` fail? its log says why)');
    return fail(code ? `cannot read: ${code}` : 'not JSON (a truncated or corrupted file?)');
  }
  if (!doc || typeof doc !== 'object' || doc.kind !== ORG_SECRETS_KIND || typeof doc.org !== 'string') return fail(`not an organisation secrets inventory (no kind "${ORG_SECRETS_KIND}" and org; write one with \`blastradius org secrets\`)`);
  if (typeof doc.version !== 'string' || doc.version.split('.')[0] !== ORG_SECRETS_VERSION.split('.')[0]) return fail(`inventory version ${String(doc.version)}; this blastradius reads ${ORG_SECRETS_VERSION.split('.')[0]}.x`);
  if (doc.error) return fail(`${doc.org}: the organisation's secrets were not listed: ${doc.error}`);
  if (!Array.isArray(doc.secrets)) return fail('no "secrets" list');
  const out: OrgSecretsRead = { org: doc.org, secrets: [], diagnostics: [] };
  for (const s of doc.secrets as Array<Partial<OrgSecret>>) {
    const name = typeof s?.name === 'string' ? s.name : undefined;
    if (!name || !VISIBILITIES.has(String(s.visibility))) {
      out.diagnostics.push({ source: file, code: 'org-secrets', message: `secret ${name ?? '(no name)'}: no name or an unknown visibility (${String(s?.visibility)}); left out` });
      continue;
    }
    if (s.error) {
      out.diagnostics.push({ source: file, code: 'org-secrets', message: `secret ${name}: its repositories were not listed: ${s.error}; left out` });
      continue;
    }
    if (s.visibility !== 'all' && !Array.isArray(s.repositories)) {
      out.diagnostics.push({ source: file, code: 'org-secrets', message: `secret ${name}: visibility ${s.visibility} without its repositories; left out` });
      continue;
    }
    out.secrets.push({ name, visibility: s.visibility!, updatedAt: s.updatedAt, ...(s.visibility === 'all' ? {} : { repositories: s.repositories!.map(String) }) });
  }
  return out;
}

/** Which repositories (`owner/name`) can use the secret. GitHub's names are case-insensitive. */
export function secretReach(secret: OrgSecret, org: string): (repo: string) => boolean {
  if (secret.visibility === 'all') return (repo) => repo.toLowerCase().startsWith(`${org.toLowerCase()}/`);
  const allowed = new Set((secret.repositories ?? []).map((r) => r.toLowerCase()));
  return (repo) => allowed.has(repo.toLowerCase());
}
