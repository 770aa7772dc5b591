import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'note-2738426';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
// Guide 4.3: "Implement SAP Note 2738426 and transport it throughout the system landscape";
// 2.1.5: the note describes task list SAP_BASIS_CONFIG_OSS_COMM.
const MSG = 'SAP Note 2738426 not implemented: implement SAP Note 2738426 (task list SAP_BASIS_CONFIG_OSS_COMM) and transport it throughout the system landscape';

function doc(extra: string[], head: string[] = ['    role: abap', '    connection: direct']): string {
  return ['landscape: T', 'systems:', '  EDV:', ...head, '    basis: 754 SP02', ...extra, ''].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule note-2738426 (guide 4.3, 2.1.5)', () => {
  const cases: [string, string[], string | undefined][] = [
    ['empty flow list', ['    notes: []'], '6:11-6:13'],
    ['other notes only', ['    notes: [2576306, 2781565]'], '6:11-6:29'],
    ['notes absent: on the SID', [], '2:2-2:5'],
    ['block list: on the notes key', ['    notes:', '      - 2781565'], '6:4-6:9'],
    ['note present', ['    notes: [2781565, 2738426]'], undefined],
  ];
  for (const [name, extra, range] of cases) {
    it(`${name}: ${range ? 'error' : 'fine'}`, () => {
      const found = ofRule(lint(doc(extra)), RULE);
      if (!range) return assert.deepEqual(found, []);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, MSG);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.system, 'EDV');
      assert.equal(rangeText(found[0]!), range);
      assert.deepEqual(found[0]!.data?.missingNotes, [2738426]);
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
      it(name, () => assert.deepEqual(ofRule(lint(doc(['    notes: []'], head)), RULE), []));
    }
  });

  it('points at the earlier systems of the track that have the note (transport from there)', () => {
    const text = dedent(`
      landscape: T
      tracks:
        ERP: [EDV, EQA, EPR]
      systems:
        EDV: { role: abap, connection: direct, basis: 731 SP19, notes: [2576306, 2738426] }
        EQA: { role: abap, connection: direct, basis: 731 SP19, notes: [2738426] }
        EPR: { role: abap, connection: direct, basis: 731 SP19, notes: [2576306] }
    `);
    const found = ofRule(lint(text), RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.system, 'EPR');
    assert.deepEqual(found[0]!.related?.map((r) => r.message), [
      'SAP Note 2738426 is implemented in EDV (track ERP): transport it from there',
      'SAP Note 2738426 is implemented in EQA (track ERP): transport it from there',
    ]);
    assert.deepEqual(found[0]!.related?.map((r) => `${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`), [
      '4:75-4:82',
      '5:66-5:73',
    ]);
  });

  it('a long track: at most 10 earlier systems as related information, the first ones of the track', () => {
    const sids = Array.from({ length: 14 }, (_, i) => `E${String.fromCharCode(65 + i)}1`);
    const text = ['landscape: T', 'tracks:', `  ERP: [${[...sids, 'EPR'].join(', ')}]`, 'systems:',
      ...sids.map((sid) => `  ${sid}: { role: abap, connection: direct, basis: 754 SP02, notes: [2738426] }`),
      '  EPR: { role: abap, connection: direct, basis: 754 SP02, notes: [] }', ''].join('\n');
    const found = ofRule(lint(text), RULE);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.related?.map((r) => r.message), sids.slice(0, 10).map((sid) => `SAP Note 2738426 is implemented in ${sid} (track ERP): transport it from there`));
  });

  describe('quick-fix: add the note to notes', () => {
    it('YAML flow list', () => {
      const r = lint(doc(['    notes: [2576306]']));
      const f = ofRule(r, RULE)[0]!;
      assert.equal(f.fixes?.[0]?.title, 'Add SAP Note 2738426 to notes');
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, f);
      assert.equal(fixed, doc(['    notes: [2576306, 2738426]']));
      assertFixed(fixed);
    });

    it('YAML block list', () => {
      const r = lint(doc(['    notes:', '      - 2576306', '    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]']));
      const fixed = applyFix(r, ofRule(r, RULE)[0]!);
      assert.equal(fixed, doc(['    notes:', '      - 2576306', '      - 2738426', '    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]']));
      assertFixed(fixed);
    });

    it('YAML: notes absent is created', () => {
      const r = lint(doc([]));
      const fixed = applyFix(r, ofRule(r, RULE)[0]!);
      assert.equal(fixed, doc(['    notes: [2738426]']));
      assertFixed(fixed);
    });

    it('JSON', () => {
      const uri = 'file:///t.landscape.json';
      const json = (notes: string): string => [
        '{',
        '  "landscape": "T",',
        '  "systems": {',
        '    "EDV": {',
        '      "role": "abap",',
        '      "connection": "direct",',
        '      "basis": "754 SP02",',
        `      "notes": ${notes}`,
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      const r = lint(json('[2576306]'), uri);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(rangeText(f), '7:15-7:24');
      const fixed = applyFix(r, f);
      assert.equal(fixed, json('[2576306, 2738426]'));
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
