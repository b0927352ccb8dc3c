// YAML helpers over the `yaml` package's document model: parse with line numbers, walk maps by key, read scalars.
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic, SourceFile } from '../../src/core/types.js';
import { parseError } from './resource-builder.js';

export interface YamlFile {
  doc: Document.Parsed;
  /** 1-based line of a node (or of an offset). */
  lineOf: (node: Node | number | null | undefined) => number;
}

export function parseYaml(file: SourceFile): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    return { diagnostics: [parseError(file, `invalid YAML: ${e.code}: ${e.message.split('\n')[0]!.slice(0, 160)}`, line)] };
  }
  const lineOf = (node: Node | number | null | undefined): number => {
    const offset = typeof node === 'number' ? node : node?.range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };
  return { yaml: { doc, lineOf }, diagnostics: [] };
}

/** The map's entries as [key, value node, pair], for string-like keys. */
export function entries(node: unknown): Array<[string, Node | null, Pair]> {
  if (!isMap(node)) return [];
  const out: Array<[string, Node | null, Pair]> = [];
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined) out.push([key, (pair.value as Node | null) ?? null, pair as Pair]);
  }
  return out;
}

export function get(node: unknown, key: string): Node | null | undefined {
  return entries(node).find(([k]) => k === key)?.[1];
}

/** A scalar's value as a string (numbers and booleans stringified), else undefined. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'object' ? undefined : String(node.value);
}

export function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** Plain JS value of a node. */
export function toJs(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON: () => unknown }).toJSON() : undefined;
}

/** Every scalar under a node, with the key it is bound to (nearest map key). */
export function scalarsUnder(node: unknown, key?: string, out: Array<{ node: Node; key?: string }> = []): Array<{ node: Node; key?: string }> {
  if (isScalar(node)) out.push({ node, ...(key ? { key } : {}) });
  else if (isMap(node)) for (const [k, v] of entries(node)) scalarsUnder(v, k, out);
  else if (isSeq(node)) for (const v of node.items) scalarsUnder(v, key, out);
  return out;
}

/** Every document of a multi-document YAML file (`---`-separated), sharing one line counter. */
export function parseYamlAll(file: SourceFile): { docs: YamlFile[]; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const all = parseAllDocuments(file.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(all) ? all : [];
  const diagnostics: Diagnostic[] = [];
  const lineOf = (node: Node | number | null | undefined): number => {
    const offset = typeof node === 'number' ? node : node?.range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };
  const docs: YamlFile[] = [];
  for (const doc of list) {
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      diagnostics.push(parseError(file, `invalid YAML: ${e.code}: ${e.message.split('\n')[0]!.slice(0, 160)}`, lineCounter.linePos(e.pos[0]).line));
      continue;
    }
    docs.push({ doc, lineOf });
  }
  return { docs, diagnostics };
}
