/**
 * The "Landscape Map" webview: the map of the HTML report (server/src/features/mapSvg.ts) for the
 * landscape file the checklist view shows. Decisions:
 * - The server sends the map model (`landscapeLint/map`); the SVG is drawn here with the same
 *   renderer as the report, so both pictures are the same.
 * - It follows the checklist provider: same file, refreshed when the checklist is (after the
 *   diagnostics of an edit), plus its own debounce so a burst of edits redraws once.
 * - Strict CSP: nothing but the nonce'd style and script of the page; the SVG carries classes
 *   only, and the colours are VS Code's theme variables (`--vscode-charts-*`, editor colours).
 * - Updates replace the SVG inside the same scrolling element, so scroll and zoom stay; both are
 *   also kept in the webview state, so hiding and showing the panel keeps them.
 * - A click (or Enter) on a system reveals its SID in the editor and selects it in the checklist.
 * - Nothing here needs a trusted workspace: it reads what the language server already computed.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MAP_CSS, mapSummary, renderMapSvg } from '../../server/src/features/mapSvg';
import type { LandscapeMap, MapParams } from '../../server/src/protocol';
import { ChecklistCommands, MapCommands, MapRequest } from '../../server/src/protocol';
import type { ChecklistProvider } from './checklistTree';
import { mapPageHtml, nonce } from './mapPage';

const VIEW_TYPE = 'landscapeLint.map';
/** Debounce of redraws after the checklist changed (it is itself debounced after diagnostics). */
const UPDATE_DELAY_MS = 250;

/** Messages from the webview's script. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; sid: string }
  /** After each redraw: the systems the DOM now shows (the e2e tests read them). */
  | { type: 'rendered'; sids: string[]; zoom: number };

/** The map panel (one at a time) and what the integration tests read of it. */
export class MapView implements vscode.Disposable {
  panel: vscode.WebviewPanel | undefined;
  /** The map last sent to the webview (null: the server has none for the file). */
  map: LandscapeMap | null | undefined;
  /** What the webview reported after its last redraw. */
  rendered: { sids: string[]; zoom: number } | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<void>();
  readonly onDidRender = this.renderedEmitter.event;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly getClient: () => LanguageClient | undefined,
    private readonly checklist: ChecklistProvider,
    private readonly log: (s: string) => void,
    private readonly icon?: vscode.Uri,
  ) {
    // the checklist is refreshed after each change of the file's diagnostics and on a file switch
    this.subscriptions.push(checklist.onDidChangeState(() => {
      if (this.panel && !checklist.loading) this.schedule();
    }));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    this.renderedEmitter.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  /** Opens the panel (or brings it to the front) for the checklist's file. */
  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      this.schedule(0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Landscape Map', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    if (this.icon) panel.iconPath = this.icon;
    panel.webview.html = mapPageHtml(panel.webview.cspSource, nonce(), MAP_CSS);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.map = undefined;
      this.rendered = undefined;
    });
    this.panel = panel;
  }

  /** What a click in the webview does (also called by the tests): reveal in the editor and the checklist. */
  async reveal(sid: string): Promise<void> {
    const uri = this.checklist.uri;
    const system = this.map?.systems.find((s) => s.sid === sid);
    if (!uri || !system) return;
    // in the editor group that shows the file already, else beside the map: never over the map
    const doc = await vscode.workspace.openTextDocument(uri);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString() && e.viewColumn !== undefined);
    const column = shown?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const r = system.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand(ChecklistCommands.show, uri.toString(), sid);
  }

  private onMessage(m: FromWebview): void {
    if (m.type === 'ready') this.schedule(0);
    else if (m.type === 'reveal' && typeof m.sid === 'string') void this.reveal(m.sid);
    else if (m.type === 'rendered') {
      this.rendered = { sids: m.sids, zoom: m.zoom };
      this.renderedEmitter.fire();
    }
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  private async fetch(uri: vscode.Uri): Promise<LandscapeMap | null | undefined> {
    const client = this.getClient();
    if (!client?.isRunning()) return undefined;
    const params: MapParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    try {
      return await client.sendRequest<LandscapeMap | null>(MapRequest.method, params);
    } catch (e) {
      this.log(`map request failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const generation = ++this.generation;
    const uri = this.checklist.uri;
    const map = uri ? await this.fetch(uri) : null;
    if (generation !== this.generation || panel !== this.panel) return;
    // server (re)starting: keep what is shown, the next checklist refresh comes back here
    if (map === undefined && this.map) return;
    this.map = map ?? null;
    const name = uri ? path.basename(uri.fsPath) : undefined;
    panel.title = name ? `Landscape Map: ${name}` : 'Landscape Map';
    const message = !uri
      ? 'Open a landscape file (*.landscape.yaml, *.landscape.yml or *.landscape.json) to see its map.'
      : !map
        ? `No map for ${name} yet: it appears once the language server has checked the file.`
        : map.syntaxErrors
          ? `The file has ${map.syntaxErrors} syntax error${map.syntaxErrors === 1 ? '' : 's'}; the map shows what could be read.`
          : '';
    await panel.webview.postMessage({
      type: 'update',
      title: map?.name ?? name ?? 'Landscape Map',
      summary: map ? mapSummary(map) : '',
      svg: map ? renderMapSvg(map) : '',
      message,
    });
  }
}

/** Registers the command and the panel; returns the controller (exposed to the tests through activate()). */
export function registerMapView(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined, checklist: ChecklistProvider, log: (s: string) => void = () => undefined): MapView {
  const view = new MapView(getClient, checklist, log, vscode.Uri.joinPath(context.extensionUri, 'media', 'checklist.svg'));
  context.subscriptions.push(view, vscode.commands.registerCommand(MapCommands.show, () => view.show()));
  return view;
}
