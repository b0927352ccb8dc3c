// Runs every credential rule's own labelled examples: positives must be found by that rule, negatives by none.
import { describe, expect, it } from 'vitest';
import { credentialRules } from '../detectors/credentials/index.js';
import { RuleEngine } from '../src/pipeline/extract.js';
import { sourceFile } from './helpers/files.js';

const engine = new RuleEngine(credentialRules);
const asExample = (e: string | { text: string; path?: string }) => (typeof e === 'string' ? { text: e, path: 'example.txt' } : { path: 'example.txt', ...e });

describe('credential rules', () => {
  it('have unique ids and complete metadata', () => {
    const ids = credentialRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of credentialRules) {
      expect(r.meta.help.why.length, r.meta.id).toBeGreaterThan(20);
      expect(r.meta.help.fix.length, r.meta.id).toBeGreaterThan(20);
      expect(r.meta.help.references.length, r.meta.id).toBeGreaterThan(0);
      expect(r.examples.positive.length, r.meta.id).toBeGreaterThan(0);
      expect(r.examples.negative.length, r.meta.id).toBeGreaterThan(0);
    }
  });

  for (const rule of credentialRules) {
    describe(rule.meta.id, () => {
      rule.examples.positive.forEach((ex, i) => {
        it(`finds positive example ${i + 1}`, () => {
          const { text, path } = asExample(ex);
          const found = engine.scanFile(sourceFile(path, text));
          expect(found.map((f) => f.rule.meta.id)).toContain(rule.meta.id);
        });
      });
      rule.examples.negative.forEach((ex, i) => {
        it(`ignores near-miss ${i + 1}`, () => {
          const { text, path } = asExample(ex);
          const found = engine.scanFile(sourceFile(path, text));
          expect(found.map((f) => `${f.rule.meta.id}`)).not.toContain(rule.meta.id);
        });
      });
    });
  }
});
