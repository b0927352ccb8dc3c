// Agent configurations that let an agent run anything without asking.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { AgentAttrs } from '../../src/pipeline/resources.js';
import { where } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'agent-unrestricted',
    title: 'Agent may run any command or bypass permissions',
    severity: 'high',
    category: 'agent-exposure',
    confidence: 'high',
    summary: 'An agent configuration allows every shell command or switches permission prompts off (bypassPermissions).',
    help: {
      why: 'With every shell command allowed, or permission prompts bypassed, nothing stands between an agent\'s plan and `railway volume delete`, `terraform destroy` or `DROP DATABASE` — with whatever credentials the shell can see.',
      fix: 'Use `defaultMode: "default"` (or `acceptEdits`), allow specific commands (`Bash(npm test:*)`), and deny destructive ones (`Bash(railway volume delete:*)`, `Bash(terraform destroy:*)`). Run autonomous agents in a sandbox without production credentials.',
      references: ['https://docs.anthropic.com/en/docs/claude-code/settings#permission-settings', 'https://docs.anthropic.com/en/docs/claude-code/iam#permission-modes'],
    },
  },
  check: ({ resources }) =>
    resources
      .filter((r) => r.type === 'agent')
      .flatMap((r) => {
        const a = r.attributes as AgentAttrs;
        const problems = [
          ...(a.bypass ? [`permission prompts bypassed (${a.defaultMode ?? 'bypass mode'})`] : []),
          ...(a.anyShell ? ['any shell command allowed'] : []),
        ];
        if (!problems.length) return [];
        return [
          {
            key: r.id,
            message: `${r.name} (${where(r.location)}): ${problems.join('; ')}.`,
            locations: [toFindingLocation(r.location)],
            credentialFingerprints: [],
            resourceIds: [r.id],
            environments: [r.environment],
            chain: [{ kind: 'agent', label: r.name, ref: r.id }, ...problems.map((p) => ({ kind: 'fact' as const, label: p }))],
          },
        ];
      }),
  examples: [
    {
      name: 'bypassPermissions with Bash(*)',
      repo: { '.claude/settings.json': '{ "permissions": { "allow": ["Bash(*)"], "defaultMode": "bypassPermissions" } }\n' },
      fires: true,
      mentions: 'bypass',
    },
    {
      name: 'narrow allow list',
      repo: { '.claude/settings.json': '{ "permissions": { "allow": ["Bash(npm test:*)"], "defaultMode": "default" } }\n' },
      fires: false,
    },
  ],
};

export default rule;
