// Heroku: `Procfile` process types (the `release` phase runs on every deploy) and `app.json` (add-ons, env, scripts
// such as `postdeploy`, per-environment overrides). heroku-postgresql becomes a database whose backups (PG Backups,
// continuous protection on Standard and up) are kept by Heroku: same platform.
// https://devcenter.heroku.com/articles/procfile  https://devcenter.heroku.com/articles/app-json-schema
// https://devcenter.heroku.com/articles/heroku-postgres-backups
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource, SourceFile } from '../../src/core/types.js';
import type { BackupJobAttrs, DatabaseAttrs, DatabaseBackupAttrs, PlatformServiceAttrs } from '../../src/pipeline/resources.js';
import { basename, dirname, environmentOf, isRecord, lineOf, makeResource, parseJson } from './resource-builder.js';
import { backupInScript, destructiveCommands } from './destructive-commands.js';

type Obj = Record<string, unknown>;
const ADDON_ENGINES: Record<string, string> = { 'heroku-postgresql': 'postgres', 'heroku-redis': 'redis', jawsdb: 'mysql', cleardb: 'mysql', 'jawsdb-maria': 'mysql', mongolab: 'mongodb' };

const appOf = (file: SourceFile, name?: string) => name ?? (basename(dirname(file.path)) || 'app');

function commandResources(file: SourceFile, app: string, commands: Array<{ key: string; command: string; line: number }>, out: Resource[]) {
  for (const { key, command, line } of commands) {
    const hits = destructiveCommands(command);
    const backup = backupInScript(command);
    const env = environmentOf(file, app);
    const id = `heroku:process/${app}/${key}`;
    const a: PlatformServiceAttrs & Obj = { platform: 'heroku', command, ...(hits.length ? { destructiveCommands: hits.map((h) => h.destructive), force: hits.some((h) => h.force) } : {}) };
    out.push(makeResource(file, { id, provider: 'heroku', type: key === 'web' || key === 'worker' ? 'service' : 'script', name: `${app} ${key}`, environment: env, line, attributes: a }));
    if (backup) {
      const b: BackupJobAttrs & Obj = { destination: backup.destination, target: backup.target, tool: backup.tool, process: id };
      out.push(makeResource(file, { id: `${id}/backup`, provider: 'heroku', type: 'backup-job', name: `${app} ${key} (${backup.tool})`, environment: env, line, attributes: b }));
    }
  }
}

function procfile(file: SourceFile) {
  const out: Resource[] = [];
  const commands = file.text.split('\n').flatMap((text, i) => {
    const m = /^([A-Za-z0-9_-]+):\s*(.+)$/.exec(text.trim());
    return m ? [{ key: m[1]!, command: m[2]!, line: i + 1 }] : [];
  });
  commandResources(file, appOf(file), commands, out);
  return { resources: out };
}

function appJson(file: SourceFile) {
  const { value, diagnostic } = parseJson(file);
  if (diagnostic || !isRecord(value)) return { diagnostics: diagnostic ? [diagnostic] : [] };
  const app = appOf(file, typeof value.name === 'string' ? value.name : undefined);
  const out: Resource[] = [];
  const scripts = isRecord(value.scripts) ? value.scripts : {};
  commandResources(
    file,
    app,
    Object.entries(scripts).flatMap(([k, v]) => (typeof v === 'string' ? [{ key: k, command: v, line: lineOf(file.text, `"${k}"`) }] : [])),
    out,
  );
  const addons = (Array.isArray(value.addons) ? value.addons : []).map((a) => (typeof a === 'string' ? { plan: a } : isRecord(a) ? a : {})) as Obj[];
  for (const addon of addons) {
    const plan = typeof addon.plan === 'string' ? addon.plan : '';
    const [service, tier] = plan.split(':');
    const engine = ADDON_ENGINES[service ?? ''];
    if (!engine) continue;
    const as = typeof addon.as === 'string' ? addon.as : service!;
    // Essential plans: no continuous protection; backups are on-demand or scheduled PG Backups, kept by Heroku.
    const a: DatabaseAttrs & DatabaseBackupAttrs & PlatformServiceAttrs & Obj = { platform: 'heroku', engine, plan: tier, addon: service, backupStorage: 'platform', pointInTimeRecovery: tier ? !/^(?:essential|mini|basic|hobby)/.test(tier) : undefined };
    out.push(makeResource(file, { id: `heroku:addon/${app}/${as.toLowerCase()}`, provider: 'heroku', type: 'database', name: `${app} ${as}`, environment: environmentOf(file, app), line: lineOf(file.text, plan || '"addons"'), attributes: a }));
  }
  const env = isRecord(value.env) ? value.env : {};
  const svc: PlatformServiceAttrs & Obj = { platform: 'heroku', envVars: Object.keys(env), addons: addons.map((a) => String(a.plan ?? '')).filter(Boolean), environments: Object.keys(isRecord(value.environments) ? value.environments : {}) };
  out.push(makeResource(file, { id: `heroku:app/${app}`, provider: 'heroku', type: 'service', name: app, environment: environmentOf(file, app), line: 1, attributes: svc }));
  return { resources: out };
}

const parser: InventoryParser = {
  meta: { id: 'heroku', title: 'Heroku Procfile and app.json', summary: 'Heroku process types and release commands, add-on databases (backups kept by Heroku), app.json scripts and env.' },
  applies: (file) => /^(?:procfile|app\.json)$/i.test(basename(file.path)),
  parse: (file) => (/^procfile$/i.test(basename(file.path)) ? procfile(file) : appJson(file)),
  examples: [
    {
      // A Procfile whose release phase resets the schema on every deploy.
      file: { path: 'Procfile', text: 'web: bundle exec puma -C config/puma.rb\nrelease: bundle exec rails db:schema:load DISABLE_DATABASE_ENVIRONMENT_CHECK=1\nworker: bundle exec sidekiq\n' },
      expect: [
        { id: 'heroku:process/app/web', type: 'service' },
        { id: 'heroku:process/app/release', type: 'script' },
      ],
      reject: ['heroku:process/app/release/backup'],
    },
    {
      // app.json from Heroku's schema docs: a Postgres add-on, a postdeploy script, env with a generated secret.
      file: {
        path: 'app.json',
        text: JSON.stringify({ name: 'shop-staging', addons: ['heroku-postgresql:essential-0', { plan: 'heroku-redis:mini', as: 'CACHE' }, 'papertrail'], env: { SECRET_TOKEN: { generator: 'secret' }, WEB_CONCURRENCY: { value: '2' } }, scripts: { postdeploy: 'bundle exec rake db:seed' } }, null, 2),
      },
      expect: [
        { id: 'heroku:addon/shop-staging/heroku-postgresql', type: 'database', environment: 'staging', attributes: { engine: 'postgres', plan: 'essential-0', backupStorage: 'platform', pointInTimeRecovery: false } },
        { id: 'heroku:addon/shop-staging/cache', attributes: { engine: 'redis' } },
        { id: 'heroku:app/shop-staging', attributes: { envVars: ['SECRET_TOKEN', 'WEB_CONCURRENCY'] } },
      ],
      reject: ['heroku:addon/shop-staging/papertrail'],
    },
  ],
};

export default parser;
