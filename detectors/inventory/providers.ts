// Host → provider mapping and the provider CLIs/hosts a script talks to (signals for variable uses).

const HOSTS: Array<[RegExp, string]> = [
  [/(?:^|\.)(?:rlwy\.net|railway\.internal|railway\.app|railway\.com|up\.railway\.app)$/i, 'railway'],
  [/(?:^|\.)(?:supabase\.co|supabase\.com|pooler\.supabase\.com)$/i, 'supabase'],
  [/(?:^|\.)neon\.tech$/i, 'neon'],
  [/(?:^|\.)(?:render\.com|onrender\.com)$/i, 'render'],
  [/(?:^|\.)(?:fly\.dev|fly\.io|flycast|internal)$/i, 'fly'],
  [/(?:^|\.)(?:herokuapp\.com|heroku\.com|compute-1\.amazonaws\.com\.heroku)$/i, 'heroku'],
  [/(?:^|\.)amazonaws\.com$/i, 'aws'],
  [/(?:^|\.)(?:googleapis\.com|cloudsql|appspot\.com)$/i, 'gcp'],
  [/(?:^|\.)(?:database\.azure\.com|database\.windows\.net|azure\.com|core\.windows\.net)$/i, 'azure'],
  [/(?:^|\.)psdb\.cloud$/i, 'planetscale'],
  [/(?:^|\.)upstash\.io$/i, 'upstash'],
  [/(?:^|\.)mongodb\.net$/i, 'mongodb-atlas'],
  [/(?:^|\.)(?:digitalocean\.com|db\.ondigitalocean\.com)$/i, 'digitalocean'],
  [/(?:^|\.)(?:github\.com|githubusercontent\.com)$/i, 'github'],
  [/(?:^|\.)(?:vercel\.com|vercel\.app)$/i, 'vercel'],
  [/(?:^|\.)(?:cloudflare\.com|workers\.dev)$/i, 'cloudflare'],
];

export function providerOfHost(host: string): string | undefined {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return HOSTS.find(([re]) => re.test(h))?.[1];
}

export const isRailwayHost = (host: string): boolean => /(?:^|\.)(?:rlwy\.net|railway\.internal|railway\.app)$/i.test(host);

/** Database engine from a connection URL scheme. */
export function engineOfScheme(scheme: string): string | undefined {
  const s = scheme.toLowerCase().replace(/:$/, '').replace(/\+.*$/, '');
  if (s === 'postgres' || s === 'postgresql') return 'postgres';
  if (s === 'mysql' || s === 'mariadb') return 'mysql';
  if (s === 'mongodb') return 'mongodb';
  if (s === 'redis' || s === 'rediss') return 'redis';
  return undefined;
}

/** Command words → the provider or tool they act on. */
const CLIS: Record<string, string> = {
  railway: 'railway',
  terraform: 'terraform',
  tofu: 'terraform',
  aws: 'aws',
  gcloud: 'gcloud',
  gsutil: 'gcloud',
  az: 'azure',
  fly: 'fly',
  flyctl: 'fly',
  heroku: 'heroku',
  psql: 'psql',
  pg_dump: 'pg_dump',
  pg_restore: 'psql',
  mysql: 'mysql',
  mysqldump: 'mysqldump',
  mongodump: 'mongodump',
  mongosh: 'mongodb',
  kubectl: 'kubectl',
  helm: 'kubectl',
  supabase: 'supabase',
  prisma: 'prisma',
  vercel: 'vercel',
  netlify: 'netlify',
  wrangler: 'cloudflare',
  doctl: 'digitalocean',
  gh: 'github',
  rclone: 'rclone',
  render: 'render',
};

/** GitHub Actions owners/prefixes → provider. */
const ACTIONS: Array<[RegExp, string]> = [
  [/^aws-actions\//i, 'aws'],
  [/^hashicorp\/setup-terraform/i, 'terraform'],
  [/^opentofu\//i, 'terraform'],
  [/^google-github-actions\//i, 'gcloud'],
  [/^azure\//i, 'azure'],
  [/^superfly\//i, 'fly'],
  [/^railwayapp\/|railway/i, 'railway'],
  [/^akhileshns\/heroku-deploy/i, 'heroku'],
  [/^supabase\//i, 'supabase'],
  [/^cloudflare\//i, 'cloudflare'],
  [/^amondnet\/vercel-action|vercel/i, 'vercel'],
];

export function providerOfAction(uses: string): string | undefined {
  return ACTIONS.find(([re]) => re.test(uses))?.[1];
}

/** Provider tools and hosts a shell script uses: command words at the start of commands, and URL hosts. */
export function scriptSignals(script: string): string[] {
  const out = new Set<string>();
  for (const m of script.matchAll(/(?:^|[\s;&|(`$]|\bnpx\s+|\bexec\s+|\bsudo\s+)([a-z][a-z0-9_-]*)(?=\s|$)/gim)) {
    const tool = CLIS[m[1]!.toLowerCase()];
    if (tool) out.add(tool);
  }
  for (const m of script.matchAll(/\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) {
    const host = m[1]!.toLowerCase();
    if (providerOfHost(host)) out.add(host);
  }
  for (const m of script.matchAll(/\b(volumeDelete|serviceDelete|projectDelete|environmentDelete|volumeInstanceBackupDelete)\b/g)) out.add(m[1]!);
  return [...out];
}

/** Official images' data directories: a volume mounted there holds that database. */
const DATA_DIRS: Array<[RegExp, string]> = [
  [/^\/var\/lib\/postgresql(?:\/data)?\/?$/, 'postgres'],
  [/^\/var\/lib\/mysql\/?$/, 'mysql'],
  [/^\/data\/db\/?$/, 'mongodb'],
  [/^\/bitnami\/(postgresql|mysql|mongodb|redis)\/?$/, '$1'],
];
export const engineOfMount = (path: string) => {
  for (const [re, engine] of DATA_DIRS) {
    const m = re.exec(path);
    if (m) return engine.replace('$1', m[1] ?? '').replace('postgresql', 'postgres');
  }
  return undefined;
};

