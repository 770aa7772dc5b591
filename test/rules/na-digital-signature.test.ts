import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'na-digital-signature';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
const THREE = '2408073/2546220/2508268';
const ONE = '2576306';

/** One SNOTE system; `tci` undefined = no tci key. Line 5 is always `    basis: …`. */
function sys(basis: string, opts: { tci?: boolean; notes?: string; role?: string; connection?: string | null; enabled?: boolean } = {}): string {
  const { tci, notes, role = 'abap', connection = 'none', enabled } = opts;
  return [
    'landscape: T',
    'systems:',
    '  SBX:',
    `    role: ${role}`,
    ...(role === 'abap' && connection ? [`    connection: ${connection}`] : role === 'solman' ? ['    release: 7.2 SPS08'] : role === 'frun' ? ['    release: "2.0"'] : []),
    `    basis: ${basis}`,
    '    noteAssistant:',
    ...(enabled === undefined ? [] : [`      enabled: ${enabled}`]),
    ...(tci === undefined ? [] : [`      tci: ${tci}`]),
    '      trustAnchors: true',
    ...(notes === undefined ? [] : [`    notes: ${notes}`]),
    '',
  ].join('\n');
}

function only(text: string, uri?: string) {
  const r = lint(text, uri);
  return { r, found: ofRule(r, RULE) };
}

