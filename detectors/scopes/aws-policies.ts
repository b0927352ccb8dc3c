// What AWS managed policies and IAM policy documents let a principal do, normalized to verbs on resource types.
import type { Permission, Verb } from '../../src/core/types.js';
import { everything } from '../../src/pipeline/resolve.js';

const all = (resourceType: string): Permission[] =>
  (['read', 'write', 'delete', 'admin'] as Verb[]).map((verb) => ({ verb, resourceType }));

/** AWS managed policies by name (the part after `policy/`), from the AWS managed policy reference. */
export const MANAGED_POLICIES: Record<string, Permission[]> = {
  AdministratorAccess: everything(),
  // PowerUserAccess: everything except IAM/Organizations administration.
  PowerUserAccess: (['read', 'write', 'delete'] as Verb[]).map((verb) => ({ verb, resourceType: '*' })),
  ReadOnlyAccess: [{ verb: 'read', resourceType: '*' }],
  ViewOnlyAccess: [{ verb: 'read', resourceType: '*' }],
  AmazonRDSFullAccess: [...all('database'), ...all('backup')],
  AmazonS3FullAccess: all('bucket'),
  AmazonS3ReadOnlyAccess: [{ verb: 'read', resourceType: 'bucket' }],
  AmazonDynamoDBFullAccess: all('database'),
  AWSBackupFullAccess: all('backup'),
  AmazonRoute53FullAccess: all('dns-zone'),
  AmazonEC2FullAccess: [...all('volume'), ...all('service')],
  IAMFullAccess: all('iam-principal'),
};

/** IAM action prefixes → resource types they act on. */
const SERVICE_TYPES: Record<string, string[]> = {
  rds: ['database', 'backup'],
  dynamodb: ['database'],
  s3: ['bucket'],
  backup: ['backup'],
  route53: ['dns-zone'],
  ec2: ['volume', 'service'],
  iam: ['iam-principal'],
};

export function managedPolicyName(arnOrName: string): string {
  return arnOrName.slice(arnOrName.lastIndexOf('/') + 1);
}

/** Permissions granted by the Allow statements of a policy document (JSON object). */
export function permissionsOfDocument(doc: unknown): Permission[] {
  const out: Permission[] = [];
  const statements = (doc as { Statement?: unknown })?.Statement;
  for (const st of Array.isArray(statements) ? statements : statements ? [statements] : []) {
    const s = st as { Effect?: string; Action?: string | string[] };
    if (s.Effect !== 'Allow') continue;
    for (const action of Array.isArray(s.Action) ? s.Action : s.Action ? [s.Action] : []) out.push(...permissionsOfAction(action));
  }
  return out;
}

export function permissionsOfAction(action: string): Permission[] {
  if (action === '*' || action === '*:*') return everything();
  const [service, op = ''] = action.toLowerCase().split(':');
  const types = SERVICE_TYPES[service!] ?? ['other'];
  const verbs: Verb[] =
    op === '*'
      ? ['read', 'write', 'delete', 'admin']
      : /^(?:delete|remove|terminate|drop|purge)/.test(op) || op.startsWith('delete')
        ? ['delete']
        : /^(?:get|list|describe|head)/.test(op)
          ? ['read']
          : op.endsWith('*') && 'delete'.startsWith(op.slice(0, -1))
            ? ['delete']
            : ['write'];
  return types.flatMap((resourceType) => verbs.map((verb) => ({ verb, resourceType })));
}
