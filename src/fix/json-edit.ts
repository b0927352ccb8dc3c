// Edits a JSON file without disturbing its layout more than the change needs: the file's own indentation and
// trailing newline are kept; a file that does not parse is not edited.
export interface JsonDoc {
  value: Record<string, unknown>;
  indent: string;
  trailingNewline: boolean;
}

export function parseJsonDoc(text: string): JsonDoc | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message.split('\n')[0]})` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'not a JSON object' };
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return { value: value as Record<string, unknown>, indent, trailingNewline: text.endsWith('\n') };
}

export function renderJsonDoc(doc: JsonDoc): string {
  return JSON.stringify(doc.value, null, doc.indent) + (doc.trailingNewline ? '\n' : '');
}

/** The object at `key`, created when missing; undefined when something else is there. */
export function objectAt(parent: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = parent[key];
  if (v === undefined) return (parent[key] = {}) as Record<string, unknown>;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The string array at `key`, created when missing; undefined when something else is there. */
export function stringsAt(parent: Record<string, unknown>, key: string): string[] | undefined {
  const v = parent[key];
  if (v === undefined) return (parent[key] = []) as string[];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}
