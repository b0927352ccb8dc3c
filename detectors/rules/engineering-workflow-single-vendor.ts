// The engineering workflow on one vendor account: the developer agents, the agent CI jobs and the MCP servers they
// drive all need the same AI vendor, and no second tool is configured. One finding for the repository.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { where } from '../../src/pipeline/chain.js';
import { isWorkflowUse, runsAgentAction, vendorBlastRadius, type VendorUse } from '../../src/pipeline/vendor-blast.js';
import { toFindingLocation } from './shared.js';

/** Agent configs, MCP servers, and CI jobs that run an agent (a test job that only receives a key is not one). */
const agentWork = (u: VendorUse) => isWorkflowUse(u) && (u.kind !== 'ci-job' || runsAgentAction(u.resource));

const rule: FindingRule = {
  meta: {
    id: 'engineering-workflow-single-vendor',
    title: 'Engineering workflow on one AI vendor',
    severity: 'low',
    category: 'vendor-dependency',
    confidence: 'medium',
    summary: 'Agent configs, CI jobs running an agent and MCP servers all need the same AI vendor, with no second agent tool configured.',
    help: {
      why: 'When a vendor suspends an organisation, every seat goes at once: the team\'s agents stop, the CI review and fix jobs fail, and the MCP servers wired into that agent are unreachable — and appeals can take days. A second tool that reads the same instructions keeps work going.',
      fix: 'Keep a second agent tool ready (one configured for a different vendor, or a multi-model tool such as Cursor or Copilot), write agent instructions in a portable file (AGENTS.md) that both read, make agent CI jobs non-blocking or give them a second provider, and keep the CI key separate from the team\'s seats.',
      references: ['https://agents.md/', 'https://docs.anthropic.com/en/docs/claude-code/github-actions', 'https://docs.anthropic.com/en/docs/claude-code/third-party-integrations'],
    },
  },
  check: ({ resources, credentials, files }) => {
    const vendors = vendorBlastRadius(resources, credentials, files).map((v) => ({ v, uses: v.uses.filter(agentWork) })).filter((x) => x.uses.length);
    if (vendors.length !== 1) return [];
    const { v, uses } = vendors[0]!;
    if (uses.some((u) => u.fallback) || uses.length < 2) return [];
    const kinds = new Set(uses.map((u) => u.kind));
    const label = (k: string) => ({ agent: 'agent config', 'ci-job': 'CI job', 'mcp-server': 'MCP server' })[k] ?? k;
    return [
      {
        key: v.vendor,
        severity: kinds.has('agent') && kinds.has('ci-job') ? 'medium' : 'low',
        message: `The engineering workflow runs on ${v.name} alone: ${uses.map((u) => `${label(u.kind)} ${u.resource.name} (${where(u.resource.location)})`).join('; ')}. No second agent tool is configured, so a suspension of the ${v.name} organisation stops all of it.`,
        locations: uses.map((u) => toFindingLocation(u.resource.location)),
        credentialFingerprints: v.credentials.map((c) => c.fingerprint),
        resourceIds: uses.map((u) => u.resource.id),
        environments: [...new Set(uses.map((u) => u.environment))],
        chain: [
          { kind: 'agent', label: [...kinds].map(label).join(', ') },
          { kind: 'fact', label: `all need ${v.name}` },
          { kind: 'fact', label: 'no second tool' },
        ],
      },
    ];
  },
  examples: [
    {
      name: 'Claude Code settings, CLAUDE.md and a Claude review workflow',
      repo: {
        'CLAUDE.md': '# Project\nRun `npm test` before committing.\n',
        '.claude/settings.json': '{ "permissions": { "allow": ["Bash(npm test)"] } }\n',
        '.github/workflows/claude.yml': 'on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n',
      },
      fires: true,
      mentions: 'runs on Anthropic alone',
    },
    {
      name: 'Claude Code with Cursor configured as a second tool',
      repo: {
        'CLAUDE.md': '# Project\nRun `npm test` before committing.\n',
        '.cursor/rules/project.mdc': '---\nalwaysApply: true\n---\nRun npm test.\n',
        '.github/workflows/claude.yml': 'on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n',
      },
      fires: false,
    },
    {
      name: 'test and eval jobs that only receive a Gemini key',
      repo: {
        '.github/workflows/test.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n        env:\n          GEMINI_API_KEY: ${{ secrets.GEMINI_API_KEY }}\n',
        '.github/workflows/evals.yml': 'on: schedule\njobs:\n  eval:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python evals.py\n        env:\n          GEMINI_API_KEY: ${{ secrets.GEMINI_API_KEY }}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
