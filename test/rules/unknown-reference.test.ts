import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';
import { fixed, JSON_URI, lintValid, only, preferred, titles } from './landscape-fixtures';

const RULE = 'unknown-reference';

const SYSTEMS = [
  'systems:',
  '  SOL: { role: solman, release: 7.2 SPS08 }',
  '  FRN: { role: frun, release: "2.0" }',
  '  EDV: { role: abap, connection: none, noteAssistant: { enabled: false } }',
  '  EQA: { role: abap, connection: none, noteAssistant: { enabled: false } }',
  '  EPR: { role: abap, connection: none, noteAssistant: { enabled: false } }',
].join('\n');

describe(RULE, () => {
  it('the examples reference only existing systems', () => {
    for (const f of ['acme.landscape.yaml', 'clean.landscape.yaml', 'clean.landscape.json']) {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`);
      assert.equal(ofRule(r, RULE).length, 0, f);
    }
  });

  it('track entry: landscape-level error on the item, with a "did you mean" fix (YAML flow list)', () => {
    const text = `landscape: T\ntracks:\n  ERP: [EDV, EQA, EPX]\n${SYSTEMS}\n`;
    const r = lintValid(text);
    const f = only(r, RULE, null);
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(f), '2:18-2:21');
    assert.equal(f.message, 'Track ERP names EPX, which is not a system of this file: did you mean EPR? (the transport checks along the track skip it)');
    assert.deepEqual(titles(f), ['Change EPX to EPR']);
    assert.deepEqual(preferred(f), ['Change EPX to EPR']);
    const { text: out, result } = fixed(r, f);
    assert.equal(out, text.replace('[EDV, EQA, EPX]', '[EDV, EQA, EPR]'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('track entry (YAML block list, quoted item): the fix keeps the quotes; SIDs already in the track are not proposed', () => {
    const text = `landscape: T\ntracks:\n  ERP:\n    - EDV\n    - "EQB"\n${SYSTEMS}\n`;
    const r = lintValid(text);
    const f = only(r, RULE, null);
    assert.equal(rangeText(f), '4:6-4:11');
    // EQA is closest; EDV (also at distance 2 from EQB) is already in the track
    const { text: out } = fixed(r, f);
    assert.equal(out, text.replace('"EQB"', '"EQA"'));
  });

  it('track entry without a close SID: no fix, the message says what to do', () => {
    const r = lintValid(`landscape: T\ntracks:\n  BW: [BWD]\n${SYSTEMS}\n`);
    const f = only(r, RULE, null);
    assert.equal(f.message, 'Track BW names BWD, which is not a system of this file: add the system under systems or remove it from the track (the transport checks along the track skip it)');
    assert.deepEqual(titles(f), []);
  });

  it('track entry (JSON)', () => {
    const json = JSON.stringify({
      landscape: 'T',
      tracks: { ERP: ['EDV', 'EPX'] },
      systems: { EDV: { role: 'abap', connection: 'none' }, EPR: { role: 'abap', connection: 'none' } },
    }, null, 2) + '\n';
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, null);
    assert.equal(json.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character), '"EPX"');
    const { text, result } = fixed(r, f);
    assert.equal(text, json.replace('"EPX"', '"EPR"'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('managedBy: error on the value; "did you mean" prefers a system of the matching role', () => {
    const text = dedent(`
      landscape: T
      systems:
        SOL: { role: solman, release: 7.2 SPS08 }
        SOM: { role: abap, connection: none, noteAssistant: { enabled: false } }
        S4Q:
          role: abap
          connection: solman
          managedBy: SOX
          noteAssistant: { enabled: false }
    `);
    const r = lintValid(text);
    const f = only(r, RULE, 'S4Q');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(f), '7:15-7:18');
    assert.equal(f.message, 'managedBy SOX is not a system of this file: did you mean SOL?');
    assert.deepEqual(titles(f), ['Set managedBy to SOL']);
    const { text: out, result } = fixed(r, f);
    assert.equal(out, text.replace('managedBy: SOX', 'managedBy: SOL'));
    assert.equal(ofRule(result, RULE).length, 0);
    assert.equal(ofRule(result, 'managed-by-role').length, 0);
  });

  it('managedBy far from every SID: the only system of the matching role is offered', () => {
    const r = lintValid(`landscape: T\n${SYSTEMS}\n  CRP: { role: abap, connection: frun, managedBy: XYZ, noteAssistant: { enabled: false } }\n`);
    const f = only(r, RULE, 'CRP');
    assert.equal(f.message, 'managedBy XYZ is not a system of this file: did you mean FRN?');
    assert.deepEqual(titles(f), ['Set managedBy to FRN']);
  });

  it('managedBy without any candidate: says which system it must name', () => {
    const r = lintValid('landscape: T\nsystems:\n  CRP: { role: abap, connection: frun, managedBy: XYZ, noteAssistant: { enabled: false } }\n');
    const f = only(r, RULE, 'CRP');
    assert.equal(f.message, 'managedBy XYZ is not a system of this file: set it to the SID of the Focused Run system (connection: frun), or add that system under systems');
    assert.deepEqual(titles(f), []);
  });

  it('managedBy (JSON)', () => {
    const json = '{\n  "landscape": "T",\n  "systems": {\n    "SOL": { "role": "solman", "release": "7.2 SPS08" },\n    "S4Q": { "role": "abap", "connection": "solman", "managedBy": "SQL" }\n  }\n}\n';
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, 'S4Q');
    assert.equal(rangeText(f), '4:66-4:71'); // "SQL"
    const { text } = fixed(r, f);
    assert.equal(text, json.replace('"SQL"', '"SOL"'));
  });

  it('a missing managedBy is the schema\'s (no duplicate here)', () => {
    const r = lint(`landscape: T\n${SYSTEMS}\n  S4Q: { role: abap, connection: solman }\n`);
    assert.ok(r.findings.some((f) => f.ruleId === 'schema' && f.system === 'S4Q'));
    assert.equal(ofRule(r, RULE).length, 0);
  });
});
