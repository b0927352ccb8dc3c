// The AI model vendors blastradius knows, and how each shows up in a repository: SDK packages (JS/TS, Python, Go),
// API hosts, environment variables, credential providers, agent tools and CI actions. Used by the vendor inventory
// parsers, the vendor-dependency rules and the vendor blast radius report.

export interface AiVendor {
  id: string;
  name: string;
  /** Import specifiers (exact, or a prefix ending in '/') in JS/TS, Python and Go. */
  packages: string[];
  hosts: RegExp;
  envVars: RegExp;
  /** Credential providers (detectors/credentials) whose keys are this vendor's. */
  credentialProviders: string[];
}

export const AI_VENDORS: AiVendor[] = [
  {
    id: 'openai',
    name: 'OpenAI',
    packages: ['openai', '@ai-sdk/openai', '@langchain/openai', 'langchain_openai', 'langchain-openai', 'github.com/openai/openai-go', 'github.com/sashabaranov/go-openai'],
    hosts: /\bapi\.openai\.com\b/,
    envVars: /^OPENAI_(?:API_KEY|ADMIN_KEY|ORG(?:ANIZATION)?(?:_ID)?|PROJECT(?:_ID)?)$/,
    credentialProviders: ['openai'],
  },
  {
    id: 'anthropic',
    name: 'Anthropic',
    packages: ['@anthropic-ai/sdk', 'anthropic', '@ai-sdk/anthropic', '@langchain/anthropic', 'langchain_anthropic', 'github.com/anthropics/anthropic-sdk-go', '@anthropic-ai/claude-agent-sdk', 'claude_agent_sdk'],
    hosts: /\bapi\.anthropic\.com\b/,
    envVars: /^(?:ANTHROPIC_(?:API_KEY|ADMIN_KEY|AUTH_TOKEN)|CLAUDE_CODE_OAUTH_TOKEN|CLAUDE_API_KEY)$/,
    credentialProviders: ['anthropic'],
  },
  {
    id: 'google',
    name: 'Google Gemini',
    packages: ['@google/genai', '@google/generative-ai', 'google.generativeai', 'google.genai', 'google-generativeai', '@ai-sdk/google', '@langchain/google-genai', 'langchain_google_genai', 'google.golang.org/genai'],
    hosts: /\bgenerativelanguage\.googleapis\.com\b/,
    envVars: /^(?:GEMINI_API_KEY|GOOGLE_API_KEY|GOOGLE_GENERATIVE_AI_API_KEY)$/,
    credentialProviders: ['google-ai'],
  },
  {
    id: 'mistral',
    name: 'Mistral',
    packages: ['@mistralai/mistralai', 'mistralai', '@ai-sdk/mistral', '@langchain/mistralai', 'langchain_mistralai'],
    hosts: /\bapi\.mistral\.ai\b/,
    envVars: /^MISTRAL_API_KEY$/,
    credentialProviders: ['mistral'],
  },
  {
    id: 'groq',
    name: 'Groq',
    packages: ['groq-sdk', 'groq', '@ai-sdk/groq', '@langchain/groq', 'langchain_groq'],
    hosts: /\bapi\.groq\.com\b/,
    envVars: /^GROQ_API_KEY$/,
    credentialProviders: ['groq'],
  },
  {
    id: 'cohere',
    name: 'Cohere',
    packages: ['cohere-ai', 'cohere', '@ai-sdk/cohere', '@langchain/cohere', 'langchain_cohere'],
    hosts: /\bapi\.cohere\.(?:com|ai)\b/,
    envVars: /^(?:COHERE_API_KEY|CO_API_KEY)$/,
    credentialProviders: ['cohere'],
  },
  {
    id: 'bedrock',
    name: 'AWS Bedrock',
    packages: ['@aws-sdk/client-bedrock-runtime', '@ai-sdk/amazon-bedrock', '@langchain/aws', 'langchain_aws', '@anthropic-ai/bedrock-sdk'],
    hosts: /\bbedrock-runtime\.[a-z0-9-]+\.amazonaws\.com\b/,
    envVars: /^$/,
    credentialProviders: [],
  },
  {
    id: 'vertex',
    name: 'Google Vertex AI',
    packages: ['@google-cloud/vertexai', '@ai-sdk/google-vertex', '@langchain/google-vertexai', 'vertexai', 'google.cloud.aiplatform', 'langchain_google_vertexai', '@anthropic-ai/vertex-sdk'],
    hosts: /\baiplatform\.googleapis\.com\b/,
    envVars: /^$/,
    credentialProviders: [],
  },
  {
    id: 'vercel',
    name: 'Vercel AI Gateway',
    packages: ['@ai-sdk/gateway'],
    hosts: /\bai-gateway\.vercel\.sh\b/,
    envVars: /^AI_GATEWAY_API_KEY$/,
    credentialProviders: [],
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    packages: ['@openrouter/ai-sdk-provider'],
    hosts: /\bopenrouter\.ai\/api\b/,
    envVars: /^OPENROUTER_API_KEY$/,
    credentialProviders: ['openrouter'],
  },
];

/** Multi-provider layers: a call through one of these can be pointed at another vendor without code changes. */
export const AI_GATEWAY_PACKAGES = ['litellm', 'portkey-ai', 'portkey_ai', '@portkey-ai/gateway', 'ai', '@openrouter/ai-sdk-provider', '@ai-sdk/gateway'];

