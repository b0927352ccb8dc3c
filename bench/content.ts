// File kinds of the benchmark corpus: where each kind lives, how big it tends to be, and how its text is made.
// A file is a header, blocks until the size target is reached, and a footer; a planted credential (or a near-miss)
// is one more block written in the kind's own syntax, so parsers see well-formed files.
import { B64, HEX, Rng } from './rng.js';
import type { Binding } from './plants.js';

const WORDS = (
  'account action adapter admin alert api app archive asset audit auth backup balance batch billing bucket build ' +
  'cache cart catalog channel checkout client cluster config connection consumer context cron customer dashboard data ' +
  'database deploy device domain email engine event export feature feed file filter gateway graph handler health ' +
  'history hook image import index invoice item job key label ledger limit list loader log mail manager media ' +
  'message metric migration model monitor node notification order organization owner page parser payment pipeline ' +
  'plan policy pool post price product profile project provider proxy queue quota record region registry release ' +
  'report request resource response role route rule scheduler schema search secret session setting shipment ' +
  'snapshot source storage stream subscription task team template tenant ticket token topic trace user vault ' +
  'version volume webhook worker workspace'
).split(' ');

const ENVS = ['production', 'staging', 'development', 'test', 'shared'] as const;
const ENV_FILES = ['.env', '.env.local', '.env.production', '.env.staging', '.env.development', '.env.test', '.env.example'];

export const word = (r: Rng): string => r.pick(WORDS);
const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
export const camel = (r: Rng, n = r.int(1, 3)): string => {
  let s = word(r);
  for (let i = 1; i < n; i++) s += cap(word(r));
  return s;
};
const pascal = (r: Rng): string => cap(camel(r));
const snake = (r: Rng): string => `${word(r)}_${word(r)}`;
const upper = (r: Rng): string => snake(r).toUpperCase();
const sentence = (r: Rng, n = r.int(6, 16)): string => {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(word(r));
  return cap(w.join(' ')) + '.';
};
const varCamel = (name: string): string => name.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const host = (r: Rng): string => `${word(r)}.${r.pick(['internal', 'example.com', 'svc.cluster.local', 'corp.example.net'])}`;
const literal = (r: Rng): string => {
  switch (r.int(0, 5)) {
    case 0:
      return String(r.int(0, 100000));
    case 1:
      return `'https://${host(r)}/${word(r)}/${word(r)}'`;
    case 2:
      return `'${r.uuid()}'`;
    case 3:
      return `process.env.${upper(r)}`;
    case 4:
      return r.pick(['true', 'false', 'null', '[]']);
    default:
      return `'${sentence(r, r.int(2, 5))}'`;
  }
};

/** Where a file goes: its group folder (a package or service of a monorepo) and its own index. */
export interface PathCtx {
  group: string;
  index: number;
  r: Rng;
}

export interface Kind {
  weight: number;
  /** Log-normal size parameters in bytes. */
  median: number;
  sigma: number;
  min: number;
  max: number;
  path(c: PathCtx): string;
  header(r: Rng): string;
  block(r: Rng): string;
  footer(r: Rng): string;
  join: string;
  /** The bindings written in the kind's syntax, as one block. */
  plant(r: Rng, b: Binding[]): string;
}

// ---- source code -------------------------------------------------------------------------------------------------

function tsBlock(r: Rng): string {
  switch (r.int(0, 4)) {
    case 0: {
      const fields = Array.from({ length: r.int(2, 8) }, () => `  ${camel(r)}${r.chance(0.3) ? '?' : ''}: ${r.pick(['string', 'number', 'boolean', 'Date', `${pascal(r)}[]`])};`);
      return `/** ${sentence(r)} */\nexport interface ${pascal(r)} {\n${fields.join('\n')}\n}`;
    }
    case 1: {
      const body = Array.from({ length: r.int(2, 10) }, () => `  const ${camel(r)} = ${r.chance(0.5) ? literal(r) : `await ${camel(r)}(${camel(r)})`};`);
      return `export async function ${camel(r)}(${camel(r)}: ${pascal(r)}): Promise<${pascal(r)}> {\n${body.join('\n')}\n  if (!${camel(r)}) throw new Error('${sentence(r, 4)}');\n  return ${camel(r)};\n}`;
    }
    case 2: {
      const methods = Array.from(
        { length: r.int(1, 4) },
        () => `  ${camel(r)}(${camel(r)}: string): ${pascal(r)} | undefined {\n    // ${sentence(r)}\n    return this.${camel(r)}.get(${camel(r)});\n  }`,
      );
      return `export class ${pascal(r)} {\n  private readonly ${camel(r)} = new Map<string, ${pascal(r)}>();\n\n${methods.join('\n\n')}\n}`;
    }
    case 3: {
      const entries = Array.from({ length: r.int(3, 9) }, () => `  ${camel(r)}: ${literal(r)},`);
      return `export const ${camel(r)} = {\n${entries.join('\n')}\n};`;
    }
    default:
      return `// ${sentence(r)}\n// ${sentence(r)}\nconst ${camel(r)} = ${r.chance(0.5) ? `'${r.chars(HEX, 40)}'` : literal(r)};`;
  }
}

