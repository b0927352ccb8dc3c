// Cloudflare API tokens declared in Terraform (`cloudflare_api_token`): a token found in the repository is tied to
// the resource whose name is used where the token is (variable names, comments, paths), and its permission groups
// say what it can do, on the zones its policy resources name.
// https://developers.cloudflare.com/fundamentals/api/reference/permissions/
import type { ScopeResolver } from '../../src/pipeline/detector-api.js';
import type { Confidence, Credential, Permission, Reach, Resource, Verb } from '../../src/core/types.js';
import { linkByEvidence } from './principal-link.js';
import { resourcesOfType, type CloudflareTokenAttrs } from '../../src/pipeline/resources.js';
import { everything } from '../../src/pipeline/resolve.js';

const verbs = (resourceType: string, ...vs: Verb[]): Permission[] => vs.map((verb) => ({ verb, resourceType }));

/** Permission group name patterns → permissions; Edit is the dashboard's word for Write. First match wins. */
const GROUPS: Array<[RegExp, Permission[]]> = [
  // Minting tokens or changing members is minting any power.
  [/^(?:API Tokens|Account API Tokens|Memberships) (?:Write|Edit)$/i, everything()],
  [/^(?:Account Settings|Account) (?:Write|Edit)$/i, verbs('*', 'admin')],
  [/^Zone Settings (?:Write|Edit)$/i, verbs('dns-zone', 'read', 'write', 'admin')],
  [/^Zone (?:Write|Edit)$/i, verbs('dns-zone', 'read', 'write', 'delete', 'admin')],
  // DNS Write creates, changes and deletes records: enough to repoint or take down every name in the zone.
  [/^DNS (?:Write|Edit)$/i, verbs('dns-zone', 'read', 'write', 'delete')],
  [/^(?:Workers R2 Storage|R2 Storage) (?:Write|Edit)$/i, verbs('bucket', 'read', 'write', 'delete')],
  [/^D1 (?:Write|Edit)$/i, verbs('database', 'read', 'write', 'delete')],
  [/^(?:Workers KV Storage) (?:Write|Edit)$/i, verbs('database', 'read', 'write', 'delete')],
  [/^(?:Workers Scripts|Cloudflare Pages|Pages) (?:Write|Edit)$/i, verbs('service', 'read', 'write', 'delete')],
  [/^(?:Workers R2 Storage|R2 Storage) Read$/i, verbs('bucket', 'read')],
  [/^D1 Read$/i, verbs('database', 'read')],
  [/^(?:Zone|DNS|Zone Settings) Read$/i, verbs('dns-zone', 'read')],
  [/ Read$/i, verbs('other', 'read')],
];

function tokenFor(cred: Credential, tokens: readonly Resource[]): { token: Resource; why: string; confidence: Confidence } | undefined {
  const hints = cred.hints.map((h) => h.toLowerCase());
  for (const t of tokens) {
    const label = t.id.replace(/^terraform:(?:module\.[^.]+\.)?cloudflare_(?:api|account)_token\./, '').replace(/@.*$/, '');
    const names = [...new Set([t.name, label].map((n) => n.toLowerCase()).filter((n) => n.length >= 4))];
    for (const n of names) {
      const forms = [n, n.replace(/[-\s]/g, '_'), n.replace(/[_\s]/g, '-')];
      const hit = hints.find((h) => forms.some((f) => h === f || h.includes(f)));
      if (hit) return { token: t, why: `"${n}" appears where the token is used (${hit})`, confidence: 'medium' };
    }
  }
  const link = linkByEvidence(
    cred,
    tokens.map((t) => ({
      resource: t,
      names: [t.name],
      purposeWords: ((t.attributes as CloudflareTokenAttrs).permissionGroups ?? []).flatMap((g) => g.toLowerCase().split(/\s+/)).filter((w) => !/^(?:read|write|edit)$/.test(w)),
      createsKey: true,
    })),
    'Cloudflare API token',
  );
  return link && { token: link.resource, why: link.why, confidence: link.confidence };
}

