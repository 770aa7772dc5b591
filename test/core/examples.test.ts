import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, ROOT } from '../support/helpers';

/**
 * The expected mix on the realistic example, typed in from the hand-derived table of
 * examples/README.md (which was derived from spec §2 and the guide, not from this code).
 */
const ACME_EXPECTED: readonly [system: string, ruleId: string, severity: string][] = [
  ['EDV', 'comm-user-shared', 'info'],
  ['EQA', 'comm-user-shared', 'info'],
  ['EPR', 'tasklist-oss-comm', 'error'],
  ['EPR', 'note-2738426', 'error'],
  ['EPR', 'legacy-destination', 'info'],
  ['EPR', 'sdccn-destinations', 'error'],
  ['EPR', 'sdccn-tasks', 'warning'],
  ['EPR', 'track-transport', 'warning'],
  ['EPR', 'comm-user-shared', 'info'],
  ['BWD', 'na-download-channel', 'info'],
  ['BWD', 'ssl-certificates', 'error'],
  ['BWD', 'comm-user-shared', 'info'],
  ['BWP', 'na-download-channel', 'error'],
  ['BWP', 'comm-user-shared', 'info'],
  ['SOL', 'solman-release', 'warning'],
  ['SOL', 'tls-ciphersuites', 'info'],
  ['CRP', 'na-download-channel', 'warning'],
  ['SBX', 'na-digital-signature', 'error'],
  ['SBX', 'na-trust-anchors', 'warning'],
  ['SBX', 'na-tci-recommended', 'info'],
  ['GRP', 'plugin-st-pi', 'error'],
  ['GRP', 'plugin-st-a-pi', 'warning'],
  ['GRP', 'na-generic-user', 'error'],
  ['GRP', 'na-trust-anchors', 'warning'],
  ['GRP', 'na-tci-recommended', 'info'],
  ['GRP', 'tasklist-oss-comm', 'error'],
  ['GRP', 'note-2738426', 'error'],
  ['GRP', 'legacy-destination', 'info'],
  ['GRP', 'legacy-destination', 'info'],
  ['GRP', 'tls-ciphersuites', 'warning'],
  ['GRP', 'ssl-certificates', 'error'],
  ['GRP', 'comm-user-missing', 'error'],
  ['GRP', 'sdccn-destinations', 'error'],
  ['GRP', 'sdccn-tasks', 'warning'],
  ['GRP', 'saprouter-check', 'warning'],
];

const key = (t: readonly string[]): string => t.join(' ');

describe('bundled examples', () => {
  it('acme.landscape.yaml shows exactly the expected mix (13 errors, 10 warnings, 12 infos)', () => {
    const r = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
    const actual = r.findings.map((f) => key([f.system ?? '-', f.ruleId, f.severity])).sort();
    assert.deepEqual(actual, ACME_EXPECTED.map(key).sort());
    const count = (s: string): number => r.findings.filter((f) => f.severity === s).length;
    assert.deepEqual([count('error'), count('warning'), count('info')], [13, 10, 12]);
  });

  it('the SBX diagnostic reads exactly as in the spec and sits on the basis value', () => {
    const r = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
    const f = r.findings.find((x) => x.system === 'SBX' && x.ruleId === 'na-digital-signature')!;
    assert.equal(f.message, 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2546220/2508268');
    assert.equal(r.doc.text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character), '731 SP19');
  });

  for (const name of ['clean.landscape.yaml', 'clean.landscape.json']) {
    it(`${name} has no finding at all (every role: direct ABAP, via SolMan, SolMan, Focused Run)`, () => {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'), `file:///${name}`);
      assert.deepEqual(r.findings.map((f) => `${f.system} ${f.ruleId}: ${f.message}`), []);
      assert.deepEqual(new Set(r.model.systems.map((s) => s.role)), new Set(['abap', 'solman', 'frun']));
    });
  }
});
