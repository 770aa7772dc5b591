import { strict as assert } from 'assert';
import { dedent, lint, ofRule, rangeText } from '../support/helpers';
import { fixed, JSON_URI, lintValid, only, preferred, titles } from './landscape-fixtures';

const RULE = 'solman-setup';

/** A SolMan SOL (block style) with the given extra lines, and two declared users. */
function sol(lines: string): string {
  return dedent(`
    landscape: T
    communicationUsers:
      S0023456789: { description: ERP }
      S0023456790: { description: SolMan }
    systems:
      SOL:
        role: solman
        release: 7.2 SPS08
        communicationUser: S0023456790
  `) + lines;
}

describe(RULE, () => {
  it('complete logon data (guide 5.1 table): nothing', () => {
    const r = lintValid(sol('    solmanSetup:\n      backendUser: S0023456790\n      communicationUser: S0001234567\n'));
    assert.equal(ofRule(r, RULE).length, 0);
  });

  it('other roles are not concerned', () => {
    const r = lintValid(dedent(`
      landscape: T
      systems:
        FRN: { role: frun, release: "2.0" }
        EDV: { role: abap, connection: direct }
    `));
    assert.equal(ofRule(r, RULE).length, 0);
  });

  it('solmanSetup missing: error on the SID naming the SOLMAN_SETUP path; the fix records the backend user', () => {
    const text = sol('');
    const r = lintValid(text);
    const f = only(r, RULE, 'SOL');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(f), '5:2-5:5');
    assert.equal(f.message, 'SAP Solution Manager SOL has no solmanSetup: in SOLMAN_SETUP > System Preparation > 3.1 RFC Connectivity > User Logon Information enter a technical communication user as "S-User for SAP Backend" (with its password) and a corporate S-user as "S-User for Communication", then click Maintain Connections; record both users in solmanSetup');
    assert.deepEqual(titles(f), ['Add solmanSetup with backendUser S0023456790']);
    assert.deepEqual(preferred(f), ['Add solmanSetup with backendUser S0023456790']);
    const { text: out, result } = fixed(r, f);
    assert.equal(out, `${text}    solmanSetup:\n      backendUser: S0023456790\n`);
    // a partial step by design: the corporate S-user is never invented
    const left = ofRule(result, RULE);
    assert.deepEqual(left.map((x) => x.message.split(':')[0]), ['solmanSetup of SOL has no communicationUser ("S-User for Communication")']);
    assert.deepEqual(titles(left[0]), []);
  });

  it('solmanSetup missing, no declared users: no fix', () => {
    const r = lintValid('landscape: T\nsystems:\n  SOL: { role: solman, release: 7.2 SPS08 }\n');
    const f = only(r, RULE, 'SOL');
    assert.equal(rangeText(f), '2:2-2:5');
    assert.deepEqual(titles(f), []);
  });

  it('backendUser missing: error on the solmanSetup key; fixes offer the system\'s own user first', () => {
    const r = lintValid(sol('    solmanSetup:\n      communicationUser: S0001234567\n'));
    const f = only(r, RULE, 'SOL');
    assert.equal(rangeText(f), '9:4-9:15');
    assert.match(f.message, /^solmanSetup of SOL has no backendUser \("S-User for SAP Backend"\)/);
    assert.deepEqual(titles(f), ['Set backendUser to S0023456790', 'Set backendUser to S0023456789']);
    assert.deepEqual(preferred(f), ['Set backendUser to S0023456790']);
    const { text, result } = fixed(r, f);
    assert.ok(text.endsWith('    solmanSetup:\n      communicationUser: S0001234567\n      backendUser: S0023456790\n'), text);
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('backendUser not declared: error on the value with "did you mean"', () => {
    const r = lintValid(sol('    solmanSetup:\n      backendUser: S0023456791\n      communicationUser: S0001234567\n'));
    const f = only(r, RULE, 'SOL');
    assert.equal(rangeText(f), '10:19-10:30');
    assert.equal(f.message, '"S-User for SAP Backend" S0023456791 is not a technical communication user (not declared under communicationUsers): SOLMAN_SETUP step 3.1 needs a technical communication user there (SAP Note 2174416); did you mean S0023456790?');
    assert.deepEqual(titles(f), ['Set backendUser to S0023456790 (did you mean it?)', 'Declare S0023456791 under communicationUsers']);
    assert.deepEqual(preferred(f), []);
    const { result } = fixed(r, f);
    assert.equal(ofRule(result, RULE).length, 0);
    // comm-user-unknown stays out of it: the problem is reported once
    assert.equal(ofRule(r, 'comm-user-unknown').length, 0);
  });

  it('the corporate S-user in both fields: the backend fix offers the system\'s own user, never declares the corporate one', () => {
    const r = lintValid(sol('    solmanSetup:\n      backendUser: S0001234567\n      communicationUser: S0001234567\n'));
    const f = only(r, RULE, 'SOL');
    assert.match(f.message, /; it is the same user as communicationUser \("S-User for Communication", a corporate S-user\)$/);
    assert.deepEqual(titles(f), ['Set backendUser to S0023456790 (the communicationUser of SOL)']);
    const { result } = fixed(r, f);
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('the two users swapped: two errors, each with the swap fix first', () => {
    const text = sol('    solmanSetup:\n      backendUser: S0001234567\n      communicationUser: S0023456790\n');
    const r = lintValid(text);
    const found = ofRule(r, RULE);
    assert.deepEqual(found.map(rangeText), ['10:19-10:30', '11:25-11:36']);
    assert.equal(found[1].message, '"S-User for Communication" S0023456790 is a technical communication user: SOLMAN_SETUP step 3.1 needs a corporate S-user there (the technical communication user belongs in "S-User for SAP Backend")');
    const swap = 'Swap backendUser and communicationUser (S0023456790 is the technical communication user)';
    assert.deepEqual(preferred(found[0]), [swap]);
    assert.deepEqual(titles(found[1]), [swap]);
    const { text: out, result } = fixed(r, found[1]);
    assert.equal(out, sol('    solmanSetup:\n      backendUser: S0023456790\n      communicationUser: S0001234567\n'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('communicationUser is a technical communication user (backend fine): error without a fix', () => {
    const r = lintValid(sol('    solmanSetup:\n      backendUser: S0023456790\n      communicationUser: S0023456789\n'));
    const f = only(r, RULE, 'SOL');
    assert.equal(rangeText(f), '11:25-11:36');
    assert.deepEqual(titles(f), []);
  });

  it('communicationUser missing: error on the solmanSetup key, no invented S-user', () => {
    const r = lintValid(sol('    solmanSetup: { backendUser: S0023456790 }\n'));
    const f = only(r, RULE, 'SOL');
    assert.equal(rangeText(f), '9:4-9:15');
    assert.equal(f.message, 'solmanSetup of SOL has no communicationUser ("S-User for Communication"): enter a corporate S-user there in SOLMAN_SETUP step 3.1 RFC Connectivity and record it in communicationUser');
    assert.deepEqual(titles(f), []);
  });

  it('flow-style solmanSetup: the backend fix inserts into the flow map', () => {
    const r = lintValid(sol('    solmanSetup: { communicationUser: S0001234567 }\n'));
    const { text, result } = fixed(r, only(r, RULE, 'SOL'));
    assert.ok(text.endsWith('    solmanSetup: { communicationUser: S0001234567, backendUser: S0023456790 }\n'), text);
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('solmanSetup of the wrong type is left to the schema', () => {
    const r = lint(sol('    solmanSetup: S0023456790\n'));
    assert.ok(r.findings.some((f) => f.ruleId === 'schema'));
    assert.equal(ofRule(r, RULE).length, 0);
  });

  it('JSON: add solmanSetup, and swap', () => {
    const json = [
      '{',
      '  "landscape": "T",',
      '  "communicationUsers": { "S0023456790": {} },',
      '  "systems": {',
      '    "SOL": {',
      '      "role": "solman",',
      '      "release": "7.2 SPS08",',
      '      "communicationUser": "S0023456790"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, 'SOL');
    assert.equal(rangeText(f), '4:4-4:9');
    const { text } = fixed(r, f);
    assert.equal(text, json.replace('"communicationUser": "S0023456790"\n', '"communicationUser": "S0023456790",\n      "solmanSetup": { "backendUser": "S0023456790" }\n'));

    const swapped = json.replace('"communicationUser": "S0023456790"\n', '"communicationUser": "S0023456790",\n      "solmanSetup": { "backendUser": "S0001234567", "communicationUser": "S0023456790" }\n');
    const r2 = lintValid(swapped, JSON_URI);
    const { text: out, result } = fixed(r2, ofRule(r2, RULE)[0]);
    assert.ok(out.includes('"solmanSetup": { "backendUser": "S0023456790", "communicationUser": "S0001234567" }'), out);
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('backendUser missing with many declared users: at most 5 candidates, the own communicationUser first', () => {
    const users = Array.from({ length: 9 }, (_, i) => `S00234567${String(i).padStart(2, '0')}`);
    const text = ['landscape: T', 'communicationUsers:', ...users.map((u) => `  ${u}: { description: user ${u} }`), 'systems:',
      `  SOL: { role: solman, release: 7.2 SPS08, communicationUser: ${users[4]}, solmanSetup: { communicationUser: S0001234567 } }`, ''].join('\n');
    const f = only(lintValid(text), RULE, 'SOL');
    assert.deepEqual(titles(f), [users[4], users[0], users[1], users[2], users[3]].map((u) => `Set backendUser to ${u}`));
    assert.deepEqual(preferred(f), [`Set backendUser to ${users[4]}`]);
    assert.deepEqual(f.data?.candidates, [users[4], users[0], users[1], users[2], users[3]]);
  });
});
