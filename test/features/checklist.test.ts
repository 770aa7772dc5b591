import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocEditor, applyEdits } from '../../server/src/core/edits';
import type { LintResult } from '../../server/src/core/lint';
import { lintText, ruleMeta } from '../../server/src/core/lint';
import type { Severity } from '../../server/src/core/types';
import { buildChecklist, checklistItemsOf, OTHER_CHAPTER } from '../../server/src/features/checklist';
import type { ChecklistItemResult, LandscapeChecklist, SystemChecklist } from '../../server/src/protocol';
import type { Rule, RuleFinding } from '../../server/src/rules/rule';
import { dedent, lint, ROOT, GUIDE_1_1 } from '../support/helpers';

const ACME = path.join(ROOT, 'examples', 'acme.landscape.yaml');

function checklistOf(text: string, uri = 'file:///t.landscape.yaml', rules?: readonly Rule[]): { result: LintResult; checklist: LandscapeChecklist } {
  const result = lint(text, uri, rules ? { rules } : undefined);
  return { result, checklist: buildChecklist(result) };
}

function system(c: LandscapeChecklist, sid: string): SystemChecklist {
  const s = c.systems.find((x) => x.sid === sid);
  assert.ok(s, `no system ${sid} in the checklist`);
  return s;
}

function item(c: LandscapeChecklist, sid: string, id: string): ChecklistItemResult {
  const found = system(c, sid).chapters.flatMap((ch) => ch.items).find((i) => i.id === id);
  assert.ok(found, `no item ${id} on ${sid}: ${system(c, sid).chapters.flatMap((ch) => ch.items.map((i) => i.id)).join(', ')}`);
  return found;
}

