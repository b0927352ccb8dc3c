// Secrets in Terraform state. State files hold every resource attribute in plain text — generated database passwords,
// access keys, private keys, tokens — whether or not the configuration marked them `sensitive`. This rule reports
// string values under sensitive-looking attribute names in `*.tfstate` / `*.tfstate.backup` (values that a provider
// rule recognises are reported by that rule first). https://developer.hashicorp.com/terraform/language/state/sensitive-data
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { isPlaceholderPassword, looksRandom } from './shared.js';

const SENSITIVE_ATTR =
  /(?:password|passwd|secret|token|private_key|access_key|secret_key|api_key|auth_key|client_key|credentials?|key_material|connection_string|sas|primary_key|secondary_key|master_key|kube_?config|private_key_pem|webhook_url|certificate_key)/i;
const NOT_SECRET_ATTR = /(?:_id|_ids|_arn|_name|_version|_type|_length|_count|_enabled|_policy|_rotation|_fingerprint|_sha\d*|_hash|_path|_url_id|_wo_version)$/i;

const isState = (ctx: MatchContext) => /\.tfstate(?:\.backup)?$/i.test(ctx.file.path) || (/"terraform_version"/.test(ctx.file.text) && /"resources"/.test(ctx.file.text));

function unescapeJson(v: string): string {
  try {
    return JSON.parse(`"${v}"`) as string;
  } catch {
    return v;
  }
}

function resourceOf(ctx: MatchContext): string {
  const text = ctx.file.text;
  const at = text.indexOf(ctx.line);
  const before = text.slice(Math.max(0, at - 20000), at);
  const types = [...before.matchAll(/"type":[ \t]*"([\w-]+)",\s*"name":[ \t]*"([\w-]+)"/g)];
  const last = types[types.length - 1];
  return last ? `${last[1]}.${last[2]}` : 'unknown';
}

export const terraformStateSecret: CredentialRule = {
  meta: {
    id: 'terraform-state-secret',
    title: 'Secret in Terraform state',
    severity: 'high',
    summary: 'A password, key or token stored in a Terraform state file under a sensitive-looking attribute.',
    provider: 'terraform-state',
    credentialType: 'state-secret',
    help: {
      why: 'Terraform state stores every attribute in plain text, including generated passwords and keys — a committed or readable state file hands over the database, cloud or service credentials of the whole stack.',
      fix: 'Remove the state file from the repository and its history, rotate every secret it holds, and keep state in an encrypted remote backend with restricted access (S3 + KMS, Terraform Cloud, GCS with CMEK).',
      references: ['https://developer.hashicorp.com/terraform/language/state/sensitive-data', 'https://developer.hashicorp.com/terraform/language/backend'],
    },
  },
  keywords: ['terraform_version'],
  pattern: /"([A-Za-z0-9_]{1,80})"[ \t]*:[ \t]*"((?:[^"\\\r\n]|\\.){8,20000})"/,
  secretGroup: 2,
  validate: (v, ctx) => {
    const attr = /"([A-Za-z0-9_]{1,80})"[ \t]*:/.exec(ctx.line.slice(0, ctx.valueAt))?.[1] ?? ctx.variable ?? '';
    if (!isState(ctx) || !SENSITIVE_ATTR.test(attr) || NOT_SECRET_ATTR.test(attr)) return false;
    const s = unescapeJson(v);
    return /PRIVATE KEY-----/.test(s) || (!isPlaceholderPassword(s) && looksRandom(s, 12));
  },
  classify: (v, ctx) => ({
    value: unescapeJson(v),
    attributes: { attribute: ctx.variable ?? '', resource: resourceOf(ctx) },
  }),
  examples: {
    positive: [
      {
        text: '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": [\n    {\n      "mode": "managed",\n      "type": "random_password",\n      "name": "db",\n      "instances": [\n        {\n          "attributes": {\n            "length": 32,\n            "result": "x",\n            "password": "ovcktrNOBoxftICCJ2SPOoiHrDQn0eeQ"\n          }\n        }\n      ]\n    }\n  ]\n}\n',
        path: 'terraform.tfstate',
      },
    ],
    negative: [
      { text: '{\n  "terraform_version": "1.7.5",\n  "resources": [{"type": "aws_iam_access_key", "name": "ci", "instances": [{"attributes": {"secret_key_id": "zwxNH03rz0ExXSMwEbsGqonlBHshXiuN"}}]}]\n}', path: 'terraform.tfstate' },
      '{"terraform_version": "1.7.5", "password": "jDKx8nzNAi9DDGkf37ZDqxWDEEJxNWgO"} is documented in the README',
    ],
  },
};

export default [terraformStateSecret];
