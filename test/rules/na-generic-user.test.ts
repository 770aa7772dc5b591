import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'na-generic-user';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

/** One system with destination lines; with one communication user and a communicationUser, line 10 is the first destination. */
function sys(basis: string, destinations: string[], opts: { commUser?: string; users?: string[]; enabled?: boolean } = {}): string {
  const { commUser, users = ['S0023456789'], enabled } = opts;
  return [
    'landscape: T',
    'communicationUsers:',
    ...users.map((u) => `  ${u}: { description: user ${u.slice(-2)} }`),
    'systems:',
    '  GRP:',
    '    role: abap',
    '    connection: direct',
    `    basis: ${basis}`,
    ...(enabled === undefined ? [] : [`    noteAssistant: { enabled: ${enabled} }`]),
    ...(commUser === undefined ? [] : [`    communicationUser: ${commUser}`]),
    '    destinations:',
    ...destinations.map((d) => `      ${d}`),
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

const message = (dest: string, basis: string, commUser?: string): string =>
  `RFC destination ${dest} logs on with the generic user OSS_RFC: on SAP_BASIS ${basis} replace it with ${commUser ? `the technical communication user ${commUser}` : 'a technical communication user'} (SAP Notes 2740667 and 2174416); Note Assistant needs that user to download digitally signed SAP Notes (guide 2.3)`;

describe('rule na-generic-user (guide 2.1.4.2 step 2, 2.3)', () => {
  // Guide 2.1.4.2 step 2: "700 to 731: Replace the generic user in RFC destination SAPOSS/SAPSNOTE".
  const IN_RANGE = ['700 SP35', '701 SP20', '702 SP17', '710 SP23', '711 SP18', '730 SP19', '731 SP19', '731 SP30'];
  const OUT_OF_RANGE = ['740 SP00', '740 SP20', '750 SP13', '752 SP02', '754 SP02'];

  for (const basis of IN_RANGE) {
    it(`${basis}: SAPOSS and SAPSNOTE with OSS_RFC → one error each, on the user value`, () => {
      const text = sys(basis, ['SAPOSS: { type: "3", user: OSS_RFC }', 'SAPSNOTE: { type: "3", user: OSS_RFC }'], { commUser: 'S0023456789' });
      const { found } = only(text);
      assert.deepEqual(found.map((f) => [f.severity, f.system, f.message, rangeText(f)]), [
        ['error', 'GRP', message('SAPOSS', basis, 'S0023456789'), '10:33-10:40'],
        ['error', 'GRP', message('SAPSNOTE', basis, 'S0023456789'), '11:35-11:42'],
      ]);
    });
  }

  for (const basis of OUT_OF_RANGE) {
    it(`${basis}: no finding (RFC download is not possible at all; na-download-channel)`, () => {
      assert.deepEqual(only(sys(basis, ['SAPOSS: { type: "3", user: OSS_RFC }'], { commUser: 'S0023456789' })).found, []);
    });
  }

  it('no finding for a technical communication user, no user, other destinations, enabled: false, unknown basis', () => {
    assert.deepEqual(only(sys('731 SP19', ['SAPOSS: { type: "3", user: S0023456789 }'])).found, []);
    assert.deepEqual(only(sys('731 SP19', ['SAPOSS: { type: "3" }'])).found, []);
    assert.deepEqual(only(sys('731 SP19', ['SAPNET_RFC: { type: "3", user: OSS_RFC }', 'SAP-OSS: { type: "3", user: OSS_RFC }'])).found, []);
    assert.deepEqual(only(sys('731 SP19', ['SAPOSS: { type: "3", user: OSS_RFC }'], { enabled: false })).found, []);
    assert.deepEqual(only(sys('720 SP05', ['SAPOSS: { type: "3", user: OSS_RFC }'])).found, []);
    assert.deepEqual(only(sys('640 SP05', ['SAPOSS: { type: "3", user: OSS_RFC }'])).found, []);
  });

  it('the generic user is recognised regardless of case', () => {
    assert.equal(only(sys('702 SP17', ['SAPOSS: { type: "3", user: oss_rfc }'])).found.length, 1);
  });

  it('connection solman/frun/none and solman systems are checked too', () => {
    for (const c of ['none', 'solman', 'frun']) {
      const text = sys('702 SP17', ['SAPOSS: { type: "3", user: OSS_RFC }']).replace('connection: direct', `connection: ${c}`);
      assert.equal(only(text).found.length, 1, c);
    }
    const solman = sys('702 SP17', ['SAPOSS: { type: "3", user: OSS_RFC }']).replace('    role: abap\n    connection: direct\n', '    role: solman\n    release: "7.1"\n');
    assert.equal(only(solman).found.length, 1);
  });

  describe('fixes', () => {
    it('YAML flow map: the system\'s communicationUser replaces the generic user (preferred)', () => {
      const text = sys('702 SP17', ['SAPOSS: { type: "3", user: OSS_RFC }'], { commUser: 'S0023456789' });
      const { r, found } = only(text);
      assert.deepEqual(found[0]!.fixes?.map((x) => [x.title, x.isPreferred]), [['Use technical communication user S0023456789 in SAPOSS', true]]);
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, sys('702 SP17', ['SAPOSS: { type: "3", user: S0023456789 }'], { commUser: 'S0023456789' }));
      assertClean(fixed);
    });

    it('YAML block map', () => {
      const text = dedent(`
        landscape: T
        systems:
          GRP:
            role: abap
            connection: direct
            basis: 731 SP19
            communicationUser: S0023456789
            destinations:
              SAPSNOTE:
                type: "3"
                user: OSS_RFC   # generic
      `);
      const { r, found } = only(text);
      assert.equal(rangeText(found[0]!), '10:14-10:21');
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, text.replace('user: OSS_RFC', 'user: S0023456789'));
      assertClean(fixed);
    });

    it('no communicationUser: one fix per communicationUsers key, at most 5, none preferred', () => {
      const users = ['S0000000001', 'S0000000002', 'S0000000003', 'S0000000004', 'S0000000005', 'S0000000006'];
      const text = sys('702 SP17', ['SAPOSS: { type: "3", user: OSS_RFC }'], { users });
      const { r, found } = only(text);
      assert.equal(found[0]!.message, message('SAPOSS', '702 SP17'));
      const fixes = found[0]!.fixes ?? [];
      assert.deepEqual(fixes.map((x) => [x.title, x.isPreferred]), users.slice(0, 5).map((u) => [`Use technical communication user ${u} (user ${u.slice(-2)}) in SAPOSS and as communicationUser`, undefined]));
      const fixed = applyFix(r, found[0]!, 2);
      // the destination's user, and the same user as the system's communicationUser (guide 2.3)
      assert.equal(fixed, text.replace('user: OSS_RFC', 'user: S0000000003').replace('    destinations:\n', '    destinations:\n').replace(/\n$/, '\n').replace('      SAPOSS: { type: "3", user: S0000000003 }\n', '      SAPOSS: { type: "3", user: S0000000003 }\n    communicationUser: S0000000003\n'));
      assertClean(fixed);
      assert.deepEqual(ofRule(lint(fixed), 'comm-user-missing').map((f) => f.message), [], 'the fix completes the system: no comm-user-missing left');
    });

    it('no communicationUser: the user of the system\'s own track comes first (issue 14 item 8)', () => {
      const text = [
        'landscape: T',
        'communicationUsers:',
        '  S0000000001: { description: SolMan }',
        '  S0000000002: { description: CRM track }',
        '  S0000000003: { description: ERP track }',
        'tracks:',
        '  ERP: [EDV, GRP]',
        'systems:',
        '  EDV:',
        '    role: abap',
        '    connection: direct',
        '    basis: 702 SP17',
        '    communicationUser: S0000000003',
        '  GRP:',
        '    role: abap',
        '    connection: direct',
        '    basis: 702 SP17',
        '    destinations:',
        '      SAPOSS: { type: "3", user: OSS_RFC }',
        '',
      ].join('\n');
      const { r, found } = only(text);
      const grp = found.find((f) => f.system === 'GRP')!;
      assert.match(grp.fixes![0].title, /^Use technical communication user S0000000003 \(ERP track\) in SAPOSS/);
      const fixed = applyFix(r, grp, 0);
      assert.deepEqual(ofRule(lint(fixed), RULE).filter((f) => f.system === 'GRP').map((f) => f.message), []);
      assert.deepEqual(ofRule(lint(fixed), 'comm-user-missing').filter((f) => f.system === 'GRP').map((f) => f.message), []);
    });

    it('a single communicationUsers key is preferred; no users at all: no fix', () => {
      const one = only(sys('702 SP17', ['SAPOSS: { type: "3", user: OSS_RFC }'])).found[0]!;
      assert.deepEqual(one.fixes?.map((x) => x.isPreferred), [true]);
      const none = only(sys('702 SP17', ['SAPOSS: { type: "3", user: OSS_RFC }'], { users: [] }).replace('communicationUsers:\n', '')).found[0]!;
      assert.equal(none.fixes, undefined);
    });

    it('JSON', () => {
      const json = [
        '{',
        '  "landscape": "T",',
        '  "systems": {',
        '    "GRP": {',
        '      "role": "abap",',
        '      "connection": "direct",',
        '      "basis": "702 SP17",',
        '      "communicationUser": "S0023456789",',
        '      "destinations": { "SAPOSS": { "type": "3", "user": "OSS_RFC" } }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      const uri = 'file:///t.landscape.json';
      const { r, found } = only(json, uri);
      assert.equal(rangeText(found[0]!), '8:57-8:66');
      const fixed = applyFix(r, found[0]!);
      assert.equal(fixed, json.replace('"OSS_RFC"', '"S0023456789"'));
      assertClean(fixed, uri);
    });
  });

  it('acme: only GRP (SAPOSS with OSS_RFC, 5 user fixes); clean examples: nothing', () => {
    const acme = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
    const found = ofRule(acme, RULE);
    assert.deepEqual(found.map((f) => [f.system, f.severity, f.message]), [['GRP', 'error', message('SAPOSS', '702 SP17')]]);
    assert.equal(found[0]!.fixes?.length, 5);
    for (const f of ['clean.landscape.yaml', 'clean.landscape.json']) {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`);
      assert.deepEqual(ofRule(r, RULE), [], f);
    }
  });
});
