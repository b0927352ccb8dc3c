// What keeps AI features running when one vendor stops: a LiteLLM proxy config routing to several upstreams
// (`model_list[].litellm_params.model`), and self-hosted model servers (Ollama, vLLM, TGI, LocalAI, llama.cpp, a
// LiteLLM proxy) in Compose files and Kubernetes manifests. One `ai-gateway` resource each.
// https://docs.litellm.ai/docs/proxy/configs  https://docs.vllm.ai/en/latest/deployment/docker.html
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import { vendorOfModel, type AiGatewayAttrs } from '../../src/pipeline/ai-vendors.js';
import { basename, environmentOf, isRecord, lineOf, makeResource } from './resource-builder.js';
import { get, items, parseYaml, str, toJs } from './yaml-nodes.js';

const MODEL_SERVER_IMAGE = /^(?:[\w.-]+\/)*(?:ollama|vllm-openai|vllm|text-generation-inference|localai|llama\.cpp|llamacpp|litellm(?:-database)?|tgi)(?::[\w.-]+)?$/i;
const IMAGE_LINE = /^[ \t]*(?:-[ \t]*)?image:[ \t]*["']?([^\s"'#]+)/gm;

function liteLlmGateway(file: Parameters<InventoryParser['parse']>[0]): Resource[] {
  const { yaml } = parseYaml(file);
  if (!yaml) return [];
  const models = items(get(yaml.doc.contents, 'model_list'));
  const upstreams = [...new Set(models.map((m) => str(get(get(m, 'litellm_params'), 'model'))).filter((x): x is string => !!x).map((m) => vendorOfModel(m) ?? m.split('/')[0]!))];
  if (!upstreams.length) return [];
  const general = toJs(get(yaml.doc.contents, 'general_settings'));
  const litellm = toJs(get(yaml.doc.contents, 'litellm_settings'));
  const spendGuard = /max_budget|budget_duration|\brpm\b|\btpm\b/.test(JSON.stringify([general, litellm, toJs(get(yaml.doc.contents, 'model_list'))]));
  const a: AiGatewayAttrs = { kind: 'gateway', upstreams, spendGuard };
  return [makeResource(file, { id: `ai-gateway:litellm/${file.path}`, provider: 'litellm', type: 'ai-gateway', name: `LiteLLM ${file.path}`, environment: environmentOf(file), line: lineOf(file.text, 'model_list'), attributes: { ...a, fallbacks: isRecord(litellm) && 'fallbacks' in litellm } })];
}

const parser: InventoryParser = {
  meta: { id: 'ai-gateways', title: 'AI gateways and self-hosted model servers', summary: 'LiteLLM proxy configs with their upstream vendors; Ollama/vLLM/TGI/LocalAI/LiteLLM images in Compose and Kubernetes.' },
  applies: (file) => /\.ya?ml$/i.test(file.path) && (file.kind === 'compose' || file.kind === 'k8s' || /model_list|image:/.test(file.text)),
  parse: (file) => {
    if (/^model_list\s*:/m.test(file.text)) return { resources: liteLlmGateway(file) };
    const resources: Resource[] = [];
    for (const m of file.text.matchAll(IMAGE_LINE)) {
      const image = m[1]!;
      if (!MODEL_SERVER_IMAGE.test(image)) continue;
      const isGateway = /litellm/i.test(image);
      const a: AiGatewayAttrs = { kind: isGateway ? 'gateway' : 'self-hosted', upstreams: isGateway ? [] : ['self-hosted'], image, spendGuard: false };
      const name = basename(image).split(':')[0]!;
      resources.push(makeResource(file, { id: `ai-gateway:${name}/${file.path}`, provider: isGateway ? 'litellm' : 'self-hosted', type: 'ai-gateway', name: `${name} (${file.path})`, environment: environmentOf(file), line: lineOf(file.text, image), attributes: { ...a } }));
    }
    return { resources };
  },
  examples: [
    {
      // A LiteLLM proxy with Anthropic first and Bedrock + a local Ollama model as fallbacks, and a budget.
      file: { path: 'gateway/litellm.yaml', text: 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n      api_key: os.environ/ANTHROPIC_API_KEY_GATEWAY\n  - model_name: chat-fallback\n    litellm_params:\n      model: bedrock/anthropic.claude-sonnet-4-5\n  - model_name: local\n    litellm_params:\n      model: ollama/llama3.1\nlitellm_settings:\n  fallbacks: [{"chat": ["chat-fallback", "local"]}]\ngeneral_settings:\n  max_budget: 500\n' },
      expect: [{ id: 'ai-gateway:litellm/gateway/litellm.yaml', type: 'ai-gateway', attributes: { kind: 'gateway', upstreams: ['anthropic', 'bedrock', 'self-hosted'], spendGuard: true, fallbacks: true } }],
    },
    {
      // An Ollama server in Compose is a self-hosted fallback; a Postgres image is not a model server.
      file: { path: 'docker-compose.yml', text: 'services:\n  db:\n    image: postgres:16\n  ollama:\n    image: ollama/ollama:0.6.2\n    ports: ["11434:11434"]\n' },
      expect: [{ id: 'ai-gateway:ollama/docker-compose.yml', attributes: { kind: 'self-hosted', image: 'ollama/ollama:0.6.2' } }],
      reject: ['ai-gateway:postgres*'],
    },
  ],
};

export default parser;
