// A production feature whose only AI path is one vendor: if that vendor suspends the organisation, revokes the key
// or goes down, the feature stops. One finding per vendor per service, with every file that calls it.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import { where } from '../../src/pipeline/chain.js';
import { importsVendorSdk, isProductUse, vendorBlastRadius, type VendorUse } from '../../src/pipeline/vendor-blast.js';
import { pushTo } from '../../src/core/text.js';
import { toFindingLocation } from './shared.js';

const KIND_LABEL: Record<string, string> = { 'request-path': 'request path', 'batch-job': 'batch job', app: 'application code' };

const rule: FindingRule = {
  meta: {
    id: 'ai-feature-single-vendor',
    title: 'Production AI feature with one vendor and no fallback',
    severity: 'medium',
    category: 'vendor-dependency',
    confidence: 'medium',
    summary: 'Application code imports one AI vendor\'s SDK (OpenAI, Anthropic, Gemini…) with no second provider, gateway or self-hosted model on the same path.',
    help: {
      why: 'A vendor can suspend a whole organisation at once (one user\'s alleged violation has stopped every account of a company for days), revoke a key, rate-limit or go down. A feature whose only model is that vendor\'s stops with it; a request path fails for every user, a batch job silently stops producing.',
      fix: 'Give the call path a second provider: route through a gateway with two upstreams (LiteLLM `fallbacks`, Portkey, OpenRouter), use the AI SDK with a fallback provider, reach the same model through Bedrock or Vertex, or keep a self-hosted model (Ollama, vLLM) for degraded service. Make the base URL configurable so traffic can move without a deploy.',
      references: ['https://docs.litellm.ai/docs/proxy/reliability', 'https://ai-sdk.dev/docs/foundations/providers-and-models', 'https://portkey.ai/docs/product/ai-gateway/fallbacks'],
    },
  },
  check: ({ resources, credentials, files }) => {
    const out: FindingDraft[] = [];
    for (const v of vendorBlastRadius(resources, credentials, files)) {
      const byService = new Map<string, VendorUse[]>();
      for (const u of v.uses) if (isProductUse(u) && !u.fallback && importsVendorSdk(u.resource) && u.environment !== 'test' && u.environment !== 'development') pushTo(byService, u.service, u);
      for (const [service, uses] of byService) {
        const requestPath = uses.some((u) => u.kind === 'request-path');
        const kinds = [...new Set(uses.map((u) => KIND_LABEL[u.kind]!))];
        const svc = service === '.' ? 'the application' : service;
        out.push({
          key: `${v.vendor}:${service}`,
          severity: requestPath ? 'medium' : 'low',
          message: `${svc} depends on ${v.name} alone (${kinds.join(', ')}: ${uses.map((u) => where(u.resource.location)).join(', ')}); no second provider, gateway or self-hosted model is configured for it, so a suspension or outage of ${v.name} stops it.`,
          locations: uses.map((u) => toFindingLocation(u.resource.location)),
          credentialFingerprints: v.credentials.map((c) => c.fingerprint),
          resourceIds: uses.map((u) => u.resource.id),
          environments: [...new Set(uses.map((u) => u.environment))],
          chain: [
            { kind: 'resource', label: `${svc}: ${kinds.join(', ')}`, ref: uses[0]!.resource.id },
            { kind: 'fact', label: `only ${v.name}` },
            { kind: 'fact', label: 'no fallback provider' },
          ],
        });
      }
    }
    return out;
  },
  examples: [
    {
      name: 'an API route on the Anthropic SDK alone',
      repo: { 'app/api/chat/route.ts': "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\nexport async function POST(req: Request) {\n  return Response.json(await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [] }));\n}\n" },
      fires: true,
      mentions: 'depends on Anthropic alone',
    },
    {
      name: 'the AI SDK with OpenAI and Anthropic on the same route',
      repo: { 'app/api/chat/route.ts': "import { streamText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nimport { anthropic } from '@ai-sdk/anthropic';\nexport async function POST() {\n  try { return streamText({ model: openai('gpt-4.1') }); } catch { return streamText({ model: anthropic('claude-sonnet-4-5') }); }\n}\n" },
      fires: false,
    },
    {
      name: 'a client with a configurable base URL and a LiteLLM gateway with two upstreams',
      repo: {
        'server/ai.py': 'import os\nfrom openai import OpenAI\nclient = OpenAI(base_url=os.environ["LLM_BASE_URL"])\n',
        'litellm/config.yaml': 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: openai/gpt-4.1\n  - model_name: chat\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n',
      },
      fires: false,
    },
    {
      name: 'a provider settings form whose default URL names a vendor host',
      repo: { 'web/src/modals/OpenRouterModal.tsx': 'const DEFAULT_API_BASE = "https://openrouter.ai/api/v1";\nexport function OpenRouterModal() { return DEFAULT_API_BASE; }\n' },
      fires: false,
    },
    {
      name: 'only tests call the vendor',
      repo: { 'tests/test_chat.py': 'from openai import OpenAI\n' },
      fires: false,
    },
  ],
};

export default rule;
