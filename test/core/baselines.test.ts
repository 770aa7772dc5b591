import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../server/src/cli';
import { IncrementalLint, lintText } from '../../server/src/core/lint';
import { buildChecklist } from '../../server/src/features/checklist';
import { renderReportJson, renderReportMarkdown } from '../../server/src/features/report';
import { reportMain } from '../../server/src/reportCli';
import { GUIDE_1_1, lintCurrent, pinned, ROOT, TEST_TODAY } from '../support/helpers';

const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'baseline', 'guide-1.1');
const ACME = path.join(ROOT, 'examples', 'acme.landscape.yaml');

function cli(args: string[], run = main): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; }, cwd: ROOT, isTTY: false, env: {} });
  return { code, out, err };
}

/**
 * The two messages an independent guide review found misleading, fixed under both baselines
 * (issue 11 item 4): [system, rule, text of version 0.1, text now]. Everything else of the
 * guide-1.1 output equals the golden files taken before the change, byte for byte.
 */
const SDCC_OLD = 'Legacy RFC destination SDCC_OSS is replaced by HTTPS destination SAP-SUPPORT_PORTAL, created by task list SAP_BASIS_CONFIG_OSS_COMM: remove it in SM59 once the new destinations work (old logon user: see SAP Note 763561, use: Service Data Control Center traffic with the SAP Support Portal; updating service definitions (EWA and service plan)). SDCCN still uses it: in transaction SDCCN replace it by SAP-SUPPORT_PORTAL first (guide 4.1)';
const SDCC_NEW = 'Legacy RFC destination SDCC_OSS is replaced by HTTPS destination SAP-SUPPORT_PORTAL, created by task list SAP_BASIS_CONFIG_OSS_COMM (guide 2.1.5): it is no longer used once they work (old logon user: see SAP Note 763561, use: Service Data Control Center traffic with the SAP Support Portal; updating service definitions (EWA and service plan)). SDCCN still uses it: in transaction SDCCN replace it by SAP-SUPPORT_PORTAL (guide 4.1)';
const FIXED: readonly [system: string, rule: string, old: string, now: string][] = [
  ['EPR', 'legacy-destination', SDCC_OLD, SDCC_NEW],
  ['SBX', 'na-tci-recommended',
    'Note Assistant is not TCI-enabled (noteAssistant.tci: false); the guide strongly recommends enabling TCI on SAP_BASIS 731: 1. update SPAM to version 70 or above (recorded: 68); 2. if applicable, implement SAP Notes 2536585/2606986/2615270/2569813; 3. implement bootstrap SAP Note 1995550 (package SAPK73100DCPSAPBASIS); 4. implement SAP Note 2408383 (package SAPK73100GCPSAPBASIS)',
    'noteAssistant.tci is false, but Note Assistant on SAP_BASIS 731 SP19 is TCI-enabled out of the box as of 731 SP19 (guide 2.1.4.3): no bootstrap SAP Note is needed (the support package already contains package SAPK73100DCPSAPBASIS; SPAM would refuse it): check it in SNOTE and set tci: true — then SAP Note 2576306 is what digitally signed SAP Notes need below their support package'],
  ['GRP', 'legacy-destination', SDCC_OLD, SDCC_NEW],
];

/** The golden text with the deliberately fixed messages replaced (each must occur in it). */
function withFixes(golden: string, escape: (s: string) => string = (s) => s): string {
  let text = golden;
  for (const [old, now] of new Map(FIXED.map(([, , o, n]) => [o, n]))) {
    // the report names a finding once per checklist item it belongs to, the JSON once
    assert.ok(text.includes(escape(old)), `golden file lacks: ${old}`);
    text = text.split(escape(old)).join(escape(now));
  }
  return text;
}

/** Every value of `golden` is in `actual` (objects may have more keys there; arrays the same length). */
function assertSameWhereGolden(golden: unknown, actual: unknown, where: string): void {
  if (golden === null || typeof golden !== 'object') {
    assert.deepEqual(actual, golden, where);
    return;
  }
  assert.ok(actual !== null && typeof actual === 'object' && Array.isArray(actual) === Array.isArray(golden), `${where}: ${JSON.stringify(actual)}`);
  if (Array.isArray(golden)) assert.equal((actual as unknown[]).length, golden.length, `${where}: length`);
  for (const [k, v] of Object.entries(golden)) assertSameWhereGolden(v, (actual as Record<string, unknown>)[k], `${where}.${k}`);
}

