// A suggested edit as SARIF states it: text replacements by 1-based line and column.
/** One text replacement, 1-based lines and columns; an empty deleted region is an insertion before it. */
export interface Replacement {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  insertedContent: string;
}
export interface Suggestion {
  path: string;
  description: string;
  /** What it sets, one line (`deletion_protection = true`). */
  change: string;
  replacements: Replacement[];
}

/** The text after the replacements (applied bottom-up so earlier positions stay valid). */
export function applyReplacements(text: string, replacements: Replacement[]): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l - 1).reduce((n, s) => n + s.length + 1, 0) + c - 1;
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.startLine - a.startLine || b.startColumn - a.startColumn)) {
    out = out.slice(0, offset(r.startLine, r.startColumn)) + r.insertedContent + out.slice(offset(r.endLine, r.endColumn));
  }
  return out;
}

