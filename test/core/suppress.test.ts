import { strict as assert } from 'assert';
import { dedent, lint, ofRule } from '../support/helpers';

/** A sandbox system with two warnings of its own: na-trust-anchors and na-download-channel. */
const SYSTEM = dedent(`
  landscape: Suppression test
  communicationUsers:
    S0000000001: {}
  systems:
    SBX:
      role: abap
      connection: none
      basis: 754 SP02
      noteAssistant:
        trustAnchors: false
      communicationUser: S0000000001
`);

const ids = (text: string): string[] => lint(text).findings.map((f) => f.ruleId).sort();

describe('suppression comments', () => {
  it('the unsuppressed system has its two warnings', () => {
    assert.deepEqual(ids(SYSTEM), ['na-download-channel', 'na-trust-anchors']);
  });

  it('above a SID, covers the whole system for the named rule only', () => {
    const text = SYSTEM.replace('  SBX:', '  # landscape-lint-disable-next-line na-trust-anchors -- sandbox, no downloads (CHG-1)\n  SBX:');
    assert.deepEqual(ids(text), ['na-download-channel']);
  });

  it('names several rules separated by commas', () => {
    const text = SYSTEM.replace('  SBX:', '  # landscape-lint-disable-next-line na-trust-anchors, na-download-channel -- sandbox\n  SBX:');
    assert.deepEqual(ids(text), []);
  });

  it('above a key covers only that key', () => {
    const text = SYSTEM.replace('      trustAnchors: false', '      # landscape-lint-disable-next-line na-trust-anchors -- pending CHG-2\n      trustAnchors: false');
    assert.deepEqual(ids(text), ['na-download-channel']);
  });

  it('at the end of a line covers that line', () => {
    const text = SYSTEM.replace('      trustAnchors: false', '      trustAnchors: false # landscape-lint-disable-line na-trust-anchors -- pending CHG-2');
    assert.deepEqual(ids(text), ['na-download-channel']);
  });

  it('without a reason still applies, and is itself reported at the comment', () => {
    const text = SYSTEM.replace('  SBX:', '  # landscape-lint-disable-next-line na-trust-anchors\n  SBX:');
    const r = lint(text);
    const sup = ofRule(r, 'suppression');
    assert.equal(sup.length, 1);
    assert.equal(sup[0].severity, 'warning');
    assert.match(sup[0].message, /has no reason/);
    assert.equal(sup[0].range.start.line, 4);
    assert.ok(!r.findings.some((f) => f.ruleId === 'na-trust-anchors'));
  });

  // issue 14: the quick-fix's placeholder is not a reason
  for (const reason of ['REASON', '<reason>', 'TODO', 'tbd', '...']) {
    it(`a placeholder reason (${reason}) still applies, and is reported as a placeholder`, () => {
      const r = lint(SYSTEM.replace('  SBX:', `  # landscape-lint-disable-next-line na-trust-anchors -- ${reason}\n  SBX:`));
      const sup = ofRule(r, 'suppression');
      assert.equal(sup.length, 1);
      assert.equal(sup[0].severity, 'warning');
      assert.equal(sup[0].message, `Suppression of na-trust-anchors has a placeholder reason ("${reason}"): write why this requirement of the guide does not apply`);
      assert.ok(!r.findings.some((f) => f.ruleId === 'na-trust-anchors'));
    });
  }

  it('a real reason that contains a placeholder word is a reason', () => {
    assert.deepEqual(ofRule(lint(SYSTEM.replace('  SBX:', '  # landscape-lint-disable-next-line na-trust-anchors -- REASON: sandbox without SAP access\n  SBX:')), 'suppression'), []);
  });

  it('an unknown rule id and an unused suppression are reported', () => {
    const unknown = lint(SYSTEM.replace('  SBX:', '  # landscape-lint-disable-next-line na-trust-anchor -- typo\n  SBX:'));
    assert.match(ofRule(unknown, 'suppression')[0].message, /unknown rule na-trust-anchor/);
    assert.ok(unknown.findings.some((f) => f.ruleId === 'na-trust-anchors'), 'a misspelt id suppresses nothing');
    const unused = lint(SYSTEM.replace('  SBX:', '  # landscape-lint-disable-next-line saprouter-check -- n/a\n  SBX:'));
    const u = ofRule(unused, 'suppression');
    assert.equal(u.length, 1);
    assert.equal(u[0].severity, 'info');
    assert.match(u[0].message, /Unused suppression/);
  });

  it('text that only looks like a directive inside a quoted value is not one', () => {
    const text = SYSTEM.replace('      role: abap', '      description: "see # landscape-lint-disable-line na-trust-anchors -- x"\n      role: abap');
    assert.deepEqual(ids(text), ['na-download-channel', 'na-trust-anchors']);
  });

  it('the suppression rule itself follows the severity settings', () => {
    const text = SYSTEM.replace('  SBX:', '  # landscape-lint-disable-next-line na-trust-anchors\n  SBX:');
    const r = lint(text, undefined, { config: { rules: { suppression: 'off' }, files: [] } });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['na-download-channel']);
  });
});
