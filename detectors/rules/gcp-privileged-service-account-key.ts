// A Google Cloud service-account key whose account holds roles/owner or roles/editor.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import type { Credential, Resource } from '../../src/core/types.js';
import { credentialLabel } from '../../src/pipeline/chain.js';
import { credentialDraft } from './shared.js';
// The credential rule's labelled example key file (fake key material in the documented format).
import { SA_JSON } from '../credentials/gcp.js';

const BASIC_ROLES = /^roles\/(?:owner|editor)$/;

/** The IaC principal of a key: same e-mail, or the account id (before the @) as its name. */
function principalOf(c: Credential, resources: readonly Resource[]): Resource | undefined {
  const email = c.attributes.clientEmail?.toLowerCase();
  if (!email) return undefined;
  const accountId = email.split('@')[0];
  return resources.find((r) => {
    if (r.type !== 'iam-principal' || (r.provider !== 'gcp' && r.provider !== 'google')) return false;
    const a = r.attributes as IamPrincipalAttrs;
    return a.email?.toLowerCase() === email || r.name.toLowerCase() === email || r.name.toLowerCase() === accountId;
  });
}

const rule: FindingRule = {
  meta: {
    id: 'gcp-privileged-service-account-key',
    title: 'Google Cloud service-account key with Owner or Editor',
    severity: 'critical',
    category: 'credential-scope',
    confidence: 'medium',
    summary: 'A service-account key file whose account is granted the basic roles/owner or roles/editor (in IaC or by its resolved scope).',
    help: {
      why: 'Service-account keys do not expire by default, and the basic Owner and Editor roles include deleting Cloud SQL instances and their backups, disks, snapshots and buckets across the whole project. Google recommends against both: basic roles in production, and user-managed keys where keyless options exist.',
      fix: 'Delete the key, replace roles/owner or roles/editor with predefined roles for what the account does (e.g. roles/run.developer, roles/cloudsql.client), and authenticate keylessly: Workload Identity Federation for CI, attached service accounts for workloads. Enforce `iam.disableServiceAccountKeyCreation`.',
      references: [
        'https://cloud.google.com/iam/docs/understanding-roles#basic',
        'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
        'https://cloud.google.com/iam/docs/workload-identity-federation',
      ],
    },
  },
  check: ({ credentials, resources, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      if (c.provider !== 'gcp' || c.type !== 'service-account-key') continue;
      const principal = principalOf(c, resources);
      const roles = ((principal?.attributes as IamPrincipalAttrs | undefined)?.roles ?? []).filter((r) => BASIC_ROLES.test(r));
      const scopeAdmin = c.scope.permissions.some((p) => p.resourceType === '*' && p.verb === 'admin');
      if (!roles.length && !scopeAdmin) continue;
      const what = roles.length ? roles.join(' and ') : 'project-wide admin (resolved scope)';
      out.push(
        credentialDraft(c, graph, `${credentialLabel(c)} is a key for ${c.attributes.clientEmail ?? 'a service account'}, which holds ${what}: it can delete every database, disk and bucket of the project, and the key never expires.`, {
          resourceIds: principal ? [principal.id] : [],
          extra: roles.map((r) => ({ kind: 'fact' as const, label: `${principal!.name} has ${r}` })),
        }),
      );
    }
    return out;
  },
  examples: [
    {
      name: 'deployer key with roles/owner in Terraform',
      repo: {
        'infra/iam.tf':
          'resource "google_service_account" "deployer" {\n  account_id   = "deployer"\n  display_name = "Deployer"\n}\nresource "google_project_iam_member" "deployer_owner" {\n  project = "billing-prod-4821"\n  role    = "roles/owner"\n  member  = "serviceAccount:deployer@billing-prod-4821.iam.gserviceaccount.com"\n}\n',
        'deploy/gcp-sa.json': SA_JSON,
      },
      fires: true,
      mentions: 'roles/owner',
    },
    {
      name: 'deployer key with a predefined role',
      repo: {
        'infra/iam.tf':
          'resource "google_service_account" "deployer" {\n  account_id   = "deployer"\n  display_name = "Deployer"\n}\nresource "google_project_iam_member" "deployer_run" {\n  project = "billing-prod-4821"\n  role    = "roles/run.developer"\n  member  = "serviceAccount:deployer@billing-prod-4821.iam.gserviceaccount.com"\n}\n',
        'deploy/gcp-sa.json': SA_JSON,
      },
      fires: false,
    },
  ],
};

export default rule;
