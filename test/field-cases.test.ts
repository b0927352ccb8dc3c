// Repositories nobody here wrote, and incident-shaped ones written from the providers' docs (fixtures/field-cases):
// the chain forms where it should, and examples, local databases, CI test jobs and ids stay out of the high findings.
import { describe, expect, it } from 'vitest';
import { scanDirectory } from '../src/scan.js';
import { chainText } from '../src/pipeline/chain.js';
import { isLoopbackHost, platformOfHost } from '../src/pipeline/platform-hosts.js';
import { exampleFileReason, testPathReason } from '../src/pipeline/classify.js';
import { identifierName } from '../detectors/rules/shared.js';
import type { Finding } from '../src/core/types.js';
import { scanRepo } from './helpers/scan.js';
import { SA_JSON } from '../detectors/credentials/gcp.js';

const scan = (name: string) => scanDirectory(`fixtures/field-cases/${name}`);
const serious = (fs: Finding[]) => fs.filter((f) => f.severity === 'critical' || f.severity === 'high' || f.severity === 'medium').map((f) => `${f.ruleId}: ${f.message}`);

describe('environment inference', () => {
  it('a CI test database in production.yml and a test setup file are not production, and say why', async () => {
    const r = await scan('ci-test-database');
    expect(serious(r.findings)).toEqual([]);
    expect(r.findings.some((f) => f.ruleId === 'staging-config-points-at-production')).toBe(false);
    const reasons = r.credentials.flatMap((c) => c.locations.map((l) => `${l.path}:${l.startLine} ${l.environment} (${l.environmentReason})`));
    expect(reasons).toEqual(
      expect.arrayContaining([
        '.github/workflows/production.yml:14 test (job test: CI service containers (postgres), no deploy step)',
        '.github/workflows/production.yml:20 test (CI database on loopback host localhost)',
        'test/setup.ts:2 development (loopback host localhost)',
      ]),
    );
    const deploy = r.resources.find((x) => x.id.endsWith('#deploy'));
    expect(deploy?.environment).toBe('production');
  });

  it('two env files naming localhost share no database: staging does not point at production', async () => {
    const r = await scanRepo({
      '.env.production': 'DATABASE_URL=postgres://app:pr0dLikePassQ7@localhost:5432/app\n',
      '.env.staging': 'DATABASE_URL=postgres://app:st4gePassW9x@localhost:5432/app_staging\n',
    });
    expect(r.findings.filter((f) => f.ruleId === 'staging-config-points-at-production')).toEqual([]);
    expect(r.credentials.flatMap((c) => c.environments)).not.toContain('production');
    expect(serious(r.findings)).toEqual([]);
  });

  it('classifies test and example paths', () => {
    expect(testPathReason('src/db.test.ts')).toBe('test code');
    expect(testPathReason('app/tests/conftest.py')).toBe('test code');
    expect(testPathReason('src/contest.ts')).toBeUndefined();
    expect(testPathReason('deployment/helm/charts/app/values-ci.yaml')).toBe('CI configuration values-ci.yaml');
    expect(testPathReason('docker-compose.ci.yml')).toBe('CI configuration docker-compose.ci.yml');
    expect(testPathReason('.gitlab-ci.yml')).toBeUndefined();
    expect(testPathReason('.github/workflows/deploy-ci.yml')).toBeUndefined();
    expect(testPathReason('config/cli.yaml')).toBeUndefined();
    expect(exampleFileReason('docs/deploy.mdx')).toBe('documentation/examples');
    expect(exampleFileReason('backend/.env.template')).toBe('example file .env.template');
    expect(exampleFileReason('README')).toBe('documentation');
    expect(exampleFileReason('CLAUDE.md')).toBeUndefined();
    expect(exampleFileReason('.env.production')).toBeUndefined();
  });
});

