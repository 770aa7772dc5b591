import { strict as assert } from 'assert';
import { dedent, ofRule, rangeText } from '../support/helpers';
import { fixed, JSON_URI, lintValid, only, titles } from './landscape-fixtures';

const RULE = 'tasklist-support-hub';

function one(fields: string): string {
  return `landscape: T\nsystems:\n  SYS: { ${fields} }\n`;
}

describe(RULE, () => {
  // guide 5.2: "must be implemented if you have upgraded … to Support Package Stack 8";
  // guide 6.1: "must be implemented if you have upgraded your Focused Run systems to Release 2.0"
  const table: [string, string, boolean][] = [
    ['solman 7.2 SPS08 (threshold)', 'role: solman, release: 7.2 SPS08', true],
    ['solman 7.2 SPS09', 'role: solman, release: 7.2 SPS09', true],
    ['solman 7.2 SPS12', 'role: solman, release: 7.2 SPS12', true],
    ['solman 7.2 SPS07 (just below)', 'role: solman, release: 7.2 SPS07', false],
    ['solman 7.2 SPS01', 'role: solman, release: 7.2 SPS01', false],
    ['solman 7.2 without SPS (cannot be judged)', 'role: solman, release: "7.2"', false],
    ['solman 7.1', 'role: solman, release: "7.1"', false],
    ['frun 2.0 (threshold)', 'role: frun, release: "2.0"', true],
    ['frun 2.0 FP01', 'role: frun, release: 2.0 FP01', true],
    ['frun 1.0 (below)', 'role: frun, release: "1.0"', false],
    ['abap direct', 'role: abap, connection: direct', false],
  ];
  for (const [name, fields, required] of table) {
    it(`${name}: ${required ? 'error without the task list, nothing with it' : 'nothing'}`, () => {
      const without = ofRule(lintValid(one(fields)), RULE);
      assert.deepEqual(without.map((f) => f.system), required ? ['SYS'] : []);
      if (required) assert.equal(without[0].severity, 'error');
      const withIt = ofRule(lintValid(one(`${fields}, taskLists: [SAP_SUPPORT_HUB_CONFIG]`)), RULE);
      assert.equal(withIt.length, 0);
    });
  }

  it('TCI-enabled (753 SP02 is above the TCI table): message without the TCI prerequisite', () => {
    const f = only(lintValid(one('role: frun, release: "2.0", basis: 753 SP02, taskLists: [SAP_BASIS_CONFIG_OSS_COMM]')), RULE, 'SYS');
    assert.equal(f.message, 'Focused Run 2.0 has not run task list SAP_SUPPORT_HUB_CONFIG: run it in STC01 to configure the communication channels to the support backbone');
    assert.equal(rangeText(f), '2:65-2:92'); // [SAP_BASIS_CONFIG_OSS_COMM]
  });

  it('not TCI-enabled (740 SP15 is below 740 SP16): the message says TCI comes first', () => {
    const f = only(lintValid(one('role: solman, release: 7.2 SPS08, basis: 740 SP15')), RULE, 'SYS');
    assert.match(f.message, /^SAP Solution Manager 7\.2 SPS08 has not run task list SAP_SUPPORT_HUB_CONFIG: run it in STC01 .* — Note Assistant is not TCI-enabled yet, so enable it for TCI first \(guide 2\.1\.4\.3\); that is the prerequisite of the task list$/);
    const declared = only(lintValid(one('role: solman, release: 7.2 SPS08, basis: 740 SP20, noteAssistant: { tci: false }')), RULE, 'SYS');
    assert.match(declared.message, /enable it for TCI first/);
    const atTable = only(lintValid(one('role: solman, release: 7.2 SPS08, basis: 740 SP16')), RULE, 'SYS');
    assert.doesNotMatch(atTable.message, /TCI/);
  });

  it('TCI state unknown (no basis): the prerequisite is named', () => {
    const f = only(lintValid(one('role: solman, release: 7.2 SPS08')), RULE, 'SYS');
    assert.match(f.message, /\(prerequisite: Note Assistant enabled for TCI, guide 2\.1\.4\.3 — record basis or noteAssistant\.tci\)$/);
  });

  it('fix (YAML block list, taskLists absent): adds the task list', () => {
    const text = dedent(`
      landscape: T
      systems:
        SOL:
          role: solman
          release: 7.2 SPS08
          basis: 740 SP20
          taskLists:
            - SAP_BASIS_CONFIG_OSS_COMM
    `);
    const r = lintValid(text);
    const f = only(r, RULE, 'SOL');
    assert.equal(rangeText(f), '6:4-6:13');
    assert.deepEqual(titles(f), ['Add SAP_SUPPORT_HUB_CONFIG to taskLists']);
    const { text: out, result } = fixed(r, f);
    assert.equal(out, `${text}      - SAP_SUPPORT_HUB_CONFIG\n`);
    assert.equal(ofRule(result, RULE).length, 0);

    const bare = 'landscape: T\nsystems:\n  FRN:\n    role: frun\n    release: 2.0\n';
    const r2 = lintValid(bare);
    const f2 = only(r2, RULE, 'FRN');
    assert.equal(rangeText(f2), '2:2-2:5');
    const fixedBare = fixed(r2, f2);
    assert.equal(fixedBare.text, `${bare}    taskLists: [SAP_SUPPORT_HUB_CONFIG]\n`);
  });

  it('fix (YAML flow list)', () => {
    const r = lintValid(one('role: frun, release: "2.0", taskLists: []'));
    const { text, result } = fixed(r, only(r, RULE, 'SYS'));
    assert.equal(text, one('role: frun, release: "2.0", taskLists: [SAP_SUPPORT_HUB_CONFIG]'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('fix (JSON)', () => {
    const json = '{\n  "landscape": "T",\n  "systems": {\n    "FRN": { "role": "frun", "release": "2.0", "taskLists": ["SAP_BASIS_CONFIG_OSS_COMM"] }\n  }\n}\n';
    const r = lintValid(json, JSON_URI);
    const { text, result } = fixed(r, only(r, RULE, 'FRN'));
    assert.equal(text, json.replace('["SAP_BASIS_CONFIG_OSS_COMM"]', '["SAP_BASIS_CONFIG_OSS_COMM", "SAP_SUPPORT_HUB_CONFIG"]'));
    assert.equal(ofRule(result, RULE).length, 0);
  });
});
