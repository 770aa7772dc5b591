/**
 * The setting `landscapeLint.rules` takes effect without a restart: a rule set to "off" loses
 * its diagnostics, a changed severity shows, and restoring the setting brings them back.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { cleanUp, describeDiagnostic, getApi, openExampleCopy, ruleIdOf, waitFor, waitForDiagnosticsWhere, withRule } from './helpers';

const ACME = 'acme.landscape.yaml';

/** Restores `landscapeLint.rules` in every target a test may have touched. */
async function resetRules(): Promise<void> {
  const config = vscode.workspace.getConfiguration('landscapeLint');
  const inspected = config.inspect('rules');
  if (inspected?.workspaceValue !== undefined) await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  if (inspected?.globalValue !== undefined) await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
}

describe('settings', function () {
  this.timeout(30000);
  before(async () => {
    await getApi();
    await resetRules();
  });
  afterEach(async () => {
    await resetRules();
    await cleanUp();
  });

  it('landscapeLint.baseline "current" (workspace) gives the dated findings (RFC shutdown on 731); back to guide-1.1 removes them', async () => {
    const { uri } = await openExampleCopy(ACME, 'settings-baseline');
    await waitForDiagnosticsWhere(uri, 'the guide-1.1 diagnostics', (ds) => ds.length === 35);
    const config = vscode.workspace.getConfiguration('landscapeLint');
    await config.update('baseline', 'current', vscode.ConfigurationTarget.Workspace);
    try {
      // EDV, EQA and EPR (731, download: rfc): an error since SAP closed the RFC connections on 2020-11-30
      const ds = await waitForDiagnosticsWhere(uri, 'the RFC shutdown errors', (x) => x.filter((d) => ruleIdOf(d) === 'na-download-channel' && d.severity === vscode.DiagnosticSeverity.Error).length === 5);
      assert.ok(!ds.some((d) => ruleIdOf(d) === 'na-generic-user'), ds.map(describeDiagnostic).join('\n'));
    } finally {
      await config.update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnosticsWhere(uri, 'the guide-1.1 diagnostics again', (ds) => ds.length === 35);
  });

  it('landscapeLint.rules { "comm-user-shared": "off" } (workspace) removes those diagnostics; restoring brings them back', async () => {
    const { uri } = await openExampleCopy(ACME, 'settings-off');
    const before = await waitForDiagnosticsWhere(uri, '35 diagnostics', (x) => x.length === 35);
    assert.strictEqual(withRule(before, 'comm-user-shared').length, 5);

    await vscode.workspace.getConfiguration('landscapeLint').update('rules', { 'comm-user-shared': 'off' }, vscode.ConfigurationTarget.Workspace);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('landscapeLint').get('rules'), { 'comm-user-shared': 'off' });
    const off = await waitForDiagnosticsWhere(uri, 'the comm-user-shared diagnostics to disappear', (x) => x.length === 30 && withRule(x, 'comm-user-shared').length === 0);
    // nothing else changed
    const rest = (ds: vscode.Diagnostic[]): string[] => ds.filter((d) => ruleIdOf(d) !== 'comm-user-shared').map(describeDiagnostic).sort();
    assert.deepStrictEqual(rest(off), rest(before));

    await vscode.workspace.getConfiguration('landscapeLint').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnosticsWhere(uri, 'the comm-user-shared diagnostics to come back', (x) => x.length === 35 && withRule(x, 'comm-user-shared').length === 5);
  });

  it('landscapeLint.rules { "na-trust-anchors": "error" } (user) raises the severity; other rules keep theirs', async () => {
    const { uri } = await openExampleCopy(ACME, 'settings-severity');
    const before = await waitForDiagnosticsWhere(uri, '35 diagnostics', (x) => x.length === 35);
    assert.deepStrictEqual(withRule(before, 'na-trust-anchors').map((d) => d.severity), [vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Warning]);

    await vscode.workspace.getConfiguration('landscapeLint').update('rules', { 'na-trust-anchors': 'error' }, vscode.ConfigurationTarget.Global);
    const raised = await waitForDiagnosticsWhere(uri, 'na-trust-anchors as errors', (x) =>
      x.length === 35 && withRule(x, 'na-trust-anchors').length === 2 && withRule(x, 'na-trust-anchors').every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.strictEqual(raised.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 15);
    assert.strictEqual(withRule(raised, 'sdccn-tasks', 129)[0].severity, vscode.DiagnosticSeverity.Warning);

    await vscode.workspace.getConfiguration('landscapeLint').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnosticsWhere(uri, 'na-trust-anchors back to warnings', (x) =>
      withRule(x, 'na-trust-anchors').length === 2 && withRule(x, 'na-trust-anchors').every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });
});

describe('rule documentation links (issue 14)', function () {
  this.timeout(30000);
  afterEach(cleanUp);

  it('the settings\' "rule documentation" link is a command of the extension that opens the bundled rules as a Markdown preview', async () => {
    const ext = vscode.extensions.all.find((x) => x.packageJSON?.name === 'landscape-lint');
    assert.ok(ext);
    const description = String(ext.packageJSON.contributes.configuration.properties['landscapeLint.rules'].markdownDescription);
    const link = /\[rule documentation\]\(([^)]+)\)/.exec(description)?.[1];
    assert.strictEqual(link, 'command:landscapeLint.openRuleDocs');
    assert.ok((await vscode.commands.getCommands(true)).includes('landscapeLint.openRuleDocs'));
    await vscode.commands.executeCommand('landscapeLint.openRuleDocs', 'na-digital-signature');
    const tab = await waitFor('a Markdown preview of the rule page', () => {
      const t = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((x) => /na-digital-signature\.md/.test(x.label));
      return t;
    }, 15000);
    assert.ok(/Preview/i.test(tab.label), tab.label);
  });
});