describe('platform from the host', () => {
  it('knows the documented host patterns and what their backups survive', () => {
    expect(platformOfHost('viaduct.proxy.rlwy.net')).toMatchObject({ provider: 'railway', backupsDieWithIt: true });
    expect(platformOfHost('postgres.railway.internal')?.provider).toBe('railway');
    expect(platformOfHost('db.abcdefghijklmnopqrst.supabase.co')?.provider).toBe('supabase');
    expect(platformOfHost('aws-0-eu-central-1.pooler.supabase.com')?.provider).toBe('supabase');
    expect(platformOfHost('ep-cool-darkness-123456.us-east-2.aws.neon.tech')?.provider).toBe('neon');
    expect(platformOfHost('dpg-abc123def456-a.oregon-postgres.render.com')?.provider).toBe('render');
    expect(platformOfHost('my-app-db.flycast')?.provider).toBe('fly');
    expect(platformOfHost('ec2-3-210-12-34.compute-1.amazonaws.com')?.provider).toBe('heroku');
    expect(platformOfHost('aws.connect.psdb.cloud')?.provider).toBe('planetscale');
    expect(platformOfHost('orders.abc123xyz.eu-west-1.rds.amazonaws.com')).toMatchObject({ provider: 'aws', backupsDieWithIt: true });
    expect(platformOfHost('shop.postgres.database.azure.com')?.provider).toBe('azure');
    expect(platformOfHost('db-postgresql-nyc1-12345-do-user-1-0.b.db.ondigitalocean.com')?.provider).toBe('digitalocean');
    expect(platformOfHost('cluster0.ab1cd.mongodb.net')?.provider).toBe('mongodb-atlas');
    expect(platformOfHost('eu1-sharp-cat-12345.upstash.io')?.provider).toBe('upstash');
    expect(platformOfHost('db.example.com')).toBeUndefined();
    expect(platformOfHost('notrlwy.net')).toBeUndefined();
    expect(['localhost', '127.0.0.1', '::1', 'api.localhost'].every(isLoopbackHost)).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });

  it('a production DATABASE_URL on a Railway host: its volume backups go down with it, and the chain says which signal made it production', async () => {
    const r = await scan('railway-app');
    const fate = r.findings.find((f) => f.ruleId === 'backups-share-failure-domain');
    expect(fate?.severity).toBe('high');
    const agent = r.findings.find((f) => f.ruleId === 'agent-can-read-destructive-credential');
    expect(agent?.severity).toBe('critical');
    const text = chainText(agent!.chain);
    expect(text).toContain('production credential: file name .env.production');
    expect(text).toContain('Railway volume backups, stored with the volume');
    expect(text).toContain('they go down with it');
  });

  it('the same database with a nightly pg_dump to S3 keeps its data off the platform', async () => {
    const r = await scan('railway-app-offsite');
    expect(r.findings.some((f) => f.ruleId === 'backups-share-failure-domain')).toBe(false);
    const agent = r.findings.find((f) => f.ruleId === 'agent-can-read-destructive-credential');
    expect(chainText(agent!.chain)).toContain('off-platform backup');
  });
});

describe('key-to-principal linking', () => {
  it('links a literal key to the IAM user its purpose names, with the evidence and a confidence', async () => {
    const r = await scan('aws-key-by-purpose');
    const key = r.credentials.find((c) => c.provider === 'aws');
    expect(key?.scope.principal).toBe('IAM user media-uploads');
    const f = r.findings.find((x) => x.ruleId === 'hardcoded-credential');
    expect(chainText(f!.chain)).toMatch(/linked to IAM principal media-uploads: "media", "uploads" named where the key is written.*\(medium confidence\)/);
  });

  it('terragoat (excerpt): the only key the IaC creates, linked at low confidence', async () => {
    const r = await scan('terragoat-excerpt');
    const key = r.credentials.find((c) => c.provider === 'aws');
    expect(key?.scope.principal).toBe('IAM user ${local.resource_prefix.value}-user');
    expect(key?.scope.confidence).toBe('low');
    const f = r.findings.find((x) => x.ruleId === 'hardcoded-credential');
    expect(f?.confidence).toBe('low');
    expect(chainText(f!.chain)).toContain('the IaC creates one key, for it');
  });
});

