// Renders a scan in the chosen format; every output passes through the vault's scrubber as a last line of defence.
import type { ScanResult } from '../scan.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function render(result: ScanResult, format: Format, opts: { color: boolean; width?: number }): string {
  const text =
    format === 'json'
      ? renderJson(result)
      : format === 'sarif'
        ? renderSarif(result)
        : format === 'markdown'
          ? renderMarkdown(result)
          : renderTable(result, opts);
  return result.vault.scrub(text);
}
