// GCP service-account keys: the key file names its account (client_email); Terraform's google_service_account and
// IAM bindings say which roles it holds, and the predefined roles say what those allow. Basic roles are the wide ones:
// roles/owner and roles/editor can delete every resource in the project (owner can also grant itself anything).
// https://cloud.google.com/iam/docs/understanding-roles  https://cloud.google.com/iam/docs/roles-permissions
import type { ScopeContext, ScopeResolver } from '../../src/pipeline/detector-api.js';
import type { Confidence, Credential, Permission, Reach, Resource, Verb } from '../../src/core/types.js';
import { linkByEvidence } from './principal-link.js';
import { resourcesOfType, type GcpPrincipalAttrs, type GcpRoleBinding, type IamPrincipalAttrs } from '../../src/pipeline/resources.js';
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

/** What a role's service is called where keys are used (`roles/cloudsql.client` → cloudsql, sql, database). */
const SERVICE_WORDS: Record<string, string[]> = {
  cloudsql: ['sql', 'database', 'db', 'postgres', 'mysql'],
  storage: ['gcs', 'bucket', 'buckets', 'uploads', 'files'],
  bigquery: ['bq', 'warehouse', 'analytics'],
  run: ['cloudrun', 'deploy', 'deployer'],
  container: ['gke', 'kubernetes', 'deploy', 'deployer'],
  dns: ['domains', 'domain'],
  secretmanager: ['secrets'],
  pubsub: ['queue', 'events'],
  logging: ['logs'],
  monitoring: ['metrics'],
};

function roleWords(bindings: readonly GcpRoleBinding[]): string[] {
  return bindings.flatMap((b) => {
    const service = roleKey(b.role).split('.')[0]!.toLowerCase();
    return ['owner', 'editor', 'viewer'].includes(service) ? [] : [service, ...(SERVICE_WORDS[service] ?? [])];
  });
}

/**
 * The declared service account a key belongs to: the one its client_email names (account id and project), else the
 * one the evidence where the key is written points to (its file, variable and comments, and the email's own words,
 * held against each account's names and roles; the only account the IaC makes a key for).
 */
function accountFor(cred: Credential, ctx: ScopeContext): { account: Resource; why?: string; confidence: Confidence } | undefined {
  const email = cred.attributes.clientEmail;
  const project = cred.attributes.projectId;
  const local = email?.split('@')[0];
  const principals = mergeById(resourcesOfType(ctx.resources, 'iam-principal').filter((r) => r.provider === 'gcp'));
  const exact =
    (email && principals.find((p) => (p.attributes as IamPrincipalAttrs).email === email)) ||
    principals.find((p) => {
      const a = p.attributes as GcpPrincipalAttrs;
      return !!local && a.accountId === local && (!a.project || !project || a.project === project);
    });
  if (exact) return { account: exact, confidence: 'medium' };
  // An account of another project, or with another literal account id or email, is not this key's: evidence decides
  // only among accounts whose id Terraform computes (`"${var.env}-uploader"`).
  const candidates = principals.filter((p) => {
    const a = p.attributes as GcpPrincipalAttrs & IamPrincipalAttrs;
    return !(a.project && project && a.project !== project) && !(a.email && email) && !(a.accountId && local);
  });
  const link = linkByEvidence(
    { ...cred, hints: [...cred.hints, ...(local ? [local] : [])] },
    candidates.map((p) => {
      const a = p.attributes as GcpPrincipalAttrs & IamPrincipalAttrs;
      return {
        resource: p,
        names: [p.name, p.id.replace(/^terraform:(?:module\.[^.]+\.)?google_service_account\./, '').split('@')[0]!, ...(a.purpose ? [a.purpose] : [])],
        purposeWords: roleWords(a.roleBindings ?? []),
        createsKey: !!a.accessKeys?.length,
      };
    }),
    'service account',
  );
  return link && { account: link.resource, why: link.why, confidence: link.confidence };
}
const RESOURCE_TYPE: Record<string, string> = { bucket: 'bucket', database: 'database', 'service-account': 'iam-principal', secret: 'secret' };

const resolver: ScopeResolver = {
  meta: { id: 'scope-gcp-iac', title: 'GCP service-account key → roles in Terraform', summary: 'A service-account key carries the roles Terraform binds to its account (owner/editor: everything in the project).' },
  providers: ['gcp'],
  resolve: (cred, ctx) => {
    if (cred.type !== 'service-account-key') return undefined;
    const email = cred.attributes.clientEmail;
    const project = cred.attributes.projectId;
    const link = accountFor(cred, ctx);
    if (!link && !email) return undefined;
    if (!link)
      return {
        reach: 'unknown',
        evidence: [{ source: 'iac', confidence: 'low', detail: `no google_service_account or IAM binding in the repository names ${email} or what the key is for` }],
        toConfirm: `Check the roles bound to ${email} (gcloud projects get-iam-policy ${project ?? '<project>'} --flatten=bindings[].members --filter=bindings.members:${email}).`,
      };
    const found = link.account;
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
      principal: `service account ${email ?? (found.attributes as IamPrincipalAttrs).email ?? found.name}`,
      reach,
      permissions,
      confidence: bindings.some((b) => b.conditional) ? 'low' : link.confidence,
      evidence: [
        {
          source: 'iac',
          confidence: link.confidence,
          detail: `${link.why ? `${link.why}; it` : `${found.name} in Terraform`} holds ${roles.join(', ') || 'no role bindings'}${unknown.length ? `; roles not interpreted: ${unknown.join(', ')}` : ''}`,
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
      // The account id is computed (var.env), so the e-mail is not written: the key's file names what it is for.
      name: 'key linked by purpose to the account whose name says it',
      credential: { provider: 'gcp', type: 'service-account-key', hints: ['config', 'gcp', 'exports-key'], attributes: { clientEmail: 'prod-sql-exports@acme-prod.iam.gserviceaccount.com', projectId: 'acme-prod' } },
      repo: {
        'infra/iam.tf':
          'variable "env" {}\nresource "google_service_account" "exports" {\n  account_id   = "${var.env}-sql-exports"\n  display_name = "SQL exports"\n}\nresource "google_project_iam_member" "exports" {\n  project = "acme-prod"\n  role    = "roles/cloudsql.admin"\n  member  = "serviceAccount:${google_service_account.exports.email}"\n}\nresource "google_service_account" "web" {\n  account_id = "${var.env}-web"\n}\n',
      },
      expect: { reach: 'project', verbs: ['delete', 'admin'], confidence: 'medium' },
    },
    {
      name: 'key whose account is not in the repository',
      credential: { provider: 'gcp', type: 'service-account-key', attributes: { clientEmail: 'ci@other.iam.gserviceaccount.com' } },
      expect: { reach: 'unknown' },
    },
  ],
};

export default resolver;
