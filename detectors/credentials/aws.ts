// AWS credentials. An access key id (AKIA… long-term, ASIA… temporary STS, ABIA… STS service bearer, ACCA… context
// specific) is 4 letters + 16 base32 characters and is not secret by itself; the secret access key (40 characters of
// base64 alphabet) is. The pair is the credential: the secret is the value, and the key id travels as an attribute so
// that later stages can map it to an IAM user declared in Terraform (aws_iam_access_key).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { highEntropy, nameHints, nearestCapture, offsetOfLine } from './shared.js';

const KEY_ID_SOURCE = String.raw`\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b`;
const KEY_ID = new RegExp(KEY_ID_SOURCE);
const KEY_CLASS: Record<string, string> = {
  AKIA: 'long-term',
  ASIA: 'temporary',
  ABIA: 'sts-service-bearer',
  ACCA: 'context-specific',
};

/** A variable or key that names an AWS secret access key. */
const SECRET_NAME = /secret[-_ ]?(?:access[-_ ]?)?key|aws[-_ ]?secret|secretaccesskey|secret_key/i;

function secretContext(ctx: MatchContext): boolean {
  if (ctx.variable) return SECRET_NAME.test(ctx.variable);
  return SECRET_NAME.test(ctx.line);
}

/** The key id closest to the secret, within the nearby lines. */
function pairedKeyId(ctx: MatchContext): string | undefined {
  return nearestCapture(ctx.window, KEY_ID, ctx.window.indexOf(ctx.line));
}

const help = {
  why: 'An AWS access key pair acts as its IAM user (or role session) on every AWS API that principal is allowed — often `AdministratorAccess` for keys made "just for CI". With it anyone can delete databases, snapshots and buckets, including the backups, in every region of the account.',
  fix: 'Deactivate and delete the key in IAM (Users → Security credentials), check CloudTrail for its use, and replace long-lived keys with roles: OIDC federation for CI (GitHub Actions `aws-actions/configure-aws-credentials`), instance/task roles for workloads, IAM Identity Center for people.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
  ],
};

export const awsAccessKey: CredentialRule = {
  meta: {
    id: 'aws-access-key',
    title: 'AWS access key pair',
    severity: 'critical',
    summary: 'AWS secret access key with its access key id nearby (the key id is recorded as an attribute).',
    provider: 'aws',
    credentialType: 'access-key',
    help,
  },
  // The key id must be nearby, so one of its prefixes is always in the text.
  keywords: ['akia', 'asia', 'abia', 'acca'],
  pattern: /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
  secretGroup: 1,
  validate: (v, ctx) =>
    secretContext(ctx) && !!pairedKeyId(ctx) && highEntropy(v, 4) && /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v),
  classify: (_v, ctx) => {
    const keyId = pairedKeyId(ctx)!;
    const attributes: Record<string, string> = { accessKeyId: keyId, keyClass: KEY_CLASS[keyId.slice(0, 4)] ?? 'unknown' };
    const hints = nameHints(ctx.variable);
    if (hints) attributes.nameHints = hints;
    if (ctx.variable) attributes.variable = ctx.variable;
    const profile = nearestCapture(ctx.file.text, /^\s*\[(?:profile\s+)?([A-Za-z0-9_.-]+)\]\s*$/m, offsetOfLine(ctx));
    if (profile && /aws_access_key_id/i.test(ctx.window)) attributes.profile = profile;
    return { type: keyId.startsWith('ASIA') ? 'session-key' : 'access-key', attributes, parts: [keyId] };
  },
  examples: {
    positive: [
      'AWS_ACCESS_KEY_ID=AKIA4WBPN55Q5SMVZ2Z5\nAWS_SECRET_ACCESS_KEY=ZeexxFQtpuOGYVmpLe1tMrX7g6p1tfvw8rTCDPmp',
      { text: '[deploy]\naws_access_key_id = ASIAZLHQ727ZLPTUEPVO\naws_secret_access_key = 51OQnQpX/H/RyW46sXDnyHmy+Quykk7MJwWAbkTA\n', path: '.aws/credentials' },
      "const s3 = new S3Client({ credentials: { accessKeyId: 'AKIA4WBPN55Q5SMVZ2Z5', secretAccessKey: '51OQnQpX/H/RyW46sXDnyHmy+Quykk7MJwWAbkTA' } });",
    ],
    negative: [
      // AWS's documented example pair
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      // a secret-shaped value with no key id nearby
      'AWS_SECRET_ACCESS_KEY=ZeexxFQtpuOGYVmpLe1tMrX7g6p1tfvw8rTCDPmp',
      // key id present, but the 40-character value is a git SHA bound to another name
      'AWS_ACCESS_KEY_ID=AKIA4WBPN55Q5SMVZ2Z5\nGIT_COMMIT=3f1c2a9b8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b',
    ],
  },
};

