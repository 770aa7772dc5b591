import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'legacy-destination';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];

/** One system with one destination line (line 7 is the destination). */
function doc(dest: string, head: string[] = ['    role: abap', '    connection: direct', '    basis: 750 SP13'], extra: string[] = []): string {
  return ['landscape: T', 'systems:', '  EDV:', ...head, '    destinations:', `      ${dest}`, ...extra, ''].join('\n');
}

function assertGone(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule legacy-destination (guide 2.1.5)', () => {
  // Guide 2.1.5 "Previous RFC Connections": name and logon user; the HTTPS destinations that take
  // over ("New Connections", 4.1 for SDCCN). [destination entry, logon user text, replacements]
  const table: [string, string, string][] = [
    ['SAP-OSS: { type: "3", user: S0001234567 }', 'logon user S-user', 'HTTPS destinations SAP-SUPPORT_PORTAL and SAP-SUPPORT_PARCELBOX'],
    ['SAP-OSS-LIST-001: { type: "3" }', 'logon user S-user', 'HTTPS destination SAP-SUPPORT_PORTAL'],
    ['SDCC_OSS: { type: "3" }', 'logon user: see SAP Note 763561', 'HTTPS destination SAP-SUPPORT_PORTAL'],
    ['SAPNET_RFC: { type: "3", user: OSS_RFC }', 'logon user OSS_RFC', 'HTTPS destinations SAP-SUPPORT_PORTAL and SAP-SUPPORT_PARCELBOX'],
    ['SAPNET_RTCC: { type: "3", user: ST14_TRCC }', 'logon user ST14_TRCC', 'HTTPS destination SAP-SUPPORT_PORTAL'],
    // SAP_BASIS 750: Note Assistant cannot download via RFC (2.1.4.2), SAPOSS goes
    ['SAPOSS: { type: "3", user: OSS_RFC }', 'logon user OSS_RFC', 'HTTPS destination SAP-SUPPORT_NOTE_DOWNLOAD'],
    ['SAPOSS: { type: "3" }', 'logon user OSS_RFC', 'HTTPS destination SAP-SUPPORT_NOTE_DOWNLOAD'],
  ];
  for (const [dest, logon, replacement] of table) {
    const name = dest.split(':')[0]!;
    it(`${dest}: info naming ${replacement}`, () => {
      const found = ofRule(lint(doc(dest)), RULE);
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, 'info');
      assert.equal(f.system, 'EDV');
      assert.deepEqual(f.tags, [2]);
      assert.equal(rangeText(f), `7:6-7:${6 + name.length}`);
      assert.ok(
        // guide 2.1.5 lists them as replaced and no longer used; it never says to delete them (independent guide review)
        f.message.startsWith(`Legacy RFC destination ${name} is replaced by ${replacement}, created by task list SAP_BASIS_CONFIG_OSS_COMM (guide 2.1.5): it is no longer used once they work (old ${logon}, use: `),
        f.message,
      );
      assert.equal(f.fixes?.[0]?.title, `Remove legacy destination ${name}`);
      assert.equal(f.fixes?.[0]?.isPreferred, true);
    });
  }

  it('exact message for SDCC_OSS (logon user per SAP Note 763561)', () => {
    const f = ofRule(lint(doc('SDCC_OSS: { type: "3" }')), RULE)[0]!;
    assert.equal(
      f.message,
      'Legacy RFC destination SDCC_OSS is replaced by HTTPS destination SAP-SUPPORT_PORTAL, created by task list SAP_BASIS_CONFIG_OSS_COMM (guide 2.1.5): it is no longer used once they work (old logon user: see SAP Note 763561, use: Service Data Control Center traffic with the SAP Support Portal; updating service definitions (EWA and service plan))',
    );
  });

  describe('SAPOSS (2.1.4.2, 2.1.5 "New Connections": SAPOSS with a technical communication user)', () => {
    it('SAPOSS with a technical communication user is not legacy', () => {
      assert.deepEqual(ofRule(lint(doc('SAPOSS: { type: "3", user: S0023456789 }', ['    role: abap', '    connection: direct', '    basis: 731 SP19'])), RULE), []);
    });

    it('new HTTPS destinations are not legacy', () => {
      assert.deepEqual(ofRule(lint(doc('SAP-SUPPORT_PORTAL: { type: H }')), RULE), []);
      assert.deepEqual(ofRule(lint(doc('SAPOSS: { type: H }')), RULE), []);
    });

    it('702 with OSS_RFC: SAPOSS stays, with the technical communication user (no removal)', () => {
      const found = ofRule(lint(doc('SAPOSS: { type: "3", user: OSS_RFC }', ['    role: abap', '    connection: direct', '    basis: 702 SP17'])), RULE);
      assert.equal(found.length, 1);
      assert.equal(
        found[0]!.message,
        'Legacy RFC destination SAPOSS logs on with the generic user OSS_RFC: on SAP_BASIS 702 SAPOSS stays, logging on with a technical communication user instead of OSS_RFC (request it: SAP Note 2174416; replace generic users: SAP Note 2740667) (guide 2.1.5 "New Connections"; old logon user OSS_RFC, use: Note Assistant and the Automated Note Search Tool (ANST))',
      );
      assert.equal(found[0]!.fixes, undefined, 'no removal on 700-731, no user to set');
      // issue 14: a destination that stays is not struck through as deprecated
      assert.equal(found[0]!.tags, undefined);
    });

    it('731 type 3 without user, with a communication user: fix sets the user', () => {
      const text = dedent(`
        landscape: T
        communicationUsers:
          S0023456789: { description: ERP }
        systems:
          EDV:
            role: abap
            connection: direct
            basis: 731 SP19
            communicationUser: S0023456789
            destinations:
              SAPOSS: { type: "3" }
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(
        f.message,
        'Legacy RFC destination SAPOSS (type 3) has no technical communication user recorded: on SAP_BASIS 731 SAPOSS stays, logging on with technical communication user S0023456789 (guide 2.1.5 "New Connections"; old logon user OSS_RFC, use: Note Assistant and the Automated Note Search Tool (ANST))',
      );
      assert.deepEqual(f.fixes?.map((x) => [x.title, x.isPreferred]), [['Log on to SAPOSS with technical communication user S0023456789', true]]);
      const fixed = applyFix(r, f);
      assert.equal(fixed, text.replace('SAPOSS: { type: "3" }', 'SAPOSS: { type: "3", user: S0023456789 }'));
      assertGone(fixed);
    });

    it('SAP Solution Manager: SAPOSS stays, fix uses the backend user of SOLMAN_SETUP', () => {
      const text = dedent(`
        landscape: T
        communicationUsers:
          S0023456790: { description: SolMan }
        systems:
          SOL:
            role: solman
            release: 7.2 SPS08
            basis: 740 SP20
            solmanSetup:
              backendUser: S0023456790
            destinations:
              SAPOSS:
                type: "3"
                user: OSS_RFC
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.match(f.message, /^Legacy RFC destination SAPOSS logs on with the generic user OSS_RFC: in SAP Solution Manager SAPOSS stays, logging on with technical communication user S0023456790 instead of OSS_RFC/);
      assert.equal(rangeText(f), '11:6-11:12');
      assert.equal(f.tags, undefined, 'SAPOSS stays in SolMan: not deprecated');
      const fixed = applyFix(r, f);
      assert.equal(fixed, text.replace('user: OSS_RFC', 'user: S0023456790'));
      assertGone(fixed);
    });

    it('SAP_BASIS unknown: both ways are named, no removal offered', () => {
      const f = ofRule(lint(doc('SAPOSS: { type: "3", user: OSS_RFC }', ['    role: abap', '    connection: direct'])), RULE)[0]!;
      assert.match(f.message, /replaced by HTTPS destination SAP-SUPPORT_NOTE_DOWNLOAD .*, or by SAPOSS with a technical communication user instead of OSS_RFC .*record basis to decide/);
      assert.equal(f.fixes, undefined);
      assert.equal(f.tags, undefined, 'it may stay: not struck through');
    });
  });

  describe('connected systems list previous connections; indirect ABAP systems need no channel work (spec §2)', () => {
    const heads: [string, string[], number][] = [
      ['abap via solman', ['    role: abap', '    connection: solman', '    managedBy: SOL', '    basis: 750 SP13'], 0],
      ['abap without connection', ['    role: abap', '    connection: none', '    basis: 750 SP13'], 0],
      ['abap direct', ['    role: abap', '    connection: direct', '    basis: 750 SP13'], 1],
      ['frun', ['    role: frun', '    release: "2.0"', '    basis: 753 SP02'], 1],
      ['solman', ['    role: solman', '    release: 7.2 SPS08', '    basis: 740 SP20'], 1],
    ];
    for (const [name, head, count] of heads) {
      it(`${name}: ${count ? 'reported' : 'nothing'}`, () => {
        const found = ofRule(lint(doc('SAP-OSS-LIST-001: { type: "3" }', head)), RULE);
        assert.equal(found.length, count);
        if (count) assert.equal(found[0]!.range.start.line, 3 + head.length + 1);
      });
    }
    it('SAPOSS on Focused Run goes (no Note Assistant RFC download there)', () => {
      const f = ofRule(lint(doc('SAPOSS: { type: "3", user: OSS_RFC }', ['    role: frun', '    release: "2.0"'])), RULE)[0]!;
      assert.match(f.message, /^Legacy RFC destination SAPOSS is replaced by HTTPS destination SAP-SUPPORT_NOTE_DOWNLOAD,/);
    });
  });

  it('one finding per destination', () => {
    const text = dedent(`
      landscape: T
      systems:
        GRP:
          role: abap
          connection: direct
          basis: 702 SP17
          destinations:
            SAPOSS: { type: "3", user: OSS_RFC }
            SDCC_OSS: { type: "3" }
            SAP-SUPPORT_PORTAL: { type: H }
    `);
    const found = ofRule(lint(text), RULE);
    assert.deepEqual(found.map((f) => [f.data?.destination, rangeText(f)]), [['SAPOSS', '7:6-7:12'], ['SDCC_OSS', '8:6-8:14']]);
  });

  describe('quick-fixes', () => {
    it('YAML block: remove the destination', () => {
      const text = dedent(`
        landscape: T
        systems:
          EDV:
            role: abap
            connection: direct
            basis: 750 SP13
            destinations:
              SAP-SUPPORT_PORTAL: { type: H }
              SAPNET_RTCC:
                type: "3"
                user: ST14_TRCC
              SAP-SUPPORT_PARCELBOX: { type: G }
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.deepEqual(f.fixes?.map((x) => x.title), ['Remove legacy destination SAPNET_RTCC']);
      const fixed = applyFix(r, f);
      assert.equal(fixed, text.replace('      SAPNET_RTCC:\n        type: "3"\n        user: ST14_TRCC\n', ''));
      assertGone(fixed);
    });

    it('YAML flow: replace SAP-OSS by SAP-SUPPORT_PORTAL and SAP-SUPPORT_PARCELBOX with the communication user', () => {
      const text = dedent(`
        landscape: T
        communicationUsers:
          S0023456789: { description: ERP }
        systems:
          EDV: { role: abap, connection: direct, basis: 750 SP13, communicationUser: S0023456789, destinations: { SAP-OSS: { type: "3", user: S0001234567 } } }
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.deepEqual(f.fixes?.map((x) => [x.title, x.isPreferred]), [
        ['Remove legacy destination SAP-OSS', true],
        ['Replace legacy destination SAP-OSS by SAP-SUPPORT_PORTAL (type H) and SAP-SUPPORT_PARCELBOX (type G)', undefined],
      ]);
      assert.equal(
        applyFix(r, f, 0),
        text.replace('destinations: { SAP-OSS: { type: "3", user: S0001234567 } }', 'destinations: { }'),
      );
      const fixed = applyFix(r, f, 1);
      assert.equal(
        fixed,
        text.replace(
          'destinations: { SAP-OSS: { type: "3", user: S0001234567 } }',
          'destinations: { SAP-SUPPORT_PORTAL: { type: "H", user: S0023456789 }, SAP-SUPPORT_PARCELBOX: { type: G, user: S0023456789 } }',
        ),
      );
      assertGone(fixed);
    });

    it('YAML block: replace keeps position; the user is dropped when no communication user is recorded', () => {
      const text = dedent(`
        landscape: T
        systems:
          EDV:
            role: abap
            connection: direct
            basis: 750 SP13
            destinations:
              SAPNET_RFC:
                type: "3"
                user: OSS_RFC
              SAPOSS: { type: "3", user: S0023456789 }
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      const fixed = applyFix(r, f, 1);
      assert.equal(
        fixed,
        text.replace(
          '      SAPNET_RFC:\n        type: "3"\n        user: OSS_RFC\n      SAPOSS: { type: "3", user: S0023456789 }\n',
          '      SAP-SUPPORT_PORTAL:\n        type: "H"\n      SAPOSS: { type: "3", user: S0023456789 }\n      SAP-SUPPORT_PARCELBOX:\n        type: G\n',
        ),
      );
      assertGone(fixed);
    });

    it('SDCC_OSS still used by SDCCN: the removal also switches SDCCN (no dangling reference)', () => {
      const text = dedent(`
        landscape: T
        systems:
          EPR:
            role: abap
            connection: direct
            basis: 731 SP19
            destinations:
              SAPOSS: { type: "3", user: S0023456789 }
              SDCC_OSS: { type: "3" }
            sdccn:
              destinations: [SDCC_OSS]
              tasksRecreated: false
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(f.data?.usedBySdccn, true);
      assert.match(f.message, /\. SDCCN still uses it: in transaction SDCCN replace it by SAP-SUPPORT_PORTAL \(guide 4\.1\)$/);
      assert.deepEqual(f.fixes?.map((x) => x.title), [
        'Remove legacy destination SDCC_OSS and switch SDCCN to SAP-SUPPORT_PORTAL',
        'Replace legacy destination SDCC_OSS by SAP-SUPPORT_PORTAL (type H) and switch SDCCN to SAP-SUPPORT_PORTAL',
      ]);
      const fixed = applyFix(r, f, 0);
      assert.equal(fixed, text.replace('      SDCC_OSS: { type: "3" }\n', '').replace('[SDCC_OSS]', '[SAP-SUPPORT_PORTAL]'));
      assertGone(fixed);
      assert.deepEqual(ofRule(lint(fixed), 'sdccn-destinations'), [], 'SDCCN no longer points at the removed destination');
      const replaced = applyFix(r, f, 1);
      assert.equal(replaced, text.replace('SDCC_OSS: { type: "3" }', 'SAP-SUPPORT_PORTAL: { type: "H" }').replace('[SDCC_OSS]', '[SAP-SUPPORT_PORTAL]'));
      assertGone(replaced);
    });

    it('SDCC_OSS next to SAP-SUPPORT_PORTAL in SDCCN: the removal takes it out of the SDCCN list', () => {
      const text = dedent(`
        landscape: T
        systems:
          EPR:
            role: abap
            connection: direct
            basis: 731 SP19
            destinations:
              SDCC_OSS: { type: "3" }
            sdccn:
              destinations:
                - SDCC_OSS
                - SAP-SUPPORT_PORTAL
      `);
      const r = lint(text);
      const f = ofRule(r, RULE)[0]!;
      assert.match(f.message, /SDCCN still uses it: in transaction SDCCN remove it there \(guide 4\.1\)$/);
      assert.equal(f.fixes?.[0]?.title, 'Remove legacy destination SDCC_OSS and remove it from SDCCN');
      const fixed = applyFix(r, f, 0);
      assert.equal(fixed, text.replace('      SDCC_OSS: { type: "3" }\n', '      {}\n').replace('        - SDCC_OSS\n', ''));
      assertGone(fixed);
      assert.deepEqual(ofRule(lint(fixed), 'sdccn-destinations'), []);
    });

    it('JSON: remove, and replace', () => {
      const uri = 'file:///t.landscape.json';
      const json = (dest: string, sdccn: string): string => [
        '{',
        '  "landscape": "T",',
        '  "systems": {',
        '    "EPR": {',
        '      "role": "abap",',
        '      "connection": "direct",',
        '      "basis": "750 SP13",',
        `      "destinations": ${dest},`,
        `      "sdccn": { "destinations": ${sdccn}, "tasksRecreated": true }`,
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      const r = lint(json('{ "SDCC_OSS": { "type": "3" } }', '["SDCC_OSS"]'), uri);
      const f = ofRule(r, RULE)[0]!;
      assert.equal(rangeText(f), '7:24-7:34');
      const removed = applyFix(r, f, 0);
      assert.equal(removed, json('{ }', '["SAP-SUPPORT_PORTAL"]'));
      assertGone(removed, uri);
      const replaced = applyFix(r, f, 1);
      assert.equal(replaced, json('{ "SAP-SUPPORT_PORTAL": { "type": "H" } }', '["SAP-SUPPORT_PORTAL"]'));
      assertGone(replaced, uri);
    });
  });

  describe('examples', () => {
    const read = (f: string): string => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
    it('acme.landscape.yaml: the systems of examples/README.md', () => {
      const found = ofRule(lint(read('acme.landscape.yaml')), RULE);
      assert.deepEqual(found.map((f) => [f.system, f.data?.destination]), [['EPR', 'SDCC_OSS'], ['GRP', 'SAPOSS'], ['GRP', 'SDCC_OSS']]);
      assert.ok(found.every((f) => f.severity === 'info'));
    });
    it('clean.landscape.yaml and .json: nothing', () => {
      assert.deepEqual(ofRule(lint(read('clean.landscape.yaml')), RULE), []);
      assert.deepEqual(ofRule(lint(read('clean.landscape.json'), 'file:///clean.landscape.json'), RULE), []);
    });
  });
});
