import { strict as assert } from 'assert';
import { LandscapeDocument } from '../../server/src/core/document';
import { readLandscape } from '../../server/src/core/model';
import type { LandscapeModel } from '../../server/src/core/model';
import { RULES } from '../../server/src/rules';
import type { Rule, RuleFinding } from '../../server/src/rules/rule';
import { runChecks } from '../../server/src/rules/rule';
import { BASELINES } from '../../server/src/knowledge/baseline';

/** Rules run under the default baseline, the clock pinned (the findings must not depend on the day the tests run). */
const KNOWLEDGE = { baseline: BASELINES.current, asOf: '2026-11-29' };

/**
 * The rules on a 20,000-system landscape: what a finding carries (quick-fixes, related
 * information) stays bounded, so the output grows with the findings, not with findings × users.
 * Counts only: timings are measured by scripts/bench.mjs, never asserted here.
 */

const N = 20_000;

function sid(i: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return letters[Math.floor(i / 36 / 36) % 26] + digits[Math.floor(i / 36) % 36] + digits[i % 36];
}
const user = (u: number): string => `S${String(1000000000 + u).padStart(10, '0')}`;

/**
 * Like scripts/bench.mjs's generate(n) — tracks of three, a third as many communication users as
 * systems — but lean (one short line per system, only what the landscape-wide rules read, so the
 * file parses quickly): every 7th system has no communicationUser, every 11th uses the first user
 * (shared across tracks), every 13th an undeclared one, every 50th is a SAP Solution Manager,
 * every 17th is managed by one (or by an ABAP system, or by a typo); one track in 97 names a
 * system that does not exist; in every 5th track the ABAP systems connect directly and only the
 * first has the task list note.
 */
function generate(n: number): string {
  const lines = ['landscape: Generated', 'communicationUsers:'];
  for (let u = 0; u < Math.ceil(n / 3); u++) lines.push(`  ${user(u)}: {}`);
  lines.push('tracks:');
  for (let t = 0; t < Math.floor(n / 3); t++) lines.push(`  T${t}: [${sid(t * 3 + 100)}, ${sid(t * 3 + 101)}, ${sid(t * 3 + 102)}${t % 97 === 5 ? `, ${sid(t * 3 + 100).slice(0, 2)}QX` : ''}]`);
  lines.push('systems:');
  for (let i = 0; i < n; i++) {
    const u = i % 13 === 6 ? `S09${String(i).padStart(8, '0')}` : i % 11 === 5 ? user(0) : user(Math.floor(i / 3));
    const comm = i % 7 === 3 ? '' : `, communicationUser: ${u}`;
    if (i % 50 === 49) {
      lines.push(`  ${sid(i + 100)}: { role: solman${comm}${i % 100 === 49 ? `, solmanSetup: { backendUser: ${user(1)} }` : ''} }`);
    } else if (i % 17 === 8) {
      lines.push(`  ${sid(i + 100)}: { role: abap, connection: solman, managedBy: ${[sid(149), sid(100), `${sid(i + 100).slice(0, 2)}ZX`][i % 3]}${comm} }`);
    } else if (Math.floor(i / 3) % 5 === 0) {
      lines.push(`  ${sid(i + 100)}: { role: abap, connection: direct, notes: [${i % 3 === 0 ? 2738426 : ''}]${comm} }`);
    } else {
      lines.push(`  ${sid(i + 100)}: { role: abap${comm} }`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('rules at 20,000 systems', function () {
  this.timeout(120_000);
  let doc: LandscapeDocument;
  let model: LandscapeModel;
  const results = new Map<string, RuleFinding[]>();
  const run = (id: string): RuleFinding[] => {
    let found = results.get(id);
    if (!found) {
      const rule = RULES.find((r) => r.meta.id === id) as Rule;
      found = runChecks(rule, { doc, model, ...KNOWLEDGE });
      results.set(id, found);
    }
    return found;
  };

  before(() => {
    doc = new LandscapeDocument('file:///generated.landscape.yaml', generate(N), { maxFileSize: 64 * 1024 * 1024 });
    model = readLandscape(doc.value);
    assert.equal(model.systems.length, N);
  });

  it('comm-user-missing: at most 5 fixes per finding (not one per declared user), the track user first', () => {
    const found = run('comm-user-missing');
    const expected = Array.from({ length: N }, (_, i) => i).filter((i) => i % 7 === 3).length;
    assert.equal(found.length, expected);
    const fixes = found.reduce((n, f) => n + (f.fixes?.length ?? 0), 0);
    assert.ok(fixes <= 5 * found.length, `${fixes} fixes for ${found.length} findings`);
    assert.ok(fixes >= found.length, 'every finding has a fix');
    for (const f of found) {
      assert.ok((f.fixes?.length ?? 0) <= 5 && (f.data?.candidates as string[]).length <= 5);
    }
    // system 3 (T1: systems 3, 4, 5) has no user; 4 uses the track's user S1000000001
    const first = found.find((f) => f.system === sid(103));
    assert.deepEqual(first?.fixes?.filter((x) => x.isPreferred).map((x) => x.title), [`Set communicationUser to ${user(1)}`]);
  });

  it('every landscape-wide rule: quick-fixes and related information per finding stay bounded', () => {
    // (a per-system rule's findings are about one system: their size does not grow with the file)
    for (const rule of RULES.filter((r) => r.scope !== 'system')) {
      const found = run(rule.meta.id);
      for (const f of found) {
        assert.ok((f.fixes?.length ?? 0) <= 6, `${rule.meta.id}: ${f.fixes?.length} fixes on ${f.system}`);
        assert.ok((f.related?.length ?? 0) <= 10, `${rule.meta.id}: ${f.related?.length} related on ${f.system}`);
        assert.ok(f.message.length <= 2000, `${rule.meta.id}: a message of ${f.message.length} characters on ${f.system}`);
      }
    }
    // the landscape-wide rules found what the generator put there
    for (const id of ['comm-user-unknown', 'comm-user-shared', 'managed-by-role', 'unknown-reference', 'note-2738426', 'track-transport', 'solman-setup']) {
      assert.ok(run(id).length > 0, `${id} found nothing`);
    }
  });
});