function assertClean(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

const sp = (n: number): string => `SP${String(n).padStart(2, '0')}`;

describe('rule na-digital-signature (guide 2.1.4.2, 3.2)', () => {
  // Guide 2.1.4.2, table "SAP_BASIS Release / Support Package", typed in by hand.
  // [release, support package with digital-signature support, can the release be TCI-enabled (2.1.4.3 has a row)?]
  const DS: [number, number, boolean][] = [
    [700, 36, true], [701, 21, true], [702, 21, true], [710, 23, false], [711, 18, false], [730, 19, false],
    [731, 23, true], [740, 20, true], [750, 12, true], [751, 6, true], [752, 2, true],
  ];
  for (const [release, minSp, tciPossible] of DS) {
    const at = `${release} ${sp(minSp)}`;
    const below = `${release} ${sp(minSp - 1)}`;
    it(`${at}: no finding with tci true, false or absent and no notes`, () => {
      for (const tci of [true, false, undefined]) {
        assert.deepEqual(only(sys(at, { tci, notes: '[]' })).found.map((f) => f.message), [], `tci ${tci}`);
      }
    });
    it(`${below}, tci: false: error asking for ${THREE}`, () => {
      const { found } = only(sys(below, { tci: false, notes: '[]' }));
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, `SAP_BASIS ${below} lacks digital-signature support, implement ${THREE}`);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.system, 'SBX');
      assert.deepEqual(found[0]!.data?.missingNotes, [2408073, 2546220, 2508268]);
    });
    it(`${below}, tci: true: ${tciPossible ? `error asking for ${ONE}` : `no TCI path, error asking for ${THREE}`}`, () => {
      const { found } = only(sys(below, { tci: true, notes: '[]' }));
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, `SAP_BASIS ${below} lacks digital-signature support, implement ${tciPossible ? ONE : THREE}`);
      assert.equal(found[0]!.data?.tciEnabled, tciPossible);
    });
    it(`${below}, notes of its TCI branch present: no finding`, () => {
      assert.deepEqual(only(sys(below, { tci: false, notes: '[2408073, 2546220, 2508268]' })).found, []);
      if (tciPossible) assert.deepEqual(only(sys(below, { tci: true, notes: '[2576306]' })).found, []);
    });
  }

  // Without a tci key the TCI state comes from the TCI table of 2.1.4.3 (700 SP35, 701 SP20, 702 SP20,
  // 731 SP19, 740 SP16, 750 SP05, 751 SP02, 752+ SP00); 710/711/730 never.
  const NO_KEY: [string, string][] = [
    ['700 SP35', ONE], ['700 SP34', THREE], ['701 SP20', ONE], ['701 SP19', THREE], ['702 SP20', ONE], ['702 SP19', THREE],
    ['710 SP22', THREE], ['711 SP17', THREE], ['730 SP18', THREE],
    ['731 SP22', ONE], ['731 SP19', ONE], ['731 SP18', THREE], ['740 SP19', ONE], ['740 SP16', ONE], ['740 SP15', THREE],
    ['750 SP11', ONE], ['750 SP05', ONE], ['750 SP04', THREE], ['751 SP05', ONE], ['751 SP02', ONE], ['751 SP01', THREE],
    ['752 SP01', ONE], ['752 SP00', ONE],
  ];
  for (const [basis, notes] of NO_KEY) {
    it(`${basis} without tci key: asks for ${notes}`, () => {
      const { found } = only(sys(basis, { notes: '[]' }));
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, `SAP_BASIS ${basis} lacks digital-signature support, implement ${notes}`);
    });
  }

  // Guide 2.1.4.3.1, table "SAP_BASIS Release / Bootstrap SAP Note": the bootstrap note makes the system TCI-enabled.
  const BOOTSTRAP: [string, number][] = [
    ['700 SP34', 2446868], ['701 SP19', 2444141], ['702 SP19', 2444141], ['731 SP18', 1995550],
    ['740 SP15', 1995550], ['750 SP04', 1995550], ['751 SP01', 1995550],
  ];
  for (const [basis, bootstrap] of BOOTSTRAP) {
    it(`${basis} with bootstrap note ${bootstrap} in notes: TCI-enabled, asks for ${ONE}`, () => {
      const { found } = only(sys(basis, { notes: `[${bootstrap}]` }));
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, `SAP_BASIS ${basis} lacks digital-signature support, implement ${ONE}`);
      assert.equal(found[0]!.data?.tciReason, 'bootstrap');
    });
  }

  it('the bootstrap note of another release does not count (1995550 on 702)', () => {
    assert.equal(only(sys('702 SP19', { notes: '[1995550]' })).found[0]?.message, `SAP_BASIS 702 SP19 lacks digital-signature support, implement ${THREE}`);
  });

  it('a declared tci: false wins over the bootstrap note', () => {
    assert.equal(only(sys('731 SP18', { tci: false, notes: '[1995550]' })).found[0]?.message, `SAP_BASIS 731 SP18 lacks digital-signature support, implement ${THREE}`);
  });

  it('753 and above: fine from SP00 whatever the TCI state', () => {
    for (const basis of ['753 SP00', '754 SP00', '755 SP01', '758 SP00']) {
      for (const tci of [true, false, undefined]) assert.deepEqual(only(sys(basis, { tci, notes: '[]' })).found, [], `${basis} tci ${tci}`);
    }
  });

  it('spec example: 731 SP19 with tci: false gives exactly the spec message; without tci key it asks for 2576306', () => {
    assert.equal(only(sys('731 SP19', { tci: false })).found[0]?.message, 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2546220/2508268');
    assert.equal(only(sys('731 SP19', {})).found[0]?.message, 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2576306');
  });

  it('lists only the missing notes; the fix adds only those', () => {
    const text = sys('731 SP19', { tci: false, notes: '[2546220]' });
    const { r, found } = only(text);
    assert.equal(found[0]!.message, 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2508268');
    assert.equal(found[0]!.fixes?.[0]?.title, 'Add SAP Notes 2408073, 2508268 to notes');
    const fixed = applyFix(r, found[0]!);
    assert.equal(fixed, sys('731 SP19', { tci: false, notes: '[2546220, 2408073, 2508268]' }));
    assertClean(fixed);
  });

  it('a note of the other TCI branch is explained in related information', () => {
    const { found } = only(sys('731 SP19', { tci: false, notes: '[2576306]' }));
    assert.equal(found[0]!.message, `SAP_BASIS 731 SP19 lacks digital-signature support, implement ${THREE}`);
    const rel = found[0]!.related ?? [];
    assert.equal(rel.length, 2);
    assert.match(rel[0]!.message, /supported as of 731 SP23 .*not TCI-enabled \(noteAssistant\.tci: false\).*after 2020-01-01/);
    assert.equal(rel[0]!.range.start.line, 7, 'points at the tci value');
    assert.match(rel[1]!.message, /^SAP Note 2576306 in notes is for a Note Assistant that is TCI-enabled/);
    assert.equal(rel[1]!.range.start.line, 9);
  });

  it('710/711/730: related information says there is no TCI path', () => {
    const { found } = only(sys('730 SP18', { notes: '[]' }));
    assert.match(found[0]!.related?.[0]?.message ?? '', /no TCI procedure for SAP_BASIS 730/);
  });

  it('range is the basis value, also when quoted', () => {
    assert.equal(rangeText(only(sys('731 SP19', { tci: false })).found[0]!), '5:11-5:19');
    assert.equal(rangeText(only(sys('"731 SP19"', { tci: false })).found[0]!), '5:11-5:21');
  });

  it('SAP_BASIS below 700: error, not supported by the guide, upgrade', () => {
    for (const basis of ['640 SP25', '620 SP70']) {
      const { found } = only(sys(basis, { tci: false, notes: '[2408073, 2546220, 2508268]' }));
      assert.equal(found.length, 1);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.message, `SAP_BASIS ${basis} is older than 700 and not supported by the guide: Note Assistant cannot be enabled for digitally signed SAP Notes; upgrade SAP_BASIS to 700 or later (without it, SAP Notes can no longer be downloaded via Note Assistant (SNOTE) after 2020-01-01)`);
      assert.equal(rangeText(found[0]!), '5:11-5:19');
      assert.equal(found[0]!.fixes, undefined);
    }
  });

  it('skips basis absent, malformed or a release the guide does not know (na-tci-state reports those)', () => {
    const noBasis = dedent(`
      landscape: T
      systems:
        SBX: { role: abap, connection: none, noteAssistant: { tci: false } }
    `);
    assert.deepEqual(only(noBasis).found, []);
    assert.deepEqual(only(sys('731SP19', { tci: false })).found, []);
    assert.deepEqual(only(sys('720 SP05', { tci: false })).found, []);
    assert.deepEqual(only(sys('741 SP01', { tci: false })).found, []);
  });

  it('not for systems with noteAssistant.enabled: false', () => {
    assert.deepEqual(only(sys('731 SP19', { tci: false, enabled: false })).found, []);
    assert.equal(only(sys('731 SP19', { tci: false, enabled: true })).found.length, 1);
  });

  it('concerns every SNOTE system: solman, frun and abap of every connection', () => {
    for (const role of ['solman', 'frun']) {
      const { found } = only(sys('740 SP19', { role, tci: false }));
      assert.equal(found[0]?.message, `SAP_BASIS 740 SP19 lacks digital-signature support, implement ${THREE}`, role);
    }
    for (const connection of ['direct', 'solman', 'frun', 'none']) {
      const text = sys('750 SP11', { connection, notes: '[]' }).replace('    connection: solman\n', '    connection: solman\n    managedBy: SOL\n').replace('    connection: frun\n', '    connection: frun\n    managedBy: FRN\n');
      assert.equal(only(text).found[0]?.message, `SAP_BASIS 750 SP11 lacks digital-signature support, implement ${ONE}`, connection);
    }
  });

  describe('fixes', () => {
    it('YAML block list: appends the notes as list items', () => {
      const text = dedent(`
        landscape: T
        systems:
          SBX:
            role: abap
            connection: none
            basis: 702 SP17
            notes:
              - 2738426
            noteAssistant: { tci: false, trustAnchors: true }
      `);
      const { r, found } = only(text);
      assert.equal(found[0]!.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, text.replace('      - 2738426\n', '      - 2738426\n      - 2408073\n      - 2546220\n      - 2508268\n'));
      assertClean(fixed);
    });

    it('YAML flow list and empty list', () => {
      const text = sys('731 SP19', { tci: false, notes: '[2738426]' });
      const { r, found } = only(text);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, sys('731 SP19', { tci: false, notes: '[2738426, 2408073, 2546220, 2508268]' }));
      assertClean(fixed);
      const empty = sys('731 SP19', { notes: '[]' });
      const e = only(empty);
      const fixedEmpty = applyFix(e.r, e.found[0]!);
      assert.equal(fixedEmpty, sys('731 SP19', { notes: '[2576306]' }));
      assertClean(fixedEmpty);
    });

    it('creates notes when absent', () => {
      const text = sys('731 SP19', { tci: true });
      const { r, found } = only(text);
      assert.equal(found[0]!.fixes?.[0]?.title, 'Add SAP Note 2576306 to notes');
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, `${text}    notes: [2576306]\n`);
      assertClean(fixed);
    });

    it('an empty `notes:` gets the list after the colon; a map under notes gets no fix', () => {
      const text = sys('731 SP19', { tci: false, notes: '' }).replace('    notes: \n', '    notes:\n');
      const { r, found } = only(text);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, text.replace('    notes:\n', '    notes: [2408073, 2546220, 2508268]\n'));
      assertClean(fixed);
      const map = only(sys('731 SP19', { tci: false, notes: '{ a: 1 }' })).found;
      assert.equal(map.length, 1);
      assert.equal(map[0]!.fixes, undefined, 'writing would duplicate the notes key');
    });

    it('JSON', () => {
      const json = [
        '{',
        '  "landscape": "T",',
        '  "systems": {',
        '    "SBX": {',
        '      "role": "abap",',
        '      "connection": "none",',
        '      "basis": "731 SP19",',
        '      "noteAssistant": { "tci": false, "trustAnchors": true },',
        '      "notes": [2738426]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      const uri = 'file:///t.landscape.json';
      const { r, found } = only(json, uri);
      assert.equal(rangeText(found[0]!), '6:15-6:25');
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, json.replace('"notes": [2738426]', '"notes": [2738426, 2408073, 2546220, 2508268]'));
      assertClean(fixed, uri);
    });
  });

  describe('examples', () => {
    it('acme: only SBX, with the message of examples/README.md', () => {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
      const found = ofRule(r, RULE);
      assert.deepEqual(found.map((f) => [f.system, f.severity, f.message]), [
        ['SBX', 'error', 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2546220/2508268'],
      ]);
    });

    it('clean examples: nothing', () => {
      for (const f of ['clean.landscape.yaml', 'clean.landscape.json']) {
        const r = lint(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`);
        assert.deepEqual(ofRule(r, RULE), [], f);
      }
    });
  });
});
