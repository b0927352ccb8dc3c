// AWS keys: an access key found in the repository inherits the policies of the IAM user that Terraform declares for
// it. The key is tied to a user when the user's (or its access key's) name appears where the key is used, or when the
// key id itself appears beside the user in IaC.
import type { ScopeContext, ScopeResolver } from '../../src/pipeline/detector-api.js';
import type { Confidence, Credential, Permission, Resource } from '../../src/core/types.js';
import { actionServices, linkByEvidence } from './principal-link.js';
import { resourcesOfType, type IamPrincipalAttrs } from '../../src/pipeline/resources.js';
import { MANAGED_POLICIES, managedPolicyName, permissionsOfDocument } from './aws-policies.js';
import { redact } from '../../src/core/secrets.js';

function principalFor(cred: Credential, ctx: ScopeContext): { principal: Resource; why: string; confidence: Confidence } | undefined {
  const principals = resourcesOfType(ctx.resources, 'iam-principal').filter((r) => r.provider === 'aws');
  const keyId = cred.attributes.accessKeyId;
  for (const p of principals) {
    const a = p.attributes as IamPrincipalAttrs & { accessKeyIds?: string[] };
    if (keyId && a.accessKeyIds?.includes(keyId)) return { principal: p, why: `key id ${keyId} is declared for ${p.name}`, confidence: 'high' };
  }
  const hints = new Set(cred.hints);
  for (const p of principals) {
    const a = p.attributes as IamPrincipalAttrs;
    const names = [p.name, ...(a.accessKeys ?? [])].map((n) => n.toLowerCase());
    const hit = names.find((n) => hints.has(n) || hints.has(n.replace(/_/g, '-')) || hints.has(n.replace(/-/g, '_')));
    if (hit) return { principal: p, why: `"${hit}" is named where the key is used`, confidence: 'medium' };
  }
  const link = linkByEvidence(
    cred,
    principals.map((p) => {
      const a = p.attributes as IamPrincipalAttrs;
      return {
        resource: p,
        names: [p.name, p.id.replace(/^terraform:[^.]+\./, ''), ...(a.accessKeys ?? [])],
        purposeWords: [...actionServices(a.policyDocuments ?? []), ...(a.purpose ? [a.purpose] : [])],
        createsKey: !!a.accessKeys?.length,
      };
    }),
    'IAM principal',
  );
  return link && { principal: link.resource, why: link.why, confidence: link.confidence };
}

const resolver: ScopeResolver = {
  meta: { id: 'scope-aws-iac', title: 'AWS key → IAM principal in Terraform', summary: 'An AWS key inherits the policies Terraform attaches to its IAM user.' },
  providers: ['aws'],
  resolve: (cred, ctx) => {
    const found = principalFor(cred, ctx);
    if (!found) {
      return {
        reach: 'unknown',
        confidence: 'low',
        evidence: [{ source: 'format', confidence: 'high', detail: `AWS ${cred.type}${cred.attributes.accessKeyId ? ` ${redact(cred.attributes.accessKeyId)}` : ''}` }],
        toConfirm: 'No IAM user in the repository is tied to this key; run with --live (sts:GetCallerIdentity, then IAM reads) to learn its principal and policies.',
      };
    }
    const { principal, why, confidence } = found;
    const a = principal.attributes as IamPrincipalAttrs;
    const permissions: Permission[] = [];
    const detail: string[] = [];
    for (const pol of a.policies ?? []) {
      const name = managedPolicyName(pol);
      const perms = MANAGED_POLICIES[name];
      if (perms) {
        permissions.push(...perms);
        detail.push(name);
      }
    }
    for (const doc of a.policyDocuments ?? []) permissions.push(...permissionsOfDocument(doc));
    if (a.policyDocuments?.length) detail.push(`${a.policyDocuments.length} policy document(s)`);
    const admin = permissions.some((p) => p.resourceType === '*' && (p.verb === 'admin' || p.verb === 'delete'));
    return {
      principal: `IAM ${a.principalType ?? 'user'} ${principal.name}`,
      reach: admin ? 'account' : permissions.length ? 'resource' : 'unknown',
      permissions,
      confidence,
      evidence: [
        {
          source: 'iac',
          confidence,
          detail: `${why}; policies: ${detail.join(', ') || 'none known'}`,
          location: { path: principal.location.path, startLine: principal.location.startLine },
        },
      ],
      toConfirm: 'Run with --live (sts:GetCallerIdentity) to confirm the key belongs to this user.',
    };
  },
  examples: [
    {
      name: 'key named after an admin user',
      credential: { provider: 'aws', type: 'access-key', hints: ['dns-updater'] },
      repo: {
        'infra/iam.tf':
          'resource "aws_iam_user" "dns_updater" {\n  name = "dns-updater"\n}\nresource "aws_iam_user_policy_attachment" "a" {\n  user       = aws_iam_user.dns_updater.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n',
      },
      expect: { reach: 'account', verbs: ['delete', 'admin'] },
    },
    { name: 'unmapped key', credential: { provider: 'aws', type: 'access-key', hints: ['billing'] }, expect: { reach: 'unknown' } },
    {
      // The key's id is not in the IaC, but its purpose ("uploads" to S3) matches the one user whose policy touches S3.
      name: 'key linked by purpose against policies',
      credential: { provider: 'aws', type: 'access-key', hints: ['s3', 'uploads', 'aws_access_key_id'] },
      repo: {
        'infra/iam.tf':
          'resource "aws_iam_user" "uploads" {\n  name = "media-uploads"\n}\nresource "aws_iam_access_key" "uploads" {\n  user = aws_iam_user.uploads.name\n}\nresource "aws_iam_user_policy" "uploads" {\n  user = aws_iam_user.uploads.name\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }] })\n}\nresource "aws_iam_user" "ci" {\n  name = "ci-deployer"\n}\n',
      },
      expect: { principal: 'IAM user media-uploads', confidence: 'medium' },
    },
  ],
};

export default resolver;