export const awsAccessKeyId: CredentialRule = {
  meta: {
    id: 'aws-access-key-id',
    title: 'AWS access key id (without its secret)',
    severity: 'low',
    summary: 'AWS access key id found without a secret access key nearby: not usable alone, but it names an IAM principal.',
    provider: 'aws',
    credentialType: 'key-id',
    help: {
      ...help,
      why: 'An access key id alone cannot sign requests, but it identifies an IAM user or role session (`aws sts get-access-key-info` reveals the account), and it usually means the secret is stored somewhere nearby — another file, a CI variable, git history.',
    },
  },
  keywords: ['akia', 'asia', 'abia', 'acca'],
  pattern: KEY_ID,
  secretGroup: 1,
  validate: (v, ctx) => {
    if (/EXAMPLE$/.test(v)) return false;
    // When the secret is beside it, the pair rule reports the credential.
    return !/(?:secret[-_ ]?(?:access[-_ ]?)?key|secretaccesskey)["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i.test(ctx.window);
  },
  classify: (v) => ({ attributes: { accessKeyId: v, keyClass: KEY_CLASS[v.slice(0, 4)] ?? 'unknown' }, confidence: 'medium' }),
  examples: {
    positive: ['AWS_ACCESS_KEY_ID=AKIA4WBPN55Q5SMVZ2Z5', 'role_key: ASIAZLHQ727ZLPTUEPVO'],
    negative: [
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      // lower-case and 0/1/8/9 are not in the base32 alphabet
      'AWS_ACCESS_KEY_ID=AKIA4WBPN55Q5SMVZ2Z1',
      'id: AKIA4WBPN55Q5SMVZ2Z5X',
    ],
  },
};

export const awsSessionToken: CredentialRule = {
  meta: {
    id: 'aws-session-token',
    title: 'AWS session token',
    severity: 'high',
    summary: 'AWS STS session token (aws_session_token / X-Amz-Security-Token), part of a temporary credential set.',
    provider: 'aws',
    credentialType: 'session-token',
    help: {
      ...help,
      why: 'A session token completes a temporary (ASIA…) key pair. Until it expires — up to 12 hours, or 36 for some federation flows — it carries the full permissions of the assumed role.',
      fix: 'Revoke active sessions for the role (IAM → Roles → Revoke sessions), find where temporary credentials were written to disk or logs, and stop persisting them.',
    },
  },
  keywords: ['session_token', 'sessiontoken', 'security-token', 'security_token'],
  pattern:
    /(?:aws_?session_?token|sessiontoken|x-amz-security-token|aws_security_token)["']?\s*(?:[:=]|=>)\s*["']?([A-Za-z0-9/+]{100,2000}={0,2})(?![A-Za-z0-9/+=])/i,
  secretGroup: 1,
  validate: (v) => highEntropy(v, 4.5),
  classify: (_v, ctx) => {
    const keyId = nearestCapture(ctx.window, KEY_ID, ctx.window.indexOf(ctx.line));
    return keyId ? { attributes: { accessKeyId: keyId } } : undefined;
  },
  examples: {
    positive: [
      'aws_session_token = IQoJb3JpZ2luX2VjVHVK0E2acqg095BW4ubpXSP7jSVa65dU4P+5C8270G0qnszbeHYWMqCcOxQefEybe0TcUI1Yg/6wqDDppinXQqIYM5WtAfe9CjImiUIEFh2pSFAg6UINNG0FHX2',
    ],
    negative: ['AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}', 'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLEshort'],
  },
};

/** Bedrock long-term API keys: `ABSK` + base64 of `BedrockAPIKey-…`. */
export const awsBedrockApiKey: CredentialRule = {
  meta: {
    id: 'aws-bedrock-api-key',
    title: 'Amazon Bedrock API key',
    severity: 'high',
    summary: 'Amazon Bedrock long-term API key (ABSK prefix; base64 of "BedrockAPIKey-…"), backed by an IAM user.',
    provider: 'aws',
    credentialType: 'bedrock-api-key',
    help: {
      why: 'A Bedrock long-term API key is a service-specific credential of an IAM user: it can invoke models (and run up cost) with that user\'s Bedrock permissions.',
      fix: 'Delete the service-specific credential in IAM (Users → Security credentials → API keys for Amazon Bedrock) and use short-term keys or role credentials instead.',
      references: ['https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html'],
    },
  },
  keywords: ['absk'],
  pattern: /\b(ABSK[A-Za-z0-9+/]{80,400}={0,2})(?![A-Za-z0-9+/=])/,
  secretGroup: 1,
  validate: (v) => Buffer.from(v.slice(4), 'base64').toString('latin1').startsWith('BedrockAPIKey-'),
  examples: {
    positive: [
      'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS13eDJoLWF0LWE3b2ZqMFZBNlFNSzplUTVvbDIzVHJMMVJJOWt0VGNYSnV3dnM5ajA2RExrczNvTGt4VGJD',
    ],
    negative: [
      // right prefix, payload is not a Bedrock key
      'ABSKZm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXV4',
      'ABSKQmVkcm9ja0FQSUtleS1zaG9ydA==',
    ],
  },
};

export default [awsAccessKey, awsSessionToken, awsBedrockApiKey, awsAccessKeyId];
