import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { DocumentSelector, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { Commands, SETTINGS_SECTION } from '../../server/src/protocol';
import type { ChecklistProvider } from './checklistTree';
import { registerChecklist } from './checklistTree';
import type { MapView } from './mapView';
import { registerMapView } from './mapView';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

/** Landscape files by name, plus the extra globs of the setting `landscapeLint.files`. */
function documentSelector(): DocumentSelector {
  const extra = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('files', []);
  return [
    { scheme: 'file', language: 'sap-landscape-yaml' },
    { scheme: 'file', language: 'sap-landscape-json' },
    { scheme: 'untitled', language: 'sap-landscape-yaml' },
    { scheme: 'untitled', language: 'sap-landscape-json' },
    ...extra.map((glob) => {
      const pattern = glob.replace(/^\.\//, '');
      return { scheme: 'file', pattern: pattern.startsWith('**/') || path.isAbsolute(pattern) ? pattern : `**/${pattern}` };
    }),
  ];
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: vscode.workspace.getConfiguration(SETTINGS_SECTION),
  };
  client = new LanguageClient('landscapeLint', 'Landscape Lint', serverOptions, clientOptions);
  await client.start();
}

/** What activate() returns: used by the integration tests (and other extensions) to reach the checklist. */
export interface LandscapeLintApi {
  checklist: ChecklistProvider;
  /** The Landscape Map webview (mapView.ts). */
  map: MapView;
  client(): LanguageClient | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<LandscapeLintApi> {
  output = vscode.window.createOutputChannel('Landscape Lint');
  context.subscriptions.push(output);
  output.appendLine(`Landscape Lint ${String(context.extension.packageJSON.version)} activating (workspace trusted: ${vscode.workspace.isTrusted})`);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showOutput, () => output?.show(true)),
    // the settings link here (a command: bundled docs, no web address that does not exist yet)
    vscode.commands.registerCommand(Commands.openRuleDocs, async (ruleId?: unknown) => {
      const page = typeof ruleId === 'string' && /^[a-z0-9-]+$/.test(ruleId) ? path.join('docs', 'rules', `${ruleId}.md`) : path.join('docs', 'rules.md');
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(context.asAbsolutePath(page)));
    }),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client?.stop();
      await startClient(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // the document selector is fixed at start: a change of the file globs needs a restart
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.files`)) {
        await client?.stop();
        await startClient(context);
      }
    }),
  );
  // Readiness checklist view, status item, report export (checklistTree.ts); follows client restarts.
  const checklist = registerChecklist(context, () => client, (s) => output?.appendLine(s));
  // Landscape Map webview of the checklist's file (mapView.ts).
  const map = registerMapView(context, () => client, checklist, (s) => output?.appendLine(s));
  try {
    await startClient(context);
  } catch (e) {
    output.appendLine(`Could not start the language server: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    void vscode.window.showErrorMessage('Landscape Lint: the language server could not start. See the output channel.', 'Show output').then((c) => {
      if (c) output?.show(true);
    });
  }
  return { checklist, map, client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
