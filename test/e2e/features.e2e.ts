/**
 * Editor features through VS Code's own command API (so the whole path editor → language client →
 * server → editor is exercised): hover, quick-fixes applied with `workspace.applyEdit`,
 * completion, code lenses and the outline, on copies of examples/acme.landscape.yaml.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  cleanUp, copyExample, describeDiagnostic, getApi, hoverText, openExampleCopy, openInEditor, positionOf,
  waitFor, waitForDiagnostics, waitForDiagnosticsWhere, withRule,
} from './helpers';

const ACME = 'acme.landscape.yaml';
const SIDS = ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'FRN', 'CRP', 'PIP', 'SBX', 'GRP'];

/** Code actions of VS Code's provider chain for `range` (only real CodeActions, not bare Commands). */
async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (all ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof (a as vscode.Command).command === 'string'));
}

/** Waits for code actions (the server answers none while a validation of the newest version is pending). */
function waitForCodeAction(uri: vscode.Uri, range: vscode.Range, what: string, pick: (a: vscode.CodeAction) => boolean): Promise<vscode.CodeAction> {
  let last: string[] = [];
  return waitFor(what, async () => {
    const actions = await codeActionsAt(uri, range, vscode.CodeActionKind.QuickFix.value);
    last = actions.map((a) => a.title);
    return actions.find(pick);
  }, 15000, 300).catch((e: Error) => {
    throw new Error(`${e.message}; code actions offered: ${JSON.stringify(last)}`);
  });
}

