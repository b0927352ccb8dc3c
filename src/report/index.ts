// Renders a scan in the chosen format; every output passes through the vault's scrubber as a last line of defence.
// Async because the HTML report draws its graph with Graphviz compiled to WebAssembly, which loads asynchronously.
import type { ScanResult } from '../scan.js';
import { toJsonReport } from './json.js';
import { toSarif } from './sarif.js';
import { prettyJsonPieces } from './json-stream.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import { renderDot } from './dot.js';
import { renderHtml } from './html.js';
import { escapeJsonText } from './safe-text.js';

import type { Format } from './formats.js';

export { FORMATS, type Format } from './formats.js';

/** The whole report as one string. */
export async function render(result: ScanResult, format: Format, opts: { color: boolean; width?: number }): Promise<string> {
  const parts: string[] = [];
  for await (const part of renderParts(result, format, opts)) parts.push(part);
  return parts.join('');
}

/** Pieces of at least this many characters are scrubbed and handed on (JSON and SARIF reports). */
const PART_SIZE = 1 << 16;

/**
 * The report in scrubbed parts, to be written as they come: a JSON or SARIF report of a large tree is never held
 * whole. Parts end between JSON tokens, so no value is ever split across two scrubs.
 */
export async function* renderParts(result: ScanResult, format: Format, opts: { color: boolean; width?: number }): AsyncGenerator<string> {
  if (format !== 'json' && format !== 'sarif') return yield result.vault.scrub(await renderText(result, format, opts));
  const finish = (text: string) => result.vault.scrub(escapeJsonText(text));
  let batch: string[] = [];
  let size = 0;
  for (const piece of prettyJsonPieces(format === 'json' ? toJsonReport(result) : toSarif(result))) {
    batch.push(piece);
    size += piece.length;
    if (size >= PART_SIZE) {
      yield finish(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  batch.push('\n');
  yield finish(batch.join(''));
}

async function renderText(result: ScanResult, format: Exclude<Format, 'json' | 'sarif'>, opts: { color: boolean; width?: number }): Promise<string> {
  switch (format) {
    case 'markdown':
      return renderMarkdown(result);
    case 'html':
      return renderHtml(result);
    case 'dot':
      return renderDot(result);
    default:
      return renderTable(result, opts);
  }
}