const ts: Kind = {
  weight: 30,
  median: 1500,
  sigma: 0.7,
  min: 200,
  max: 40000,
  path: ({ group, index, r }) =>
    `${group}/src/${r.pick(['components', 'lib', 'services', 'utils', 'api', 'hooks', 'routes'])}/${word(r)}-${index}.${r.pick(['ts', 'ts', 'ts', 'tsx'])}`,
  header: (r) => Array.from({ length: r.int(1, 5) }, () => `import { ${pascal(r)} } from '${r.chance(0.5) ? '../' + word(r) : word(r)}.js';`).join('\n'),
  block: tsBlock,
  footer: () => '',
  join: '\n\n',
  plant: (r, b) =>
    b.length === 1
      ? r.chance(0.5)
        ? `const ${varCamel(b[0]!.name)} = '${b[0]!.value}';`
        : `export const ${camel(r)}Config = {\n  ${varCamel(b[0]!.name)}: process.env.${b[0]!.name} ?? '${b[0]!.value}',\n  timeoutMs: 5000,\n};`
      : `const credentials = {\n${b.map((x) => `  ${varCamel(x.name)}: '${x.value}',`).join('\n')}\n};`,
};

const js: Kind = {
  ...ts,
  weight: 10,
  median: 1400,
  path: ({ group, index, r }) => `${group}/lib/${word(r)}-${index}.${r.pick(['js', 'js', 'mjs', 'cjs'])}`,
  header: (r) => Array.from({ length: r.int(1, 4) }, () => `const ${camel(r)} = require('${word(r)}');`).join('\n') + "\n'use strict';",
  block: (r) => tsBlock(r).replace(/: (?:string|number|boolean|Date|Promise<\w+>|\w+\[\]|\w+ \| undefined|\w+)(?=[,;)\s{])/g, ''),
  footer: (r) => `module.exports = { ${camel(r)}, ${camel(r)} };`,
};

const py: Kind = {
  weight: 7,
  median: 1500,
  sigma: 0.7,
  min: 200,
  max: 30000,
  path: ({ group, index, r }) => `${group}/scripts/${word(r)}_${index}.py`,
  header: (r) => `"""${sentence(r)}"""\nimport os\nimport json\nfrom ${word(r)} import ${pascal(r)}\n`,
  block: (r) =>
    r.chance(0.5)
      ? `def ${snake(r)}(${snake(r)}, ${snake(r)}=None):\n    """${sentence(r)}"""\n    ${snake(r)} = os.environ.get("${upper(r)}", "${word(r)}")\n    for ${word(r)} in ${snake(r)}:\n        if not ${word(r)}:\n            continue\n        ${snake(r)}.append(${word(r)})\n    return ${snake(r)}`
      : `class ${pascal(r)}:\n    def __init__(self, ${snake(r)}):\n        self.${snake(r)} = ${snake(r)}\n\n    def ${snake(r)}(self):\n        # ${sentence(r)}\n        return json.dumps({"${word(r)}": self.${snake(r)}})`,
  footer: (r) => `\nif __name__ == "__main__":\n    ${snake(r)}()`,
  join: '\n\n\n',
  plant: (_r, b) => b.map((x) => `${x.name} = "${x.value}"`).join('\n'),
};

const sh: Kind = {
  weight: 2,
  median: 800,
  sigma: 0.6,
  min: 100,
  max: 10000,
  path: ({ group, index, r }) => `${group}/bin/${word(r)}-${index}.sh`,
  header: () => '#!/usr/bin/env bash\nset -euo pipefail',
  block: (r) =>
    r.chance(0.5)
      ? `# ${sentence(r)}\n${upper(r)}="\${${upper(r)}:-${word(r)}}"\necho "${sentence(r, 4)}"`
      : `if [ -f "${word(r)}.json" ]; then\n  curl -fsS "https://${host(r)}/${word(r)}" -o /tmp/${word(r)}.json\nfi`,
  footer: () => '',
  join: '\n\n',
  plant: (_r, b) => b.map((x) => `export ${x.name}="${x.value}"`).join('\n'),
};

