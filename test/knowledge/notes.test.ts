import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import {
  BACKBONE_NOTES,
  describeNote,
  guideSection,
  isBackboneNote,
  NOTE_ASSISTANT_NOTES,
  NOTE_CATALOGUE,
  noteInfo,
  TCI_PROCEDURE,
} from '../../server/src/knowledge';

// Every SAP Note number in the guide, in order of first appearance (typed in from the guide).
const GUIDE_NOTES = [
  2620478, 2576306, 2408073, 2546220, 2508268, 2537133, 975510, 1113339, 1832923, 2344014, 2134534,
  2536585, 2606986, 2569813, 2615270, 2446868, 1504500, 1532112, 2444141, 1995550, 2408383, 2187425,
  110910, 48624, 2738426, 763561, 2793641, 2781565, 510007, 2631190, 2174416, 2740667, 2289984,
  2716729, 2750491,
];

/** The guide text when available (repository sibling `../shared/seed`, or an explicit path). */
function readGuide(): string | undefined {
  const candidates = [
    process.env['LANDSCAPE_GUIDE_PATH'],
    resolve(process.cwd(), '../shared/seed/000_a1ff17713abed325.txt'),
    '/work/shared/seed/000_a1ff17713abed325.txt',
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  const file = candidates.find((p) => existsSync(p));
  return file ? readFileSync(file, 'utf8') : undefined;
}

describe('knowledge/notes', () => {
  it('catalogue holds exactly the guide notes, in order of first appearance', () => {
    assert.deepEqual(NOTE_CATALOGUE.map((n) => n.number), GUIDE_NOTES);
  });
  it('no duplicates', () => {
    assert.equal(new Set(NOTE_CATALOGUE.map((n) => n.number)).size, NOTE_CATALOGUE.length);
  });
  it('every link has the me.sap.com form', () => {
    for (const n of NOTE_CATALOGUE) assert.equal(n.link, `https://me.sap.com/notes/${n.number}`);
  });
  it('every entry has a title, a purpose and valid sections', () => {
    for (const n of NOTE_CATALOGUE) {
      assert.ok(n.title.length > 5, String(n.number));
      assert.ok(n.purpose.length > 10, String(n.number));
      assert.ok(n.sections.length > 0, String(n.number));
      for (const s of n.sections) assert.ok(guideSection(s), `${n.number}: ${s}`);
    }
  });
  it('noteInfo / describeNote', () => {
    assert.equal(noteInfo(2620478)?.kind, 'trust-anchors');
    assert.equal(noteInfo(1234567), undefined);
    assert.match(describeNote(2738426), /^SAP Note 2738426 \(/);
    assert.equal(describeNote(1234567), 'SAP Note 1234567');
  });
  it('TCI notes carry the releases of the procedure table', () => {
    for (const p of TCI_PROCEDURE) {
      for (const n of [...p.prerequisiteNotes, p.bootstrapNote]) {
        assert.ok(noteInfo(n)?.releases?.includes(p.release), `${n} should concern ${p.release}`);
      }
    }
    assert.equal(noteInfo(2446868)?.kind, 'tci-bootstrap');
    assert.equal(noteInfo(2408383)?.kind, 'tci-follow-up');
  });
  it('Note Assistant and backbone notes (track transport)', () => {
    const expectedNa = [
      2576306, 2408073, 2546220, 2508268, 975510, 1113339, 1832923, 2344014, 2134534, 2536585, 2606986,
      2569813, 2615270, 1504500, 1532112, 2446868, 2444141, 1995550, 2408383,
    ];
    assert.deepEqual([...NOTE_ASSISTANT_NOTES].sort(), [...expectedNa].sort());
    assert.deepEqual([...BACKBONE_NOTES].sort(), [...expectedNa, 2738426].sort());
    assert.equal(new Set(BACKBONE_NOTES).size, BACKBONE_NOTES.length);
    assert.equal(isBackboneNote(2738426), true);
    assert.equal(isBackboneNote(2620478), false);
    assert.equal(isBackboneNote(2781565), false);
    for (const n of BACKBONE_NOTES) assert.ok(noteInfo(n), `${n} in catalogue`);
  });

  const guide = readGuide();
  (guide ? describe : describe.skip)('against the guide text (when present)', () => {
    const text = guide ?? '';
    it('every 5-7 digit number in the guide is catalogued, and vice versa, in order of appearance', () => {
      const seen: number[] = [];
      for (const m of text.matchAll(/\b\d{5,7}\b/g)) {
        const n = Number(m[0]);
        if (!seen.includes(n)) seen.push(n);
      }
      assert.deepEqual(seen, NOTE_CATALOGUE.map((n) => n.number));
    });
    it('every TCI package name appears verbatim in the guide', () => {
      for (const p of TCI_PROCEDURE) {
        assert.ok(text.includes(p.bootstrapPackage), p.bootstrapPackage);
        if (p.note2408383Package) assert.ok(text.includes(p.note2408383Package), p.note2408383Package);
      }
    });
  });
});
