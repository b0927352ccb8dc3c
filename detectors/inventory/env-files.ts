// `.env.<environment>` files: the environment itself, Railway volumes (RAILWAY_VOLUME_MOUNT_PATH/NAME, which Railway
// injects into services with a volume) and Railway-hosted databases (a DATABASE_URL on *.rlwy.net /
// *.railway.internal). https://docs.railway.com/reference/variables#railway-provided-variables
// Only names, hosts and paths are recorded: never a value that could be a secret.
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import type { DatabaseAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import { envAssignments } from '../../src/pipeline/assignments.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { LineIndex, pushTo } from '../../src/core/text.js';
import { basename, makeResource } from './resource-builder.js';
import { engineOfScheme, isRailwayHost } from './providers.js';

const DB_URL_NAME = /^(?:[A-Z0-9_]+_)?(?:DATABASE|POSTGRES|POSTGRESQL|PG|MYSQL|MONGO|MONGODB|REDIS)(?:_(?:PRIVATE|PUBLIC))?_URL$|^DATABASE_URL$/;

interface DbUrl {
  host: string;
  engine?: string;
  /** user + password + database: URLs that share it reach the same database (the proxy and the private host). Never output. */
  identity: string;
  variable: string;
  index: number;
}

function parseUrl(name: string, value: string, index: number): DbUrl | undefined {
  try {
    const u = new URL(value);
    if (!u.hostname) return undefined;
    const engine = engineOfScheme(u.protocol);
    return { host: u.hostname.toLowerCase(), ...(engine ? { engine } : {}), identity: `${u.username}\u0000${u.password}\u0000${u.pathname}`, variable: name, index };
  } catch {
    return undefined;
  }
}

/** The Railway service a private host belongs to: `postgres.railway.internal` → `postgres`. */
const serviceOfHost = (host: string) => /^([a-z0-9-]+)\.railway\.internal$/.exec(host)?.[1];

const parser: InventoryParser = {
  meta: {
    id: 'env-files',
    title: 'Environment files',
    summary: 'Environments, Railway volumes and Railway-hosted databases named by .env files.',
  },
  applies: (file) => file.kind === 'env' && /^\.env(?:\.|$)|\.env$/.test(basename(file.path)),
  parse: (file) => {
    const vars = envAssignments(file.text);
    const value = (name: string) => vars.find((v) => v.name === name);
    const lines = new LineIndex(file.text);
    const lineAt = (index: number) => lines.position(index).line;
    let env = file.environment.environment;
    const railwayEnv = value('RAILWAY_ENVIRONMENT_NAME') ?? value('RAILWAY_ENVIRONMENT');
    if (env === 'unknown' && railwayEnv) env = environmentOfName(railwayEnv.value);
    const resources: Resource[] = [];
    if (env !== 'unknown')
      resources.push(
        makeResource(file, { id: `env:${env}`, provider: 'repository', type: 'environment', name: env, environment: env, line: 1, attributes: { source: file.environment.reason } }),
      );

    // These are the variables of one Railway service (RAILWAY_SERVICE_NAME); its volume is that service's volume.
    const mount = value('RAILWAY_VOLUME_MOUNT_PATH');
    const volName = value('RAILWAY_VOLUME_NAME');
    const service = value('RAILWAY_SERVICE_NAME')?.value;
    const privateDomain = value('RAILWAY_PRIVATE_DOMAIN')?.value.toLowerCase();
    let volumeId: string | undefined;
    if (mount || volName) {
      const name = volName?.value ?? mount!.value;
      volumeId = `railway:volume/${name}@${env}`;
      const a: VolumeAttrs = { platform: 'railway', nativeBackups: 'platform', mountPath: mount?.value, service };
      resources.push(
        makeResource(file, {
          id: volumeId,
          provider: 'railway',
          type: 'volume',
          name,
          environment: env,
          line: lineAt((mount ?? volName)!.index),
          variable: mount ? 'RAILWAY_VOLUME_MOUNT_PATH' : 'RAILWAY_VOLUME_NAME',
          attributes: { ...a },
        }),
      );
    }

    // Railway database URLs, grouped: the public proxy URL and the private URL of one database share credentials.
    const groups = new Map<string, DbUrl[]>();
    for (const v of vars) {
      if (!DB_URL_NAME.test(v.name)) continue;
      const u = parseUrl(v.name, v.value, v.index);
      if (!u || !isRailwayHost(u.host)) continue;
      pushTo(groups, u.identity, u);
    }
    for (const urls of groups.values()) {
      const hosts = [...new Set(urls.map((u) => u.host))].sort((a, b) => Number(!!serviceOfHost(b)) - Number(!!serviceOfHost(a)));
      const primary = hosts[0]!;
      const first = urls[0]!;
      const dbService = hosts.map(serviceOfHost).find(Boolean);
      // The volume in this file holds this database only when the database is this file's own service.
      const ownService = (dbService && dbService === service) || (privateDomain !== undefined && hosts.includes(privateDomain));
      const a: DatabaseAttrs & { service?: string } = {
        platform: 'railway',
        engine: first.engine,
        hosts,
        volume: ownService ? volumeId : undefined,
        service: dbService,
      };
      resources.push(
        makeResource(file, {
          id: `railway:database/${primary}@${env}`,
          provider: 'railway',
          type: 'database',
          name: dbService ?? primary,
          environment: env,
          line: lineAt(first.index),
          variable: first.variable,
          attributes: { ...a },
        }),
      );
    }
    return { resources };
  },
  examples: [
    {
      // The variables Railway injects into a Postgres service with a volume (values illustrative).
      file: {
        path: '.env.production',
        text: [
          'RAILWAY_ENVIRONMENT_NAME=production',
          'RAILWAY_SERVICE_NAME=postgres',
          'RAILWAY_PRIVATE_DOMAIN=postgres.railway.internal',
          'RAILWAY_VOLUME_NAME=postgres-volume',
          'RAILWAY_VOLUME_MOUNT_PATH=/var/lib/postgresql/data',
          'DATABASE_URL=postgresql://postgres:Xq7pLm2Vb9RtWz4K@postgres.railway.internal:5432/railway',
          'DATABASE_PUBLIC_URL=postgresql://postgres:Xq7pLm2Vb9RtWz4K@roundhouse.proxy.rlwy.net:41234/railway',
          '',
        ].join('\n'),
      },
      expect: [
        { id: 'env:production', type: 'environment', environment: 'production' },
        {
          id: 'railway:volume/postgres-volume@production',
          type: 'volume',
          environment: 'production',
          attributes: { platform: 'railway', nativeBackups: 'platform', mountPath: '/var/lib/postgresql/data' },
        },
        {
          id: 'railway:database/postgres.railway.internal@production',
          type: 'database',
          attributes: {
            platform: 'railway',
            engine: 'postgres',
            hosts: ['postgres.railway.internal', 'roundhouse.proxy.rlwy.net'],
            volume: 'railway:volume/postgres-volume@production',
          },
        },
      ],
      reject: ['railway:database/roundhouse.proxy.rlwy.net@production'],
    },
    {
      // An app service's variables: its own volume at /data does not hold the database it connects to.
      file: {
        path: '.env.staging',
        text: 'RAILWAY_SERVICE_NAME=web\nRAILWAY_VOLUME_MOUNT_PATH=/data\nDATABASE_URL=postgresql://postgres:Pw7Lq2Xz@tramway.proxy.rlwy.net:31588/railway\n',
      },
      expect: [
        { id: 'railway:volume//data@staging', type: 'volume', attributes: { service: 'web', mountPath: '/data' } },
        { id: 'railway:database/tramway.proxy.rlwy.net@staging', attributes: { hosts: ['tramway.proxy.rlwy.net'] } },
      ],
    },
    {
      // A staging file pointing at a non-Railway database: an environment, no Railway resources.
      file: {
        path: 'apps/api/.env.staging',
        text: 'DATABASE_URL=postgres://app:s3cr3t-Pw@db.abcdefghijklmnop.supabase.co:5432/postgres\nRAILWAY_PUBLIC_DOMAIN=api-staging.up.railway.app\n',
      },
      expect: [{ id: 'env:staging', environment: 'staging' }],
      reject: ['railway:*'],
    },
  ],
};

export default parser;