// ---- JSON, YAML, Terraform, env, Markdown ------------------------------------------------------------------------

const json: Kind = {
  weight: 9,
  median: 1000,
  sigma: 0.7,
  min: 100,
  max: 30000,
  path: ({ group, index, r }) =>
    r.chance(0.3) ? `${group}/packages/p-${index}/package.json` : `${group}/config/${word(r)}-${index}.json`,
  header: (r) => `{\n  "name": "@${word(r)}/${word(r)}-${word(r)}",\n  "version": "${r.int(0, 9)}.${r.int(0, 40)}.${r.int(0, 20)}"`,
  block: (r) =>
    r.chance(0.6)
      ? `  "${camel(r)}": ${r.pick([`"${sentence(r, r.int(1, 4))}"`, String(r.int(0, 9999)), 'true', `"https://${host(r)}"`])}`
      : `  "${camel(r)}": {\n${Array.from({ length: r.int(1, 6) }, () => `    "${camel(r)}": "${r.chance(0.3) ? '^' + r.int(0, 9) + '.' + r.int(0, 30) + '.0' : word(r)}"`).join(',\n')}\n  }`,
  footer: () => '}',
  join: ',\n',
  plant: (_r, b) => b.map((x) => `  "${varCamel(x.name)}": "${x.value}"`).join(',\n'),
};

const k8sDoc = (r: Rng): string => {
  const name = `${word(r)}-${word(r)}`;
  if (r.chance(0.5))
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: ${r.int(1, 6)}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: ${name}\n          image: registry.example.com/${word(r)}/${name}:${r.chars(HEX, 12)}\n          ports:\n            - containerPort: ${r.int(3000, 9000)}\n          env:\n            - name: ${upper(r)}\n              value: "${word(r)}"\n            - name: ${upper(r)}\n              valueFrom:\n                secretKeyRef:\n                  name: ${name}-secrets\n                  key: ${word(r)}\n          resources:\n            limits:\n              memory: ${r.int(1, 8) * 128}Mi`;
  if (r.chance(0.5))
    return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: ${r.int(3000, 9000)}`;
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\ndata:\n${Array.from({ length: r.int(2, 8) }, () => `  ${upper(r)}: "${word(r)}"`).join('\n')}`;
};

const k8s: Kind = {
  weight: 6,
  median: 1800,
  sigma: 0.6,
  min: 200,
  max: 30000,
  path: ({ group, index, r }) => `${group}/deploy/k8s/${r.pick(ENVS)}/${word(r)}-${index}.yaml`,
  header: () => '# generated by kustomize',
  block: k8sDoc,
  footer: () => '',
  join: '\n---\n',
  plant: (r, b) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${word(r)}-secrets\ntype: Opaque\nstringData:\n${b.map((x) => `  ${x.name}: "${x.value}"`).join('\n')}`,
};

const compose: Kind = {
  weight: 1.5,
  median: 1200,
  sigma: 0.5,
  min: 200,
  max: 15000,
  path: ({ group, index }) => `${group}/apps/app-${index}/docker-compose.yml`,
  header: () => 'services:',
  block: (r) =>
    `  ${word(r)}-${r.int(1, 99)}:\n    image: ${word(r)}:${r.int(1, 16)}\n    restart: unless-stopped\n    ports:\n      - "${r.int(3000, 9000)}:${r.int(3000, 9000)}"\n    environment:\n${Array.from({ length: r.int(1, 5) }, () => `      ${upper(r)}: ${r.chance(0.5) ? word(r) : '${' + upper(r) + '}'}`).join('\n')}\n    volumes:\n      - ${word(r)}-data:/var/lib/${word(r)}`,
  footer: (r) => `volumes:\n  ${word(r)}-data: {}`,
  join: '\n',
  plant: (r, b) => `  ${word(r)}-api:\n    image: ${word(r)}:latest\n    environment:\n${b.map((x) => `      ${x.name}: ${x.value}`).join('\n')}`,
};

const workflow: Kind = {
  weight: 2.5,
  median: 1600,
  sigma: 0.5,
  min: 300,
  max: 20000,
  path: ({ group, index, r }) => `${group}/.github/workflows/${word(r)}-${index}.yml`,
  header: (r) =>
    `name: ${cap(word(r))}\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  contents: read\njobs:\n  ${word(r)}:\n    runs-on: ubuntu-latest\n    environment: ${r.pick(ENVS)}\n    steps:\n      - uses: actions/checkout@v4`,
  block: (r) =>
    `      - name: ${sentence(r, 3)}\n        run: |\n          npm ci\n          npm run ${word(r)} -- --${word(r)}\n        env:\n          ${upper(r)}: \${{ secrets.${upper(r)} }}\n          ${upper(r)}: ${word(r)}`,
  footer: () => '',
  join: '\n',
  plant: (r, b) => `      - name: ${sentence(r, 3)}\n        run: ./scripts/${word(r)}.sh\n        env:\n${b.map((x) => `          ${x.name}: ${x.value}`).join('\n')}`,
};

