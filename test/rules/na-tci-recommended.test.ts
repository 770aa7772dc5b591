import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'na-tci-recommended';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

/** One SNOTE system. Line 5: basis; spam (if given) next; then noteAssistant with tci first. */
function sys(basis: string, opts: { tci?: boolean; notes?: string; spam?: number; enabled?: boolean; role?: string } = {}): string {
  const { tci, notes, spam, enabled, role = 'abap' } = opts;
  return [
    'landscape: T',
    'systems:',
    '  SBX:',
    `    role: ${role}`,
    role === 'abap' ? '    connection: none' : role === 'solman' ? '    release: 7.2 SPS08' : '    release: "2.0"',
    `    basis: ${basis}`,
    ...(spam === undefined ? [] : [`    spam: ${spam}`]),
    '    noteAssistant:',
    ...(tci === undefined ? [] : [`      tci: ${tci}`]),
    ...(enabled === undefined ? [] : [`      enabled: ${enabled}`]),
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

// Guide 2.1.4.3: TCI table ("SAP_BASIS Release / Support Package") and "SAP_BASIS Release / Action",
// typed in by hand: [release, TCI from SP, prerequisite notes in the guide's order, bootstrap note,
// bootstrap package, package of SAP Note 2408383 (731-751 only)].
const PROCEDURE: [number, number, string, number, string, string | undefined][] = [
  [700, 35, '975510/1113339/1832923/2344014/2134534/2536585/2606986/2569813/2615270', 2446868, 'SAPK70000PCPSAPBASIS', undefined],
  [701, 20, '1504500/1532112/2344014/2134534/2536585/2606986/2569813/2615270', 2444141, 'SAPK70100DCPSAPBASIS', undefined],
  [702, 20, '1532112/2344014/2134534/2536585/2606986/2569813/2615270', 2444141, 'SAPK70200GCPSPBASIS', undefined],
  [731, 19, '2536585/2606986/2615270/2569813', 1995550, 'SAPK73100DCPSAPBASIS', 'SAPK73100GCPSAPBASIS'],
  [740, 16, '2536585/2606986/2615270/2569813', 1995550, 'SAPK74000FCPSAPBASIS', 'SAPK74000ICPSAPBASIS'],
  [750, 5, '2536585/2606986/2615270/2569813', 1995550, 'SAPK750002CPSAPBASIS', 'SAPK750003CPSAPBASIS'],
  [751, 2, '2536585/2606986/2615270/2569813', 1995550, 'SAPK751001CPSAPBASIS', 'SAPK751002CPSAPBASIS'],
];

const sp = (n: number): string => `SP${String(n).padStart(2, '0')}`;

describe('rule na-tci-recommended (guide 2.1.4.3)', () => {
  for (const [release, minSp, prereq, bootstrap, pkg, followPkg] of PROCEDURE) {
    const at = `${release} ${sp(minSp)}`;
    const below = `${release} ${sp(minSp - 1)}`;
    it(`${below} (below ${at}, no tci key): info with SPAM, prerequisites, bootstrap ${bootstrap}${followPkg ? ' and 2408383' : ''}`, () => {
      const { r, found } = only(sys(below, { notes: '[]' }));
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, 'info');
      assert.equal(f.system, 'SBX');
      assert.equal(
        f.message,
        `Note Assistant is not TCI-enabled (SAP_BASIS ${below} is below ${at} and bootstrap SAP Note ${bootstrap} is not in notes); the guide strongly recommends enabling TCI on SAP_BASIS ${release}: ` +
          `1. update SPAM to version 70 or above; 2. if applicable, implement SAP Notes ${prereq}; 3. implement bootstrap SAP Note ${bootstrap} (package ${pkg})` +
          (followPkg ? `; 4. implement SAP Note 2408383 (package ${followPkg})` : ''),
      );
      assert.equal(rangeText(f), '5:11-5:19');
      const added = followPkg ? [bootstrap, 2408383] : [bootstrap];
      assert.deepEqual(f.fixes?.map((x) => [x.title, x.isPreferred]), [
        [`Add SAP Note${added.length > 1 ? 's' : ''} ${added.join(', ')} to notes`, true],
        [`Add SAP Notes ${prereq.split('/').join(', ')}, ${added.join(', ')} to notes (prerequisites too)`, undefined],
      ]);
      // The guide's logic: after bootstrapping, Note Assistant is TCI-enabled, so the digital-signature
      // rule asks for 2576306 instead of the three notes.
      assert.equal(ofRule(r, 'na-digital-signature')[0]?.message, `SAP_BASIS ${below} lacks digital-signature support, implement 2408073/2546220/2508268`);
      const fixed = applyFix(r, f);
      assert.equal(fixed, sys(below, { notes: `[${added.join(', ')}]` }));
      assertClean(fixed);
      assert.equal(ofRule(lint(fixed), 'na-digital-signature')[0]?.message, `SAP_BASIS ${below} lacks digital-signature support, implement 2576306`);
    });
    it(`${at}: TCI-enabled by support package, no finding`, () => {
      assert.deepEqual(only(sys(at, { notes: '[]' })).found, []);
    });
    it(`${below} with bootstrap note ${bootstrap} in notes or tci: true: no finding`, () => {
      assert.deepEqual(only(sys(below, { notes: `[${bootstrap}]` })).found, []);
      assert.deepEqual(only(sys(below, { tci: true })).found, []);
    });
  }

  it('acme SBX (731 SP19, tci: false, SPAM 68): the expected info, on the tci value', () => {
    const acme = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
    const found = ofRule(acme, RULE);
    assert.deepEqual(found.map((f) => [f.system, f.severity, f.message]), [
      // 731 SP19 is at the TCI row of guide 2.1.4.3: the support package contains the bootstrap package,
      // so the info sends the administrator to SNOTE, not to a package SPAM would refuse (guide review)
      ['SBX', 'info', 'noteAssistant.tci is false, but Note Assistant on SAP_BASIS 731 SP19 is TCI-enabled out of the box as of 731 SP19 (guide 2.1.4.3): no bootstrap SAP Note is needed (the support package already contains package SAPK73100DCPSAPBASIS; SPAM would refuse it): check it in SNOTE and set tci: true — then SAP Note 2576306 is what digitally signed SAP Notes need below their support package'],
      ['GRP', 'info', 'Note Assistant is not TCI-enabled (SAP_BASIS 702 SP17 is below 702 SP20 and bootstrap SAP Note 2444141 is not in notes); the guide strongly recommends enabling TCI on SAP_BASIS 702: 1. update SPAM to version 70 or above (recorded: 68); 2. if applicable, implement SAP Notes 1532112/2344014/2134534/2536585/2606986/2569813/2615270; 3. implement bootstrap SAP Note 2444141 (package SAPK70200GCPSPBASIS)'],
    ]);
    assert.equal(found[0]!.range.start.line, acme.doc.text.split('\n').findIndex((l) => l.includes('tci: false   ')));
    assert.deepEqual(found[0]!.fixes?.map((x) => x.title), ['Set noteAssistant.tci to true']);
  });

  it('declared tci: false below the TCI level: the fix adds the notes and sets tci: true; digital signature then asks for 2576306', () => {
    const text = sys('731 SP18', { tci: false, spam: 68, notes: '[]' });
    const { r, found } = only(text);
    const f = found[0]!;
    assert.equal(rangeText(f), '8:11-8:16');
    assert.equal(f.fixes?.[0]?.title, 'Add SAP Notes 1995550, 2408383 to notes and set noteAssistant.tci to true');
    const fixed = applyFix(r, f);
    assert.equal(fixed, sys('731 SP18', { tci: true, spam: 68, notes: '[1995550, 2408383]' }));
    assertClean(fixed);
    assert.equal(ofRule(r, 'na-digital-signature')[0]?.message, 'SAP_BASIS 731 SP18 lacks digital-signature support, implement 2408073/2546220/2508268');
    assert.equal(ofRule(lint(fixed), 'na-digital-signature')[0]?.message, 'SAP_BASIS 731 SP18 lacks digital-signature support, implement 2576306');
  });

  // Guide 2.1.4.3 TCI table: at or above the release's TCI support package Note Assistant is TCI-enabled
  // by the support package; a declared tci: false gets the 752+ treatment (check SNOTE, set tci: true).
  for (const [release, minSp, , , pkg] of PROCEDURE) {
    for (const level of [`${release} ${sp(minSp)}`, `${release} ${sp(minSp + 3)}`]) {
      it(`${level}, tci: false: TCI-enabled out of the box, no bootstrap package (${pkg}), only "set tci: true"`, () => {
        const text = sys(level, { tci: false, spam: 68, notes: '[]' });
        const { r, found } = only(text);
        assert.deepEqual(found.map((f) => [f.severity, f.message]), [[
          'info',
          `noteAssistant.tci is false, but Note Assistant on SAP_BASIS ${level} is TCI-enabled out of the box as of ${release} ${sp(minSp)} (guide 2.1.4.3): no bootstrap SAP Note is needed (the support package already contains package ${pkg}; SPAM would refuse it): check it in SNOTE and set tci: true — then SAP Note 2576306 is what digitally signed SAP Notes need below their support package`,
        ]]);
        assert.ok(!found[0]!.message.includes('implement bootstrap'), 'no bootstrap step');
        assert.deepEqual(found[0]!.fixes?.map((x) => x.title), ['Set noteAssistant.tci to true']);
        const fixed = applyFix(r, found[0]!);
        assert.equal(fixed, sys(level, { tci: true, spam: 68, notes: '[]' }));
        assertClean(fixed);
      });
    }
  }

  it('the second fix adds the prerequisite notes too', () => {
    const text = sys('750 SP04', { notes: '[2738426]' });
    const { r, found } = only(text);
    const fixed = applyFix(r, found[0]!, 1);
    assert.equal(fixed, sys('750 SP04', { notes: '[2738426, 2536585, 2606986, 2615270, 2569813, 1995550, 2408383]' }));
    assertClean(fixed);
  });

  it('SPAM: recorded below 70 is named, 70 or above is acknowledged', () => {
    assert.match(only(sys('740 SP15', { spam: 69 })).found[0]!.message, /: 1\. update SPAM to version 70 or above \(recorded: 69\); 2\./);
    assert.match(only(sys('740 SP15', { spam: 70 })).found[0]!.message, /: 1\. SPAM at version 70 or above \(recorded: 70\); 2\./);
  });

  it('lists only the prerequisite notes not yet in notes, and drops the step when all are there', () => {
    assert.match(only(sys('731 SP18', { notes: '[2536585, 2569813]' })).found[0]!.message, /2\. if applicable, implement SAP Notes 2606986\/2615270; 3\. implement bootstrap/);
    const all = only(sys('731 SP18', { notes: '[2536585, 2606986, 2615270, 2569813]' })).found[0]!;
    assert.match(all.message, /1\. update SPAM to version 70 or above; 2\. implement bootstrap SAP Note 1995550/);
    assert.equal(all.fixes?.length, 1);
  });

  it('declared tci: false with the bootstrap notes already in notes: check them, fix sets tci: true', () => {
    const text = sys('731 SP18', { tci: false, notes: '[1995550, 2408383]' });
    const { r, found } = only(text);
    assert.match(found[0]!.message, /bootstrap SAP Note 1995550 is in notes: check that it is completely implemented \(package SAPK73100DCPSAPBASIS, guide 2\.1\.4\.3\.1\) and set tci: true$/);
    assert.deepEqual(found[0]!.fixes?.map((x) => x.title), ['Set noteAssistant.tci to true', 'Add SAP Notes 2536585, 2606986, 2615270, 2569813 to notes (prerequisites too) and set noteAssistant.tci to true']);
    const fixed = applyFix(r, found[0]!);
    assert.equal(fixed, sys('731 SP18', { tci: true, notes: '[1995550, 2408383]' }));
    assertClean(fixed);
  });

  it('752 and above: no procedure; only a declared tci: false gets an info (TCI-enabled as of 752 SP00)', () => {
    for (const basis of ['752 SP00', '754 SP02', '758 SP00']) {
      assert.deepEqual(only(sys(basis)).found, [], basis);
      assert.deepEqual(only(sys(basis, { tci: true })).found, [], basis);
      const text = sys(basis, { tci: false });
      const { r, found } = only(text);
      assert.equal(found.length, 1, basis);
      assert.equal(found[0]!.severity, 'info');
      assert.equal(found[0]!.message, `noteAssistant.tci is false, but Note Assistant on SAP_BASIS ${basis} is TCI-enabled as of 752 SP00 (guide 2.1.4.3, no action needed): check the value and set tci: true — then SAP Note 2576306 is what digitally signed SAP Notes need below their support package`);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, sys(basis, { tci: true }));
      assertClean(fixed);
    }
  });

  it('710, 711, 730: no TCI path, no finding whatever tci says', () => {
    for (const basis of ['710 SP22', '711 SP17', '730 SP18', '730 SP30']) {
      for (const tci of [true, false, undefined]) assert.deepEqual(only(sys(basis, { tci })).found, [], `${basis} tci ${tci}`);
    }
  });

  it('no finding for unknown, missing or pre-700 basis, or enabled: false', () => {
    assert.deepEqual(only(sys('720 SP05')).found, []);
    assert.deepEqual(only(sys('640 SP05', { tci: false })).found, []);
    assert.deepEqual(only(sys('7.31 SP05')).found, []);
    assert.deepEqual(only(sys('731 SP18', { enabled: false })).found, []);
    const noBasis = dedent(`
      landscape: T
      systems:
        SBX: { role: abap, connection: none, noteAssistant: { tci: false } }
    `);
    assert.deepEqual(only(noBasis).found, []);
  });

  it('solman and frun systems are checked too', () => {
    assert.equal(only(sys('740 SP15', { role: 'solman' })).found.length, 1);
    assert.equal(only(sys('751 SP01', { role: 'frun' })).found.length, 1);
  });

  describe('fixes in other styles', () => {
    it('YAML flow map, notes absent', () => {
      const text = dedent(`
        landscape: T
        systems:
          GRP: { role: abap, connection: none, basis: 702 SP17, noteAssistant: { tci: false, trustAnchors: true } }
      `);
      const { r, found } = only(text);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, text.replace('{ tci: false, trustAnchors: true } }', '{ tci: true, trustAnchors: true }, notes: [2444141] }'));
      assertClean(fixed);
    });

    it('YAML block list', () => {
      const text = sys('740 SP15', { notes: '' }).replace('    notes: \n', '    notes:\n      - 2738426\n');
      const { r, found } = only(text);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, text.replace('      - 2738426\n', '      - 2738426\n      - 1995550\n      - 2408383\n'));
      assertClean(fixed);
    });

    it('JSON', () => {
      const json = '{\n  "landscape": "T",\n  "systems": {\n    "SBX": {\n      "role": "abap",\n      "connection": "none",\n      "basis": "731 SP18",\n      "spam": 68,\n      "noteAssistant": { "tci": false, "trustAnchors": true },\n      "notes": []\n    }\n  }\n}\n';
      const uri = 'file:///t.landscape.json';
      const { r, found } = only(json, uri);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, json.replace('"tci": false', '"tci": true').replace('"notes": []', '"notes": [1995550, 2408383]'));
      assertClean(fixed, uri);
    });
  });

  it('clean examples: nothing', () => {
    for (const f of ['clean.landscape.yaml', 'clean.landscape.json']) {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`);
      assert.deepEqual(ofRule(r, RULE), [], f);
    }
  });
});