const resolver: ScopeResolver = {
  meta: { id: 'scope-cloudflare-iac', title: 'Cloudflare API token → cloudflare_api_token in Terraform', summary: 'An API token inherits the permission groups and zones of the cloudflare_api_token resource it is tied to.' },
  providers: ['cloudflare'],
  resolve: (cred, ctx) => {
    if (!/token/.test(cred.type)) return undefined;
    const tokens = resourcesOfType(ctx.resources, 'iam-principal').filter((r) => r.provider === 'cloudflare');
    const found = tokens.length ? tokenFor(cred, tokens) : undefined;
    if (!found) return undefined;
    const a = found.token.attributes as CloudflareTokenAttrs;
    const zones = a.tokenZones ?? [];
    const accountWide = (a.tokenResources ?? []).some((k) => /^com\.cloudflare\.api\.account(?:\.zone)?\.\*$|^com\.cloudflare\.api\.account\.[^.]+$|^com\.cloudflare\.api\.user\./.test(k));
    const permissions: Permission[] = [];
    const unknown: string[] = [];
    for (const g of a.permissionGroups ?? []) {
      const perms = GROUPS.find(([re]) => re.test(g))?.[1];
      if (perms) permissions.push(...perms);
      else unknown.push(g);
    }
    // Zone-specific policies: DNS and zone permissions act on those zones only.
    const scoped = !accountWide && zones.length > 0;
    const final = scoped ? permissions.flatMap((p) => (p.resourceType === 'dns-zone' ? zones.map((z) => ({ ...p, resource: z })) : [p])) : permissions;
    const reach: Reach = scoped ? 'resource' : accountWide ? 'account' : 'unknown';
    return {
      principal: `Cloudflare API token ${found.token.name}`,
      reach,
      permissions: final,
      confidence: found.confidence,
      evidence: [
        {
          source: 'iac',
          confidence: found.confidence,
          detail: `${found.why}; permission groups: ${(a.permissionGroups ?? []).join(', ') || 'none'}${zones.length ? `; zones: ${zones.join(', ')}` : ''}${unknown.length ? `; not interpreted: ${unknown.join(', ')}` : ''}`,
          location: { path: found.token.location.path, startLine: found.token.location.startLine },
        },
      ],
      toConfirm: 'Run with --live (GET /user/tokens/verify) to confirm this is the token Terraform created.',
    };
  },
  examples: [
    {
      name: 'token named after an account-wide DNS + Zone Write cloudflare_api_token',
      credential: { provider: 'cloudflare', type: 'user-api-token', hints: ['cloudflare_dns_updater_token'] },
      repo: {
        'infra/cloudflare.tf':
          'resource "cloudflare_api_token" "dns_updater" {\n  name = "dns-updater"\n  policy {\n    permission_groups = [\n      data.cloudflare_api_token_permission_groups.all.zone["DNS Write"],\n      data.cloudflare_api_token_permission_groups.all.zone["Zone Write"],\n    ]\n    resources = {\n      "com.cloudflare.api.account.zone.*" = "*"\n    }\n  }\n}\n',
      },
      expect: { reach: 'account', verbs: ['write', 'delete', 'admin'] },
    },
    {
      name: 'read-only token on one zone',
      credential: { provider: 'cloudflare', type: 'api-token', hints: ['analytics-reader'] },
      repo: {
        'infra/cloudflare.tf':
          'resource "cloudflare_zone" "shop" {\n  zone = "shop.example.com"\n}\nresource "cloudflare_api_token" "analytics_reader" {\n  name = "analytics-reader"\n  policy {\n    permission_groups = ["c8fed203ed3043cba015a93ad1616f1f"]\n    resources = {\n      "com.cloudflare.api.account.zone.${cloudflare_zone.shop.id}" = "*"\n    }\n  }\n}\n',
      },
      expect: { reach: 'resource', verbs: [] },
    },
  ],
};

export default resolver;
