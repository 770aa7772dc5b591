import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../server/src/core/edits';
import { combineFixes } from '../../server/src/features/codeActions';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'sdccn-prerequisites';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

// Guide 4.1 "Prerequisites", "For ST-PI 740 on SAP Basis 7.40, Support Package 7 and Below":
// SAP-SUPPORT_PORTAL (type H, SAP Note 2289984), SAP-SUPPORT_PARCELBOX (type G, SAP Note 2716729).
const PORTAL = 'SAP-SUPPORT_PORTAL (type H, SAP Note 2289984)';
const PARCELBOX = 'SAP-SUPPORT_PARCELBOX (type G, SAP Note 2716729)';
const both = (ctx: string): string =>
  `${ctx}: SDCCN needs HTTP destinations ${PORTAL} and ${PARCELBOX}, created by hand in SM59 (guide 4.1); without them SDCCN cannot send data to SAP`;
const one = (ctx: string, d: string): string =>
  `${ctx}: SDCCN needs HTTP destination ${d}, created by hand in SM59 (guide 4.1); without it SDCCN cannot send data to SAP`;

/** One direct ABAP system; line 7 is `destinations:` when given. */
function doc(basis: string, components: string, dest: string[] = [], head: string[] = ['    role: abap', '    connection: direct']): string {
  return ['landscape: T', 'systems:', '  EDV:', ...head, `    basis: ${basis}`, `    components: { ${components} }`, ...dest, ''].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule sdccn-prerequisites (guide 4.1)', () => {
  // [SAP_BASIS, components, expected message or undefined]. SAP_BASIS 740 SP7 and below vs SP8
  // and above; the task-list variants are left to tasklist-oss-comm (not reported twice).
  const table: [string, string, string | undefined][] = [
    ['740 SP07', 'ST-PI: 740 SP10', both('ST-PI 740 SP10 on SAP_BASIS 740 SP07')],
    ['740 SP08', 'ST-PI: 740 SP10', undefined],
    ['740 SP7', 'ST-PI: 740 SP10', both('ST-PI 740 SP10 on SAP_BASIS 740 SP7')],
    ['740 SP8', 'ST-PI: 740 SP10', undefined],
    ['740 SP00', 'ST-PI: 740 SP12, ST-A/PI: 01T_731 SP01', both('ST-PI 740 SP12 on SAP_BASIS 740 SP00')],
    ['740 SP20', 'ST-PI: 740 SP10', undefined],
    ['750 SP05', 'ST-PI: 740 SP10', undefined],
    ['731 SP19', 'ST-PI: 2008_1_710 SP20', undefined],
    ['740 SP05', 'ST-PI: 2008_1_710 SP20', undefined],
    ['740 SP05', 'ST-A/PI: 01T_731 SP01', undefined],
  ];
  for (const [basis, components, message] of table) {
    it(`SAP_BASIS ${basis}, ${components}: ${message ? 'error' : 'no finding'}`, () => {
      const found = ofRule(lint(doc(basis, components)), RULE);
      if (!message) return assert.deepEqual(found, []);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.system, 'EDV');
      assert.equal(found[0]!.message, message);
      assert.equal(rangeText(found[0]!), '2:2-2:5', 'no destinations key: on the SID');
      assert.deepEqual(found[0]!.data?.missingDestinations, ['SAP-SUPPORT_PORTAL', 'SAP-SUPPORT_PARCELBOX']);
    });
  }

  it('one destination missing: on the destinations key', () => {
    const found = ofRule(lint(doc('740 SP07', 'ST-PI: 740 SP10', ['    destinations:', '      SAP-SUPPORT_PORTAL: { type: H }'])), RULE);
    assert.deepEqual(found.map((f) => [f.message, rangeText(f)]), [[one('ST-PI 740 SP10 on SAP_BASIS 740 SP07', PARCELBOX), '7:4-7:16']]);
  });

  it('both present with the right types: no finding', () => {
    const dest = ['    destinations:', '      SAP-SUPPORT_PORTAL: { type: H }', '      SAP-SUPPORT_PARCELBOX: { type: G }'];
    assert.deepEqual(ofRule(lint(doc('740 SP07', 'ST-PI: 740 SP10', dest)), RULE), []);
  });

  it('wrong connection type: error on the type value, fix sets it', () => {
    const dest = (t1: string): string[] => ['    destinations:', `      SAP-SUPPORT_PORTAL: { type: ${t1} }`, '      SAP-SUPPORT_PARCELBOX: { type: G }'];
    const r = lint(doc('740 SP07', 'ST-PI: 740 SP10', dest('G')));
    const found = ofRule(r, RULE);
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(
      f.message,
      'ST-PI 740 SP10 on SAP_BASIS 740 SP07: destination SAP-SUPPORT_PORTAL has type G, but SDCCN needs type H (HTTP connection to an ABAP system) as described in SAP Note 2289984',
    );
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(f), '8:34-8:35');
    assert.equal(f.fixes?.[0]?.title, 'Set type of SAP-SUPPORT_PORTAL to H');
    const fixed = applyFix(r, f);
    assert.equal(fixed, doc('740 SP07', 'ST-PI: 740 SP10', dest('H')));
    assertFixed(fixed);
  });

  describe('systems the rule does not concern', () => {
    const cases: [string, string[]][] = [
      ['abap via solman', ['    role: abap', '    connection: solman', '    managedBy: SOL']],
      ['abap via frun', ['    role: abap', '    connection: frun', '    managedBy: FRN']],
      ['abap without connection', ['    role: abap', '    connection: none']],
      ['solman', ['    role: solman', '    release: 7.2 SPS08']],
    ];
    for (const [name, head] of cases) {
      it(name, () => assert.deepEqual(ofRule(lint(doc('740 SP07', 'ST-PI: 740 SP10', [], head)), RULE), []));
    }
  });

  describe('quick-fix: add the destinations with their type and the communication user', () => {
    it('YAML block, destinations absent', () => {
      const r = lint(doc('740 SP07', 'ST-PI: 740 SP10'));
      const f = ofRule(r, RULE)[0]!;
      assert.equal(f.fixes?.[0]?.title, 'Add destinations SAP-SUPPORT_PORTAL (type H) and SAP-SUPPORT_PARCELBOX (type G)');
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, f);
      assert.equal(
        fixed,
        doc('740 SP07', 'ST-PI: 740 SP10', ['    destinations:', '      SAP-SUPPORT_PORTAL:', '        type: H', '      SAP-SUPPORT_PARCELBOX:', '        type: G']),
      );
      assertFixed(fixed);
    });

    it('YAML block map with a communication user: both keys in the guide order', () => {
      const text = dedent(`
        landscape: T
        communicationUsers:
          S0023456789: { description: ERP }
        systems:
          EDV:
            role: abap
            connection: direct
            basis: 740 SP05
            components:
              ST-PI: 740 SP10
            communicationUser: S0023456789
            destinations:
              SAPOSS: { type: "3", user: S0023456789 }
            taskLists: []
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(rangeText(f), '11:4-11:16');
      const fixed = applyFix(r, f);
      assert.equal(
        fixed,
        text.replace(
          '      SAPOSS: { type: "3", user: S0023456789 }\n',
          '      SAPOSS: { type: "3", user: S0023456789 }\n      SAP-SUPPORT_PORTAL:\n        type: H\n        user: S0023456789\n      SAP-SUPPORT_PARCELBOX:\n        type: G\n        user: S0023456789\n',
        ),
      );
      assertFixed(fixed);
    });

    it('YAML flow map', () => {
      const r = lint(doc('740 SP07', 'ST-PI: 740 SP10', ['    destinations: { SAPOSS: { type: "3", user: S0023456789 } }']));
      const fixed = applyFix(r, ofRule(r, RULE)[0]!);
      assert.equal(
        fixed,
        doc('740 SP07', 'ST-PI: 740 SP10', ['    destinations: { SAPOSS: { type: "3", user: S0023456789 }, SAP-SUPPORT_PORTAL: { type: H }, SAP-SUPPORT_PARCELBOX: { type: G } }']),
      );
      assertFixed(fixed);
    });

    it('JSON', () => {
      const uri = 'file:///t.landscape.json';
      const json = (dest: string): string => [
        '{',
        '  "landscape": "T",',
        '  "communicationUsers": { "S0023456789": { "description": "ERP" } },',
        '  "systems": {',
        '    "EDV": {',
        '      "role": "abap",',
        '      "connection": "direct",',
        '      "basis": "740 SP07",',
        '      "components": { "ST-PI": "740 SP10" },',
        '      "communicationUser": "S0023456789",',
        `      "destinations": {${dest}`,
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      const r = lint(json('\n        "SAPOSS": { "type": "3", "user": "S0023456789" }'), uri);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(rangeText(f), '10:6-10:20');
      const fixed = applyFix(r, f);
      assert.equal(
        fixed,
        json(
          '\n        "SAPOSS": { "type": "3", "user": "S0023456789" },' +
            '\n        "SAP-SUPPORT_PORTAL": { "type": "H", "user": "S0023456789" },' +
            '\n        "SAP-SUPPORT_PARCELBOX": { "type": "G", "user": "S0023456789" }',
        ),
      );
      assertFixed(fixed, uri);
    });
  });

  describe('examples', () => {
    const read = (f: string): string => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
    it('acme.landscape.yaml: the systems of examples/README.md', () => {
      assert.deepEqual(ofRule(lint(read('acme.landscape.yaml')), RULE).map((f) => f.system), []);
    });
    it('clean.landscape.yaml and .json: nothing', () => {
      assert.deepEqual(ofRule(lint(read('clean.landscape.yaml')), RULE), []);
      assert.deepEqual(ofRule(lint(read('clean.landscape.json'), 'file:///clean.landscape.json'), RULE), []);
    });
  });
});

describe('rule sdccn-prerequisites: fix all together with legacy-destination', () => {
  it('adding the destinations and removing the only legacy one never breaks the file', () => {
    const text = [
      'landscape: T',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 740 SP07',
      '    components: { ST-PI: 740 SP10 }',
      '    destinations:',
      '      SDCC_OSS: { type: "3" }',
      '    sdccn:',
      '      destinations: [SDCC_OSS]',
      '',
    ].join('\n');
    let current = text;
    for (let pass = 0; pass < 3; pass++) {
      const r = lint(current);
      const picked = r.findings.filter((f) => ['sdccn-prerequisites', 'legacy-destination', 'sdccn-destinations'].includes(f.ruleId));
      const edits = combineFixes(picked);
      if (!edits.length) break;
      current = applyEdits(current, r.doc, edits);
      const broken = lint(current).findings.filter((f) => BROKEN.includes(f.ruleId));
      assert.deepEqual(broken.map((f) => f.message), [], `pass ${pass}:\n${current}`);
    }
    const end = lint(current);
    assert.deepEqual(end.findings.filter((f) => ['sdccn-prerequisites', 'legacy-destination', 'sdccn-destinations'].includes(f.ruleId)).map((f) => f.message), []);
    assert.match(current, /SAP-SUPPORT_PORTAL: \{ type: H \}|SAP-SUPPORT_PORTAL:\n {8}type: H/);
  });
});
