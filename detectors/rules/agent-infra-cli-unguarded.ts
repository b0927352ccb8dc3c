// Infrastructure CLIs allowed to an agent with nothing between it and their destructive subcommands.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { AgentAttrs } from '../../src/pipeline/resources.js';
import { resourceDraft } from './shared.js';

/** Destructive subcommands per CLI, from each CLI's reference. Aliases are normalised first (flyctl → fly). */
const DESTRUCTIVE: Record<string, string[]> = {
  railway: ['railway volume delete', 'railway down', 'railway delete', 'railway environment delete'],
  terraform: ['terraform destroy', 'terraform apply'],
  tofu: ['tofu destroy', 'tofu apply'],
  pulumi: ['pulumi destroy', 'pulumi up'],
  aws: ['aws rds delete-db-instance', 'aws rds delete-db-cluster', 'aws s3 rm', 'aws s3 rb', 'aws s3api delete-bucket', 'aws dynamodb delete-table', 'aws ec2 delete-volume', 'aws backup delete-recovery-point'],
  kubectl: ['kubectl delete'],
  helm: ['helm uninstall'],
  fly: ['fly volumes destroy', 'fly apps destroy', 'fly destroy'],
  gcloud: ['gcloud sql instances delete', 'gcloud projects delete', 'gcloud storage rm', 'gcloud compute disks delete'],
  heroku: ['heroku apps:destroy', 'heroku pg:reset', 'heroku addons:destroy'],
  supabase: ['supabase db reset', 'supabase projects delete'],
  vercel: ['vercel remove', 'vercel projects rm'],
  doctl: ['doctl databases delete', 'doctl compute volume delete'],
  wrangler: ['wrangler delete', 'wrangler r2 bucket delete', 'wrangler d1 delete'],
};
const ALIASES: Record<string, string> = { flyctl: 'fly' };

/** `Bash(railway:*)` / `Bash(npx terraform destroy *)` → `railway` / `terraform destroy`, normalised. */
function shellPrefix(rule: string): string | undefined {
  const m = /^Bash\((.*)\)$/.exec(rule.trim());
  if (!m) return undefined;
  const words = m[1]!.replace(/(?::\*|\s\*|\*)$/, '').trim().split(/\s+/).filter(Boolean);
  while (words[0] === 'npx' || words[0] === 'sudo' || words[0] === 'bunx') words.shift();
  if (words[0] && ALIASES[words[0]]) words[0] = ALIASES[words[0]]!;
  return words.length ? words.join(' ') : undefined;
}

const rule: FindingRule = {
  meta: {
    id: 'agent-infra-cli-unguarded',
    title: 'Infrastructure CLI allowed to an agent without a guard on its destructive commands',
    severity: 'high',
    category: 'agent-exposure',
    confidence: 'high',
    summary: 'An agent allow rule such as `Bash(railway:*)`, `Bash(terraform:*)`, `Bash(aws:*)`, `Bash(kubectl:*)` or `Bash(fly:*)` with no deny or ask rule for the CLI\'s destructive subcommands.',
    help: {
      why: 'An allow rule runs the command without asking. `Bash(railway:*)` allows `railway volume delete` as much as `railway logs`; `Bash(terraform:*)` allows `terraform destroy -auto-approve`. With the CLI logged in (or a token in the environment) one plausible-looking step of an agent\'s plan deletes infrastructure.',
      fix: 'Allow read-only subcommands specifically (`Bash(railway logs:*)`, `Bash(terraform plan:*)`, `Bash(kubectl get:*)`), and put the destructive ones in `permissions.deny` or `permissions.ask` (`Bash(railway volume delete:*)`, `Bash(terraform destroy:*)`, `Bash(kubectl delete:*)`). Deny rules take precedence over allow rules.',
      references: ['https://docs.anthropic.com/en/docs/claude-code/settings#permission-settings', 'https://docs.anthropic.com/en/docs/claude-code/iam#tool-specific-permission-rules'],
    },
  },
  check: ({ graph }) =>
    graph.resources
      .filter((r) => r.type === 'agent')
      .flatMap((agent) => {
        const a = agent.attributes as AgentAttrs;
        const guards = [...(a.deny ?? []), ...(a.ask ?? [])].map(shellPrefix).filter((x): x is string => !!x);
        const guarded = (cmd: string) => guards.some((g) => cmd === g || cmd.startsWith(`${g} `));
        const unguarded: string[] = [];
        const allowed: string[] = [];
        for (const rule of a.allow ?? []) {
          const prefix = shellPrefix(rule);
          if (!prefix) continue;
          const cli = prefix.split(' ')[0]!;
          const open = (DESTRUCTIVE[cli] ?? []).filter((d) => (d === prefix || d.startsWith(`${prefix} `) || prefix.startsWith(`${d} `) || prefix === d) && !guarded(d));
          if (open.length) {
            allowed.push(rule);
            unguarded.push(...open);
          }
        }
        if (!unguarded.length) return [];
        const list = [...new Set(unguarded)];
        return [
          resourceDraft(agent, `${agent.name} allows ${allowed.join(', ')} with no deny or ask rule for ${list.slice(0, 4).join(', ')}${list.length > 4 ? ` and ${list.length - 4} more` : ''}.`, [...allowed.map((r) => `allow ${r}`), ...list.map((d) => `unguarded: ${d}`)], {
            kind: 'agent',
          }),
        ];
      }),
  examples: [
    {
      name: 'Bash(railway:*) and Bash(terraform:*) allowed, nothing denied',
      repo: { '.claude/settings.json': '{ "permissions": { "allow": ["Bash(railway:*)", "Bash(terraform:*)", "Bash(npm test:*)"] } }\n' },
      fires: true,
      mentions: 'railway volume delete',
    },
    {
      name: 'Bash(railway:*) allowed with its destructive subcommands denied',
      repo: {
        '.claude/settings.json':
          '{ "permissions": { "allow": ["Bash(railway:*)", "Bash(kubectl get:*)"], "deny": ["Bash(railway volume delete:*)", "Bash(railway down:*)", "Bash(railway delete:*)", "Bash(railway environment delete:*)"] } }\n',
      },
      fires: false,
    },
  ],
};

export default rule;
