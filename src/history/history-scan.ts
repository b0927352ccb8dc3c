// The credential rules over git history: every file's added lines in every commit, streamed from `git log -p`. It runs
// on the main thread after the working-tree pass: a worker thread beside that pass was measured slower on two cores
// (5.1 s vs 4.2 s on a 5,000-commit history), as it competes with `git log` itself for the second core.
import type { Config } from '../config/config.js';
import type { CommitInfo, Diagnostic } from '../core/types.js';
import type { RawFinding, RuleEngine } from '../pipeline/extract.js';
import { gitHistory, remapLocation, type HistoryStreamOptions } from './history.js';
import { makeSourceFile } from '../pipeline/file-pass.js';
import { parseInlineDirectives, type InlineDirective } from '../config/suppress.js';

/** One file of one commit: its findings (at their real lines) and inline directives. */
export interface HistoryItem {
  path: string;
  commit: CommitInfo;
  raw: RawFinding[];
  directives: InlineDirective[];
  /** Maps the lines of the added text (where the directives were found) to real lines. */
  lineMap: number[];
}

export async function* historyItems(root: string, options: HistoryStreamOptions, config: Config, engine: RuleEngine, diagnostics: Diagnostic[]): AsyncGenerator<HistoryItem> {
  for await (const h of gitHistory(root, options, diagnostics)) {
    const file = { ...makeSourceFile(h.path, h.text, 'tracked', config), commit: h.commit };
    let raw: RawFinding[] = [];
    try {
      raw = engine.scanFile(file);
      for (const r of raw) for (const at of [r.location, ...r.partLocations]) remapLocation(at, h.lineMap);
    } catch (e) {
      diagnostics.push({ path: file.path, code: 'extract-error', message: `credential rules failed on commit ${h.commit.sha.slice(0, 12)}: ${(e as Error).message}` });
    }
    yield { path: h.path, commit: h.commit, raw, directives: parseInlineDirectives(h.text), lineMap: h.lineMap };
  }
}
