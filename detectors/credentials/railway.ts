// Railway tokens are bare UUIDs: nothing in the value says "Railway" or which kind it is. They are told apart by
// context, as Railway documents: the CLI reads RAILWAY_TOKEN as a *project* token and RAILWAY_API_TOKEN as an
// *account or workspace* token; the public API takes project tokens in the `Project-Access-Token` header and
// account/workspace tokens as `Authorization: Bearer`, at backboard.railway.com/graphql/v2.
// https://docs.railway.com/guides/public-api  https://docs.railway.com/guides/cli#tokens
import type { CredentialRule, MatchContext } from '../../src/core/types.js';

const UUID = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;

function railwayContext(ctx: MatchContext): boolean {
  const name = ctx.variable ?? '';
  if (/railway/i.test(name)) return /token|key|secret|auth/i.test(name);
  // A token-named binding (or an auth header) beside a call to Railway's API.
  return /backboard\.railway\.(?:app|com)/i.test(ctx.window) && /token|key|secret|auth|bearer|project-access-token/i.test(`${name} ${ctx.line}`);
}

/** How the file sends the variable: `Bearer ${NAME}` / `'Bearer ' + NAME`, or a `Project-Access-Token` header. */
function sentAs(text: string, name: string): 'bearer' | 'project-header' | undefined {
  if (!name || !/backboard\.railway/i.test(text)) return undefined;
  const n = name.replace(/[^A-Za-z0-9_$]/g, '');
  if (new RegExp(`Project-Access-Token['"\`]?\\s*:\\s*(?:['"\`]?\\$\\{\\s*${n}\\s*\\}|${n}\\b)`, 'i').test(text)) return 'project-header';
  if (new RegExp(`Bearer (?:\\$\\{\\s*${n}\\s*\\}|['"\`]\\s*\\+\\s*${n}\\b)`).test(text)) return 'bearer';
  return undefined;
}

// How a token is used decides its class before how it is named: Railway documents Bearer for account/workspace
// tokens and the Project-Access-Token header for project tokens.
function tokenClass(ctx: MatchContext): { type: string; attributes: Record<string, string> } {
  const name = ctx.variable ?? '';
  const use = sentAs(ctx.file.text, name) ?? (/project-access-token/i.test(ctx.line) ? 'project-header' : undefined);
  const project = (by: string) => ({ type: 'project-token', attributes: { tokenClass: 'project', classifiedBy: by } });
  const account = (by: string) => ({ type: 'account-token', attributes: { tokenClass: 'account-or-workspace', classifiedBy: by } });
  if (use === 'project-header') return project('sent in the Project-Access-Token header');
  if (use === 'bearer') return account('sent as Authorization: Bearer to backboard.railway.com');
  if (/^RAILWAY_TOKEN$/i.test(name) || /project[-_ ]?(?:access[-_ ]?)?token/i.test(name)) return project(`variable ${name}`);
  if (/RAILWAY_API_TOKEN|account|workspace|team/i.test(name)) return account(`variable ${name}`);
  return { type: 'token', attributes: { tokenClass: 'unknown', classifiedBy: name ? `variable ${name}` : 'Railway API call nearby' } };
}

export const railwayToken: CredentialRule = {
  meta: {
    id: 'railway-token',
    title: 'Railway API token',
    severity: 'high',
    summary: 'Railway account, workspace or project token (a UUID recognised by its variable, header or API endpoint).',
    provider: 'railway',
    credentialType: 'token',
    help: {
      why: 'Railway account and workspace tokens carry their owner\'s full power over every project, environment, service and volume in reach: Railway has no per-token permissions. A token made "for custom domains" can delete a production volume — and the volume backups stored with it.',
      fix: 'Revoke the token in Railway (Account → Tokens). Where automation needs access, use a project token, which is limited to one environment of one project, kept in your CI secret store. Keep an off-platform backup of every volume that holds data.',
      references: ['https://docs.railway.com/guides/public-api', 'https://docs.railway.com/guides/cli#tokens'],
    },
  },
  keywords: ['railway'],
  typeOrder: ['account-token', 'token', 'project-token'],
  pattern: UUID,
  secretGroup: 1,
  validate: (_v, ctx) => railwayContext(ctx),
  classify: (_v, ctx) => tokenClass(ctx),
  examples: {
    positive: [
      'RAILWAY_API_TOKEN=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f',
      'RAILWAY_TOKEN="0b7e4f2a-6c1d-4e8b-9a3f-5c2d7e1b4a6f"',
      "const token = '7d2e9c4b-1a6f-4b3e-8c5d-9e0f1a2b3c4d';\nawait fetch('https://backboard.railway.com/graphql/v2', { headers: { Authorization: `Bearer ${token}` } });",
    ],
    negative: [
      // a UUID with no Railway context
      'REQUEST_ID=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f',
      // Railway context, but not a token binding
      'RAILWAY_PROJECT_ID=3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f',
      'RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}',
    ],
  },
};

export default [railwayToken];
