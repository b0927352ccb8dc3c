// Fly.io app config (`fly.toml`): the app, its release command, and its volume mounts. Fly takes daily volume
// snapshots (scheduled_snapshots, default on) kept snapshot_retention days (default 5) — stored by Fly, so they go
// when the account or the volume's app does: `nativeBackups: 'platform'`.
// https://fly.io/docs/reference/configuration/#the-mounts-section  https://fly.io/docs/volumes/snapshots/
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import type { DatabaseAttrs, PlatformServiceAttrs, ScriptAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import { basename, dirname, environmentOf, isRecord, lineOf, makeResource, parseTomlFile } from './resource-builder.js';
import { destructiveCommands } from './destructive-commands.js';
import { engineOfMount } from './providers.js';

type Obj = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

const parser: InventoryParser = {
  meta: { id: 'fly-config', title: 'Fly.io fly.toml', summary: 'Fly apps, their release commands and volume mounts (snapshots stored by Fly).' },
  applies: (file) => /^fly(?:\.[\w-]+)?\.toml$/i.test(basename(file.path)),
  parse: (file) => {
    const { value, diagnostic } = parseTomlFile(file);
    if (!value) return { diagnostics: diagnostic ? [diagnostic] : [] };
    const app = s(value.app) ?? (basename(dirname(file.path)) || 'app');
    const environment = environmentOf(file, app);
    const deploy = isRecord(value.deploy) ? value.deploy : {};
    const release = s(deploy.release_command);
    const image = s((isRecord(value.build) ? value.build : {}).image);
    const serviceId = `fly:app/${app}`;
    const out: Resource[] = [];
    const hits = release ? destructiveCommands(release) : [];
    const svc: PlatformServiceAttrs & Obj = { platform: 'fly', region: s(value.primary_region), releaseCommand: release, image, ...(hits.length ? { destructiveCommands: hits.map((h) => h.destructive) } : {}) };
    out.push(makeResource(file, { id: serviceId, provider: 'fly', type: 'service', name: app, environment, line: lineOf(file.text, /^app\s*=/m), attributes: svc }));
    if (hits[0]) {
      const a: ScriptAttrs = { command: hits[0].command, destructive: hits[0].destructive, force: hits[0].force };
      out.push(makeResource(file, { id: `${serviceId}/release_command`, provider: 'fly', type: 'script', name: `${app} release_command`, environment, line: lineOf(file.text, 'release_command'), attributes: { ...a, service: serviceId } }));
    }
    const mounts = (Array.isArray(value.mounts) ? value.mounts : isRecord(value.mounts) ? [value.mounts] : []).filter(isRecord);
    for (const m of mounts) {
      const source = s(m.source) ?? 'data';
      const destination = s(m.destination);
      const scheduled = typeof m.scheduled_snapshots === 'boolean' ? m.scheduled_snapshots : true;
      const retention = typeof m.snapshot_retention === 'number' ? m.snapshot_retention : 5;
      const a: VolumeAttrs & Obj = {
        platform: 'fly',
        mountPath: destination,
        service: serviceId,
        nativeBackups: scheduled ? 'platform' : 'none',
        scheduledSnapshots: scheduled,
        snapshotRetentionDays: retention,
        defaults: ['scheduled_snapshots', 'snapshot_retention'].filter((k) => !(k in m)),
      };
      const volumeId = `fly:volume/${app}/${source}`;
      out.push(makeResource(file, { id: volumeId, provider: 'fly', type: 'volume', name: `${app} ${source}`, environment, line: lineOf(file.text, /^\[\[?mounts\]\]?/m), attributes: a }));
      const engine = (destination && engineOfMount(destination)) ?? (image && /(?:^|\/)(?:postgres|postgis|flyio\/postgres)/.test(image) ? 'postgres' : undefined);
      if (engine) {
        const d: DatabaseAttrs = { platform: 'fly', engine, volume: volumeId, hosts: [`${app}.internal`, `${app}.flycast`] };
        out.push(makeResource(file, { id: `fly:database/${app}`, provider: 'fly', type: 'database', name: app, environment, line: lineOf(file.text, /^\[\[?mounts\]\]?/m), attributes: { ...d } }));
      }
    }
    return { resources: out };
  },
  examples: [
    {
      // A Postgres app in the shape of Fly's docs: a mount at the data directory with default snapshots, and a
      // release command that resets the database.
      file: {
        path: 'db/fly.toml',
        text: 'app = "shop-db-production"\nprimary_region = "iad"\n\n[build]\n  image = "postgres:16"\n\n[deploy]\n  release_command = "npx prisma migrate reset --force"\n\n[[mounts]]\n  source = "pg_data"\n  destination = "/var/lib/postgresql/data"\n',
      },
      expect: [
        { id: 'fly:app/shop-db-production', type: 'service', environment: 'production', attributes: { region: 'iad', destructiveCommands: ['prisma migrate reset --force'] } },
        { id: 'fly:volume/shop-db-production/pg_data', type: 'volume', attributes: { nativeBackups: 'platform', snapshotRetentionDays: 5, mountPath: '/var/lib/postgresql/data', defaults: ['scheduled_snapshots', 'snapshot_retention'] } },
        { id: 'fly:database/shop-db-production', type: 'database', attributes: { engine: 'postgres', volume: 'fly:volume/shop-db-production/pg_data' } },
      ],
    },
    {
      // Near-miss: a stateless web app with no mounts; snapshots switched off elsewhere would read 'none'.
      file: { path: 'fly.toml', text: 'app = "shop-web"\n\n[http_service]\n  internal_port = 8080\n  force_https = true\n' },
      expect: [{ id: 'fly:app/shop-web', type: 'service' }],
      reject: ['fly:volume/*', 'fly:database/*', 'fly:app/shop-web/release_command'],
    },
  ],
};

export default parser;
