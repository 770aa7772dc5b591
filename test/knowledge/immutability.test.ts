import { strict as assert } from 'assert';
import * as knowledge from '../../server/src/knowledge';

describe('knowledge tables are read-only at run time', () => {
  for (const [name, value] of Object.entries(knowledge)) {
    if (value === null || typeof value !== 'object' || value instanceof RegExp) continue;
    it(`${name} is frozen`, () => assert.ok(Object.isFrozen(value), name));
  }
  it('nested rows are frozen too', () => {
    assert.ok(Object.isFrozen(knowledge.TCI_PROCEDURE[0]));
    assert.ok(Object.isFrozen(knowledge.TCI_PROCEDURE[0]?.prerequisiteNotes));
    assert.ok(Object.isFrozen(knowledge.NOTE_CATALOGUE[0]?.sections));
    assert.throws(() => {
      (knowledge.DIGITAL_SIGNATURE_MIN_SP as unknown as { minSp: number }[])[0]!.minSp = 1;
    }, TypeError);
  });
});
