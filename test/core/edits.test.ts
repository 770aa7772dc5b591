import { strict as assert } from 'assert';
import { LandscapeDocument } from '../../server/src/core/document';
import type { EditValue } from '../../server/src/core/edits';
import { applyEdits, DocEditor } from '../../server/src/core/edits';

type Op = ['set', (string | number)[], EditValue] | ['add', (string | number)[], (string | number)[]] | ['remove', (string | number)[]] | ['rename', (string | number)[], string] | ['removeItem', (string | number)[], number];

/** Each case: a document, one edit, the exact expected text (comments, order and style kept). */
const CASES: { name: string; uri?: string; text: string; op: Op; expected: string }[] = [
  { name: 'append to a flow list', text: 'a:\n  notes: [1, 2] # kept\n', op: ['add', ['a', 'notes'], [3]], expected: 'a:\n  notes: [1, 2, 3] # kept\n' },
  { name: 'append to an empty flow list', text: 'a:\n  notes: []\n', op: ['add', ['a', 'notes'], [3]], expected: 'a:\n  notes: [3]\n' },
  { name: 'append to a block list after its comment', text: 'a:\n  t:\n    - X   # first\n  b: 1\n', op: ['add', ['a', 't'], ['Z']], expected: 'a:\n  t:\n    - X   # first\n    - Z\n  b: 1\n' },
  { name: 'append to a block list at the key\'s indentation', text: 'a:\n  t:\n  - X\n', op: ['add', ['a', 't'], ['Z']], expected: 'a:\n  t:\n  - X\n  - Z\n' },
  { name: 'skip items already present', text: 'a:\n  notes: [1, 2]\n', op: ['add', ['a', 'notes'], [2]], expected: 'a:\n  notes: [1, 2]\n' },
  { name: 'create a missing list', text: 'a:\n  role: abap\n', op: ['add', ['a', 'notes'], [1, 2]], expected: 'a:\n  role: abap\n  notes: [1, 2]\n' },
  { name: 'fill an empty key', text: 'a:\n  notes:\n  role: abap\n', op: ['add', ['a', 'notes'], [1]], expected: 'a:\n  notes: [1]\n  role: abap\n' },
  { name: 'replace a scalar, keeping its comment', text: 'a:\n  download: rfc # old\n', op: ['set', ['a', 'download'], 'download-service'], expected: 'a:\n  download: download-service # old\n' },
  { name: 'keep double quotes', text: 'a:\n  p: "x"\n', op: ['set', ['a', 'p'], 'y'], expected: 'a:\n  p: "y"\n' },
  { name: 'quote a number-like version string', text: 'a:\n  release: 1.0\n', op: ['set', ['a', 'release'], '2.0'], expected: 'a:\n  release: "2.0"\n' },
  { name: 'create nested blocks with the file\'s indentation', text: 'a:\n    role: abap\n', op: ['set', ['a', 'noteAssistant', 'trustAnchors'], true], expected: 'a:\n    role: abap\n    noteAssistant:\n        trustAnchors: true\n' },
  { name: 'insert into a flow map', text: 'a: { role: abap }\n', op: ['set', ['a', 'tci'], true], expected: 'a: { role: abap, tci: true }\n' },
  { name: 'replace an explicit null by a flow map', text: 'a:\n  na: null\n', op: ['set', ['a', 'na', 'tci'], true], expected: 'a:\n  na: { tci: true }\n' },
  { name: 'no edit that would lose a map', text: 'a:\n  notes: { x: 1 }\n', op: ['add', ['a', 'notes'], [1]], expected: 'a:\n  notes: { x: 1 }\n' },
  { name: 'last line without a line break', text: 'a:\n  t:\n    - X', op: ['add', ['a', 't'], ['Z']], expected: 'a:\n  t:\n    - X\n    - Z' },
  { name: 'remove a block key with its nested lines', text: 'a:\n  x: 1\n  pw:\n    v: 2\n  y: 3\n', op: ['remove', ['a', 'pw']], expected: 'a:\n  x: 1\n  y: 3\n' },
  { name: 'remove from a flow map', text: 'a: { x: 1, pw: s, y: 3 }\n', op: ['remove', ['a', 'pw']], expected: 'a: { x: 1, y: 3 }\n' },
  { name: 'remove the last entry of a flow map', text: 'a: { x: 1, pw: s }\n', op: ['remove', ['a', 'pw']], expected: 'a: { x: 1 }\n' },
  { name: 'replace a list item in place', text: 'a:\n  t: [EDV, EQX, EPR]\n', op: ['set', ['a', 't', 1], 'EQA'], expected: 'a:\n  t: [EDV, EQA, EPR]\n' },
  { name: 'a missing list item is not inserted as a key', text: 'a:\n  t: [EDV]\n', op: ['set', ['a', 't', 3], 'EQA'], expected: 'a:\n  t: [EDV]\n' },
  {
    name: 'top-level keys go before the systems and their comment',
    text: 'landscape: T\n# the systems\nsystems:\n  EDV: { role: abap }\n',
    op: ['set', ['communicationUsers', 'S0000000001'], { description: 'x' }],
    expected: 'landscape: T\ncommunicationUsers:\n  S0000000001:\n    description: x\n# the systems\nsystems:\n  EDV: { role: abap }\n',
  },
  { name: 'remove a flow list item', text: 'a:\n  d: [SDCC_OSS, X]\n', op: ['removeItem', ['a', 'd'], 0], expected: 'a:\n  d: [X]\n' },
  { name: 'remove the last flow list item', text: 'a:\n  d: [X, SDCC_OSS]\n', op: ['removeItem', ['a', 'd'], 1], expected: 'a:\n  d: [X]\n' },
  { name: 'remove the only flow list item', text: 'a:\n  d: [SDCC_OSS]\n', op: ['removeItem', ['a', 'd'], 0], expected: 'a:\n  d: []\n' },
  { name: 'remove a block list item with its line', text: 'a:\n  d:\n    - X\n    - SDCC_OSS  # old\n  e: 1\n', op: ['removeItem', ['a', 'd'], 1], expected: 'a:\n  d:\n    - X\n  e: 1\n' },
  { name: 'no edit under a scalar where a map belongs', text: 'a:\n  na: 5\n', op: ['set', ['a', 'na', 'tci'], true], expected: 'a:\n  na: 5\n' },
  { name: 'rename a key', text: 'a:\n  conection: direct\n', op: ['rename', ['a', 'conection'], 'connection'], expected: 'a:\n  connection: direct\n' },
  { name: 'JSON: append to a list', uri: 'file:///t.landscape.json', text: '{\n  "a": { "notes": [1] }\n}\n', op: ['add', ['a', 'notes'], [2]], expected: '{\n  "a": { "notes": [1, 2] }\n}\n' },
  {
    name: 'JSON: insert a key into a multi-line object',
    uri: 'file:///t.landscape.json',
    text: '{\n  "a": {\n    "role": "abap"\n  }\n}\n',
    op: ['set', ['a', 'noteAssistant', 'download'], 'download-service'],
    expected: '{\n  "a": {\n    "role": "abap",\n    "noteAssistant": { "download": "download-service" }\n  }\n}\n',
  },
  { name: 'JSON: remove a key', uri: 'file:///t.landscape.json', text: '{ "a": { "x": 1, "pw": "s" } }\n', op: ['remove', ['a', 'pw']], expected: '{ "a": { "x": 1 } }\n' },
];

describe('minimal document edits', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const uri = c.uri ?? 'file:///t.landscape.yaml';
      const doc = new LandscapeDocument(uri, c.text);
      const e = new DocEditor(doc);
      const [kind, path, arg] = c.op;
      const edits = kind === 'set' ? e.setValue(path, arg as EditValue)
        : kind === 'add' ? e.addToList(path, arg as (string | number)[])
          : kind === 'remove' ? e.removeKey(path)
            : kind === 'removeItem' ? e.removeListItem(path, arg as number) : e.renameKey(path, arg as string);
      const out = applyEdits(c.text, doc, edits);
      assert.equal(out, c.expected);
      assert.deepEqual(new LandscapeDocument(uri, out).parseFindings, [], 'the result must parse cleanly');
    });
  }
});