const GUIDE_STATEMENT = { id: 'guide-1.1', title: 'SAP guide "Support Backbone Update" 1.1 (2019-08-19) only', date: '2019-08-19', asOf: TEST_TODAY };

describe('baseline guide-1.1 reproduces version 0.1 (golden files taken before the change)', () => {
  it('CLI JSON on examples/: identical but for the two fixed messages, plus the baseline it states', () => {
    const { code, out } = cli(['examples/', '--format', 'json', '--baseline', 'guide-1.1', '--as-of', TEST_TODAY]);
    assert.equal(code, 1);
    const actual = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual(actual.baseline, GUIDE_STATEMENT);
    delete actual.baseline;
    const golden = fs.readFileSync(path.join(GOLDEN, 'examples.cli.json'), 'utf8');
    assert.equal(JSON.stringify(actual, null, 2) + '\n', withFixes(golden, (s) => JSON.stringify(s).slice(1, -1)));
  });

  it('readiness report (Markdown): identical but for the two fixed messages and the baseline line', () => {
    const md = renderReportMarkdown(buildChecklist(lintText(ACME, fs.readFileSync(ACME, 'utf8'), { knowledge: GUIDE_1_1 })), 'examples/acme.landscape.yaml');
    const line = 'Knowledge baseline `guide-1.1` (2019-08-19): SAP guide "Support Backbone Update" 1.1 (2019-08-19) only.\n\n';
    assert.ok(md.includes(line));
    const golden = fs.readFileSync(path.join(GOLDEN, 'acme.report.md'), 'utf8');
    assert.equal(md.replace(line, '').trimEnd() + '\n', withFixes(golden));
  });

  it('readiness report (JSON): every value of the golden file the same but for the two fixed messages; the baseline it states', () => {
    const doc = JSON.parse(renderReportJson(buildChecklist(lintText(ACME, fs.readFileSync(ACME, 'utf8'), { knowledge: GUIDE_1_1 })), 'examples/acme.landscape.yaml')) as Record<string, unknown>;
    assert.deepEqual(doc.baseline, { id: GUIDE_STATEMENT.id, title: GUIDE_STATEMENT.title, date: GUIDE_STATEMENT.date });
    const golden = JSON.parse(withFixes(fs.readFileSync(path.join(GOLDEN, 'acme.report.json'), 'utf8'), (s) => JSON.stringify(s).slice(1, -1))) as unknown;
    // keys that later features add to the items (e.g. a label) are allowed; no value of the golden file may change
    assertSameWhereGolden(golden, doc, '$');
  });

  it('`landscape-lint report --baseline guide-1.1` prints that report', () => {
    const { code, out } = cli(['report', 'examples/acme.landscape.yaml', '--baseline', 'guide-1.1']);
    assert.equal(code, 0);
    assert.match(out, /^Knowledge baseline `guide-1.1` \(2019-08-19\)/m);
  });
});

/**
 * Baseline current on the realistic example, 2026-11-29: what differs from guide-1.1, typed from
 * the update records (docs/knowledge.md), not from the output: [system, rule, severity].
 */
