// lineAssignments (the engine's shortcut for key/value files) finds exactly what the whole-file scan finds on the
// line of the offset asked about, whatever the text: the credential engine's `variable` depends on it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyValueAssignments, lineAssignments } from '../src/pipeline/assignments.js';
import type { SourceFile } from '../src/core/types.js';
import { LineIndex } from '../src/core/text.js';

const file = (text: string, path = 'config/app.yaml'): SourceFile => ({
  path,
  text,
  gitStatus: 'tracked',
  kind: 'k8s',
  environment: { environment: 'unknown', reason: 'test' },
});

/** The whole-file bindings whose value starts on the line holding `at`. */
function onLine(text: string, at: number) {
  const from = Math.max(0, text.lastIndexOf('\n', at - 1));
  const end = text.indexOf('\n', at);
  const to = end === -1 ? text.length : end;
  return keyValueAssignments(text).filter((a) => a.index >= from && a.index < to);
}

const PIECES = ['\n', '\r\n', ' ', '\t', 'key', 'API_TOKEN', '"db.password"', ':', '=', ':=', '=>', '"', "'", '`', 'abc123XYZ', 'v', '{', ',', ';', '(', '#', '-', '.'];

describe('lineAssignments', () => {
  it('equals the whole-file scan restricted to the line, at every offset of arbitrary key/value text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (let at = 0; at <= text.length; at++) expect(lineAssignments(file(text), at, new LineIndex(text))).toEqual(onLine(text, at));
      }),
      { numRuns: 400 },
    );
  });

  it('reads the line of the offset only', () => {
    const text = 'a: 1\nsecret_key: "x1y2"\nother=3\n';
    expect(lineAssignments(file(text), text.indexOf('x1y2'), new LineIndex(text))).toEqual([{ name: 'secret_key', value: 'x1y2', index: text.indexOf('x1y2') }]);
  });

  it('leaves env files, TS/JS files and very long lines to the whole-file bindings', () => {
    expect(lineAssignments({ ...file('A=1\n', '.env'), kind: 'env' }, 2, new LineIndex('A=1\n'))).toBeUndefined();
    expect(lineAssignments(file('const a = "b";', 'src/a.ts'), 11, new LineIndex('const a = "b";'))).toBeUndefined();
    expect(lineAssignments(file(`k: ${'v'.repeat(5000)}`), 3, new LineIndex(`k: ${'v'.repeat(5000)}`))).toBeUndefined();
  });
});
