// The Terraform pre-pass in independent parts: which files go together, and that a part's pre-pass gives each of its
// files what the pre-pass over every file gives it.
import { describe, expect, it } from 'vitest';
import { inventoryParsers } from '../detectors/inventory/index.js';
import { terraformParts } from '../detectors/inventory/terraform-vars.js';
import { scanFiles, builtInDetectors, type Detectors } from '../src/scan.js';
import { sourceFile } from './helpers/files.js';

const terraform = inventoryParsers.find((p) => p.meta.id === 'terraform')!;
const paths = (parts: Array<Array<{ path: string }>>) => parts.map((p) => p.map((f) => f.path));

const db = `variable "name" {}\nresource "aws_db_instance" "db" {\n  identifier = var.name\n  engine = "postgres"\n}\n`;
const call = (source: string, name: string) => `module "db" {\n  source = "${source}"\n  name   = "${name}"\n}\n`;

describe('terraformParts', () => {
  it('joins a module to every folder that calls it, and a tfvars file to the folder that reads it', () => {
    const files = [
      sourceFile('envs/prod/main.tf', call('../../modules/db', 'orders-prod')),
      sourceFile('envs/prod/vars/extra.tfvars', 'name = "x"\n'),
      sourceFile('envs/staging/main.tf', call('../../modules/db', 'orders-staging')),
      sourceFile('modules/db/main.tf', db),
      sourceFile('other/main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\n'),
      sourceFile('other/terraform.tfvars', 'region = "eu-west-1"\n'),
      sourceFile('loose/only.tfvars', 'a = 1\n'),
    ];
    expect(paths(terraformParts(files))).toEqual([
      ['envs/prod/main.tf', 'envs/prod/vars/extra.tfvars', 'envs/staging/main.tf', 'modules/db/main.tf'],
      ['other/main.tf', 'other/terraform.tfvars'],
      ['loose/only.tfvars'],
    ]);
  });

  it('keeps every file in one part when a relative string may not read as written', () => {
    for (const source of ['../mod\\u0073/db', './$${x}', './${lookup(m, "k")}']) {
      const files = [sourceFile('a/main.tf', `module "m" {\n  source = "${source}"\n}\n`), sourceFile('b/main.tf', db)];
      expect(paths(terraformParts(files)), source).toEqual([['a/main.tf', 'b/main.tf']]);
    }
  });

  it('parses each example file from its own part exactly as from a pre-pass over all of them', async () => {
    for (const ex of terraform.examples) {
      const files = [ex.file, ...(ex.related ?? [])].map((f) => sourceFile(f.path, f.text)).filter((f) => terraform.applies(f));
      const parts = terraformParts(files);
      expect(parts.flat().map((f) => f.path).sort()).toEqual(files.map((f) => f.path).sort());
      const whole = await terraform.prepare!(files);
      for (const part of parts) {
        const prepared = await terraform.prepare!(part);
        for (const file of part) expect(await terraform.parse(file, prepared), file.path).toEqual(await terraform.parse(file, whole));
      }
    }
  });

  it('gives a scan the same resources, in the same order, as one pre-pass over every file', async () => {
    const files = [
      { path: 'envs/prod/main.tf', text: call('../../modules/db', 'orders-prod') },
      { path: 'envs/staging/main.tf', text: call('../../modules/db', 'orders-staging') },
      { path: 'modules/db/main.tf', text: db },
      { path: 'billing/main.tf', text: db },
      { path: 'billing/prod.tfvars', text: 'name = "billing-prod"\n' },
      { path: 'billing/staging.tfvars', text: 'name = "billing-staging"\n' },
      { path: 'broken/main.tf', text: 'resource "aws_s3_bucket" "b" {\n' },
    ];
    const whole: Detectors = { ...builtInDetectors, inventoryParsers: builtInDetectors.inventoryParsers.map((p) => (p === terraform ? { ...p, partition: undefined } : p)) };
    const split = await scanFiles('t', files);
    const one = await scanFiles('t', files, { detectors: whole });
    expect(terraformParts(files.map((f) => sourceFile(f.path, f.text))).length).toBe(3);
    expect(split.resources.map((r) => r.id)).toEqual(one.resources.map((r) => r.id));
    expect(split.resources).toEqual(one.resources);
    expect(split.diagnostics).toEqual(one.diagnostics);
    // The module read once per calling environment, the billing folder once per tfvars file, the broken file said.
    expect(split.resources.map((r) => r.id)).toEqual([
      'terraform:module.db.aws_db_instance.db@production',
      'terraform:module.db.aws_db_instance.db@staging',
      'terraform:aws_db_instance.db@production',
      'terraform:aws_db_instance.db@staging',
    ]);
    expect(split.diagnostics.map((d) => `${d.path} ${d.code}`)).toEqual(['broken/main.tf parse-error']);
  });
});
