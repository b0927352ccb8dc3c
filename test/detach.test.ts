import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Detacher } from '../src/core/detach.js';

describe('Detacher', () => {
  it('copies arrays and plain objects deeply, with equal content', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = new Detacher().copy(value);
        expect(copy).toStrictEqual(value);
        if (value !== null && typeof value === 'object') expect(copy).not.toBe(value);
      }),
    );
  });

  it('keeps undefined properties and shares objects that are not plain (they are not cut from file text)', () => {
    const set = new Set(['a']);
    const value = { a: undefined, set, nested: [{ name: 'a-variable-name-longer-than-13' }] };
    const copy = new Detacher().copy(value);
    expect(Object.keys(copy)).toEqual(['a', 'set', 'nested']);
    expect(copy.set).toBe(set);
    expect(copy.nested[0]).not.toBe(value.nested[0]);
    expect(copy.nested[0]!.name).toBe('a-variable-name-longer-than-13');
  });

  it('keeps an object reached twice shared in the copy', () => {
    const signals = ['railway'];
    const copy = new Detacher().copy({ uses: [{ signals }, { signals }] });
    expect(copy.uses[0]!.signals).not.toBe(signals);
    expect(copy.uses[0]!.signals).toBe(copy.uses[1]!.signals);
  });

  it('copies substrings of a large text, short and long', () => {
    const text = `${'x'.repeat(100_000)}const token = "${'k'.repeat(200)}";`;
    const d = new Detacher();
    const name = text.slice(100_006, 100_011);
    const long = text.slice(100_015, 100_215);
    expect(d.string(name)).toBe('token');
    expect(d.string(long)).toBe('k'.repeat(200));
  });
});
