import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../server/src/core/edits';
import { combineFixes } from '../../server/src/features/codeActions';
import { applyFix, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'sdccn-tasks';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

// Guide 4.1 procedure steps 2 and 3: delete all tasks with the target SAP (002), create them
// again; the new tasks use SAP-SUPPORT_PORTAL or SAP-SUPPORT_PARCELBOX depending on the task type.
const ACTION = 'in transaction SDCCN delete all tasks with target SAP (002) and create them again; the new tasks use SAP-SUPPORT_PORTAL or SAP-SUPPORT_PARCELBOX depending on the task type';
const FALSE_MSG = `SDCCN tasks with target SAP (002) not created again (tasksRecreated: false): ${ACTION}`;
const ABSENT_MSG = `SDCCN tasks with target SAP (002) not recorded as created again: ${ACTION}`;

function doc(sdccn: string[], head: string[] = ['    role: abap', '    connection: direct']): string {
  return ['landscape: T', 'systems:', '  EPR:', ...head, '    basis: 754 SP02', ...sdccn, ''].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule sdccn-tasks (guide 4.1)', () => {
  const table: [string, string[], string | undefined, string][] = [
    ['tasksRecreated: false', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]', '      tasksRecreated: false'], FALSE_MSG, '8:22-8:27'],
    ['tasksRecreated absent: on the sdccn key', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]'], ABSENT_MSG, '6:4-6:9'],
    ['sdccn absent: on the SID', [], ABSENT_MSG, '2:2-2:5'],
    ['tasksRecreated of the wrong type counts as not true', ['    sdccn: { tasksRecreated: "yes" }'], ABSENT_MSG, '6:29-6:34'],
    ['tasksRecreated: true', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]', '      tasksRecreated: true'], undefined, ''],
  ];
  for (const [name, sdccn, message, range] of table) {
    it(`${name}: ${message ? 'warning' : 'fine'}`, () => {
      const found = ofRule(lint(doc(sdccn)), RULE);
      if (!message) return assert.deepEqual(found, []);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.severity, 'warning');
      assert.equal(found[0]!.system, 'EPR');
      assert.equal(found[0]!.message, message);
      assert.equal(rangeText(found[0]!), range);
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
      it(name, () => assert.deepEqual(ofRule(lint(doc(['    sdccn: { tasksRecreated: false }'], head)), RULE), []));
    }
  });

  describe('quick-fix: set tasksRecreated to true', () => {
    const cases: [string, string[], string[]][] = [
      ['YAML block', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]', '      tasksRecreated: false'], ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]', '      tasksRecreated: true']],
      ['YAML block, key absent', ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]'], ['    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]', '      tasksRecreated: true']],
      ['YAML flow', ['    sdccn: { destinations: [SAP-SUPPORT_PORTAL], tasksRecreated: false }'], ['    sdccn: { destinations: [SAP-SUPPORT_PORTAL], tasksRecreated: true }']],
      ['YAML flow, key absent', ['    sdccn: { destinations: [SAP-SUPPORT_PORTAL] }'], ['    sdccn: { destinations: [SAP-SUPPORT_PORTAL], tasksRecreated: true }']],
      ['YAML, sdccn absent', [], ['    sdccn:', '      tasksRecreated: true']],
    ];
    for (const [name, before, after] of cases) {
      it(name, () => {
        const r = lint(doc(before));
        const f = ofRule(r, RULE)[0]!;
        assert.equal(f.fixes?.[0]?.title, 'Set sdccn.tasksRecreated to true');
        assert.equal(f.fixes?.[0]?.isPreferred, true);
        const fixed = applyFix(r, f);
        assert.equal(fixed, doc(after));
        assertFixed(fixed);
      });
    }

    it('JSON', () => {
      const uri = 'file:///t.landscape.json';
      const json = (v: string): string =>
        `{\n  "landscape": "T",\n  "systems": {\n    "EPR": { "role": "abap", "connection": "direct", "sdccn": { "destinations": ["SAP-SUPPORT_PORTAL"], "tasksRecreated": ${v} } }\n  }\n}\n`;
      const r = lint(json('false'), uri);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(f.range.start.line, 3);
      const fixed = applyFix(r, f);
      assert.equal(fixed, json('true'));
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

describe('rule sdccn-tasks: fix all together with sdccn-destinations', () => {
  it('both create sdccn: one per pass, never a duplicate key', () => {
    let current = ['landscape: T', 'systems:', '  EPR:', '    role: abap', '    connection: direct', '    basis: 754 SP02', ''].join('\n');
    const rules = ['sdccn-tasks', 'sdccn-destinations'];
    for (let pass = 0; pass < 3; pass++) {
      const r = lint(current);
      const edits = combineFixes(r.findings.filter((f) => rules.includes(f.ruleId)));
      if (!edits.length) break;
      current = applyEdits(current, r.doc, edits);
      assert.deepEqual(lint(current).findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), [], current);
    }
    assert.equal(current, ['landscape: T', 'systems:', '  EPR:', '    role: abap', '    connection: direct', '    basis: 754 SP02',
      '    sdccn:', '      destinations: [SAP-SUPPORT_PORTAL]', '      tasksRecreated: true', ''].join('\n'));
  });
});
