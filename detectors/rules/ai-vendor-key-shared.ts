// One AI vendor key behind several services, jobs or CI workflows: a suspension or revocation of that key stops all of
// them at once, and a leak from any one of them spends on all of them.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Credential } from '../../src/core/types.js';
import { credentialLabel, where } from '../../src/pipeline/chain.js';
import type { AiClientAttrs } from '../../src/pipeline/ai-vendors.js';
import { serviceIndex, vendorBlastRadius } from '../../src/pipeline/vendor-blast.js';
import { credentialDraft } from './shared.js';

/** The consumers of a credential: code and CI uses of its vendor that read the variable it is bound to. */
function consumers(c: Credential, uses: ReturnType<typeof vendorBlastRadius>[number]['uses'], serviceOf: (path: string) => string): Map<string, string> {
  const vars = new Set(c.locations.map((l) => l.variable).filter((v): v is string => !!v));
  const out = new Map<string, string>();
  for (const u of uses) {
    if (u.resource.type !== 'ai-client') continue;
    const a = u.resource.attributes as unknown as AiClientAttrs;
    const name = a.envVars.find((n) => vars.has(n));
    if (!name) continue;
    // A CI secret of the same name is the same key in all likelihood (it is set from the same dashboard value).
    const unit = u.kind === 'ci-job' ? `CI job ${String(u.resource.attributes.job ?? u.resource.name)} (${u.resource.location.path}, secret ${name})` : `${u.service === '.' ? '' : `${u.service} `}${u.kind} ${where(u.resource.location)}`;
    out.set(u.kind === 'ci-job' ? u.resource.id : `${u.service}:${u.kind}`, unit);
  }
  // Locations in different services count even when no use names the variable.
  for (const l of c.locations) {
    const service = serviceOf(l.path);
    if (!l.commit && service !== '.' && ![...out.keys()].some((k) => k.startsWith(`${service}:`))) out.set(`${service}:location`, `${service} (${where(l)})`);
  }
  return out;
}

const rule: FindingRule = {
  meta: {
    id: 'ai-vendor-key-shared',
    title: 'One AI vendor key shared by several services',
    severity: 'medium',
    category: 'vendor-dependency',
    confidence: 'medium',
    summary: 'The same OpenAI/Anthropic/Gemini… key serves several services, jobs or CI workflows.',
    help: {
      why: 'A vendor that suspends or revokes one key stops every service that holds it, all at once; spending keeps running on it from every place it lives, and a leak from the least careful consumer (a CI job, a script) is a leak for all. Usage and budgets cannot be told apart per service.',
      fix: 'Issue one key per service and environment: OpenAI project keys or service-account keys per project (`sk-proj-`/`sk-svcacct-`), Anthropic keys per workspace, and set a spend limit on each. Keep CI agents on their own key.',
      references: ['https://help.openai.com/en/articles/9186755-managing-your-work-in-the-api-platform-with-projects', 'https://docs.anthropic.com/en/api/admin-api/workspaces/get-workspace', 'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety'],
    },
  },
  check: ({ resources, credentials, graph, files }) => {
    const out: FindingDraft[] = [];
    const serviceOf = serviceIndex(files);
    for (const v of vendorBlastRadius(resources, credentials, files)) {
      for (const c of v.credentials) {
        const units = consumers(c, v.uses, serviceOf);
        if (units.size < 2) continue;
        out.push(
          credentialDraft(c, graph, `${credentialLabel(c)} (${v.name}) serves ${units.size} consumers: ${[...units.values()].join('; ')}. Revoking or suspending it stops all of them at once.`, {
            severity: c.environments.includes('production') || c.environments.includes('unknown') ? 'medium' : 'low',
            resourceIds: v.uses.filter((u) => [...units.keys()].some((k) => k === u.resource.id || k === `${u.service}:${u.kind}`)).map((u) => u.resource.id),
            extra: [{ kind: 'fact', label: `shared by ${units.size} consumers` }],
          }),
        );
      }
    }
    return out;
  },
  examples: [
    {
      name: 'one Anthropic key read by an API route and a nightly job',
      repo: {
        '.env': 'ANTHROPIC_API_KEY=sk-ant-api03-xEEsAoCaA2QTqpOoast0vQj8VMtbYo9Mqb5jZMQObDDMOTsoYtxqAYfwFBHPl8KsLcsf1YaHxpFjttuDDekSEU2aC13FaAA\n',
        'app/api/chat/route.ts': "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n",
        'jobs/nightly.ts': "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n",
      },
      fires: true,
      mentions: 'serves 2 consumers',
    },
    {
      name: 'the key is read by one route only',
      repo: {
        '.env': 'ANTHROPIC_API_KEY=sk-ant-api03-xEEsAoCaA2QTqpOoast0vQj8VMtbYo9Mqb5jZMQObDDMOTsoYtxqAYfwFBHPl8KsLcsf1YaHxpFjttuDDekSEU2aC13FaAA\n',
        'app/api/chat/route.ts': "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n",
        'jobs/nightly.ts': "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ apiKey: process.env.ANTHROPIC_NIGHTLY_KEY });\n",
      },
      fires: false,
    },
  ],
};

export default rule;
