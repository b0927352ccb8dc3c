// Renders a scan in the chosen format; every output passes through the vault's scrubber as a last line of defence.
// Async because the HTML report draws its graph with Graphviz compiled to WebAssembly, which loads asynchronously.
import type { ScanResult } from '../scan.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import { renderDot } from './dot.js';
import { renderHtml } from './html.js';
import { escapeJsonText } from './safe-text.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown', 'html', 'dot'] as const;
export type Format = (typeof FORMATS)[number];

export async function render(result: ScanResult, format: Format, opts: { color: boolean; width?: number }): Promise<string> {
  let text: string;
  switch (format) {
    case 'json':
      text = escapeJsonText(renderJson(result));
      break;
    case 'sarif':
      text = escapeJsonText(renderSarif(result));
      break;
    case 'markdown':
      text = renderMarkdown(result);
      break;
    case 'html':
      text = await renderHtml(result);
      break;
    case 'dot':
      text = renderDot(result);
      break;
    default:
      text = renderTable(result, opts);
  }
  return result.vault.scrub(text);
}
