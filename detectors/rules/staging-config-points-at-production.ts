// Staging (or dev/test) configuration that names a production host or project: staging work runs against production.
import { isLoopbackHost } from '../../src/pipeline/platform-hosts.js';
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { DatabaseAttrs } from '../../src/pipeline/resources.js';
import type { Environment, Location } from '../../src/core/types.js';
import { where } from '../../src/pipeline/chain.js';
import { NON_PRODUCTION, toFindingLocation } from './shared.js';
import { pushTo } from '../../src/core/text.js';

interface Sighting {
  /** What is named, e.g. `database host db.prod.example.com`. Hosts and project refs are not secrets. */
  what: string;
  env: Environment;
  location: Location;
  fingerprint?: string;
  resourceId?: string;
}

/** Credential attributes that name where it connects: a host, a project ref/id. */
const IDENTITY_ATTRS: Array<[string, string]> = [
  ['host', 'database host'],
  ['ref', 'Supabase project'],
  ['projectId', 'project'],
  ['projectRef', 'project'],
];

const rule: FindingRule = {
  meta: {
    id: 'staging-config-points-at-production',
    title: 'Non-production configuration points at production',
    severity: 'high',
    category: 'environment-isolation',
    confidence: 'medium',
    summary: 'A staging, development or test file connects to a host or project that production also uses (same database host, same Supabase project).',
    help: {
      why: 'Migrations, seed scripts, load tests and agents run against staging on the understanding that nothing there is real. A staging DATABASE_URL that names the production host — even with a different user — sends `prisma migrate reset` or a test cleanup to production data.',
      fix: 'Give each environment its own database and project; point staging files only at staging hosts. Where sharing is deliberate (a read replica), use a read-only role and say so in the config mapping.',
      references: [
        'https://12factor.net/dev-prod-parity',
        'https://docs.railway.com/reference/environments',
        'https://supabase.com/docs/guides/deployment/managing-environments',
      ],
    },
  },
  check: ({ credentials, resources, graph }) => {
    // staging-reaches-production already reports a non-production credential that can change production resources.
    const reachesProd = new Set(
      credentials.filter((c) => graph.reach(c).some((r) => r.resource.environment === 'production' && r.verbs.some((v) => v !== 'read'))).map((c) => c.fingerprint),
    );
    const sightings: Sighting[] = [];
    for (const c of credentials) {
      for (const [attr, label] of IDENTITY_ATTRS) {
        const v = c.attributes[attr];
        // Every machine's localhost is its own: two files naming it share nothing.
        if (!v || (attr === 'host' && isLoopbackHost(v))) continue;
        for (const l of c.locations) if (!l.commit) sightings.push({ what: `${label} ${v}`, env: l.environment, location: l, fingerprint: c.fingerprint });
      }
    }
    for (const r of resources) {
      if (r.type !== 'database') continue;
      for (const h of (r.attributes as DatabaseAttrs).hosts ?? []) if (!isLoopbackHost(h)) sightings.push({ what: `database host ${h}`, env: r.environment, location: r.location, resourceId: r.id });
    }
    const out: FindingDraft[] = [];
    const byWhat = new Map<string, Sighting[]>();
    for (const s of sightings) pushTo(byWhat, s.what, s);
    for (const [what, list] of byWhat) {
      const prod = list.filter((s) => s.env === 'production');
      const other = list.filter((s) => NON_PRODUCTION.has(s.env));
      if (!prod.length || !other.length) continue;
      // The same secret value in both is credential-shared-across-environments' finding; here, different values or configs.
      const prodFps = new Set(prod.map((s) => s.fingerprint).filter(Boolean));
      const distinct = other.filter((s) => !s.fingerprint || (!prodFps.has(s.fingerprint) && !reachesProd.has(s.fingerprint)));
      if (!distinct.length) continue;
      const at = distinct[0]!;
      out.push({
        key: what,
        message: `${at.env} configuration at ${where(at.location)} names ${what}, which production uses too (${where(prod[0]!.location)}).`,
        locations: [...new Map([...distinct, ...prod].map((s) => [where(s.location), toFindingLocation(s.location)])).values()],
        credentialFingerprints: [...new Set(list.map((s) => s.fingerprint).filter((x): x is string => !!x))],
        resourceIds: [...new Set(list.map((s) => s.resourceId).filter((x): x is string => !!x))],
        environments: [at.env, 'production'],
        chain: [
          { kind: 'location', label: where(at.location), ref: at.location.path },
          { kind: 'environment', label: `${at.env} configuration` },
          { kind: 'resource', label: `${what} (also used by production)` },
          { kind: 'environment', label: `production because ${prod[0]!.location.environmentReason ?? 'of where it is declared'}` },
        ],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'staging DATABASE_URL on the production host',
      repo: {
        '.env.staging': 'DATABASE_URL=postgresql://app_staging:Xq7pLm2Vb9RtWz4KqP3s@db-main.c9akciq32.eu-west-1.rds.amazonaws.com:5432/shop\n',
        '.env.production': 'DATABASE_URL=postgresql://app:Hr8nZc4Tg1YuQe6WmK2v@db-main.c9akciq32.eu-west-1.rds.amazonaws.com:5432/shop\n',
      },
      fires: true,
      mentions: 'db-main.c9akciq32.eu-west-1.rds.amazonaws.com',
    },
    {
      name: 'separate staging and production hosts',
      repo: {
        '.env.staging': 'DATABASE_URL=postgresql://app:Xq7pLm2Vb9RtWz4KqP3s@db-staging.c9akciq32.eu-west-1.rds.amazonaws.com:5432/shop\n',
        '.env.production': 'DATABASE_URL=postgresql://app:Hr8nZc4Tg1YuQe6WmK2v@db-main.c9akciq32.eu-west-1.rds.amazonaws.com:5432/shop\n',
      },
      fires: false,
    },
  ],
};

export default rule;
