import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prettyJsonPieces } from '../src/report/json-stream.js';

describe('prettyJsonPieces', () => {
  it('joins to exactly JSON.stringify(value, null, 2), for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect([...prettyJsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and honours toJSON', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), 1], d: new Date(0), e: { toJSON: () => 'x' }, f: { g: { h: { i: [1, { j: 'multi\nline' }] } } } };
    expect([...prettyJsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('never splits a string token between pieces', () => {
    const value = { findings: [{ message: 'a "quoted" value', nested: { deep: ['ghp_secretvalue1234567890'] } }] };
    const pieces = [...prettyJsonPieces(value)];
    expect(pieces.some((p) => p.includes('"ghp_secretvalue1234567890"'))).toBe(true);
    expect(pieces.some((p) => p.includes('"a \\"quoted\\" value"'))).toBe(true);
  });
});
