/**
 * The readiness checklist view, through its tree data provider (the API that activate() returns)
 * and its commands: systems, chapters and items of a copy of examples/acme.landscape.yaml, the
 * open-only filter, refresh, reveal, the per-item quick-fix, and the readiness report request.
 * Expected values: `node dist/cli.js report examples/acme.landscape.yaml --format json`.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LandscapeLintApi } from '../../client/src/extension';
import type { ChecklistItemResult, ChecklistRange, LandscapeChecklist, ReportResult, SystemChecklist } from '../../server/src/protocol';
import { cleanUp, copyExample, getApi, openExampleCopy, openInEditor, rangeText, runningClient, waitFor, waitForDiagnosticsWhere, withRule } from './helpers';

const ACME = 'acme.landscape.yaml';
const SIDS = ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'FRN', 'CRP', 'PIP', 'SBX', 'GRP'];

/** What the tests read of a tree node (the node classes are private to checklistTree.ts). */
interface TreeNode extends vscode.TreeItem {
  uri?: vscode.Uri;
  checklist?: LandscapeChecklist;
  system?: SystemChecklist;
  chapter?: { id: string; title: string };
  item?: ChecklistItemResult;
}

type Provider = LandscapeLintApi['checklist'];

function children(p: Provider, node?: TreeNode): TreeNode[] {
  return p.getChildren(node as never) as TreeNode[];
}
function labelOf(n: vscode.TreeItem): string {
  return typeof n.label === 'string' ? n.label : n.label?.label ?? '';
}

/** Waits until the provider shows `uri`, loaded for the document's current version, and `accept` holds. */
async function waitForChecklist(p: Provider, doc: vscode.TextDocument, what: string, accept: (c: LandscapeChecklist) => boolean = () => true): Promise<LandscapeChecklist> {
  return waitFor(`checklist of ${doc.uri.path.split('/').pop()} v${doc.version}: ${what}`, () => {
    const c = p.checklist;
    return p.uri?.toString() === doc.uri.toString() && !p.loading && c && c.version === doc.version && accept(c) ? c : undefined;
  }, 20000);
}

/** Waits until the tree has not changed for `quietMs` and is not loading (so that a later change has a known cause). */
async function treeSettled(p: Provider, quietMs = 800): Promise<void> {
  let last = Date.now();
  const sub = p.onDidChangeTreeData(() => { last = Date.now(); });
  try {
    await waitFor('the checklist tree to settle', () => !p.loading && Date.now() - last >= quietMs, 15000, 100);
  } finally {
    sub.dispose();
  }
}

function systemNode(p: Provider, sid: string): TreeNode {
  const root = children(p)[0];
  const n = children(p, root).find((x) => labelOf(x) === sid);
  assert.ok(n, `no system node ${sid}: ${children(p, root).map(labelOf).join(', ')}`);
  return n;
}
function itemNodes(p: Provider, sid: string): TreeNode[] {
  return children(p, systemNode(p, sid)).flatMap((ch) => children(p, ch));
}
function itemNode(p: Provider, sid: string, itemId: string): TreeNode {
  const n = itemNodes(p, sid).find((x) => x.item?.id === itemId);
  assert.ok(n, `no item ${itemId} under ${sid}: ${itemNodes(p, sid).map((x) => x.item?.id).join(', ')}`);
  return n;
}

