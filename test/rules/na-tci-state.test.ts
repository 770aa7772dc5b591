import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readLandscape } from '../../server/src/core/model';
import { LandscapeDocument } from '../../server/src/core/document';
import { tciState } from '../../server/src/rules/shared';
import type { TciReason } from '../../server/src/rules/shared';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'na-tci-state';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

/** One SNOTE system. Line 5 is `    basis: …` when given; the tci line follows `noteAssistant:`. */
function sys(basis: string | undefined, opts: { tci?: boolean; notes?: string; enabled?: boolean; role?: string } = {}): string {
  const { tci, notes, enabled, role = 'abap' } = opts;
  return [
    'landscape: T',
    'systems:',
    '  SBX:',
    `    role: ${role}`,
    role === 'abap' ? '    connection: none' : role === 'solman' ? '    release: 7.2 SPS08' : '    release: "2.0"',
    ...(basis === undefined ? [] : [`    basis: ${basis}`]),
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

function stateOf(text: string): { enabled: boolean; reason: TciReason } {
  const doc = new LandscapeDocument('file:///t.landscape.yaml', text);
  const s = readLandscape(doc.value).systems[0]!;
  const st = tciState(s);
  return { enabled: st.enabled, reason: st.reason };
}

const CONSEQUENCE = 'the digital-signature, note download and TCI checks (guide 2.1.4.2, 2.1.4.3) depend on it';

describe('rule na-tci-state (guide 2.1.4.3, spec NA-TCI-STATE)', () => {
  describe('tciState()', () => {
    // [basis, tci, notes, enabled, reason] — thresholds typed in from guide 2.1.4.3 (TCI table) and
    // 2.1.4.3.1 (bootstrap notes); 710/711/730 have no row.
    const table: [string | undefined, boolean | undefined, string | undefined, boolean, TciReason][] = [
      ['731 SP19', undefined, undefined, true, 'basis'],
      ['731 SP18', undefined, undefined, false, 'below-table'],
      ['731 SP18', undefined, '[1995550]', true, 'bootstrap'],
      ['731 SP18', true, undefined, true, 'declared'],
      ['731 SP19', false, undefined, false, 'declared'],
      ['731 SP18', false, '[1995550]', false, 'declared'],
      ['700 SP35', undefined, undefined, true, 'basis'],
      ['700 SP34', undefined, '[2446868]', true, 'bootstrap'],
      ['701 SP19', undefined, '[2444141]', true, 'bootstrap'],
      ['702 SP19', undefined, '[2444141]', true, 'bootstrap'],
      ['702 SP19', undefined, '[2446868]', false, 'below-table'],
      ['740 SP16', undefined, undefined, true, 'basis'],
      ['740 SP15', undefined, undefined, false, 'below-table'],
      ['750 SP05', undefined, undefined, true, 'basis'],
      ['750 SP04', undefined, undefined, false, 'below-table'],
      ['751 SP02', undefined, undefined, true, 'basis'],
      ['751 SP01', undefined, undefined, false, 'below-table'],
      ['752 SP00', undefined, undefined, true, 'basis'],
      ['758 SP00', undefined, undefined, true, 'basis'],
      ['710 SP30', undefined, undefined, false, 'no-tci-path'],
      ['711 SP30', true, undefined, false, 'no-tci-path'],
      ['730 SP30', true, '[1995550]', false, 'no-tci-path'],
      [undefined, undefined, undefined, false, 'unknown'],
      [undefined, true, undefined, true, 'declared'],
      ['720 SP10', undefined, undefined, false, 'unknown'],
      ['640 SP10', undefined, undefined, false, 'unknown'],
      ['7.31 SP19', undefined, undefined, false, 'unknown'],
    ];
    for (const [basis, tci, notes, enabled, reason] of table) {
      it(`basis ${basis ?? '(none)'}, tci ${String(tci)}, notes ${notes ?? '(none)'} → ${enabled ? 'enabled' : 'not enabled'} (${reason})`, () => {
        assert.deepEqual(stateOf(sys(basis, { tci, notes })), { enabled, reason });
      });
    }
  });

  describe('TCI state cannot be determined', () => {
    it('basis absent and no tci: warning on the SID key', () => {
      const { found } = only(sys(undefined));
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, 'warning');
      assert.equal(f.system, 'SBX');
      assert.equal(f.message, `SAP_BASIS level not recorded, so the TCI state of Note Assistant cannot be determined: record \`basis\` (SAP_BASIS release and support package, e.g. "<release> SP<n>") or \`noteAssistant.tci\`; ${CONSEQUENCE}`);
      assert.equal(rangeText(f), '2:2-2:5');
      assert.equal(f.fixes, undefined, 'the tool cannot know the basis level');
    });

    it('a basis in the wrong form, or not a text, is left to the schema (one finding on the value)', () => {
      for (const text of [sys('731SP19'), sys(undefined).replace('    noteAssistant:', '    basis: { release: 731 }\n    noteAssistant:')]) {
        const r = lint(text);
        assert.deepEqual(ofRule(r, 'na-tci-state'), []);
        assert.ok(r.findings.some((f) => f.ruleId === 'schema'), text);
      }
    });

    it('release unknown to the guide: warning on the value', () => {
      for (const basis of ['720 SP05', '741 SP01']) {
        const { found } = only(sys(basis));
        assert.equal(found.length, 1, basis);
        assert.equal(found[0]!.message, `SAP_BASIS release ${basis.slice(0, 3)} is not in the guide's tables, so the TCI state of Note Assistant cannot be determined: check \`basis\` (releases with a TCI row: 700, 701, 702, 731, 740, 750, 751, 752+; without TCI: 710/711/730) or set \`noteAssistant.tci\`; ${CONSEQUENCE}`);
        assert.equal(rangeText(found[0]!), '5:11-5:19');
      }
    });

    it('no warning when tci is given, or basis is known, or below 700 (na-digital-signature reports that)', () => {
      assert.deepEqual(only(sys(undefined, { tci: false })).found, []);
      assert.deepEqual(only(sys('720 SP05', { tci: true })).found, []);
      assert.deepEqual(only(sys('640 SP10')).found, []);
      for (const basis of ['700 SP01', '710 SP01', '731 SP01', '753 SP00', '758 SP03']) assert.deepEqual(only(sys(basis)).found, [], basis);
    });

    it('solman and frun count as SNOTE systems; enabled: false is skipped', () => {
      assert.equal(only(sys(undefined, { role: 'solman' })).found.length, 1);
      assert.equal(only(sys(undefined, { role: 'frun' })).found.length, 1);
      assert.deepEqual(only(sys(undefined, { enabled: false })).found, []);
      const noNa = dedent(`
        landscape: T
        systems:
          PIP: { role: abap, connection: solman, managedBy: SOL }
      `);
      assert.equal(only(noNa).found.length, 1, 'noteAssistant absent = SNOTE used');
    });
  });

  describe('tci: true on a release without TCI path (710, 711, 730)', () => {
    for (const basis of ['710 SP22', '711 SP17', '730 SP18', '730 SP30']) {
      it(`${basis}: warning on the tci value, fix sets tci: false`, () => {
        const text = sys(basis, { tci: true });
        const { r, found } = only(text);
        assert.equal(found.length, 1);
        const f = found[0]!;
        assert.equal(f.severity, 'warning');
        assert.equal(f.message, `noteAssistant.tci is true, but SAP_BASIS ${basis.slice(0, 3)} has no TCI procedure in the guide (2.1.4.3 covers 700, 701, 702, 731, 740, 750, 751, 752+): Note Assistant on ${basis} cannot be TCI-enabled; set tci to false — digitally signed SAP Notes then need 2408073/2546220/2508268`);
        assert.equal(rangeText(f), '7:11-7:15');
        assert.equal(f.fixes?.[0]?.title, 'Set noteAssistant.tci to false');
        assert.equal(f.fixes?.[0]?.isPreferred, true);
        const fixed = applyFix(r, f);
        assert.equal(fixed, sys(basis, { tci: false }));
        const again = lint(fixed);
        assert.deepEqual(ofRule(again, RULE), []);
        assert.deepEqual(again.findings.filter((x) => BROKEN.includes(x.ruleId)), []);
      });
    }

    it('tci: false or no tci on 710/711/730: no finding; tci: true on TCI-capable releases: no finding', () => {
      for (const basis of ['710 SP22', '711 SP17', '730 SP18']) {
        assert.deepEqual(only(sys(basis, { tci: false })).found, []);
        assert.deepEqual(only(sys(basis)).found, []);
      }
      for (const basis of ['700 SP01', '731 SP01', '754 SP00']) assert.deepEqual(only(sys(basis, { tci: true })).found, []);
    });

    it('YAML flow map and JSON fixes', () => {
      const flow = dedent(`
        landscape: T
        systems:
          OLD: { role: abap, connection: none, basis: 730 SP10, noteAssistant: { tci: true, trustAnchors: true } }
      `);
      const f1 = only(flow);
      const fixedFlow = applyFix(f1.r, f1.found[0]!);
      assert.equal(fixedFlow, flow.replace('tci: true', 'tci: false'));
      assert.deepEqual(only(fixedFlow).found, []);

      const json = '{\n  "landscape": "T",\n  "systems": {\n    "OLD": { "role": "abap", "connection": "none", "basis": "711 SP10",\n      "noteAssistant": { "tci": true } }\n  }\n}\n';
      const uri = 'file:///t.landscape.json';
      const f2 = only(json, uri);
      assert.equal(rangeText(f2.found[0]!), '4:32-4:36');
      const fixedJson = applyFix(f2.r, f2.found[0]!);
      assert.equal(fixedJson, json.replace('"tci": true', '"tci": false'));
      const again = lint(fixedJson, uri);
      assert.deepEqual(ofRule(again, RULE), []);
      assert.deepEqual(again.findings.filter((x) => BROKEN.includes(x.ruleId)), []);
    });

    it('after the fix the digital-signature rule still asks for the three notes', () => {
      const text = sys('710 SP22', { tci: true });
      assert.equal(ofRule(lint(text), 'na-digital-signature')[0]?.message, 'SAP_BASIS 710 SP22 lacks digital-signature support, implement 2408073/2546220/2508268');
    });
  });

  it('examples: nothing in acme and the clean landscapes', () => {
    for (const f of ['acme.landscape.yaml', 'clean.landscape.yaml', 'clean.landscape.json']) {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`);
      assert.deepEqual(ofRule(r, RULE), [], f);
    }
  });
});