/**
 * Words whose presence lets a file into the (otherwise skipped) vendor scan: the fast path. One case-insensitive
 * regular expression, so that no file is copied to lower case to be tested.
 */
export const AI_KEYWORDS = /openai|anthropic|genai|generativeai|mistral|groq|cohere|bedrock|vertex|openrouter|litellm|portkey|@ai-sdk\/|claude|gemini/i;

export const vendorById = (id: string): AiVendor | undefined => AI_VENDORS.find((v) => v.id === id);

export function vendorOfPackage(spec: string): AiVendor | undefined {
  const s = spec.toLowerCase();
  return AI_VENDORS.find((v) => v.packages.some((p) => s === p || s.startsWith(`${p}/`) || s.startsWith(`${p}.`)));
}

export function vendorOfEnvVar(name: string): AiVendor | undefined {
  return AI_VENDORS.find((v) => v.envVars.test(name));
}

export function vendorOfCredential(provider: string): AiVendor | undefined {
  return AI_VENDORS.find((v) => v.credentialProviders.includes(provider));
}

/** The vendor whose account an agent tool or an agent CI action runs on; Cursor and Copilot pick among several. */
export function vendorOfAgentTool(tool: string): string | undefined {
  const t = tool.toLowerCase();
  if (/claude/.test(t)) return 'anthropic';
  if (/codex|openai/.test(t)) return 'openai';
  if (/gemini/.test(t)) return 'google';
  return undefined;
}

/** Upstream vendor of a LiteLLM / gateway model string such as `anthropic/claude-sonnet-4`, `bedrock/...`, `gpt-4o`. */
export function vendorOfModel(model: string): string | undefined {
  const m = model.toLowerCase();
  const prefix = m.includes('/') ? m.slice(0, m.indexOf('/')) : '';
  if (prefix === 'azure' || prefix === 'azure_ai') return 'azure-openai';
  if (prefix === 'ollama' || prefix === 'ollama_chat' || prefix === 'hosted_vllm' || prefix === 'vllm' || prefix === 'huggingface') return 'self-hosted';
  if (prefix === 'gemini') return 'google';
  if (prefix === 'vertex_ai') return 'vertex';
  if (prefix && (vendorById(prefix) || prefix === 'openai')) return prefix;
  if (/^(?:gpt-|o[134]\b|o[134]-|text-embedding|chatgpt)/.test(m)) return 'openai';
  if (/^claude/.test(m)) return 'anthropic';
  if (/^gemini/.test(m)) return 'google';
  if (/^(?:mistral|mixtral|codestral)/.test(m)) return 'mistral';
  return undefined;
}

/** Where a use of a vendor sits: on a request path, in a batch job, in CI, or in application code of unknown placement. */
export type AiFeature = 'request-path' | 'batch-job' | 'ci-job' | 'app';

/** Attributes of an `ai-client` resource: one vendor used by one file (or one CI job). */
export interface AiClientAttrs {
  vendor: string;
  /** The packages, hosts or actions that showed it. */
  via: string[];
  feature: AiFeature;
  /** The service the file belongs to (apps/x, services/x, packages/x), or '.' for the repository root. */
  service: string;
  /** Other vendors reachable from the same call path (same file imports them, or provider switching). */
  otherVendors: string[];
  /** The client goes through a multi-provider layer (LiteLLM, Portkey, OpenRouter) or has a configurable base URL. */
  gateway: boolean;
  baseUrlConfigurable: boolean;
  timeout: boolean;
  handlesErrors: boolean;
  /** Vendor environment variables the file reads. */
  envVars: string[];
}

/** Attributes of an `ai-gateway` resource: a LiteLLM-style gateway or a self-hosted model server. */
export interface AiGatewayAttrs {
  kind: 'gateway' | 'self-hosted';
  /** Upstream vendors the gateway routes to ('self-hosted' for a local model server). */
  upstreams: string[];
  image?: string;
  /** A budget or rate limit is configured (LiteLLM max_budget / rpm / tpm). */
  spendGuard: boolean;
}

/** The service a path belongs to: `apps/web/...` → apps/web; else '.'. */
export function serviceOfPath(path: string): string {
  const m = /^((?:apps|services|packages|workers?|functions)\/[^/]+)\//.exec(path);
  return m ? m[1]! : '.';
}

/** Test, example, benchmark and documentation code is not a product feature. */
const NOT_A_FEATURE = /(?:^|\/)(?:tests?|__tests__|__mocks__|spec|e2e|examples?|samples?|docs?|fixtures?|cookbook|notebooks?|evals?|benchmarks?)\/|\.(?:test|spec|stories)\.[cm]?[jt]sx?$|(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go)$/i;
export const notAFeature = (path: string): boolean => NOT_A_FEATURE.test(path) || /benchmark/i.test(path.slice(path.lastIndexOf('/') + 1));

export function featureOfPath(path: string): AiFeature {
  if (/(?:^|\/)(?:jobs?|cron|crons|workers?|batch|tasks?|scripts?|nightly|queues?|pipelines?)(?:\/|[._-])/i.test(path)) return 'batch-job';
  if (/(?:^|\/)(?:app\/api|pages\/api|api|routes?|server|handlers?|controllers?|endpoints?|actions?)(?:\/|\.)|(?:^|\/)route\.[cm]?[jt]s$/i.test(path)) return 'request-path';
  return 'app';
}