/** "3.2: a, b | 4.3: c" — chapter ids and item ids of a system, in order. */
function outline(s: SystemChecklist): string[] {
  return s.chapters.map((ch) => `${ch.id}: ${ch.items.map((i) => i.id).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// Which items a system gets, in the guide's order. Expected values are typed in from the guide
// (3.2, 4.3, 5.3 with 5.1/5.2/2.2.1/2.2.2/2.3, 6.2 with 6.1), not read from knowledge/checklist.ts.

/** The guide's chapter titles. */
const CHAPTER_TITLES: Record<string, string> = {
  '3.2': 'Checklist for Note Assistant',
  '4.3': 'Checklist for ABAP Systems with Direct Connectivity',
  '5.3': 'Checklist for SAP Solution Manager',
  '6.2': 'Checklist for Focused Run for SAP Solution Manager',
};

/** Guide 3.2, bullets in order: 2576306 if TCI-enabled; 2408073/2546220/2508268 if not; trust anchors. */
const GUIDE_3_2 = [/2576306/, /2408073.*2546220.*2508268/, /trust anchor/i];
/** Guide 4.3, bullets in order. */
const GUIDE_4_3 = [
  /ST-PI 740 SP10.*ST-PI 2008_1_7xx SP20.*ST-A\/PI 01T\* SP01/,
  /Note Assistant.*transport/i,
  /2738426.*transport/i,
  /technical communication user/i,
  /SAP_BASIS_CONFIG_OSS_COMM.*STC01/,
  /Service Data Control Center.*SDCCN/,
  /SAProuter/,
];
/** Guide 5.3 (upgrade to SPS 8, recommended) and the steps of 2.3, 5.1, 5.2, 2.2.1, 2.2.2 for SAP Solution Manager. */
const GUIDE_5_3 = [
  /7\.2 SPS08 or higher.*recommended/,
  /technical communication user/i,
  /SOLMAN_SETUP.*S-User for SAP Backend.*S-User for Communication/,
  /SAP_SUPPORT_HUB_CONFIG/,
  /ssl\/client_ciphersuites/,
  /SSL Client \(Standard\).*SSL Client \(Anonymous\)/,
];
/** Guide 6.2 (upgrade to Focused Run 2.0) and the steps of 6.1, 2.3, 2.2.1, 2.2.2 for Focused Run. */
const GUIDE_6_2 = [/Focused Run.*2\.0/, /SAP_SUPPORT_HUB_CONFIG/, /technical communication user/i, /ssl\/client_ciphersuites/, /SSL Client \(Standard\)/];

function assertChapter(s: SystemChecklist, chapterId: string, expected: readonly RegExp[]): void {
  const ch = s.chapters.find((c) => c.id === chapterId);
  assert.ok(ch, `${s.sid} has no chapter ${chapterId}: ${outline(s).join(' | ')}`);
  assert.equal(ch.title, CHAPTER_TITLES[chapterId]);
  assert.equal(ch.items.length, expected.length, `${s.sid} ${chapterId}: ${ch.items.map((i) => i.text).join(' / ')}`);
  ch.items.forEach((i, n) => assert.match(i.text, expected[n], `${s.sid} ${chapterId} item ${n + 1}`));
}

const ROLES_LANDSCAPE = dedent(`
  landscape: Roles
  communicationUsers:
    S0000000001: { description: all }
  systems:
    DIR:
      role: abap
      connection: direct
      basis: 731 SP19
    DNS:
      role: abap
      connection: direct
      basis: 731 SP19
      noteAssistant:
        enabled: false
    VSM:
      role: abap
      connection: solman
      managedBy: SOL
      basis: 750 SP10
    VFR:
      role: abap
      connection: frun
      managedBy: FRN
      basis: 750 SP10
    NON:
      role: abap
      connection: none
      basis: 750 SP10
    PIP:
      role: abap
      connection: solman
      managedBy: SOL
      basis: 750 SP10
      noteAssistant:
        enabled: false
    SOL:
      role: solman
      release: 7.2 SPS08
      basis: 740 SP20
    FRN:
      role: frun
      release: "2.0"
      basis: 753 SP03
`);

describe('checklist model: items per role and connection (guide 3.2, 4.3, 5.3, 6.2)', () => {
  // no rules: which items apply depends on the knowledge tables only
  const { checklist: c } = checklistOf(ROLES_LANDSCAPE, undefined, []);

  it('systems in file order', () => {
    assert.deepEqual(c.systems.map((s) => s.sid), ['DIR', 'DNS', 'VSM', 'VFR', 'NON', 'PIP', 'SOL', 'FRN']);
  });

  it('ABAP with direct connectivity: Note Assistant (3.2), then direct connectivity (4.3), in the guide\'s order', () => {
    const s = system(c, 'DIR');
    assert.deepEqual(s.chapters.map((ch) => ch.id), ['3.2', '4.3']);
    assertChapter(s, '3.2', GUIDE_3_2);
    assertChapter(s, '4.3', GUIDE_4_3);
  });

  it('ABAP with direct connectivity that does not use SNOTE: 4.3 only', () => {
    const s = system(c, 'DNS');
    assert.deepEqual(s.chapters.map((ch) => ch.id), ['4.3']);
    assertChapter(s, '4.3', GUIDE_4_3);
  });

  it('ABAP connected through SolMan or Focused Run, or not connected: only Note Assistant (guide 2.1.1 note)', () => {
    for (const sid of ['VSM', 'VFR', 'NON']) {
      const s = system(c, sid);
      assert.deepEqual(s.chapters.map((ch) => ch.id), ['3.2'], sid);
      assertChapter(s, '3.2', GUIDE_3_2);
    }
  });

  it('ABAP without SNOTE and without direct connectivity: nothing applies, and that is ready', () => {
    const s = system(c, 'PIP');
    assert.deepEqual(s.chapters, []);
    assert.equal(s.total, 0);
    assert.equal(s.status, 'green');
  });

  it('SAP Solution Manager: Note Assistant, then 5.3 starting with the upgrade bullet', () => {
    const s = system(c, 'SOL');
    assert.deepEqual(s.chapters.map((ch) => ch.id), ['3.2', '5.3']);
    assertChapter(s, '5.3', GUIDE_5_3);
    assert.equal(s.chapters[1].items[0].origin, 'checklist');
  });

  it('Focused Run: Note Assistant, then 6.2 starting with the release bullet', () => {
    const s = system(c, 'FRN');
    assert.deepEqual(s.chapters.map((ch) => ch.id), ['3.2', '6.2']);
    assertChapter(s, '6.2', GUIDE_6_2);
    assert.equal(s.chapters[1].items[0].origin, 'checklist');
  });
});

describe('checklist model: conditions make items n/a (knowledge tables, guide 2.1.4.2, 2.1.4.3, 4.2, 5.2, 6.1)', () => {
  const text = dedent(`
    landscape: Conditions
    systems:
      TCI:
        role: abap
        connection: none
        basis: 731 SP19
      NOT:
        role: abap
        connection: none
        basis: 731 SP19
        noteAssistant:
          tci: false
      NEW:
        role: abap
        connection: direct
        basis: 754 SP02
      OLD:
        role: abap
        connection: direct
        basis: 702 SP17
      S07:
        role: solman
        release: 7.2 SPS07
        basis: 740 SP20
      S08:
        role: solman
        release: 7.2 SPS08
        basis: 740 SP20
      F10:
        role: frun
        release: "1.0"
        basis: 753 SP03
      NOB:
        role: abap
        connection: none
  `);
  const { checklist: c } = checklistOf(text);
  const states = (sid: string, ids: string[]): string[] => ids.map((id) => item(c, sid, id).state);

  it('731 SP19 is TCI-enabled by support package: 2576306 applies, the three notes are n/a', () => {
    assert.notEqual(item(c, 'TCI', 'na-implement-2576306').state, 'n/a');
    assert.equal(item(c, 'TCI', 'na-implement-2408073-2546220-2508268').state, 'n/a');
  });

  it('tci: false: the three notes apply, 2576306 is n/a', () => {
    assert.equal(item(c, 'NOT', 'na-implement-2576306').state, 'n/a');
    assert.notEqual(item(c, 'NOT', 'na-implement-2408073-2546220-2508268').state, 'n/a');
  });

  it('754 handles digitally signed notes (753 and above: SP00): both note items n/a, with the reason; SAProuter n/a from 740', () => {
    assert.deepEqual(states('NEW', ['na-implement-2576306', 'na-implement-2408073-2546220-2508268', 'abap-check-saprouter']), ['n/a', 'n/a', 'n/a']);
    assert.match(item(c, 'NEW', 'na-implement-2576306').action, /754 SP02 already handles digitally signed SAP Notes/);
    assert.match(item(c, 'NEW', 'abap-check-saprouter').action, /740 and higher adjusts the SAProuter settings automatically/);
    assert.notEqual(item(c, 'OLD', 'abap-check-saprouter').state, 'n/a');
  });

  it('SAP_SUPPORT_HUB_CONFIG only from SolMan 7.2 SPS08 and on Focused Run 2.0', () => {
    assert.equal(item(c, 'S07', 'solman-run-support-hub-task-list').state, 'n/a');
    assert.notEqual(item(c, 'S08', 'solman-run-support-hub-task-list').state, 'n/a');
    assert.equal(item(c, 'F10', 'frun-run-support-hub-task-list').state, 'n/a');
  });

  it('n/a items do not count', () => {
    const s = system(c, 'NEW');
    assert.equal(s.notApplicable, 3);
    assert.equal(s.total, s.chapters.flatMap((ch) => ch.items).length - 3);
  });

  it('no basis: the conditional items cannot be decided (unknown), pointing at the SID', () => {
    const i = item(c, 'NOB', 'na-implement-2576306');
    assert.equal(i.state, 'unknown');
    assert.match(i.action, /basis/);
    assert.equal(i.range.start.line, system(c, 'NOB').range.start.line);
  });
});

// ---------------------------------------------------------------------------------------------
// States, decided by findings. Fake rules (with ids of the real ones) make these tests independent
// of the rules' wording; the acme tests below use the real rules.

function fakeRule(id: string, check: (ctx: Parameters<Rule['check']>[0]) => RuleFinding[], severity: Severity = 'warning'): Rule {
  return {
    meta: { id, title: `Fake ${id}`, severity, section: '4.2', description: 'test', badExample: '', goodExample: '', fixable: true },
    check,
  };
}

/** Like saprouter-check: a warning with a quick-fix on direct ABAP systems whose `saprouter.checked` is not true. */
const SAPROUTER = fakeRule('saprouter-check', ({ doc, model }) => model.systems
  .filter((s) => s.connection === 'direct' && s.saprouter?.checked !== true)
  .map((s) => ({
    message: `check SAProuter of ${s.sid}`,
    range: doc.rangeFor(['systems', s.sid, 'saprouter', 'checked']),
    system: s.sid,
    fixes: [{ title: 'Record saprouter.checked: true', edits: new DocEditor(doc).setValue(['systems', s.sid, 'saprouter', 'checked'], true), isPreferred: true }],
  })));

/** Like note-2738426 and track-transport: two errors whose fixes add the same note. */
const NOTE_TWICE = [
  fakeRule('note-2738426', ({ doc, model }) => model.systems.filter((s) => s.connection === 'direct' && !s.notesIndex.has(2738426)).map((s) => ({
    message: `2738426 missing on ${s.sid}`, range: doc.rangeFor(['systems', s.sid, 'notes']), system: s.sid,
    fixes: [{ title: 'Add 2738426', edits: new DocEditor(doc).addToList(['systems', s.sid, 'notes'], [2738426]), isPreferred: true }],
  })), 'error'),
  fakeRule('track-transport', ({ doc, model }) => model.systems.filter((s) => s.connection === 'direct' && !s.notesIndex.has(2738426)).map((s) => ({
    message: `2738426 not transported to ${s.sid}`, range: doc.rangeFor(['systems', s.sid, 'notes']), system: s.sid,
    fixes: [{ title: `Add 2738426 to ${s.sid}`, edits: new DocEditor(doc).addToList(['systems', s.sid, 'notes'], [2738426]), isPreferred: true }],
  }))),
];

/** A rule that reports whatever it is told, on GRP. */
function reporting(id: string, severity: Severity, data?: Record<string, unknown>, field: (string | number)[] = []): Rule {
  return fakeRule(id, ({ doc }) => [{ message: `${id} says ${severity}`, severity, range: doc.rangeFor(['systems', 'GRP', ...field]), system: 'GRP', data }]);
}

const GRP = (extra = ''): string => dedent(`
  landscape: States
  systems:
    GRP:
      role: abap
      connection: direct
      basis: 702 SP17
      notes: [2408073]
${extra}`);

describe('checklist model: states from findings', () => {
  it('open (warning) → amber; the quick-fix completes it → done → green', () => {
    const text = GRP('      saprouter:\n        checked: false\n');
    const { result, checklist } = checklistOf(text, undefined, [SAPROUTER]);
    const i = item(checklist, 'GRP', 'abap-check-saprouter');
    assert.equal(i.state, 'open');
    assert.equal(i.severity, 'warning');
    assert.equal(i.action, 'check SAProuter of GRP');
    assert.deepEqual(i.range, result.doc.rangeFor(['systems', 'GRP', 'saprouter', 'checked']));
    assert.ok(i.fix, 'the open item carries the fix');
    assert.equal(i.fix.title, 'Record saprouter.checked: true');
    assert.equal(system(checklist, 'GRP').status, 'amber');

    const fixedText = applyEdits(text, result.doc, i.fix.edits);
    const after = checklistOf(fixedText, undefined, [SAPROUTER]).checklist;
    const j = item(after, 'GRP', 'abap-check-saprouter');
    assert.equal(j.state, 'done');
    assert.equal(j.fix, undefined);
    assert.equal(j.action, 'Check and adjust the SAProuter settings.');
    // done points at the field that shows it
    assert.equal(fixedText.split('\n')[j.range.start.line].trim(), 'checked: true');
    assert.equal(system(after, 'GRP').status, 'green');
  });

  it('a warning about a field the file lacks is "unknown" (not recorded), not "open"', () => {
    const { checklist } = checklistOf(GRP(), undefined, [SAPROUTER]);
    const i = item(checklist, 'GRP', 'abap-check-saprouter');
    assert.equal(i.state, 'unknown');
    assert.equal(i.findings[0].unrecorded, true);
    assert.ok(i.fix, 'a record-it finding keeps its fix');
    assert.equal(system(checklist, 'GRP').status, 'amber');
    assert.equal(system(checklist, 'GRP').unknown, 1);
  });

  it('data.unrecorded set by the rule wins over the field heuristic', () => {
    const yes = checklistOf(GRP(), undefined, [reporting('sdccn-tasks', 'error', { unrecorded: true })]).checklist;
    assert.equal(item(yes, 'GRP', 'abap-configure-sdccn').state, 'unknown');
    const no = checklistOf(GRP(), undefined, [reporting('saprouter-check', 'warning', { unrecorded: false })]).checklist;
    assert.equal(item(no, 'GRP', 'abap-check-saprouter').state, 'open');
  });

  it('an error → open and red; the deciding finding is the error', () => {
    const { checklist } = checklistOf(GRP(), undefined, [reporting('tls-ciphersuites', 'warning', undefined, ['basis']), reporting('tasklist-oss-comm', 'error', undefined, ['notes'])]);
    const i = item(checklist, 'GRP', 'abap-run-oss-comm-task-list');
    assert.equal(i.state, 'open');
    assert.equal(i.severity, 'error');
    assert.equal(i.action, 'tasklist-oss-comm says error');
    assert.equal(i.findings.length, 2);
    assert.equal(system(checklist, 'GRP').status, 'red');
  });

  it('info findings are advice: the item stays done, the info is listed', () => {
    const { checklist } = checklistOf(GRP(), undefined, [reporting('comm-user-shared', 'info')]);
    const i = item(checklist, 'GRP', 'abap-request-comm-user');
    assert.equal(i.state, 'done');
    assert.deepEqual(i.findings.map((f) => [f.ruleId, f.severity]), [['comm-user-shared', 'info']]);
  });

  it('a suppression comment with a reason waives the requirement: n/a with the reason', () => {
    const text = dedent(`
      landscape: States
      systems:
        # landscape-lint-disable-next-line saprouter-check -- direct HTTPS proxy, no SAProuter (CHG-1)
        GRP:
          role: abap
          connection: direct
          basis: 702 SP17
          saprouter:
            checked: false
    `);
    const { result, checklist } = checklistOf(text, undefined, [SAPROUTER]);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'saprouter-check'), [], 'suppressed in the diagnostics');
    const i = item(checklist, 'GRP', 'abap-check-saprouter');
    assert.equal(i.state, 'n/a');
    assert.equal(i.action, 'Waived in the file: direct HTTPS proxy, no SAProuter (CHG-1)');
    assert.equal(i.findings[0].waived, 'direct HTTPS proxy, no SAProuter (CHG-1)');
    assert.equal(system(checklist, 'GRP').status, 'green');
    // issue 14: the waived item is counted as waived, not silently dropped from the total
    assert.equal(i.waived, 'direct HTTPS proxy, no SAProuter (CHG-1)');
    assert.equal(system(checklist, 'GRP').waived, 1);
    assert.equal(checklist.summary.itemsWaived, 1);
    assert.equal(checklist.systems[0].chapters.find((ch) => ch.items.includes(i))?.waived, 1);
  });

  it('issue 14: a placeholder reason (the quick-fix\'s REASON) is no reason: waived, shown as such', () => {
    const text = dedent(`
      landscape: States
      systems:
        # landscape-lint-disable-next-line saprouter-check -- REASON
        GRP:
          role: abap
          connection: direct
          basis: 702 SP17
          saprouter:
            checked: false
    `);
    const { checklist } = checklistOf(text, undefined, [SAPROUTER]);
    const i = item(checklist, 'GRP', 'abap-check-saprouter');
    assert.equal(i.waived, '(no reason given in the suppression comment)');
    assert.equal(system(checklist, 'GRP').waived, 1);
  });

  it('a rule turned off in the settings still leaves its item open: the checklist follows the guide', () => {
    const text = GRP('      saprouter:\n        checked: false\n');
    const result = lintText('file:///t.landscape.yaml', text, { rules: [SAPROUTER], config: { rules: { 'saprouter-check': 'off' }, files: [] } });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'saprouter-check'), []);
    assert.equal(item(buildChecklist(result), 'GRP', 'abap-check-saprouter').state, 'open');
    // and a severity setting does not change the item's severity
    const louder = lintText('file:///t.landscape.yaml', text, { rules: [SAPROUTER], config: { rules: { 'saprouter-check': 'error' }, files: [] } });
    assert.equal(item(buildChecklist(louder), 'GRP', 'abap-check-saprouter').severity, 'warning');
    assert.equal(system(buildChecklist(louder), 'GRP').status, 'amber');
  });

  it('two findings whose fixes record the same note: the combined fix adds it once', () => {
    const text = GRP();
    const { result, checklist } = checklistOf(text, undefined, NOTE_TWICE);
    const i = item(checklist, 'GRP', 'abap-implement-2738426');
    assert.equal(i.state, 'open');
    assert.equal(i.findings.length, 2);
    assert.ok(i.fix);
    const fixedText = applyEdits(text, result.doc, i.fix.edits);
    assert.equal(fixedText.match(/2738426/g)?.length, 1, fixedText);
    assert.equal(item(checklistOf(fixedText, undefined, NOTE_TWICE).checklist, 'GRP', 'abap-implement-2738426').state, 'done');
  });

  it('a finding that offers a choice of fixes is left to the editor: the item\'s fix is partial', () => {
    const choice = fakeRule('tasklist-oss-comm', ({ doc }) => [{
      message: 'pick one', severity: 'error', range: doc.rangeFor(['systems', 'GRP', 'basis']), system: 'GRP',
      fixes: ['A', 'B'].map((x) => ({ title: `Use ${x}`, edits: new DocEditor(doc).setValue(['systems', 'GRP', 'description'], x) })),
    }]);
    const alone = item(checklistOf(GRP(), undefined, [choice]).checklist, 'GRP', 'abap-run-oss-comm-task-list');
    assert.equal(alone.state, 'open');
    assert.equal(alone.fix, undefined, 'no fix the checklist may pick');
    const tls = fakeRule('tls-ciphersuites', ({ doc }) => [{
      message: 'set it', range: doc.rangeFor(['systems', 'GRP', 'notes']), system: 'GRP',
      fixes: [{ title: 'Set TLS', edits: new DocEditor(doc).setValue(['systems', 'GRP', 'profile', 'ssl/client_ciphersuites'], 'x'), isPreferred: true }],
    }]);
    const both = item(checklistOf(GRP(), undefined, [choice, tls]).checklist, 'GRP', 'abap-run-oss-comm-task-list');
    assert.equal(both.fix?.title, 'Set TLS');
    assert.equal(both.fix?.partial, true);
  });

  it('findings that no applicable item takes form the "other" group (a system with a warning is never green)', () => {
    // na-download-channel decides only the conditional 3.2 items; on 750 SP15 (signed notes by SP) they are n/a
    const text = dedent(`
      landscape: Other
      systems:
        CRP:
          role: abap
          connection: frun
          basis: 750 SP15
    `);
    const { checklist } = checklistOf(text, undefined, [fakeRule('na-download-channel', ({ doc }) => [{ message: 'record the download procedure', range: doc.rangeFor(['systems', 'CRP']), system: 'CRP' }])]);
    const s = system(checklist, 'CRP');
    assert.deepEqual(s.chapters.map((ch) => ch.id), ['3.2', OTHER_CHAPTER.id]);
    const other = item(checklist, 'CRP', 'other:na-download-channel');
    assert.equal(other.state, 'unknown', 'download not recorded');
    assert.equal(other.text, ruleMeta('na-download-channel')?.title ?? 'na-download-channel', 'named by the rule\'s title');
    assert.equal(s.status, 'amber');
  });

  it('a system without role, and an ABAP system without connection: "record it" items', () => {
    const text = dedent(`
      landscape: Incomplete
      systems:
        AAA:
          description: role missing
        BBB:
          role: abap
          basis: 754 SP02
    `);
    const { checklist } = checklistOf(text, undefined, []);
    assert.deepEqual(outline(system(checklist, 'AAA')), ['other: record:role']);
    assert.equal(system(checklist, 'AAA').status, 'amber');
    assert.deepEqual(outline(system(checklist, 'BBB')), [
      '3.2: na-implement-2576306, na-implement-2408073-2546220-2508268, na-trust-anchors',
      'other: record:connection',
    ]);
  });

  it('landscape-level findings (system null) are listed apart', () => {
    const rule = fakeRule('comm-user-shared', () => [{ message: 'shared', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } }, system: null, severity: 'info' }]);
    const { checklist } = checklistOf(GRP(), undefined, [rule]);
    assert.deepEqual(checklist.landscapeFindings.map((f) => f.message), ['shared']);
  });

  it('summary and counts add up; an unreadable file gives no systems', () => {
    const { checklist } = checklistOf(ROLES_LANDSCAPE, undefined, [SAPROUTER]);
    for (const s of checklist.systems) {
      const items = s.chapters.flatMap((ch) => ch.items);
      assert.equal(s.done + s.open + s.unknown, s.total, s.sid);
      assert.equal(s.total + s.notApplicable, items.length, s.sid);
      for (const ch of s.chapters) assert.equal(ch.total, ch.items.filter((i) => i.state !== 'n/a').length);
    }
    assert.equal(checklist.summary.systems, 8);
    assert.equal(checklist.summary.ready, checklist.systems.filter((s) => s.status === 'green').length);
    assert.equal(checklist.summary.red + checklist.summary.amber + checklist.summary.green, 8);
    assert.equal(checklist.summary.itemsTotal, checklist.systems.reduce((n, s) => n + s.total, 0));

    const broken = buildChecklist(lintText('file:///big.landscape.yaml', 'landscape: x\n', { maxFileSize: 4 }));
    assert.equal(broken.parsed, false);
    assert.deepEqual(broken.systems, []);
    assert.equal(broken.summary.ready, 0);
  });

  it('is plain JSON and passes the document version through', () => {
    const { result } = checklistOf(ROLES_LANDSCAPE);
    const c = buildChecklist(result, 7);
    assert.equal(c.version, 7);
    assert.deepEqual(JSON.parse(JSON.stringify(c)), c);
  });
});

// ---------------------------------------------------------------------------------------------
// The real rules on the examples (examples/README.md lists the expected findings).

describe('checklist of examples/acme.landscape.yaml (real rules)', () => {
  const text = fs.readFileSync(ACME, 'utf8');
  const result = lintText(ACME, text, { knowledge: GUIDE_1_1 });
  const c = buildChecklist(result);

  it('status per system, as examples/README.md implies', () => {
    // README: S4D, S4Q, S4P, FRN and PIP pass every rule; EDV and EQA only get an info.
    // Errors on EPR, BWD, BWP, SBX, GRP; SOL only a warning (7.2 SPS07); CRP a "record it" warning.
    const status = Object.fromEntries(c.systems.map((s) => [s.sid, s.status]));
    assert.deepEqual(status, {
      EDV: 'green', EQA: 'green', EPR: 'red', BWD: 'red', BWP: 'red', S4D: 'green', S4Q: 'green', S4P: 'green',
      SOL: 'amber', FRN: 'green', CRP: 'amber', PIP: 'green', SBX: 'red', GRP: 'red',
    });
    assert.equal(c.summary.ready, 7);
    assert.equal(c.summary.systems, 14);
  });

  it('every finding of a system is on its checklist, and no finding is left out', () => {
    for (const f of result.rawRuleFindings) {
      assert.ok(f.system, `${f.ruleId} has a system`);
      const s = system(c, f.system);
      const listed = s.chapters.flatMap((ch) => ch.items).some((i) => i.findings.some((x) => x.ruleId === f.ruleId && x.message === f.message));
      assert.ok(listed, `${f.system} ${f.ruleId}: ${f.message}`);
    }
  });

  it('decisive items (checked by hand against the guide and the README)', () => {
    // SOL 7.2 SPS07: partial connectivity, upgrade to SPS08 (guide 2.1.2) — open warning; task list n/a until then
    assert.deepEqual([item(c, 'SOL', 'solman-upgrade-sps08').state, item(c, 'SOL', 'solman-upgrade-sps08').severity], ['open', 'warning']);
    assert.equal(item(c, 'SOL', 'solman-run-support-hub-task-list').state, 'n/a');
    // SOL's 918 ciphersuite is fine on SolMan (info): done, with the advice
    assert.equal(item(c, 'SOL', 'solman-tls').state, 'done');
    assert.deepEqual(item(c, 'SOL', 'solman-tls').findings.map((f) => f.severity), ['info']);
    // EPR: 2738426 missing (error) and not transported from EDV/EQA (warning)
    assert.deepEqual(item(c, 'EPR', 'abap-implement-2738426').findings.map((f) => f.ruleId).sort(), ['note-2738426', 'track-transport']);
    // SBX 731 SP19, tci: false, none of the three notes (guide 3.2 second bullet)
    assert.equal(item(c, 'SBX', 'na-implement-2408073-2546220-2508268').action, 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2546220/2508268');
    assert.equal(item(c, 'SBX', 'na-implement-2576306').state, 'n/a');
    // CRP: download procedure not recorded (750 without download)
    assert.equal(item(c, 'CRP', 'other:na-download-channel').state, 'unknown');
    // GRP: ST-PI 2008_1_700 SP18 (error) and ST-A/PI not recorded (warning): open, error
    assert.deepEqual([item(c, 'GRP', 'abap-upgrade-plugins').state, item(c, 'GRP', 'abap-upgrade-plugins').severity], ['open', 'error']);
    assert.equal(item(c, 'GRP', 'abap-upgrade-plugins').findings.find((f) => f.ruleId === 'plugin-st-a-pi')?.unrecorded, true);
    // PIP: SNOTE off, connected through SOL: nothing to do
    assert.equal(system(c, 'PIP').total, 0);
  });

  // Issue 14 item 1, as seen on screen: each open item says why it is open and points at the cause.
  // [system, item, cause, line of the cause in the file (1-based), text on that line]
  const causes: [string, string, string, string][] = [
    ['BWD', 'abap-run-oss-comm-task-list', 'blocked: PSE "SSL client SSL Client (Standard)" (certificates.sslClientStandard) lacks 2 root CAs', 'sslClientStandard:'],
    ['BWP', 'na-implement-2576306', 'blocked: SAP_BASIS 750 SP10 cannot download SAP Notes over RFC (noteAssistant.download: rfc)', 'download: rfc'],
    ['GRP', 'na-implement-2408073-2546220-2508268', 'blocked: RFC destination SAPOSS logs on with the generic user OSS_RFC', 'OSS_RFC'],
    ['EPR', 'abap-implement-2738426', 'SAP Note 2738426 not implemented', 'notes:'],
    ['GRP', 'abap-run-oss-comm-task-list', 'Task list SAP_BASIS_CONFIG_OSS_COMM not executed; Note Assistant not TCI-enabled', 'taskLists:'],
  ];
  for (const [sid, id, cause, lineText] of causes) {
    it(`issue 14: ${sid} ${id} is open because "${cause}", and its range is that cause`, () => {
      const i = item(c, sid, id);
      assert.equal(i.state, 'open');
      assert.equal(i.cause, cause);
      assert.ok(text.split('\n')[i.range.start.line].includes(lineText), `line ${i.range.start.line + 1}: ${text.split('\n')[i.range.start.line]}`);
    });
  }

  it('issue 14: BWD records the task list, so the task list is not the cause; GRP records all three notes', () => {
    const bwd = item(c, 'BWD', 'abap-run-oss-comm-task-list');
    assert.ok(!bwd.findings.some((f) => f.ruleId === 'tasklist-oss-comm'));
    assert.ok(!item(c, 'GRP', 'na-implement-2408073-2546220-2508268').findings.some((f) => f.ruleId === 'na-digital-signature'));
  });

  it('every open or unknown item has a cause of at most 130 characters and a short label; done items have none', () => {
    for (const { system: s, item: i } of checklistItemsOf(c)) {
      if (!i.id.startsWith('other:')) assert.ok(i.label.length > 0 && i.label.length <= 26, `${s.sid} ${i.id} label: ${i.label}`);
      if (i.state === 'open' || i.state === 'unknown') assert.ok(i.cause && i.cause.length <= 130, `${s.sid} ${i.id}: ${i.cause}`);
      else assert.equal(i.cause, undefined, `${s.sid} ${i.id}`);
    }
  });

  it('applying an item\'s quick-fix and re-linting completes the item', () => {
    const fixable = checklistItemsOf(c).filter(({ item: i }) => i.fix && (i.state === 'open' || i.state === 'unknown'));
    assert.ok(fixable.length >= 10, `${fixable.length} fixable items`);
    const completed: string[] = [];
    for (const { system: s, item: i } of fixable) {
      const fixedText = applyEdits(text, result.doc, i.fix!.edits);
      const again = lintText(ACME, fixedText, { knowledge: GUIDE_1_1 });
      assert.deepEqual(again.findings.filter((f) => ['schema', 'yaml-syntax', 'duplicate-key'].includes(f.ruleId)).map((f) => f.message), [], `${s.sid} ${i.id}: ${i.fix!.title}`);
      const afterChecklist = buildChecklist(again);
      // an item of the "other" group disappears with its last finding
      const after = i.chapter === OTHER_CHAPTER.id && !checklistItemsOf(afterChecklist).some((x) => x.system.sid === s.sid && x.item.id === i.id)
        ? { ...i, state: 'done' as const, findings: [], action: '' }
        : item(afterChecklist, s.sid, i.id);
      // the fix covers every finding that blocked the item: the item is done now
      if (!i.fix!.partial) {
        assert.equal(after.state, 'done', `${s.sid} ${i.id} after "${i.fix!.title}": ${after.action}`);
        completed.push(`${s.sid} ${i.id}`);
      } else {
        assert.ok(after.findings.filter((f) => f.severity !== 'info').length < i.findings.filter((f) => f.severity !== 'info').length, `${s.sid} ${i.id} made progress`);
      }
    }
    for (const expected of ['SBX na-trust-anchors', 'EPR abap-implement-2738426', 'GRP abap-check-saprouter', 'EPR abap-configure-sdccn', 'CRP other:na-download-channel']) {
      assert.ok(completed.includes(expected), `${expected} completed by its quick-fix (${completed.join(', ')})`);
    }
  });

  it('clean examples: every system green, nothing open or unknown', () => {
    for (const name of ['clean.landscape.yaml', 'clean.landscape.json']) {
      const file = path.join(ROOT, 'examples', name);
      const cl = buildChecklist(lintText(file, fs.readFileSync(file, 'utf8'), { knowledge: GUIDE_1_1 }));
      assert.equal(cl.summary.ready, cl.summary.systems, name);
      assert.equal(cl.summary.itemsDone, cl.summary.itemsTotal, name);
      assert.ok(cl.summary.itemsTotal > 10, name);
    }
  });
});
