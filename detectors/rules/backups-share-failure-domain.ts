// Backups that live where the data lives die with it.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { DatabaseAttrs } from '../../src/pipeline/resources.js';
import { resourceEnvironmentReason, resourceLabel, where } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'backups-share-failure-domain',
    title: 'Backups in the same failure domain as the data',
    severity: 'high',
    category: 'backup-isolation',
    confidence: 'medium',
    summary: 'A database or volume whose only backups are stored with it (platform volume backups, dumps written to the same volume).',
    help: {
      why: 'A backup that is deleted together with the data is not a backup. Railway volume backups are tied to the volume: delete the volume and they go with it. A `pg_dump` written onto the database\'s own volume fails the same way.',
      fix: 'Add an off-platform copy: a scheduled dump to object storage in another account, with versioning and object lock (S3 Object Lock in compliance mode, GCS retention policy). Keep the credentials that can delete it away from the ones that can delete the data.',
      references: ['https://docs.railway.com/reference/backups', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html'],
    },
  },
  check: ({ graph }) => {
    // One database named in several files (the same hosts in .env and .env.local) is one problem: one finding.
    const byHosts = new Map<string, FindingDraft>();
    const out: FindingDraft[] = [];
    // Production first, so a database seen in several environments is told from its production side.
    const candidates = graph.resources.filter((r) => r.type === 'database' || r.type === 'volume');
    for (const r of [...candidates.filter((x) => x.environment === 'production'), ...candidates.filter((x) => x.environment !== 'production')]) {
      const fate = graph.backupsShareFate(r);
      if (!fate.shared) continue;
      // A database stored on a volume is reported once, on the volume — when the volume itself is reported.
      const vol = r.type === 'database' ? graph.resource((r.attributes as DatabaseAttrs).volume ?? '') : undefined;
      if (vol && graph.backupsShareFate(vol).shared) continue;
      const hosts = r.type === 'database' && !vol ? [...((r.attributes as DatabaseAttrs).hosts ?? [])].sort().join(',') : '';
      const same = hosts ? byHosts.get(hosts) : undefined;
      if (same) {
        same.locations.push(toFindingLocation(r.location));
        same.resourceIds.push(r.id);
        if (!same.environments.includes(r.environment)) same.environments.push(r.environment);
        continue;
      }
      const why = r.environment === 'production' ? resourceEnvironmentReason(r) : undefined;
      const draft: FindingDraft = {
        severity: r.environment === 'production' ? 'high' : 'medium',
        message: `${resourceLabel(r)} (${where(r.location)}): ${fate.why}. Deleting it deletes every copy.`,
        locations: [toFindingLocation(r.location)],
        credentialFingerprints: [],
        resourceIds: [r.id],
        environments: [r.environment],
        chain: [
          { kind: 'resource', label: resourceLabel(r), ref: r.id },
          ...(why ? [{ kind: 'environment' as const, label: `production: ${why}` }] : []),
          { kind: 'backup', label: `${fate.why}: they go down with it` },
        ],
      };
      if (hosts) byHosts.set(hosts, draft);
      out.push(draft);
    }
    return out;
  },
  examples: [
    {
      name: 'Railway database known only from its host, named in two env files: one finding',
      repo: {
        '.env': 'DATABASE_URL=postgresql://postgres:kQ8vXr2LmN7pT4wZ9sY3@viaduct.proxy.rlwy.net:41234/railway\n',
        '.env.local': 'DATABASE_URL=postgresql://postgres:kQ8vXr2LmN7pT4wZ9sY3@viaduct.proxy.rlwy.net:41234/railway\n',
      },
      fires: true,
      mentions: 'Railway volume backups, stored with the volume (Railway host',
    },
    {
      name: 'Railway volume with platform backups only',
      repo: { '.env.production': 'RAILWAY_VOLUME_MOUNT_PATH=/data\nRAILWAY_VOLUME_NAME=pgdata\n' },
      fires: true,
      mentions: 'stored with the volume',
    },
    {
      name: 'compose dump written onto the database volume',
      repo: {
        'docker-compose.yml':
          'services:\n  postgres:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  dumper:\n    image: postgres:16\n    command: sh -c "pg_dump -h postgres -U shop shop > /var/lib/postgresql/data/backup.sql"\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
      },
      fires: true,
      mentions: 'same volume',
    },
    {
      name: 'Railway volume with an off-platform dump',
      repo: {
        '.env.production': 'RAILWAY_VOLUME_MOUNT_PATH=/data\nRAILWAY_VOLUME_NAME=pgdata\n',
        '.github/workflows/backup.yml':
          'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  dump:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: pg_dump "$DATABASE_URL" | gzip | aws s3 cp - s3://acme-db-backups/nightly.sql.gz\n        env:\n          DATABASE_URL: ${{ secrets.DATABASE_URL }}\n',
      },
      fires: false,
    },
  ],
};

export default rule;
