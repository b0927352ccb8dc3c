// A Google Cloud service-account key whose account holds roles/owner or roles/editor.
import type { FindingDraft, FindingRule } from '../../src/detector-api.js';
import type { IamPrincipalAttrs } from '../../src/resources.js';
import type { Credential, Resource } from '../../src/types.js';
import { credentialLabel } from '../../src/chain.js';
import { credentialDraft } from './shared.js';

// An illustrative (non-working) key file in the documented format.
const PK_BODY =
  'vAUd06OzwQhmBHf/ZFIuX7w18V5jtSx/cOnD4SJTGapECT7JmPw2BDLkRG6lF7Ln\\nTmAvKdhK9PDReMDLNkrYUF8QCjGJxtsun1fGjJS6o2I4q1xDwAja746nSrtEvA4v\\n7lgUpnnoi+WKf5toUe4+6wtXpI0CmwHT/tSLjD4RJR2+xZzN8F6s7UzKcUh4L7iP\\nkTp6/ovkiZ//qF2D+LLDAQbg4nEKtXR5E+4XxbPQWPj+99vssmOZupx/VZgaNyeR\\no6tkHzwJQGzGAa2vbMKDacCGbK+6Jvd2sQG1EnMD0RFqtwy0HYu6q//5/9xsrZIX\\nsc0FNmqgPVdHOm/NaH0gf/eoYH4orXarQGR7IYlvF0twNkLB8c+wXCPaMjcE+ErK\\nAR648pqUTuAcT3kBukmCKINsK/suEDBkKh1vWJYiUQL6AMQWE/tYKWkKBeqFNz10\\nU7ftM5RF/fIBzfjZNUAj3EunUlIDo/sDAsWlFOUAT2VcM7jbNTVP1fKxSGdXfW2f\\nflFCmOwsKa9VrJN4gkodmslVKDQmNvU1POgAX3mZSj8W4OY0TMlHX1rEeTwh+kHv\\nGfreST4YDSTLKZnQMbHpP7yh0xi3M3nQJzNHfJXgfqa8syv8AYlSoBgIWop5RxAu\\nA65j7/Zld/fKaqLTtRjWYdw45IWjqzP3F9+VZiH1Yh4OiiUgCFRPEqmpwjDAe4sx\\nmkEFVSFYAYTcMkSSowMwUR/XNqXvwk+Roqo0irqRwu2BEwuUjoTIAJ4wqOBz7jrf\\n22SwXQW7XRF6fjbaNDbG7r//Bhj6Rqq9vujxMdpc1lOJJMiLXIhYJmbUnxl2eUS3\\nN3lBNAcd1INc+Nw42tgN5SjJLdTynxV1OV4fyozVxu9LJHrWfjX9+L6SXxYpAj9H\\nEAoMVQfGp+/t5syd0iCimV041ZWFc8T7epXeNw7Vq/T6c4HUJ/QeZ/xvgTyK33EP\\n4oOJAeAfMJ4CH2JwKZZvt+kzO8jtheP10ewccii11bnLjmMj1RabjJ8Yc+rAHvAY\\nSN2wSJm0oOTPQVBS7PLPzsXw0kxijJywfMz33yrosIbr+dernaUmEPLzhN/AU5XU\\nQU+v47Em1HZHxu7yK8pc3phCK+QNk9D3+88IS7K0lV6obxd4g8gObQeDJT1n1J3F\\nkov+p5/UNsI3/PL0HrblDjMPIyc+s7N9qbI/iRYspBnPZI0J1o22NOkxAPrxFXEv\\n9mgF4z7kLkfZoUFuvWQdQUZTM1cL8KGwag8Hc0WxvgQYtjE0pYjmdFh4Uj4H7Mk/';
const SA_JSON = `{
  "type": "service_account",
  "project_id": "billing-prod-4821",
  "private_key_id": "9c1e6f0a7d2b4c8e1f3a5b7d9e2c4a6f8b0d1e3f",
  "private_key": "-----BEGIN PRIVATE KEY-----\\n${PK_BODY}\\n-----END PRIVATE KEY-----\\n",
  "client_email": "deployer@billing-prod-4821.iam.gserviceaccount.com",
  "client_id": "104729384756102938475"
}`;

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
