// A long-term IAM user access key (AKIA…) that resolves to administrator power.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { Credential } from '../../src/core/types.js';
import { credentialLabel, reachLabel } from '../../src/pipeline/chain.js';
import { credentialDraft, deletesIn } from './shared.js';

const longTerm = (c: Credential) => c.attributes.keyClass === 'long-term' || /^AKIA/.test(c.attributes.accessKeyId ?? '');
const admin = (c: Credential) => c.scope.permissions.some((p) => p.resourceType === '*' && (p.verb === 'admin' || p.verb === 'delete'));

const rule: FindingRule = {
  meta: {
    id: 'aws-long-term-admin-key',
    title: 'Long-term AWS access key with administrator power',
    severity: 'critical',
    category: 'credential-scope',
    confidence: 'medium',
    summary: 'An IAM user access key (AKIA…, never expires) whose user holds AdministratorAccess or an equivalent `*:*` policy.',
    help: {
      why: 'IAM user keys do not expire. With administrator permissions, one leaked key can delete every database, snapshot, bucket and backup vault in the account — and the IAM users who could recover them. AWS recommends temporary credentials for workloads and CI, and least privilege for every principal.',
      fix: 'Deactivate and delete the key. For CI use OIDC federation (`aws-actions/configure-aws-credentials` with `role-to-assume`); for people, IAM Identity Center; for workloads, instance/task roles. Give each role only the actions it needs — never AdministratorAccess for automation.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
        'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
      ],
    },
  },
  check: ({ credentials, graph }) =>
    credentials
      .filter((c) => c.provider === 'aws' && c.type === 'access-key' && longTerm(c) && admin(c))
      .map((c) =>
        credentialDraft(c, graph, `${credentialLabel(c)} is a long-term IAM user key with administrator power (${reachLabel(c)}): it never expires and can delete anything in the account.`, {
          severity: deletesIn(c, graph, 'production') || c.environments.includes('production') || c.scope.reach === 'account' ? 'critical' : 'high',
        }),
      ),
  examples: [
    {
      name: 'access key of an IAM user with AdministratorAccess',
      repo: {
        'infra/iam.tf':
          'resource "aws_iam_user" "deployer" {\n  name = "ci-deployer"\n}\nresource "aws_iam_user_policy_attachment" "admin" {\n  user       = aws_iam_user.deployer.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\nresource "aws_iam_access_key" "deployer" {\n  user = aws_iam_user.deployer.name\n}\n',
        'scripts/deploy.sh': '#!/bin/sh\n# credentials of the ci-deployer IAM user\nexport AWS_ACCESS_KEY_ID=AKIA4WBPN55Q5SMVZ2Z5\nexport AWS_SECRET_ACCESS_KEY=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\naws s3 sync dist/ s3://acme-site\n',
      },
      fires: true,
      mentions: 'administrator',
    },
    {
      name: 'access key of a read-only IAM user',
      repo: {
        'infra/iam.tf':
          'resource "aws_iam_user" "deployer" {\n  name = "ci-deployer"\n}\nresource "aws_iam_user_policy_attachment" "ro" {\n  user       = aws_iam_user.deployer.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\nresource "aws_iam_access_key" "deployer" {\n  user = aws_iam_user.deployer.name\n}\n',
        'scripts/deploy.sh': '#!/bin/sh\n# credentials of the ci-deployer IAM user\nexport AWS_ACCESS_KEY_ID=AKIA4WBPN55Q5SMVZ2Z5\nexport AWS_SECRET_ACCESS_KEY=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\naws s3 sync dist/ s3://acme-site\n',
      },
      fires: false,
    },
  ],
};

export default rule;
