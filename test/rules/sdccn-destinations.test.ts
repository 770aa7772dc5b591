import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'sdccn-destinations';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

// Guide 4.1 procedure step 1: "In transaction SDCCN, remove destination SDCC_OSS and add
// destination SAP-SUPPORT_PORTAL"; guide 1: the legacy infrastructure stays until January 1, 2020.
const OLD_NOT_NEW = 'SDCCN still uses SDCC_OSS and not SAP-SUPPORT_PORTAL: in transaction SDCCN remove destination SDCC_OSS and add SAP-SUPPORT_PORTAL (the legacy RFC infrastructure is switched off on 2020-01-01)';
const OLD_AND_NEW = 'SDCCN still lists SDCC_OSS next to SAP-SUPPORT_PORTAL: in transaction SDCCN remove destination SDCC_OSS';
const NOT_RECORDED = 'SDCCN destinations not recorded, so SAP-SUPPORT_PORTAL is not shown to be used: in transaction SDCCN remove SDCC_OSS and add SAP-SUPPORT_PORTAL (guide 4.1), then record them in sdccn.destinations';

/** One system; the sdccn lines follow `basis` (line 6 onwards). */
function doc(sdccn: string[], head: string[] = ['    role: abap', '    connection: direct']): string {
  return ['landscape: T', 'systems:', '  EPR:', ...head, '    basis: 731 SP19', ...sdccn, ''].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule sdccn-destinations (guide 4.1)', () => {
  // [sdccn lines, severity, message, range]
  const table: [string, string[], 'error' | 'warning' | undefined, string, string][] = [
    ['SDCC_OSS only', ['    sdccn:', '      destinations: [SDCC_OSS]'], 'error', OLD_NOT_NEW, '7:21-7:29'],
    ['SDCC_OSS and SAP-SUPPORT_PORTAL', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL, SDCC_OSS]'], 'error', OLD_AND_NEW, '7:41-7:49'],
    ['SDCC_OSS in a block list', ['    sdccn:', '      destinations:', '        - SDCC_OSS'], 'error', OLD_NOT_NEW, '8:10-8:18'],
    ['empty list', ['    sdccn:', '      destinations: []'], 'error', 'SDCCN has no destination: in transaction SDCCN add destination SAP-SUPPORT_PORTAL', '7:20-7:22'],
    ['another destination', ['    sdccn:', '      destinations: [SAP-SUPPORT_PARCELBOX]'], 'error', 'SDCCN uses SAP-SUPPORT_PARCELBOX but not SAP-SUPPORT_PORTAL: in transaction SDCCN add destination SAP-SUPPORT_PORTAL', '7:20-7:43'],
    ['sdccn without destinations: on the sdccn key', ['    sdccn:', '      tasksRecreated: true'], 'error', NOT_RECORDED, '6:4-6:9'],
    ['no sdccn at all: on the SID', [], 'error', NOT_RECORDED, '2:2-2:5'],
    ['SAP-SUPPORT_PORTAL', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]'], undefined, '', ''],
    ['SAP-SUPPORT_PORTAL and SAP-SUPPORT_PARCELBOX', ['    sdccn: { destinations: [SAP-SUPPORT_PARCELBOX, SAP-SUPPORT_PORTAL] }'], undefined, '', ''],
  ];
  for (const [name, sdccn, severity, message, range] of table) {
    it(`${name}: ${severity ?? 'fine'}`, () => {
      const found = ofRule(lint(doc(sdccn)), RULE);
      if (!severity) return assert.deepEqual(found, []);
      assert.equal(found.length, 1, 'one finding per system');
      const f = found[0]!;
      assert.equal(f.severity, severity);
      assert.equal(f.system, 'EPR');
      assert.equal(f.message, message);
      assert.equal(rangeText(f), range);
    });
  }

  describe('systems the rule does not concern', () => {
    const cases: [string, string[]][] = [
      ['abap via solman', ['    role: abap', '    connection: solman', '    managedBy: SOL']],
      ['abap via frun', ['    role: abap', '    connection: frun', '    managedBy: FRN']],
      ['abap without connection', ['    role: abap', '    connection: none']],
      ['solman', ['    role: solman', '    release: 7.2 SPS08']],
      ['frun', ['    role: frun', '    release: "2.0"']],
    ];
    for (const [name, head] of cases) {
      it(name, () => {
        assert.deepEqual(ofRule(lint(doc(['    sdccn:', '      destinations: [SDCC_OSS]'], head)), RULE), []);
        assert.deepEqual(ofRule(lint(doc([], head)), RULE), []);
      });
    }
  });

  describe('quick-fixes', () => {
    const cases: [string, string[], string, string[]][] = [
      ['YAML flow: replace SDCC_OSS in place', ['    sdccn:', '      destinations: [SAP-SUPPORT_PARCELBOX, SDCC_OSS]'],
        'Replace SDCC_OSS by SAP-SUPPORT_PORTAL in sdccn.destinations', ['    sdccn:', '      destinations: [SAP-SUPPORT_PARCELBOX, SAP-SUPPORT_PORTAL]']],
      ['YAML block: replace SDCC_OSS in place', ['    sdccn:', '      destinations:', '        - SDCC_OSS', '      tasksRecreated: true'],
        'Replace SDCC_OSS by SAP-SUPPORT_PORTAL in sdccn.destinations', ['    sdccn:', '      destinations:', '        - SAP-SUPPORT_PORTAL', '      tasksRecreated: true']],
      ['YAML flow: remove SDCC_OSS next to SAP-SUPPORT_PORTAL', ['    sdccn:', '      destinations: [SDCC_OSS, SAP-SUPPORT_PORTAL]'],
        'Remove SDCC_OSS from sdccn.destinations', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]']],
      ['YAML flow: remove a last SDCC_OSS', ['    sdccn: { destinations: [SAP-SUPPORT_PORTAL, SDCC_OSS] }'],
        'Remove SDCC_OSS from sdccn.destinations', ['    sdccn: { destinations: [SAP-SUPPORT_PORTAL] }']],
      ['YAML block: remove SDCC_OSS next to SAP-SUPPORT_PORTAL', ['    sdccn:', '      destinations:', '        - SAP-SUPPORT_PORTAL', '        - SDCC_OSS', '      tasksRecreated: true'],
        'Remove SDCC_OSS from sdccn.destinations', ['    sdccn:', '      destinations:', '        - SAP-SUPPORT_PORTAL', '      tasksRecreated: true']],
      ['YAML: add SAP-SUPPORT_PORTAL', ['    sdccn:', '      destinations: [SAP-SUPPORT_PARCELBOX]'],
        'Add SAP-SUPPORT_PORTAL to sdccn.destinations', ['    sdccn:', '      destinations: [SAP-SUPPORT_PARCELBOX, SAP-SUPPORT_PORTAL]']],
      ['YAML: record the destinations when sdccn is absent', [],
        'Record sdccn.destinations: [SAP-SUPPORT_PORTAL]', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]']],
    ];
    for (const [name, before, title, after] of cases) {
      it(name, () => {
        const r = lint(doc(before));
        const f = ofRule(r, RULE)[0]!;
        assert.equal(f.fixes?.length, 1);
        assert.equal(f.fixes?.[0]?.title, title);
        assert.equal(f.fixes?.[0]?.isPreferred, true);
        const fixed = applyFix(r, f);
        assert.equal(fixed, doc(after));
        assertFixed(fixed);
      });
    }

    it('JSON: replace SDCC_OSS, and remove it next to SAP-SUPPORT_PORTAL', () => {
      const uri = 'file:///t.landscape.json';
      const json = (list: string): string => [
        '{',
        '  "landscape": "T",',
        '  "systems": {',
        '    "EPR": {',
        '      "role": "abap",',
        '      "connection": "direct",',
        '      "sdccn": {',
        `        "destinations": ${list},`,
        '        "tasksRecreated": true',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      let r = lint(json('["SDCC_OSS"]'), uri);
      let f = ofRule(r, RULE)[0]!;
      assert.equal(rangeText(f), '7:25-7:35');
      let fixed = applyFix(r, f);
      assert.equal(fixed, json('["SAP-SUPPORT_PORTAL"]'));
      assertFixed(fixed, uri);
      r = lint(json('["SDCC_OSS", "SAP-SUPPORT_PORTAL"]'), uri);
      f = ofRule(r, RULE)[0]!;
      fixed = applyFix(r, f);
      assert.equal(fixed, json('["SAP-SUPPORT_PORTAL"]'));
      assertFixed(fixed, uri);
    });
  });

  describe('examples', () => {
    const read = (f: string): string => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
    it('acme.landscape.yaml: the systems of examples/README.md', () => {
      assert.deepEqual(ofRule(lint(read('acme.landscape.yaml')), RULE).map((f) => f.system), ['EPR', 'GRP']);
    });
    it('clean.landscape.yaml and .json: nothing', () => {
      assert.deepEqual(ofRule(lint(read('clean.landscape.yaml')), RULE), []);
      assert.deepEqual(ofRule(lint(read('clean.landscape.json'), 'file:///clean.landscape.json'), RULE), []);
    });
  });
});
