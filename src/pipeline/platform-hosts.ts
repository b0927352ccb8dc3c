// The platform behind a connection host, from each provider's documented host names, and what that platform's own
// backups survive. A database URL on `*.proxy.rlwy.net` is a Railway database on a Railway volume: its platform
// backups are stored with the volume and go down with it unless the repository copies the data off the platform.

export interface HostPlatform {
  /** Provider id, as credentials and resources name it (railway, supabase, aws, gcp, …). */
  provider: string;
  name: string;
  /** What the platform's own backups are, in a few words. */
  backups: string;
  /** True when deleting the database (or its volume/project) deletes those backups too, as the provider documents. */
  backupsDieWithIt: boolean;
}

const RAILWAY: HostPlatform = {
  provider: 'railway',
  name: 'Railway',
  backups: 'Railway volume backups, stored with the volume',
  backupsDieWithIt: true,
};

/** Documented host patterns, most specific first. */
const PATTERNS: Array<[RegExp, HostPlatform]> = [
  // https://docs.railway.com/reference/private-networking, https://docs.railway.com/reference/tcp-proxy
  [/(?:^|\.)proxy\.rlwy\.net$|\.railway\.internal$|\.up\.railway\.app$/, RAILWAY],
  // https://supabase.com/docs/guides/database/connecting-to-postgres
  [/(?:^|\.)supabase\.co$|\.pooler\.supabase\.com$/, { provider: 'supabase', name: 'Supabase', backups: 'Supabase project backups, deleted with the project', backupsDieWithIt: true }],
  // https://neon.tech/docs/connect/connect-from-any-app
  [/\.neon\.tech$/, { provider: 'neon', name: 'Neon', backups: 'Neon branch history (point-in-time restore), deleted with the project', backupsDieWithIt: true }],
  // https://render.com/docs/postgresql-creating-connecting
  [/^dpg-[a-z0-9-]+(?:\.[a-z-]+-postgres\.render\.com)?$|^red-[a-z0-9]+$|\.render\.com$/, { provider: 'render', name: 'Render', backups: 'Render database backups, deleted with the database', backupsDieWithIt: true }],
  // https://fly.io/docs/networking/private-networking/
  [/^[a-z0-9-]+\.internal$|\.of\.[a-z0-9-]+\.internal$|\.flycast$|\.fly\.dev$|\.flympg\.net$/, { provider: 'fly', name: 'Fly.io', backups: 'Fly volume snapshots of the volume', backupsDieWithIt: false }],
  // https://devcenter.heroku.com/articles/connecting-heroku-postgres
  [/^ec2-[\d-]+\.(?:[a-z0-9-]+\.)?compute(?:-1)?\.amazonaws\.com$/, { provider: 'heroku', name: 'Heroku Postgres', backups: 'Heroku PG Backups of the add-on', backupsDieWithIt: false }],
  // https://planetscale.com/docs/concepts/connection-strings
  [/\.psdb\.cloud$/, { provider: 'planetscale', name: 'PlanetScale', backups: 'PlanetScale database backups', backupsDieWithIt: false }],
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html
  [/\.rds\.amazonaws\.com(?:\.cn)?$/, { provider: 'aws', name: 'Amazon RDS/Aurora', backups: 'RDS automated backups, deleted with the instance unless retained', backupsDieWithIt: true }],
  // https://cloud.google.com/sql/docs/postgres/connect-overview (socket /cloudsql/PROJECT:REGION:INSTANCE)
  [/^\/?cloudsql\/|\.sql\.goog$/, { provider: 'gcp', name: 'Cloud SQL', backups: 'Cloud SQL backups, deleted with the instance unless retained', backupsDieWithIt: true }],
  // https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-backup-restore
  [/\.(?:postgres|mysql|mariadb)\.database\.azure\.com$|\.database\.windows\.net$|\.redis\.cache\.windows\.net$/, { provider: 'azure', name: 'Azure', backups: 'Azure automated server backups', backupsDieWithIt: false }],
  // https://docs.digitalocean.com/products/databases/
  [/\.db\.ondigitalocean\.com$/, { provider: 'digitalocean', name: 'DigitalOcean Managed Databases', backups: 'DigitalOcean daily cluster backups', backupsDieWithIt: false }],
  // https://www.mongodb.com/docs/atlas/connect-to-database-deployment/
  [/\.mongodb\.net$/, { provider: 'mongodb-atlas', name: 'MongoDB Atlas', backups: 'Atlas cloud backups of the cluster', backupsDieWithIt: false }],
  // https://upstash.com/docs/redis/overall/getstarted
  [/\.upstash\.io$/, { provider: 'upstash', name: 'Upstash', backups: 'Upstash daily backups of the database', backupsDieWithIt: false }],
];

export function platformOfHost(host: string): HostPlatform | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return PATTERNS.find(([re]) => re.test(h))?.[1];
}

/** Hosts that name this machine: whatever the file is called, a database there is a local or CI one. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1' || h === '0.0.0.0' || h === 'host.docker.internal';
}
