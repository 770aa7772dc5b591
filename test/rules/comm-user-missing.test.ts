import { strict as assert } from 'assert';
import { dedent, lint, ofRule, rangeText } from '../support/helpers';
import { fixed, JSON_URI, lintValid, only, preferred, titles } from './landscape-fixtures';

const RULE = 'comm-user-missing';

/** One system XYZ (written as a flow map) plus a SolMan and a Focused Run to manage it. */
function one(fields: string): string {
  return dedent(`
    landscape: T
    communicationUsers:
      S0023456790: { description: SolMan }
      S0023456792: { description: Focused Run }
    systems:
      SOL: { role: solman, release: 7.2 SPS08, communicationUser: S0023456790 }
      FRN: { role: frun, release: "2.0", communicationUser: S0023456792 }
      XYZ: { ${fields} }
  `);
}

describe(RULE, () => {
  // guide 2.3 / spec §2: connected systems (solman, frun, direct abap) and SNOTE systems
  const cases: [string, string, number][] = [
    ['abap direct, SNOTE by default', 'role: abap, connection: direct', 1],
    ['abap direct, SNOTE disabled (still connected)', 'role: abap, connection: direct, noteAssistant: { enabled: false }', 1],
    ['abap solman, SNOTE by default', 'role: abap, connection: solman, managedBy: SOL', 1],
    ['abap solman, SNOTE disabled', 'role: abap, connection: solman, managedBy: SOL, noteAssistant: { enabled: false }', 0],
    ['abap frun, SNOTE enabled explicitly', 'role: abap, connection: frun, managedBy: FRN, noteAssistant: { enabled: true }', 1],
    ['abap frun, SNOTE disabled', 'role: abap, connection: frun, managedBy: FRN, noteAssistant: { enabled: false }', 0],
    ['abap none, SNOTE by default', 'role: abap, connection: none', 1],
    ['abap none, noteAssistant without enabled', 'role: abap, connection: none, noteAssistant: { tci: true }', 1],
    ['abap none, SNOTE disabled', 'role: abap, connection: none, noteAssistant: { enabled: false }', 0],
    ['solman, SNOTE disabled (still connected)', 'role: solman, release: 7.2 SPS08, noteAssistant: { enabled: false }', 1],
    ['frun', 'role: frun, release: "2.0"', 1],
    ['abap direct with a declared user', 'role: abap, connection: direct, communicationUser: S0023456790', 0],
    ['abap direct with an undeclared user (comm-user-unknown reports it)', 'role: abap, connection: direct, communicationUser: S0023456788', 0],
  ];
  for (const [name, fields, expected] of cases) {
    it(`${name}: ${expected ? 'error' : 'nothing'}`, () => {
      const r = lintValid(one(fields));
      const found = ofRule(r, RULE);
      assert.deepEqual(found.map((f) => f.system), expected ? ['XYZ'] : []);
      if (expected) {
        assert.equal(found[0].severity, 'error');
        // the SID key itself, also for a system written as a flow map
        assert.equal(rangeText(found[0]), '7:2-7:5');
      }
    });
  }

  it('a system without a valid role is left to the schema', () => {
    const r = lint('landscape: T\nsystems:\n  EDV: {}\n  EQA: { role: hana }\n');
    assert.ok(r.findings.some((f) => f.ruleId === 'schema' && f.system === 'EDV'));
    assert.equal(ofRule(r, RULE).length, 0);
  });

  it('a communicationUser of the wrong type is left to the schema', () => {
    const r = lint(one('role: abap, connection: direct, communicationUser: 42'));
    assert.ok(r.findings.some((f) => f.ruleId === 'schema' && f.system === 'XYZ'));
    assert.equal(ofRule(r, RULE).length, 0);
  });

  it('says what to do, with SAP Notes 2174416 and 2740667, and what it needs the user for', () => {
    const direct = only(lintValid(one('role: abap, connection: direct')), RULE, 'XYZ');
    assert.match(direct.message, /^XYZ connects directly to the support backbone but has no communicationUser/);
    assert.match(direct.message, /SAP Note 2174416/);
    assert.match(direct.message, /SAP Note 2740667/);
    assert.match(direct.message, /one user per track/);
    const snote = only(lintValid(one('role: abap, connection: none')), RULE, 'XYZ');
    assert.match(snote.message, /^XYZ uses Note Assistant \(SNOTE\) but has no communicationUser \(SNOTE needs it to download digitally signed SAP Notes\)/);
    const solman = only(lintValid(one('role: solman, release: 7.2 SPS08')), RULE, 'XYZ');
    assert.match(solman.message, /^SAP Solution Manager XYZ connects/);
  });

  it('range is the SID key in block style', () => {
    const r = lintValid(dedent(`
      landscape: T
      systems:
        GRP:
          role: abap
          connection: direct
    `));
    assert.equal(rangeText(only(r, RULE, 'GRP')), '2:2-2:5');
  });

  it('offers a fix per declared user (at most 5), preferring the user of the same track', () => {
    const text = dedent(`
      landscape: T
      communicationUsers:
        S0023456790: { description: SolMan }
        S0023456789: { description: ERP track }
        S0023456791: { description: spare }
      tracks:
        ERP: [EDV, EPR]
      systems:
        SOL: { role: solman, release: 7.2 SPS08, communicationUser: S0023456790 }
        EDV:
          role: abap
          connection: direct
          communicationUser: S0023456789
        EPR:
          role: abap
          connection: direct
    `);
    const r = lintValid(text);
    const f = only(r, RULE, 'EPR');
    assert.deepEqual(titles(f), [
      'Set communicationUser to S0023456789',
      'Set communicationUser to S0023456791',
      'Set communicationUser to S0023456790',
    ]);
    assert.deepEqual(preferred(f), ['Set communicationUser to S0023456789']);
    const { text: out, result } = fixed(r, f);
    assert.equal(out, text.replace('  EPR:\n    role: abap\n    connection: direct\n', '  EPR:\n    role: abap\n    connection: direct\n    communicationUser: S0023456789\n'));
    assert.equal(ofRule(result, RULE).length, 0);
    // a system in no track gets an unused user first (so the fix does not share a user across tracks)
    const sbx = only(lintValid(text + '  SBX: { role: abap, connection: none }\n'), RULE, 'SBX');
    assert.deepEqual(preferred(sbx), ['Set communicationUser to S0023456791']);
  });

  it('many declared users: at most 5 fixes — the track\'s user, then users no system uses, then the others', () => {
    const users = Array.from({ length: 12 }, (_, i) => `S00234567${String(i).padStart(2, '0')}`);
    const text = [
      'landscape: T',
      'communicationUsers:',
      ...users.map((u) => `  ${u}: { description: user ${u} }`),
      'tracks:',
      '  ERP: [EDV, EPR]',
      'systems:',
      `  EDV: { role: abap, connection: direct, communicationUser: ${users[7]} }`,
      `  BWD: { role: abap, connection: direct, communicationUser: ${users[0]} }`,
      `  BWP: { role: abap, connection: direct, communicationUser: ${users[2]} }`,
      '  EPR: { role: abap, connection: direct }',
      '',
    ].join('\n');
    const f = only(lintValid(text), RULE, 'EPR');
    // the same-track user first, then the unused ones in file order (users[0] and users[2] are taken)
    assert.deepEqual(titles(f), [users[7], users[1], users[3], users[4], users[5]].map((u) => `Set communicationUser to ${u}`));
    assert.deepEqual(preferred(f), [`Set communicationUser to ${users[7]}`]);
    assert.deepEqual(f.data?.candidates, [users[7], users[1], users[3], users[4], users[5]]);
  });

  it('flow-style system: the fix inserts into the flow map', () => {
    const r = lintValid(one('role: abap, connection: none'));
    const f = only(r, RULE, 'XYZ');
    assert.equal(titles(f)[0], 'Set communicationUser to S0023456790');
    const { text, result } = fixed(r, f);
    assert.ok(text.includes('  XYZ: { role: abap, connection: none, communicationUser: S0023456790 }\n'), text);
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('JSON: the fix inserts the key', () => {
    const json = [
      '{',
      '  "landscape": "T",',
      '  "communicationUsers": { "S0023456789": { "description": "ERP" } },',
      '  "systems": {',
      '    "EDV": {',
      '      "role": "abap",',
      '      "connection": "direct"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, 'EDV');
    assert.equal(rangeText(f), '4:4-4:9');
    const { text, result } = fixed(r, f);
    assert.equal(text, json.replace('"connection": "direct"\n', '"connection": "direct",\n      "communicationUser": "S0023456789"\n'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('no declared users: no fix, and the message says to declare one', () => {
    const r = lintValid(dedent(`
      landscape: T
      systems:
        EDV: { role: abap, connection: direct }
    `));
    const f = only(r, RULE, 'EDV');
    assert.deepEqual(titles(f), []);
    assert.match(f.message, /declare it under communicationUsers/);
  });
});
