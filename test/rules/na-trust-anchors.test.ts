import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'na-trust-anchors';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
const TAIL = 'install them as described in SAP Note 2620478 and set trustAnchors: true; without them the SSL handshake with softwaredownloads.sap.com and notesdownloads.sap.com fails and digitally signed SAP Notes cannot be downloaded';

function only(text: string, uri?: string) {
  const r = lint(text, uri);
  return { r, found: ofRule(r, RULE) };
}

function assertClean(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

/** A system whose noteAssistant block is given as lines (null = no noteAssistant key). */
function sys(na: string[] | null, head = ['    role: abap', '    connection: none']): string {
  return ['landscape: T', 'systems:', '  SBX:', ...head, '    basis: 754 SP02', ...(na === null ? [] : ['    noteAssistant:', ...na]), ''].join('\n');
}

describe('rule na-trust-anchors (guide 2.1.4.1, 3.2)', () => {
  it('trustAnchors: false → warning on the value', () => {
    const { found } = only(sys(['      download: download-service', '      trustAnchors: false']));
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.system, 'SBX');
    assert.equal(f.message, `Trust anchor certificates not installed (noteAssistant.trustAnchors: false): ${TAIL}`);
    assert.equal(rangeText(f), '8:20-8:25');
  });

  it('trustAnchors absent → warning on the noteAssistant key; noteAssistant absent → on the SID', () => {
    const a = only(sys(['      download: download-service'])).found;
    assert.deepEqual(a.map((f) => [f.message, rangeText(f)]), [[`Trust anchor certificates not recorded as installed (noteAssistant.trustAnchors): ${TAIL}`, '6:4-6:17']]);
    const b = only(sys(null)).found;
    assert.deepEqual(b.map(rangeText), ['2:2-2:5']);
  });

  it('a value of the wrong type → warning on that value', () => {
    const { found } = only(sys(['      trustAnchors: "yes"']));
    assert.deepEqual(found.map((f) => [f.message, rangeText(f)]), [[`Trust anchor certificates not recorded as installed (noteAssistant.trustAnchors is not true): ${TAIL}`, '7:20-7:25']]);
  });

  it('trustAnchors: true → fine', () => {
    assert.deepEqual(only(sys(['      trustAnchors: true'])).found, []);
  });

  it('every SNOTE system: abap of any connection, solman, frun, any release; not enabled: false', () => {
    for (const head of [
      ['    role: abap', '    connection: direct'],
      ['    role: abap', '    connection: solman', '    managedBy: SOL'],
      ['    role: abap', '    connection: frun', '    managedBy: FRN'],
      ['    role: abap', '    connection: none'],
      ['    role: solman', '    release: 7.2 SPS08'],
      ['    role: frun', '    release: "2.0"'],
    ]) {
      assert.equal(only(sys(['      trustAnchors: false'], head)).found.length, 1, head.join());
    }
    assert.equal(only(sys(['      trustAnchors: false']).replace('754 SP02', '700 SP10')).found.length, 1);
    assert.deepEqual(only(sys(['      enabled: false'])).found, []);
    assert.deepEqual(only(sys(['      enabled: false', '      trustAnchors: false'])).found, []);
  });

  describe('fixes', () => {
    it('YAML block: false → true', () => {
      const text = sys(['      download: download-service', '      trustAnchors: false']);
      const { r, found } = only(text);
      assert.deepEqual(found[0]!.fixes?.map((x) => [x.title, x.isPreferred]), [['Set noteAssistant.trustAnchors to true', true]]);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, sys(['      download: download-service', '      trustAnchors: true']));
      assertClean(fixed);
    });

    it('YAML block: inserted when absent, noteAssistant created when missing', () => {
      const a = sys(['      download: download-service']);
      const fa = only(a);
      const fixedA = applyFix(fa.r, fa.found[0]!);
      assert.equal(fixedA, sys(['      download: download-service', '      trustAnchors: true']));
      assertClean(fixedA);
      const b = sys(null);
      const fb = only(b);
      const fixedB = applyFix(fb.r, fb.found[0]!);
      assert.equal(fixedB, sys(['      trustAnchors: true']));
      assertClean(fixedB);
    });

    it('YAML flow', () => {
      const text = dedent(`
        landscape: T
        systems:
          SBX: { role: abap, connection: none, basis: 731 SP19, noteAssistant: { tci: false } }
      `);
      const { r, found } = only(text);
      assert.equal(rangeText(found[0]!), '2:56-2:69');
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, text.replace('{ tci: false }', '{ tci: false, trustAnchors: true }'));
      assertClean(fixed);
    });

    it('empty `trustAnchors:` is filled in; an explicit null becomes a map; a list or a scalar gets no fix (it would break the file)', () => {
      const text = sys(['      trustAnchors:']);
      const { r, found } = only(text);
      assert.equal(found.length, 1);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, sys(['      trustAnchors: true']));
      assertClean(fixed);
      const withNull = dedent(`
        landscape: T
        systems:
          SBX: { role: abap, connection: none, basis: 754 SP02, noteAssistant: null }
      `);
      const nullCase = only(withNull);
      const nullFixed = applyFix(nullCase.r, nullCase.found[0]!);
      assert.equal(nullFixed, withNull.replace('noteAssistant: null', 'noteAssistant: { trustAnchors: true }'));
      assertClean(nullFixed);
      for (const v of ['[1]', 'true']) {
        const bad = dedent(`
          landscape: T
          systems:
            SBX: { role: abap, connection: none, basis: 754 SP02, noteAssistant: ${v} }
        `);
        const f = only(bad).found;
        assert.equal(f.length, 1, v);
        assert.equal(f[0]!.fixes, undefined, v);
      }
    });

    it('JSON', () => {
      const json = '{\n  "landscape": "T",\n  "systems": {\n    "SBX": {\n      "role": "abap",\n      "connection": "none",\n      "basis": "731 SP19",\n      "noteAssistant": { "tci": false, "trustAnchors": false }\n    }\n  }\n}\n';
      const uri = 'file:///t.landscape.json';
      const { r, found } = only(json, uri);
      assert.equal(rangeText(found[0]!), '7:55-7:60');
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, json.replace('"trustAnchors": false', '"trustAnchors": true'));
      assertClean(fixed, uri);
    });
  });

  it('acme: SBX and GRP (examples/README.md); clean examples: nothing', () => {
    const acme = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
    assert.deepEqual(ofRule(acme, RULE).map((f) => [f.system, f.severity, f.message]), [
      ['SBX', 'warning', `Trust anchor certificates not installed (noteAssistant.trustAnchors: false): ${TAIL}`],
      ['GRP', 'warning', `Trust anchor certificates not installed (noteAssistant.trustAnchors: false): ${TAIL}`],
    ]);
    for (const f of ['clean.landscape.yaml', 'clean.landscape.json']) {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`);
      assert.deepEqual(ofRule(r, RULE), [], f);
    }
  });
});
