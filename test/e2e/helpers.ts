/**
 * Helpers for e2e tests running inside the VS Code extension host.
 * (Not a test file itself: only `*.e2e.js` files are loaded by index.ts.)
 *
 * Isolation: a test never edits the workspace's example files. It works on a copy made by
 * `copyExample()` (under `<workspace>/e2e-tmp/`, one file per call), and `cleanUp()` (call it in
 * `afterEach`) reverts and closes every editor and deletes the copies made since the last call.
 */
import * as vscode from 'vscode';
import type { LandscapeLintApi } from '../../client/src/extension';

export const EXTENSION_ID = process.env.LL_E2E_EXTENSION_ID || 'landscape-lint.landscape-lint';
export const DIAGNOSTIC_SOURCE = 'landscape-lint';
/** Folder (inside the workspace) for the per-test copies of the examples. */
export const TMP_FOLDER = 'e2e-tmp';

/** Polls `probe` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const suffix = lastError ? ` (last error: ${(lastError as Error).message ?? lastError})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${suffix}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The workspace's landscape files, `preferred` (a file name) first. */
export async function findLandscapeFiles(preferred = 'acme.landscape.yaml'): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.landscape.{yaml,yml,json}', '**/node_modules/**');
  const name = (u: vscode.Uri): string => u.path.slice(u.path.lastIndexOf('/') + 1);
  return uris.sort((a, b) => {
    const pa = name(a) === preferred ? 0 : name(a).endsWith('.yaml') ? 1 : 2;
    const pb = name(b) === preferred ? 0 : name(b).endsWith('.yaml') ? 1 : 2;
    return pa - pb || a.path.localeCompare(b.path);
  });
}

/** Opens `uri` in an editor and returns it. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** landscape-lint's diagnostics of `uri` (other sources left out). */
export function lintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** Waits until `uri` has at least one diagnostic from landscape-lint, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  return waitFor(`a diagnostic from '${DIAGNOSTIC_SOURCE}' on ${uri.toString()}`, () => {
    const ds = lintDiagnostics(uri);
    return ds.length > 0 ? ds : undefined;
  }, timeoutMs);
}

/**
 * Waits until landscape-lint's diagnostics of `uri` satisfy `accept`, and returns them. On a
 * timeout, the message lists what was there last (rule id, range, message start).
 */
export async function waitForDiagnosticsWhere(
  uri: vscode.Uri,
  what: string,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20000,
): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(what, () => {
      const ds = lintDiagnostics(uri);
      return accept(ds) ? ds : undefined;
    }, timeoutMs);
  } catch (e) {
    throw new Error(`${(e as Error).message}; diagnostics now:\n  ${lintDiagnostics(uri).map(describeDiagnostic).join('\n  ') || '(none)'}`);
  }
}

/** The rule id of a diagnostic (`code` is `{ value, target }` since the server sends a codeDescription). */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** `rule-id@line:char-line:char "message start…"` for failure messages. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${ruleIdOf(d)}@${rangeText(d.range)} "${d.message.slice(0, 60)}${d.message.length > 60 ? '…' : ''}"`;
}

/** `line:char-line:char` (0-based, as in the CLI's JSON output). */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The diagnostics of one rule, optionally only those starting on `line`. */
export function withRule(ds: readonly vscode.Diagnostic[], ruleId: string, line?: number): vscode.Diagnostic[] {
  return ds.filter((d) => ruleIdOf(d) === ruleId && (line === undefined || d.range.start.line === line));
}

/** The workspace folder the harness opened (a copy of examples/ by default). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder is open: the runner opens a copy of examples/');
  return f;
}

const copies: vscode.Uri[] = [];
let copyCounter = 0;

/**
 * Copies `<workspace>/<example>` to `<workspace>/e2e-tmp/<tag>-<n>.<example>` (a fresh file for
 * every call, so tests never see each other's edits) and returns its URI. `transform` may change
 * the text first. The copy is deleted by the next `cleanUp()`.
 */
export async function copyExample(example: string, tag: string, transform?: (text: string) => string): Promise<vscode.Uri> {
  const src = vscode.Uri.joinPath(workspaceFolder().uri, example);
  let text = Buffer.from(await vscode.workspace.fs.readFile(src)).toString('utf8');
  if (transform) {
    const before = text;
    text = transform(text);
    if (text === before) throw new Error(`copyExample(${example}): the transform changed nothing (stale fixture text?)`);
  }
  const safeTag = tag.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  const dst = vscode.Uri.joinPath(workspaceFolder().uri, TMP_FOLDER, `${safeTag}-${++copyCounter}-${Date.now().toString(36)}.${example}`);
  await vscode.workspace.fs.writeFile(dst, Buffer.from(text, 'utf8'));
  copies.push(dst);
  return dst;
}

/** Copies an example (see copyExample), opens it and waits for its first diagnostic. */
export async function openExampleCopy(example: string, tag: string): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = await copyExample(example, tag);
  const editor = await openInEditor(uri);
  const diagnostics = await waitForDiagnostics(uri);
  return { uri, editor, diagnostics };
}

/**
 * Reverts and closes every editor (`workbench.action.revertAndCloseActiveEditor`, one at a time,
 * so unsaved test edits never reach the disk or ask to be saved), then deletes the copies.
 */
export async function cleanUp(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    if (tabs.length === 0) break;
    const dirty = tabs.find((t) => t.isDirty && t.input instanceof vscode.TabInputText);
    if (dirty) {
      // make the dirty one active, so revertAndClose hits it
      await vscode.window.showTextDocument((dirty.input as vscode.TabInputText).uri, { preview: false, viewColumn: dirty.group.viewColumn });
    } else if (!vscode.window.tabGroups.activeTabGroup.activeTab) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      continue;
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  const left = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  if (left.length) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const toDelete = copies.splice(0);
  for (const uri of toDelete) {
    try {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    } catch {
      /* already gone */
    }
  }
}

/** Activates the extension and returns what activate() returned. */
export async function getApi(): Promise<LandscapeLintApi> {
  const ext = vscode.extensions.getExtension<LandscapeLintApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  const api = await ext.activate();
  if (!api || !api.checklist) throw new Error(`extension ${EXTENSION_ID} returned no API from activate(): ${String(api)}`);
  return api;
}

/** Waits until the language client is running and returns it. */
export function runningClient(api: LandscapeLintApi, timeoutMs = 30000): Promise<NonNullable<ReturnType<LandscapeLintApi['client']>>> {
  return waitFor('the language client to be running', () => {
    const c = api.client();
    return c?.isRunning() ? c : undefined;
  }, timeoutMs);
}

/** Position of the `occurrence`-th (1-based) `needle` on `line`, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, line: number, needle: string, offset = 0, occurrence = 1): vscode.Position {
  const text = doc.lineAt(line).text;
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not found on line ${line}: ${JSON.stringify(text)}`);
  return new vscode.Position(line, at + offset);
}

/** Plain text of hover contents (MarkdownString or MarkedString). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n');
}
