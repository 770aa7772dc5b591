/**
 * "Landscape Lint: Import System from SAP Exports…" in a real VS Code: run with arguments (the
 * test hook that replaces the open dialog and the SID pick), it merges the EPR fixture exports
 * into a copy of acme as one undoable edit, the same text as the CLI's merge; diagnostics follow;
 * a second run changes nothing; a file that is no export imports nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImportSystemResult } from '../../client/src/importCommand';
import { readExport } from '../../server/src/import/sources';
import type { SystemImport } from '../../server/src/import/merge';
import { mergeText } from '../../server/src/import/merge';
import { Commands } from '../../server/src/protocol';
import { cleanUp, getApi, openExampleCopy, ruleIdOf, waitFor, waitForDiagnosticsWhere } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..'); // out/test/e2e -> repo
const EPR = ['components', 'notes', 'destinations', 'parameters'].map((k) => path.join(REPO, 'test', 'fixtures', 'import', 'EPR', `${k}.txt`));

describe('import command (Import System from SAP Exports…)', () => {
  afterEach(cleanUp);

  it('merges the exports of EPR as one undoable edit, like the CLI; the note-2738426 error of EPR goes', async () => {
    await getApi();
    const { uri, editor } = await openExampleCopy('acme.landscape.yaml', 'import');
    const before = editor.document.getText();
    const notesLine = before.split('\n').indexOf('    notes: [2576306, 2781565]       # 2738426 still in the import queue');
    assert.ok(notesLine > 0);
    await waitForDiagnosticsWhere(uri, 'EPR lacks note 2738426', (ds) => ds.some((d) => ruleIdOf(d) === 'note-2738426' && d.range.start.line === notesLine));

    const r = await vscode.commands.executeCommand<ImportSystemResult>(Commands.importSystem, { files: EPR, sid: 'EPR', target: uri.toString() });
    assert.equal(r.applied, true, JSON.stringify(r));
    assert.deepEqual(r.changed, ['EPR']);
    assert.deepEqual(r.problems, []);
    const imports: Record<string, unknown> = { sid: 'EPR' };
    for (const f of EPR) {
      const read = readExport(fs.readFileSync(f), f);
      assert.ok('read' in read);
      imports[read.read.kind] = read.read.data;
    }
    const expected = mergeText(uri.toString(), before, [imports as unknown as SystemImport]).text;
    await waitFor('the edit in the editor', () => editor.document.getText() !== before);
    assert.equal(editor.document.getText(), expected);
    assert.ok(editor.document.isDirty, 'applied as an edit, not saved');
    await waitForDiagnosticsWhere(uri, 'the note-2738426 error of EPR gone', (ds) => ds.length > 0 && !ds.some((d) => ruleIdOf(d) === 'note-2738426' && d.range.start.line === notesLine));

    const again = await vscode.commands.executeCommand<ImportSystemResult>(Commands.importSystem, { files: EPR, sid: 'EPR', target: uri.toString() });
    assert.equal(again.applied, false);
    assert.deepEqual(again.changed, []);
    assert.equal(editor.document.getText(), expected);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to bring back the original text', () => editor.document.getText() === before);
  });

  it('a file that is no export: nothing imported, the problem named', async () => {
    await getApi();
    const { uri, editor } = await openExampleCopy('acme.landscape.yaml', 'import-bad');
    const before = editor.document.getText();
    const bad = path.join(REPO, 'test', 'fixtures', 'import', 'broken', 'destinations.txt');
    const r = await vscode.commands.executeCommand<ImportSystemResult>(Commands.importSystem, { files: [bad], sid: 'EPR', target: uri.toString() });
    assert.equal(r.applied, false);
    // named destinations.txt, so read as RFCDES: it has no RFCDES header row
    assert.match(r.problems.map((p) => p.message).join('\n'), /no header row with the columns RFCDEST, RFCTYPE found/);
    assert.equal(editor.document.getText(), before);
  });
});
