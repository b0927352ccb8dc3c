// Backups that survive a dropped database but not the loss of the machine or platform account they live on.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { BackupJobAttrs } from '../../src/pipeline/resources.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { byEnvironment, resourceDraft } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'backups-on-same-host',
    title: 'Backups kept only on the same host or platform',
    severity: 'medium',
    category: 'backup-isolation',
    confidence: 'medium',
    summary: 'A database whose backups exist but all stay on the same Docker host or platform account (another volume or folder), with no off-platform copy.',
    help: {
      why: 'A dump to another volume on the same host survives `DROP DATABASE`, but not a lost disk, a deleted server, `docker compose down -v` of the wrong project or a compromised platform account — the events backups exist for. (Backups on the data\'s own volume are reported by backups-share-failure-domain.)',
      fix: 'Ship a copy off the host: the backup image\'s S3 upload option (`postgres-backup-s3`), `rclone`/`aws s3 cp` after the dump, or restic/borg to another provider — into a bucket with versioning and Object Lock, using write-only credentials.',
      references: ['https://docs.docker.com/engine/storage/volumes/#back-up-restore-or-migrate-data-volumes', 'https://github.com/prodrigestivill/docker-postgres-backup-local#readme'],
    },
  },
  check: ({ graph }) =>
    graph.resources
      .filter((r) => r.type === 'database' || r.type === 'volume')
      .flatMap((r) => {
        const backups = graph.backupsOf(r);
        if (!backups.length) return [];
        const dest = backups.map((b) => (b.attributes as BackupJobAttrs).destination);
        if (!dest.every((d) => d === 'same-platform')) return [];
        const names = backups.map((b) => b.name).join(', ');
        return [
          resourceDraft(r, `${resourceLabel(r)}: its backups (${names}) stay on the same ${r.provider === 'compose' ? 'Docker host' : 'platform'}; nothing is copied off it.`, [`backups by ${names} stay on the same ${r.provider === 'compose' ? 'host' : 'platform'}`], {
            severity: byEnvironment(r.environment, 'medium', 'low'),
          }),
        ];
      }),
  examples: [
    {
      name: 'compose Postgres backed up to a host folder only',
      repo: {
        'docker-compose.prod.yml':
          'services:\n  postgres:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  pgbackups:\n    image: prodrigestivill/postgres-backup-local\n    volumes:\n      - /var/opt/pgbackups:/backups\n    depends_on:\n      - postgres\n    environment:\n      - POSTGRES_HOST=postgres\n      - SCHEDULE=@daily\nvolumes:\n  pgdata:\n',
      },
      fires: true,
      mentions: 'pgbackups',
    },
    {
      name: 'compose Postgres backed up to S3',
      repo: {
        'docker-compose.prod.yml':
          'services:\n  postgres:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  backup:\n    image: eeshugerman/postgres-backup-s3:16\n    environment:\n      POSTGRES_HOST: postgres\n      S3_BUCKET: acme-db-backups\n      SCHEDULE: "@daily"\nvolumes:\n  pgdata:\n',
      },
      fires: false,
    },
  ],
};

export default rule;
