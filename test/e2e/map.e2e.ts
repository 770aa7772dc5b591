/**
 * The Landscape Map webview (client/src/mapView.ts) in a real VS Code: the command opens it for
 * the checklist's file, the webview draws the systems of a copy of examples/acme.landscape.yaml
 * (it reports the `data-sid` of every system link its DOM holds after each redraw), a click —
 * the webview's "reveal" message, through the same method — selects the SID in the editor, and an
 * edit redraws it (debounced) without reopening the panel.
 * Expected values: examples/acme.landscape.yaml (EPR at line 102; its notes line 114 lacks
 * 2738426, which EQA has: the one transport gap) and `node dist/cli.js report … --format html`.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LandscapeLintApi } from '../../client/src/extension';
import { MapCommands } from '../../server/src/protocol';
import { cleanUp, getApi, openExampleCopy, rangeText, runningClient, waitFor } from './helpers';

const ACME = 'acme.landscape.yaml';
/** Lane order: tracks ERP, BW, S4, then SOL with PIP, FRN with CRP, stand-alone ABAP. */
const DRAWN = ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'PIP', 'FRN', 'CRP', 'SBX', 'GRP'];

describe('landscape map webview', function () {
  this.timeout(60000);
  let api: LandscapeLintApi;
  before(async () => {
    api = await getApi();
    await runningClient(api);
  });
  afterEach(async () => {
    api.map.panel?.dispose();
    await cleanUp();
  });

  it('opens for the active landscape file and draws the systems of acme', async () => {
    const { editor } = await openExampleCopy(ACME, 'map-open');
    await waitFor('the checklist of the copy', () => api.checklist.uri?.toString() === editor.document.uri.toString() && api.checklist.checklist?.systems.length === 14, 20000);
    await vscode.commands.executeCommand(MapCommands.show);
    assert.ok(api.map.panel, 'the panel exists');
    const rendered = await waitFor('the webview to draw 14 systems', () => (api.map.rendered?.sids.length === 14 ? api.map.rendered : undefined), 30000);
    assert.deepStrictEqual(rendered.sids, DRAWN);
    assert.strictEqual(rendered.zoom, 1);
    assert.ok(api.map.panel?.title.startsWith('Landscape Map: '), api.map.panel?.title);
    assert.deepStrictEqual(api.map.map?.edges.map((e) => `${e.from}->${e.to} ${e.notes.join(',')}`), ['EQA->EPR 2738426']);
  });

  it('a click on a system reveals its SID in the editor', async () => {
    const { editor } = await openExampleCopy(ACME, 'map-reveal');
    await waitFor('the checklist of the copy', () => api.checklist.uri?.toString() === editor.document.uri.toString() && api.checklist.checklist?.systems.length === 14, 20000);
    await vscode.commands.executeCommand(MapCommands.show);
    await waitFor('the webview to draw', () => api.map.rendered?.sids.length === 14, 30000);
    await api.map.reveal('EPR');
    const active = await waitFor('the editor with EPR selected', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === editor.document.uri.toString() && rangeText(e.selection) === '101:2-101:5' ? e : undefined;
    }, 10000);
    assert.strictEqual(active.document.getText(active.selection), 'EPR');
  });

  it('Export Readiness Report to a .html file writes the self-contained page with the map', async function () {
    const { editor } = await openExampleCopy(ACME, 'map-export');
    await waitFor('the checklist of the copy', () => api.checklist.uri?.toString() === editor.document.uri.toString() && api.checklist.checklist?.systems.length === 14, 20000);
    // the save dialog cannot be driven through the API: stubbed, as in checklist.e2e.ts
    const win = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = win.showSaveDialog;
    const target = vscode.Uri.joinPath(editor.document.uri, '..', `${editor.document.uri.path.split('/').pop()}.export.html`);
    let asked: vscode.SaveDialogOptions | undefined;
    try {
      win.showSaveDialog = async (o) => { asked = o; return target; };
    } catch {
      /* frozen API object */
    }
    if (win.showSaveDialog === original) this.skip();
    try {
      await vscode.commands.executeCommand('landscapeLint.checklist.exportReport');
    } finally {
      win.showSaveDialog = original;
    }
    assert.ok(asked?.filters && Object.values(asked.filters).some((exts) => exts.includes('html')), 'the dialog offers HTML');
    const written = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    await vscode.workspace.fs.delete(target);
    assert.ok(written.startsWith('<!DOCTYPE html>'));
    assert.ok(written.includes('<title>Support backbone readiness: ACME Production Landscape</title>'));
    for (const sid of DRAWN) assert.ok(written.includes(`data-sid="${sid}"`), `${sid} missing in the map of the exported page`);
    assert.ok(!/<script|<link|src=/.test(written), 'nothing loaded from elsewhere');
  });

  it('an edit redraws the map in the same panel: recording 2738426 in EPR closes the transport gap', async () => {
    const { editor } = await openExampleCopy(ACME, 'map-edit');
    await waitFor('the checklist of the copy', () => api.checklist.uri?.toString() === editor.document.uri.toString() && api.checklist.checklist?.systems.length === 14, 20000);
    await vscode.commands.executeCommand(MapCommands.show);
    await waitFor('the gap EQA → EPR', () => api.map.map?.edges.length === 1 && api.map.rendered?.sids.length === 14, 30000);
    const panel = api.map.panel;
    const line = editor.document.lineAt(113);
    assert.ok(line.text.includes('notes: [2576306, 2781565]'), line.text);
    const at = line.text.indexOf('2781565') + '2781565'.length;
    const ok = await editor.edit((b) => b.insert(new vscode.Position(113, at), ', 2738426'));
    assert.ok(ok);
    await waitFor('the map without the gap', () => api.map.map?.version === editor.document.version && api.map.map.edges.length === 0, 30000);
    assert.strictEqual(api.map.panel, panel, 'the same panel (scroll and zoom stay)');
  });
});
