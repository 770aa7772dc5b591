import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';
import { JSON_URI, syntaxAndSchema, titles } from './landscape-fixtures';

const RULE = 'secret-in-file';

/** "<system>|<key text at the range>" of every finding. */
function keysOf(text: string, uri?: string): string[] {
  return ofRule(lint(text, uri), RULE).map((f) => `${f.system}|${text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
}

/** Applies the fix of the finding on `key` and re-lints. */
function removeKey(text: string, key: string, uri?: string): string {
  const r = lint(text, uri);
  const f = ofRule(r, RULE).find((x) => (x.data as { key: string }).key === key);
  assert.ok(f, `no finding for ${key}`);
  assert.deepEqual(titles(f), [`Remove ${key}`]);
  const out = applyFix(r, f);
  const again = lint(out, uri);
  assert.equal(ofRule(again, RULE).filter((x) => (x.data as { key: string }).key === key).length, 0, out);
  return out;
}

describe(RULE, () => {
  it('the examples hold no credentials (and their comments about passwords are not keys)', () => {
    for (const f of ['acme.landscape.yaml', 'clean.landscape.yaml', 'clean.landscape.json']) {
      assert.deepEqual(keysOf(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`), [], f);
    }
  });

  it('finds secret-like keys anywhere: top level, nested, unknown keys, inside lists', () => {
    const text = dedent(`
      landscape: T
      password: x
      communicationUsers:
        S0023456789: { description: ERP track, password: abc }
      systems:
        EDV:
          role: abap
          connection: none
          noteAssistant: { enabled: false, apiKey: k }
          profile:
            rfc_password: x
          destinations:
            SAPOSS: { type: "3", user: OSS_RFC, passwd: y }
          extra:
            - name: a
              client_secret: z
            - credentials:
                user: u
                pwd: p
            - Token: t
            - api_key: q
            - PassPhrase: w
    `);
    assert.deepEqual(keysOf(text), [
      'null|password',
      'null|password',
      'EDV|apiKey',
      'EDV|rfc_password',
      'EDV|passwd',
      'EDV|client_secret',
      'EDV|credentials',
      'EDV|pwd',
      'EDV|Token',
      'EDV|api_key',
      'EDV|PassPhrase',
    ]);
    const f = ofRule(lint(text), RULE)[0];
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(f), '1:0-1:8');
    assert.equal(f.message, 'Key "password" looks like a credential: never store passwords, secrets or tokens in a landscape file — remove it and enter the password only in the system (STC01, SOLMAN_SETUP, SM59); if it was committed, reset it');
    // the schema reports the unknown keys as well — both findings are wanted
    assert.ok(lint(text).findings.some((x) => x.ruleId === 'schema' && x.range.start.line === 1));
  });

  it('names are not secrets: SIDs, track names, destination and component names, RZ11 parameters', () => {
    const text = dedent(`
      landscape: T
      tracks:
        TOKEN: [PWD]
      systems:
        PWD:
          role: abap
          connection: none
          noteAssistant: { enabled: false }
          components:
            SECRET_ADDON: 100 SP01
          profile:
            login/min_password_lng: 8
            login/password_expiration_time: 0
          destinations:
            TOKEN_SERVICE: { type: H }
          description: password reset is done in SU01   # values are not keys
    `);
    assert.deepEqual(syntaxAndSchema(lint(text)), []);
    assert.deepEqual(keysOf(text), []);
  });

  it('fix: removes the key with its value (YAML block, multi-line value, inside a list, only key of a map)', () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: none
          noteAssistant: { enabled: false }
          profile:
            password: Welcome1
            ssl/client_ciphersuites: "918:PFS:HIGH::EC_P256:EC_HIGH"
    `);
    const out = removeKey(text, 'password');
    assert.equal(out, text.replace('      password: Welcome1\n', ''));
    assert.deepEqual(syntaxAndSchema(lint(out)), []);

    const nested = 'landscape: T\nsecrets:\n  a: 1\n  b: 2\nsystems: {}\n';
    assert.equal(removeKey(nested, 'secrets'), 'landscape: T\nsystems: {}\n');

    const list = 'landscape: T\nsystems: {}\nextra:\n  - name: a\n    token: z\n  - pwd: p\n';
    assert.equal(removeKey(list, 'token'), 'landscape: T\nsystems: {}\nextra:\n  - name: a\n  - pwd: p\n');
    // the only key of a map leaves an empty map, so the list item stays valid
    assert.equal(removeKey(list, 'pwd'), 'landscape: T\nsystems: {}\nextra:\n  - name: a\n    token: z\n  - {}\n');
  });

  it('fix (YAML flow map)', () => {
    const text = 'landscape: T\nsystems:\n  EDV: { role: abap, connection: none, noteAssistant: { enabled: false, token: abc } }\n';
    const out = removeKey(text, 'token');
    assert.equal(out, 'landscape: T\nsystems:\n  EDV: { role: abap, connection: none, noteAssistant: { enabled: false } }\n');
    assert.deepEqual(syntaxAndSchema(lint(out)), []);
  });

  it('JSON: finds the key and the fix leaves valid JSON', () => {
    const json = [
      '{',
      '  "landscape": "T",',
      '  "systems": {',
      '    "EDV": {',
      '      "role": "abap",',
      '      "connection": "none",',
      '      "noteAssistant": { "enabled": false },',
      '      "profile": { "password": "Welcome1", "login/min_password_lng": 8 }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(keysOf(json, JSON_URI), ['EDV|"password"']);
    const out = removeKey(json, 'password', JSON_URI);
    assert.equal(out, json.replace('"password": "Welcome1", ', ''));
    assert.doesNotThrow(() => JSON.parse(out));
    assert.deepEqual(syntaxAndSchema(lint(out, JSON_URI)), []);
  });
});
