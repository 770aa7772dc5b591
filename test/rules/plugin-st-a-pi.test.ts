import { strict as assert } from 'assert';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const RULE = 'plugin-st-a-pi';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
const APPS = 'Service Data Control Center (SDCC/SDCCN), System Measurement (USMM) and Service Preparation Check (RTCCTOOL)';

/** One ABAP system; `components` holds the given ST-A/PI (and always a valid ST-PI). */
function abap(stApi: string | undefined, connection = 'direct'): string {
  return [
    'landscape: T',
    'systems:',
    '  EDV:',
    '    role: abap',
    `    connection: ${connection}`,
    '    basis: 731 SP19',
    '    components:',
    '      ST-PI: 2008_1_710 SP20',
    ...(stApi === undefined ? [] : [`      ST-A/PI: ${stApi}`]),
    '',
  ].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule plugin-st-a-pi (guide 2.1.1.3)', () => {
  // Guide 2.1.1.3: "you must install ST-A/PI 01T* SP01"; a later release letter is newer at any SP.
  // [ST-A/PI, fix target or undefined = fine]
  const table: [string, string | undefined][] = [
    ['01S_731 SP99', '01T_731 SP01'],
    ['01S_700 SP03', '01T_700 SP01'],
    ['01R_731 SP02', '01T_731 SP01'],
    ['01T_731 SP00', '01T_731 SP01'],
    ['01T_731 SP0', '01T_731 SP01'],
    ['01T_731 SP01', undefined],
    ['01T_731 SP1', undefined],
    ['01T_700 SP02', undefined],
    ['01U_731 SP00', undefined],
    ['01V_731 SP00', undefined],
  ];
  for (const [stApi, target] of table) {
    it(`ST-A/PI ${stApi}: ${target ? 'error' : 'fine'}`, () => {
      const r = lint(abap(stApi));
      const found = ofRule(r, RULE);
      if (!target) {
        assert.deepEqual(found, []);
        return;
      }
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, 'error');
      assert.equal(f.system, 'EDV');
      assert.equal(
        f.message,
        `ST-A/PI ${stApi} is below 01T* SP01: upgrade to ${target} or higher (Tools for Support Service Sessions on SAP Support Portal), otherwise ${APPS} can no longer connect to the support backbone`,
      );
      assert.equal(rangeText(f), `8:15-8:${15 + stApi.length}`);
      assert.equal(f.fixes?.[0]?.title, `Set ST-A/PI to ${target} (record the upgrade)`);
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, f);
      assert.equal(fixed, abap(target));
      assertFixed(fixed);
    });
  }

  it('ST-A/PI not recorded: warning on the components key', () => {
    const found = ofRule(lint(abap(undefined)), RULE);
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.system, 'EDV');
    assert.equal(
      f.message,
      `ST-A/PI is not recorded in components: record the installed ST-A/PI release and support package; a direct connection needs 01T* SP01 or higher, otherwise ${APPS} stop connecting to the support backbone`,
    );
    assert.equal(rangeText(f), '6:4-6:14');
  });

  it('no components at all: warning on the SID key', () => {
    const text = dedent(`
      landscape: T
      systems:
        GRP:
          role: abap
          connection: direct
          basis: 702 SP17
    `);
    const found = ofRule(lint(text), RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(found[0]!.system, 'GRP');
    assert.equal(rangeText(found[0]!), '2:2-2:5');
  });

  for (const connection of ['solman', 'frun', 'none']) {
    it(`connection ${connection}: not concerned`, () => {
      assert.deepEqual(ofRule(lint(abap('01S_731 SP01', connection)), RULE), []);
      assert.deepEqual(ofRule(lint(abap(undefined, connection)), RULE), []);
    });
  }

  it('ABAP without connection, SolMan and Focused Run: not concerned', () => {
    const text = dedent(`
      landscape: T
      systems:
        AB1: { role: abap, basis: 731 SP19, components: { ST-A/PI: 01S_731 SP01 } }
        SOL: { role: solman, release: 7.2 SPS08 }
        FRN: { role: frun, release: "2.0" }
    `);
    assert.deepEqual(ofRule(lint(text), RULE), []);
  });

  it('fix in a YAML flow map', () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV: { role: abap, connection: direct, basis: 731 SP19, components: { ST-PI: 2008_1_710 SP20, ST-A/PI: 01S_731 SP03 } }
    `);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '2:105-2:117');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('ST-A/PI: 01S_731 SP03', 'ST-A/PI: 01T_731 SP01'));
    assertFixed(fixed);
  });

  it('fix in JSON', () => {
    const text = `${JSON.stringify({ landscape: 'T', systems: { EDV: { role: 'abap', connection: 'direct', basis: '731 SP19', components: { 'ST-PI': '2008_1_710 SP20', 'ST-A/PI': '01T_731 SP00' } } } }, null, 2)}\n`;
    const uri = 'file:///t.landscape.json';
    const r = lint(text, uri);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '9:19-9:33');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('"ST-A/PI": "01T_731 SP00"', '"ST-A/PI": "01T_731 SP01"'));
    assertFixed(fixed, uri);
  });
});