const ADDED: readonly string[] = [
  // RFC shutdown 2020-11-30: RFC note download is an error on 700-731 too …
  'EDV na-download-channel error', 'EQA na-download-channel error', 'EPR na-download-channel error', 'GRP na-download-channel error',
  // … a warning where the procedure is not recorded (SBX, 731) …
  'SBX na-download-channel warning',
  // … and SAPOSS of type 3 with a technical communication user no longer reaches SAP
  'EDV legacy-destination info', 'EQA legacy-destination info', 'EPR legacy-destination info',
  // SAP Solution Manager 7.2 end of mainstream maintenance (info before 2027-07-01); S-user lifetime
  'SOL solman-release info', 'SOL solman-setup info',
];
/** No user makes SAPOSS work since the RFC shutdown: the generic-user advice is withdrawn. */
const REMOVED: readonly string[] = ['GRP na-generic-user error'];
/** Same finding, new message: [system rule, what the message now says]. */
const REWORDED: readonly [string, RegExp][] = [
  ['EPR legacy-destination', /^Legacy RFC destination SDCC_OSS no longer reaches SAP: SAP closed all RFC connections from customer systems on 2020-11-30 \(SAP Note 2923799\)/],
  ['GRP legacy-destination', /^Legacy RFC destination (SAPOSS|SDCC_OSS) no longer reaches SAP/],
  ['EPR sdccn-destinations', /\(SDCC_OSS no longer reaches SAP: SAP closed all RFC connections from customer systems on 2020-11-30, SAP Note 2923799\)$/],
  ['GRP sdccn-destinations', /\(SDCC_OSS no longer reaches SAP/],
  ['BWD ssl-certificates', /VeriSign Class 3 Public Primary Certification Authority - G5 is a Symantec root distrusted by browsers since 2018/],
  ['GRP ssl-certificates', /DigiCert Global Root G2 is the root DigiCert has issued from since 2023-03-08/],
  ['BWP na-download-channel', /\(signed notes are mandatory since 2020-01-01\)$/],
  ['CRP na-download-channel', /RFC cannot download SAP Notes as of 740, and SAP closed all RFC connections to SAP on 2020-11-30 \(SAP Note 2923799\)/],
  ['GRP na-tci-recommended', /; or let report RCWB_TCI_DIGITSIGN_AUTOMATION of SAP Note 2836302 do these steps/],
];

describe('baseline current differs from guide-1.1 exactly where the update records say (acme, 2026-11-29)', () => {
  const text = fs.readFileSync(ACME, 'utf8');
  const guide = lintText(ACME, text, { knowledge: GUIDE_1_1 }).findings;
  const current = lintCurrent(text, TEST_TODAY, ACME).findings;
  const key = (f: { system: string | null; ruleId: string; severity: string }): string => `${f.system} ${f.ruleId} ${f.severity}`;
  const count = (list: readonly string[]): Map<string, number> => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

  it('added and removed findings', () => {
    const g = count(guide.map(key));
    const c = count(current.map(key));
    const added: string[] = [];
    const removed: string[] = [];
    for (const [k, n] of c) for (let i = g.get(k) ?? 0; i < n; i++) added.push(k);
    for (const [k, n] of g) for (let i = c.get(k) ?? 0; i < n; i++) removed.push(k);
    assert.deepEqual(added.sort(), [...ADDED].sort());
    assert.deepEqual(removed.sort(), [...REMOVED].sort());
  });

  it('totals: guide-1.1 13 errors, 10 warnings, 12 infos; current 16, 11, 17', () => {
    const totals = (fs2: readonly { severity: string }[]): number[] => ['error', 'warning', 'info'].map((s) => fs2.filter((f) => f.severity === s).length);
    assert.deepEqual(totals(guide), [13, 10, 12]);
    assert.deepEqual(totals(current), [16, 11, 17]);
  });

  it('reworded messages, and every other message the same', () => {
    const messages = (list: typeof guide, k: string): string[] => list.filter((f) => `${f.system} ${f.ruleId}` === k).map((f) => f.message);
    for (const [k, re] of REWORDED) {
      const now = messages(current, k).filter((m) => !messages(guide, k).includes(m));
      assert.ok(now.some((m) => re.test(m)), `${k}: ${now.join(' | ')}`);
    }
    const reworded = new Set(REWORDED.map(([k]) => k));
    const added = new Set(ADDED.map((a) => a.split(' ').slice(0, 2).join(' ')));
    for (const f of guide) {
      const k = `${f.system} ${f.ruleId}`;
      if (reworded.has(k) || REMOVED.includes(key(f)) || added.has(k)) continue;
      assert.ok(messages(current, k).includes(f.message), `${k} changed: ${f.message}`);
    }
  });

  it('no message under current speaks of the legacy shutdown as 2020-01-01 or of 2020 in the future tense', () => {
    for (const f of current) {
      assert.ok(!/switched off on 2020-01-01|after 2020-01-01|mandatory from 2020|close on 2020/.test(f.message), f.message);
      assert.ok(!/remove it in SM59/.test(f.message), f.message);
    }
  });

  it('the clean examples: no error or warning; the two infos of SOL (end of maintenance, S-user lifetime)', () => {
    for (const name of ['clean.landscape.yaml', 'clean.landscape.json']) {
      const file = path.join(ROOT, 'examples', name);
      const found = lintCurrent(fs.readFileSync(file, 'utf8'), TEST_TODAY, `file:///${name}`).findings;
      assert.deepEqual(found.map(key), ['SOL solman-release info', 'SOL solman-setup info'], name);
    }
  });
});

describe('choosing the baseline and the date', () => {
  it('--baseline and --as-of: the JSON states them; bad values are usage errors (exit 2)', () => {
    const current = JSON.parse(cli(['examples/clean.landscape.yaml', '--format', 'json', '--as-of', '2028-01-01']).out) as { baseline: Record<string, string>; summary: Record<string, number> };
    assert.equal(current.baseline.id, 'current');
    assert.equal(current.baseline.asOf, '2028-01-01');
    assert.equal(current.summary.errors, 1, 'SolMan 7.2 after its end of mainstream maintenance');
    assert.equal(cli(['examples/clean.landscape.yaml', '--baseline', 'guide-1.2']).code, 2);
    assert.match(cli(['examples/clean.landscape.yaml', '--baseline', 'guide-1.2']).err, /--baseline must be guide-1\.1 or current, not 'guide-1\.2'/);
    assert.equal(cli(['examples/clean.landscape.yaml', '--as-of', '2026-02-30']).code, 2);
    assert.equal(cli(['report', 'examples/clean.landscape.yaml', '--as-of', 'tomorrow']).code, 2);
  });

  it('the HTML report states the baseline and its date', () => {
    const html = cli(['report', 'examples/clean.landscape.yaml', '--format', 'html', '--baseline', 'guide-1.1']).out;
    assert.match(html, /knowledge baseline <code>guide-1\.1<\/code> \(2019-08-19\)/);
    assert.match(cli(['report', 'examples/clean.landscape.yaml', '--format', 'html']).out, /knowledge baseline <code>current<\/code> \(2026-11-29\)/);
  });

  it('SARIF states the baseline in the run properties', () => {
    const sarif = JSON.parse(cli(['examples/clean.landscape.yaml', '--format', 'sarif', '--baseline', 'guide-1.1', '--as-of', TEST_TODAY]).out) as { runs: { properties: { baseline: unknown } }[] };
    assert.deepEqual(sarif.runs[0]!.properties.baseline, GUIDE_STATEMENT);
  });

  it('config baseline/asOf are used by lintText; LintOptions.knowledge wins', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'clean.landscape.yaml'), 'utf8');
    const byConfig = lintText('file:///c.landscape.yaml', text, { config: { rules: {}, files: [], baseline: 'guide-1.1', asOf: '2030-01-01' } });
    assert.equal(byConfig.knowledge.baseline.id, 'guide-1.1');
    assert.equal(byConfig.knowledge.asOf, '2030-01-01');
    assert.deepEqual(byConfig.findings, []);
    const overridden = lintText('file:///c.landscape.yaml', text, { config: { rules: {}, files: [], baseline: 'guide-1.1' }, knowledge: pinned('current', '2030-01-01') });
    assert.deepEqual(overridden.findings.map((f) => `${f.ruleId} ${f.severity}`), ['solman-release error', 'solman-setup info']);
  });

  it('the incremental engine recomputes cached per-system findings when the baseline or the date changes', () => {
    const text = fs.readFileSync(ACME, 'utf8');
    const inc = new IncrementalLint();
    const first = lintText(ACME, text, { incremental: inc, knowledge: GUIDE_1_1 });
    assert.deepEqual(first.findings, lintText(ACME, text, { knowledge: GUIDE_1_1 }).findings);
    lintText(ACME, text, { incremental: inc, knowledge: GUIDE_1_1 });
    assert.equal(inc.lastComputed, 0, 'same text, same knowledge: all from the cache');
    for (const k of [pinned('current'), pinned('current', '2028-01-01'), GUIDE_1_1]) {
      const again = lintText(ACME, text, { incremental: inc, knowledge: k });
      assert.ok(inc.lastComputed > 0, `${k.baseline.id} ${k.asOf}: recomputed`);
      assert.deepEqual(again.findings, lintText(ACME, text, { knowledge: k }).findings, `${k.baseline.id} ${k.asOf}`);
    }
  });
});

// keep reportMain referenced for the report CLI cases above (main dispatches `report`)
void reportMain;
