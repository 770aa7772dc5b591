import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { DocumentSelector, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { REASON_PLACEHOLDER } from '../../server/src/core/suppress';
import { Commands, SETTINGS_SECTION } from '../../server/src/protocol';
import type { ChecklistProvider } from './checklistTree';
import { registerChecklist } from './checklistTree';
import { registerImportCommand } from './importCommand';
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
    middleware: {
      // "Suppress … here" inserts `-- REASON`: then select that placeholder, so typing replaces it
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        for (const a of actions ?? []) if (a instanceof vscode.CodeAction) selectReasonAfter(a);
        return actions;
      },
    },
  };
  client = new LanguageClient('landscapeLint', 'Landscape Lint', serverOptions, clientOptions);
  await client.start();
}

const SELECT_REASON_COMMAND = 'landscapeLint.selectSuppressionReason';

/**
 * Gives a suppression action (one insert holding ` -- REASON`) a command that selects the
 * placeholder once VS Code has applied the edit — a snippet's tab stop, without LSP snippet edits.
 */
export function selectReasonAfter(action: vscode.CodeAction): void {
  if (action.command || !action.edit || !action.title.startsWith('Suppress ')) return;
  const entries = action.edit.entries();
  if (entries.length !== 1 || entries[0][1].length !== 1) return;
  const [uri, [edit]] = entries[0];
  const at = edit.newText.indexOf(` -- ${REASON_PLACEHOLDER}\n`);
  if (at < 0 || !edit.range.isEmpty || edit.range.start.character !== 0 || edit.newText.indexOf('\n') !== at + REASON_PLACEHOLDER.length + 4) return;
  const line = edit.range.start.line;
  const start = at + 4;
  action.command = { title: 'Type the reason', command: SELECT_REASON_COMMAND, arguments: [uri.toString(), line, start, start + REASON_PLACEHOLDER.length] };
}

async function selectReason(uri: string, line: number, start: number, end: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor || line >= editor.document.lineCount || editor.document.lineAt(line).text.slice(start, end) !== REASON_PLACEHOLDER) return;
  const doc = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  doc.selection = new vscode.Selection(line, start, line, end);
  doc.revealRange(doc.selection);
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
    vscode.commands.registerCommand(SELECT_REASON_COMMAND, (uri: string, line: number, start: number, end: number) => selectReason(uri, line, start, end)),
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
  // Import System from SAP Exports… (the merge of `landscape-lint import` as an undoable edit)
  registerImportCommand(context, (s) => output?.appendLine(s));
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
