/**
 * Smoke test in a real VS Code (code-server) extension host: the extension is
 * installed and activates, and opening a landscape file yields diagnostics.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, EXTENSION_ID, findLandscapeFiles, openInEditor, waitForDiagnostics } from './helpers';

describe('e2e smoke', () => {
  it(`extension ${EXTENSION_ID} is present and activates`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found; installed: ${vscode.extensions.all
      .filter((e) => !e.id.startsWith('vscode.'))
      .map((e) => e.id)
      .join(', ')}`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it(`opening a *.landscape.yaml file yields a '${DIAGNOSTIC_SOURCE}' diagnostic within 30 s`, async () => {
    const files = await findLandscapeFiles('acme.landscape.yaml');
    const yaml = files.find((u) => /\.landscape\.ya?ml$/.test(u.path));
    assert.ok(yaml, `no *.landscape.yaml file in the workspace (${vscode.workspace.workspaceFolders?.map((f) => f.uri.toString())})`);

    const editor = await openInEditor(yaml);
    assert.ok(
      editor.document.languageId === 'sap-landscape-yaml' || editor.document.languageId === 'yaml',
      `unexpected languageId ${editor.document.languageId}`,
    );
    const diagnostics = await waitForDiagnostics(yaml, 30000);
    console.log(`e2e: ${diagnostics.length} diagnostic(s) on ${yaml.path}; first: ${diagnostics[0].message}`);
    assert.ok(diagnostics.length >= 1);
  });
});
