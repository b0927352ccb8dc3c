// Railway config-as-code (`railway.json` / `railway.toml`): one service per file, the environments it overrides, and
// the volume it requires (`deploy.requiredMountPath`). Railway's volume backups are stored with the volume, so
// `nativeBackups: 'platform'`. https://docs.railway.com/reference/config-as-code
// https://docs.railway.com/reference/backups
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Diagnostic, Resource, SourceFile } from '../../src/core/types.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { basename, dirname, isRecord, lineOf, makeResource, parseError, parseJson, parseTomlFile } from './resource-builder.js';
import { engineOfMount } from './providers.js';
import { destructiveCommands } from './destructive-commands.js';
import { scriptsInvoked } from './shell-words.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isRecord(v) ? v : {});
const strOf = (v: unknown) => (typeof v === 'string' ? v : undefined);

function load(file: SourceFile): { config?: Obj; diagnostic?: Diagnostic } {
  if (!file.path.endsWith('.toml')) return {};
  const r = parseTomlFile(file);
  return r.diagnostic ? { diagnostic: r.diagnostic } : { config: obj(r.value) };
}

const parser: InventoryParser = {
  meta: {
    id: 'railway-config',
    title: 'Railway config-as-code',
    summary: 'Railway services, their environments and required volumes from railway.json / railway.toml.',
  },
  applies: (file) => /^railway\.(?:json|toml)$/.test(basename(file.path)),
  parse: (file) => {
    let config: Obj | undefined;
    if (file.path.endsWith('.json')) {
      const r = parseJson(file);
      if (r.diagnostic) return { diagnostics: [r.diagnostic] };
      config = obj(r.value);
    } else {
      const r = load(file);
      if (r.diagnostic) return { diagnostics: [r.diagnostic] };
      config = r.config!;
    }
    if (!config) return { diagnostics: [parseError(file, 'empty Railway config')] };
    const dir = dirname(file.path);
    const serviceName = dir ? basename(dir) : 'root';
    const serviceId = `railway:service/${serviceName}`;
    const deploy = obj(config.deploy);
    const environments = obj(config.environments);
    const envNames = Object.keys(environments);
    const resources: Resource[] = [];

    const commands: Array<{ env?: string; command: string }> = [];
    const mounts: Array<{ env?: string; path: string }> = [];
    const collect = (d: Obj, env?: string) => {
      for (const key of ['startCommand', 'preDeployCommand']) {
        const c = d[key];
        for (const cmd of Array.isArray(c) ? c : [c]) if (typeof cmd === 'string') commands.push({ ...(env ? { env } : {}), command: cmd });
      }
      const m = strOf(d.requiredMountPath);
      if (m) mounts.push({ ...(env ? { env } : {}), path: m });
    };
    collect(deploy);
    for (const [name, e] of Object.entries(environments)) collect(obj(obj(e).deploy), name);

    const runsScripts = [...new Set(commands.flatMap((c) => scriptsInvoked(c.command)))];
    const destructive = commands.flatMap((c) => destructiveCommands(c.command).map((h) => (c.env ? `${h.destructive} (${c.env})` : h.destructive)));
    const fileEnv = file.environment.environment;
    resources.push(
      makeResource(file, {
        id: serviceId,
        provider: 'railway',
        type: 'service',
        name: serviceName,
        environment: envNames.length === 1 ? environmentOfName(envNames[0]!) : fileEnv,
        line: 1,
        attributes: {
          platform: 'railway',
          environments: envNames,
          startCommand: strOf(deploy.startCommand),
          requiredMountPath: mounts[0]?.path,
          ...(destructive.length ? { destructiveCommands: [...new Set(destructive)] } : {}),
          ...(runsScripts.length ? { runsScripts } : {}),
        },
      }),
    );
    for (const name of envNames) {
      resources.push(
        makeResource(file, {
          id: `railway:environment/${name}`,
          provider: 'railway',
          type: 'environment',
          name,
          environment: environmentOfName(name),
          line: lineOf(file.text, new RegExp(`["\\[.]?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["\\].]?\\s*[:=.\\]]`)),
          attributes: { platform: 'railway', services: [serviceId] },
        }),
      );
    }
    if (mounts.length) {
      resources.push(
        makeResource(file, {
          id: `railway:volume/${serviceName}`,
          provider: 'railway',
          type: 'volume',
          name: `${serviceName} volume`,
          environment: envNames.length === 1 ? environmentOfName(envNames[0]!) : fileEnv,
          line: lineOf(file.text, 'requiredMountPath'),
          attributes: {
            platform: 'railway',
            nativeBackups: 'platform',
            mountPath: mounts[0]!.path,
            service: serviceId,
            ...(envNames.length ? { environments: envNames } : {}),
          },
        }),
      );
      // A service whose volume is mounted at a database's data directory is that database.
      const engine = engineOfMount(mounts[0]!.path);
      if (engine)
        resources.push(
          makeResource(file, {
            id: `railway:database/${serviceName}`,
            provider: 'railway',
            type: 'database',
            name: serviceName,
            environment: envNames.length === 1 ? environmentOfName(envNames[0]!) : fileEnv,
            line: lineOf(file.text, 'requiredMountPath'),
            attributes: { platform: 'railway', engine, volume: `railway:volume/${serviceName}`, service: serviceId, ...(envNames.length ? { environments: envNames } : {}) },
          }),
        );
    }
    return { resources };
  },
  examples: [
    {
      // Railway's config-as-code example: a Postgres-backed service with a volume, production and staging overrides.
      file: {
        path: 'db/railway.json',
        text: JSON.stringify(
          {
            $schema: 'https://railway.com/railway.schema.json',
            build: { builder: 'DOCKERFILE', dockerfilePath: 'Dockerfile' },
            deploy: { requiredMountPath: '/var/lib/postgresql/data', restartPolicyType: 'ALWAYS' },
            environments: { production: { deploy: { numReplicas: 1 } }, staging: { deploy: { startCommand: 'npx prisma migrate reset --force && node server.js' } } },
          },
          null,
          2,
        ),
      },
      expect: [
        { id: 'railway:service/db', type: 'service', attributes: { platform: 'railway', environments: ['production', 'staging'], destructiveCommands: ['prisma migrate reset --force (staging)'] } },
        { id: 'railway:environment/production', type: 'environment', environment: 'production' },
        { id: 'railway:environment/staging', environment: 'staging' },
        { id: 'railway:volume/db', type: 'volume', attributes: { platform: 'railway', nativeBackups: 'platform', mountPath: '/var/lib/postgresql/data' } },
        { id: 'railway:database/db', type: 'database', attributes: { engine: 'postgres', volume: 'railway:volume/db' } },
      ],
    },
    {
      // railway.toml without a volume: a service, no volume.
      file: {
        path: 'worker/railway.toml',
        text: '[build]\nbuilder = "RAILPACK"\n\n[deploy]\nstartCommand = "npm run worker"\nrestartPolicyType = "ON_FAILURE"\n\n[environments.staging.deploy]\nrestartPolicyMaxRetries = 3\n',
      },
      expect: [
        { id: 'railway:service/worker', type: 'service', attributes: { environments: ['staging'], runsScripts: ['worker'] } },
        { id: 'railway:environment/staging', environment: 'staging' },
      ],
      reject: ['railway:volume/*', 'railway:database/*'],
    },
    {
      // A broken file is a diagnostic, not a crash.
      file: { path: 'railway.json', text: '{\n  "deploy": {\n    "startCommand": "npm start",\n  }\n}\n' },
      expect: [],
      reject: ['railway:*'],
    },
  ],
};

export default parser;
