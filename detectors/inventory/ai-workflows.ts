// CI jobs that need an AI vendor: agent actions (anthropics/claude-code-action, openai/codex-action,
// google-github-actions/run-gemini-cli) and jobs handed a vendor key (`secrets.ANTHROPIC_API_KEY`). One `ai-client`
// resource per vendor per job, feature `ci-job`. Only workflows mentioning a vendor are parsed (the YAML parse is the cost).
// https://github.com/anthropics/claude-code-action  https://github.com/openai/codex-action
import type { Node } from 'yaml';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import { AI_KEYWORDS, vendorOfEnvVar, type AiClientAttrs } from '../../src/pipeline/ai-vendors.js';
import { environmentOf, makeResource } from './resource-builder.js';
import { entries, get, items, parseYaml, scalarsUnder, str } from './yaml-nodes.js';

/** Agent actions → the vendor account they run on. */
const ACTIONS: Array<[RegExp, string]> = [
  [/^anthropics\/claude-code(?:-base)?-action@/i, 'anthropic'],
  [/^openai\/codex-action@/i, 'openai'],
  [/^google-github-actions\/run-gemini-cli@/i, 'google'],
];
const SECRET_NAME = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g;

const parser: InventoryParser = {
  meta: { id: 'ai-workflows', title: 'CI jobs on an AI vendor', summary: 'GitHub Actions jobs that run an agent action or receive a vendor API key.' },
  applies: (file) => /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(file.path),
  parse: (file) => {
    if (!AI_KEYWORDS.test(file.text)) return {};
    const { yaml, diagnostics } = parseYaml(file);
    if (!yaml) return { diagnostics };
    const resources: Resource[] = [];
    for (const [jobId, job, pair] of entries(get(yaml.doc.contents, 'jobs'))) {
      const vendors = new Map<string, Set<string>>();
      const add = (vendor: string, via: string) => vendors.set(vendor, (vendors.get(vendor) ?? new Set()).add(via));
      for (const step of items(get(job, 'steps'))) {
        const uses = str(get(step, 'uses'));
        const hit = uses && ACTIONS.find(([re]) => re.test(uses));
        if (hit) add(hit[1], uses.split('@')[0]!);
      }
      const envVars: string[] = [];
      for (const { node } of scalarsUnder(job)) {
        for (const m of String((node as Node & { value?: unknown }).value ?? '').matchAll(SECRET_NAME)) {
          const v = vendorOfEnvVar(m[1]!);
          if (v) {
            add(v.id, `secrets.${m[1]}`);
            envVars.push(m[1]!);
          }
        }
      }
      const jobName = str(get(job, 'name')) ?? jobId;
      for (const [vendor, via] of vendors) {
        const a: AiClientAttrs = { vendor, via: [...via], feature: 'ci-job', service: file.path, otherVendors: [...vendors.keys()].filter((o) => o !== vendor), gateway: false, baseUrlConfigurable: false, timeout: false, handlesErrors: false, envVars: [...new Set(envVars.filter((n) => vendorOfEnvVar(n)?.id === vendor))] };
        resources.push(
          makeResource(file, {
            id: `ai:${vendor}/${file.path}#${jobId}`,
            provider: vendor,
            type: 'ai-client',
            name: `${jobName} (${file.path})`,
            environment: environmentOf(file, str(get(job, 'environment'))),
            line: yaml.lineOf(pair.key as Node),
            attributes: { ...a, job: jobId },
          }),
        );
      }
    }
    return { resources, diagnostics };
  },
  examples: [
    {
      // Claude Code review on every pull request, with the organisation's Anthropic key.
      file: { path: '.github/workflows/claude-review.yml', text: 'on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n' },
      expect: [{ id: 'ai:anthropic/.github/workflows/claude-review.yml#review', type: 'ai-client', attributes: { feature: 'ci-job', via: ['anthropics/claude-code-action', 'secrets.ANTHROPIC_API_KEY'], envVars: ['ANTHROPIC_API_KEY'] } }],
    },
    {
      // Near-miss: a workflow that only mentions "claude" in a job name and passes no vendor key.
      file: { path: '.github/workflows/docs.yml', text: 'on: push\njobs:\n  claude-docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo docs\n        env:\n          TOKEN: ${{ secrets.DOCS_TOKEN }}\n' },
      expect: [],
      reject: ['ai:*'],
    },
  ],
};

export default parser;
