// Docker Compose files: services, named volumes, database services and the volume their data lives on, and backup
// sidecars with where their dumps go. https://docs.docker.com/reference/compose-file/
// Data directories are the official images' documented defaults (postgres PGDATA, mysql /var/lib/mysql, ...).
import type { Node } from 'yaml';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import type { BackupJobAttrs, DatabaseAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import { makeResource } from './resource-builder.js';
import { entries, get, items, parseYaml, str, toJs } from './yaml-nodes.js';
import { backupInScript, destructiveCommands } from './destructive-commands.js';

const ENGINES: Array<[RegExp, string, string[]]> = [
  [/(?:^|\/)(?:postgres|postgis|timescaledb[\w-]*|pgvector|supabase\/postgres|bitnami\/postgresql)(?::|$)/i, 'postgres', ['/var/lib/postgresql/data', '/var/lib/postgresql', '/bitnami/postgresql']],
  [/(?:^|\/)(?:mysql|mariadb|percona|bitnami\/mysql)(?::|$)/i, 'mysql', ['/var/lib/mysql', '/bitnami/mysql']],
  [/(?:^|\/)(?:mongo|bitnami\/mongodb)(?::|$)/i, 'mongodb', ['/data/db', '/bitnami/mongodb']],
  [/(?:^|\/)(?:redis|valkey|redis-stack|bitnami\/redis)(?::|$)/i, 'redis', ['/data', '/bitnami/redis']],
];
const BACKUP_IMAGES =
  /postgres-backup-local|postgres-backup-s3|pgbackups|db-backup|pg-backup|mysql-backup|mongodb-backup|docker-volume-backup|pgbackrest|wal-g|barman|databack|kartoza\/pg-backup/i;
const S3_ENV = /^(?:S3_|AWS_|BACKUP_S3|GCS_|AZURE_STORAGE|B2_|RCLONE_|AWS_S3)/;

interface Mount {
  /** Named volume or host path. */
  source: string;
  target: string;
  kind: 'volume' | 'bind';
}

function mountsOf(svc: Node | null | undefined): Mount[] {
  const out: Mount[] = [];
  for (const v of items(get(svc, 'volumes'))) {
    const short = str(v);
    if (short) {
      const parts = short.split(':');
      if (parts.length < 2) continue;
      const source = parts[0]!;
      out.push({ source, target: parts[1]!, kind: /^[./~$]/.test(source) ? 'bind' : 'volume' });
      continue;
    }
    const source = str(get(v, 'source'));
    const target = str(get(v, 'target'));
    if (!source || !target) continue;
    out.push({ source, target, kind: str(get(v, 'type')) === 'bind' || /^[./~$]/.test(source) ? 'bind' : 'volume' });
  }
  return out;
}

function envOf(svc: Node | null | undefined): Record<string, string> {
  const js = toJs(get(svc, 'environment'));
  if (Array.isArray(js)) return Object.fromEntries(js.map((e) => String(e).split(/=(.*)/s)).map(([k, v]) => [k!, v ?? '']));
  if (js && typeof js === 'object') return Object.fromEntries(Object.entries(js).map(([k, v]) => [k, v === null ? '' : String(v)]));
  return {};
}

const commandOf = (node: Node | null | undefined): string => {
  const js = toJs(node);
  return Array.isArray(js) ? js.map(String).join(' ') : typeof js === 'string' ? js : '';
};

const normPath = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
const within = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

const parser: InventoryParser = {
  meta: {
    id: 'compose',
    title: 'Docker Compose',
    summary: 'Compose services, named volumes, databases with their data volume, and backup sidecars.',
  },
  applies: (file) => file.kind === 'compose',
  parse: (file) => {
    const { yaml, diagnostics } = parseYaml(file);
    if (!yaml) return { diagnostics };
    const root = yaml.doc.contents;
    const env = file.environment.environment;
    const resources: Resource[] = [];
    const volumeId = (m: Mount) => (m.kind === 'volume' ? `compose:volume/${m.source}` : `compose:bind/${normPath(m.source)}`);

    for (const [name, node, pair] of entries(get(root, 'volumes'))) {
      const a: VolumeAttrs = { platform: 'compose', nativeBackups: 'none' };
      resources.push(
        makeResource(file, {
          id: `compose:volume/${name}`,
          provider: 'compose',
          type: 'volume',
          name,
          environment: env,
          line: yaml.lineOf(pair.key as Node),
          attributes: { ...a, driver: str(get(node, 'driver')), external: toJs(get(node, 'external')) === true || undefined },
        }),
      );
    }

    const services = entries(get(root, 'services'));
    const databases: Array<{ name: string; id: string; mounts: Mount[] }> = [];
    const binds = new Map<string, Mount>();
    for (const [name, svc, pair] of services) {
      const image = str(get(svc, 'image')) ?? '';
      const mounts = mountsOf(svc);
      const line = yaml.lineOf(pair.key as Node);
      const command = [commandOf(get(svc, 'entrypoint')), commandOf(get(svc, 'command'))].filter(Boolean).join(' ');
      const destructive = command ? destructiveCommands(command).map((h) => h.destructive) : [];
      resources.push(
        makeResource(file, {
          id: `compose:service/${name}`,
          provider: 'compose',
          type: 'service',
          name,
          environment: env,
          line,
          attributes: { platform: 'compose', image: image || undefined, volumes: mounts.map(volumeId), ...(destructive.length ? { destructiveCommands: destructive } : {}) },
        }),
      );
      const engine = ENGINES.find(([re]) => re.test(image));
      // A database image used as a client (its command runs pg_dump) is a backup job, not a database.
      if (engine && !BACKUP_IMAGES.test(image) && !(command && backupInScript(command))) {
        const svcEnv = envOf(svc);
        const dataDirs = [svcEnv.PGDATA, ...engine[2]].filter((d): d is string => !!d);
        const dataMount = mounts.find((m) => dataDirs.some((d) => within(normPath(m.target), normPath(d))));
        if (dataMount?.kind === 'bind') binds.set(volumeId(dataMount), dataMount);
        const id = `compose:database/${name}`;
        databases.push({ name, id, mounts });
        const a: DatabaseAttrs = { platform: 'compose', engine: engine[1], hosts: [name], volume: dataMount ? volumeId(dataMount) : undefined };
        resources.push(makeResource(file, { id, provider: 'compose', type: 'database', name, environment: env, line, attributes: { ...a, image } }));
      }
    }

    for (const [name, svc, pair] of services) {
      const image = str(get(svc, 'image')) ?? '';
      const command = [commandOf(get(svc, 'entrypoint')), commandOf(get(svc, 'command'))].filter(Boolean).join(' ');
      const scripted = command ? backupInScript(command) : undefined;
      if (!BACKUP_IMAGES.test(image) && !scripted) continue;
      const svcEnv = envOf(svc);
      const mounts = mountsOf(svc);
      const dependsJs = toJs(get(svc, 'depends_on'));
      const depends = Array.isArray(dependsJs) ? dependsJs.map(String) : dependsJs && typeof dependsJs === 'object' ? Object.keys(dependsJs) : [];
      const hostValues = new Set(Object.entries(svcEnv).filter(([k]) => /HOST/.test(k)).map(([, v]) => v));
      let of = databases.filter((d) => d.name !== name && (hostValues.has(d.name) || depends.includes(d.name) || command.includes(d.name)));
      if (!of.length && databases.length === 1 && databases[0]!.name !== name) of = databases;
      if (!of.length) of = databases.filter((d) => d.name === name);

      // Where do dumps go? Shared volume or overlapping bind mount with the database ⇒ same volume.
      const dbMounts = of.flatMap((d) => d.mounts);
      const shared = mounts.find((m) =>
        dbMounts.some((d) => (m.kind === 'volume' && d.kind === 'volume' && m.source === d.source) || (m.kind === 'bind' && d.kind === 'bind' && within(normPath(m.source), normPath(d.source)))),
      );
      const uploads = /s3/i.test(image) || Object.keys(svcEnv).some((k) => S3_ENV.test(k)) || scripted?.destination === 'off-platform';
      const backupMount = mounts.find((m) => /backup|dump/i.test(m.target) || /backup|dump/i.test(m.source)) ?? mounts[0];
      let destination: NonNullable<BackupJobAttrs['destination']> = 'unknown';
      let target: string | undefined = scripted?.target ?? backupMount?.source;
      if (uploads) {
        destination = 'off-platform';
        target = scripted?.destination === 'off-platform' ? scripted.target : svcEnv.S3_BUCKET ? `s3://${svcEnv.S3_BUCKET}` : 'object storage';
      } else if (shared || scripted?.destination === 'same-volume') {
        destination = 'same-volume';
        target = shared ? volumeId(shared) : scripted?.target;
      } else if (backupMount) {
        // A different volume or folder on the same Docker host: it survives a dropped database, not a lost host.
        destination = 'same-platform';
        target = volumeId(backupMount);
      }
      for (const m of mounts) if (m.kind === 'bind') binds.set(volumeId(m), m);
      const b: BackupJobAttrs = { destination, target, schedule: svcEnv.SCHEDULE ?? svcEnv.BACKUP_SCHEDULE ?? svcEnv.CRON_SCHEDULE ?? svcEnv.BACKUP_CRON };
      resources.push(
        makeResource(file, {
          id: `compose:backup/${name}`,
          provider: 'compose',
          type: 'backup-job',
          name,
          environment: env,
          line: yaml.lineOf(pair.key as Node),
          attributes: { ...b, image: image || undefined },
          backupOf: of.map((d) => d.id),
        }),
      );
    }
    for (const [id, m] of binds) {
      resources.push(
        makeResource(file, {
          id,
          provider: 'compose',
          type: 'volume',
          name: m.source,
          environment: env,
          line: 1,
          attributes: { platform: 'compose', nativeBackups: 'none', hostPath: m.source },
        }),
      );
    }
    return { resources, diagnostics };
  },
  examples: [
    {
      // Postgres with a named volume and prodrigestivill/postgres-backup-local writing to a bind mount (its README),
      // plus a second sidecar that dumps into the database's own volume.
      file: {
        path: 'docker-compose.yml',
        text: `services:
  postgres:
    image: postgres:16
    restart: always
    environment:
      POSTGRES_DB: shop
      POSTGRES_USER: shop
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    volumes:
      - pgdata:/var/lib/postgresql/data
  pgbackups:
    image: prodrigestivill/postgres-backup-local
    restart: always
    volumes:
      - /var/opt/pgbackups:/backups
    depends_on:
      - postgres
    environment:
      - POSTGRES_HOST=postgres
      - SCHEDULE=@daily
  dumper:
    image: postgres:16
    command: sh -c "pg_dump -h postgres -U shop shop > /var/lib/postgresql/data/backup.sql"
    volumes:
      - pgdata:/var/lib/postgresql/data
volumes:
  pgdata:
`,
      },
      expect: [
        { id: 'compose:volume/pgdata', type: 'volume', attributes: { platform: 'compose' } },
        { id: 'compose:database/postgres', type: 'database', attributes: { engine: 'postgres', volume: 'compose:volume/pgdata' } },
        { id: 'compose:backup/pgbackups', type: 'backup-job', attributes: { destination: 'same-platform', schedule: '@daily' } },
        { id: 'compose:backup/dumper', type: 'backup-job', attributes: { destination: 'same-volume', target: 'compose:volume/pgdata' } },
      ],
    },
    {
      // Redis cache with no volume and an app service: no backup job, a database without a volume.
      file: {
        path: 'compose.yaml',
        text: 'services:\n  web:\n    build: .\n    ports:\n      - "8000:5000"\n  redis:\n    image: "redis:alpine"\n',
      },
      expect: [{ id: 'compose:database/redis', attributes: { engine: 'redis' } }, { id: 'compose:service/web', type: 'service' }],
      reject: ['compose:backup/*', 'compose:volume/*'],
    },
  ],
};

export default parser;
