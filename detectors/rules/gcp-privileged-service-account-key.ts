// A Google Cloud service-account key whose account holds roles/owner or roles/editor.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import type { Credential, Evidence, Resource } from '../../src/core/types.js';
import { credentialLabel } from '../../src/pipeline/chain.js';
import { credentialDraft } from './shared.js';
// The credential rule's labelled example key file (fake key material in the documented format).
import { SA_JSON } from '../credentials/gcp.js';

const BASIC_ROLES = /^roles\/(?:owner|editor)$/;

const isGcpPrincipal = (r: Resource) => r.type === 'iam-principal' && (r.provider === 'gcp' || r.provider === 'google');

/**
 * The IaC principal of a key: same e-mail, or the account id (before the @) as its name; else the account the scope
 * resolver linked it to on evidence (its evidence points at the account's declaration).
 */
function principalOf(c: Credential, resources: readonly Resource[]): { principal: Resource; linked?: Evidence } | undefined {
  const email = c.attributes.clientEmail?.toLowerCase();
  const accountId = email?.split('@')[0];
  const named =
    email &&
    resources.find((r) => {
      if (!isGcpPrincipal(r)) return false;
      const a = r.attributes as IamPrincipalAttrs;
      return a.email?.toLowerCase() === email || r.name.toLowerCase() === email || r.name.toLowerCase() === accountId;
    });
  if (named) return { principal: named };
  const linked = c.scope.evidence.find((e) => e.source === 'iac' && e.detail.startsWith('linked ') && e.location);
  const principal = linked && resources.find((r) => isGcpPrincipal(r) && r.location.path === linked.location!.path && r.location.startLine === linked.location!.startLine);
  return principal ? { principal, linked } : undefined;
}

/** The roles bound to a principal, wherever the bindings were declared (one id, several files). */
const rolesOf = (principal: Resource, resources: readonly Resource[]) =>
  resources.filter((r) => r.id === principal.id).flatMap((r) => (r.attributes as IamPrincipalAttrs).roles ?? []);

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
      const found = principalOf(c, resources);
      const principal = found?.principal;
      const roles = [...new Set(principal ? rolesOf(principal, resources) : [])].filter((r) => BASIC_ROLES.test(r));
      const scopeAdmin = c.scope.permissions.some((p) => p.resourceType === '*' && p.verb === 'admin');
      if (!roles.length && !scopeAdmin) continue;
      const what = roles.length ? roles.join(' and ') : 'project-wide admin (resolved scope)';
      out.push(
        credentialDraft(c, graph, `${credentialLabel(c)} is a key for ${c.attributes.clientEmail ?? 'a service account'}, which holds ${what}: it can delete every database, disk and bucket of the project, and the key never expires.`, {
          resourceIds: principal ? [principal.id] : [],
          // Linked on evidence rather than by its e-mail: as sure as the link.
          ...(found?.linked ? { confidence: found.linked.confidence } : {}),
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
