import { strict as assert } from 'assert';
import { escapeMarkdown, itemDescription, progressText } from '../../client/src/checklistText';
import type { ChecklistItemResult } from '../../server/src/protocol';

/** An item of the given state; the rest does not matter to the texts. */
function item(extra: Partial<ChecklistItemResult>): ChecklistItemResult {
  return {
    id: 'x', chapter: '4.3', text: 'Run task list SAP_BASIS_CONFIG_OSS_COMM (STC01) in each system.', label: 'Task list SAP_BASIS_CONFIG_OSS_COMM',
    origin: 'checklist', sections: ['2.2'], state: 'done', ruleIds: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, action: '', findings: [], ...extra,
  };
}

describe('checklist tree texts (issue 14)', () => {
  it('progress counts waived items and says so; nothing applicable is said in words', () => {
    const table: [{ done: number; total: number; waived?: number }, string][] = [
      [{ done: 5, total: 9, waived: 0 }, '5/9'],
      [{ done: 0, total: 8, waived: 1 }, '0/9, 1 waived'],
      [{ done: 0, total: 0, waived: 0 }, 'no checklist applies'],
      [{ done: 0, total: 0, waived: 2 }, '0/2, 2 waived'],
    ];
    for (const [x, want] of table) assert.equal(progressText(x), want);
  });

  it('an item\'s description says why it is open, the waiver with its reason, nothing when done', () => {
    assert.equal(itemDescription(item({ state: 'open', severity: 'error', cause: 'blocked: PSE lacks 2 root CAs' })), 'blocked: PSE lacks 2 root CAs');
    assert.equal(itemDescription(item({ state: 'unknown', cause: 'not recorded: basis' })), 'not recorded: basis');
    assert.equal(itemDescription(item({ state: 'n/a', waived: 'sandbox, CHG-7' })), 'waived: sandbox, CHG-7');
    assert.equal(itemDescription(item({ state: 'n/a' })), 'n/a');
    assert.equal(itemDescription(item({ state: 'done' })), '');
  });

  it('tooltip text keeps its blanks (VS Code\'s appendText makes them &nbsp;, breaking words mid-word) and escapes Markdown', () => {
    const s = escapeMarkdown('Run SAP_BASIS_CONFIG_OSS_COMM (STC01): *now* [x] $(icon)');
    assert.ok(!s.includes('&nbsp;'));
    assert.equal(s.split(' ').length, 'Run SAP_BASIS_CONFIG_OSS_COMM (STC01): *now* [x] $(icon)'.split(' ').length);
    assert.equal(s, 'Run SAP\\_BASIS\\_CONFIG\\_OSS\\_COMM \\(STC01\\): \\*now\\* \\[x\\] \\$\\(icon\\)');
  });
});
