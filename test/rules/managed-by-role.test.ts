import { strict as assert } from 'assert';
import { dedent, ofRule, rangeText } from '../support/helpers';
import { fixed, JSON_URI, lintValid, only, preferred, titles } from './landscape-fixtures';

const RULE = 'managed-by-role';

const BASE = [
  'landscape: T',
  'systems:',
  '  SOL: { role: solman, release: 7.2 SPS08 }',
  '  FRN: { role: frun, release: "2.0" }',
  '  EDV: { role: abap, connection: none, noteAssistant: { enabled: false } }',
].join('\n');

function managed(connection: string, managedBy: string): string {
  return `${BASE}\n  XYZ: { role: abap, connection: ${connection}, managedBy: ${managedBy}, noteAssistant: { enabled: false } }\n`;
}

describe(RULE, () => {
  const table: [string, string, boolean][] = [
    ['solman', 'SOL', false],
    ['frun', 'FRN', false],
    ['solman', 'FRN', true],
    ['frun', 'SOL', true],
    ['solman', 'EDV', true],
    ['frun', 'EDV', true],
    ['solman', 'XYZ', true], // itself, an ABAP system
  ];
  for (const [connection, target, error] of table) {
    it(`connection ${connection}, managedBy ${target}: ${error ? 'error' : 'nothing'}`, () => {
      const found = ofRule(lintValid(managed(connection, target)), RULE);
      assert.deepEqual(found.map((f) => f.system), error ? ['XYZ'] : []);
      if (error) assert.equal(found[0].severity, 'error');
    });
  }

  it('an unknown SID is left to unknown-reference; connection direct/none is not checked', () => {
    assert.equal(ofRule(lintValid(managed('solman', 'SOX')), RULE).length, 0);
    assert.equal(ofRule(lintValid(managed('direct', 'FRN')), RULE).length, 0);
    assert.equal(ofRule(lintValid(managed('none', 'EDV')), RULE).length, 0);
  });

  it('message, range and related information', () => {
    const r = lintValid(managed('frun', 'SOL'));
    const f = only(r, RULE, 'XYZ');
    assert.equal(f.message, 'XYZ connects through Focused Run (connection: frun) but managedBy SOL is SAP Solution Manager (role: solman): set it to FRN, or set connection to solman');
    assert.equal(rangeText(f), '5:50-5:53');
    assert.deepEqual(f.related?.map((x) => `${x.message} @${rangeText({ ...f, range: x.range })}`), ['SOL has role solman @2:15-2:21']);
    assert.deepEqual(titles(f), ['Set managedBy to FRN', 'Set connection to solman (XYZ is managed by SAP Solution Manager SOL)']);
    assert.deepEqual(preferred(f), ['Set managedBy to FRN']);
  });

  it('both fixes (YAML flow) remove the finding', () => {
    const text = managed('frun', 'SOL');
    const r = lintValid(text);
    const f = only(r, RULE, 'XYZ');
    const a = fixed(r, f, 0);
    assert.equal(a.text, managed('frun', 'FRN'));
    assert.equal(ofRule(a.result, RULE).length, 0);
    const b = fixed(r, f, 1);
    assert.equal(b.text, managed('solman', 'SOL'));
    assert.equal(ofRule(b.result, RULE).length, 0);
  });

  it('several systems of the right role: the fixes are a choice, none is preferred', () => {
    const r = lintValid(managed('solman', 'FRN').replace('  EDV:', '  SO2: { role: solman, release: 7.2 SPS08 }\n  EDV:'));
    const f = only(r, RULE, 'XYZ');
    assert.deepEqual(titles(f), ['Set managedBy to SOL', 'Set managedBy to SO2', 'Set connection to frun (XYZ is managed by Focused Run FRN)']);
    assert.deepEqual(preferred(f), []);
  });

  it('an ABAP target offers no connection change; without a system of the role, says to add one', () => {
    const r = lintValid(dedent(`
      landscape: T
      systems:
        EDV: { role: abap, connection: none, noteAssistant: { enabled: false } }
        XYZ:
          role: abap
          connection: frun
          managedBy: EDV
          noteAssistant: { enabled: false }
    `));
    const f = only(r, RULE, 'XYZ');
    assert.equal(f.message, 'XYZ connects through Focused Run (connection: frun) but managedBy EDV is an ABAP system (role: abap): add the Focused Run system under systems and name it here');
    assert.equal(rangeText(f), '6:15-6:18');
    assert.deepEqual(titles(f), []);
  });

  it('JSON fix', () => {
    const json = [
      '{',
      '  "landscape": "T",',
      '  "systems": {',
      '    "SOL": { "role": "solman", "release": "7.2 SPS08" },',
      '    "FRN": { "role": "frun", "release": "2.0" },',
      '    "CRP": {',
      '      "role": "abap",',
      '      "connection": "solman",',
      '      "managedBy": "FRN"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, 'CRP');
    assert.equal(rangeText(f), '8:19-8:24');
    assert.equal(fixed(r, f, 0).text, json.replace('"managedBy": "FRN"', '"managedBy": "SOL"'));
    const b = fixed(r, f, 1);
    assert.equal(b.text, json.replace('"connection": "solman"', '"connection": "frun"'));
    assert.equal(ofRule(b.result, RULE).length, 0);
  });

  it('many systems of the right role: at most 5 "set managedBy" fixes (the closest first), the message says how many more', () => {
    const sols = ['SOL', 'SO2', 'SO3', 'SO4', 'SO5', 'SO6', 'SO7'];
    const text = ['landscape: T', 'systems:', ...sols.map((sid) => `  ${sid}: { role: solman, release: 7.2 SPS08 }`),
      '  FRN: { role: frun, release: "2.0" }', '  XYZ: { role: abap, connection: solman, managedBy: FRN, noteAssistant: { enabled: false } }', ''].join('\n');
    const f = only(lintValid(text), RULE, 'XYZ');
    assert.deepEqual(titles(f), [...sols.slice(0, 5).map((sid) => `Set managedBy to ${sid}`), 'Set connection to frun (XYZ is managed by Focused Run FRN)']);
    assert.equal(f.message, 'XYZ connects through SAP Solution Manager (connection: solman) but managedBy FRN is Focused Run (role: frun): set it to SOL or SO2 or SO3 or SO4 or SO5 (or one of 2 more SAP Solution Manager systems), or set connection to frun');
    assert.deepEqual(preferred(f), []);
  });
});
