import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';
import { fixed, JSON_URI, lintValid, only, titles } from './landscape-fixtures';

const RULE = 'track-transport';

/** A track of systems (flow maps, SNOTE, direct connectivity), source system first. */
function track(systems: [string, string][], tracks = `  T1: [${systems.map(([sid]) => sid).join(', ')}]`): string {
  return ['landscape: T', 'tracks:', tracks, 'systems:', ...systems.map(([sid, fields]) => `  ${sid}: { role: abap, connection: direct, ${fields} }`), ''].join('\n');
}

/** "<system>:<note>" of every finding. */
function missing(text: string): string[] {
  return ofRule(lintValid(text), RULE).map((f) => `${f.system}:${(f.data as { note: number }).note}`);
}

describe(RULE, () => {
  it('acme: 2738426 is in EDV and EQA but not in EPR — one warning on EPR, related to EQA and EDV', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8');
    const r = lint(text, 'file:///acme.landscape.yaml');
    const f = only(r, RULE);
    assert.equal(f.system, 'EPR');
    assert.equal(f.severity, 'warning');
    assert.equal(text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character), '[2576306, 2781565]');
    assert.equal(f.message, 'SAP Note 2738426 (Task list SAP_BASIS_CONFIG_OSS_COMM) is implemented in EDV and EQA (earlier in track ERP) but not in EPR: import the transport from EQA into EPR and record the note — changes to Note Assistant and the backbone notes are transported throughout the landscape (guide 2.1.4, 4.3)');
    assert.deepEqual(f.related?.map((x) => x.message), ['EQA has SAP Note 2738426: transport it from there (track ERP)', 'EDV has SAP Note 2738426: transport it from there (track ERP)']);
    // the related ranges are the note items in EQA and EDV
    for (const x of f.related ?? []) assert.equal(text.split('\n')[x.range.start.line].slice(x.range.start.character, x.range.end.character), '2738426');
    assert.deepEqual(titles(f), ['Add SAP Note 2738426 to notes of EPR']);
  });

  it('clean example: nothing', () => {
    for (const file of ['clean.landscape.yaml', 'clean.landscape.json']) {
      assert.equal(ofRule(lint(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'), `file:///${file}`), RULE).length, 0);
    }
  });

  it('one warning per missing note per later system', () => {
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 731 SP10, noteAssistant: { tci: false }, notes: [2408073, 2546220, 2508268, 2738426]'],
      ['QAS', 'basis: 731 SP10, noteAssistant: { tci: false }, notes: [2408073]'],
      ['PRD', 'basis: 731 SP10, noteAssistant: { tci: false }, notes: [2408073, 2546220, 2508268]'],
    ])), ['QAS:2508268', 'QAS:2546220', 'QAS:2738426', 'PRD:2738426']);
  });

  it('only backbone notes, only forwards along the track', () => {
    // 2781565 (TLS) is no Note Assistant or backbone note; a note only in the later system is fine
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 754 SP02, notes: [2781565]'],
      ['PRD', 'basis: 754 SP02, notes: [2738426]'],
    ])), []);
  });

  it('systems with noteAssistant.enabled: false and SIDs that do not exist are skipped', () => {
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 754 SP02, notes: [2738426]'],
      ['PRD', 'basis: 754 SP02, noteAssistant: { enabled: false }'],
    ])), []);
    const r = lint(track([['DEV', 'basis: 754 SP02, notes: [2738426]']], '  T1: [DEV, XXX]'));
    assert.equal(ofRule(r, RULE).length, 0);
    assert.equal(ofRule(r, 'unknown-reference').length, 1);
  });

  // guide 2.1.4.2 table: 731 SP23 handles signed notes; below it the digital-signature notes apply
  const dsTable: [string, string, string[]][] = [
    ['later 731 SP22 (below 731 SP23)', '731 SP22', ['PRD:2576306']],
    ['later 731 SP23 (threshold)', '731 SP23', []],
    ['later 750 SP11 (below 750 SP12)', '750 SP11', ['PRD:2576306']],
    ['later 750 SP12 (threshold)', '750 SP12', []],
  ];
  for (const [name, basis, expected] of dsTable) {
    it(`digital-signature note 2576306: ${name}`, () => {
      assert.deepEqual(missing(track([
        ['DEV', 'basis: 731 SP19, notes: [2576306]'],
        ['PRD', `basis: ${basis}, noteAssistant: { tci: true }`],
      ])), expected);
    });
  }

  it('digital-signature notes of the other TCI state are not expected (2.1.4.2: 2576306 vs 2408073/2546220/2508268)', () => {
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 731 SP10, noteAssistant: { tci: false }, notes: [2408073, 2546220, 2508268]'],
      ['PRD', 'basis: 731 SP19, notes: [2576306]'],
    ])), []);
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 731 SP19, notes: [2576306]'],
      ['PRD', 'basis: 731 SP19, noteAssistant: { tci: false }, notes: [2408073, 2546220, 2508268]'],
    ])), []);
  });

  // guide 2.1.4.3 table: 731 is TCI-enabled from SP19; below, the bootstrap note 1995550 and 2408383 apply
  const tciTable: [string, string, string[]][] = [
    ['later 731 SP18 (below 731 SP19)', '731 SP18', ['PRD:1995550', 'PRD:2408383']],
    ['later 731 SP19 (threshold)', '731 SP19', []],
    ['later 740 SP15 (below 740 SP16; 1995550 also covers 740)', '740 SP15', ['PRD:1995550', 'PRD:2408383']],
    ['later 740 SP16 (threshold)', '740 SP16', []],
  ];
  for (const [name, basis, expected] of tciTable) {
    it(`TCI bootstrap notes: ${name}`, () => {
      assert.deepEqual(missing(track([
        ['DEV', 'basis: 731 SP10, notes: [1995550, 2408383, 2576306]'],
        ['PRD', `basis: ${basis}, notes: [2576306]`],
      ])), expected);
    });
  }

  it('release-specific notes of another release are not expected (bootstrap 2446868 is for 700 only)', () => {
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 700 SP20, notes: [2446868]'],
      ['PRD', 'basis: 731 SP10'],
    ])), []);
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 700 SP20, notes: [2446868]'],
      ['PRD', 'basis: 700 SP20'],
    ])), ['PRD:2446868']);
    // unknown release of the later system: still expected
    assert.deepEqual(missing(track([
      ['DEV', 'basis: 700 SP20, notes: [2446868]'],
      ['PRD', 'noteAssistant: { tci: false }'],
    ])), ['PRD:2446868']);
  });

  it('2738426 is expected only in directly connected ABAP systems of the track (not indirect ones, not SolMan)', () => {
    const text = dedent(`
      landscape: T
      tracks:
        T1: [DEV, QAS, PRD, SOL]
      systems:
        DEV: { role: abap, connection: direct, basis: 754 SP02, notes: [2738426] }
        QAS: { role: abap, connection: solman, managedBy: SOL, basis: 754 SP02 }
        PRD: { role: abap, connection: direct, basis: 754 SP02 }
        SOL: { role: solman, release: 7.2 SPS08, basis: 740 SP20 }
    `);
    assert.deepEqual(missing(text), ['PRD:2738426']);
  });

  it('a system in two tracks gets one finding per note, with the sources of both tracks', () => {
    const r = lintValid(track([
      ['DEV', 'basis: 754 SP02, notes: [2738426]'],
      ['DV2', 'basis: 754 SP02, notes: [2738426]'],
      ['PRD', 'basis: 754 SP02, notes: []'],
    ], '  T1: [DEV, PRD]\n  T2: [DV2, PRD]'));
    const f = only(r, RULE, 'PRD');
    assert.deepEqual(f.related?.map((x) => x.message), ['DEV has SAP Note 2738426: transport it from there (track T1)', 'DV2 has SAP Note 2738426: transport it from there (track T2)']);
  });

  it('fix (YAML flow list): adds the note; range is the notes value', () => {
    const text = track([['DEV', 'basis: 754 SP02, notes: [2738426]'], ['PRD', 'basis: 754 SP02, notes: [2781565]']]);
    const r = lintValid(text);
    const f = only(r, RULE, 'PRD');
    assert.equal(rangeText(f), '5:65-5:74'); // [2781565]
    const { text: out, result } = fixed(r, f);
    assert.equal(out, text.replace('notes: [2781565]', 'notes: [2781565, 2738426]'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('fix (YAML block, notes absent): creates the list; range is the SID', () => {
    const text = dedent(`
      landscape: T
      tracks:
        ERP: [EDV, EPR]
      systems:
        EDV:
          role: abap
          connection: direct
          basis: 754 SP02
          notes:
            - 2738426
        EPR:
          role: abap
          connection: direct
          basis: 754 SP02
    `);
    const r = lintValid(text);
    const f = only(r, RULE, 'EPR');
    assert.equal(rangeText(f), '10:2-10:5');
    assert.equal(rangeText({ ...f, range: f.related![0].range }), '9:8-9:15');
    const { text: out, result } = fixed(r, f);
    assert.equal(out, `${text}    notes: [2738426]\n`);
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('fix (JSON)', () => {
    const json = [
      '{',
      '  "landscape": "T",',
      '  "tracks": { "ERP": ["EDV", "EPR"] },',
      '  "systems": {',
      '    "EDV": { "role": "abap", "connection": "direct", "basis": "754 SP02", "notes": [2738426] },',
      '    "EPR": { "role": "abap", "connection": "direct", "basis": "754 SP02", "notes": [] }',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, 'EPR');
    const { text, result } = fixed(r, f);
    assert.equal(text, json.replace('"notes": [] }', '"notes": [2738426] }'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('a long track: the message names the 10 nearest earlier systems and how many more; 10 related', () => {
    const sids = Array.from({ length: 13 }, (_, i) => `E${String.fromCharCode(65 + i)}1`);
    const text = track([...sids.map((sid): [string, string] => [sid, 'basis: 754 SP02, notes: [2738426]']), ['EPR', 'basis: 754 SP02, notes: []']]);
    const f = only(lintValid(text), RULE, 'EPR');
    const nearest = sids.slice(3);
    assert.equal(f.message, `SAP Note 2738426 (Task list SAP_BASIS_CONFIG_OSS_COMM) is implemented in 3 earlier systems, ${nearest.slice(0, -1).join(', ')} and ${nearest[nearest.length - 1]} (earlier in track T1) but not in EPR: import the transport from EM1 into EPR and record the note — changes to Note Assistant and the backbone notes are transported throughout the landscape (guide 2.1.4, 4.3)`);
    assert.deepEqual(f.related?.map((x) => x.message), [...nearest].reverse().map((sid) => `${sid} has SAP Note 2738426: transport it from there (track T1)`));
    assert.deepEqual((f.data as { from: string[] }).from, [...nearest].reverse());
  });
});
