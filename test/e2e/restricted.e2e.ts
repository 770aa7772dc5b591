/**
 * Restricted mode (an untrusted workspace): the extension declares
 * `capabilities.untrustedWorkspaces.supported: true`, so it must activate and validate there too.
 *
 * Only meaningful in a run with workspace trust enabled and the folder untrusted:
 *   node scripts/e2e/run-extension-tests.mjs --restricted
 * which sets LL_E2E_RESTRICTED=1 and runs only the tests titled "restricted-mode". In a normal run
 * (trust disabled, so everything is trusted) these tests are skipped (pending).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { cleanUp, EXTENSION_ID, getApi, openExampleCopy, waitFor, waitForDiagnosticsWhere, withRule } from './helpers';

const RESTRICTED_RUN = process.env.LL_E2E_RESTRICTED === '1';

describe('restricted-mode: untrusted workspace', function () {
  this.timeout(30000);
  before(function () {
    if (!RESTRICTED_RUN) this.skip();
  });
  afterEach(cleanUp);

  it('the workspace is untrusted (restricted mode)', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner should have opened the folder in restricted mode (workspace trust enabled, folder not trusted)');
  });

  it('the extension activates by itself (workspaceContains) in restricted mode', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found (is it disabled in restricted mode?)`);
    // no activate() call here: the activation event must fire on its own
    await waitFor(`${EXTENSION_ID} to be active`, () => ext.isActive, 30000);
    const api = await getApi();
    await waitFor('the language client to run', () => api.client()?.isRunning() === true, 30000);
  });

  it('diagnostics appear on a landscape file', async () => {
    const { uri } = await openExampleCopy('acme.landscape.yaml', 'restricted-diag');
    const ds = await waitForDiagnosticsWhere(uri, '35 diagnostics in restricted mode', (x) => x.length === 35);
    const sbx = withRule(ds, 'na-digital-signature', 363)[0];
    assert.ok(sbx);
    assert.strictEqual(sbx.message, 'SBX: SAP Notes 2408073/2546220/2508268 for digitally signed SAP Notes not implemented');
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('the readiness checklist works in restricted mode', async () => {
    const api = await getApi();
    const { editor } = await openExampleCopy('acme.landscape.yaml', 'restricted-checklist');
    const c = await waitFor('the checklist of the copy', () => {
      const p = api.checklist;
      return p.uri?.toString() === editor.document.uri.toString() && p.checklist && p.checklist.version === editor.document.version ? p.checklist : undefined;
    }, 20000);
    assert.strictEqual(c.systems.length, 14);
    assert.strictEqual(c.summary.ready, 7);
  });

  it('the landscape map opens and draws the 14 systems in restricted mode (webview with scripts)', async () => {
    const api = await getApi();
    const { editor } = await openExampleCopy('acme.landscape.yaml', 'restricted-map');
    await waitFor('the checklist of the copy', () => api.checklist.uri?.toString() === editor.document.uri.toString() && api.checklist.checklist?.systems.length === 14, 20000);
    await vscode.commands.executeCommand('landscapeLint.map.show');
    try {
      const rendered = await waitFor('the webview to draw 14 systems', () => (api.map.rendered?.sids.length === 14 ? api.map.rendered : undefined), 30000);
      assert.ok(rendered.sids.includes('EPR'));
      assert.strictEqual(vscode.workspace.isTrusted, false);
    } finally {
      api.map.panel?.dispose();
    }
  });
});
