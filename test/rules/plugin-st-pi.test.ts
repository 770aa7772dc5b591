import { strict as assert } from 'assert';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const RULE = 'plugin-st-pi';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
const APPS = 'Service Data Control Center (SDCC/SDCCN), System Measurement (USMM) and Service Preparation Check (RTCCTOOL)';

/** One ABAP system; `components` holds the given ST-PI (and always an ST-A/PI, so only ST-PI varies). */
function abap(basis: string, stPi: string | undefined, connection = 'direct'): string {
  return [
    'landscape: T',
    'systems:',
    '  EDV:',
    '    role: abap',
    `    connection: ${connection}`,
    `    basis: ${basis}`,
    '    components:',
    ...(stPi === undefined ? [] : [`      ST-PI: ${stPi}`]),
    '      ST-A/PI: 01T_731 SP01',
    '',
  ].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).filter((f) => f.severity === 'error'), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule plugin-st-pi (guide 2.1.1.1, 2.1.1.2)', () => {
  // [SAP_BASIS, ST-PI, expected: undefined = no finding, else [required, fix target, guide hint]]
  // Thresholds typed in from the guide: 2.1.1.1 "ST-PI 2008_1_7xx SP20"; 2.1.1.2.1 and 2.1.1.2.2
  // "ST-PI 740 SP10" on SAP_BASIS 740 SP7 and below / SP8 and above.
  const table: [string, string, [string, string, string] | undefined][] = [
    ['700 SP30', '2008_1_700 SP19', ['2008_1_7xx SP20', '2008_1_700 SP20', '']],
    ['700 SP30', '2008_1_700 SP20', undefined],
    ['702 SP17', '2008_1_700 SP18', ['2008_1_7xx SP20', '2008_1_700 SP20', '']],
    ['731 SP19', '2008_1_710 SP19', ['2008_1_7xx SP20', '2008_1_710 SP20', '']],
    ['731 SP19', '2008_1_710 SP20', undefined],
    ['731 SP19', '2008_1_710 SP21', undefined],
    ['731 SP19', '2008_1_710 SP7', ['2008_1_7xx SP20', '2008_1_710 SP20', '']],
    ['740 SP07', '740 SP09', ['740 SP10', '740 SP10', ' (guide 2.1.1.2.1, SAP_BASIS 740 SP07)']],
    ['740 SP07', '740 SP10', undefined],
    ['740 SP08', '740 SP09', ['740 SP10', '740 SP10', ' (guide 2.1.1.2.2, SAP_BASIS 740 SP08)']],
    ['740 SP08', '740 SP10', undefined],
    ['740 SP20', '740 SP9', ['740 SP10', '740 SP10', ' (guide 2.1.1.2.2, SAP_BASIS 740 SP20)']],
    ['750 SP13', '740 SP09', ['740 SP10', '740 SP10', '']],
    ['754 SP02', '740 SP10', undefined],
    ['754 SP02', '740 SP12', undefined],
  ];
  for (const [basis, stPi, expected] of table) {
    it(`SAP_BASIS ${basis}, ST-PI ${stPi}: ${expected ? 'error' : 'fine'}`, () => {
      const found = ofRule(lint(abap(basis, stPi)), RULE);
      if (!expected) {
        assert.deepEqual(found, []);
        return;
      }
      const [required, target, hint] = expected;
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, 'error');
      assert.equal(f.system, 'EDV');
      assert.equal(
        f.message,
        `ST-PI ${stPi} is below ${required}${hint}: upgrade to ${target} or higher (Tools for Support Service Sessions on SAP Support Portal), otherwise ${APPS} can no longer connect to the support backbone`,
      );
      assert.equal(rangeText(f), `7:13-7:${13 + stPi.length}`);
      assert.equal(f.fixes?.[0]?.title, `Set ST-PI to ${target} (record the upgrade)`);
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(lint(abap(basis, stPi)), f);
      assert.equal(fixed, abap(basis, target));
      assertFixed(fixed);
    });
  }

  it('ST-PI not recorded: warning on the components key', () => {
    const found = ofRule(lint(abap('731 SP19', undefined)), RULE);
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.system, 'EDV');
    assert.equal(
      f.message,
      `ST-PI is not recorded in components: record the installed ST-PI release and support package; a direct connection needs 2008_1_7xx SP20 or 740 SP10, otherwise ${APPS} stop connecting to the support backbone`,
    );
    assert.equal(rangeText(f), '6:4-6:14');
    assert.equal(f.fixes, undefined, 'the installed version cannot be guessed');
  });

  it('no components at all: warning on the SID key', () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV: { role: abap, connection: direct, basis: 731 SP19 }
    `);
    const found = ofRule(lint(text), RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(rangeText(found[0]!), '2:2-2:5');
  });

  for (const connection of ['solman', 'frun', 'none']) {
    it(`connection ${connection}: not concerned (2.1.1 note)`, () => {
      assert.deepEqual(ofRule(lint(abap('731 SP19', '2008_1_710 SP18', connection)), RULE), []);
      assert.deepEqual(ofRule(lint(abap('731 SP19', undefined, connection)), RULE), []);
    });
  }

  it('ABAP without connection, SolMan and Focused Run: not concerned', () => {
    const text = dedent(`
      landscape: T
      systems:
        AB1: { role: abap, basis: 731 SP19, components: { ST-PI: 2008_1_710 SP01 } }
        SOL: { role: solman, release: 7.2 SPS08, components: { ST-PI: 740 SP01 } }
        FRN: { role: frun, release: "2.0", components: { ST-PI: 740 SP01 } }
    `);
    assert.deepEqual(ofRule(lint(text), RULE), []);
  });

  it('a malformed ST-PI value is left to the schema', () => {
    const r = lint(abap('731 SP19', '2008 SP1'));
    assert.deepEqual(ofRule(r, RULE), []);
    assert.ok(r.findings.some((f) => f.ruleId === 'schema'));
  });

  it('fix in a YAML flow map', () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV: { role: abap, connection: direct, basis: 740 SP05, components: { ST-PI: 740 SP08, ST-A/PI: 01T_731 SP01 } }
    `);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '2:79-2:87');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('ST-PI: 740 SP08', 'ST-PI: 740 SP10'));
    assertFixed(fixed);
  });

  it('fix in JSON', () => {
    const text = `${JSON.stringify({ landscape: 'T', systems: { GRP: { role: 'abap', connection: 'direct', basis: '702 SP17', components: { 'ST-PI': '2008_1_700 SP18', 'ST-A/PI': '01T_702 SP01' } } } }, null, 2)}\n`;
    const uri = 'file:///t.landscape.json';
    const r = lint(text, uri);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(f.system, 'GRP');
    assert.equal(rangeText(f), '8:17-8:34');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('"ST-PI": "2008_1_700 SP18"', '"ST-PI": "2008_1_700 SP20"'));
    assertFixed(fixed, uri);
  });
});
