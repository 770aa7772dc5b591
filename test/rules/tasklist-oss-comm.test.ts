import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'tasklist-oss-comm';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

// Typed in from the guide: 2.2 (STC01, SAP Note 2793641, TCI prerequisite, "Next Steps"),
// 2.1.5 (SAP Note 2738426), 4.3 (user and password of the technical communication user).
const RUN = 'run it in STC01 (SAP Note 2738426, detailed steps in SAP Note 2793641) and enter the user and password of';
const DOES = 'It creates the HTTPS destinations to the support backbone and checks ssl/client_ciphersuites and the SSL client certificates (PSE SSL client SSL Client (Standard))';
const enabledMsg = (user = 'the technical communication user'): string =>
  `Task list SAP_BASIS_CONFIG_OSS_COMM not executed: ${RUN} ${user}. ${DOES}`;
const notTciMsg = (reason: string): string =>
  `Task list SAP_BASIS_CONFIG_OSS_COMM not executed, and Note Assistant is not TCI-enabled (${reason}): enable TCI first (guide 2.1.4.3, prerequisite of the task list), then ${RUN} the technical communication user. ${DOES}`;

/** One system; extra lines go under it (4 spaces). Line 6 is `taskLists: []` unless replaced. */
function doc(basis: string | undefined, extra: string[] = [], head: string[] = ['    role: abap', '    connection: direct']): string {
  return [
    'landscape: T',
    'systems:',
    '  EDV:',
    ...head,
    ...(basis === undefined ? [] : [`    basis: ${basis}`]),
    ...extra,
    '',
  ].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule tasklist-oss-comm (guide 2.2, 4.3)', () => {
  // Guide 2.1.4.3 TCI table and bootstrap notes: [release, TCI SP, bootstrap note]. At the SP the
  // system is TCI-enabled (no "TCI first" part), one SP below it is not.
  const tciTable: [number, number, number | undefined][] = [
    [700, 35, 2446868],
    [701, 20, 2444141],
    [702, 20, 2444141],
    [731, 19, 1995550],
    [740, 16, 1995550],
    [750, 5, 1995550],
    [751, 2, 1995550],
    [752, 0, undefined],
  ];
  const sp = (n: number): string => `SP${String(n).padStart(2, '0')}`;
  for (const [release, tciSp, bootstrap] of tciTable) {
    it(`SAP_BASIS ${release} ${sp(tciSp)} (TCI table): error without the "TCI first" part`, () => {
      const found = ofRule(lint(doc(`${release} ${sp(tciSp)}`, ['    taskLists: []'])), RULE);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, enabledMsg());
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.system, 'EDV');
      assert.equal(rangeText(found[0]!), '6:15-6:17');
    });
    if (tciSp === 0) continue;
    it(`SAP_BASIS ${release} ${sp(tciSp - 1)}: not TCI-enabled, TCI enabling comes first`, () => {
      const found = ofRule(lint(doc(`${release} ${sp(tciSp - 1)}`, ['    taskLists: []'])), RULE);
      assert.equal(found.length, 1);
      assert.equal(
        found[0]!.message,
        notTciMsg(`SAP_BASIS ${release} ${sp(tciSp - 1)} is below ${release} ${sp(tciSp)} and bootstrap SAP Note ${bootstrap} is not in notes`),
      );
      assert.equal(found[0]!.data?.tciEnabled, false);
      // related information points at the SAP_BASIS level that decides the TCI state
      assert.equal(found[0]!.related?.length, 1);
      assert.equal(found[0]!.related![0]!.range.start.line, 5);
    });
  }

  it('the bootstrap note in notes makes the system TCI-enabled', () => {
    const found = ofRule(lint(doc('702 SP17', ['    notes: [2444141]', '    taskLists: []'])), RULE);
    assert.deepEqual(found.map((f) => f.message), [enabledMsg()]);
  });

  it('tci: false wins over a SAP_BASIS level in the TCI table', () => {
    const found = ofRule(lint(doc('754 SP02', ['    noteAssistant:', '      tci: false', '    taskLists: []'])), RULE);
    assert.deepEqual(found.map((f) => f.message), [notTciMsg('noteAssistant.tci is false')]);
    assert.equal(found[0]!.related![0]!.range.start.line, 7, 'related points at tci');
  });

  it('tci: true on a release below the TCI table: no "TCI first" part', () => {
    const found = ofRule(lint(doc('731 SP10', ['    noteAssistant: { tci: true }', '    taskLists: []'])), RULE);
    assert.deepEqual(found.map((f) => f.message), [enabledMsg()]);
  });

  it('730 (no TCI procedure in the guide) says so', () => {
    const found = ofRule(lint(doc('730 SP19', ['    taskLists: []'])), RULE);
    assert.equal(
      found[0]!.message,
      `Task list SAP_BASIS_CONFIG_OSS_COMM not executed, and its prerequisite, a TCI-enabled Note Assistant, has no procedure for SAP_BASIS 730 in guide 2.1.4.3: check SAP Note 2738426 for this release, then ${RUN} the technical communication user. ${DOES}`,
    );
  });

  it('basis not recorded: not TCI-enabled, error on the SID when taskLists is absent too', () => {
    const found = ofRule(lint(doc(undefined)), RULE);
    assert.deepEqual(found.map((f) => f.message), [notTciMsg('basis is not recorded')]);
    assert.equal(rangeText(found[0]!), '2:2-2:5');
    assert.equal(found[0]!.related, undefined);
  });

  it('names the recorded technical communication user (4.3: user and password)', () => {
    const text = dedent(`
      landscape: T
      communicationUsers:
        S0023456789: { description: ERP }
      systems:
        EPR:
          role: abap
          connection: direct
          basis: 731 SP19
          communicationUser: S0023456789
          taskLists: []
    `);
    const found = ofRule(lint(text), RULE);
    assert.deepEqual(found.map((f) => f.message), [enabledMsg('technical communication user S0023456789')]);
    assert.equal(rangeText(found[0]!), '9:15-9:17');
  });

  it('block list without the task list: on the taskLists key', () => {
    const found = ofRule(lint(doc('754 SP02', ['    taskLists:', '      - SAP_SUPPORT_HUB_CONFIG'])), RULE);
    assert.equal(rangeText(found[0]!), '6:4-6:13');
  });

  it('no finding when the task list is in taskLists', () => {
    assert.deepEqual(ofRule(lint(doc('702 SP17', ['    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]'])), RULE), []);
  });

  describe('systems the rule does not concern', () => {
    const cases: [string, string[]][] = [
      ['abap via solman', ['    role: abap', '    connection: solman', '    managedBy: SOL']],
      ['abap via frun', ['    role: abap', '    connection: frun', '    managedBy: FRN']],
      ['abap without connection', ['    role: abap', '    connection: none']],
      ['solman', ['    role: solman', '    release: 7.2 SPS08']],
      ['frun', ['    role: frun', '    release: "2.0"']],
    ];
    for (const [name, head] of cases) {
      it(name, () => assert.deepEqual(ofRule(lint(doc('740 SP20', ['    taskLists: []'], head)), RULE), []));
    }
  });

  describe('quick-fix: add the task list to taskLists', () => {
    it('YAML flow list', () => {
      const text = doc('754 SP02', ['    taskLists: []']);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(f.fixes?.[0]?.title, 'Add SAP_BASIS_CONFIG_OSS_COMM to taskLists');
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, f);
      assert.equal(fixed, doc('754 SP02', ['    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]']));
      assertFixed(fixed);
    });

    it('YAML block list', () => {
      const text = doc('754 SP02', ['    taskLists:', '      - SAP_SUPPORT_HUB_CONFIG', '    notes: [2738426]']);
      const r = lint(text);
      const fixed = applyFix(r, ofRule(r, RULE)[0]!);
      assert.equal(fixed, doc('754 SP02', ['    taskLists:', '      - SAP_SUPPORT_HUB_CONFIG', '      - SAP_BASIS_CONFIG_OSS_COMM', '    notes: [2738426]']));
      assertFixed(fixed);
    });

    it('YAML: taskLists absent is created', () => {
      const text = doc('754 SP02', ['    notes: [2738426]']);
      const r = lint(text);
      const fixed = applyFix(r, ofRule(r, RULE)[0]!);
      assert.equal(fixed, doc('754 SP02', ['    notes: [2738426]', '    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]']));
      assertFixed(fixed);
    });

    it('JSON', () => {
      const uri = 'file:///t.landscape.json';
      const json = (list: string): string => [
        '{',
        '  "landscape": "T",',
        '  "systems": {',
        '    "EDV": { "role": "abap", "connection": "direct", "basis": "754 SP02", "taskLists": ' + list + ' }',
        '  }',
        '}',
        '',
      ].join('\n');
      const r = lint(json('[]'), uri);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(rangeText(f), '3:87-3:89');
      const fixed = applyFix(r, f);
      assert.equal(fixed, json('["SAP_BASIS_CONFIG_OSS_COMM"]'));
      assertFixed(fixed, uri);
    });
  });

  describe('examples', () => {
    const read = (f: string): string => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
    it('acme.landscape.yaml: the systems of examples/README.md', () => {
      const found = ofRule(lint(read('acme.landscape.yaml')), RULE);
      // EPR is TCI-enabled (731 SP19), GRP is not (702 SP17 below 702 SP20): TCI first
      assert.deepEqual(found.map((f) => [f.system, f.data?.tciEnabled]), [['EPR', true], ['GRP', false]]);
      assert.equal(found[0]!.message, enabledMsg('technical communication user S0023456789'));
      assert.equal(found[1]!.message, notTciMsg('SAP_BASIS 702 SP17 is below 702 SP20 and bootstrap SAP Note 2444141 is not in notes'));
    });
    it('clean.landscape.yaml and .json: nothing', () => {
      assert.deepEqual(ofRule(lint(read('clean.landscape.yaml')), RULE), []);
      assert.deepEqual(ofRule(lint(read('clean.landscape.json'), 'file:///clean.landscape.json'), RULE), []);
    });
  });
});
