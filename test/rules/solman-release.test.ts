import { strict as assert } from 'assert';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const RULE = 'solman-release';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
const AREAS = 'Landscape management, License management, Test suite, IT service management and SAP Engagement and Service Delivery';

function solman(release: string): string {
  return ['landscape: T', 'systems:', '  SOL:', '    role: solman', `    release: ${release}`, ''].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

describe('rule solman-release (guide 2.1.2, 5)', () => {
  // Guide 2.1.2 table "If Your System Remains On… / You Will Have…" and the SPS 8 recommendation.
  // [release, expected severity or undefined, guide row label in the message]
  const table: [string, 'error' | 'warning' | undefined, string][] = [
    ['7.1', 'error', ''],
    ['7.1 SP14', 'error', ''],
    ['7.1 SPS14', 'error', ''],
    ['7.0', 'error', ''],
    ['7.2 SPS01', 'error', ' (SAP Solution Manager 7.2 SPS 01 – 04)'],
    ['7.2 SPS04', 'error', ' (SAP Solution Manager 7.2 SPS 01 – 04)'],
    ['7.2 SPS05', 'warning', 'SAP Solution Manager 7.2 SPS 05 – 07'],
    ['7.2 SPS07', 'warning', 'SAP Solution Manager 7.2 SPS 05 – 07'],
    ['7.2 SPS08', undefined, ''],
    ['7.2 SPS10', undefined, ''],
    ['7.2 SPS8', undefined, ''],
  ];
  for (const [release, severity, label] of table) {
    it(`release ${release}: ${severity ?? 'fine'}`, () => {
      const r = lint(solman(release));
      const found = ofRule(r, RULE);
      if (!severity) {
        assert.deepEqual(found, []);
        return;
      }
      assert.equal(found.length, 1);
      const f = found[0]!;
      assert.equal(f.severity, severity);
      assert.equal(f.system, 'SOL');
      assert.equal(rangeText(f), `4:13-4:${13 + release.length}`);
      if (severity === 'error') {
        assert.equal(
          f.message,
          `SAP Solution Manager ${release} has no connectivity to SAP after the support backbone update${label}: upgrade to 7.2 SPS08 or higher; until then the ${AREAS} scenarios cannot reach SAP`,
        );
        // chapter 5 table of affected scenarios
        assert.match(f.related?.[0]?.message ?? '', /^Affected scenarios \(guide 5\): Landscape management: Landscape synchronization, .*SAP EarlyWatch Alert \(EWA\) from SAP Solution Manager to SAP, Service content update$/);
        assert.equal((f.data?.scenarios as string[]).length, 10);
      } else {
        assert.equal(
          f.message,
          `SAP Solution Manager ${release} has only partial connectivity to SAP (${label}): it loses IT service management connectivity (e.g. forwarding messages / exchanging incidents with SAP), and the other functions need manual configuration; upgrade to 7.2 SPS08 or higher`,
        );
        assert.match(f.related?.[0]?.message ?? '', /Incident management \(exchange of incidents with SAP\)/);
      }
      assert.equal(f.fixes?.[0]?.title, 'Set release to 7.2 SPS08 (record the upgrade)');
      assert.equal(f.fixes?.[0]?.isPreferred, true);
      const fixed = applyFix(r, f);
      assert.equal(fixed, solman('7.2 SPS08'));
      assertFixed(fixed);
    });
  }

  it('7.2 without an SPS: a warning to record the Support Package Stack (connectivity depends on it)', () => {
    const f = ofRule(lint(solman('7.2')), RULE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /without its Support Package Stack: record it \(e\.g\. "7\.2 SPS08"\)/);
  });

  it('7.2 SPS00 (no such SPS) is left to the schema', () => {
    const r = lint(solman('7.2 SPS00'));
    assert.deepEqual(ofRule(r, RULE), []);
    assert.ok(r.findings.some((f) => f.ruleId === 'schema'));
  });

  it('a missing or malformed release gives nothing (the schema reports malformed ones)', () => {
    assert.deepEqual(ofRule(lint(dedent(`
      landscape: T
      systems:
        SOL: { role: solman }
        SOM: { role: solman, release: SPS07 }
    `)), RULE), []);
  });

  it('other roles are not concerned', () => {
    const text = dedent(`
      landscape: T
      systems:
        FRN: { role: frun, release: "1.0" }
        EDV: { role: abap, connection: solman, managedBy: SOL, basis: 731 SP19 }
        SOL: { role: solman, release: 7.2 SPS08 }
    `);
    assert.deepEqual(ofRule(lint(text), RULE), []);
  });

  it('fix keeps double quotes and works in a YAML flow map', () => {
    const text = dedent(`
      landscape: T
      systems:
        SOL: { role: solman, release: "7.1", basis: 702 SP10 }
    `);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '2:32-2:37');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('release: "7.1"', 'release: "7.2 SPS08"'));
    assertFixed(fixed);
  });

  it('fix in JSON', () => {
    const text = `${JSON.stringify({ landscape: 'T', systems: { SOL: { role: 'solman', release: '7.2 SPS04' } } }, null, 2)}\n`;
    const uri = 'file:///t.landscape.json';
    const r = lint(text, uri);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(f), '5:17-5:28');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace('"7.2 SPS04"', '"7.2 SPS08"'));
    assertFixed(fixed, uri);
  });
});
