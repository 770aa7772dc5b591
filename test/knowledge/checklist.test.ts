import { strict as assert } from 'assert';
import {
  CHECKLIST_CHAPTERS,
  checklistItem,
  checklistItemApplies,
  checklistItems,
  DOMAIN_RULE_IDS,
  FULL_CHECKLIST,
  guideSection,
  isKnownRuleId,
  RULE_IDS,
} from '../../server/src/knowledge';

describe('knowledge/checklist', () => {
  it('chapters in guide order', () => {
    assert.deepEqual(CHECKLIST_CHAPTERS.map((c) => c.id), ['3.2', '4.3', '5.3', '6.2']);
    for (const c of CHECKLIST_CHAPTERS) assert.equal(c.title, guideSection(c.id)?.title);
  });
  it('3.2 order (guide)', () => {
    assert.deepEqual(checklistItems('3.2').map((i) => i.id), [
      'na-implement-2576306',
      'na-implement-2408073-2546220-2508268',
      'na-trust-anchors',
    ]);
  });
  it('4.3 order (guide)', () => {
    assert.deepEqual(checklistItems('4.3').map((i) => i.id), [
      'abap-upgrade-plugins',
      'abap-note-assistant-transported',
      'abap-implement-2738426',
      'abap-request-comm-user',
      'abap-run-oss-comm-task-list',
      'abap-configure-sdccn',
      'abap-check-saprouter',
    ]);
  });
  it('5.3 starts with the upgrade bullet, 6.2 with the release bullet', () => {
    assert.equal(checklistItems('5.3')[0]?.id, 'solman-upgrade-sps08');
    assert.equal(checklistItems('5.3')[0]?.origin, 'checklist');
    assert.equal(checklistItems('6.2')[0]?.id, 'frun-upgrade-2-0');
    assert.equal(checklistItems('6.2')[0]?.origin, 'checklist');
    assert.ok(checklistItems('5.3').slice(1).every((i) => i.origin === 'derived'));
  });
  it('chapter 7 groups in the guide order: SolMan, Focused Run, Note Assistant, ABAP direct', () => {
    assert.deepEqual(FULL_CHECKLIST.map((g) => [g.title, g.chapter]), [
      ['SAP Solution Manager', '5.3'],
      ['Focused Run for SAP Solution Manager', '6.2'],
      ['Note Assistant', '3.2'],
      ['ABAP Systems with Direct Connectivity', '4.3'],
    ]);
    assert.deepEqual(
      checklistItems('7').map((i) => i.id),
      [...checklistItems('5.3'), ...checklistItems('6.2'), ...checklistItems('3.2'), ...checklistItems('4.3')].map((i) => i.id),
    );
  });
  it('ids are unique kebab-case, chapters match, sections exist', () => {
    const all = CHECKLIST_CHAPTERS.flatMap((c) => c.items.map((i) => [c.id, i] as const));
    assert.equal(new Set(all.map(([, i]) => i.id)).size, all.length);
    for (const [chapterId, item] of all) {
      assert.match(item.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(item.chapter, chapterId);
      assert.ok(item.ruleIds.length > 0, item.id);
      for (const r of item.ruleIds) assert.ok(isKnownRuleId(r), r);
      for (const s of item.sections) assert.ok(guideSection(s), `${item.id}: ${s}`);
      assert.equal(checklistItem(item.id), item);
    }
  });
  it('every domain rule has a checklist home', () => {
    const used = new Set(CHECKLIST_CHAPTERS.flatMap((c) => c.items.flatMap((i) => i.ruleIds)));
    for (const r of DOMAIN_RULE_IDS) assert.ok(used.has(r), r);
  });
  it('rule id list', () => {
    assert.equal(RULE_IDS.length, 33);
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
    assert.equal(isKnownRuleId('plugin-st-pi'), true);
    assert.equal(isKnownRuleId('suppression-reason'), true);
    assert.equal(isKnownRuleId('nope'), false);
  });
  it('checklistItemApplies', () => {
    const plugins = checklistItem('abap-upgrade-plugins')!;
    assert.equal(checklistItemApplies(plugins, { role: 'abap', connection: 'direct', snoteEnabled: true }), true);
    assert.equal(checklistItemApplies(plugins, { role: 'abap', connection: 'solman', snoteEnabled: true }), false);
    assert.equal(checklistItemApplies(plugins, { role: 'solman', snoteEnabled: true }), false);
    const anchors = checklistItem('na-trust-anchors')!;
    assert.equal(checklistItemApplies(anchors, { role: 'abap', connection: 'none', snoteEnabled: true }), true);
    assert.equal(checklistItemApplies(anchors, { role: 'abap', connection: 'none', snoteEnabled: false }), false);
    assert.equal(checklistItemApplies(anchors, { role: 'solman', snoteEnabled: true }), true);
  });
});
