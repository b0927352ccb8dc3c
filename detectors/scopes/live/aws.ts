// AWS, live: STS GetCallerIdentity (works for every valid key, needs no permission) names the principal; then, for
// IAM users, the IAM reads that list its attached and inline policies, if the key may read them.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedUserPolicies.html
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { IAMClient, ListAttachedUserPoliciesCommand, ListUserPoliciesCommand, GetUserPolicyCommand } from '@aws-sdk/client-iam';
import type { Permission } from '../../../src/core/types.js';
import type { AllowRule, LiveResolver, LiveProvider } from '../../../src/live/types.js';
import { MANAGED_POLICIES, managedPolicyName, permissionsOfDocument } from '../aws-policies.js';
import { guardedHandler } from './aws-transport.js';

const provider: LiveProvider = {
  id: 'aws',
  title: 'AWS',
  bases: { sts: 'https://sts.us-east-1.amazonaws.com', iam: 'https://iam.amazonaws.com' },
  env: ['BLASTRADIUS_AWS_API_URL'],
};

const query = (base: string, operation: string): AllowRule => ({ provider: 'aws', kind: 'aws-query', method: 'POST', base, path: '/', operation });

const MAX_INLINE = 5;

function errorName(e: unknown): string {
  return (e as { name?: string }).name ?? 'error';
}

export const awsLive: LiveResolver = {
  provider,
  allow: [query('sts', 'GetCallerIdentity'), query('iam', 'ListAttachedUserPolicies'), query('iam', 'ListUserPolicies'), query('iam', 'GetUserPolicy')],
  accepts: (cred, token) => cred.provider === 'aws' && cred.type === 'access-key' && /^AKIA[A-Z2-7]{16}$/.test(cred.attributes.accessKeyId ?? '') && /^[A-Za-z0-9/+]{40}$/.test(token),
  resolveLive: async (cred, token, client) => {
    const credentials = { accessKeyId: cred.attributes.accessKeyId!, secretAccessKey: token };
    const common = { region: 'us-east-1', credentials, maxAttempts: 1 };
    const sts = new STSClient({ ...common, endpoint: client.urlOf('sts').href, requestHandler: guardedHandler(client, 'sts') });
    let arn: string;
    try {
      const id = await sts.send(new GetCallerIdentityCommand({}));
      arn = id.Arn ?? 'unknown';
      client.note(`${arn}`);
    } catch (e) {
      return { confirmed: false, summary: `AWS rejected the key pair (${errorName(e)})` };
    }
    const user = /^arn:aws[\w-]*:iam::\d{12}:user\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn)?.[1];
    if (!user) return { confirmed: true, principal: arn, reach: 'account', summary: `AWS key of ${arn}; not an IAM user, so its policies are not listed` };
    const iam = new IAMClient({ ...common, endpoint: client.urlOf('iam').href, requestHandler: guardedHandler(client, 'iam') });
    const permissions: Permission[] = [];
    const names: string[] = [];
    try {
      const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: user }));
      for (const p of attached.AttachedPolicies ?? []) {
        const name = managedPolicyName(p.PolicyArn ?? p.PolicyName ?? '');
        names.push(name);
        permissions.push(...(MANAGED_POLICIES[name] ?? []));
      }
      client.note(`attached: ${names.join(', ') || 'none'}`);
      const inline = await iam.send(new ListUserPoliciesCommand({ UserName: user }));
      client.note(`inline: ${(inline.PolicyNames ?? []).join(', ') || 'none'}`);
      for (const policyName of (inline.PolicyNames ?? []).slice(0, MAX_INLINE)) {
        const doc = await iam.send(new GetUserPolicyCommand({ UserName: user, PolicyName: policyName }));
        names.push(`${policyName} (inline)`);
        try {
          permissions.push(...permissionsOfDocument(JSON.parse(decodeURIComponent(doc.PolicyDocument ?? '{}'))));
        } catch {
          client.note('policy document not readable');
        }
      }
    } catch (e) {
      client.note(`IAM read denied (${errorName(e)}): the key cannot list its own policies`);
      return { confirmed: true, principal: arn, reach: 'account', summary: `AWS key of ${arn}; its policies could not be read with it` };
    }
    return {
      confirmed: true,
      principal: arn,
      reach: 'account',
      ...(names.length ? { permissions } : {}),
      summary: `AWS key of IAM user ${user} with ${names.join(', ') || 'no policies attached directly (group policies not read)'}`,
    };
  },
};

export default awsLive;