const yaml: Kind = {
  weight: 2.5,
  median: 1000,
  sigma: 0.6,
  min: 100,
  max: 20000,
  path: ({ group, index, r }) => `${group}/config/${word(r)}-${index}.yaml`,
  header: (r) => `# ${sentence(r)}\n${word(r)}:`,
  block: (r) => `  ${word(r)}_${r.int(0, 999)}:\n${Array.from({ length: r.int(1, 6) }, () => `    ${snake(r)}: ${r.pick([word(r), String(r.int(0, 1000)), 'true', `https://${host(r)}`])}`).join('\n')}`,
  footer: () => '',
  join: '\n',
  plant: (_r, b) => `  credentials:\n${b.map((x) => `    ${x.name.toLowerCase()}: "${x.value}"`).join('\n')}`,
};

const tfBlock = (r: Rng): string => {
  const n = snake(r);
  switch (r.int(0, 4)) {
    case 0:
      return `resource "aws_s3_bucket" "${n}" {\n  bucket = "${word(r)}-${word(r)}-${r.chars(HEX, 6)}"\n  tags = {\n    Team = "${word(r)}"\n  }\n}`;
    case 1:
      return `resource "aws_db_instance" "${n}" {\n  identifier          = "${word(r)}-db"\n  engine              = "postgres"\n  instance_class      = "db.t3.${r.pick(['micro', 'small', 'medium'])}"\n  allocated_storage   = ${r.int(20, 500)}\n  deletion_protection = ${r.pick(['true', 'false'])}\n  password            = var.${n}_password\n}`;
    case 2:
      return `variable "${n}" {\n  type        = string\n  description = "${sentence(r)}"\n  default     = "${word(r)}"\n}`;
    case 3:
      return `module "${n}" {\n  source  = "./modules/${word(r)}"\n  name    = "${word(r)}"\n  vpc_id  = module.vpc.vpc_id\n  subnets = module.vpc.private_subnets\n}`;
    default:
      return `output "${n}" {\n  value = aws_s3_bucket.${snake(r)}.arn\n}`;
  }
};

const terraform: Kind = {
  weight: 8,
  median: 1800,
  sigma: 0.6,
  min: 200,
  max: 30000,
  path: ({ group, index, r }) => `${group}/infra/${r.pick(ENVS)}/${word(r)}-${index}.tf`,
  header: (r) => `# ${sentence(r)}`,
  block: tfBlock,
  footer: () => '',
  join: '\n\n',
  plant: (_r, b) =>
    b[0]!.name === 'AWS_ACCESS_KEY_ID'
      ? `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${b[0]!.value}"\n  secret_key = "${b[1]?.value ?? ''}"\n}`
      : b.map((x) => `variable "${x.name.toLowerCase()}" {\n  type    = string\n  default = "${x.value}"\n}`).join('\n\n'),
};

const env: Kind = {
  weight: 2.5,
  median: 450,
  sigma: 0.5,
  min: 40,
  max: 6000,
  path: ({ group, index, r }) => `${group}/apps/app-${index}/${r.pick(ENV_FILES)}`,
  header: (r) => `# ${sentence(r, 5)}`,
  block: (r) => `${upper(r)}=${r.pick([word(r), String(r.int(1, 65535)), `https://${host(r)}`, `postgres://${word(r)}@${host(r)}:5432/${word(r)}`, ''])}`,
  footer: () => '',
  join: '\n',
  plant: (_r, b) => b.map((x) => `${x.name}=${x.value}`).join('\n'),
};

const markdown: Kind = {
  weight: 10,
  median: 1800,
  sigma: 0.8,
  min: 200,
  max: 60000,
  path: ({ group, index, r }) => `${group}/docs/${word(r)}-${index}.md`,
  header: (r) => `# ${cap(word(r))} ${word(r)}\n\n${sentence(r)} ${sentence(r)}`,
  block: (r) =>
    r.chance(0.7)
      ? `## ${cap(word(r))}\n\n${Array.from({ length: r.int(2, 6) }, () => sentence(r)).join(' ')}`
      : `\`\`\`bash\nnpm run ${word(r)}\n${upper(r)}=${word(r)} ./bin/${word(r)}.sh --${word(r)}\n\`\`\``,
  footer: () => '',
  join: '\n\n',
  plant: (_r, b) => `\`\`\`bash\n${b.map((x) => `export ${x.name}=${x.value}`).join('\n')}\n\`\`\``,
};

