import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/core/lint';
import { buildChecklist } from '../../server/src/features/checklist';
import { CHECKLIST_CHAPTERS } from '../../server/src/knowledge';
import { CHECKLIST_ITEM_EVIDENCE } from '../../server/src/knowledge/checklistEvidence';
import { CHECKLIST_VIEW_ID, ChecklistCommands } from '../../server/src/protocol';
import { DEFAULT_LANDSCAPE_FILE_NAME, landscapeFileName } from '../../client/src/landscapeTemplate';
import { renderNewFile } from '../../server/src/features/templates';
import { expandSnippet } from './editorTestSupport';
import { ROOT } from '../support/helpers';

interface Contributes {
  commands: { command: string; title: string; icon?: string }[];
  viewsContainers: { activitybar: { id: string; icon: string }[] };
  views: Record<string, { id: string; icon?: string }[]>;
  viewsWelcome: { view: string; contents: string; when?: string }[];
  menus: Record<string, { command: string; when?: string; group?: string }[]>;
  walkthroughs: { id: string; steps: { id: string; media: { markdown?: string }; completionEvents?: string[]; description: string }[] }[];
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Contributes };
const c = pkg.contributes;
const treeSource = fs.readFileSync(path.join(ROOT, 'client', 'src', 'checklistTree.ts'), 'utf8');

describe('checklist view: package.json contributions', () => {
  it('every checklist command is contributed and registered by the client', () => {
    const contributed = new Set(c.commands.map((x) => x.command));
    for (const [key, id] of Object.entries(ChecklistCommands)) {
      assert.ok(contributed.has(id), `${id} contributed`);
      assert.ok(treeSource.includes(`registerCommand(ChecklistCommands.${key},`), `${id} registered`);
    }
  });

  it('the view lives in its own activity-bar container, with an icon that exists', () => {
    const container = c.viewsContainers.activitybar.find((v) => v.id === 'landscapeLint');
    assert.ok(container);
    assert.ok(fs.existsSync(path.join(ROOT, container.icon)), container.icon);
    assert.deepEqual(c.views.landscapeLint.map((v) => v.id), [CHECKLIST_VIEW_ID]);
  });

  it('menus and the welcome view only name contributed commands; the inline fix matches the items\' contextValue', () => {
    const contributed = new Set(c.commands.map((x) => x.command));
    for (const entries of Object.values(c.menus)) for (const e of entries) assert.ok(contributed.has(e.command), e.command);
    const inline = c.menus['view/item/context'].find((e) => e.command === ChecklistCommands.applyFix && e.group === 'inline');
    assert.ok(inline?.when);
    const re = /viewItem =~ \/(.+)\/$/.exec(inline.when);
    assert.ok(re, inline.when);
    const matcher = new RegExp(re[1]);
    assert.ok(matcher.test('checklistItem.open.fixable'));
    assert.ok(matcher.test('checklistItem.unknown.fixable'));
    assert.ok(!matcher.test('checklistItem.open'));
    assert.ok(!matcher.test('checklistItem.done'));
    assert.ok(treeSource.includes('`checklistItem.${state}${item.fix ? \'.fixable\' : \'\'}`'));
    const welcome = c.viewsWelcome.find((w) => w.view === CHECKLIST_VIEW_ID);
    assert.ok(welcome);
    for (const m of welcome.contents.matchAll(/\(command:([\w.]+)/g)) {
      assert.ok(contributed.has(m[1]) || m[1].startsWith('workbench.'), m[1]);
    }
    assert.ok(welcome.contents.includes(`command:${ChecklistCommands.createLandscapeFile}`));
  });

  it('the walkthrough has the five steps, each with its Markdown page', () => {
    const w = c.walkthroughs.find((x) => x.id === 'landscapeLint.readiness');
    assert.ok(w);
    assert.deepEqual(w.steps.map((s) => s.id), ['describe', 'diagnostics', 'quickfixes', 'checklist', 'report']);
    for (const s of w.steps) {
      assert.ok(s.media.markdown && fs.existsSync(path.join(ROOT, s.media.markdown)), `${s.id}: ${s.media.markdown}`);
      assert.ok(s.completionEvents?.length, s.id);
    }
  });
});

describe('checklist knowledge: evidence for every item', () => {
  it('every checklist item says which fields show it', () => {
    for (const item of CHECKLIST_CHAPTERS.flatMap((ch) => ch.items)) {
      const e = CHECKLIST_ITEM_EVIDENCE[item.id];
      assert.ok(e && e.fields.length > 0, item.id);
    }
    const ids = new Set(CHECKLIST_CHAPTERS.flatMap((ch) => ch.items.map((i) => i.id)));
    for (const id of Object.keys(CHECKLIST_ITEM_EVIDENCE)) assert.ok(ids.has(id), `evidence for unknown item ${id}`);
  });
});

describe('checklist item labels (issue 14)', () => {
  it('every item of the guide\'s checklists has a label of at most 26 characters (the tree at the default sidebar width) and keeps its wording', () => {
    for (const ch of CHECKLIST_CHAPTERS) {
      for (const item of ch.items) {
        assert.ok(item.label.length > 0 && item.label.length <= 26, `${item.id}: "${item.label}" (${item.label.length})`);
        assert.ok(item.text.length > item.label.length, `${item.id}: the wording stays in text`);
      }
    }
  });
});

describe('Create Landscape File (issue 14)', () => {
  it('the name the user gives is made a landscape file name (only those are checked without a setting)', () => {
    const table: [string, string][] = [
      ['acme', 'acme.landscape.yaml'],
      ['acme.yaml', 'acme.landscape.yaml'],
      ['acme.yml', 'acme.landscape.yml'],
      ['acme.json', 'acme.landscape.json'],
      ['acme.landscape.yaml', 'acme.landscape.yaml'],
      ['ACME.Landscape.JSON', 'ACME.Landscape.JSON'],
      [DEFAULT_LANDSCAPE_FILE_NAME, 'my.landscape.yaml'],
    ];
    for (const [given, want] of table) assert.equal(landscapeFileName(given), want, given);
  });

  it('the template is the new-file template: clean when its defaults are kept, with tab stops to fill in', () => {
    for (const format of ['yaml', 'json'] as const) {
      const body = renderNewFile(format);
      assert.match(body, /\$\{1:My Landscape\}/);
      const r = lintText(`file:///ws/my.landscape.${format}`, expandSnippet(body));
      assert.deepEqual(r.findings.filter((f) => f.severity !== 'info' && f.severity !== 'hint').map((f) => `${f.ruleId}: ${f.message}`), [], format);
      assert.equal(buildChecklist(r).summary.ready, 1, format);
    }
  });
});
