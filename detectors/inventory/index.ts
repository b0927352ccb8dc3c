// Every inventory parser. Each claims files by path/kind and turns them into resources and variable uses.
import type { InventoryParser } from '../../src/detector-api.js';
// (parser imports)
import envFiles from './env-files.js';
import railwayConfig from './railway-config.js';
import githubWorkflows from './github-workflows.js';
import compose from './compose.js';
import packageScripts from './package-scripts.js';
import agentConfigs from './agent-configs.js';
import terraform from './terraform.js';

export const inventoryParsers: InventoryParser[] = [
  // (parsers)
  envFiles,
  railwayConfig,
  githubWorkflows,
  compose,
  packageScripts,
  agentConfigs,
  terraform,
];
