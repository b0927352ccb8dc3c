// An AI gateway config that could cap spending and does not: a LiteLLM proxy config routes to paid upstreams with no
// budget and no rate limit. The one place in a repository where a spend guard can be written down (provider consoles
// keep theirs outside it), so the rule speaks only where such a config exists. Advisory.
// https://docs.litellm.ai/docs/proxy/users  https://docs.litellm.ai/docs/proxy/configs
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import { where } from '../../src/pipeline/chain.js';
import { vendorById, type AiGatewayAttrs } from '../../src/pipeline/ai-vendors.js';
import { toFindingLocation } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'ai-gateway-no-spend-guard',
    title: 'AI gateway without a spend guard',
    severity: 'low',
    category: 'vendor-dependency',
    confidence: 'medium',
    summary: 'A LiteLLM proxy config routes to paid AI vendors with no budget (max_budget, budget_duration) and no rate limit (rpm, tpm).',
    help: {
      why: 'Vendor keys keep billing whatever happens around them: a leaked gateway key, a retry loop or an agent left running spends until someone reads the invoice — and a suspended organisation\'s keys have been reported to keep billing too. The gateway config is the one place in the repository where a cap can be written down.',
      fix: 'Set a proxy-wide `max_budget` with a `budget_duration` in `litellm_settings`, and `rpm`/`tpm` limits on each model in `model_list`; give each service its own virtual key with its own budget.',
      references: ['https://docs.litellm.ai/docs/proxy/users', 'https://docs.litellm.ai/docs/proxy/configs'],
    },
  },
  check: ({ resources }) =>
    resources
      .filter((r) => r.type === 'ai-gateway' && r.provider === 'litellm' && r.environment !== 'test')
      .map((r) => ({ r, a: r.attributes as unknown as AiGatewayAttrs }))
      .filter(({ a }) => a.kind === 'gateway' && !a.spendGuard && a.upstreams.some((u) => u !== 'self-hosted'))
      .map(({ r, a }) => {
        const paid = a.upstreams.filter((u) => u !== 'self-hosted').map((u) => vendorById(u)?.name ?? u);
        return {
          key: r.id,
          message: `${r.name} routes to ${paid.join(', ')} with no budget or rate limit (${where(r.location)}): nothing in the gateway caps what a leaked key or a runaway job can spend.`,
          locations: [toFindingLocation(r.location)],
          credentialFingerprints: [],
          resourceIds: [r.id],
          environments: [r.environment],
          chain: [
            { kind: 'resource', label: r.name },
            { kind: 'fact', label: `paid upstreams: ${paid.join(', ')}` },
            { kind: 'fact', label: 'no max_budget, budget_duration, rpm or tpm' },
          ],
        };
      }),
  examples: [
    {
      name: 'a LiteLLM config with two paid upstreams and no limits',
      repo: {
        'litellm/config.yaml': 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n      api_key: os.environ/ANTHROPIC_API_KEY\n  - model_name: chat-backup\n    litellm_params:\n      model: openai/gpt-4.1\n      api_key: os.environ/OPENAI_API_KEY\nlitellm_settings:\n  fallbacks: [{"chat": ["chat-backup"]}]\n',
      },
      fires: true,
      mentions: 'no budget or rate limit',
    },
    {
      name: 'the same config with a budget',
      repo: {
        'litellm/config.yaml': 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\nlitellm_settings:\n  max_budget: 300\n  budget_duration: 30d\n',
      },
      fires: false,
    },
    {
      name: 'a config routing only to a self-hosted model, and a LiteLLM image in Compose (no config to guard)',
      repo: {
        'litellm/config.yaml': 'model_list:\n  - model_name: local\n    litellm_params:\n      model: ollama/llama3.1\n',
        'docker-compose.yml': 'services:\n  gateway:\n    image: ghcr.io/berriai/litellm:main-stable\n',
      },
      fires: false,
    },
  ],
};

export default rule;
