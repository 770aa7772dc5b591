import { strict as assert } from 'assert';
import fc from 'fast-check';
import { lintText } from '../../server/src/core/lint';
import { checkProperty, landscapeArb, mutatedLandscapeArb } from './arbitraries';
import { actionsFor, assertRangeValid, checkAction, checkFixAllFixedPoint, linesOf } from './checks';

/**
 * A fix must never damage the user's file: every action the light bulb offers, on generated
 * landscapes in every style and on damaged ones, is applied and checked (see checks.ts).
 * `npm run fuzz -- --runs N --seed S` runs these with more cases.
 */
describe('property: quick-fixes never damage the file', function () {
  this.timeout(0);

  it('every offered quick-fix applies, keeps the file parseable and every comment, leaves other systems alone and reduces its finding', () => {
    // one finding per case (picked at random), all of its actions: many cheap cases beat few big ones
    checkProperty('quick-fixes', fc.property(landscapeArb, fc.nat(), (file, pick) => {
      const r = lintText(file.uri, file.text);
      if (!r.findings.length) return;
      const i = pick % r.findings.length;
      for (const action of actionsFor(r, file.uri, i)) checkAction(file.uri, r, i, action);
    }), 150);
  });

  it('the same on damaged files (no fix adds a syntax error)', () => {
    checkProperty('damaged files', fc.property(mutatedLandscapeArb, fc.nat(), (file, pick) => {
      const r = lintText(file.uri, file.text);
      if (!r.findings.length) return;
      const i = pick % r.findings.length;
      for (const action of actionsFor(r, file.uri, i)) checkAction(file.uri, r, i, action);
    }), 100);
  });

  it('fix-all reaches a fixed point, each round keeping the file parseable', () => {
    checkProperty('fix-all fixed point', fc.property(landscapeArb, (file) => {
      checkFixAllFixedPoint(file.uri, lintText(file.uri, file.text));
    }), 15);
  });

  it('every range the engine reports is valid for the text (findings, related information, fix edits)', () => {
    checkProperty('ranges', fc.property(mutatedLandscapeArb, (file) => {
      const r = lintText(file.uri, file.text);
      const lines = linesOf(file.text);
      for (const f of r.findings) {
        assertRangeValid(file.text, f.range, `${f.ruleId} "${f.message.slice(0, 80)}"`, lines);
        for (const rel of f.related ?? []) if (!rel.uri) assertRangeValid(file.text, rel.range, `related of ${f.ruleId}`, lines);
        for (const fix of f.fixes ?? []) for (const e of fix.edits) assertRangeValid(file.text, e.range, `fix "${fix.title}"`, lines);
        assert.ok(!/^Internal error/.test(f.message), f.message);
      }
    }), 150);
  });
});
