import { strict as assert } from 'assert';
import { capPlan } from '../../server/src/core/cap';
import type { Finding, Severity } from '../../server/src/core/types';

/** Findings in position order from a compact spec: "rule:severity" per finding. */
function findings(spec: string): Finding[] {
  return spec.split(' ').map((x, i) => {
    const [ruleId, sev] = x.split(':');
    const severity = ({ e: 'error', w: 'warning', i: 'info', h: 'hint' } as Record<string, Severity>)[sev];
    return { ruleId, severity, message: x, range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, system: null };
  });
}

describe('capping the diagnostics of a file (issue 14: VS Code shows at most 1,000 per file)', () => {
  // [findings, cap, kept indexes, summaries "rule=count"]
  const table: [string, number, number[], string[]][] = [
    ['a:e b:w c:i', 3, [0, 1, 2], []],
    // one rule hidden: one summary, cap - 1 kept, errors first
    ['a:i a:e a:w a:e', 3, [1, 3], ['a=2']],
    // keeping two errors would hide a, b and c (5 in all): one error and three summaries
    ['a:i b:i c:e c:e c:e', 4, [2], ['c=2', 'a=1', 'b=1']],
    // a summary per rule, most hidden first (then by rule id)
    ['a:i b:i b:i c:e c:e c:e c:e', 5, [3, 4], ['b=2', 'c=2', 'a=1']],
    // the room left by fewer hidden rules keeps more findings
    ['a:e a:e a:e a:e b:i', 4, [0, 1], ['a=2', 'b=1']],
    // more rules than room: one summary of all
    ['a:i b:i c:i d:e', 2, [3], ['*=3']],
    ['a:e b:e', 1, [], ['*=2']],
  ];
  for (const [spec, cap, kept, summaries] of table) {
    it(`${spec} under ${cap}: keeps ${JSON.stringify(kept)}, summarizes ${summaries.join(', ') || 'nothing'}`, () => {
      const fs = findings(spec);
      const plan = capPlan(fs, cap);
      assert.deepEqual(plan.kept, kept);
      assert.deepEqual(plan.summaries.map((s) => `${s.ruleId ?? '*'}=${s.count}`), summaries);
      assert.ok(plan.kept.length + plan.summaries.length <= cap, 'never above the cap');
      assert.equal(plan.kept.length + plan.summaries.reduce((n, s) => n + s.count, 0), fs.length, 'every finding is shown or counted');
    });
  }

  it('2,000 findings of 6 rules under 1,000: 994 kept, 6 summaries, counts by severity', () => {
    const spec = Array.from({ length: 2000 }, (_, i) => `r${i % 6}:${i % 2 ? 'w' : 'e'}`).join(' ');
    const plan = capPlan(findings(spec), 1000);
    assert.equal(plan.kept.length, 994);
    assert.equal(plan.summaries.length, 6);
    assert.equal(plan.summaries.reduce((n, s) => n + s.bySeverity.error + s.bySeverity.warning, 0), 1006);
  });
});
