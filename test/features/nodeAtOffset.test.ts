import { strict as assert } from 'assert';
import { LandscapeDocument } from '../../server/src/core/document';
import { cursorContext, nodeAtOffset, parseLine } from '../../server/src/features/nodeAtOffset';
import { withCursor } from './editorTestSupport';

const HEAD = 'landscape: T\nsystems:\n  EDV:\n';

function ctxOf(marked: string, uri = 'file:///t.landscape.yaml') {
  const { text, position } = withCursor(marked);
  return cursorContext(new LandscapeDocument(uri, text), position);
}

/** Compact form of a context: kind, path and what is typed. */
function brief(marked: string, uri?: string): string {
  const c = ctxOf(marked, uri);
  if (c.kind === 'none') return 'none';
  if (c.kind === 'key') return `key ${JSON.stringify(c.mapPath)} "${c.prefix}"${c.hasColon ? ' :' : ''}`;
  return `value ${JSON.stringify(c.path)} "${c.prefix}"${c.needsDash ? ' dash' : ''}`;
}

describe('features/nodeAtOffset', () => {
  describe('cursorContext in YAML (also on incomplete lines)', () => {
    const cases: [string, string, string][] = [
      ['value after "role: "', `${HEAD}    role: |\n`, 'value ["systems","EDV","role"] ""'],
      ['value at end of file without newline', `${HEAD}    role: ab|`, 'value ["systems","EDV","role"] "ab"'],
      ['key being typed without colon', `${HEAD}    role: abap\n    ro|\n`, 'key ["systems","EDV"] "ro"'],
      ['key being typed at end of file', `${HEAD}    ro|`, 'key ["systems","EDV"] "ro"'],
      ['cursor inside an existing key', `${HEAD}    conn|ection: direct\n`, 'key ["systems","EDV"] "conn" :'],
      ['empty line in a system map', `${HEAD}    role: abap\n    |\n  SOL:\n    role: solman\n`, 'key ["systems","EDV"] ""'],
      ['empty line at top level', `${HEAD}    role: abap\n|\n`, 'key [] ""'],
      ['empty line under a nested map key', `${HEAD}    noteAssistant:\n      |\n`, 'key ["systems","EDV","noteAssistant"] ""'],
      ['empty line in the systems map (a new SID)', `${HEAD}    role: abap\n  |\n`, 'key ["systems"] ""'],
      ['inside a flow list', `${HEAD}    notes: [2576306, 27|]\n`, 'value ["systems","EDV","notes",1] "27"'],
      ['empty slot of a flow list', `${HEAD}    notes: [2576306, |]\n`, 'value ["systems","EDV","notes",1] ""'],
      ['unterminated flow list', `${HEAD}    notes: [2576306, |\n`, 'value ["systems","EDV","notes",1] ""'],
      ['key inside a flow map', `communicationUsers:\n  S0000000001: { desc| }\n`, 'key ["communicationUsers","S0000000001"] "desc"'],
      ['value inside a flow map', `${HEAD}    destinations:\n      SAPOSS: { type: "3", user: OS| }\n`, 'value ["systems","EDV","destinations","SAPOSS","user"] "OS"'],
      ['block list item', `${HEAD}    taskLists:\n      - SAP_BASIS_CONFIG_OSS_COMM\n      - SAP|\n`, 'value ["systems","EDV","taskLists",1] "SAP"'],
      ['empty block list item', `${HEAD}    taskLists:\n      - |\n`, 'value ["systems","EDV","taskLists",0] ""'],
      ['list items at the key\'s column', `${HEAD}    taskLists:\n    - SAP|\n`, 'value ["systems","EDV","taskLists",0] "SAP"'],
      ['empty line after block list items', `${HEAD}    certificates:\n      sslClientStandard:\n        - DigiCert Global Root CA\n        |\n`, 'value ["systems","EDV","certificates","sslClientStandard",1] "" dash'],
      ['quoted value', `${HEAD}    profile:\n      ssl/client_ciphersuites: "150:PF|"\n`, 'value ["systems","EDV","profile","ssl/client_ciphersuites"] "150:PF"'],
      ['in a comment', `${HEAD}    role: abap   # STC|01\n`, 'none'],
      ['a track list', `tracks:\n  ERP: [EDV, E|]\n`, 'value ["tracks","ERP",1] "E"'],
    ];
    for (const [name, doc, expected] of cases) it(name, () => assert.equal(brief(doc), expected));
  });

  describe('cursorContext in JSON', () => {
    const J = 'file:///t.landscape.json';
    const cases: [string, string, string][] = [
      ['value after a colon', '{"systems": {"EDV": {"role": |}}}', 'value ["systems","EDV","role"] ""'],
      ['inside a value string', '{"systems": {"EDV": {"role": "ab|"}}}', 'value ["systems","EDV","role"] "ab"'],
      ['unterminated key', '{"landscape": "x", "systems": {"EDV": {"ro|', 'key ["systems","EDV"] "ro"'],
      ['between members', '{"landscape": "x", |}', 'key [] ""'],
      ['a second key after a comma', '{"systems": {"EDV": {"role": "abap", "con|"}}}', 'key ["systems","EDV"] "con"'],
      ['an array item', '{"systems": {"EDV": {"notes": [2576306, |]}}}', 'value ["systems","EDV","notes",1] ""'],
      ['an existing key', '{"systems": {"EDV": {"ba|sis": "731 SP19"}}}', 'key ["systems","EDV"] "ba" :'],
    ];
    for (const [name, doc, expected] of cases) it(name, () => assert.equal(brief(doc, J), expected));

    it('a member typed after a value without comma asks for one', () => {
      const c = ctxOf('{"systems": {"EDV": {"role": "abap" |}}}', J);
      assert.equal(c.kind, 'key');
      assert.equal(c.kind === 'key' && c.needsCommaBefore, true);
    });
  });

  describe('nodeAtOffset', () => {
    it('finds keys and values with their paths', () => {
      const text = `${HEAD}    role: abap\n    notes: [2576306, 2738426]\n`;
      const doc = new LandscapeDocument('file:///t.landscape.yaml', text);
      const key = nodeAtOffset(doc, text.indexOf('role') + 1);
      assert.deepEqual([key?.kind, key?.path], ['key', ['systems', 'EDV', 'role']]);
      const value = nodeAtOffset(doc, text.indexOf('2738426') + 3);
      assert.deepEqual([value?.kind, value?.path], ['value', ['systems', 'EDV', 'notes', 1]]);
      assert.deepEqual(value?.range, { start: { line: 4, character: 21 }, end: { line: 4, character: 28 } });
      // right after a token still counts
      const end = nodeAtOffset(doc, text.indexOf('abap') + 4);
      assert.deepEqual(end?.path, ['systems', 'EDV', 'role']);
    });
    it('works on JSON', () => {
      const text = '{"systems": {"EDV": {"basis": "731 SP19"}}}';
      const doc = new LandscapeDocument('file:///t.landscape.json', text);
      const hit = nodeAtOffset(doc, text.indexOf('731'));
      assert.deepEqual([hit?.kind, hit?.path], ['value', ['systems', 'EDV', 'basis']]);
    });
  });

  it('parseLine splits keys, values, dashes and comments', () => {
    assert.deepEqual(
      (({ indent, dash, key, value, commentStart }) => ({ indent, dash, key, value, commentStart }))(parseLine('    ssl/client_ciphersuites: "150:PFS"   # note')),
      { indent: 4, dash: false, key: 'ssl/client_ciphersuites', value: '"150:PFS"', commentStart: 41 },
    );
    const item = parseLine('      - DigiCert Global Root CA');
    assert.deepEqual([item.dash, item.key, item.value, item.contentCol], [true, undefined, 'DigiCert Global Root CA', 8]);
    assert.equal(parseLine('  "quoted key": 1').key, 'quoted key');
  });
});
