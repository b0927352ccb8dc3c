// Better Stack (Logtail, Better Uptime) tokens carry no prefix: source tokens (24 alphanumerics) are used by the
// Logtail SDKs and `Authorization: Bearer` to in.logs.betterstack.com; API tokens manage monitors and sources.
// https://betterstack.com/docs/logs/api/getting-started/  https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

export const betterstackToken: CredentialRule = {
  meta: {
    id: 'betterstack-token',
    title: 'Better Stack / Logtail token',
    severity: 'medium',
    summary: 'Better Stack (Logtail / Better Uptime) source or API token with Better Stack context.',
    provider: 'betterstack',
    credentialType: 'token',
    help: {
      why: 'A source token writes logs into a Better Stack source; an API token can read logs and create, change or delete monitors, status pages and sources for the team.',
      fix: 'Reset the token in Better Stack (source settings, or Settings → API tokens), and keep the replacement in a secret store.',
      references: ['https://betterstack.com/docs/logs/api/getting-started/', 'https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/'],
    },
  },
  keywords: ['logtail', 'betterstack', 'betteruptime', 'better_stack', 'better-stack'],
  pattern: /(?<![\w-])([A-Za-z0-9]{24,40})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v, 20) && boundToProvider(ctx, /logtail|better[-_]?stack|better[-_]?uptime/i, /token|key|secret/i),
  classify: (_v, ctx) => ({ attributes: { tokenClass: /source|logtail|ingest/i.test(ctx.variable ?? '') ? 'source' : 'api-or-unknown' } }),
  examples: {
    positive: ['LOGTAIL_SOURCE_TOKEN=soxCBebIRCOrHlZdK9TyF9An', 'BETTERSTACK_API_TOKEN="zvpdD3DfRCjBOqNE7bUV6mn7PmFKPMen"'],
    negative: ['LOGTAIL_SOURCE_ID=dQGXumIfDT5Xbx80fGCtVly8', 'LOGTAIL_SOURCE_TOKEN=1hdSXeDQqHLk'],
  },
};

export default [betterstackToken];
