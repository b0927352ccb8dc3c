// Vercel project config (`vercel.json`): the project with its cron jobs, regions, build commands and git deployment
// settings. Vercel stores no data of its own here; what matters is which commands run on deploy and which paths cron
// calls on production. https://vercel.com/docs/project-configuration  https://vercel.com/docs/cron-jobs
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { PlatformServiceAttrs } from '../../src/pipeline/resources.js';
import { basename, dirname, environmentOf, isRecord, makeResource, parseJson } from './resource-builder.js';
import { destructiveCommands } from './destructive-commands.js';

const parser: InventoryParser = {
  meta: { id: 'vercel-config', title: 'Vercel vercel.json', summary: 'Vercel projects: cron jobs (run on production deployments), build commands, regions.' },
  applies: (file) => basename(file.path).toLowerCase() === 'vercel.json',
  parse: (file) => {
    const { value, diagnostic } = parseJson(file);
    if (diagnostic || !isRecord(value)) return { diagnostics: diagnostic ? [diagnostic] : [] };
    const name = (typeof value.name === 'string' ? value.name : undefined) ?? (basename(dirname(file.path)) || 'project');
    const crons = (Array.isArray(value.crons) ? value.crons : []).filter(isRecord).map((c) => `${String(c.schedule ?? '')} ${String(c.path ?? '')}`.trim());
    const commands = ['buildCommand', 'installCommand', 'devCommand'].map((k) => value[k]).filter((c): c is string => typeof c === 'string');
    const hits = commands.flatMap((c) => destructiveCommands(c));
    const git = isRecord(value.git) ? value.git : {};
    const a: PlatformServiceAttrs & Record<string, unknown> = {
      platform: 'vercel',
      region: Array.isArray(value.regions) ? value.regions.join(', ') : undefined,
      // Vercel runs cron jobs on production deployments only.
      crons,
      buildCommand: typeof value.buildCommand === 'string' ? value.buildCommand : undefined,
      deploymentEnabled: isRecord(git.deploymentEnabled) ? JSON.stringify(git.deploymentEnabled) : typeof git.deploymentEnabled === 'boolean' ? String(git.deploymentEnabled) : undefined,
      ...(hits.length ? { destructiveCommands: hits.map((h) => h.destructive) } : {}),
    };
    return { resources: [makeResource(file, { id: `vercel:project/${name}`, provider: 'vercel', type: 'project', name, environment: environmentOf(file, name), line: 1, attributes: a })] };
  },
  examples: [
    {
      // Vercel's cron example, with a build that pushes the Prisma schema with data loss accepted.
      file: { path: 'apps/web/vercel.json', text: '{\n  "buildCommand": "prisma db push --accept-data-loss && next build",\n  "regions": ["iad1"],\n  "crons": [{ "path": "/api/cron/cleanup", "schedule": "0 5 * * *" }]\n}\n' },
      expect: [{ id: 'vercel:project/web', type: 'project', attributes: { crons: ['0 5 * * * /api/cron/cleanup'], region: 'iad1', destructiveCommands: ['prisma db push --accept-data-loss'] } }],
    },
    {
      // Near-miss: a plain rewrite config, and malformed JSON is a diagnostic.
      file: { path: 'vercel.json', text: '{ "rewrites": [{ "source": "/(.*)", "destination": "/" }] }\n' },
      expect: [{ id: 'vercel:project/project', attributes: { crons: [] } }],
      reject: ['vercel:project/web'],
    },
  ],
};

export default parser;
