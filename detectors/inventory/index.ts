// Every inventory parser. Each claims files by path/kind and turns them into resources and variable uses.
import type { InventoryParser } from '../../src/detector-api.js';
// (parser imports)

export const inventoryParsers: InventoryParser[] = [
  // (parsers)
];
