// Netlify file-based config (`netlify.toml`): the site's build command per deploy context (production,
// deploy-preview, branch-deploy, named branches), context environment variable names, and scheduled functions.
// A destructive command in a production build runs on every deploy.
// https://docs.netlify.com/configure-builds/file-based-configuration/
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Environment, Resource } from '../../src/core/types.js';
import type { PlatformServiceAttrs } from '../../src/pipeline/resources.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { basename, dirname, isRecord, lineOf, makeResource, parseTomlFile } from './resource-builder.js';
import { destructiveCommands } from './destructive-commands.js';

const CONTEXT_ENV: Record<string, Environment> = { production: 'production', 'deploy-preview': 'development', 'branch-deploy': 'development', dev: 'development' };

const parser: InventoryParser = {
  meta: { id: 'netlify-config', title: 'Netlify netlify.toml', summary: 'Netlify sites: build commands per deploy context, context env var names, scheduled functions.' },
  applies: (file) => basename(file.path).toLowerCase() === 'netlify.toml',
  parse: (file) => {
    const { value, diagnostic } = parseTomlFile(file);
    if (!value) return { diagnostics: diagnostic ? [diagnostic] : [] };
    const site = basename(dirname(file.path)) || 'site';
    const build = isRecord(value.build) ? value.build : {};
    const contexts = isRecord(value.context) ? value.context : {};
    const functions = isRecord(value.functions) ? value.functions : {};
    const scheduled = Object.entries(functions).flatMap(([n, f]) => (isRecord(f) && typeof f.schedule === 'string' ? [`${n} ${f.schedule}`] : []));
    const out: Resource[] = [];
    const push = (context: string, b: Record<string, unknown>, line: number) => {
      const command = typeof b.command === 'string' ? b.command : undefined;
      const env = isRecord(b.environment) ? Object.keys(b.environment) : [];
      const hits = command ? destructiveCommands(command) : [];
      const environment = CONTEXT_ENV[context] ?? (context === 'default' ? file.environment.environment : environmentOfName(context));
      const a: PlatformServiceAttrs & Record<string, unknown> = { platform: 'netlify', context, command, envVars: env, ...(context === 'default' && scheduled.length ? { scheduledFunctions: scheduled } : {}), ...(hits.length ? { destructiveCommands: hits.map((h) => h.destructive) } : {}) };
      out.push(makeResource(file, { id: `netlify:site/${site}${context === 'default' ? '' : `#${context}`}`, provider: 'netlify', type: 'service', name: `${site} (${context})`, environment, line, attributes: a }));
    };
    push('default', build, lineOf(file.text, /^\[build\]/m));
    for (const [name, ctx] of Object.entries(contexts)) if (isRecord(ctx)) push(name, ctx, lineOf(file.text, `context.${name}`));
    return { resources: out };
  },
  examples: [
    {
      // Netlify's documented contexts: production runs migrations that reset the database.
      file: {
        path: 'netlify.toml',
        text: '[build]\n  command = "npm run build"\n  publish = "dist"\n\n[context.production]\n  command = "npx prisma migrate reset --force && npm run build"\n  [context.production.environment]\n    NODE_ENV = "production"\n\n[context.deploy-preview]\n  command = "npm run build:preview"\n\n[functions."nightly"]\n  schedule = "@daily"\n',
      },
      expect: [
        { id: 'netlify:site/site', attributes: { command: 'npm run build', scheduledFunctions: ['nightly @daily'] } },
        { id: 'netlify:site/site#production', environment: 'production', attributes: { destructiveCommands: ['prisma migrate reset --force'], envVars: ['NODE_ENV'] } },
        { id: 'netlify:site/site#deploy-preview', environment: 'development' },
      ],
    },
    {
      // Near-miss: a single build with no contexts.
      file: { path: 'web/netlify.toml', text: '[build]\n  command = "hugo"\n  publish = "public"\n' },
      expect: [{ id: 'netlify:site/web', attributes: { command: 'hugo' } }],
      reject: ['netlify:site/web#*'],
    },
  ],
};

export default parser;
