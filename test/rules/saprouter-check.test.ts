import { strict as assert } from 'assert';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const RULE = 'saprouter-check';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

/** One ABAP system; `checked` undefined = no saprouter key. */
function abap(basis: string, checked: boolean | undefined, connection = 'direct'): string {
  return [
    'landscape: T',
    'systems:',
    '  GRP:',
    '    role: abap',
    `    connection: ${connection}`,
    `    basis: ${basis}`,
    ...(checked === undefined ? [] : ['    saprouter:', `      checked: ${checked}`]),
    '',
  ].join('\n');
}

function message(basis: string): string {
  return `SAP_BASIS ${basis} is below 740, so SAProuter settings are not adjusted automatically: check and adjust them per SAP Note 2750491 (the support backbone is reached over HTTPS instead of RFC) and record saprouter.checked: true`;
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule saprouter-check (guide 4.2)', () => {
  // Guide 4.2: "If your SAP system is running on Basis Release 740 or higher, your SAProuter
  // settings will be adjusted automatically"; otherwise check them per SAP Note 2750491.
  // [SAP_BASIS, saprouter.checked, warning expected]
  const table: [string, boolean | undefined, boolean][] = [
    ['702 SP17', false, true],
    ['702 SP17', undefined, true],
    ['702 SP17', true, false],
    ['700 SP35', false, true],
    ['731 SP19', false, true],
    ['731 SP19', true, false],
    ['740 SP00', false, false],
    ['740 SP07', undefined, false],
    ['750 SP13', false, false],
    ['754 SP02', undefined, false],
  ];
  for (const [basis, checked, warn] of table) {
    it(`SAP_BASIS ${basis}, checked ${String(checked)}: ${warn ? 'warning' : 'fine'}`, () => {
      const text = abap(basis, checked);
      const r = lint(text);
      const found = ofRule(r, RULE);
      if (!warn) {
        assert.deepEqual(found, []);
        return;
      }
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, 'warning');
      assert.equal(f.system, 'GRP');
      assert.equal(f.message, message(basis));
      assert.equal(rangeText(f), checked === undefined ? '2:2-2:5' : '7:15-7:20');
      assert.equal(f.fixes?.[0]?.title, 'Record that SAProuter settings were checked (SAP Note 2750491)');
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, f);
      assert.equal(fixed, abap(basis, true));
      assertFixed(fixed);
    });
  }

  it('saprouter without checked: warning on the saprouter key', () => {
    const text = dedent(`
      landscape: T
      systems:
        GRP:
          role: abap
          connection: direct
          basis: 702 SP17
          saprouter: {}
    `);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '6:4-6:13');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('saprouter: {}', 'saprouter: { checked: true }'));
    assertFixed(fixed);
  });

  it('no basis: nothing to decide', () => {
    assert.deepEqual(ofRule(lint(dedent(`
      landscape: T
      systems:
        GRP: { role: abap, connection: direct }
    `)), RULE), []);
  });

  for (const connection of ['solman', 'frun', 'none']) {
    it(`connection ${connection}: not concerned`, () => {
      assert.deepEqual(ofRule(lint(abap('702 SP17', false, connection)), RULE), []);
    });
  }

  it('ABAP without connection, SolMan and Focused Run: not concerned', () => {
    const text = dedent(`
      landscape: T
      systems:
        AB1: { role: abap, basis: 702 SP17 }
        SOL: { role: solman, release: 7.2 SPS08, basis: 702 SP17 }
        FRN: { role: frun, release: "2.0", basis: 731 SP19 }
    `);
    assert.deepEqual(ofRule(lint(text), RULE), []);
  });

  it('fix in a YAML flow map', () => {
    const text = dedent(`
      landscape: T
      systems:
        GRP: { role: abap, connection: direct, basis: 731 SP19, saprouter: { checked: false } }
    `);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '2:80-2:85');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('checked: false', 'checked: true'));
    assertFixed(fixed);
  });

  it('fix in JSON inserts the saprouter object', () => {
    const text = `${JSON.stringify({ landscape: 'T', systems: { GRP: { role: 'abap', connection: 'direct', basis: '702 SP17' } } }, null, 2)}\n`;
    const uri = 'file:///t.landscape.json';
    const r = lint(text, uri);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '3:4-3:9');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('"basis": "702 SP17"', '"basis": "702 SP17",\n      "saprouter": { "checked": true }'));
    assertFixed(fixed, uri);
  });
});
