import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { LandscapeDocument } from '../../server/src/core/document';
import type { DocEditor } from '../../server/src/core/edits';
import { readLandscape } from '../../server/src/core/model';
import type { NodePath } from '../../server/src/core/types';
import { chainEdits, chainEditsInSystem, lastEntryPath, systemWindow } from '../../server/src/rules/connectivity-shared';
import { fuzzParameters, landscapeArb, mutatedLandscapeArb } from '../property/arbitraries';
import type { LandscapeFile } from '../property/arbitraries';
import { ROOT } from '../support/helpers';

/**
 * chainEditsInSystem computes a step-by-step edit of one system on a small window of the file
 * instead of re-parsing the whole file per step: it must give exactly the edit chainEdits gives on
 * the whole file, in every style (block, flow, comments, CRLF, anchors, damaged files).
 */

type Step = (ed: DocEditor) => TextEdit[];

/** Edits of one system the rules chain: new destinations (as sdccn-prerequisites), keys into maps that may not exist, list items. */
function scenarios(sid: string, doc: LandscapeDocument): { name: string; steps: Step[]; anchor?: NodePath }[] {
  const dest: NodePath = ['systems', sid, 'destinations'];
  return [
    {
      name: 'two destinations, anchored to the last one',
      steps: [
        (e) => e.insertKey(dest, 'SAP-SUPPORT_PORTAL', { type: 'H', user: 'S0023456789' }),
        (e) => e.insertKey(dest, 'SAP-SUPPORT_PARCELBOX', { type: 'G' }),
      ],
      anchor: lastEntryPath(doc, dest),
    },
    {
      name: 'two keys into noteAssistant, then a note',
      steps: [
        (e) => e.setValue(['systems', sid, 'noteAssistant', 'tci'], true),
        (e) => e.setValue(['systems', sid, 'noteAssistant', 'download'], 'download-service'),
        (e) => e.addToList(['systems', sid, 'notes'], [2738426, 2576306]),
      ],
    },
    {
      name: 'a certificate list and a profile parameter',
      steps: [
        (e) => e.addToList(['systems', sid, 'certificates', 'sslClientStandard'], ['DigiCert Global Root CA']),
        (e) => e.setValue(['systems', sid, 'profile', 'ssl/client_ciphersuites'], '150:PFS:HIGH::EC_P256:EC_HIGH'),
      ],
    },
  ];
}

const EXAMPLES: LandscapeFile[] = fs.readdirSync(path.join(ROOT, 'examples'))
  .filter((n) => /\.landscape\.(ya?ml|json)$/.test(n))
  .map((n) => ({ uri: `file:///${n}`, text: fs.readFileSync(path.join(ROOT, 'examples', n), 'utf8') }));

let windows = 0;

function check(file: LandscapeFile, only?: number): void {
  const doc = new LandscapeDocument(file.uri, file.text);
  if (doc.value === undefined || doc.value === null) return;
  for (const s of readLandscape(doc.value).systems) {
    if (systemWindow(doc, s.sid)) windows++;
    for (const { name, steps, anchor } of scenarios(s.sid, doc).slice(0, only)) {
      assert.deepStrictEqual(chainEditsInSystem(doc, s.sid, steps, anchor), chainEdits(doc, steps, anchor), `${name} on ${s.sid}\n${file.text}`);
    }
  }
}

/** A system entry followed by what a file may have after it: comments, blank lines, a top-level key, the end without a line break. */
const surroundingsArb: fc.Arbitrary<LandscapeFile> = fc.record({
  body: fc.constantFrom(
    '    role: abap\n    connection: direct\n    destinations:\n      SAPOSS: { type: "3" }\n',
    '    role: abap\n    destinations:\n      SAPOSS:\n        type: "3"\n    # trailing comment\n',
    '    role: abap\n    destinations: {}\n',
    '    role: abap\n    destinations:\n',
    '    role: abap\n    notes:\n      - 2781565\n    noteAssistant: { trustAnchors: true }\n',
    '    role: abap\n    noteAssistant:\n      tci: false\n\n\n',
  ),
  flowEntry: fc.boolean(),
  after: fc.constantFrom('', '  # next\n', '\n  EQA: { role: abap }\n', 'tracks:\n  T: [EDV]\n', '# end\n', '  EQA:\n    role: abap\n'),
  eol: fc.constantFrom('\n', '\r\n'),
  noFinalBreak: fc.boolean(),
  indent: fc.constantFrom(2, 4),
}).map(({ body, flowEntry, after, eol, noFinalBreak, indent }) => {
  const entry = flowEntry ? '  EDV: { role: abap, destinations: { SAPOSS: { type: "3" } } }\n' : `  EDV:\n${body}`;
  let text = `landscape: W\ncommunicationUsers:\n  S0023456789: {}\nsystems:\n${entry}${after}`;
  if (indent === 4) text = text.replace(/^( +)/gm, (m) => ' '.repeat(m.length * 2));
  text = text.replace(/\n/g, eol);
  if (noFinalBreak) text = text.replace(/(\r\n|\n)$/, '');
  return { uri: 'file:///w.landscape.yaml', text };
});

describe('chainEditsInSystem (property)', () => {
  after(() => {
    // the window is really used (not always the whole-file fallback)
    assert.ok(windows > 0, 'no system was edited through a window');
  });

  it('bundled examples: the same destinations edit as on the whole file, for every system', () => {
    for (const file of EXAMPLES) check(file, 1);
  });

  it('entries followed by comments, blank lines, other keys or the end of the file (LF, CRLF, 2/4 spaces)', () => {
    fc.assert(fc.property(surroundingsArb, (f) => check(f)), fuzzParameters(50));
  });

  it('generated landscapes (every style)', () => {
    fc.assert(fc.property(landscapeArb, (f) => check(f)), fuzzParameters(8));
  });

  it('damaged landscapes', () => {
    fc.assert(fc.property(mutatedLandscapeArb, (f) => check(f)), fuzzParameters(6));
  });
});
