// What a rule's checks see of a candidate: the value's place on its line, worked out once for every check.
import { describe, expect, it } from 'vitest';
import { RuleEngine } from '../src/pipeline/extract.js';
import type { CredentialRule, MatchContext } from '../src/core/types.js';
import { sourceFile } from './helpers/files.js';

/** A rule that accepts every `tok_…` value (across lines too) and records what its check saw. */
function recording(): { rule: CredentialRule; seen: Array<{ value: string; valueAt: number; again: number }> } {
  const seen: Array<{ value: string; valueAt: number; again: number }> = [];
  const rule: CredentialRule = {
    meta: { id: 'test-tok', title: 'test', severity: 'low', summary: 'test', help: { why: 'test', fix: 'test', references: [] }, provider: 'test', credentialType: 'token' },
    keywords: ['tok_'],
    pattern: /tok_[a-z]+(?:\n[a-z]+)?/,
    validate: (v: string, ctx: MatchContext) => {
      seen.push({ value: v, valueAt: ctx.valueAt, again: ctx.valueAt });
      return true;
    },
    examples: { positive: [], negative: [] },
  };
  return { rule, seen };
}

describe('MatchContext.valueAt', () => {
  it('is where the value first occurs on its line, -1 for a value that goes on to the next line', () => {
    const { rule, seen } = recording();
    new RuleEngine([rule]).scanFile(sourceFile('a.txt', 'x = tok_abc;\nsay "tok_dup" then tok_dup;\nkey = tok_multi\nline\n'));
    expect(seen.map(({ value, valueAt, again }) => [value, valueAt, again])).toEqual([
      ['tok_abc', 4, 4],
      ['tok_dup', 5, 5],
      // The second copy on the line is found at the first one's place, as `line.indexOf(value)` finds it.
      ['tok_dup', 5, 5],
      ['tok_multi\nline', -1, -1],
    ]);
  });
});