// ---- lock files and minified bundles -------------------------------------------------------------------------------

const lock: Kind = {
  weight: 0.3,
  median: 50000,
  sigma: 0.6,
  min: 8000,
  max: 400000,
  path: ({ group, index }) => `${group}/packages/p-${index}/package-lock.json`,
  header: (r) => `{\n  "name": "${word(r)}",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n    "": {\n      "name": "${word(r)}"\n    }`,
  block: (r) => {
    const name = `${word(r)}-${word(r)}`;
    const v = `${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 20)}`;
    return `    "node_modules/${name}": {\n      "version": "${v}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${name}-${v}.tgz",\n      "integrity": "sha512-${r.chars(B64, 86)}==",\n      "license": "MIT"${r.chance(0.4) ? `,\n      "dependencies": {\n        "${word(r)}": "^${r.int(1, 9)}.0.0"\n      }` : ''}\n    }`;
  },
  footer: () => '  }\n}',
  join: ',\n',
  // A token in a lock file rides in a git dependency's URL.
  plant: (r, b) =>
    `    "node_modules/${word(r)}-private": {\n      "version": "1.0.0",\n      "resolved": "git+https://x-access-token:${b[0]!.value}@github.com/${word(r)}/${word(r)}.git#${r.chars(HEX, 40)}"\n    }`,
};

const minified: Kind = {
  weight: 0.25,
  median: 80000,
  sigma: 1.0,
  min: 10000,
  max: 2_500_000,
  path: ({ group, index, r }) => `${group}/dist/${word(r)}-${index}.min.js`,
  header: () => '!function(e,t){"object"==typeof exports?module.exports=t():e.lib=t()}(this,function(){"use strict";',
  block: (r) => {
    // A line break every few hundred KB, as bundlers leave them.
    const nl = r.chance(0.0003) ? '\n' : '';
    const a = r.chars('abcdefghijklmnopqrstuvwxyz', 1);
    const b = r.chars('abcdefghijklmnopqrstuvwxyz', 1);
    return nl + r.pick([
      `var ${a}${r.int(0, 99)}=function(${a},${b}){return ${a}&&${b}.${camel(r, 1)}(${a},"${word(r)}")||${r.int(0, 999)}};`,
      `function ${a}${b}(${a}){for(var ${b}=0;${b}<${a}.length;${b}++)if(${a}[${b}]===${JSON.stringify(word(r))})return ${b};return-1}`,
      `${a}.prototype.${camel(r, 2)}=function(){return this._${word(r)}.map(function(${b}){return ${b}.${word(r)}})};`,
      `var ${a}${b}=${JSON.stringify({ [word(r)]: word(r), [word(r)]: r.int(0, 1e6), h: r.chars(HEX, 32) })};`,
    ]);
  },
  footer: () => 'return{}});\n//# sourceMappingURL=bundle.min.js.map',
  join: '',
  plant: (r, b) => `var ${r.chars('abcdefghijklmnopqrstuvwxyz', 2)}={${b.map((x) => `${varCamel(x.name)}:"${x.value}"`).join(',')}};`,
};

export const KINDS = { ts, js, py, sh, json, k8s, compose, workflow, yaml, terraform, env, markdown, lock, minified } as const;
export type KindName = keyof typeof KINDS;

export const KIND_WEIGHTS: Record<KindName, number> = Object.fromEntries(
  Object.entries(KINDS).map(([k, v]) => [k, v.weight]),
) as Record<KindName, number>;

/** Builds one file of `kind` of about `target` bytes, with the extra block (plant or near-miss) placed among the others. */
export function buildFile(r: Rng, kind: Kind, target: number, extra?: string): string {
  const blocks: string[] = [];
  let size = 0;
  while (size < target || blocks.length === 0) {
    const b = kind.block(r);
    blocks.push(b);
    size += b.length + kind.join.length;
  }
  if (extra !== undefined) blocks.splice(r.int(0, blocks.length), 0, extra);
  const body = blocks.join(kind.join);
  const head = kind.header(r);
  const foot = kind.footer(r);
  const sep = kind.join === ',\n' ? ',\n' : kind.join === '' ? '' : '\n';
  return `${head}${head && body ? sep : ''}${body}${foot ? (kind.join === '' ? '' : '\n') + foot : ''}\n`;
}
