import { strict as assert } from 'assert';
import fc from 'fast-check';
import { closest } from '../../server/src/core/schema';
import { NearestIndex } from '../../server/src/rules/nearest';
import { fuzzParameters } from '../property/arbitraries';

/**
 * NearestIndex (the "did you mean" index the landscape-wide rules build once per check) answers
 * exactly what closest() of core/schema answers by comparing the word with every candidate:
 * the same candidate, also on ties (the first one in candidate order), with and without excluded
 * candidates, case-insensitively.
 */

// small alphabets make near misses, ties and duplicates likely
const wordArb = fc.oneof(
  fc.stringMatching(/^[ABEPS0-9]{0,12}$/),
  fc.constantFrom('S0023456789', 'S0023456788', 's0023456789', 'EDV', 'edv', 'EPX', 'SOX', '', 'İ', 'ǅ'),
  fc.string({ maxLength: 8 }),
  fc.string({ minLength: 60, maxLength: 70 }),
);

describe('NearestIndex (property)', () => {
  it('equals closest(word, candidates) of core/schema', () => {
    fc.assert(fc.property(fc.array(wordArb, { maxLength: 30 }), fc.array(wordArb, { minLength: 1, maxLength: 8 }), (candidates, words) => {
      const index = new NearestIndex(candidates);
      for (const w of [...words, ...candidates.slice(0, 3)]) assert.equal(index.closest(w), closest(w, candidates), `word ${JSON.stringify(w)}`);
    }), fuzzParameters(300));
  });

  it('with excluded candidates equals closest over the others', () => {
    fc.assert(fc.property(fc.array(wordArb, { maxLength: 30 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), wordArb, (candidates, mask, w) => {
      const excluded = new Set(candidates.filter((_, i) => mask[i % mask.length]));
      const index = new NearestIndex(candidates);
      assert.equal(index.closest(w, (c) => excluded.has(c)), closest(w, candidates.filter((c) => !excluded.has(c))));
    }), fuzzParameters(300));
  });

  it('sequential S-user ids: the nearest one, the first on a tie, none beyond the limit', () => {
    const users = Array.from({ length: 3000 }, (_, i) => `S${String(1000000000 + i).padStart(10, '0')}`);
    const index = new NearestIndex(users);
    for (const w of ['S1000000017', 'S1000000O17', 's1000002999', 'S100000299', 'S10000029999', 'S2999999999', 'X', 'S9000000000', 'S0000000000']) {
      assert.equal(index.closest(w), closest(w, users), w);
    }
  });
});
