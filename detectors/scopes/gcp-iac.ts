// GCP service-account keys: the key file names its account (client_email); Terraform's google_service_account and
// IAM bindings say which roles it holds, and the predefined roles say what those allow. Basic roles are the wide ones:
// roles/owner and roles/editor can delete every resource in the project (owner can also grant itself anything).
// https://cloud.google.com/iam/docs/understanding-roles  https://cloud.google.com/iam/docs/roles-permissions
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';
import type { Permission, Reach, Verb } from '../../src/core/types.js';
import { resourcesOfType, type GcpPrincipalAttrs, type IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import { everything } from '../../src/pipeline/resolve.js';
import { mergeById } from '../inventory/resource-builder.js';

const verbs = (resourceType: string, ...vs: Verb[]): Permission[] => vs.map((verb) => ({ verb, resourceType }));
const ALL: Verb[] = ['read', 'write', 'delete', 'admin'];

/** Predefined roles (without `roles/`) → what they allow, from Google's IAM roles reference. */
const ROLES: Record<string, Permission[]> = {
  owner: everything(),
  // Editor: create, change and delete most resources; no IAM policy changes.
  editor: verbs('*', 'read', 'write', 'delete'),
  viewer: verbs('*', 'read'),
  'cloudsql.admin': [...verbs('database', ...ALL), ...verbs('backup', ...ALL)],
  // Cloud SQL Editor cannot delete, clone or restore instances.
  'cloudsql.editor': [...verbs('database', 'read', 'write'), ...verbs('backup', 'read', 'write')],
  'cloudsql.client': verbs('database', 'read', 'write'),
  'cloudsql.viewer': verbs('database', 'read'),
  'storage.admin': verbs('bucket', ...ALL),
  'storage.objectAdmin': verbs('bucket', 'read', 'write', 'delete'),
  'storage.objectCreator': verbs('bucket', 'write'),
  'storage.objectUser': verbs('bucket', 'read', 'write', 'delete'),
  'storage.objectViewer': verbs('bucket', 'read'),
  'compute.admin': [...verbs('volume', ...ALL), ...verbs('service', ...ALL), ...verbs('backup', ...ALL)],
  'compute.storageAdmin': [...verbs('volume', ...ALL), ...verbs('backup', ...ALL)],
  'compute.instanceAdmin.v1': [...verbs('service', ...ALL), ...verbs('volume', 'read', 'write', 'delete')],
  'container.admin': verbs('service', ...ALL),
  'run.admin': verbs('service', ...ALL),
  'bigquery.admin': verbs('database', ...ALL),
  'datastore.owner': verbs('database', ...ALL),
  'spanner.admin': [...verbs('database', ...ALL), ...verbs('backup', ...ALL)],
  'firebase.admin': verbs('*', 'read', 'write', 'delete'),
  'dns.admin': verbs('dns-zone', ...ALL),
  'secretmanager.admin': verbs('secret', ...ALL),
  'backupdr.admin': verbs('backup', ...ALL),
  // Can change the project's IAM policy, so can grant itself any role.
  'resourcemanager.projectIamAdmin': everything(),
  'iam.securityAdmin': everything(),
  'iam.serviceAccountAdmin': verbs('iam-principal', ...ALL),
  'iam.serviceAccountKeyAdmin': verbs('iam-principal', 'read', 'write', 'delete'),
  'iam.serviceAccountTokenCreator': verbs('iam-principal', 'write'),
};

const roleKey = (role: string) => role.replace(/^roles\//, '');
const RESOURCE_TYPE: Record<string, string> = { bucket: 'bucket', database: 'database', 'service-account': 'iam-principal', secret: 'secret' };

const resolver: ScopeResolver = {
  meta: { id: 'scope-gcp-iac', title: 'GCP service-account key → roles in Terraform', summary: 'A service-account key carries the roles Terraform binds to its account (owner/editor: everything in the project).' },
  providers: ['gcp'],
  resolve: (cred, ctx) => {
    if (cred.type !== 'service-account-key') return undefined;
    const email = cred.attributes.clientEmail;
    const project = cred.attributes.projectId;
    if (!email) return undefined;
    const local = email.split('@')[0];
    const principals = mergeById(resourcesOfType(ctx.resources, 'iam-principal').filter((r) => r.provider === 'gcp'));
    const found = principals.find((p) => (p.attributes as IamPrincipalAttrs).email === email) ??
      principals.find((p) => {
        const a = p.attributes as GcpPrincipalAttrs;
        return a.accountId === local && (!a.project || !project || a.project === project);
      });
    if (!found)
      return {
        reach: 'unknown',
        evidence: [{ source: 'iac', confidence: 'low', detail: `no google_service_account or IAM binding in the repository names ${email}` }],
        toConfirm: `Check the roles bound to ${email} (gcloud projects get-iam-policy ${project ?? '<project>'} --flatten=bindings[].members --filter=bindings.members:${email}).`,
      };
    const bindings = (found.attributes as GcpPrincipalAttrs).roleBindings ?? [];
    const permissions: Permission[] = [];
    const unknown: string[] = [];
    let reach: Reach = 'unknown';
    const widen = (r: Reach) => {
      const rank: Reach[] = ['unknown', 'resource', 'environment', 'project', 'workspace', 'account'];
      if (rank.indexOf(r) > rank.indexOf(reach)) reach = r;
    };
    for (const b of bindings) {
      const perms = ROLES[roleKey(b.role)];
      if (!perms) {
        unknown.push(b.role);
        continue;
      }
      if (b.on === 'project' || b.on === 'folder' || b.on === 'organization') {
        permissions.push(...perms);
        widen(b.on === 'project' ? 'project' : 'account');
      } else {
        // A role granted on one resource acts on that resource only.
        const type = RESOURCE_TYPE[b.on];
        permissions.push(...perms.filter((p) => p.resourceType === '*' || p.resourceType === type).map((p) => ({ ...p, resourceType: type ?? p.resourceType, ...(b.target ? { resource: b.target } : {}) })));
        widen('resource');
      }
    }
    const roles = bindings.map((b) => `${b.role} on ${b.on}${b.target ? ` ${b.target}` : ''}${b.conditional ? ' (conditional)' : ''}`);
    return {
      principal: `service account ${email}`,
      reach,
      permissions,
      confidence: bindings.some((b) => b.conditional) ? 'low' : 'medium',
      evidence: [
        {
          source: 'iac',
          confidence: 'medium',
          detail: `${found.name} in Terraform holds ${roles.join(', ') || 'no role bindings'}${unknown.length ? `; roles not interpreted: ${unknown.join(', ')}` : ''}`,
          location: { path: found.location.path, startLine: found.location.startLine },
        },
      ],
      toConfirm: 'Bindings made outside this Terraform (console, other repositories, inherited from folders) also apply; run gcloud projects get-iam-policy to see them all.',
    };
  },
  examples: [
    {
      name: 'deployer key with roles/editor on the project',
      credential: { provider: 'gcp', type: 'service-account-key', attributes: { clientEmail: 'deployer@acme-prod.iam.gserviceaccount.com', projectId: 'acme-prod' } },
      repo: {
        'infra/iam.tf':
          'resource "google_service_account" "deployer" {\n  account_id = "deployer"\n  project    = "acme-prod"\n}\nresource "google_project_iam_member" "editor" {\n  project = "acme-prod"\n  role    = "roles/editor"\n  member  = "serviceAccount:${google_service_account.deployer.email}"\n}\n',
      },
      expect: { reach: 'project', principal: 'service account deployer@acme-prod.iam.gserviceaccount.com', verbs: ['delete'] },
    },
    {
      name: 'exporter key with objectCreator on one bucket only',
      credential: { provider: 'gcp', type: 'service-account-key', attributes: { clientEmail: 'exporter@acme-prod.iam.gserviceaccount.com', projectId: 'acme-prod' } },
      repo: {
        'infra/iam.tf':
          'resource "google_storage_bucket_iam_member" "exporter" {\n  bucket = "acme-sql-exports"\n  role   = "roles/storage.objectCreator"\n  member = "serviceAccount:exporter@acme-prod.iam.gserviceaccount.com"\n}\n',
      },
      expect: { reach: 'resource', verbs: [] },
    },
    {
      name: 'key whose account is not in the repository',
      credential: { provider: 'gcp', type: 'service-account-key', attributes: { clientEmail: 'ci@other.iam.gserviceaccount.com' } },
      expect: { reach: 'unknown' },
    },
  ],
};

export default resolver;
