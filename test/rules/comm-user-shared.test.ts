import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';
import { JSON_URI, lintValid, only } from './landscape-fixtures';

const RULE = 'comm-user-shared';

/** Systems that need nothing else, one per line, with a user each. */
function landscape(tracks: string, systems: [string, string][], extra = ''): string {
  return [
    'landscape: T',
    'communicationUsers:',
    '  S0023456789: { description: one }',
    '  S0023456790: { description: two }',
    tracks ? `tracks:\n${tracks}` : '',
    'systems:',
    ...systems.map(([sid, user]) => `  ${sid}: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: ${user} }`),
    extra,
    '',
  ].filter((l) => l !== '').join('\n') + '\n';
}

describe(RULE, () => {
  it('acme: S0023456789 is shared by ERP (EDV, EQA, EPR) and BW (BWD, BWP) — one info on each of the five', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8');
    const found = ofRule(lint(text, 'file:///acme.landscape.yaml'), RULE);
    assert.deepEqual(found.map((f) => f.system), ['EDV', 'EQA', 'EPR', 'BWD', 'BWP']);
    for (const f of found) {
      assert.equal(f.severity, 'info');
      assert.equal(f.message, 'S0023456789 is shared by track ERP (EDV, EQA, EPR) and track BW (BWD, BWP); if it gets locked, all these systems lose their connection to SAP — request one technical communication user per track (e.g. DEV-QAS-PRD) or per system (SAP Note 2174416)');
      assert.equal(text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character), 'S0023456789');
    }
    // related information: the systems of the other track
    assert.deepEqual(found[0].related?.map((x) => x.message), ['BWD (track BW) uses the same user S0023456789', 'BWP (track BW) uses the same user S0023456789']);
    assert.deepEqual(found[3].related?.map((x) => x.message), [
      'EDV (track ERP) uses the same user S0023456789',
      'EQA (track ERP) uses the same user S0023456789',
      'EPR (track ERP) uses the same user S0023456789',
    ]);
  });

  it('one user per track: nothing', () => {
    const r = lintValid(landscape('  ERP: [EDV, EPR]\n  BW: [BWD, BWP]', [['EDV', 'S0023456789'], ['EPR', 'S0023456789'], ['BWD', 'S0023456790'], ['BWP', 'S0023456790']]));
    assert.equal(ofRule(r, RULE).length, 0);
  });

  it('range is the communicationUser value; related info points at the other systems\' values', () => {
    const r = lintValid(landscape('  ERP: [EDV, EPR]\n  BW: [BWD]', [['EDV', 'S0023456789'], ['EPR', 'S0023456790'], ['BWD', 'S0023456789']]));
    const edv = only(r, RULE, 'EDV');
    assert.equal(rangeText(edv), '8:93-8:104');
    assert.deepEqual(edv.related?.map((x) => `${x.range.start.line}:${x.range.start.character}`), ['10:93']);
    assert.equal(only(r, RULE, 'BWD').message.split(';')[0], 'S0023456789 is shared by track ERP (EDV) and track BW (BWD)');
    assert.equal(ofRule(r, RULE).length, 2);
  });

  it('systems in no track do not count (spec: "shared by systems of more than one track")', () => {
    const r = lintValid(landscape('  ERP: [EDV, EPR]', [['EDV', 'S0023456789'], ['EPR', 'S0023456789'], ['SBX', 'S0023456789'], ['CRP', 'S0023456790'], ['PIP', 'S0023456790']]));
    assert.deepEqual(ofRule(r, RULE), []);
    const r2 = lintValid(landscape('  ERP: [EDV, EPR]\n  CRM: [CRP]', [['EDV', 'S0023456789'], ['EPR', 'S0023456790'], ['SBX', 'S0023456789'], ['CRP', 'S0023456790']]));
    assert.deepEqual(ofRule(r2, RULE).map((f) => f.system), ['EPR', 'CRP']);
    assert.equal(only(r2, RULE, 'CRP').message.split(';')[0], 'S0023456790 is shared by track ERP (EPR) and track CRM (CRP)');
  });

  it('tracks that share a system are one installation: no finding between them', () => {
    const r = lintValid(landscape('  ERP: [EDV, EQA, EPR]\n  ERP2: [EDV, EQ2]', [['EDV', 'S0023456789'], ['EQA', 'S0023456789'], ['EPR', 'S0023456789'], ['EQ2', 'S0023456789']]));
    assert.equal(ofRule(r, RULE).length, 0);
    const r2 = lintValid(landscape('  ERP: [EDV, EQA]\n  ERP2: [EDV, EQ2]\n  BW: [BWD]', [['EDV', 'S0023456789'], ['EQA', 'S0023456789'], ['EQ2', 'S0023456789'], ['BWD', 'S0023456789']]));
    assert.equal(only(r2, RULE, 'BWD').message.split(';')[0], 'S0023456789 is shared by tracks ERP and ERP2 (EDV, EQA, EQ2) and track BW (BWD)');
  });

  it('the SolMan backend user counts as a use by SAP Solution Manager', () => {
    const text = dedent(`
      landscape: T
      communicationUsers:
        S0023456789: { description: ERP }
        S0023456790: { description: SolMan }
      tracks:
        ERP: [EDV]
        SM: [SOL]
      systems:
        EDV: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456789 }
        SOL:
          role: solman
          release: 7.2 SPS08
          communicationUser: S0023456790
          solmanSetup:
            backendUser: S0023456789
            communicationUser: S0001234567
    `);
    const r = lintValid(text);
    const sol = only(r, RULE, 'SOL');
    // SOL's own communicationUser is not shared, so the finding sits on the backend user
    assert.equal(rangeText(sol), '14:19-14:30');
    assert.equal(ofRule(r, RULE).length, 2);
  });

  it('undeclared users are compared too (comm-user-unknown reports the declaration)', () => {
    const r = lintValid(landscape('  ERP: [EDV]\n  BW: [BWD]', [['EDV', 'S0011111111'], ['BWD', 'S0011111111']]));
    assert.equal(ofRule(r, RULE).length, 2);
  });

  it('JSON', () => {
    const json = JSON.stringify({
      landscape: 'T',
      communicationUsers: { S0023456789: {} },
      tracks: { ERP: ['EDV'], BW: ['BWD'] },
      systems: {
        EDV: { role: 'abap', connection: 'none', noteAssistant: { enabled: false }, communicationUser: 'S0023456789' },
        BWD: { role: 'abap', connection: 'none', noteAssistant: { enabled: false }, communicationUser: 'S0023456789' },
      },
    }, null, 2) + '\n';
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, 'BWD');
    assert.equal(json.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character), '"S0023456789"');
    assert.equal(f.fixes, undefined);
  });
});

describe('comm-user-shared on a large landscape', () => {
  it('keeps each finding small: at most 6 groups named and 10 related systems', () => {
    // 300 SIDs Q2S, Q2T, … (base 36), each in a track of its own: 300 tracks sharing one user
    const sids = Array.from({ length: 300 }, (_, i) => `Q${(i + 100).toString(36).toUpperCase()}`);
    const lines = ['landscape: Big', 'communicationUsers:', '  S0000000001: {}', 'tracks:', ...sids.map((sid) => `  T${sid}: [${sid}]`), 'systems:'];
    for (const sid of sids) lines.push(`  ${sid}: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0000000001 }`);
    const r = lint(lines.join('\n') + '\n');
    const found = r.findings.filter((f) => f.ruleId === 'comm-user-shared');
    assert.equal(found.length, 300);
    for (const f of found) {
      assert.ok((f.related ?? []).length <= 10);
      assert.ok(f.message.length < 400, f.message);
      assert.match(f.message, /294 more/);
    }
  });
});
