import { strict as assert } from 'assert';
import {
  FRUN_RELEASES,
  FRUN_REQUIRED_RELEASE,
  frunConnectivity,
  frunNeedsSupportHubTaskList,
  parseFrunRelease,
  parseSolmanRelease,
  SOLMAN_RECOMMENDED_TARGET,
  SOLMAN_SCENARIOS,
  SOLMAN_SETUP_RFC_CONNECTIVITY,
  SOLMAN_SUPPORT_HUB_TASK_LIST,
  solmanConnectivity,
  solmanConnectivityRow,
  solmanNeedsSupportHubTaskList,
} from '../../server/src/knowledge';

describe('knowledge/solman (2.1.2, 5)', () => {
  // Guide 2.1.2 table plus the SPS 8 recommendation.
  const cases: [string, 'none' | 'partial' | 'full' | undefined][] = [
    ['7.1', 'none'], ['7.1 SP14', 'none'], ['7.2 SPS01', 'none'], ['7.2 SPS04', 'none'],
    ['7.2 SPS05', 'partial'], ['7.2 SPS06', 'partial'], ['7.2 SPS07', 'partial'],
    ['7.2 SPS08', 'full'], ['7.2 SPS12', 'full'], ['7.2 SPS00', 'none'],
    ['7.2', undefined], ['7.0', undefined], ['8.0 SPS01', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${String(expected)}`, () => {
      const v = parseSolmanRelease(text);
      assert.ok(v);
      assert.equal(solmanConnectivity(v), expected);
    });
  }
  it('partial row names the IT service management loss', () => {
    const row = solmanConnectivityRow(parseSolmanRelease('7.2 SPS06')!);
    assert.ok(row);
    assert.match(row.losses.join(' '), /IT service management/);
    assert.match(row.losses.join(' '), /GDPR/);
  });
  it('recommended target is 7.2 SPS08', () => {
    assert.equal(SOLMAN_RECOMMENDED_TARGET.text, '7.2 SPS08');
  });
  it('scenario table of chapter 5 (10 rows in 5 areas, guide order)', () => {
    assert.equal(SOLMAN_SCENARIOS.length, 10);
    assert.deepEqual([...new Set(SOLMAN_SCENARIOS.map((s) => s.area))], [
      'Landscape management', 'License management', 'Test suite', 'IT service management', 'SAP Engagement and Service Delivery',
    ]);
  });
  it('SOLMAN_SETUP logon fields (5.1)', () => {
    const s = SOLMAN_SETUP_RFC_CONNECTIVITY;
    assert.equal(s.transaction, 'SOLMAN_SETUP');
    assert.equal(s.scenario, 'System Preparation');
    assert.equal(s.step, '3.1');
    assert.equal(s.stepName, 'RFC Connectivity');
    const byKey = Object.fromEntries(s.fields.filter((f) => f.key).map((f) => [f.key, f]));
    assert.equal(byKey['backendUser']?.label, 'S-User for SAP Backend');
    assert.equal(byKey['backendUser']?.expects, 'technical-communication-user');
    assert.equal(byKey['communicationUser']?.label, 'S-User for Communication');
    assert.equal(byKey['communicationUser']?.expects, 'corporate-s-user');
  });
  it('SAP_SUPPORT_HUB_CONFIG required from SPS08 (5.2)', () => {
    assert.equal(SOLMAN_SUPPORT_HUB_TASK_LIST.taskList, 'SAP_SUPPORT_HUB_CONFIG');
    assert.equal(solmanNeedsSupportHubTaskList(parseSolmanRelease('7.2 SPS08')!), true);
    assert.equal(solmanNeedsSupportHubTaskList(parseSolmanRelease('7.2 SPS07')!), false);
    assert.equal(solmanNeedsSupportHubTaskList(parseSolmanRelease('7.1')!), false);
  });
});

describe('knowledge/frun (2.1.3, 6)', () => {
  const cases: [string, 'none' | 'full' | undefined][] = [
    ['1.0', 'none'], ['2.0', 'full'], ['2.0 FP01', 'full'], ['3.0', 'full'], ['0.9', undefined], ['1.5', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${String(expected)}`, () => assert.equal(frunConnectivity(parseFrunRelease(text)!), expected));
  }
  it('1.0 facts', () => {
    const row = FRUN_RELEASES.find((r) => r.release === '1.0');
    assert.ok(row);
    assert.equal(row.communicationEndsOn, '2020-01-01');
    assert.equal(row.mainstreamMaintenanceEndsOn, '2019-11-23');
    assert.equal(row.upgradeTo, '2.0');
    assert.equal(FRUN_REQUIRED_RELEASE, '2.0');
  });
  it('SAP_SUPPORT_HUB_CONFIG on 2.0 (6.1)', () => {
    assert.equal(frunNeedsSupportHubTaskList(parseFrunRelease('2.0')!), true);
    assert.equal(frunNeedsSupportHubTaskList(parseFrunRelease('1.0')!), false);
  });
});
