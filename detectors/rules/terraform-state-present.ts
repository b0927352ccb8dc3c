// Terraform state in the checkout: every managed resource's attributes, secrets included, in plain text.
import type { FindingRule } from '../../src/pipeline/detector-api.js';

const STATE = /(?:^|\/)[^/]*\.tfstate(?:\.backup|\.\d+\.backup)?$/i;

const rule: FindingRule = {
  meta: {
    id: 'terraform-state-present',
    title: 'Terraform state file in the repository',
    severity: 'high',
    category: 'secret-exposure',
    confidence: 'high',
    summary: 'A `terraform.tfstate` (or `.tfstate.backup`) committed, or present in the working tree where agents and tools can read it.',
    help: {
      why: 'State records every attribute of every managed resource in plain text — generated database passwords, access key secrets, private keys — whether or not the configuration marked them `sensitive`. It also maps the whole infrastructure for whoever reads it. Committed, it stays in history.',
      fix: 'Move state to a remote backend with encryption and access control (S3 with KMS and a DynamoDB/S3 lock, GCS, Terraform Cloud), add `*.tfstate*` and `.terraform/` to `.gitignore`, remove the file from history, and rotate the secrets it held.',
      references: [
        'https://developer.hashicorp.com/terraform/language/state/sensitive-data',
        'https://developer.hashicorp.com/terraform/language/backend',
        'https://github.com/github/gitignore/blob/main/Terraform.gitignore',
      ],
    },
  },
  check: ({ files, credentials }) =>
    files
      .filter((f) => !f.commit && STATE.test(f.path))
      .map((f) => {
        const held = credentials.filter((c) => c.locations.some((l) => l.path === f.path));
        const committed = f.gitStatus === 'tracked';
        return {
          key: f.path,
          severity: committed || held.length ? 'high' : 'medium',
          message: `${f.path} is Terraform state ${committed ? 'committed to the repository' : 'present in the working tree'}${held.length ? `, holding ${held.length} secret${held.length > 1 ? 's' : ''}` : ''}: state stores every resource attribute, secrets included, in plain text.`,
          locations: [{ path: f.path, startLine: 1, startColumn: 1 }],
          credentialFingerprints: held.map((c) => c.fingerprint),
          resourceIds: [],
          environments: [f.environment.environment],
          chain: [
            { kind: 'location' as const, label: f.path, ref: f.path },
            { kind: 'fact' as const, label: committed ? 'committed Terraform state' : `Terraform state (${f.gitStatus})` },
            ...(held.length ? [{ kind: 'fact' as const, label: `${held.length} secret value(s) in it` }] : []),
          ],
        };
      }),
  examples: [
    {
      name: 'committed terraform.tfstate',
      repo: {
        'infra/terraform.tfstate':
          '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": [\n    {\n      "mode": "managed",\n      "type": "random_password",\n      "name": "db",\n      "instances": [\n        {\n          "attributes": {\n            "length": 32,\n            "result": "x",\n            "password": "ovcktrNOBoxftICCJ2SPOoiHrDQn0eeQ"\n          }\n        }\n      ]\n    }\n  ]\n}\n',
      },
      fires: true,
      mentions: 'terraform.tfstate',
    },
    {
      name: 'remote backend only',
      repo: { 'infra/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "prod/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n' },
      fires: false,
    },
  ],
};

export default rule;
