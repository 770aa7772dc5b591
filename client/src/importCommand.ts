/**
 * "Landscape Lint: Import System from SAP Exports…": reads SAP export files (CVERS / component
 * information, CWBNTCUST, RFCDES, RSPARAM; kind detected by content), asks for the SID and
 * applies the same merge as `landscape-lint import` (server/src/import) to the landscape file as
 * one workspace edit — undoable, and nothing is saved until the user saves.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LandscapeDocument } from '../../server/src/core/document';
import type { MergeNotice, SystemImport } from '../../server/src/import/merge';
import { emptyLandscape, ImportError, mergeText, SID_PATTERN } from '../../server/src/import/merge';
import type { ExportKind } from '../../server/src/import/sources';
import { kindOfFileName, readExport } from '../../server/src/import/sources';
import type { ImportProblem } from '../../server/src/import/table';
import { Commands } from '../../server/src/protocol';

/**
 * Arguments for running the command programmatically (tests, other extensions); without them it
 * asks with an open dialog and a quick pick.
 */
export interface ImportSystemArgs {
  /** Export files (file system paths or URI strings). */
  files?: readonly string[];
  /** SID to import as. */
  sid?: string;
  /** Landscape file (URI string); default: the active landscape editor, else a file of the workspace. */
  target?: string;
  role?: 'abap' | 'solman' | 'frun';
  connection?: 'direct' | 'solman' | 'frun' | 'none';
}

/** What the command did (returned to a programmatic caller). */
export interface ImportSystemResult {
  applied: boolean;
  target?: string;
  sid?: string;
  changed: string[];
  notices: MergeNotice[];
  problems: ImportProblem[];
}

const LANDSCAPE_LANGUAGES = ['sap-landscape-yaml', 'sap-landscape-json'];

export function registerImportCommand(context: vscode.ExtensionContext, log: (s: string) => void): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.importSystem, (args?: ImportSystemArgs) => importSystem(args ?? {}, log)));
}

const toUri = (s: string): vscode.Uri => (/^[a-z][a-z0-9+.-]+:/i.test(s) && !/^[a-z]:[\\/]/i.test(s) ? vscode.Uri.parse(s) : vscode.Uri.file(s));

async function importSystem(args: ImportSystemArgs, log: (s: string) => void): Promise<ImportSystemResult> {
  const none: ImportSystemResult = { applied: false, changed: [], notices: [], problems: [] };
  const files = args.files?.map(toUri) ?? await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Import',
    title: 'SAP exports of one system: CVERS or component information, CWBNTCUST, RFCDES, RSPARAM',
    filters: { 'SAP exports': ['txt', 'tsv', 'csv', 'dat'], 'All files': ['*'] },
  });
  if (!files?.length) return none;

  // read every file; the kind by its name (the --dir convention), else by its content
  const problems: ImportProblem[] = [];
  const imp: Record<string, unknown> = {};
  const from: Partial<Record<ExportKind, string>> = {};
  const refused: string[] = [];
  for (const uri of files) {
    const name = vscode.workspace.asRelativePath(uri, false);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      refused.push(`${name}: ${(e as Error).message}`);
      continue;
    }
    const read = readExport(bytes, name, kindOfFileName(uri.path));
    problems.push(...read.problems);
    if (!('read' in read) || read.problems.some((p) => p.line === 0 && p.severity === 'error')) {
      refused.push(`${name}: ${read.problems.find((p) => p.line === 0)?.message ?? 'not readable'}`);
      continue;
    }
    if (from[read.read.kind]) {
      refused.push(`${name}: a second ${read.read.kind} export (the first is ${from[read.read.kind]})`);
      continue;
    }
    from[read.read.kind] = name;
    imp[read.read.kind] = read.read.data;
  }
  for (const p of problems) log(`import: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`);
  if (refused.length) {
    void vscode.window.showErrorMessage(`Landscape Lint: nothing imported. ${refused.join('; ')}`);
    return { ...none, problems };
  }

  const doc = await targetDocument(args.target);
  if (!doc) return { ...none, problems };
  const sid = args.sid?.toUpperCase() ?? await pickSid(doc, files[0]);
  if (!sid) return { ...none, problems };
  if (!SID_PATTERN.test(sid)) {
    void vscode.window.showErrorMessage(`Landscape Lint: '${sid}' is not a SID (three characters A-Z/0-9, a letter first).`);
    return { ...none, problems };
  }
  const format = doc.languageId === 'sap-landscape-json' || /\.json$/i.test(doc.uri.path) ? 'json' : 'yaml';
  let plan;
  try {
    // the same merge as the CLI, checked the same way (result parses, nothing else changed)
    plan = mergeText(doc.uri.toString(), doc.getText(), [{ ...imp, sid, role: args.role, connection: args.connection } as SystemImport], {}, format);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    void vscode.window.showErrorMessage(`Landscape Lint: nothing imported into ${path.basename(doc.uri.path)}: ${e.message}`);
    return { ...none, target: doc.uri.toString(), sid, problems };
  }
  for (const n of plan.notices) log(`import: ${n.sid}: ${n.severity}: ${n.message}`);
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) {
    edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  const applied = plan.edits.length ? await vscode.workspace.applyEdit(edit) : false;
  const what = Object.keys(from).join(', ');
  const unread = problems.filter((p) => p.severity === 'error').length + plan.notices.filter((n) => n.severity === 'error').length;
  const message = !plan.edits.length
    ? `Landscape Lint: ${sid} in ${path.basename(doc.uri.path)} already matches the exports (${what}).`
    : `Landscape Lint: ${plan.added.includes(sid) ? 'added' : 'updated'} ${sid} from ${what}${unread ? `; ${unread} problem${unread > 1 ? 's' : ''} (see the output)` : ''}. Undo with Ctrl+Z.`;
  void (unread ? vscode.window.showWarningMessage(message, 'Show Output') : vscode.window.showInformationMessage(message)).then((c) => {
    if (c) void vscode.commands.executeCommand(Commands.showOutput);
  });
  return { applied, target: doc.uri.toString(), sid, changed: plan.changed, notices: plan.notices, problems };
}

