import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { Connection, InitializeParams, InitializeResult, WorkspaceFolder } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintConfig } from './core/config';
import { ConfigError, CONFIG_FILE_NAME, findConfigFile, isSeveritySetting, loadConfigFile, mergeConfig } from './core/config';
import { findFiles, isLandscapeFile, readLandscapeFile } from './core/files';
import { DEFAULT_FILE_PATTERNS } from './core/glob';
import type { LintResult } from './core/lint';
import { lintText } from './core/lint';
import { toDiagnostic } from './core/diagnostics';
import { codeActions } from './features/codeActions';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import type { LandscapeLintSettings } from './protocol';
import { ChecklistCommands, ChecklistRequest, DEFAULT_SETTINGS, ReportRequest, SETTINGS_SECTION, VALIDATION_DELAY_MS } from './protocol';
import type { ChecklistParams, ReportParams } from './protocol';
import { buildChecklist } from './features/checklist';
import { checklistForRequest, reportForRequest } from './features/checklistHandlers';
import { VERSION } from './version';

if (process.argv.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('Usage: landscape-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let workspaceFolders: WorkspaceFolder[] = [];
let hasConfigurationCapability = false;
let hasWatchedFilesDynamic = false;
let hasWorkspaceFolderEvents = false;
let settings: LandscapeLintSettings = DEFAULT_SETTINGS;

/**
 * The last lint result per file, with the version it was computed for (undefined: read from
 * disk). Keyed by file path (see keyOf): clients encode URIs differently (`%28` vs `(`, `c%3A`).
 */
const results = new Map<string, { uri: string; version: number | undefined; result: LintResult }>();
const timers = new Map<string, NodeJS.Timeout>();
/** Files on disk that are not open but were linted (workspace scan), by key, with their published URI. */
const diskFiles = new Map<string, string>();
const configCache = new Map<string, LintConfig | undefined>();

function log(message: string): void {
  connection.console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** One key per file whatever the URI encoding; the URI itself for non-file documents. */
function keyOf(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** A file URI encoded as VS Code encodes it (everything but unreserved characters, lower-case drive). */
function pathToUri(file: string): string {
  let p = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(p)) p = `/${p[0].toLowerCase()}${p.slice(1)}`;
  const enc = (seg: string): string => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `file://${p.split('/').map(enc).join('/')}`;
}

/** The open document of a file, whatever URI encoding the client used. */
function openDocumentOf(key: string): TextDocument | undefined {
  return documents.all().find((d) => keyOf(d.uri) === key);
}

function folderOf(file: string): string | undefined {
  let best: string | undefined;
  for (const f of workspaceFolders) {
    const p = uriToPath(f.uri);
    if (p && (file === p || file.startsWith(p + path.sep)) && (!best || p.length > best.length)) best = p;
  }
  return best;
}

/** Workspace config file (nearest .landscape-lint.json) overlaid with the editor settings. */
function configFor(uri: string): LintConfig {
  const file = uriToPath(uri);
  let fileConfig: LintConfig | undefined;
  if (file) {
    const dir = path.dirname(file);
    if (!configCache.has(dir)) {
      let loaded: LintConfig | undefined;
      try {
        const found = findConfigFile(dir, folderOf(file));
        loaded = found ? loadConfigFile(found) : undefined;
      } catch (e) {
        if (e instanceof ConfigError) connection.window.showWarningMessage(`Landscape Lint: ${e.message}`);
        loaded = undefined;
      }
      configCache.set(dir, loaded);
    }
    fileConfig = configCache.get(dir);
  }
  // the editor's size setting counts only when changed from its default: a workspace's
  // .landscape-lint.json may set it too (the CLI honours it)
  const sizeFromSettings = settings.maxFileSizeKB !== DEFAULT_SETTINGS.maxFileSizeKB || fileConfig?.maxFileSize === undefined;
  return mergeConfig(fileConfig ?? {}, { rules: settings.rules, ...(sizeFromSettings ? { maxFileSize: settings.maxFileSizeKB * 1024 } : {}) });
}

/** Language ids of the extension's languages: a document opened with them is ours whatever its name (e.g. untitled). */
const LANDSCAPE_LANGUAGE_IDS = new Set(['sap-landscape-yaml', 'sap-landscape-json']);

/** JSON for an open document with the JSON language id, else decided by the file name. */
function formatOfOpen(uri: string): 'json' | undefined {
  return documents.get(uri)?.languageId === 'sap-landscape-json' ? 'json' : undefined;
}

function isOurs(uri: string): boolean {
  const open = documents.get(uri);
  if (open && LANDSCAPE_LANGUAGE_IDS.has(open.languageId)) return true;
  const file = uriToPath(uri);
  if (/\.landscape\.(ya?ml|json)$/i.test(uri)) return true;
  return file !== undefined && isLandscapeFile(file, folderOf(file), settings.files);
}

function lintAndPublish(uri: string, text: string, version: number | undefined): void {
  try {
    const started = Date.now();
    const result = lintText(uri, text, { config: configFor(uri), format: formatOfOpen(uri) });
    results.set(keyOf(uri), { uri, version, result });
    const diagnostics = result.findings.map((f, i) => toDiagnostic(f, uri, i, undefined, version));
    void connection.sendDiagnostics({ uri, version, diagnostics });
    log(`${path.basename(uri)} v${version ?? 'disk'}: ${diagnostics.length} diagnostics in ${Date.now() - started} ms`);
  } catch (e) {
    log(`internal error while checking ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
}

function schedule(doc: TextDocument): void {
  const old = timers.get(doc.uri);
  if (old) clearTimeout(old);
  timers.set(doc.uri, setTimeout(() => {
    timers.delete(doc.uri);
    // always lint the newest version: a stale timer never publishes an old text
    const current = documents.get(doc.uri);
    if (current) lintAndPublish(current.uri, current.getText(), current.version);
  }, VALIDATION_DELAY_MS));
}

function lintDiskFile(file: string): void {
  const key = keyOf(pathToUri(file));
  if (openDocumentOf(key)) return; // the editor's text wins over the disk's
  const uri = diskFiles.get(key) ?? pathToUri(file);
  let text: string;
  try {
    text = readLandscapeFile(file);
  } catch {
    forgetDiskFile(key);
    return;
  }
  diskFiles.set(key, uri);
  lintAndPublish(uri, text, undefined);
}

/** Clears what was published for a file on disk that is gone (or no longer a landscape file). */
function forgetDiskFile(key: string): void {
  const uri = diskFiles.get(key) ?? results.get(key)?.uri;
  diskFiles.delete(key);
  results.delete(key);
  if (uri) void connection.sendDiagnostics({ uri, diagnostics: [] });
}

/** Forgets disk files outside the workspace folders or no longer matched by the file patterns. */
function pruneDiskFiles(): void {
  for (const [key] of diskFiles) {
    if (!folderOf(key) || !isLandscapeFile(key, folderOf(key), settings.files)) forgetDiskFile(key);
  }
}

function scanWorkspace(): void {
  const started = Date.now();
  let count = 0;
  for (const folder of workspaceFolders) {
    const root = uriToPath(folder.uri);
    if (!root) continue;
    for (const file of findFiles(root, [...DEFAULT_FILE_PATTERNS, ...settings.files])) {
      lintDiskFile(file);
      count++;
    }
  }
  log(`workspace scan: ${count} landscape files in ${Date.now() - started} ms`);
}

/** Reads the client's settings; true when they changed. */
async function refreshSettings(): Promise<boolean> {
  if (!hasConfigurationCapability) return false;
  try {
    const s = (await connection.workspace.getConfiguration(SETTINGS_SECTION)) as Partial<LandscapeLintSettings> | null;
    return applySettings(s ?? {});
  } catch (e) {
    log(`cannot read settings: ${String(e)}`);
    return false;
  }
}

function applySettings(s: Partial<LandscapeLintSettings>): boolean {
  const rules: LandscapeLintSettings['rules'] = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, sev] of Object.entries(s.rules)) {
      if (isSeveritySetting(sev)) rules[id] = sev;
      else log(`setting landscapeLint.rules: "${id}": ${JSON.stringify(sev)} ignored; use off, info, warning or error`);
    }
  }
  const next: LandscapeLintSettings = {
    files: Array.isArray(s.files) ? s.files.filter((f) => typeof f === 'string') : DEFAULT_SETTINGS.files,
    rules,
    maxFileSizeKB: typeof s.maxFileSizeKB === 'number' && s.maxFileSizeKB > 0 ? s.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB,
  };
  const changed = JSON.stringify(next) !== JSON.stringify(settings);
  settings = next;
  return changed;
}

function relintAll(): void {
  configCache.clear();
  for (const doc of documents.all()) if (isOurs(doc.uri)) schedule(doc);
  pruneDiskFiles();
  scanWorkspace();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  const caps = params.capabilities;
  hasConfigurationCapability = Boolean(caps.workspace?.configuration);
  hasWatchedFilesDynamic = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  hasWorkspaceFolderEvents = Boolean(caps.workspace?.workspaceFolders);
  const init = params.initializationOptions as Partial<LandscapeLintSettings> | undefined;
  if (init && typeof init === 'object') applySettings(init);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-', '[', ',', '"', '{'] },
      documentSymbolProvider: { label: 'Landscape' },
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'landscape-language-server', version: VERSION },
  };
});

connection.onInitialized(async () => {
  if (hasConfigurationCapability) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
  if (hasWatchedFilesDynamic) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/*.landscape.{yaml,yml,json}' },
        { globPattern: `**/${CONFIG_FILE_NAME}` },
        ...settings.files.map((g) => ({ globPattern: g })),
      ],
    });
  }
  if (hasWorkspaceFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      workspaceFolders = workspaceFolders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
      relintAll();
    });
  }
  // settings may arrive after the first documents were opened and linted with the defaults
  if (await refreshSettings()) for (const doc of documents.all()) if (isOurs(doc.uri)) schedule(doc);
  scanWorkspace();
});

connection.onDidChangeConfiguration(async (change) => {
  let changed: boolean;
  if (hasConfigurationCapability) changed = await refreshSettings();
  else {
    const s = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION] as Partial<LandscapeLintSettings> | undefined;
    changed = s ? applySettings(s) : false;
  }
  // clients send this notification at startup too: re-check everything only on a real change
  if (changed) relintAll();
});

connection.onDidChangeWatchedFiles((params) => {
  // deletions first, also in a batch that changes the configuration (a git checkout does both)
  for (const change of params.changes) {
    if (change.type === FileChangeType.Deleted && !openDocumentOf(keyOf(change.uri))) forgetDiskFile(keyOf(change.uri));
  }
  if (params.changes.some((c) => c.uri.endsWith(CONFIG_FILE_NAME))) {
    relintAll();
    return;
  }
  for (const change of params.changes) {
    const file = uriToPath(change.uri);
    if (!file || change.type === FileChangeType.Deleted || openDocumentOf(keyOf(change.uri))) continue;
    if (isOurs(change.uri)) lintDiskFile(file);
  }
});

documents.onDidOpen((e) => {
  if (isOurs(e.document.uri)) lintAndPublish(e.document.uri, e.document.getText(), e.document.version);
});
documents.onDidChangeContent((e) => {
  // TextDocuments fires this on open too, right after onDidOpen has linted that very version
  if (results.get(keyOf(e.document.uri))?.version === e.document.version) return;
  if (isOurs(e.document.uri)) schedule(e.document);
});
documents.onDidClose((e) => {
  const uri = e.document.uri;
  const key = keyOf(uri);
  const t = timers.get(uri);
  if (t) clearTimeout(t);
  timers.delete(uri);
  const entry = results.get(key);
  if (!entry || entry.uri !== uri) return; // never linted (not a landscape document)
  results.delete(key);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  // a closed landscape file in the workspace stays in the Problems panel, as the scan shows it
  const file = uriToPath(uri);
  if (file && fs.existsSync(file) && folderOf(file) && isLandscapeFile(file, folderOf(file), settings.files)) lintDiskFile(file);
});

/**
 * The lint result of the document's current version: the cached one, or a fresh run when edits
 * arrived after the last validation (hover and completion must see what the user sees).
 */
function currentResult(uri: string): LintResult | undefined {
  const doc = documents.get(uri);
  if (!doc || !isOurs(uri)) return undefined;
  const entry = results.get(keyOf(uri));
  if (entry && entry.uri === uri && entry.version === doc.version) return entry.result;
  const result = lintText(uri, doc.getText(), { config: configFor(uri), format: formatOfOpen(uri) });
  results.set(keyOf(uri), { uri, version: doc.version, result });
  return result;
}

/** Runs a feature, logging instead of crashing the server on an internal error. */
function guarded<T>(name: string, fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return fallback;
  }
}

connection.onHover((params) => guarded('hover', null, () => {
  const result = currentResult(params.textDocument.uri);
  return result ? hover(result, params.position) : null;
}));

connection.onCompletion((params) => guarded('completion', [], () => {
  const result = currentResult(params.textDocument.uri);
  return result ? completion(result, params.position) : [];
}));

connection.onDocumentSymbol((params) => guarded('documentSymbol', [], () => {
  const result = currentResult(params.textDocument.uri);
  return result ? documentSymbols(result) : [];
}));

const lintEntry = (uri: string): { version: number | undefined; result: LintResult } | undefined => {
  currentResult(uri);
  return results.get(keyOf(uri));
};
connection.onRequest(ChecklistRequest.method, (p: ChecklistParams) => guarded('checklist', null, () => checklistForRequest(p, lintEntry)));
connection.onRequest(ReportRequest.method, (p: ReportParams) => guarded('report', null, () => reportForRequest(p, lintEntry)));

/** Readiness above each system: "✓ 9/12 checklist items done" (clicking opens the checklist view). */
connection.onCodeLens((params) => guarded('codeLens', [], () => {
  const result = currentResult(params.textDocument.uri);
  if (!result) return [];
  const checklist = buildChecklist(result, documents.get(params.textDocument.uri)?.version);
  return checklist.systems.map((s) => {
    const mark = s.status === 'green' ? '✓' : s.status === 'amber' ? '◐' : '✗';
    const extra = [s.open ? `${s.open} open` : '', s.unknown ? `${s.unknown} not recorded` : ''].filter(Boolean).join(', ');
    return {
      range: { start: s.range.start, end: s.range.start },
      command: { title: `${mark} ${s.done}/${s.total} checklist items done${extra ? ` (${extra})` : ''}`, command: ChecklistCommands.show, arguments: [params.textDocument.uri, s.sid] },
    };
  });
}));

connection.onCodeAction((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    const entry = results.get(keyOf(params.textDocument.uri));
    if (!doc || !entry || entry.version !== doc.version) return [];
    // diagnostics refer to findings by index: only those of the version the result belongs to
    const current = params.context.diagnostics.filter((d) => (d.data as { version?: number } | undefined)?.version === entry.version);
    return codeActions(entry.result, { ...params, context: { ...params.context, diagnostics: current } });
  } catch (e) {
    log(`code action failed: ${String(e)}`);
    return [];
  }
});

process.on('uncaughtException', (e) => log(`uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));

documents.listen(connection);
connection.listen();