async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `code action "${action.title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit of "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('editor features', function () {
  this.timeout(30000);
  before(async () => { await getApi(); });
  afterEach(cleanUp);

  it('hover on SAP Note 2738426 explains the note, its task list and where it is implemented', async () => {
    const { uri, editor } = await openExampleCopy(ACME, 'hover-note');
    // EDV: `    notes: [2576306, 2738426, 2781565]` (line 44)
    const pos = positionOf(editor.document, 44, '2738426', 3);
    const hovers = await waitFor('a hover on 2738426', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
      return h && h.length ? h : undefined;
    }, 15000);
    const text = hoverText(hovers);
    assert.ok(text.startsWith('**SAP Note 2738426** · Task list SAP_BASIS_CONFIG_OSS_COMM'), text);
    for (const needle of ['run in transaction `STC01`', '- EDV: implemented', '[Open SAP Note 2738426](https://me.sap.com/notes/2738426)']) {
      assert.ok(text.includes(needle), `hover lacks "${needle}":\n${text}`);
    }
    // the hover range is the note number
    const withRange = hovers.find((h) => h.range);
    if (withRange?.range) assert.strictEqual(editor.document.getText(withRange.range), '2738426');
  });

  it('hover on a key shows the format description; hover on a comment shows nothing of ours', async () => {
    const { uri, editor } = await openExampleCopy(ACME, 'hover-key');
    // SBX: `      trustAnchors: false` (line 367)
    const key = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 367, 'trustAnchors', 2));
    const text = hoverText(key ?? []);
    assert.ok(/2620478/.test(text), `hover on trustAnchors should name SAP Note 2620478:\n${text}`);
    const comment = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 5));
    assert.strictEqual(hoverText(comment ?? []), '', 'no hover on a comment line');
  });

  it('quick-fix for SBX na-digital-signature, applied via executeCodeActionProvider + applyEdit, clears the diagnostic', async () => {
    const { uri, editor } = await openExampleCopy(ACME, 'quickfix-ds');
    const before = await waitForDiagnosticsWhere(uri, '35 diagnostics', (x) => x.length === 35);
    const diag = withRule(before, 'na-digital-signature', 363)[0];
    assert.ok(diag, before.map(describeDiagnostic).join('\n'));
    // (vscode.executeCodeActionProvider does not hand back CodeAction.diagnostics: pick by title)
    const fix = await waitForCodeAction(uri, diag.range, 'the preferred quick-fix of na-digital-signature',
      (a) => a.isPreferred === true && a.title === 'Add SAP Notes 2408073, 2546220, 2508268 to notes');
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.match(fix.title, /2408073/);
    await applyCodeAction(fix);
    const after = await waitForDiagnosticsWhere(uri, 'na-digital-signature to disappear', (x) => withRule(x, 'na-digital-signature').length === 0 && x.length > 0);
    // the file now records the notes, and unrelated findings stay
    assert.match(editor.document.lineAt(368).text, /^ {4}notes: \[.*2408073.*2546220.*2508268.*\]/);
    assert.strictEqual(withRule(after, 'na-trust-anchors', 367).length, 1, after.map(describeDiagnostic).join('\n'));
    assert.strictEqual(withRule(after, 'plugin-st-pi', 379).length, 1);
    assert.ok(editor.document.isDirty);
  });

  it('quick-fix "Suppress … here" inserts a suppression comment and clears the diagnostic', async () => {
    const { uri, editor } = await openExampleCopy(ACME, 'quickfix-suppress');
    const before = await waitForDiagnosticsWhere(uri, '35 diagnostics', (x) => x.length === 35);
    const diag = withRule(before, 'saprouter-check', 396)[0];
    assert.ok(diag, before.map(describeDiagnostic).join('\n'));
    const suppress = await waitForCodeAction(uri, diag.range, 'the suppress action of saprouter-check', (a) => /^Suppress saprouter-check here/.test(a.title));
    await applyCodeAction(suppress);
    const text = editor.document.getText();
    assert.match(text, /# landscape-lint-disable-next-line saprouter-check -- REASON/);
    // issue 14: the cursor is on the selected placeholder, and the placeholder is not accepted as a reason
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), uri.toString());
    assert.strictEqual(active.document.getText(active.selection), 'REASON');
    const placeholder = await waitForDiagnosticsWhere(uri, 'saprouter-check gone, the placeholder reported', (x) => withRule(x, 'saprouter-check').length === 0 && withRule(x, 'suppression').length === 1);
    assert.match(withRule(placeholder, 'suppression')[0].message, /placeholder reason \("REASON"\)/);
    // typing over the selection gives the reason
    assert.ok(await active.edit((b) => b.replace(active.selection, 'SAProuter checked by hand, CHG-12')));
    await waitForDiagnosticsWhere(uri, 'no suppression warning once a reason is typed', (x) => withRule(x, 'suppression').length === 0 && x.length === 34);
    // the waived item stays in the total, shown as waived (was 0/9 → 0/8)
    const api = await getApi();
    const grp = await waitFor('GRP with one waived item', () => {
      const c = api.checklist.checklist;
      const s = c?.version === editor.document.version ? c.systems.find((x) => x.sid === 'GRP') : undefined;
      return s && s.waived === 1 ? s : undefined;
    }, 15000);
    assert.strictEqual(`${grp.done}/${grp.total + grp.waived}, ${grp.waived} waived`, '0/9, 1 waived');
    const item = grp.chapters.flatMap((c) => c.items).find((i) => i.id === 'abap-check-saprouter')!;
    assert.strictEqual(item.waived, 'SAProuter checked by hand, CHG-12');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses?.some((l) => l.command?.title === '✗ 0/9 checklist items done (8 open, 1 waived)'), lenses?.map((l) => l.command?.title).join(' | '));
  });

  it('completion after `role: ` offers abap, solman and frun', async () => {
    const uri = await copyExample(ACME, 'completion-role', (t) => t.replace('  SBX:\n    role: abap\n', '  SBX:\n    role: \n'));
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri);
    assert.strictEqual(editor.document.lineAt(360).text, '    role: ');
    const list = await waitFor('completion items after role:', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(360, 10));
      return l && l.items.some((i) => label(i) === 'abap') ? l : undefined;
    }, 15000);
    const labels = list.items.map(label);
    for (const role of ['abap', 'solman', 'frun']) assert.ok(labels.includes(role), labels.join(', '));
    // applying the item gives a valid file again
    const abap = list.items.find((i) => label(i) === 'abap')!;
    const insert = abap.insertText === undefined ? 'abap' : typeof abap.insertText === 'string' ? abap.insertText : abap.insertText.value;
    const range = abap.range === undefined ? new vscode.Range(360, 10, 360, 10) : 'inserting' in abap.range ? abap.range.inserting : abap.range;
    assert.ok(await editor.edit((b) => b.replace(range, insert)));
    assert.strictEqual(editor.document.lineAt(360).text, '    role: abap');
    await waitForDiagnosticsWhere(uri, 'the 35 diagnostics of the original file', (x) => x.length === 35);
  });

  it('completion in SBX `notes: []` offers the SAP Notes the system lacks', async () => {
    const { uri, editor } = await openExampleCopy(ACME, 'completion-notes');
    assert.strictEqual(editor.document.lineAt(368).text, '    notes: []');
    const list = await waitFor('completion items in notes: []', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(368, 12));
      return l && l.items.length ? l : undefined;
    }, 15000);
    const labels = list.items.map(label);
    for (const note of ['2408073', '2546220', '2508268']) assert.ok(labels.includes(note), `${note} not offered: ${labels.slice(0, 40).join(', ')}`);
  });

  it('issue 14: whole-system templates are offered as keys of systems, never at a key inside a system; picking one inserts it indented', async () => {
    const uri = await copyExample(ACME, 'completion-templates', (t) => t.replace('systems:\n\n', 'systems:\n  \n').replace('  EDV:\n    role: abap\n', '  EDV:\n    role: abap\n    \n'));
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri);
    const doc = editor.document;
    const under = new vscode.Position(27, 2);
    assert.strictEqual(doc.lineAt(26).text, 'systems:');
    const inside = new vscode.Position(34, 4);
    assert.strictEqual(doc.lineAt(33).text, '    role: abap');
    const ours = ['landscape', 'system-abap-direct', 'system-abap-managed', 'system-solman', 'system-frun', 'track', 'communication-user'];
    // snippet items with those labels (the document's own words come back as text items)
    const snippetsOf = (l: vscode.CompletionList): string[] => l.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(label).filter((x) => ours.includes(x));
    const itemsAt = async (p: vscode.Position, what: string, done: (l: vscode.CompletionList) => boolean): Promise<vscode.CompletionList> =>
      waitFor(what, async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, p);
        return l && done(l) ? l : undefined;
      }, 15000);
    const atSystems = await itemsAt(under, 'templates under systems:', (l) => l.items.some((i) => label(i) === 'system-solman'));
    assert.deepStrictEqual(snippetsOf(atSystems).sort(), ['system-abap-direct', 'system-abap-managed', 'system-frun', 'system-solman']);
    // inside EDV the system's keys are offered (the server answered) and none of the templates or snippets
    const inEdv = await itemsAt(inside, 'keys inside EDV', (l) => l.items.some((i) => i.kind === vscode.CompletionItemKind.Property));
    assert.deepStrictEqual(snippetsOf(inEdv), []);

    // pick system-solman through the suggest widget, type the SID into its first tab stop
    editor.selection = new vscode.Selection(under, under);
    assert.ok(await editor.edit((b) => b.insert(under, 'system-solman')));
    await waitFor('the template accepted from the suggest widget', async () => {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((r) => setTimeout(r, 700));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return doc.lineAt(27).text !== '  system-solman' ? true : undefined;
    }, 20000);
    await vscode.commands.executeCommand('type', { text: 'SL2' });
    assert.strictEqual(doc.lineAt(27).text, '  SL2:');
    assert.strictEqual(doc.lineAt(28).text, '    role: solman');
    assert.ok(doc.lineAt(30).text.startsWith('    release: '), doc.lineAt(30).text);
    // the template's lines are not indented twice (VS Code keeps the server's whitespace)
    const sl2 = doc.getText(new vscode.Range(27, 0, 60, 0)).split('\n');
    const end = sl2.findIndex((l, i) => i > 0 && /^\S|^  \S/.test(l));
    assert.ok(sl2.slice(1, end).every((l) => l === '' || l.startsWith('    ')), sl2.slice(0, end).join('\n'));
    await waitForDiagnosticsWhere(uri, 'no schema finding at the new system', (x) => !x.some((d) => d.range.start.line >= 27 && d.range.start.line < 27 + end && /schema|yaml/.test(String(typeof d.code === 'object' ? d.code.value : d.code))));

    // the new-file template: only in a file without content
    const empty = await copyExample(ACME, 'completion-new-file', () => '');
    await openInEditor(empty);
    const start = await waitFor('the new-file template in an empty file', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', empty, new vscode.Position(0, 0));
      return l && l.items.some((i) => label(i) === 'landscape' && i.kind === vscode.CompletionItemKind.Snippet) ? l : undefined;
    }, 15000);
    assert.deepStrictEqual(snippetsOf(start), ['landscape']);
  });

  it('code lenses show each system\'s checklist progress; the outline lists the 14 systems', async () => {
    const { uri } = await openExampleCopy(ACME, 'lens-outline');
    const lenses = await waitFor('14 code lenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return l && l.length === 14 ? l : undefined;
    }, 15000);
    const titleAt = (line: number): string | undefined => lenses.find((l) => l.range.start.line === line)?.command?.title;
    assert.strictEqual(titleAt(32), '✓ 9/9 checklist items done'); // EDV
    assert.strictEqual(titleAt(101), '✗ 5/9 checklist items done (4 open)'); // EPR
    assert.strictEqual(titleAt(359), '✗ 0/2 checklist items done (2 open)'); // SBX
    assert.strictEqual(titleAt(333), '◐ 1/2 checklist items done (1 not recorded)'); // CRP
    assert.strictEqual(titleAt(348), 'No checklist of the guide applies'); // PIP (was "✓ 0/0")
    assert.ok(lenses.every((l) => l.command?.command === 'landscapeLint.checklist.show'));

    // issue 14: the lens reveals and selects its system's node in the checklist view
    const grp = lenses.find((l) => l.command?.arguments?.[1] === 'GRP')!;
    await vscode.commands.executeCommand(grp.command!.command, ...(grp.command!.arguments ?? []));
    const api = await getApi();
    await waitFor('GRP selected in the checklist view', () => {
      const sel = api.checklist.view?.selection[0] as { system?: { sid: string }; item?: unknown } | undefined;
      return api.checklist.view?.visible && sel?.system?.sid === 'GRP' && sel.item === undefined;
    }, 15000);

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const names: string[] = [];
    const walk = (s: readonly vscode.DocumentSymbol[]): void => s.forEach((x) => { names.push(x.name); walk(x.children ?? []); });
    walk(symbols ?? []);
    for (const sid of SIDS) assert.ok(names.includes(sid), `${sid} not in the outline: ${names.join(', ')}`);
    // issue 14: the outline follows the file (Systems → each system), so SOL's parent is Systems, not "ABAP systems"
    const systems = symbols?.[0]?.children?.find((x) => x.name === 'Systems');
    assert.deepStrictEqual(systems?.children?.map((x) => x.name), SIDS);
    const sol = systems!.children!.find((x) => x.name === 'SOL')!;
    assert.ok(systems!.children!.every((x) => x === sol || x.range.end.line < sol.range.start.line || x.range.start.line > sol.range.end.line), 'no sibling overlaps SOL');
  });
});

function label(i: vscode.CompletionItem): string {
  return typeof i.label === 'string' ? i.label : i.label.label;
}
