// Every inventory parser. Each claims files by path/kind and turns them into resources and variable uses.
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
// (parser imports)
import envFiles from './env-files.js';
import railwayConfig from './railway-config.js';
import githubWorkflows from './github-workflows.js';
import compose from './compose.js';
import packageScripts from './package-scripts.js';
import agentConfigs from './agent-configs.js';
import terraform from './terraform.js';
import kubernetes from './kubernetes.js';
import gitlabCi from './gitlab-ci.js';
import flyConfig from './fly-config.js';
import renderBlueprint from './render-blueprint.js';
import vercelConfig from './vercel-config.js';
import netlifyConfig from './netlify-config.js';
import supabaseConfig from './supabase-config.js';
import heroku from './heroku.js';
import prismaSchema from './prisma-schema.js';
import sqlRoles from './sql-roles.js';
import aiSdkUsage from './ai-sdk-usage.js';
import aiWorkflows from './ai-workflows.js';
import aiGateways from './ai-gateways.js';

export const inventoryParsers: InventoryParser[] = [
  // (parsers)
  envFiles,
  railwayConfig,
  githubWorkflows,
  compose,
  packageScripts,
  agentConfigs,
  terraform,
  kubernetes,
  gitlabCi,
  flyConfig,
  renderBlueprint,
  vercelConfig,
  netlifyConfig,
  supabaseConfig,
  heroku,
  prismaSchema,
  sqlRoles,
  aiSdkUsage,
  aiWorkflows,
  aiGateways,
];

// The shell-command readers, for the guard that judges a proposed command the way the inventory judges a script.
export { destructiveCommands, destructiveStatement } from './destructive-commands.js';
export { shellCommands } from './shell-words.js';
