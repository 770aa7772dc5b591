/**
 * The readiness checklist view: landscape → systems → chapters → items, computed by the language
 * server (`landscapeLint/checklist`) for the active landscape file and refreshed whenever its
 * diagnostics change. Also the language status item ("3 of 12 systems ready"), the quick-fix
 * action per item, the readiness report export and "Create Landscape File".
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type {
  ChecklistChapterResult,
  ChecklistItemResult,
  ChecklistParams,
  ChecklistRange,
  LandscapeChecklist,
  ReadinessStatus,
  ReportParams,
  ReportResult,
  SystemChecklist,
} from '../../server/src/protocol';
import { CHECKLIST_VIEW_ID, ChecklistCommands, ChecklistRequest, ReportRequest } from '../../server/src/protocol';
import { escapeMarkdown, itemDescription, progressText } from './checklistText';
import { renderNewFile } from '../../server/src/features/templates';
import { DEFAULT_LANDSCAPE_FILE_NAME, landscapeFileName } from './landscapeTemplate';

const LANDSCAPE_LANGUAGES = ['sap-landscape-yaml', 'sap-landscape-json'];
const LANDSCAPE_GLOB = '**/*.landscape.{yaml,yml,json}';
const REFRESH_DELAY_MS = 150;

/** Context keys read by the `when` clauses of package.json. */
const CONTEXT_HAS_FILE = 'landscapeLint.checklist.hasFile';
const CONTEXT_OPEN_ONLY = 'landscapeLint.checklist.openOnly';

const STATUS_COLOR: Readonly<Record<ReadinessStatus, string>> = { red: 'charts.red', amber: 'charts.yellow', green: 'charts.green' };
const ROLE_ICON: Readonly<Record<string, string>> = { abap: 'server', solman: 'organization', frun: 'pulse' };
const STATE_ICON: Readonly<Record<ChecklistItemResult['state'], string>> = { done: 'check', open: 'close', 'n/a': 'dash', unknown: 'question' };
const STATE_WORD: Readonly<Record<ChecklistItemResult['state'], string>> = { done: 'Done', open: 'Open', 'n/a': 'Not applicable', unknown: 'Not recorded' };
/** Systems that are not green start expanded up to this many (a long landscape stays scannable). */
const EXPANDED_SYSTEMS = 3;

