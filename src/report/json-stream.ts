// `JSON.stringify(value, null, 2)` in pieces: a large report (tens of megabytes at 100,000 files) is written as it is
// produced instead of being built as one string, then escaped, scrubbed and encoded as three more copies.

/** Containers this deep are split into pieces; deeper ones are stringified whole (one finding, one resource). */
const SPLIT_DEPTH = 3;

/** Yields text whose concatenation is exactly `JSON.stringify(value, null, 2)`; each piece holds whole tokens. */
export function* prettyJsonPieces(value: unknown, indent = '', depth = 0): Generator<string> {
  if (depth >= SPLIT_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value, null, 2);
    yield indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      yield* prettyJsonPieces(omitted(value[i]) ? null : value[i], inner, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    return yield `${indent}]`;
  }
  const keys = Object.keys(value).filter((k) => !omitted((value as Record<string, unknown>)[k]));
  if (keys.length === 0) return yield '{}';
  yield '{\n';
  for (const [i, k] of keys.entries()) {
    yield `${inner}${JSON.stringify(k)}: `;
    yield* prettyJsonPieces((value as Record<string, unknown>)[k], inner, depth + 1);
    yield i < keys.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}