describe('key-to-principal linking: GCP service accounts and database roles', () => {
  it('a GCP key whose account id Terraform computes is linked by what it is for, and its roles/editor is reported', async () => {
    const r = await scan('gcp-key-by-purpose');
    const key = r.credentials.find((c) => c.provider === 'gcp');
    expect(key?.scope.principal).toBe('service account prod-avatar-uploads@acme-shop-prod.iam.gserviceaccount.com');
    expect(key?.scope.reach).toBe('project');
    const f = r.findings.filter((x) => x.ruleId === 'gcp-privileged-service-account-key');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'critical', confidence: 'medium' });
    const text = chainText(f[0]!.chain);
    expect(text).toMatch(/linked to service account avatars: "avatar", "uploads" named where the key is written; it holds roles\/editor on project .*\(medium confidence\)/);
    expect(text).not.toContain('deployer');
  });

  it('a key whose e-mail names another account id than the one Terraform writes is not linked on evidence', async () => {
    const r = await scanRepo({
      'deploy/gcp-sa.json': SA_JSON,
      'infra/iam.tf':
        'resource "google_service_account" "uploads" {\n  account_id = "media-uploads"\n}\nresource "google_service_account_key" "uploads" {\n  service_account_id = google_service_account.uploads.name\n}\nresource "google_project_iam_member" "uploads" {\n  project = "billing-prod-4821"\n  role    = "roles/editor"\n  member  = "serviceAccount:${google_service_account.uploads.email}"\n}\n',
    });
    const key = r.credentials.find((c) => c.provider === 'gcp');
    expect(key?.scope.reach).toBe('unknown');
    expect(r.findings.some((f) => f.ruleId === 'gcp-privileged-service-account-key')).toBe(false);
  });

  it('a DATABASE_URL user is the role its migration declares: superuser, read-write or read-only (inherited)', async () => {
    const r = await scan('db-role-grants');
    const byUser = (u: string) => r.credentials.find((c) => c.attributes.user === u)!;
    const verbs = (u: string) => byUser(u).scope.permissions.map((p) => p.verb).sort();
    expect(verbs('analytics')).toEqual(['admin']);
    expect(verbs('app')).toEqual(['read', 'write']);
    expect(verbs('reporting')).toEqual(['read']);
    expect(byUser('reporting').scope.evidence.map((e) => e.detail)).toContain('linked to database role reporting by the URL\'s user name: read-only (through readonly); member of readonly');
    const purpose = r.findings.filter((f) => f.ruleId === 'token-purpose-mismatch');
    expect(purpose.map((f) => [f.severity, f.locations[0]!.startLine, f.message])).toEqual([
      ['critical', 3, expect.stringMatching(/is there for analytics, but it connects as postgres role analytics on db\.acme-shop\.internal, a database superuser and can delete production data/)],
    ]);
    expect(chainText(purpose[0]!.chain)).toContain('linked to database role analytics by the URL\'s user name: a superuser');
    // The read-only and read-write roles cannot delete the database.
    const deleting = r.findings.filter((f) => f.credentialFingerprints.some((fp) => fp === byUser('reporting').fingerprint || fp === byUser('app').fingerprint));
    expect(deleting.every((f) => !/can delete/.test(f.message))).toBe(true);
  });
});

describe('Fly.io: destroy commands and volumes', () => {
  it('a review-app cleanup job destroying an app with the Fly token: high, and the chain names the volume whose snapshots go with it', async () => {
    const r = await scan('fly-review-apps');
    const destroy = r.findings.filter((f) => f.ruleId === 'destructive-command-forced');
    expect(destroy.map((f) => [f.severity, `${f.locations[0]!.path}:${f.locations[0]!.startLine}`])).toEqual([['high', '.github/workflows/review-apps.yml:17']]);
    const text = chainText(destroy[0]!.chain);
    expect(text).toContain('acts with secrets.FLY_API_TOKEN');
    expect(text).toContain('can destroy volume acme-notes notes_data (mounted at /data)');
    expect(text).toContain('its backups are Fly volume backups, stored with the volume: they go down with it');
    const fate = r.findings.filter((f) => f.ruleId === 'backups-share-failure-domain');
    expect(fate).toHaveLength(1);
    // Nothing here is a credential, and no other finding is medium or above.
    expect(r.credentials).toEqual([]);
    expect(serious(r.findings).filter((m) => !/^(?:destructive-command-forced|backups-share-failure-domain):/.test(m))).toEqual([]);
  });

  it('epic-stack (excerpt): the deploy jobs are production by their deploy steps; the e2e job resetting its own database is low', async () => {
    const r = await scan('epic-stack-excerpt');
    const jobs = Object.fromEntries(r.resources.filter((x) => x.type === 'workflow-job').map((j) => [j.id.split('#')[1], `${j.environment} (${(j.attributes as { environmentReason?: string }).environmentReason})`]));
    expect(jobs.deploy).toBe('production (deploy step 🚀 Deploy Production)');
    expect(jobs.container).toBe('production (deploy step 📦 Build Production Container)');
    const ci = r.findings.filter((f) => f.ruleId === 'ci-production-secret-without-environment');
    expect(ci).toHaveLength(1);
    expect(ci[0]!.severity).toBe('high');
    expect(ci[0]!.locations).toHaveLength(2);
    const reset = r.findings.find((f) => f.ruleId === 'destructive-command-forced');
    expect(reset?.severity).toBe('low');
    expect(reset?.message).toContain('it can only reach what its own run creates');
    expect(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map((f) => f.ruleId)).toEqual(['ci-production-secret-without-environment']);
  });
});

