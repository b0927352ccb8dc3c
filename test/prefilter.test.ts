// The keyword prefilter selects exactly the rules whose keywords occur in a text (ASCII case-insensitively), every
// keyword-less rule, and nothing else, in rule order; and it agrees with a plain substring search on every rule set.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeywordPrefilter } from '../src/pipeline/prefilter.js';
import { credentialRules } from '../detectors/credentials/index.js';

const naive = (lists: string[][], text: string): number[] =>
  lists.flatMap((kws, i) => (kws.length === 0 || kws.some((k) => text.toLowerCase().includes(k.toLowerCase())) ? [i] : []));

describe('KeywordPrefilter', () => {
  it('selects by keyword, case-insensitively, plus the keyword-less rules, ascending', () => {
    const p = new KeywordPrefilter([['ghp_'], [], ['AKIA', 'asia'], ['token'], ['ghp_', 'xoxb-']]);
    expect(p.selected('export GITHUB=GHP_abc')).toEqual([0, 1, 4]);
    expect(p.selected('no keyword here')).toEqual([1]);
    expect(p.selected('AsIaXXXX token=1 xoxb-1')).toEqual([1, 2, 3, 4]);
  });

  it('finds keywords that overlap or end inside one another (failure links)', () => {
    const p = new KeywordPrefilter([['secret_key'], ['key'], ['et_k'], ['cretx']]);
    expect(p.selected('MY_SECRET_KEY=1')).toEqual([0, 1, 2]);
    expect(p.selected('secretx')).toEqual([3]);
  });

  it('refuses a keyword that is not ASCII (folding would differ from /i)', () => {
    expect(() => new KeywordPrefilter([['clé']])).toThrow('keyword "clé" is not ASCII');
  });

  it('agrees with a substring search over the built-in rules’ keywords', () => {
    const lists = credentialRules.map((r) => [...r.keywords]);
    const p = new KeywordPrefilter(lists);
    const words = [...new Set(lists.flat())];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words).map((w) => (w.length % 2 ? w.toUpperCase() : w)), fc.string({ maxLength: 6 })), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(p.selected(text)).toEqual(naive(lists, text));
      }),
      { numRuns: 300 },
    );
  });
});
