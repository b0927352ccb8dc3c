// Server-side secrets (Supabase service_role first) in variables that bundlers inline into browser code.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Credential, Location } from '../../src/core/types.js';
import { credentialLabel } from '../../src/pipeline/chain.js';
import { credentialDraft, wideDestructive } from './shared.js';

/** Prefixes that Next.js, Vite, Expo, Create React App, Nuxt, Gatsby, SvelteKit and Astro expose to client code. */
const CLIENT_VAR = /^(?:NEXT_PUBLIC_|VITE_|EXPO_PUBLIC_|REACT_APP_|NUXT_PUBLIC_|GATSBY_|PUBLIC_|VUE_APP_|STORYBOOK_)/;
/** Built frontend output and static asset folders: whatever is there is served to every visitor. */
const BUNDLE_PATH = /(?:^|\/)(?:public|static|dist|build|out|www|\.next\/static|assets)\/[^/]+\.(?:m?js|json|html|map)$/i;

const isServiceRole = (c: Credential) =>
  c.provider === 'supabase' && (c.type === 'service-role-key' || c.type === 'secret-key' || c.attributes.role === 'service_role');

function exposure(l: Location): string | undefined {
  if (l.commit) return undefined;
  if (l.variable && CLIENT_VAR.test(l.variable)) return `client-exposed variable ${l.variable}`;
  if (BUNDLE_PATH.test(l.path)) return 'a frontend bundle/static path';
  return undefined;
}

const rule: FindingRule = {
  meta: {
    id: 'server-secret-client-exposed',
    title: 'Server secret exposed to client code',
    severity: 'critical',
    category: 'secret-exposure',
    confidence: 'high',
    summary: 'A Supabase service_role/secret key (or another credential that can delete data) in a `NEXT_PUBLIC_*`/`VITE_*`/`EXPO_PUBLIC_*`/`REACT_APP_*` variable or a frontend bundle path.',
    help: {
      why: 'Bundlers inline client-prefixed variables into the JavaScript every visitor downloads. The Supabase service_role key bypasses Row Level Security: anyone who opens the browser\'s developer tools can read, change and delete every row and every Storage object of the project.',
      fix: 'Rotate the key now (Supabase → Project Settings → API keys). Ship only the anon/publishable key to clients, keep the service_role key in server-only variables (no public prefix), and call privileged operations from a server route or Edge Function.',
      references: [
        'https://supabase.com/docs/guides/api/api-keys',
        'https://nextjs.org/docs/app/building-your-application/configuring/environment-variables#bundling-environment-variables-for-the-browser',
        'https://vite.dev/guide/env-and-mode',
        'https://docs.expo.dev/guides/environment-variables/',
      ],
    },
  },
  check: ({ credentials, graph }) => {
    const out: FindingDraft[] = [];
    for (const c of credentials) {
      const serviceRole = isServiceRole(c);
      if (!serviceRole && !wideDestructive(c) && !graph.deletable(c).length) continue;
      const at = c.locations.find((l) => exposure(l));
      if (!at) continue;
      const what = serviceRole ? 'a Supabase service_role key (bypasses Row Level Security)' : 'a server-side credential that can delete data';
      out.push(credentialDraft(c, graph, `${credentialLabel(c)} is ${what}, placed in ${exposure(at)} (${at.path}): it ships to every browser.`, {
        at,
        severity: serviceRole || wideDestructive(c) ? 'critical' : 'high',
      }));
    }
    return out;
  },
  examples: [
    {
      name: 'service_role key in NEXT_PUBLIC_ variable',
      repo: {
        '.env.local':
          'NEXT_PUBLIC_SUPABASE_URL=https://iiupvpnvvirmuppeajtt.supabase.co\nNEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImlpdXB2cG52dmlybXVwcGVhanR0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNTAwMDAwMCwiZXhwIjoyMDMwNTc2MDAwfQ.bDk-tdkRZs_zzskw-YVPTC84XGsr9oTPATVLibBdWQ5\n',
      },
      fires: true,
      mentions: 'NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY',
    },
    {
      name: 'anon key public, service_role key server-only',
      repo: {
        '.env.local':
          'VITE_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImlpdXB2cG52dmlybXVwcGVhanR0Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTUwMDAwMDAsImV4cCI6MjAzMDU3NjAwMH0.gDxnO6LF7XCRAItE1yQWZP_swzmh9OiUiV7vfZwQPxR\nSUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImlpdXB2cG52dmlybXVwcGVhanR0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNTAwMDAwMCwiZXhwIjoyMDMwNTc2MDAwfQ.bDk-tdkRZs_zzskw-YVPTC84XGsr9oTPATVLibBdWQ5\n',
      },
      fires: false,
    },
  ],
};

export default rule;