function toRange(r: ChecklistRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function itemColor(item: ChecklistItemResult): vscode.ThemeColor | undefined {
  switch (item.state) {
    case 'done': return new vscode.ThemeColor('charts.green');
    case 'open': return new vscode.ThemeColor(item.severity === 'error' ? 'charts.red' : 'charts.yellow');
    case 'unknown': return new vscode.ThemeColor('charts.yellow');
    default: return new vscode.ThemeColor('disabledForeground');
  }
}

/** Whether an item still needs work (what the open-only filter keeps). */
function needsWork(item: ChecklistItemResult): boolean {
  return item.state === 'open' || item.state === 'unknown';
}

function revealCommand(uri: vscode.Uri, range: ChecklistRange): vscode.Command {
  return { title: 'Show in File', command: ChecklistCommands.reveal, arguments: [uri.toString(), range] };
}

class LandscapeNode extends vscode.TreeItem {
  constructor(readonly uri: vscode.Uri, readonly checklist: LandscapeChecklist) {
    super(checklist.name ?? path.basename(uri.fsPath), vscode.TreeItemCollapsibleState.Expanded);
    this.id = uri.toString();
    const s = checklist.summary;
    this.description = `${s.ready} of ${s.systems} systems ready`;
    this.iconPath = new vscode.ThemeIcon('checklist');
    this.contextValue = 'checklistLandscape';
    this.tooltip = new vscode.MarkdownString(
      `**${checklist.name ?? path.basename(uri.fsPath)}** — ${s.ready} of ${s.systems} systems ready (${s.red} red, ${s.amber} amber, ${s.green} green)  \n` +
      `${s.itemsDone} of ${s.itemsTotal + (s.itemsWaived ?? 0)} checklist items done${s.itemsWaived ? ` (${s.itemsWaived} waived)` : ''} · SAP guide "${checklist.guide.title}" ${checklist.guide.version}` +
      (checklist.syntaxErrors ? `  \n$(warning) The file has syntax errors; the checklist may be incomplete.` : ''),
      true,
    );
  }
}

class SystemNode extends vscode.TreeItem {
  /**
   * @param expand whether it starts expanded (the first few systems that are not green)
   */
  constructor(readonly uri: vscode.Uri, readonly system: SystemChecklist, readonly parent: LandscapeNode, expand: boolean) {
    super(system.sid, expand ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${uri.toString()}#${system.sid}`;
    this.description = `${system.description ? `${system.description} · ` : ''}${progressText(system)}`;
    this.iconPath = new vscode.ThemeIcon(ROLE_ICON[system.role ?? ''] ?? 'question', new vscode.ThemeColor(STATUS_COLOR[system.status]));
    this.contextValue = `checklistSystem.${system.status}`;
    this.command = revealCommand(uri, system.range);
    const kind = system.role === 'abap' ? `ABAP${system.connection ? `, connection ${system.connection}` : ''}${system.managedBy ? ` (${system.managedBy})` : ''}` : system.role ?? 'role not recorded';
    this.tooltip = new vscode.MarkdownString(
      `**${escapeMarkdown(system.sid)}**${system.description ? ` — ${escapeMarkdown(system.description)}` : ''}  \n${escapeMarkdown(kind)}  \n` +
      `Status **${system.status}**: ${system.done} of ${system.total + (system.waived ?? 0)} items done, ${system.open} open, ${system.unknown} not recorded, ` +
      `${system.waived ? `${system.waived} waived, ` : ''}${system.notApplicable - (system.waived ?? 0)} not applicable`,
    );
  }
}

class ChapterNode extends vscode.TreeItem {
  constructor(readonly uri: vscode.Uri, readonly system: SystemChecklist, readonly chapter: ChecklistChapterResult, readonly parent: SystemNode) {
    super(chapter.id === 'other' ? chapter.title : `${chapter.id} ${chapter.title}`,
      chapter.items.some(needsWork) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${uri.toString()}#${system.sid}#${chapter.id}`;
    this.description = progressText(chapter);
    this.tooltip = chapter.id === 'other' ? chapter.title : `Guide ${chapter.id}: ${chapter.title}`;
    this.iconPath = new vscode.ThemeIcon('book');
    this.contextValue = 'checklistChapter';
  }
}

class ItemNode extends vscode.TreeItem {
  constructor(readonly uri: vscode.Uri, readonly system: SystemChecklist, readonly item: ChecklistItemResult, readonly parent: ChapterNode) {
    // the short label fits the sidebar; why it is open follows it, the guide's wording is in the tooltip
    super(item.label ?? item.text, vscode.TreeItemCollapsibleState.None);
    this.id = `${uri.toString()}#${system.sid}#${item.chapter}#${item.id}`;
    this.description = itemDescription(item);
    this.iconPath = new vscode.ThemeIcon(STATE_ICON[item.state], itemColor(item));
    const state = item.state === 'n/a' ? 'na' : item.state;
    this.contextValue = `checklistItem.${state}${item.fix ? '.fixable' : ''}`;
    this.command = revealCommand(uri, item.range);
    const md = new vscode.MarkdownString(undefined, true);
    const cause = item.state === 'open' || item.state === 'unknown' ? item.cause : undefined;
    md.appendMarkdown(`**${STATE_WORD[item.state]}${cause ? `: ${escapeMarkdown(cause)}` : ''}**`);
    md.appendMarkdown(`\n\n${escapeMarkdown(item.text)}`);
    if (item.sections.length) md.appendMarkdown(`  \n*Guide ${escapeMarkdown(item.sections.join(', '))}*`);
    md.appendMarkdown(`\n\n${escapeMarkdown(item.action)}`);
    for (const f of item.findings.filter((x) => x.message !== item.action)) {
      md.appendMarkdown(`\n\n${escapeMarkdown(`${f.waived !== undefined ? 'Waived: ' : f.severity === 'info' ? 'Note: ' : ''}${f.message}`)} \`${f.ruleId}\``);
    }
    if (item.fix) md.appendMarkdown(`\n\n$(lightbulb) Quick-fix${item.fix.partial ? ' (for part of it; the rest in the editor\'s light bulb)' : ''}: ${escapeMarkdown(item.fix.title)}`);
    this.tooltip = md;
  }
}

class MessageNode extends vscode.TreeItem {
  constructor(label: string, icon: string, readonly parent?: Node) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon(icon);
    this.tooltip = label;
  }
}

type Node = LandscapeNode | SystemNode | ChapterNode | ItemNode | MessageNode;

/** Tree data of the checklist view; one landscape file at a time (the active one). */
export class ChecklistProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<void>();
  /** Fires when the checklist (or its loading state) changes, for the status item and badge. */
  readonly onDidChangeState = this.stateChanged.event;

  uri: vscode.Uri | undefined;
  checklist: LandscapeChecklist | null | undefined;
  loading = false;
  openOnly = false;
  /** The tree view showing this provider (set by registerChecklist; the tests read its selection). */
  view: vscode.TreeView<Node> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /**
   * SIDs whose node is open: a big landscape's checklist comes as a summary (counts and status)
   * with the items of these systems only; the items of another system are asked for when it opens.
   */
  readonly expanded = new Set<string>();
  /** Items of systems asked for after the summary, for the checklist they belong to. */
  private details = new WeakMap<LandscapeChecklist, Map<string, Promise<SystemChecklist | undefined>>>();

  constructor(private readonly getClient: () => LanguageClient | undefined, private readonly log: (s: string) => void) {}

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.stateChanged.dispose();
  }

  /** Shows the checklist of another file (or none). */
  setUri(uri: vscode.Uri | undefined): void {
    if (uri?.toString() === this.uri?.toString()) return;
    this.uri = uri;
    this.checklist = undefined;
    this.expanded.clear();
    void vscode.commands.executeCommand('setContext', CONTEXT_HAS_FILE, uri !== undefined);
    this.refresh(0);
  }

  setOpenOnly(openOnly: boolean): void {
    this.openOnly = openOnly;
    void vscode.commands.executeCommand('setContext', CONTEXT_OPEN_ONLY, openOnly);
    this.changed.fire();
  }

  /** Asks the server again (debounced: diagnostics arrive in bursts). */
  refresh(delay = REFRESH_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, delay);
  }

  /**
   * The server's checklist of a file: null when the server has none (not a landscape file, not
   * checked yet), undefined when the server is not running (starting or restarting).
   */
  async fetch(uri: vscode.Uri, expand: readonly string[] = [...this.expanded]): Promise<LandscapeChecklist | null | undefined> {
    const client = this.getClient();
    if (!client?.isRunning()) return undefined;
    const params: ChecklistParams = { uri: client.code2ProtocolConverter.asUri(uri), detail: 'auto', expand: [...expand] };
    try {
      return await client.sendRequest<LandscapeChecklist | null>(ChecklistRequest.method, params);
    } catch (e) {
      this.log(`checklist request failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private async load(): Promise<void> {
    const uri = this.uri;
    const generation = ++this.generation;
    if (!uri) {
      this.checklist = undefined;
      this.changed.fire();
      this.stateChanged.fire();
      return;
    }
    this.loading = true;
    this.stateChanged.fire();
    const checklist = await this.fetch(uri);
    // a newer request (or another file) won meanwhile
    if (generation !== this.generation) return;
    this.loading = false;
    // while the server (re)starts, keep what is shown; its diagnostics trigger the next refresh
    if (checklist !== undefined) this.checklist = checklist;
    this.changed.fire();
    this.stateChanged.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  /** For TreeView.reveal: every node knows the node it was made under. */
  getParent(node: Node): Node | undefined {
    return node instanceof LandscapeNode ? undefined : node.parent;
  }

  /**
   * The tree node of a system of the current file, for TreeView.reveal (undefined when not shown,
   * e.g. filtered out). Nodes are made anew per call; reveal finds them by their stable ids.
   */
  systemNode(uri: string, sid: string): vscode.TreeItem | undefined {
    if (this.uri?.toString() !== uri) return undefined;
    const [root] = this.getChildren();
    if (!(root instanceof LandscapeNode)) return undefined;
    return this.getChildren(root).find((n): n is SystemNode => n instanceof SystemNode && n.system.sid === sid);
  }

  /** Loads the checklist now when none is shown yet (a reveal cannot wait for the debounce). */
  async ensureLoaded(): Promise<void> {
    if (this.checklist || !this.uri) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.load();
  }

  private chaptersOf(node: SystemNode, system: SystemChecklist): Node[] {
    const chapters = this.openOnly ? system.chapters.filter((ch) => ch.items.some(needsWork)) : system.chapters;
    if (!chapters.length) return [new MessageNode('No checklist item of the guide applies to this system.', 'info', node)];
    return chapters.map((ch) => new ChapterNode(node.uri, system, ch, node));
  }

  /** The full checklist of one system of the shown (summary) checklist, asked for once. */
  private detailsOf(sid: string): Promise<SystemChecklist | undefined> {
    const c = this.checklist;
    const uri = this.uri;
    if (!c || !uri) return Promise.resolve(undefined);
    let map = this.details.get(c);
    if (!map) this.details.set(c, map = new Map());
    let found = map.get(sid);
    if (!found) {
      found = this.fetch(uri, [sid]).then((fresh) => {
        const system = fresh?.systems.find((s) => s.sid === sid && !s.partial);
        // items of another version than the tree shows would point at the wrong lines
        return system && fresh?.version === c.version ? system : undefined;
      });
      map.set(sid, found);
    }
    return found;
  }

  getChildren(node?: Node): Node[];
  getChildren(node?: Node): Node[] | Promise<Node[]>;
  getChildren(node?: Node): Node[] | Promise<Node[]> {
    const uri = this.uri;
    const c = this.checklist;
    if (!uri) return [];
    if (!node) {
      if (c) return [new LandscapeNode(uri, c)];
      return [c === undefined
        ? new MessageNode(`Checking ${path.basename(uri.fsPath)}…`, 'loading~spin')
        : new MessageNode(`No checklist for ${path.basename(uri.fsPath)} yet: it appears once the language server has checked the file.`, 'info')];
    }
    if (node instanceof LandscapeNode) {
      if (!node.checklist.parsed) return [new MessageNode('The file could not be read (too large, or not YAML/JSON).', 'error')];
      const systems = this.openOnly ? node.checklist.systems.filter((s) => s.open + s.unknown > 0) : node.checklist.systems;
      if (!systems.length) return [new MessageNode(this.openOnly ? 'Nothing open: every system is ready.' : 'No systems yet: add them under systems:.', 'pass', node)];
      let expanded = 0;
      return systems.map((s) => {
        const open = s.status !== 'green' && expanded++ < EXPANDED_SYSTEMS;
        // shown open: its items come with the next summary (see `expanded`)
        if (open) this.expanded.add(s.sid);
        return new SystemNode(node.uri, s, node, open);
      });
    }
    if (node instanceof SystemNode && node.system.partial) {
      // a big landscape came as a summary: this system's items are asked for now
      return this.detailsOf(node.system.sid).then((system) => {
        if (system) return this.chaptersOf(node, system);
        this.refresh(0);
        return [new MessageNode('The file changed meanwhile; the checklist is being refreshed.', 'info', node)];
      });
    }
    if (node instanceof SystemNode) return this.chaptersOf(node, node.system);
    if (node instanceof ChapterNode) {
      const items = this.openOnly ? node.chapter.items.filter(needsWork) : node.chapter.items;
      return items.map((item) => new ItemNode(node.uri, node.system, item, node));
    }
    return [];
  }
}

function isLandscapeDocument(doc: vscode.TextDocument, client: LanguageClient | undefined): boolean {
  if (LANDSCAPE_LANGUAGES.includes(doc.languageId)) return true;
  const selector = client?.clientOptions.documentSelector;
  return selector !== undefined && selector !== null && vscode.languages.match(selector as vscode.DocumentSelector, doc) > 0;
}

async function reveal(uri: string, range: ChecklistRange): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const r = toRange(range);
  const editor = await vscode.window.showTextDocument(doc, { selection: r, preserveFocus: false });
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Applies an item's quick-fix; when the file changed since the checklist was made, asks again first. */
async function applyFix(provider: ChecklistProvider, node: ItemNode | undefined): Promise<void> {
  if (!(node instanceof ItemNode)) return;
  const doc = await vscode.workspace.openTextDocument(node.uri);
  let item: ChecklistItemResult | undefined = node.item;
  if (provider.checklist?.version !== undefined && provider.checklist.version !== doc.version) {
    const fresh = await provider.fetch(node.uri, [node.system.sid]);
    item = fresh?.systems.find((s) => s.sid === node.system.sid)?.chapters.flatMap((c) => c.items).find((i) => i.id === node.item.id);
    if (fresh?.version !== undefined && fresh.version !== doc.version) item = undefined;
  }
  if (!item?.fix) {
    void vscode.window.showInformationMessage(`Landscape Lint: ${node.system.sid} — nothing to fix for "${node.item.text}" any more; the checklist is refreshed.`);
    provider.refresh(0);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of item.fix.edits) edit.replace(node.uri, toRange(e.range), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(`Landscape Lint: the quick-fix "${item.fix.title}" could not be applied.`);
    return;
  }
  // show what changed: the first edit, without taking the focus from the tree
  const first = item.fix.edits.reduce((a, b) => (b.range.start.line < a.range.start.line ? b : a));
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: true, preview: false });
  const at = new vscode.Range(first.range.start.line, 0, first.range.start.line, 0);
  editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Show Readiness Checklist with (uri, sid) — the code lens "✗ 5/9 checklist items done" and the
 * landscape map: the view shows that file with the system revealed and selected; the focus stays
 * where it is. Without arguments (or when the system is not shown) it focuses the view.
 */
async function showSystem(provider: ChecklistProvider, view: vscode.TreeView<Node>, log: (s: string) => void, uri?: unknown, sid?: unknown): Promise<void> {
  if (typeof uri !== 'string' || typeof sid !== 'string') {
    await vscode.commands.executeCommand(`${CHECKLIST_VIEW_ID}.focus`);
    return;
  }
  // the lens of another file than the one shown: follow it first
  if (provider.uri?.toString() !== uri) provider.setUri(vscode.Uri.parse(uri));
  await provider.ensureLoaded();
  const node = provider.systemNode(uri, sid);
  try {
    if (!node) throw new Error('not shown');
    await view.reveal(node as Node, { select: true, focus: false, expand: true });
  } catch (e) {
    log(`checklist: cannot reveal ${sid}: ${e instanceof Error ? e.message : String(e)}`);
    await vscode.commands.executeCommand(`${CHECKLIST_VIEW_ID}.focus`);
  }
}

/** Export Readiness Report: asks the server for the report and writes it where the user says. */
async function exportReport(provider: ChecklistProvider, getClient: () => LanguageClient | undefined): Promise<void> {
  const uri = provider.uri;
  const client = getClient();
  if (!uri || !client?.isRunning()) {
    void vscode.window.showWarningMessage('Landscape Lint: open a landscape file (and wait for the language server) to export its readiness report.');
    return;
  }
  const ask = async (format: 'markdown' | 'json' | 'html'): Promise<ReportResult | null> => {
    const params: ReportParams = { uri: client.code2ProtocolConverter.asUri(uri), format };
    return client.sendRequest<ReportResult | null>(ReportRequest.method, params);
  };
  const first = await ask('markdown');
  if (!first) {
    void vscode.window.showWarningMessage(`Landscape Lint: no readiness report for ${path.basename(uri.fsPath)}.`);
    return;
  }
  const dir = uri.scheme === 'file' ? vscode.Uri.file(path.dirname(uri.fsPath)) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Readiness Report',
    defaultUri: dir ? vscode.Uri.joinPath(dir, first.fileName) : undefined,
    // HTML: one self-contained page with the landscape map, for people who do not use the tools
    filters: { Markdown: ['md'], 'HTML page with the landscape map': ['html'], JSON: ['json'] },
    saveLabel: 'Export',
  });
  if (!target) return;
  const report = /\.json$/i.test(target.path) ? await ask('json') : /\.html?$/i.test(target.path) ? await ask('html') : first;
  if (!report) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(report.content.endsWith('\n') ? report.content : `${report.content}\n`, 'utf8'));
  if (report.format === 'markdown') await vscode.commands.executeCommand('markdown.showPreview', target);
  else if (report.format === 'html') {
    const open = 'Open in Browser';
    void vscode.window.showInformationMessage(`Landscape Lint: readiness report written to ${path.basename(target.fsPath)}.`, open).then((c) => {
      if (c === open) void vscode.env.openExternal(target);
    });
  } else await vscode.window.showTextDocument(target);
}

/**
 * Create Landscape File: asks where (a save dialog in the workspace folder, proposing
 * my.landscape.yaml; without a folder an untitled editor), never overwrites a file, and inserts
 * the "new file" snippet so its tab stops guide through the values. `target` skips the dialog
 * (other commands and the tests).
 */
async function createLandscapeFile(provider: ChecklistProvider, target?: unknown): Promise<void> {
  let uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!uri) {
    const active = vscode.window.activeTextEditor?.document.uri;
    const base = (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? folders[0]?.uri;
    if (!base) {
      const doc = await vscode.workspace.openTextDocument({ language: LANDSCAPE_LANGUAGES[0], content: '' });
      await insertTemplate(await vscode.window.showTextDocument(doc), 'yaml');
      return;
    }
    uri = await vscode.window.showSaveDialog({
      title: 'Create Landscape File',
      defaultUri: vscode.Uri.joinPath(base, DEFAULT_LANDSCAPE_FILE_NAME),
      filters: { 'SAP landscape (YAML)': ['yaml', 'yml'], 'SAP landscape (JSON)': ['json'] },
      saveLabel: 'Create',
    });
    if (!uri) return;
  }
  // only *.landscape.yaml/.yml/.json are checked without a setting: the name is made one
  uri = uri.with({ path: path.posix.join(path.posix.dirname(uri.path), landscapeFileName(path.posix.basename(uri.path))) });
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  if (exists) {
    // never overwrite: the user's file is opened as it is
    void vscode.window.showInformationMessage(`Landscape Lint: ${path.posix.basename(uri.path)} already exists; it was opened instead.`);
    await vscode.window.showTextDocument(uri);
    provider.setUri(uri);
    return;
  }
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const editor = await vscode.window.showTextDocument(uri);
  provider.setUri(uri);
  await insertTemplate(editor, /\.json$/i.test(uri.path) ? 'json' : 'yaml');
}

/** Inserts the new-file template as a snippet: the cursor lands on its first tab stop (the landscape name). */
async function insertTemplate(editor: vscode.TextEditor, format: 'yaml' | 'json'): Promise<void> {
  await editor.insertSnippet(new vscode.SnippetString(renderNewFile(format)), new vscode.Position(0, 0));
}

/** Opens a landscape file of the workspace (a pick when there are several). */
async function openLandscapeFile(): Promise<void> {
  const files = await vscode.workspace.findFiles(LANDSCAPE_GLOB, '**/node_modules/**', 200);
  if (!files.length) {
    const create = 'Create Landscape File';
    if ((await vscode.window.showInformationMessage('Landscape Lint: there is no *.landscape.yaml/.yml/.json file in the workspace.', create)) === create) {
      await vscode.commands.executeCommand(ChecklistCommands.createLandscapeFile);
    }
    return;
  }
  const pick = files.length === 1 ? files[0] : (await vscode.window.showQuickPick(
    files.map((f) => ({ label: path.basename(f.fsPath), description: vscode.workspace.asRelativePath(f), uri: f })),
    { placeHolder: 'Landscape file' },
  ))?.uri;
  if (pick) await vscode.window.showTextDocument(pick);
}

/**
 * Registers the checklist view, its commands and the readiness status item.
 * @param getClient the current language client (it changes when the server is restarted)
 */
export function registerChecklist(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined, log: (s: string) => void = () => undefined): ChecklistProvider {
  const provider = new ChecklistProvider(getClient, log);
  const view = vscode.window.createTreeView(CHECKLIST_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  // the open systems come with their items in the next refresh (a big landscape's summary)
  context.subscriptions.push(
    view.onDidExpandElement((e) => { if (e.element instanceof SystemNode) provider.expanded.add(e.element.system.sid); }),
    view.onDidCollapseElement((e) => { if (e.element instanceof SystemNode) provider.expanded.delete(e.element.system.sid); }),
  );
  const status = vscode.languages.createLanguageStatusItem('landscapeLint.readiness', LANDSCAPE_LANGUAGES.map((language) => ({ language })));
  status.name = 'Landscape Lint Readiness';
  // screen readers read the icon syntax of `text` ("$(checklist)") literally
  status.command = { title: 'Show Checklist', command: ChecklistCommands.show };

  const updateStatus = (): void => {
    const c = provider.checklist;
    status.busy = provider.loading;
    view.description = provider.uri ? path.basename(provider.uri.fsPath) : undefined;
    view.message = provider.openOnly ? 'Showing the items that are open or not recorded.' : undefined;
    if (!c) {
      status.text = '$(checklist) Readiness';
      status.accessibilityInformation = { label: 'Readiness checklist' };
      status.detail = provider.loading ? 'Checking…' : undefined;
      status.severity = vscode.LanguageStatusSeverity.Information;
      view.badge = undefined;
      return;
    }
    const s = c.summary;
    status.text = `$(checklist) ${s.ready} of ${s.systems} systems ready`;
    status.accessibilityInformation = { label: `${s.ready} of ${s.systems} systems ready` };
    status.detail = `${s.red} red, ${s.amber} amber · ${s.itemsDone}/${s.itemsTotal + (s.itemsWaived ?? 0)} items done${s.itemsWaived ? `, ${s.itemsWaived} waived` : ''}`;
    status.severity = s.red ? vscode.LanguageStatusSeverity.Error : s.amber ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    const open = c.systems.reduce((n, x) => n + x.open + x.unknown, 0);
    view.badge = open ? { value: open, tooltip: `${open} checklist item${open === 1 ? '' : 's'} open or not recorded` } : undefined;
  };

  const follow = (editor: vscode.TextEditor | undefined): void => {
    if (editor && isLandscapeDocument(editor.document, getClient())) provider.setUri(editor.document.uri);
  };

  context.subscriptions.push(
    provider,
    view,
    status,
    provider.onDidChangeState(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const current = provider.uri?.toString();
      if (current && e.uris.some((u) => u.toString() === current)) provider.refresh();
    }),
    vscode.workspace.onDidDeleteFiles((e) => {
      if (e.files.some((f) => f.toString() === provider.uri?.toString())) provider.setUri(undefined);
    }),
    vscode.commands.registerCommand(ChecklistCommands.show, (uri?: unknown, sid?: unknown) => showSystem(provider, view, log, uri, sid)),
    vscode.commands.registerCommand(ChecklistCommands.reveal, (uri: string, range: ChecklistRange) => reveal(uri, range)),
    vscode.commands.registerCommand(ChecklistCommands.applyFix, (node?: ItemNode) => applyFix(provider, node)),
    vscode.commands.registerCommand(ChecklistCommands.filterOpen, () => provider.setOpenOnly(true)),
    vscode.commands.registerCommand(ChecklistCommands.showAll, () => provider.setOpenOnly(false)),
    vscode.commands.registerCommand(ChecklistCommands.refresh, () => provider.refresh(0)),
    vscode.commands.registerCommand(ChecklistCommands.exportReport, () => exportReport(provider, getClient)),
    vscode.commands.registerCommand(ChecklistCommands.createLandscapeFile, (target?: unknown) => createLandscapeFile(provider, target)),
    vscode.commands.registerCommand(ChecklistCommands.openLandscapeFile, () => openLandscapeFile()),
  );
  void vscode.commands.executeCommand('setContext', CONTEXT_OPEN_ONLY, false);
  void vscode.commands.executeCommand('setContext', CONTEXT_HAS_FILE, false);
  updateStatus();

  // the active landscape file, else the first one of the workspace (the server checks it on disk)
  follow(vscode.window.activeTextEditor);
  if (!provider.uri) {
    void vscode.workspace.findFiles(LANDSCAPE_GLOB, '**/node_modules/**', 1).then((files) => {
      if (!provider.uri && files[0]) provider.setUri(files[0]);
    });
  }
  return provider;
}
