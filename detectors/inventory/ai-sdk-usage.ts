// AI vendor SDKs and API calls in application code (JS/TS, Python, Go): one `ai-client` resource per vendor per file,
// with the feature it serves (request path, batch job), its service, and what would keep it running if the vendor
// stopped answering — a second vendor on the same call path, a gateway, a configurable base URL, timeouts and error
// handling. Only files containing a vendor keyword are read (the fast path); imports are read line by line.
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource, SourceFile } from '../../src/core/types.js';
import {
  AI_GATEWAY_PACKAGES,
  AI_KEYWORDS,
  AI_VENDORS,
  notAFeature,
  featureOfPath,
  serviceOfPath,
  vendorOfEnvVar,
  vendorOfPackage,
  type AiClientAttrs,
} from '../../src/pipeline/ai-vendors.js';
import { lineIndexOf, makeResource } from './resource-builder.js';

const CODE = /\.(?:[cm]?[jt]sx?|py|go)$/i;
const JS_IMPORT = /(?:\bfrom[ \t]*|\brequire[ \t]*\([ \t]*|\bimport[ \t]*\([ \t]*|^[ \t]*import[ \t]+)["']([^"'\s]+)["']/gm;
const PY_IMPORT = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+(?:\(\s*)?(\w+)|import[ \t]+([\w.]+))/gm;
const GO_IMPORT = /^[ \t]*(?:import[ \t]+)?(?:\w+[ \t]+)?"((?:github\.com|google\.golang\.org)\/[^"]+)"/gm;
/** The Anthropic SDKs' own clients for Claude on Bedrock and Vertex: the same model through a second platform. */
const ANTHROPIC_PLATFORM_CLIENT = /\b(?:Async)?Anthropic(Bedrock|Vertex)\b/g;
const ENV_NAME = /\b([A-Z][A-Z0-9_]*_(?:API_KEY|ADMIN_KEY|AUTH_TOKEN|OAUTH_TOKEN))\b/g;

function importsOf(file: SourceFile): Array<{ spec: string; index: number }> {
  const re = file.path.endsWith('.py') ? PY_IMPORT : file.path.endsWith('.go') ? GO_IMPORT : JS_IMPORT;
  // `from google import genai` imports google.genai: try the module and module.name.
  return [...file.text.matchAll(re)].flatMap((m) => {
    const spec = (m[1] ?? m[3])!;
    return m[2] ? [{ spec: `${spec}.${m[2]}`, index: m.index }, { spec, index: m.index }] : [{ spec, index: m.index }];
  });
}