/** The landscape file to import into: given, the active one, one of the workspace, or a new one. */
async function targetDocument(target: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (target) return vscode.workspace.openTextDocument(toUri(target));
  const active = vscode.window.activeTextEditor?.document;
  if (active && LANDSCAPE_LANGUAGES.includes(active.languageId)) return active;
  const found = await vscode.workspace.findFiles('**/*.landscape.{yaml,yml,json}', '**/node_modules/**', 50);
  const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = found
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri }));
  items.push({ label: '$(new-file) New landscape file…' });
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Import into which landscape file?' });
  if (!picked) return undefined;
  if (picked.uri) return vscode.workspace.openTextDocument(picked.uri);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    title: 'New landscape file',
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'sap.landscape.yaml') : undefined,
    filters: { 'Landscape file': ['yaml', 'yml', 'json'] },
  });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(emptyLandscape(/\.json$/i.test(uri.path) ? 'json' : 'yaml')));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** SIDs of the file, the folder name of the exports when it is a SID, or one typed. */
async function pickSid(doc: vscode.TextDocument, firstFile: vscode.Uri): Promise<string | undefined> {
  const sids = new Set<string>();
  const folder = path.posix.basename(path.posix.dirname(firstFile.path)).toUpperCase();
  if (SID_PATTERN.test(folder)) sids.add(folder);
  try {
    const value = new LandscapeDocument(doc.uri.toString(), doc.getText()).value as { systems?: Record<string, unknown> } | undefined;
    for (const s of Object.keys(value?.systems ?? {})) if (SID_PATTERN.test(s)) sids.add(s);
  } catch {
    // a file that does not parse offers no SIDs; the merge reports why it cannot import
  }
  const typeOne = '$(edit) Type a SID…';
  const picked = sids.size
    ? await vscode.window.showQuickPick([...sids, typeOne], { title: 'Import the exports as which system (SID)?', placeHolder: 'SID of the system the exports come from' })
    : typeOne;
  if (picked !== typeOne) return picked;
  return vscode.window.showInputBox({
    title: 'SID of the system the exports come from',
    placeHolder: 'e.g. EPR',
    validateInput: (v) => (SID_PATTERN.test(v.trim().toUpperCase()) ? undefined : 'three characters A-Z/0-9, a letter first'),
  }).then((v) => v?.trim().toUpperCase());
}
