import { strict as assert } from 'assert';
import type { Finding } from '../../server/src/core/types';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const RULE = 'tls-ciphersuites';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
// Guide 2.2.1, typed in: the recommended value, the SAP Solution Manager alternative, the note.
const REC = '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH';
const ALT = '918:PFS:HIGH::EC_P256:EC_HIGH';
const RESTART = '; a changed value takes effect only after a system restart';
const WITH_NOTE = ' with SAP Note 2781565 implemented (its correction instructions and manual activities)';

type Kind = 'solman' | 'abap' | 'frun';
const HEAD: Record<Kind, string[]> = {
  solman: ['    role: solman', '    release: 7.2 SPS08'],
  abap: ['    role: abap', '    connection: direct'],
  frun: ['    role: frun', '    release: "2.0"'],
};

/** One system; `value` undefined = no profile, `notes` undefined = no notes key. */
function sys(kind: Kind, value: string | undefined, notes?: number[]): string {
  return [
    'landscape: T',
    'systems:',
    '  X01:',
    ...HEAD[kind],
    ...(notes ? [`    notes: [${notes.join(', ')}]`] : []),
    ...(value === undefined ? [] : ['    profile:', `      ssl/client_ciphersuites: "${value}"`]),
    '',
  ].join('\n');
}

function one(text: string, uri?: string): { f: Finding; r: ReturnType<typeof lint> } {
  const r = lint(text, uri);
  const found = ofRule(r, RULE);
  assert.equal(found.length, 1, found.map((x) => x.message).join('\n'));
  return { f: found[0]!, r };
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule tls-ciphersuites (guide 2.2.1)', () => {
  // [role, value, notes, expected severity or undefined, message]
  const table: [Kind, string | undefined, number[] | undefined, 'warning' | 'info' | undefined, string][] = [];
  for (const kind of ['solman', 'abap', 'frun'] as Kind[]) {
    table.push(
      [kind, undefined, undefined, 'warning',
        `ssl/client_ciphersuites is not recorded: check it in transaction RZ11 and record it under profile; the support backbone needs TLS 1.1 or higher, the recommended value is ${REC}${WITH_NOTE}${RESTART}`],
      [kind, undefined, [2781565], 'warning',
        `ssl/client_ciphersuites is not recorded: check it in transaction RZ11 and record it under profile; the support backbone needs TLS 1.1 or higher, the recommended value is ${REC}${RESTART}`],
      [kind, REC, [2781565], undefined, ''],
      [kind, REC, [2576306, 2781565], undefined, ''],
      [kind, REC, [2576306], 'warning',
        `ssl/client_ciphersuites is ${REC} but SAP Note 2781565 is not in notes: implement its correction instructions and manual activities, or the value does not work`],
      [kind, REC, undefined, 'warning',
        `ssl/client_ciphersuites is ${REC} but SAP Note 2781565 is not in notes: implement its correction instructions and manual activities, or the value does not work`],
      [kind, 'HIGH', [2781565], 'warning',
        `ssl/client_ciphersuites is HIGH, not the recommended ${REC}: set the recommended value${RESTART}; for exceptional use cases see the expert values in SAP Note 510007`],
      [kind, '150:PFS:HIGH:MEDIUM', [], 'warning',
        `ssl/client_ciphersuites is 150:PFS:HIGH:MEDIUM, not the recommended ${REC}: set the recommended value${WITH_NOTE}${RESTART}; for exceptional use cases see the expert values in SAP Note 510007`],
    );
  }
  table.push(
    ['solman', ALT, undefined, 'info',
      `ssl/client_ciphersuites ${ALT} works on SAP Solution Manager but allows no TLS version above 1.2: consider the recommended value ${REC}${WITH_NOTE}${RESTART}`],
    ['solman', ALT, [2781565], 'info',
      `ssl/client_ciphersuites ${ALT} works on SAP Solution Manager but allows no TLS version above 1.2: consider the recommended value ${REC}${RESTART}`],
    ['abap', ALT, undefined, 'warning',
      `ssl/client_ciphersuites ${ALT} is for SAP Solution Manager only: set the recommended value ${REC}${WITH_NOTE}${RESTART}`],
    ['frun', ALT, [2781565], 'warning',
      `ssl/client_ciphersuites ${ALT} is for SAP Solution Manager only: set the recommended value ${REC}${RESTART}`],
  );

  for (const [kind, value, notes, severity, message] of table) {
    it(`${kind}: ${value ?? 'not recorded'}, notes ${notes ? `[${notes.join(', ')}]` : 'absent'} → ${severity ?? 'fine'}`, () => {
      const text = sys(kind, value, notes);
      if (!severity) {
        assert.deepEqual(ofRule(lint(text), RULE), []);
        return;
      }
      const { f, r } = one(text);
      assert.equal(f.severity, severity);
      assert.equal(f.system, 'X01');
      assert.equal(f.message, message);
      const lines = text.split('\n');
      if (value === undefined) {
        assert.equal(rangeText(f), '2:2-2:5', 'no profile: the SID key');
      } else {
        const line = lines.findIndex((l) => l.includes('ssl/client_ciphersuites'));
        assert.equal(rangeText(f), `${line}:31-${line}:${33 + value.length}`, 'the value');
      }
      const fix = f.fixes?.[0];
      assert.ok(fix?.isPreferred);
      const missingNote = !(notes ?? []).includes(2781565);
      if (value === REC) {
        assert.equal(fix.title, 'Add SAP Note 2781565 to notes');
      } else {
        assert.equal(fix.title, missingNote
          ? 'Set ssl/client_ciphersuites to the recommended value and add SAP Note 2781565 to notes'
          : 'Set ssl/client_ciphersuites to the recommended value');
      }
      const fixed = applyFix(r, f);
      assertFixed(fixed);
      const after = lint(fixed).model.systemsById.get('X01');
      assert.equal(after?.profile['ssl/client_ciphersuites'], REC);
      assert.ok(after?.notes.includes(2781565));
    });
  }

  it('a profile without the parameter: warning on the profile key', () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: direct
          profile:
            login/min_password_lng: 8
    `);
    const { f } = one(text);
    assert.equal(rangeText(f), '5:4-5:11');
  });

  it('a number is "any other value"', () => {
    const { f } = one(sys('abap', undefined, [2781565]).replace('    notes', '    profile:\n      ssl/client_ciphersuites: 150\n    notes'));
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^ssl\/client_ciphersuites is 150, not the recommended /);
  });

  it('systems that are not connected get nothing', () => {
    const text = dedent(`
      landscape: T
      systems:
        AB1: { role: abap, connection: solman, managedBy: SOL }
        AB2: { role: abap, connection: frun, managedBy: FRN }
        AB3: { role: abap, connection: none, profile: { ssl/client_ciphersuites: HIGH } }
        AB4: { role: abap }
        SOL: { role: solman, release: 7.2 SPS08, notes: [2781565], profile: { ssl/client_ciphersuites: "${REC}" } }
        FRN: { role: frun, release: "2.0", notes: [2781565], profile: { ssl/client_ciphersuites: "${REC}" } }
    `);
    assert.deepEqual(ofRule(lint(text), RULE), []);
  });

  it('fix in YAML block style: replaces the value in its quotes and appends the note', () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: direct
          notes:
            - 2576306   # digital signature
          profile:
            ssl/client_ciphersuites: "${ALT}"   # copied from SolMan
          basis: 750 SP08
    `);
    const { f, r } = one(text);
    assert.equal(rangeText(f), '8:31-8:62');
    const fixed = applyFix(r, f);
    assert.equal(fixed, dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: direct
          notes:
            - 2576306   # digital signature
            - 2781565
          profile:
            ssl/client_ciphersuites: "${REC}"   # copied from SolMan
          basis: 750 SP08
    `));
    assertFixed(fixed);
  });

  it('fix in YAML flow style: adds the note to the flow list', () => {
    const text = dedent(`
      landscape: T
      systems:
        SOL: { role: solman, release: 7.2 SPS08, notes: [2576306], profile: { ssl/client_ciphersuites: "${REC}" } }
    `);
    const { f, r } = one(text);
    assert.equal(f.severity, 'warning');
    assert.equal(f.data?.state, 'recommended-without-notes');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('notes: [2576306]', 'notes: [2576306, 2781565]'));
    assertFixed(fixed);
  });

  it('fix in JSON: creates profile and notes', () => {
    const text = `${JSON.stringify({ landscape: 'T', systems: { FRN: { role: 'frun', release: '2.0' } } }, null, 2)}\n`;
    const uri = 'file:///t.landscape.json';
    const { f, r } = one(text, uri);
    assert.equal(rangeText(f), '3:4-3:9');
    const fixed = applyFix(r, f);
    assert.equal(fixed, [
      '{',
      '  "landscape": "T",',
      '  "systems": {',
      '    "FRN": {',
      '      "role": "frun",',
      '      "release": "2.0",',
      `      "profile": { "ssl/client_ciphersuites": "${REC}" },`,
      '      "notes": [2781565]',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'));
    assertFixed(fixed, uri);
  });
});
