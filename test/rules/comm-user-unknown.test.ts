import { strict as assert } from 'assert';
import { dedent, ofRule, rangeText } from '../support/helpers';
import { fixed, JSON_URI, lintValid, only, preferred, titles } from './landscape-fixtures';

const RULE = 'comm-user-unknown';

describe(RULE, () => {
  const block = dedent(`
    landscape: T
    communicationUsers:
      S0023456789: { description: ERP track }
      S0023456790: { description: SolMan }
    systems:
      EDV:
        role: abap
        connection: direct
        communicationUser: S0023456788
  `);

  it('an undeclared communicationUser: error on the value, with "did you mean" and "declare" fixes', () => {
    const r = lintValid(block);
    const f = only(r, RULE, 'EDV');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(f), '8:23-8:34');
    assert.match(f.message, /^communicationUser S0023456788 is not a declared technical communication user: did you mean S0023456789\?/);
    assert.match(f.message, /SAP Note 2174416/);
    assert.deepEqual(titles(f), ['Set communicationUser to S0023456789 (did you mean it?)', 'Declare S0023456788 under communicationUsers']);
    // both are guesses (sequential S-user ids are close to each other): "fix all" must not pick one
    assert.deepEqual(preferred(f), []);
  });

  it('"did you mean" fix (YAML block)', () => {
    const r = lintValid(block);
    const { text, result } = fixed(r, only(r, RULE, 'EDV'), 0);
    assert.equal(text, block.replace('communicationUser: S0023456788', 'communicationUser: S0023456789'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('"declare" fix adds the user to communicationUsers (YAML flow map)', () => {
    const text = dedent(`
      landscape: T
      communicationUsers: { S0023456789: { description: ERP track } }
      systems:
        EDV: { role: abap, connection: direct, communicationUser: S0023456788 }
        EQA: { role: abap, connection: direct, communicationUser: S0023456788 }
    `);
    const r = lintValid(text);
    assert.deepEqual(ofRule(r, RULE).map((f) => f.system), ['EDV', 'EQA']);
    const { text: out, result } = fixed(r, only(r, RULE, 'EDV'), 1);
    assert.equal(out, text.replace('{ S0023456789: { description: ERP track } }', '{ S0023456789: { description: ERP track }, S0023456788: { description: Used by EDV and EQA } }'));
    // declaring it resolves every system that uses it
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('"declare" fix creates communicationUsers when it is missing', () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: direct
          communicationUser: S0023456788
    `);
    const r = lintValid(text);
    const f = only(r, RULE, 'EDV');
    assert.deepEqual(titles(f), ['Declare S0023456788 under communicationUsers']);
    assert.match(f.message, /: declare it under communicationUsers/);
    const { text: out, result } = fixed(r, f);
    assert.equal(out, text.replace('systems:\n', 'communicationUsers:\n  S0023456788:\n    description: Used by EDV\nsystems:\n'));
    assert.equal(ofRule(result, RULE).length, 0);
  });

  it('no close match: lists the declared users and offers only "declare"', () => {
    const r = lintValid(block.replace('S0023456788', 'S0099999999'));
    const f = only(r, RULE, 'EDV');
    assert.match(f.message, /use one of the declared users \(S0023456789 and S0023456790\) or declare it/);
    assert.deepEqual(titles(f), ['Declare S0099999999 under communicationUsers']);
  });

  it('JSON: both fixes', () => {
    const json = [
      '{',
      '  "landscape": "T",',
      '  "communicationUsers": {',
      '    "S0023456789": { "description": "ERP" }',
      '  },',
      '  "systems": {',
      '    "EDV": { "role": "abap", "connection": "direct", "communicationUser": "S0023456798" }',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = lintValid(json, JSON_URI);
    const f = only(r, RULE, 'EDV');
    assert.equal(rangeText(f), '6:74-6:87');
    const a = fixed(r, f, 0);
    assert.equal(a.text, json.replace('"S0023456798"', '"S0023456789"'));
    assert.equal(ofRule(a.result, RULE).length, 0);
    const b = fixed(r, f, 1);
    assert.equal(b.text, json.replace('"S0023456789": { "description": "ERP" }', '"S0023456789": { "description": "ERP" },\n    "S0023456798": { "description": "Used by EDV" }'));
    assert.equal(ofRule(b.result, RULE).length, 0);
  });

  it('declared users and absent users are not reported; solmanSetup.backendUser is left to solman-setup', () => {
    const r = lintValid(dedent(`
      landscape: T
      communicationUsers:
        S0023456790: { description: SolMan }
      systems:
        SOL:
          role: solman
          release: 7.2 SPS08
          communicationUser: S0023456790
          solmanSetup:
            backendUser: S0023456791
            communicationUser: S0001234567
        PIP: { role: abap, connection: none, noteAssistant: { enabled: false } }
    `));
    assert.equal(ofRule(r, RULE).length, 0);
    assert.equal(ofRule(r, 'solman-setup').length, 1);
  });
  it('an undeclared user shared by many systems: the declared description names 10 of them and how many more', () => {
    const sids = Array.from({ length: 12 }, (_, i) => `S${String.fromCharCode(65 + i)}1`);
    const text = ['landscape: T', 'communicationUsers:', '  S0023456789: { description: ERP }', 'systems:',
      ...sids.map((sid) => `  ${sid}: { role: abap, connection: direct, communicationUser: S0099999999 }`), ''].join('\n');
    const r = lintValid(text);
    const found = ofRule(r, RULE);
    assert.equal(found.length, 12);
    const f = only(r, RULE, 'SA1');
    assert.deepEqual(titles(f), ['Declare S0099999999 under communicationUsers']);
    const { text: out } = fixed(r, f);
    assert.ok(out.includes(`  S0099999999:\n    description: "Used by ${sids.slice(0, 10).join(', ')} and 2 more"\n`), out);
  });
});
