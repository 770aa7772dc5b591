import { strict as assert } from 'assert';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const RULE = 'frun-release';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

function frun(release: string): string {
  return ['landscape: T', 'systems:', '  FRN:', '    role: frun', `    release: ${release}`, ''].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
  assert.equal(again.model.systemsById.get('FRN')?.release, '2.0', 'the release reads back as the string "2.0"');
}

describe('rule frun-release (guide 2.1.3, 6.2)', () => {
  // Guide 2.1.3: Focused Run 1.0 cannot communicate with the backbone after January 1, 2020 and
  // leaves mainstream maintenance on November 23, 2019; upgrade to Release 2.0.
  // [release as written in YAML, the text the message shows, error expected]
  const table: [string, string, boolean][] = [
    ['"1.0"', '1.0', true],
    ['1.0', '1.0', true],
    ["'1.0'", '1.0', true],
    ['1.0 FP02', '1.0 FP02', true],
    ['"2.0"', '2.0', false],
    ['2.0', '2.0', false],
    ['2.0 FP01', '2.0 FP01', false],
    ['"3.0"', '3.0', false],
  ];
  for (const [written, shown, error] of table) {
    it(`release ${written}: ${error ? 'error' : 'fine'}`, () => {
      const r = lint(frun(written));
      const found = ofRule(r, RULE);
      if (!error) {
        assert.deepEqual(found, []);
        return;
      }
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, 'error');
      assert.equal(f.system, 'FRN');
      assert.equal(
        f.message,
        `Focused Run ${shown} can no longer communicate with the support backbone after January 1, 2020: upgrade to Focused Run 2.0 (1.0 left mainstream maintenance on November 23, 2019)`,
      );
      assert.equal(rangeText(f), `4:13-4:${13 + written.length}`);
      assert.equal(f.fixes?.[0]?.title, 'Set release to "2.0" (record the upgrade)');
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, f);
      // a plain 1.0 becomes the quoted string "2.0"; existing quotes are kept
      const expected = written.startsWith("'") ? "'2.0'" : '"2.0"';
      assert.equal(fixed, frun(expected));
      assertFixed(fixed);
    });
  }

  it('a release the guide does not know is left alone', () => {
    assert.deepEqual(ofRule(lint(frun('"0.9"')), RULE), []);
  });

  it('other roles are not concerned', () => {
    const text = dedent(`
      landscape: T
      systems:
        SOL: { role: solman, release: "1.0" }
        EDV: { role: abap, connection: frun, managedBy: FRN, basis: 754 SP02 }
        FRN: { role: frun, release: "2.0" }
    `);
    assert.deepEqual(ofRule(lint(text), RULE), []);
  });

  it('fix in a YAML flow map', () => {
    const text = dedent(`
      landscape: T
      systems:
        FRN: { role: frun, release: 1.0, basis: 753 SP02 }
    `);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '2:30-2:33');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('release: 1.0', 'release: "2.0"'));
    assertFixed(fixed);
  });

  it('fix in JSON', () => {
    const text = `${JSON.stringify({ landscape: 'T', systems: { FRN: { role: 'frun', release: '1.0' } } }, null, 2)}\n`;
    const uri = 'file:///t.landscape.json';
    const r = lint(text, uri);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '5:17-5:22');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('"release": "1.0"', '"release": "2.0"'));
    assertFixed(fixed, uri);
  });
});