describe('readiness checklist', function () {
  this.timeout(30000);
  let api: LandscapeLintApi;
  before(async () => {
    api = await getApi();
    await runningClient(api);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('landscapeLint.checklist.showAll');
    await cleanUp();
  });

  it('shows the landscape, its 14 systems with their progress, chapters and item states', async () => {
    const { editor } = await openExampleCopy(ACME, 'checklist-tree');
    const p = api.checklist;
    await waitForChecklist(p, editor.document, '14 systems', (c) => c.systems.length === 14);

    const roots = children(p);
    assert.strictEqual(roots.length, 1);
    assert.strictEqual(labelOf(roots[0]), 'ACME Production Landscape');
    assert.strictEqual(roots[0].description, '7 of 14 systems ready');
    assert.strictEqual(roots[0].contextValue, 'checklistLandscape');

    const systems = children(p, roots[0]);
    assert.deepStrictEqual(systems.map(labelOf), SIDS);
    const desc = Object.fromEntries(systems.map((s) => [labelOf(s), s.description]));
    assert.strictEqual(desc.EDV, 'ERP development · 9/9');
    assert.strictEqual(desc.EPR, 'ERP production · 5/9');
    assert.strictEqual(desc.SOL, 'SAP Solution Manager 7.2 · 6/7');
    assert.strictEqual(desc.CRP, 'CRM production · 1/2');
    assert.strictEqual(desc.SBX, 'ERP sandbox (no connection to SAP) · 0/2');
    assert.strictEqual(desc.GRP, 'GRC Access Control production · 0/9');
    const ctx = Object.fromEntries(systems.map((s) => [labelOf(s), s.contextValue]));
    assert.deepStrictEqual(
      { EDV: ctx.EDV, EPR: ctx.EPR, SOL: ctx.SOL, CRP: ctx.CRP, S4Q: ctx.S4Q },
      { EDV: 'checklistSystem.green', EPR: 'checklistSystem.red', SOL: 'checklistSystem.amber', CRP: 'checklistSystem.amber', S4Q: 'checklistSystem.green' },
    );
    // green systems start collapsed, the others expanded
    assert.strictEqual(systemNode(p, 'EDV').collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.strictEqual(systemNode(p, 'EPR').collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    // chapters
    const eprChapters = children(p, systemNode(p, 'EPR'));
    assert.deepStrictEqual(eprChapters.map((c) => `${labelOf(c)} ${c.description}`), [
      '3.2 Checklist for Note Assistant 2/2',
      '4.3 Checklist for ABAP Systems with Direct Connectivity 3/7',
    ]);
    assert.deepStrictEqual(children(p, systemNode(p, 'SOL')).map(labelOf), ['3.2 Checklist for Note Assistant', '5.3 Checklist for SAP Solution Manager']);
    assert.deepStrictEqual(children(p, systemNode(p, 'FRN')).map(labelOf), ['3.2 Checklist for Note Assistant', '6.2 Checklist for Focused Run for SAP Solution Manager']);
    assert.deepStrictEqual(children(p, systemNode(p, 'CRP')).map((c) => `${labelOf(c)} ${c.description}`), ['3.2 Checklist for Note Assistant 1/1', "Other findings of the guide's rules 0/1"]);
    // PIP: Note Assistant not used, nothing applies
    assert.deepStrictEqual(children(p, systemNode(p, 'PIP')).map(labelOf), ['No checklist item of the guide applies to this system.']);

    // item states
    const states = (sid: string): string[] => itemNodes(p, sid).map((n) => `${n.item!.id}=${n.item!.state}`);
    assert.deepStrictEqual(states('EPR'), [
      'na-implement-2576306=done', 'na-implement-2408073-2546220-2508268=n/a', 'na-trust-anchors=done',
      'abap-upgrade-plugins=done', 'abap-note-assistant-transported=open', 'abap-implement-2738426=open', 'abap-request-comm-user=done',
      'abap-run-oss-comm-task-list=open', 'abap-configure-sdccn=open', 'abap-check-saprouter=done',
    ]);
    assert.deepStrictEqual(states('SBX'), ['na-implement-2576306=n/a', 'na-implement-2408073-2546220-2508268=open', 'na-trust-anchors=open']);
    assert.deepStrictEqual(states('CRP'), ['na-implement-2576306=n/a', 'na-implement-2408073-2546220-2508268=n/a', 'na-trust-anchors=done', 'other:na-download-channel=unknown']);

    const implement = itemNode(p, 'EPR', 'abap-implement-2738426');
    // issue 14: a short label, why it is open as the description, the guide's wording in the tooltip
    assert.strictEqual(labelOf(implement), 'SAP Note 2738426');
    assert.strictEqual(implement.description, 'SAP Note 2738426 not implemented');
    const tip = (implement.tooltip as vscode.MarkdownString).value;
    assert.ok(tip.startsWith('**Open: SAP Note 2738426 not implemented**'), tip);
    assert.ok(tip.includes('Implement SAP Note 2738426 and transport it throughout the landscape\\.'), tip);
    assert.ok(!tip.includes('&nbsp;'), 'blanks stay blanks: the tooltip wraps between words');
    assert.strictEqual(implement.contextValue, 'checklistItem.open.fixable');
    assert.strictEqual(itemNode(p, 'SBX', 'na-trust-anchors').description, 'Trust anchor certificates not installed (noteAssistant.trustAnchors: false)');
    assert.strictEqual(itemNode(p, 'CRP', 'other:na-download-channel').description, 'Note download procedure not recorded for SAP_BASIS 750 SP15 (RFC cannot download SAP Notes as of 740)');
    // the three contradictions seen on screen: each item says what really keeps it open
    assert.strictEqual(itemNode(p, 'BWD', 'abap-run-oss-comm-task-list').description, 'blocked: PSE "SSL client SSL Client (Standard)" (certificates.sslClientStandard) lacks 2 root CAs');
    assert.match(String(itemNode(p, 'BWP', 'na-implement-2576306').description), /^blocked: SAP_BASIS 750 SP10 cannot download SAP Notes over RFC/);
    assert.strictEqual(itemNode(p, 'GRP', 'na-implement-2408073-2546220-2508268').description, 'blocked: RFC destination SAPOSS logs on with the generic user OSS_RFC');
    // only the first three systems that are not green start expanded (EPR, BWD, BWP)
    assert.strictEqual(systemNode(p, 'BWP').collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.strictEqual(systemNode(p, 'GRP').collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.strictEqual(systemNode(p, 'PIP').description, 'Process Integration production (ABAP stack) · no checklist applies');
    assert.strictEqual(itemNode(p, 'CRP', 'other:na-download-channel').contextValue, 'checklistItem.unknown.fixable');
    assert.strictEqual(itemNode(p, 'EDV', 'abap-implement-2738426').contextValue, 'checklistItem.done');
    assert.strictEqual(itemNode(p, 'EDV', 'na-implement-2408073-2546220-2508268').contextValue, 'checklistItem.na');
    // an open item's command reveals its finding: EPR's missing note (line 113)
    assert.strictEqual(implement.command?.command, 'landscapeLint.checklist.reveal');
    const [revealUri, revealRange] = implement.command!.arguments as [string, ChecklistRange];
    assert.strictEqual(revealUri, editor.document.uri.toString());
    assert.deepStrictEqual(revealRange, { start: { line: 113, character: 11 }, end: { line: 113, character: 29 } });
  });

  it('a landscape of more than 300 systems comes as a summary; a system\'s items are asked for when it opens', async () => {
    // acme's systems are its last key: 320 sandboxes more make it "big" (CHECKLIST_SUMMARY_ABOVE)
    const extra = Array.from({ length: 320 }, (_, i) => `  Z${String(i).padStart(3, '0')}:\n    role: abap\n    connection: none\n    noteAssistant: { enabled: false }\n`).join('');
    const uri = await copyExample(ACME, 'big-summary', (t) => `${t.endsWith('\n') ? t : `${t}\n`}${extra}`);
    const editor = await openInEditor(uri);
    const p = api.checklist;
    const c = await waitForChecklist(p, editor.document, '334 systems', (x) => x.systems.length === 334);
    // counts and status of every system, the items only of the few shown open
    const partial = c.systems.filter((x) => x.partial);
    assert.ok(partial.length >= 330, `summarized systems: ${partial.length}`);
    assert.ok(partial.every((x) => x.chapters.length === 0 && typeof x.total === 'number' && typeof x.status === 'string'), 'a summarized system keeps its counts and status');
    // an acme system with open items that is not shown open (only the first few are)
    const sys = [...c.systems].reverse().find((x) => x.partial && x.open > 0 && !x.sid.startsWith('Z'));
    assert.ok(sys, 'a summarized acme system with open items');
    const node = systemNode(p, sys.sid);
    const chapters = await (p.getChildren(node as never) as unknown as Promise<TreeNode[]>);
    assert.ok(chapters.length > 0 && chapters.every((ch) => ch.chapter !== undefined), `${sys.sid}'s chapters: ${chapters.map(labelOf).join(', ')}`);
    const items = chapters.flatMap((ch) => children(p, ch));
    assert.strictEqual(items.length, sys.total + sys.notApplicable, `every item of ${sys.sid}, as counted in the summary`);
    assert.strictEqual(items.filter((i) => i.item?.state === 'open').length, sys.open, `${sys.sid}'s open items`);
  });

  it('filterOpen keeps only open/unknown systems, chapters and items; showAll brings everything back', async () => {
    const { editor } = await openExampleCopy(ACME, 'checklist-filter');
    const p = api.checklist;
    await waitForChecklist(p, editor.document, '14 systems', (c) => c.systems.length === 14);
    const changed = new Promise<void>((resolve) => {
      const sub = p.onDidChangeTreeData(() => { sub.dispose(); resolve(); });
    });
    await vscode.commands.executeCommand('landscapeLint.checklist.filterOpen');
    await changed;
    assert.strictEqual(p.openOnly, true);
    const root = children(p)[0];
    assert.deepStrictEqual(children(p, root).map(labelOf), ['EPR', 'BWD', 'BWP', 'SOL', 'CRP', 'SBX', 'GRP']);
    assert.deepStrictEqual(children(p, systemNode(p, 'EPR')).map(labelOf), ['4.3 Checklist for ABAP Systems with Direct Connectivity']);
    assert.deepStrictEqual(itemNodes(p, 'EPR').map((n) => n.item!.id), ['abap-note-assistant-transported', 'abap-implement-2738426', 'abap-run-oss-comm-task-list', 'abap-configure-sdccn']);
    assert.ok(itemNodes(p, 'GRP').every((n) => n.item!.state === 'open' || n.item!.state === 'unknown'));

    await vscode.commands.executeCommand('landscapeLint.checklist.showAll');
    assert.strictEqual(p.openOnly, false);
    assert.deepStrictEqual(children(p, children(p)[0]).map(labelOf), SIDS);
    assert.strictEqual(itemNodes(p, 'EPR').length, 10);
  });

  it('refresh asks the server again and keeps the tree', async () => {
    const { editor } = await openExampleCopy(ACME, 'checklist-refresh');
    const p = api.checklist;
    await waitForChecklist(p, editor.document, '14 systems', (c) => c.systems.length === 14);
    // the file's own validations refresh the tree too: let them pass, so the next change is the command's
    await treeSettled(p);
    const first = p.checklist;
    let events = 0;
    const sub = p.onDidChangeTreeData(() => { events++; });
    try {
      await vscode.commands.executeCommand('landscapeLint.checklist.refresh');
      // a new checklist object arrives from the server (load() replaces it)
      const second = await waitFor('a refreshed checklist', () => (p.checklist && p.checklist !== first && !p.loading ? p.checklist : undefined), 15000);
      assert.ok(events >= 1, 'onDidChangeTreeData fired');
      assert.strictEqual(second.summary.ready, 7);
      assert.deepStrictEqual(children(p, children(p)[0]).map(labelOf), SIDS);
    } finally {
      sub.dispose();
    }
  });

  it('reveal opens the file with the item\'s range selected', async () => {
    const { editor } = await openExampleCopy(ACME, 'checklist-reveal');
    const p = api.checklist;
    await waitForChecklist(p, editor.document, '14 systems', (c) => c.systems.length === 14);
    const node = itemNode(p, 'SBX', 'na-trust-anchors');
    // close the editor first: reveal must open it again
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no active editor', () => vscode.window.activeTextEditor === undefined, 10000);
    await vscode.commands.executeCommand(node.command!.command, ...(node.command!.arguments ?? []));
    const active = await waitFor('the revealed editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === editor.document.uri.toString() ? e : undefined;
    }, 10000);
    assert.strictEqual(rangeText(active.selection), '367:20-367:25');
    assert.strictEqual(active.document.getText(active.selection), 'false');
    // a system node reveals its SID key
    const sbx = systemNode(p, 'SBX');
    await vscode.commands.executeCommand(sbx.command!.command, ...(sbx.command!.arguments ?? []));
    await waitFor('selection on the SBX key', () => rangeText(vscode.window.activeTextEditor!.selection) === '359:2-359:5', 10000);
  });

  it('applyFix on an open fixable item records the fix; after re-validation the item is done', async () => {
    const { uri, editor } = await openExampleCopy(ACME, 'checklist-applyfix');
    const p = api.checklist;
    await waitForChecklist(p, editor.document, '14 systems', (c) => c.systems.length === 14);
    const node = itemNode(p, 'SBX', 'na-trust-anchors');
    assert.strictEqual(node.item!.state, 'open');
    assert.strictEqual(node.contextValue, 'checklistItem.open.fixable');
    assert.strictEqual(node.item!.fix?.title, 'Set noteAssistant.trustAnchors to true');

    await vscode.commands.executeCommand('landscapeLint.checklist.applyFix', node);
    assert.strictEqual(editor.document.lineAt(367).text.trimEnd().replace(/\s+#.*$/, ''), '      trustAnchors: true');
    await waitForChecklist(p, editor.document, 'SBX na-trust-anchors done', (c) =>
      c.systems.find((s) => s.sid === 'SBX')!.chapters.flatMap((ch) => ch.items).find((i) => i.id === 'na-trust-anchors')!.state === 'done');
    const after = itemNode(p, 'SBX', 'na-trust-anchors');
    assert.strictEqual(after.contextValue, 'checklistItem.done');
    assert.strictEqual(systemNode(p, 'SBX').description, 'ERP sandbox (no connection to SAP) · 1/2');
    const ds = await waitForDiagnosticsWhere(uri, 'SBX na-trust-anchors gone', (x) => withRule(x, 'na-trust-anchors', 367).length === 0 && x.length > 0);
    assert.strictEqual(withRule(ds, 'na-trust-anchors', 383).length, 1, 'GRP keeps its trust-anchor warning');
  });

  it('exportReport writes the Markdown report to the file the save dialog returns', async function () {
    const { editor } = await openExampleCopy(ACME, 'checklist-export');
    const p = api.checklist;
    await waitForChecklist(p, editor.document, '14 systems', (c) => c.systems.length === 14);
    // The save dialog cannot be driven through the API; the extension and its tests share one
    // `vscode` API object (both live in the extension's folder), so it is stubbed for this test.
    const win = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = win.showSaveDialog;
    const target = vscode.Uri.joinPath(editor.document.uri, '..', `${editor.document.uri.path.split('/').pop()}.export.md`);
    let asked: vscode.SaveDialogOptions | undefined;
    try {
      win.showSaveDialog = async (o) => { asked = o; return target; };
    } catch {
      /* frozen API object */
    }
    if (win.showSaveDialog === original) this.skip();
    let timer: NodeJS.Timeout | undefined;
    try {
      const done = vscode.commands.executeCommand('landscapeLint.checklist.exportReport').then(() => 'done' as const);
      const stuck = new Promise<'stuck'>((resolve) => { timer = setTimeout(() => resolve('stuck'), 15000); });
      if (await Promise.race([done, stuck]) === 'stuck') {
        // the stub did not reach the extension: a real save dialog (a quick input) is waiting
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        assert.fail('exportReport did not finish within 15 s: is a real save dialog open (the stub of window.showSaveDialog did not reach the extension)?');
      }
    } finally {
      if (timer) clearTimeout(timer);
      win.showSaveDialog = original;
    }
    assert.ok(asked, 'the save dialog was not asked for');
    assert.match(asked.defaultUri?.path ?? '', /\.readiness\.md$/);
    const written = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(written, /ACME Production Landscape/);
    for (const sid of SIDS) assert.ok(written.includes(sid), `${sid} missing in the exported report`);
    await vscode.workspace.fs.delete(target);
  });

  it('the readiness report request answers Markdown and JSON for the open file', async () => {
    const { editor } = await openExampleCopy(ACME, 'checklist-report');
    const p = api.checklist;
    await waitForChecklist(p, editor.document, '14 systems', (c) => c.systems.length === 14);
    const client = await runningClient(api);
    const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    const md = await client.sendRequest<ReportResult | null>('landscapeLint/report', { uri, format: 'markdown' });
    assert.ok(md, 'no markdown report');
    assert.strictEqual(md.format, 'markdown');
    const base = editor.document.uri.path.split('/').pop()!.replace(/\.landscape\.yaml$/, '');
    assert.strictEqual(md.fileName, `${base}.readiness.md`);
    assert.match(md.content, /ACME Production Landscape/);
    for (const sid of SIDS) assert.ok(md.content.includes(sid), `${sid} missing in the report`);
    const json = await client.sendRequest<ReportResult | null>('landscapeLint/report', { uri, format: 'json' });
    assert.ok(json);
    assert.strictEqual(json.fileName, `${base}.readiness.json`);
    const parsed = JSON.parse(json.content) as { summary: LandscapeChecklist['summary']; systems: { sid: string; status: string }[] };
    assert.deepStrictEqual(parsed.summary, { systems: 14, ready: 7, red: 5, amber: 2, green: 7, itemsDone: 63, itemsTotal: 83, itemsWaived: 0 });
    assert.deepStrictEqual(parsed.systems.map((s) => s.sid), SIDS);
  });
});

describe('Create Landscape File (issue 14)', function () {
  this.timeout(30000);
  const folder = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'e2e-tmp');
  afterEach(async () => {
    await cleanUp();
    for (const name of ['created-by-test.landscape.yaml']) {
      try { await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), name)); } catch { /* not there */ }
    }
  });

  it('writes the name asked for (made *.landscape.yaml), inserts the template as a snippet on its first tab stop, and the template has no findings', async () => {
    await getApi();
    const asked = vscode.Uri.joinPath(folder(), 'created-by-test.yaml');
    await vscode.commands.executeCommand('landscapeLint.checklist.createLandscapeFile', asked);
    const editor = await waitFor('the new file in the editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('/e2e-tmp/created-by-test.landscape.yaml') && e.document.getText().startsWith('landscape: My Landscape') ? e : undefined;
    }, 15000);
    // the cursor is on the first tab stop: the landscape name, selected for typing over
    assert.strictEqual(editor.document.getText(editor.selection), 'My Landscape');
    assert.ok(editor.document.lineAt(1).text === '' && editor.options.tabSize === 2, `tab size ${String(editor.options.tabSize)}`);
    const api = await getApi();
    const c = await waitForChecklist(api.checklist, editor.document, 'the template checked', (x) => x.systems.length === 1);
    assert.strictEqual(c.summary.ready, 1, 'the template, as inserted, is ready: no finding to start with');
    // the file was empty on disk for a moment: wait for the diagnostics of the inserted text
    const ds = await waitForDiagnosticsWhere(editor.document.uri, 'the diagnostics of the template', (x) => !x.some((d) => /is empty/.test(d.message)), 15000);
    assert.deepStrictEqual(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning).map((d) => d.message), []);
  });

  it('never overwrites an existing file: it is opened as it is', async () => {
    const { uri } = await openExampleCopy(ACME, 'create-existing');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    await vscode.commands.executeCommand('landscapeLint.checklist.createLandscapeFile', uri);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), before);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.isDirty, false);
  });
});
