import { strict as assert } from 'assert';
import * as knowledge from '../../server/src/knowledge';
import { checklistItemEvidence, ruleRecordedFields } from '../../server/src/knowledge/checklistEvidence';

/** Every name an object inherits, plus `__proto__`: what a landscape file may use as a key or value. */
const PROTO_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];

describe('knowledge lookups by names from the document are prototype-safe', () => {
  it('lookup / hasEntry see only own entries', () => {
    const table = knowledge.deepFreeze({ a: 1, 'ssl/client_ciphersuites': 2 } as Record<string, number>);
    assert.equal(knowledge.lookup(table, 'a'), 1);
    assert.equal(knowledge.lookup(table, 'ssl/client_ciphersuites'), 2);
    assert.equal(knowledge.lookup(table, 'b'), undefined);
    assert.equal(knowledge.lookup(undefined, 'a'), undefined);
    assert.equal(knowledge.lookup(table, { toString: () => 'a' }), undefined, 'only text keys');
    assert.ok(knowledge.hasEntry(table, 'a'));
    for (const name of PROTO_NAMES) {
      assert.equal(knowledge.lookup(table, name), undefined, name);
      assert.equal(knowledge.hasEntry(table, name), false, name);
    }
  });

  it('every lookup function of the knowledge layer answers undefined for Object.prototype names', () => {
    const lookups: [string, (name: string) => unknown][] = [
      ['profileParameter', knowledge.profileParameter],
      ['taskListInfo', knowledge.taskListInfo],
      ['transactionInfo', knowledge.transactionInfo],
      ['noteDownloadProcedureLabel', knowledge.noteDownloadProcedureLabel],
      ['sslClientPseKey', knowledge.sslClientPseKey],
      ['guideSection', knowledge.guideSection],
      ['newDestination', knowledge.newDestination],
      ['legacyDestination', (n) => knowledge.legacyDestination(n)],
      ['connectionTypeInfo', knowledge.connectionTypeInfo],
      ['ciphersuiteValue', knowledge.ciphersuiteValue],
      ['checklistItem', knowledge.checklistItem],
      ['checklistItemEvidence', checklistItemEvidence],
      ['ruleRecordedFields', ruleRecordedFields],
    ];
    for (const [what, f] of lookups) {
      for (const name of PROTO_NAMES) assert.equal(f(name), undefined, `${what}(${name})`);
    }
    assert.equal(knowledge.isKnownRuleId('toString'), false);
  });

  it('the accessors find the real entries', () => {
    assert.equal(knowledge.profileParameter('ssl/client_ciphersuites')?.transaction, 'RZ11');
    assert.equal(knowledge.taskListInfo('SAP_BASIS_CONFIG_OSS_COMM')?.transaction, 'STC01');
    assert.equal(knowledge.noteDownloadProcedureLabel('http'), 'HTTP connection');
    assert.equal(knowledge.sslClientPseKey('sslClientAnonymous'), 'sslClientAnonymous');
    assert.deepEqual(checklistItemEvidence('na-trust-anchors')?.fields, [['noteAssistant', 'trustAnchors']]);
    assert.deepEqual(ruleRecordedFields('saprouter-check'), [['saprouter', 'checked']]);
  });
});
