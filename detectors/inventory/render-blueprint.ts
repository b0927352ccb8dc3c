// Render Blueprints (`render.yaml`): services (web, worker, private, cron) with their commands, disks and env var
// links, Postgres databases, and env groups. Render keeps database backups (point-in-time recovery on paid plans,
// none on free) and daily disk snapshots itself: same platform, same account.
// https://render.com/docs/blueprint-spec  https://render.com/docs/postgresql-backups  https://render.com/docs/disks
import type { Node } from 'yaml';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource, VariableUse } from '../../src/core/types.js';
import type { BackupJobAttrs, DatabaseAttrs, DatabaseBackupAttrs, PlatformServiceAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import { basename, environmentOf, locationAt, makeResource } from './resource-builder.js';
import { entries, get, items, parseYaml, str, type YamlFile } from './yaml-nodes.js';
import { backupInScript, destructiveCommands } from './destructive-commands.js';
import { scriptSignals } from './providers.js';

type Obj = Record<string, unknown>;

function envVars(node: Node | null | undefined) {
  const keys: string[] = [];
  const groups: string[] = [];
  const databases: string[] = [];
  for (const e of items(node)) {
    const key = str(get(e, 'key'));
    if (key) keys.push(key);
    const group = str(get(e, 'fromGroup'));
    if (group) groups.push(group);
    const db = str(get(get(e, 'fromDatabase'), 'name'));
    if (db) databases.push(db);
  }
  return { keys, groups, databases };
}

function service(yaml: YamlFile, file: Parameters<InventoryParser['parse']>[0], node: Node, out: Resource[], uses: VariableUse[]) {
  const name = str(get(node, 'name')) ?? 'service';
  const kind = str(get(node, 'type')) ?? 'web';
  const environment = environmentOf(file, name, str(get(node, 'branch')));
  const line = yaml.lineOf(node);
  const commands = ['buildCommand', 'startCommand', 'preDeployCommand', 'dockerCommand'].map((k) => str(get(node, k))).filter((x): x is string => !!x);
  const { keys, groups, databases } = envVars(get(node, 'envVars'));
  const hits = commands.flatMap((c) => destructiveCommands(c));
  const id = `render:service/${name}`;
  const a: PlatformServiceAttrs & Obj = {
    platform: 'render',
    serviceType: kind,
    plan: str(get(node, 'plan')),
    region: str(get(node, 'region')),
    schedule: str(get(node, 'schedule')),
    envVars: keys,
    envGroups: groups,
    databases: databases.map((d) => `render:database/${d}`),
    ...(hits.length ? { destructiveCommands: hits.map((h) => h.destructive) } : {}),
  };
  out.push(makeResource(file, { id, provider: 'render', type: 'service', name, environment, line, attributes: a }));
  const signals = [...new Set(commands.flatMap((c) => scriptSignals(c)))];
  for (const k of keys) uses.push({ variable: k, location: locationAt(file, line, environment, { context: `Render service ${name}` }), signals });
  const disk = get(node, 'disk');
  let mountPath: string | undefined;
  if (disk) {
    mountPath = str(get(disk, 'mountPath'));
    const v: VolumeAttrs & Obj = { platform: 'render', mountPath, service: id, nativeBackups: 'platform', sizeGB: Number(str(get(disk, 'sizeGB')) ?? NaN) || undefined };
    out.push(makeResource(file, { id: `render:disk/${name}`, provider: 'render', type: 'volume', name: str(get(disk, 'name')) ?? `${name} disk`, environment, line: yaml.lineOf(disk), attributes: v }));
  }
  const backup = backupInScript(commands.join('\n'), mountPath ? [mountPath] : []);
  if (backup) {
    const b: BackupJobAttrs & Obj = { destination: backup.destination, target: backup.target, schedule: str(get(node, 'schedule')), tool: backup.tool, service: id };
    out.push(makeResource(file, { id: `${id}/backup`, provider: 'render', type: 'backup-job', name: `${name} (${backup.tool})`, environment, line, attributes: b }));
  }
}

const parser: InventoryParser = {
  meta: { id: 'render-blueprint', title: 'Render render.yaml', summary: 'Render services, cron jobs, disks, Postgres databases (backups kept by Render) and env groups.' },
  applies: (file) => /^render\.ya?ml$/i.test(basename(file.path)),
  parse: (file) => {
    const { yaml, diagnostics } = parseYaml(file);
    if (!yaml) return { diagnostics };
    const root = yaml.doc.contents as Node | null;
    const out: Resource[] = [];
    const uses: VariableUse[] = [];
    for (const node of items(get(root, 'services'))) service(yaml, file, node, out, uses);
    for (const node of items(get(root, 'databases'))) {
      const name = str(get(node, 'name')) ?? 'database';
      const plan = str(get(node, 'plan'));
      const paid = plan ? !/^free$/i.test(plan) : undefined;
      const a: DatabaseAttrs & DatabaseBackupAttrs & Obj = {
        platform: 'render',
        engine: 'postgres',
        plan,
        // Paid instances: continuous backups with point-in-time recovery, kept by Render; free: none.
        backupsEnabled: paid,
        pointInTimeRecovery: paid,
        backupStorage: paid === undefined ? 'unknown' : paid ? 'platform' : 'none',
        publicAccess: items(get(node, 'ipAllowList')).length > 0 || get(node, 'ipAllowList') === undefined ? true : false,
      };
      out.push(makeResource(file, { id: `render:database/${name}`, provider: 'render', type: 'database', name, environment: environmentOf(file, name, str(get(node, 'databaseName'))), line: yaml.lineOf(node), attributes: a }));
    }
    for (const node of items(get(root, 'envVarGroups'))) {
      const name = str(get(node, 'name')) ?? 'group';
      const { keys } = envVars(get(node, 'envVars'));
      out.push(makeResource(file, { id: `render:env-group/${name}`, provider: 'render', type: 'other', name, environment: environmentOf(file, name), line: yaml.lineOf(node), attributes: { kind: 'env-group', keys } }));
    }
    if (!entries(root).length) return { diagnostics };
    return { resources: out, uses, diagnostics };
  },
  examples: [
    {
      // From Render's Blueprint spec: a web service linked to a database and an env group, a cron job that dumps the
      // database to its own disk, a paid database.
      file: {
        path: 'render.yaml',
        text: `services:
  - type: web
    name: api-production
    runtime: node
    plan: starter
    startCommand: npm start
    envVars:
      - key: DATABASE_URL
        fromDatabase:
          name: shop-db
          property: connectionString
      - fromGroup: shared-settings
  - type: cron
    name: nightly-dump
    runtime: docker
    schedule: "0 3 * * *"
    dockerCommand: pg_dump "$DATABASE_URL" -f /var/data/dump.sql
    disk:
      name: dumps
      mountPath: /var/data
      sizeGB: 10
databases:
  - name: shop-db
    plan: basic-1gb
    databaseName: shop
    ipAllowList: []
envVarGroups:
  - name: shared-settings
    envVars:
      - key: STRIPE_SECRET_KEY
        sync: false
`,
      },
      expect: [
        { id: 'render:service/api-production', type: 'service', environment: 'production', attributes: { plan: 'starter', envVars: ['DATABASE_URL'], envGroups: ['shared-settings'], databases: ['render:database/shop-db'] } },
        { id: 'render:disk/nightly-dump', type: 'volume', attributes: { nativeBackups: 'platform', mountPath: '/var/data' } },
        { id: 'render:service/nightly-dump/backup', type: 'backup-job', attributes: { destination: 'same-volume', schedule: '0 3 * * *' } },
        { id: 'render:database/shop-db', type: 'database', attributes: { engine: 'postgres', pointInTimeRecovery: true, backupStorage: 'platform', publicAccess: false } },
        { id: 'render:env-group/shared-settings', attributes: { keys: ['STRIPE_SECRET_KEY'] } },
      ],
    },
    {
      // Near-miss: a free database (no backups) and a static site with no disk or backup.
      file: { path: 'render.yaml', text: 'services:\n  - type: web\n    name: docs\n    runtime: static\n    buildCommand: npm run build\ndatabases:\n  - name: scratch\n    plan: free\n' },
      expect: [{ id: 'render:database/scratch', attributes: { backupsEnabled: false, backupStorage: 'none' } }],
      reject: ['render:disk/*', 'render:service/docs/backup'],
    },
  ],
};

export default parser;