describe('one problem, one finding', () => {
  it('ten jobs of one workflow missing environment: are one finding with ten locations', async () => {
    const r = await scan('many-jobs');
    const ci = r.findings.filter((f) => f.ruleId === 'ci-production-secret-without-environment');
    expect(ci).toHaveLength(1);
    expect(ci[0]!.locations).toHaveLength(10);
    expect(ci[0]!.message).toMatch(/^10 CI jobs \(nightly sync \/ sync-1, .*\) use secrets\.PROD_DATABASE_URL/);
  });

  it('a hard-coded credential an agent can read is one finding at its line', async () => {
    const r = await scan('railway-app');
    const atLine = r.findings.filter((f) => f.credentialFingerprints.length && f.locations.some((l) => l.path === '.env.production' && l.startLine === 2));
    expect(atLine.map((f) => f.ruleId).sort()).toEqual(['agent-can-read-destructive-credential']);
    expect(chainText(atLine[0]!.chain)).toContain('also hardcoded-credential');
  });

  it('one value in production and in a development env file is one finding', async () => {
    const secret = 'STRIPE_WEBHOOK_SECRET=whsec_9Fq2LmX7vT4kWn8ZsB3yRc6JdGu1Ne5A\n';
    const r = await scanRepo({ '.env.production': secret, '.env.development': secret });
    const ids = r.findings.map((f) => f.ruleId);
    expect(ids.filter((id) => id === 'credential-shared-across-environments' || id === 'production-credential-in-non-production-path')).toEqual(['credential-shared-across-environments']);
    const f = r.findings.find((x) => x.ruleId === 'credential-shared-across-environments')!;
    expect(chainText(f.chain)).toContain('also production-credential-in-non-production-path');
    expect(chainText(f.chain)).toContain('production credential: file name .env.production');
  });
});

describe('one database, one backup finding', () => {
  it('a Railway database named by .env and .env.local is one finding with both locations', async () => {
    const url = 'DATABASE_URL=postgresql://postgres:kQ8vXr2LmN7pT4wZ9sY3@viaduct.proxy.rlwy.net:41234/railway\n';
    const r = await scanRepo({ '.env': url, '.env.local': url });
    const fate = r.findings.filter((f) => f.ruleId === 'backups-share-failure-domain');
    expect(fate).toHaveLength(1);
    expect(fate[0]!.locations.map((l) => l.path).sort()).toEqual(['.env', '.env.local']);
  });
});

describe('ids and examples', () => {
  it('ids are not credentials', async () => {
    expect(['VERCEL_ORG_ID', 'VERCEL_PROJECT_ID', 'AWS_ACCOUNT_ID', 'googleClientId', 'CLOUDFLARE_ZONE_ID'].every(identifierName)).toBe(true);
    expect(['CLIENT_SECRET', 'API_KEY', 'VERCEL_TOKEN', 'SECRET_ID_KEY', 'DATABASE_URL'].some(identifierName)).toBe(false);
    const r = await scan('vercel-ids');
    expect(serious(r.findings)).toEqual([]);
  });

  it('docs, READMEs and example env files are examples: low, never production reach', async () => {
    const r = await scan('docs-examples');
    expect(r.credentials.length).toBeGreaterThan(0);
    expect(serious(r.findings)).toEqual([]);
    expect(r.findings.every((f) => f.confidence === 'low' && !f.environments.includes('production'))).toBe(true);
  });
});