const parser: InventoryParser = {
  meta: { id: 'ai-sdk-usage', title: 'AI vendor SDKs and API calls', summary: 'Application code that calls an AI vendor (OpenAI, Anthropic, Gemini, Mistral, Groq, Cohere, Bedrock, Vertex, OpenRouter): feature, service, fallback.' },
  applies: (file) => file.kind === 'source' && CODE.test(file.path),
  parse: (file) => {
    if (notAFeature(file.path)) return {};
    if (!AI_KEYWORDS.test(file.text)) return {};
    const lines = lineIndexOf(file.text);
    const found = new Map<string, { via: Set<string>; index: number }>();
    const note = (vendor: string, via: string, index: number): void => {
      const f = found.get(vendor) ?? { via: new Set<string>(), index };
      f.via.add(via);
      f.index = Math.min(f.index, index);
      found.set(vendor, f);
    };
    const imports = importsOf(file);
    for (const { spec, index } of imports) {
      const v = vendorOfPackage(spec);
      if (v) note(v.id, spec, index);
    }
    for (const m of file.text.matchAll(ANTHROPIC_PLATFORM_CLIENT)) note(m[1] === 'Bedrock' ? 'bedrock' : 'vertex', m[0], m.index);
    for (const v of AI_VENDORS) {
      const m = v.hosts.exec(file.text);
      if (m) note(v.id, m[0], m.index);
    }
    const fromCode = found.size > 0;
    const envVars = [...new Set([...file.text.matchAll(ENV_NAME)].map((m) => m[1]!))];
    for (const name of envVars) {
      const v = vendorOfEnvVar(name);
      // A key name alone says which vendor only when no SDK or host already did.
      if (v && !fromCode) note(v.id, name, file.text.indexOf(name));
    }
    if (!found.size) return {};
    const gateway = imports.some(({ spec }) => AI_GATEWAY_PACKAGES.includes(spec) && spec !== 'ai');
    const baseUrlConfigurable = /\bbase_?url\b|_BASE_URL\b/i.test(file.text);
    const timeout = /\btimeout\b|\bmax_?retries\b/i.test(file.text);
    const handlesErrors = /\bcatch[ \t]*[({]|^[ \t]*except\b|\bif[ \t]+err[ \t]*!=[ \t]*nil\b/m.test(file.text);
    const service = serviceOfPath(file.path);
    const feature = featureOfPath(file.path);
    const resources: Resource[] = [...found].map(([vendor, f]) => {
      const a: AiClientAttrs = {
        vendor,
        via: [...f.via],
        feature,
        service,
        otherVendors: [...found.keys()].filter((o) => o !== vendor),
        gateway,
        baseUrlConfigurable,
        timeout,
        handlesErrors,
        envVars: envVars.filter((n) => vendorOfEnvVar(n)?.id === vendor),
      };
      return makeResource(file, {
        id: `ai:${vendor}/${file.path}`,
        provider: vendor,
        type: 'ai-client',
        name: `${vendor} in ${file.path}`,
        environment: file.environment.environment === 'unknown' ? 'production' : file.environment.environment,
        line: lines.position(f.index).line + (file.text[f.index] === '\n' ? 1 : 0),
        attributes: { ...a },
      });
    });
    return { resources };
  },
  examples: [
    {
      // A Next.js route handler on the Anthropic SDK, reading its key from the environment.
      file: { path: 'apps/web/app/api/chat/route.ts', text: "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\nexport async function POST(req: Request) {\n  const msg = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [] });\n  return Response.json(msg);\n}\n" },
      expect: [{ id: 'ai:anthropic/apps/web/app/api/chat/route.ts', type: 'ai-client', environment: 'production', attributes: { feature: 'request-path', service: 'apps/web', otherVendors: [], envVars: ['ANTHROPIC_API_KEY'], handlesErrors: false } }],
    },
    {
      // A Python batch job with the OpenAI SDK and Anthropic as a fallback in the same call path.
      file: { path: 'jobs/summarise.py', text: 'import os\nfrom openai import OpenAI\nimport anthropic\n\ndef run():\n    try:\n        return OpenAI(timeout=30).responses.create(model="gpt-4.1", input="x")\n    except Exception:\n        return anthropic.Anthropic().messages.create(model="claude-haiku-4-5", max_tokens=100, messages=[])\n' },
      expect: [
        { id: 'ai:openai/jobs/summarise.py', attributes: { feature: 'batch-job', otherVendors: ['anthropic'], timeout: true, handlesErrors: true } },
        { id: 'ai:anthropic/jobs/summarise.py', attributes: { otherVendors: ['openai'] } },
      ],
    },
    {
      // The Anthropic Python SDK switching between its own API, Bedrock and Vertex: each platform is a way round the other.
      file: { path: 'agent/loop.py', text: 'from anthropic import (\n    Anthropic,\n    AnthropicBedrock,\n    AnthropicVertex,\n)\n\ndef client(provider):\n    if provider == "vertex":\n        return AnthropicVertex()\n    if provider == "bedrock":\n        return AnthropicBedrock()\n    return Anthropic()\n' },
      expect: [
        { id: 'ai:anthropic/agent/loop.py', attributes: { otherVendors: ['bedrock', 'vertex'] } },
        { id: 'ai:bedrock/agent/loop.py', attributes: { via: ['AnthropicBedrock'] } },
      ],
    },
    {
      // Go with raw HTTP to the Gemini API host.
      file: { path: 'services/search/gemini.go', text: 'package search\n\nconst endpoint = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent"\n' },
      expect: [{ id: 'ai:google/services/search/gemini.go', attributes: { service: 'services/search', via: ['generativelanguage.googleapis.com'] } }],
    },
    {
      // Near-misses: a word "openai" in a comment with no import, a package whose name only starts like one, and tests.
      file: { path: 'src/notes.ts', text: "// we might try openai later\nimport openaiLike from 'openai-like-helpers';\n" },
      expect: [],
      reject: ['ai:openai/src/notes.ts'],
    },
    {
      file: { path: 'src/__tests__/chat.test.ts', text: "import OpenAI from 'openai';\n" },
      expect: [],
      reject: ['ai:openai/src/__tests__/chat.test.ts'],
    },
  ],
};

export default parser;
