import { strict as assert } from 'assert';
import { LandscapeDocument } from '../../server/src/core/document';
import { DocEditor } from '../../server/src/core/edits';
import { lintText } from '../../server/src/core/lint';
import { codeActions } from '../../server/src/features/codeActions';
import { actionsFor, applyTextEdits, assertRangeValid, checkAction, commentsOf, linesOf } from '../property/checks';

/**
 * The reproductions of the robustness campaign (issue 9) that belong to the engine: parsing,
 * positions and the edits behind quick-fixes. Each failed before its fix.
 */
const URI = 'file:///repro.landscape.yaml';

function lint(text: string, uri = URI): ReturnType<typeof lintText> {
  return lintText(uri, text);
}

function allRangesValid(text: string, uri = URI): void {
  const r = lint(text, uri);
  for (const f of r.findings) {
    assertRangeValid(text, f.range, `${f.ruleId} ${f.message}`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assertRangeValid(text, e.range, fix.title);
  }
}

/** Every action offered for every finding passes the property checks (see test/property/checks.ts). */
function everyActionSafe(text: string, uri = URI): number {
  const r = lint(text, uri);
  let n = 0;
  r.findings.forEach((_, i) => {
    for (const a of actionsFor(r, uri, i)) {
      checkAction(uri, r, i, a);
      n++;
    }
  });
  return n;
}

describe('robustness reproductions (engine)', () => {
  describe('crashes', () => {
    it('a map nested 29 deep as a key is reported, not stringified (was RangeError after 2 GB)', () => {
      const text = `landscape: x\nsystems: {}\nx: ${'{'.repeat(29)}a${'}'.repeat(29)}\n`;
      const r = lint(text);
      const f = r.findings.find((x) => x.data?.keyword === 'key-type');
      assert.ok(f, 'the map key is reported');
      assert.match(f!.message, /key must be text, not a map/);
      assert.deepEqual(f!.range.start, { line: 2, character: 4 });
    });

    it('a list used as a key is reported as a list', () => {
      const r = lint('landscape: x\nsystems: {}\n? [a, b]\n: 1\n');
      assert.match(r.findings.find((x) => x.data?.keyword === 'key-type')!.message, /not a list/);
    });

    it('a list of maps with toString/valueOf keys does not crash schema validation (uniqueItems)', () => {
      for (const k of ['toString', 'valueOf', 'constructor']) {
        const r = lint(`landscape: T\ntracks:\n  ERP: [{${k}: 1}, {${k}: 2}]\nsystems: {}\n`);
        const f = r.findings.filter((x) => x.ruleId === 'schema');
        assert.equal(f.length, 2, k);
        assert.match(f[0].message, /found a map/);
      }
    });

    it('a lone CR ends a line for the parser as for the positions', () => {
      const r = lint('landscape: T\rsystems:\r  A1B: {role: abap}\r');
      assert.deepEqual((r.doc.value as { systems: object }).systems, { A1B: { role: 'abap' } });
      assert.ok(r.findings.some((f) => f.ruleId === 'schema' && f.range.start.line === 2 && /connection/.test(f.message)));
    });

    it('__proto__ keys are reported where they stand (a system, a key of a system, a component)', () => {
      const text = 'landscape: x\nsystems:\n  __proto__:\n    role: abap\n  EDV:\n    role: abap\n    connection: none\n    basis: 750 SP10\n    __proto__: 1\n    components:\n      __proto__: 740 SP10\n';
      const r = lint(text);
      const lines = r.findings.filter((x) => x.data?.keyword === 'reserved-key').map((x) => x.range.start.line);
      assert.deepEqual(lines, [2, 8, 10]);
      // nothing leaked into the value's prototype
      assert.equal(Object.getPrototypeOf((r.doc.value as { systems: object }).systems), Object.prototype);
    });
  });

  describe('hangs', () => {
    it('1,200 systems sharing one CA list through an alias are checked, not refused as an alias bomb', () => {
      let text = 'landscape: x\ncommunicationUsers: { S0023456789: {} }\nsystems:\n';
      for (let i = 0; i < 1200; i++) {
        const sid = `A${i.toString(36).toUpperCase().padStart(2, '0')}`;
        text += `  ${sid}:\n    role: abap\n    connection: none\n    basis: 750 SP10\n    certificates:\n      sslClientStandard: ${i === 0 ? '&cas [DigiCert Global Root CA, DigiCert Global Root G2]' : '*cas'}\n`;
      }
      const doc = new LandscapeDocument(URI, text);
      assert.deepEqual(doc.parseFindings, []);
      const systems = (doc.value as { systems: Record<string, { certificates: { sslClientStandard: string[] } }> }).systems;
      assert.deepEqual(systems.A0A.certificates.sslClientStandard, ['DigiCert Global Root CA', 'DigiCert Global Root G2']);
    });

    it('an alias bomb is still refused, and so is an alias chain deeper than the nesting limit', () => {
      let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
      for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
      assert.match(new LandscapeDocument(URI, bomb).parseFindings[0].message, /alias bomb/);
      let chain = 'a0: &a0 x\n';
      for (let i = 1; i < 80; i++) chain += `a${i}: &a${i} [*a${i - 1}]\n`;
      assert.match(new LandscapeDocument(URI, chain).parseFindings[0].message, /nest deeper/);
    });

    it('10,000 aliases of one scalar are read (linear), and an alias inside its own anchor reads as null', () => {
      const text = `a: &a 1\nb: [${Array(10_000).fill('*a').join(', ')}]\nc: &c [*c]\n`;
      const doc = new LandscapeDocument(URI, text);
      assert.deepEqual(doc.parseFindings, []);
      const v = doc.value as { b: number[]; c: unknown[] };
      assert.equal(v.b.length, 10_000);
      assert.deepEqual(v.c, [null]);
    });

    it('nested collection keys inside a system are reported once, without "did you mean" over their text', () => {
      const text = `landscape: x\nsystems:\n  EDV:\n    role: abap\n    ${'{'.repeat(22)}a${'}'.repeat(22)}: 1\n`;
      const r = lint(text);
      assert.equal(r.findings.filter((x) => x.data?.keyword === 'key-type').length, 1);
    });

    it('a 2 MB basis value is reported as malformed, quoted shortly in the message', () => {
      const text = `landscape: x\nsystems:\n  EDV:\n    role: abap\n    connection: none\n    basis: ${'7'.repeat(2_000_000)}\n`;
      const r = lintText(URI, text, { maxFileSize: 4 * 1024 * 1024 });
      const f = r.findings.find((x) => x.ruleId === 'schema' && /basis/.test(x.message));
      assert.ok(f);
      assert.ok(f!.message.length < 400, `message of ${f!.message.length} characters`);
    });
  });

  describe('positions', () => {
    for (const [name, text, uri] of [
      ['an unterminated JSON string before CRLF', '"\r\n', 'file:///x.landscape.json'],
      ['a duplicate key with CRLF', 'systems:\r\n  EDV:\r\n  EDV:\r\n', URI],
      ['broken flow brackets with CRLF', '{[}\r\n', URI],
      ['a lone CR and a surrogate pair', 'landscape: 😀\rsystems:\r  EDV: {role: abap}\r', URI],
    ] as const) {
      it(`every range is valid for ${name}`, () => allRangesValid(text, uri));
    }

    it('positionAt never points between CR and LF or inside a surrogate pair', () => {
      const doc = new LandscapeDocument(URI, 'ab\r\n😀\r\n');
      assert.deepEqual(doc.lines.positionAt(3), { line: 0, character: 2 });
      assert.deepEqual(doc.lines.positionAt(5), { line: 1, character: 0 });
      assert.equal(doc.lines.offsetAt({ line: 0, character: 99 }), 2);
    });
  });

  describe('quick-fixes that damaged the file', () => {
    it('"Remove legacy destination SAPOSS" as the only key of a block map keeps the next system', () => {
      const text = "landscape: x\nsystems:\n  EDV:\n    role: abap\n    connection: direct\n    basis: 750 SP10\n    destinations:\n      SAPOSS:\n        type: '3'\n        user: OSS_RFC\n  EQA:\n    role: abap\n    connection: none\n    basis: 750 SP10\n";
      const r = lint(text);
      const i = r.findings.findIndex((f) => f.ruleId === 'legacy-destination');
      const action = actionsFor(r, URI, i).find((a) => /^Remove legacy destination SAPOSS/.test(a.title));
      assert.ok(action);
      const after = checkAction(URI, r, i, action!);
      assert.match(after.doc.text, /destinations:\n\s+\{\}\n {2}EQA:\n/);
    });

    it('removing the first key of a map that is a list item keeps the dash', () => {
      const doc = new LandscapeDocument(URI, 'a:\n  - x: 1\n    y: 2\n  - z: 3\n');
      const after = applyTextEdits(doc.text, new DocEditor(doc).removeKey(['a', 0, 'x']));
      assert.equal(after, 'a:\n  - y: 2\n  - z: 3\n');
    });

    it('a suppression comment never lands inside a multi-line flow map or a multi-line quoted description', () => {
      const text = 'landscape: x\nsystems:\n  EDV: {\n    role: abap, connection: direct,\n    basis: 731SP19 }\n  EQA:\n    role: abap\n    description: "ERP\n      development"\n    connection: none\n    basis: 731SP19\n';
      assert.ok(everyActionSafe(text) > 0);
      const r = lint(text);
      const sup = r.findings.flatMap((_, i) => actionsFor(r, URI, i)).filter((a) => /^Suppress/.test(a.title));
      for (const a of sup) {
        const line = a.edit!.changes![URI][0].range.start.line;
        assert.ok([2, 5, 6, 9, 10].includes(line), `inserted at line ${line}`);
      }
    });

    it('no suppression is offered for a zero-width finding (an empty key after a lone CR did not move below the comment)', () => {
      const text = 'landscape: G\r\nsystems:\r\n    CDD: { role: solman, connection: none }\r: \n';
      const r = lint(text);
      r.findings.forEach((f, i) => {
        for (const a of actionsFor(r, URI, i)) {
          if (/^Suppress/.test(a.title)) assert.ok(f.range.start.line !== f.range.end.line || f.range.start.character !== f.range.end.character, a.title);
          checkAction(URI, r, i, a);
        }
      });
    });

    it('no edit moves a U+FEFF to the start of the file (it would become a byte-order mark; fuzz seed 9001)', () => {
      const text = '\ufeff: Generated\n\ufeff: Generated\ncommunicationUsers:\n  S0023456789: { description: x }\nsystems:\n  E94: { role: abap, connection: none }\n';
      const r = lint(text);
      r.findings.forEach((_, i) => {
        for (const a of actionsFor(r, URI, i)) checkAction(URI, r, i, a);
      });
    });

    it('a user copied into a flow map is quoted when YAML would split it ("S00111,11")', () => {
      const doc = new LandscapeDocument(URI, 'systems: { EDV: { destinations: { SAPOSS: { type: "3" } } } }\n');
      const edits = new DocEditor(doc).setValue(['systems', 'EDV', 'destinations', 'SAPOSS', 'user'], 'S00111,11');
      const after = new LandscapeDocument(URI, applyTextEdits(doc.text, edits));
      assert.deepEqual(after.parseFindings, []);
      assert.equal((after.value as { systems: { EDV: { destinations: { SAPOSS: { user: string } } } } }).systems.EDV.destinations.SAPOSS.user, 'S00111,11');
    });

    for (const value of ['a: b', '- x', 'x #y', 'yes', '1.0', '[x]', 'tab\there', 'line\nbreak', '', ' lead', '@x', '%x', '!x', '&x', '*x', '? x', '<<', 'ü😀']) {
      it(`a written value reads back as written: ${JSON.stringify(value)}`, () => {
        for (const text of ['a:\n  b: old\n', 'a: { b: old }\n', 'a:\n  c: 1\n', 'a: [old]\n']) {
          const doc = new LandscapeDocument(URI, text);
          const editor = new DocEditor(doc);
          const edits = text.includes('[') ? editor.addToList(['a'], [value]) : editor.setValue(['a', 'b'], value);
          const after = new LandscapeDocument(URI, applyTextEdits(text, edits));
          assert.deepEqual(after.parseFindings, [], applyTextEdits(text, edits));
          const a = (after.value as { a: { b: string } | string[] }).a;
          assert.equal(Array.isArray(a) ? a[a.length - 1] : a.b, value, applyTextEdits(text, edits));
        }
      });
    }

    it('an anchored value used by an alias elsewhere is never edited (the alias would change with it)', () => {
      const text = 'landscape: x\ncommunicationUsers: { S0023456789: {} }\nsystems:\n  EDV:\n    role: abap\n    connection: none\n    basis: 731 SP19\n    notes: &n [2408073]\n  EQA:\n    role: abap\n    connection: none\n    basis: 731 SP19\n    notes: *n\n';
      const doc = new LandscapeDocument(URI, text);
      const editor = new DocEditor(doc);
      assert.deepEqual(editor.addToList(['systems', 'EDV', 'notes'], [2546220]), []);
      assert.deepEqual(editor.addToList(['systems', 'EQA', 'notes'], [2546220]), []);
      assert.ok(everyActionSafe(text) > 0);
    });

    it('no action without edits: "Fix all" is offered only when it does more than the single fix', () => {
      const text = 'landscape: x\ncommunicationUsers: { S0023456789: {} }\nsystems:\n  EDV: { role: abap, connection: none, basis: 750 SP10, communicationUser: S0000000001 }\n  EQA: { role: abap, connection: none, basis: 750 SP10, communicationUser: S0000000002 }\n';
      const r = lint(text);
      r.findings.forEach((_, i) => {
        for (const a of actionsFor(r, URI, i)) assert.ok((a.edit?.changes?.[URI] ?? []).length > 0, a.title);
      });
      const all = codeActions(r, { textDocument: { uri: URI }, range: r.findings[0].range, context: { diagnostics: [], only: ['source.fixAll'] } });
      for (const a of all) assert.ok((a.edit?.changes?.[URI] ?? []).length > 0);
    });

    it('comments survive every fix of the realistic example', () => {
      const text = 'landscape: x # name\n# users\ncommunicationUsers: { S0023456789: {} } # one\nsystems:\n  # the sandbox\n  SBX: # sandbox\n    role: abap # kind\n    connection: direct\n    basis: 731 SP19 # level\n    notes: [] # none yet\n';
      assert.ok(everyActionSafe(text) > 3);
      assert.equal(commentsOf(text).length, 8);
      assert.equal(linesOf(text).length, 11);
    });
  });
});
