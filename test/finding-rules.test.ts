// Runs every finding rule's own examples through the whole pipeline: the rule fires on its positives and stays
// quiet on its near-misses.
import { describe, expect, it } from 'vitest';
import { findingRules } from '../detectors/rules/index.js';
import { CATEGORIES } from '../src/core/types.js';
import { chainText } from '../src/pipeline/chain.js';
import { scanRepo } from './helpers/scan.js';

describe('finding rules', () => {
  it('have unique ids, a category, help and both kinds of example', () => {
    const ids = findingRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of findingRules) {
      expect(CATEGORIES).toContain(r.meta.category);
      expect(r.meta.help.references.length, r.meta.id).toBeGreaterThan(0);
      expect(r.examples.some((e) => e.fires), r.meta.id).toBe(true);
      expect(r.examples.some((e) => !e.fires), r.meta.id).toBe(true);
    }
  });

  for (const rule of findingRules) {
    describe(rule.meta.id, () => {
      for (const ex of rule.examples) {
        it(`${ex.fires ? 'fires on' : 'ignores'}: ${ex.name}`, async () => {
          const result = await scanRepo(ex.repo);
          const mine = result.findings.filter((f) => f.ruleId === rule.meta.id);
          if (!ex.fires) {
            expect(mine.map((f) => f.message)).toEqual([]);
            return;
          }
          expect(mine.length).toBeGreaterThan(0);
          if (ex.mentions) expect(mine.map((f) => `${f.message} ${chainText(f.chain)}`).join('\n')).toContain(ex.mentions);
          for (const f of mine) {
            expect(f.category).toBe(rule.meta.category);
            expect(f.fingerprint).toMatch(/^[0-9a-f]{20}$/);
            for (const l of f.locations) {
              expect(l.startLine).toBeGreaterThanOrEqual(1);
              expect(Object.keys(ex.repo)).toContain(l.path);
            }
          }
        });
      }
    });
  }
});
