import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { CancellationToken, CodeAction, CompletionList, Connection, Diagnostic, InitializeParams, InitializeResult, WorkspaceFolder } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintConfig } from './core/config';
import { ConfigError, CONFIG_FILE_NAME, findConfigFile, isSeveritySetting, loadConfigFile, mergeConfig, ruleSettings } from './core/config';
import { findFiles, isLandscapeFile, readLandscapeFileContent, withSizeOnDisk } from './core/files';
import type { LandscapeFileContent } from './core/files';
import { DEFAULT_FILE_PATTERNS } from './core/glob';
import type { LintResult } from './core/lint';
import { IncrementalLint, lintText } from './core/lint';
import type { Finding } from './core/types';
import { capPlan } from './core/cap';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './core/diagnostics';
import type { DiagnosticStyle } from './core/diagnostics';
import { codeActions, fixAllDataOf, prepareCodeActions, resolveFixAll } from './features/codeActions';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import type { LandscapeLintSettings } from './protocol';
import { ChecklistCommands, ChecklistRequest, DEFAULT_SETTINGS, MapRequest, ReportRequest, SETTINGS_SECTION, TOO_MANY_PROBLEMS_CODE, VALIDATION_DELAY_MS } from './protocol';
import type { ChecklistParams, LandscapeChecklist, MapParams, ReportParams } from './protocol';
import { buildChecklist, ChecklistCache } from './features/checklist';
import { checklistForRequest, mapForRequest, reportForRequest } from './features/checklistHandlers';
import { VERSION } from './version';

if (process.argv.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('Usage: landscape-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

/**
 * Messages the connection has dispatched so far (requests, notifications, responses). settle()
 * compares it across event-loop turns to learn when the queue of received messages is empty.
 */
let dispatched = 0;
const connection: Connection = createConnection(ProposedFeatures.all, {
  messageStrategy: {
    handleMessage: (message, next) => {
      dispatched++;
      next(message);
    },
  },
});
const documents = new TextDocuments(TextDocument);

let workspaceFolders: WorkspaceFolder[] = [];
let hasConfigurationCapability = false;
let hasWatchedFilesDynamic = false;
let hasWorkspaceFolderEvents = false;
let settings: LandscapeLintSettings = DEFAULT_SETTINGS;
/**
 * The client resolves code actions (`codeAction/resolve` of the edit, with `data` kept): fix-all
 * actions are then offered without their edit, which is computed when one is chosen.
 */
let lazyFixAll = false;

/**
 * A lint result with the document version it was computed for (undefined: read from disk) and
 * the settings generation it was computed with; result undefined when the engine failed.
 */
interface LintEntry {
  uri: string;
  version: number | undefined;
  generation: number;
  result: LintResult | undefined;
  /** The readiness checklist of the result, built on first request (see checklistOf). */
  checklist?: LandscapeChecklist;
}

/**
 * The one lint result kept per file (the newest one; the previous one is dropped before the next
 * lint starts). Keyed by file path (see keyOf): clients encode URIs differently (`%28` vs `(`,
 * `c%3A`). For an open document it doubles as the memo that makes every version linted at most
 * once: the debounce timer and all requests share it.
 */
const results = new Map<string, LintEntry>();
/** Bumped when settings or configuration files change: results of older generations are outdated. */
let generation = 0;
/** Lint runs so far (each one logs one line "… N diagnostics in M ms", the trace tests count). */
let lintRuns = 0;
/** Checklists built so far (each one logs one line "… checklist of N systems in M ms (checklist #K)"). */
let checklistRuns = 0;
/** What was last published per URI: never publish an older version, nor the same one twice. */
const published = new Map<string, { version: number | undefined; generation: number; max: number }>();
/** Pending debounce timers per open document, with the version they were set for. */
const timers = new Map<string, { timer: NodeJS.Timeout; version: number }>();
/** Files on disk that are not open but were linted (workspace scan), by key, with their published URI. */
const diskFiles = new Map<string, string>();
const configCache = new Map<string, LintConfig | undefined>();

function log(message: string): void {
  connection.console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.stack ?? e.message : String(e);
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Most event-loop turns settle() waits while the client keeps sending. */
const MAX_SETTLE_TURNS = 1000;

/**
 * Resolves once the connection has dispatched the messages it had received: vscode-jsonrpc
 * dispatches one queued message per setImmediate turn, so an edit queued behind a request (or
 * behind a timer that fired while a lint ran) is applied only after the handler yields. A turn in
 * which nothing was dispatched means the queue is empty. The first turn only lets the queue
 * schedule its own (it is scheduled after the caller's handler returns).
 */
async function settle(): Promise<void> {
  await turn();
  for (let i = 0; i < MAX_SETTLE_TURNS; i++) {
    const before = dispatched;
    await turn();
    if (dispatched === before) return;
  }
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
  // landscapeLint.baseline "default" leaves the baseline to the file (else current)
  const baseline = settings.baseline !== 'default' ? { baseline: settings.baseline } : {};
  return mergeConfig(fileConfig ?? {}, { rules: settings.rules, ...(sizeFromSettings ? { maxFileSize: settings.maxFileSizeKB * 1024 } : {}), ...baseline });
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

/** The incremental lint state of each open document (dropped when it closes). */
const incrementalStates = new Map<string, IncrementalLint>();
/** The per-system checklists of each open document (dropped when it closes). */
const checklistCaches = new Map<string, ChecklistCache>();

/**
 * Lints a text (synchronous CPU work) and keeps the result as the file's one entry. The previous
 * entry is dropped first, so two results of one file never live at the same time.
 */
function runLint(uri: string, text: string, version: number | undefined): LintEntry {
  const key = keyOf(uri);
  results.delete(key);
  const started = Date.now();
  let result: LintResult | undefined;
  try {
    // an open document keeps its incremental state: an edit re-checks only what it changed
    let incremental = version !== undefined && documents.get(uri) ? incrementalStates.get(uri) : undefined;
    if (!incremental && version !== undefined && documents.get(uri)) {
      incremental = new IncrementalLint();
      incrementalStates.set(uri, incremental);
    }
    result = lintText(uri, text, { config: configFor(uri), format: formatOfOpen(uri), incremental });
  } catch (e) {
    log(`internal error while checking ${uri}: ${errorText(e)}`);
  }
  const entry: LintEntry = { uri, version, generation, result };
  results.set(key, entry);
  lintRuns++;
  log(`${path.basename(uri)} v${version ?? 'disk'}: ${result?.findings.length ?? 0} diagnostics in ${Date.now() - started} ms (lint #${lintRuns})`);
  return entry;
}

/** The memoized result of a version of a document, when computed with the current settings. */
function memo(uri: string, version: number | undefined): LintEntry | undefined {
  const entry = results.get(keyOf(uri));
  return entry && entry.uri === uri && entry.version === version && entry.generation === generation ? entry : undefined;
}

/** The result of the document's current version: the memoized one, else linted now (once per version). */
function resultOf(doc: TextDocument): LintEntry | undefined {
  if (!isOurs(doc.uri)) return undefined;
  return memo(doc.uri, doc.version) ?? runLint(doc.uri, doc.getText(), doc.version);
}

/**
 * The readiness checklist of a result: built at most once per lint result (so once per version
 * of a document, and per settings generation), on the first request that needs it — code lens,
 * checklist, report — and kept with the result until the next lint replaces it.
 */
function checklistOf(entry: LintEntry & { result: LintResult }): LandscapeChecklist {
  if (!entry.checklist) {
    const started = Date.now();
    // an open document's systems keep their checklists from version to version
    let cache = entry.version !== undefined ? checklistCaches.get(entry.uri) : undefined;
    if (!cache && entry.version !== undefined && incrementalStates.has(entry.uri)) checklistCaches.set(entry.uri, cache = new ChecklistCache());
    entry.checklist = buildChecklist(entry.result, entry.version, cache);
    checklistRuns++;
    log(`${path.basename(entry.uri)} v${entry.version ?? 'disk'}: checklist of ${entry.checklist.systems.length} systems${cache ? ` (${cache.lastBuilt} rebuilt)` : ""} in ${Date.now() - started} ms (checklist #${checklistRuns})`);
  }
  return entry.checklist;
}

/** How the client shows diagnostics: the headline first when it shows related information (core/diagnostics.ts). */
let diagnosticStyle: DiagnosticStyle = {};

/**
 * The diagnostics of a file: every finding, or, above `max`, at most `max` in all (VS Code shows
 * no more than 1,000 per file and drops the rest silently): the most severe findings first and one
 * information per rule with findings left out, at the start of the file (core/cap.ts). Each
 * diagnostic keeps the index of its finding in the result (code actions look findings up by it);
 * the summaries carry none.
 */
function diagnosticsOf(findings: readonly Finding[], uri: string, version: number | undefined, max: number): Diagnostic[] {
  if (findings.length <= max) return findings.map((f, i) => toDiagnostic(f, uri, i, undefined, version, diagnosticStyle));
  const plan = capPlan(findings, max);
  const n = (count: number, word: string): string => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
  const summaries: Diagnostic[] = plan.summaries.map((s) => {
    const counts = (['error', 'warning', 'info', 'hint'] as const).filter((x) => s.bySeverity[x] > 0).map((x) => n(s.bySeverity[x], x)).join(', ');
    const what = s.ruleId ? `${s.ruleId}: ${n(s.count, 'more problem')}` : n(s.count, 'more problem');
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: TOO_MANY_PROBLEMS_CODE,
      message: `${what} not shown (${counts}): the editor shows ${plan.kept.length.toLocaleString('en-US')} of ${findings.length.toLocaleString('en-US')} problems, errors first `
        + `(setting landscapeLint.maxDiagnostics). The command line lists all of them: landscape-lint ${path.basename(uri)}; the readiness checklist counts all of them`,
    };
  });
  return [...plan.kept.map((i) => toDiagnostic(findings[i], uri, i, undefined, version, diagnosticStyle)), ...summaries];
}

/**
 * Publishes a result. For an open document only the newest version's result is passed in; a
 * publish never goes out for a version older than one already published, nor twice for the same
 * version, settings generation and cap.
 */
function publish(entry: LintEntry): void {
  if (!entry.result) return;
  const { uri, version } = entry;
  const max = settings.maxDiagnostics;
  const last = published.get(uri);
  if (last && version !== undefined && last.version !== undefined) {
    if (version < last.version) return;
    if (version === last.version && last.generation === entry.generation && last.max === max) return;
  }
  published.set(uri, { version, generation: entry.generation, max });
  const diagnostics = diagnosticsOf(entry.result.findings, uri, version, max);
  void connection.sendDiagnostics({ uri, version, diagnostics });
  // the editor asks for code actions once it has the diagnostics: their per-version index is built
  // meanwhile (a request already queued goes first)
  const result = entry.result;
  if (version !== undefined) {
    setImmediate(() => {
      if (results.get(keyOf(uri))?.result === result) guarded('prepareCodeActions', undefined, () => prepareCodeActions(result));
    });
  }
  if (entry.result.findings.length > max) log(`${path.basename(uri)} v${version ?? 'disk'}: ${max} of ${entry.result.findings.length} diagnostics published (landscapeLint.maxDiagnostics)`);
}

/** (Re)starts the debounce timer of an open document. */
function schedule(doc: TextDocument, delay = VALIDATION_DELAY_MS): void {
  const uri = doc.uri;
  const old = timers.get(uri);
  if (old) clearTimeout(old.timer);
  const version = doc.version;
  const timer = setTimeout(() => {
    if (timers.get(uri)?.timer === timer) timers.delete(uri);
    void validate(uri, version);
  }, delay);
  timers.set(uri, { timer, version });
}

/** Lints waited for per open document: the debounce timer and the requests share one. */
const pendingLints = new Map<string, Promise<LintEntry | undefined>>();

/**
 * The result of the newest version of an open document, one lint shared by everyone who asks
 * meanwhile (memoized per version). The lint starts two event-loop turns later: vscode-jsonrpc
 * writes the answers other requests produced in this turn in the next one, and the lint of a
 * large file must not hold them back.
 */
function newestResult(uri: string): Promise<LintEntry | undefined> {
  let pending = pendingLints.get(uri);
  if (!pending) {
    pending = (async () => {
      try {
        await turn();
        await turn();
      } finally {
        pendingLints.delete(uri);
      }
      const doc = documents.get(uri);
      return doc ? resultOf(doc) : undefined;
    })();
    pendingLints.set(uri, pending);
  }
  return pending;
}

/** The debounce timer's work: publish the result of the newest version (linted once, shared with requests). */
async function validate(uri: string, version: number): Promise<void> {
  try {
    // edits queued while the server was busy come first; when there were some, the timer they
    // started publishes instead (no lint of a version nobody will see)
    await settle();
    const doc = documents.get(uri);
    if (!doc || doc.version !== version) return;
    const entry = memo(uri, version) ?? await newestResult(uri);
    // the newest version at lint time (an edit may have arrived while waiting: its timer then finds it published)
    if (entry && entry.version === documents.get(uri)?.version) publish(entry);
  } catch (e) {
    log(`internal error while checking ${uri}: ${errorText(e)}`);
  }
}

function lintDiskFile(file: string): void {
  const key = keyOf(pathToUri(file));
  if (openDocumentOf(key)) return; // the editor's text wins over the disk's
  const uri = diskFiles.get(key) ?? pathToUri(file);
  let content: LandscapeFileContent;
  try {
    // regular files only, opened non-blocking (a FIFO named like a landscape file must not hang the
    // server), and read only as far as the size limit needs
    content = readLandscapeFileContent(file, configFor(uri).maxFileSize ?? DEFAULT_SETTINGS.maxFileSizeKB * 1024);
  } catch (e) {
    log(`${file} not checked: ${e instanceof Error ? e.message : String(e)}`);
    forgetDiskFile(key);
    return;
  }
  diskFiles.set(key, uri);
  const entry = runLint(uri, content.text, undefined);
  if (entry.result) entry.result.findings = withSizeOnDisk(entry.result.findings, content);
  publish(entry);
}

/** Lints files on disk one at a time, letting requests and edits that arrive meanwhile go first. */
async function lintDiskFiles(files: readonly string[], stillWanted: () => boolean = () => true): Promise<number> {
  let count = 0;
  for (const file of files) {
    await settle();
    if (!stillWanted()) break;
    try {
      lintDiskFile(file);
    } catch (e) {
      log(`internal error while checking ${file}: ${errorText(e)}`);
    }
    count++;
  }
  return count;
}

/** Clears what was published for a file on disk that is gone (or no longer a landscape file). */
function forgetDiskFile(key: string): void {
  const entry = results.get(key);
  const fromDisk = entry?.version === undefined ? entry : undefined;
  const uri = diskFiles.get(key) ?? fromDisk?.uri;
  diskFiles.delete(key);
  if (fromDisk) results.delete(key);
  // an open document of the file keeps its own result and diagnostics
  if (uri && uri !== openDocumentOf(key)?.uri) {
    published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** Forgets disk files outside the workspace folders or no longer matched by the file patterns. */
function pruneDiskFiles(): void {
  for (const [key] of diskFiles) {
    if (!folderOf(key) || !isLandscapeFile(key, folderOf(key), settings.files)) forgetDiskFile(key);
  }
}

/** Scan runs so far: a newer scan (settings, folders, configuration changed) stops an older one. */
let scans = 0;

async function scanWorkspace(): Promise<void> {
  const run = ++scans;
  const started = Date.now();
  let count = 0;
  try {
    for (const folder of workspaceFolders) {
      const root = uriToPath(folder.uri);
      if (!root) continue;
      count += await lintDiskFiles(findFiles(root, [...DEFAULT_FILE_PATTERNS, ...settings.files], undefined, (total, limit) => log(`workspace scan of ${root}: ${total} landscape files found, only the first ${limit} are checked`)), () => run === scans);
      if (run !== scans) return;
    }
    log(`workspace scan: ${count} landscape files in ${Date.now() - started} ms`);
  } catch (e) {
    log(`workspace scan failed: ${errorText(e)}`);
  }
}

/** What a settings change requires: nothing, publishing again (the cap changed), or linting again. */
type SettingsChange = 'none' | 'publish' | 'lint';

/** Reads the client's settings. */
async function refreshSettings(): Promise<SettingsChange> {
  if (!hasConfigurationCapability) return 'none';
  try {
    const s = (await connection.workspace.getConfiguration(SETTINGS_SECTION)) as Partial<LandscapeLintSettings> | null;
    return applySettings(s ?? {});
  } catch (e) {
    log(`cannot read settings: ${String(e)}`);
    return 'none';
  }
}

function applySettings(s: Partial<LandscapeLintSettings>): SettingsChange {
  // null prototype: a rule id `__proto__` is stored as a key, not swallowed by Object.prototype's setter
  const rules: LandscapeLintSettings['rules'] = ruleSettings();
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, sev] of Object.entries(s.rules)) {
      if (isSeveritySetting(sev)) rules[id] = sev;
      else log(`setting landscapeLint.rules: "${id}": ${JSON.stringify(sev)} ignored; use off, info, warning or error`);
    }
  }
  if (s.baseline !== undefined && s.baseline !== null && s.baseline !== 'default' && s.baseline !== 'current' && s.baseline !== 'guide-1.1') {
    log(`setting landscapeLint.baseline: ${JSON.stringify(s.baseline)} ignored; use default, current or guide-1.1`);
  }
  const max = s.maxDiagnostics;
  if (max !== undefined && max !== null && !(typeof max === 'number' && max >= 1)) log(`setting landscapeLint.maxDiagnostics: ${JSON.stringify(max)} ignored; use a number of at least 1`);
  const next: LandscapeLintSettings = {
    files: Array.isArray(s.files) ? s.files.filter((f) => typeof f === 'string') : DEFAULT_SETTINGS.files,
    rules,
    maxFileSizeKB: typeof s.maxFileSizeKB === 'number' && s.maxFileSizeKB > 0 ? s.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB,
    baseline: s.baseline === 'current' || s.baseline === 'guide-1.1' ? s.baseline : DEFAULT_SETTINGS.baseline,
    maxDiagnostics: typeof max === 'number' && max >= 1 ? Math.floor(max) : DEFAULT_SETTINGS.maxDiagnostics,
  };
  const lintChanged = JSON.stringify({ ...next, maxDiagnostics: 0 }) !== JSON.stringify({ ...settings, maxDiagnostics: 0 });
  const capChanged = next.maxDiagnostics !== settings.maxDiagnostics;
  settings = next;
  return lintChanged ? 'lint' : capChanged ? 'publish' : 'none';
}

/** Publishes every current result again (the cap changed): no lint. */
function republishAll(): void {
  for (const entry of results.values()) {
    const open = documents.get(entry.uri);
    // an open document whose newest version is not linted yet: its pending timer publishes
    if (open ? entry.version === open.version : entry.version === undefined) publish(entry);
  }
}

function relintAll(): void {
  configCache.clear();
  generation++;
  for (const doc of documents.all()) if (isOurs(doc.uri)) schedule(doc);
  pruneDiskFiles();
  void scanWorkspace();
}

function applyChange(change: SettingsChange): void {
  if (change === 'lint') relintAll();
  else if (change === 'publish') republishAll();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  const caps = params.capabilities;
  hasConfigurationCapability = Boolean(caps.workspace?.configuration);
  hasWatchedFilesDynamic = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  hasWorkspaceFolderEvents = Boolean(caps.workspace?.workspaceFolders);
  const resolveSupport = caps.textDocument?.codeAction?.resolveSupport?.properties;
  diagnosticStyle = { relatedInformation: caps.textDocument?.publishDiagnostics?.relatedInformation === true };
  lazyFixAll = Array.isArray(resolveSupport) && resolveSupport.includes('edit') && caps.textDocument?.codeAction?.dataSupport === true;
  const init = params.initializationOptions as Partial<LandscapeLintSettings> | undefined;
  if (init && typeof init === 'object') applySettings(init);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll], resolveProvider: true },
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
  const change = await refreshSettings();
  if (change === 'lint') {
    generation++;
    for (const doc of documents.all()) if (isOurs(doc.uri)) schedule(doc);
  } else if (change === 'publish') republishAll();
  void scanWorkspace();
});

connection.onDidChangeConfiguration(async (change) => {
  let kind: SettingsChange;
  if (hasConfigurationCapability) kind = await refreshSettings();
  else {
    const s = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION] as Partial<LandscapeLintSettings> | undefined;
    kind = s ? applySettings(s) : 'none';
  }
  // clients send this notification at startup too: re-check everything only on a real change
  applyChange(kind);
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
  const files: string[] = [];
  for (const change of params.changes) {
    const file = uriToPath(change.uri);
    if (!file || change.type === FileChangeType.Deleted || openDocumentOf(keyOf(change.uri))) continue;
    if (isOurs(change.uri)) files.push(file);
  }
  if (files.length) void lintDiskFiles(files);
});

documents.onDidOpen((e) => {
  // linted as soon as the edits queued behind the open are applied (see validate)
  if (isOurs(e.document.uri)) schedule(e.document, 0);
});
documents.onDidChangeContent((e) => {
  // TextDocuments fires this on open too, right after onDidOpen has scheduled that very version
  if (timers.get(e.document.uri)?.version === e.document.version || memo(e.document.uri, e.document.version)) return;
  if (isOurs(e.document.uri)) schedule(e.document);
});
documents.onDidClose((e) => {
  const uri = e.document.uri;
  const key = keyOf(uri);
  const t = timers.get(uri);
  if (t) clearTimeout(t.timer);
  timers.delete(uri);
  const linted = results.get(key)?.uri === uri;
  if (linted) results.delete(key);
  incrementalStates.delete(uri);
  checklistCaches.delete(uri);
  if (!linted && !published.has(uri)) return; // never checked (not a landscape document, or closed at once)
  published.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  // a closed landscape file in the workspace stays in the Problems panel, as the scan shows it
  const file = uriToPath(uri);
  if (file && fs.existsSync(file) && folderOf(file) && isLandscapeFile(file, folderOf(file), settings.files)) lintDiskFile(file);
});

/** Runs a feature, logging instead of crashing the server on an internal error. */
function guarded<T>(name: string, fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    log(`${name} failed: ${errorText(e)}`);
    return fallback;
  }
}

/** A lint entry that has a result. */
type Linted = LintEntry & { result: LintResult };

interface RequestOptions<T> {
  /** The answer when there is nothing to answer from (not a landscape document, not open). */
  empty: T;
  /**
   * Position requests (hover, completion): the answer when the document changed after the request
   * was sent and neither that version's result nor the newest one is at hand. Its positions belong
   * to a text that is gone: no lint is run for it. Unset for whole-document requests, which are
   * answered from the newest version (linted if needed: the debounce timer reuses it).
   */
  stale?: T;
  /** Closed files: answer from the workspace scan's result (the checklist of a file on disk). */
  disk?: boolean;
}

const cancelled = (name: string): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);

/**
 * The common path of the requests that need a lint result. The handler first yields, so that
 * edits queued behind the request are applied, and answers a cancelled request with
 * RequestCancelled. It then answers from the memoized result of the version the request was made
 * for, else from the newest version's one, linting the newest version only when needed (once per
 * version, shared with the debounce timer and the other requests). The LSP spec reserves
 * ContentModified for changes outside the message stream, so an outdated request gets a result
 * (or the empty `stale` answer), not an error.
 */
async function answer<T>(name: string, uri: string, token: CancellationToken, options: RequestOptions<T>, fn: (entry: Linted) => T): Promise<T | ResponseError<void>> {
  const asked = documents.get(uri)?.version;
  await settle();
  if (token.isCancellationRequested) return cancelled(name);
  try {
    const doc = documents.get(uri);
    let entry: LintEntry | undefined;
    if (!doc) {
      const disk = options.disk ? results.get(keyOf(uri)) : undefined;
      entry = disk?.version === undefined ? disk : undefined;
    } else if (isOurs(uri)) {
      entry = (asked !== undefined ? memo(uri, asked) : undefined) ?? memo(uri, doc.version);
      if (!entry) {
        if (options.stale !== undefined && asked !== undefined && asked !== doc.version) return options.stale;
        entry = await newestResult(uri);
        if (token.isCancellationRequested) return cancelled(name);
      }
    }
    if (!entry?.result) return options.empty;
    const linted = entry as Linted;
    return guarded(name, options.empty, () => fn(linted));
  } catch (e) {
    log(`${name} failed: ${errorText(e)}`);
    return options.empty;
  }
}

connection.onHover((params, token) => answer('hover', params.textDocument.uri, token, { empty: null, stale: null }, (e) => hover(e.result, params.position)));

const STALE_COMPLETION: CompletionList = { isIncomplete: true, items: [] };
connection.onCompletion((params, token) => answer<CompletionList | ReturnType<typeof completion>>('completion', params.textDocument.uri, token,
  { empty: [], stale: STALE_COMPLETION }, (e) => completion(e.result, params.position)));

connection.onDocumentSymbol((params, token) => answer('documentSymbol', params.textDocument.uri, token, { empty: [] }, (e) => documentSymbols(e.result)));

connection.onRequest(ChecklistRequest.method, (p: ChecklistParams, token: CancellationToken) => answer('checklist', p.uri, token, { empty: null, disk: true },
  (e) => checklistForRequest(p, () => ({ version: e.version, result: e.result, checklist: () => checklistOf(e) }))));
connection.onRequest(ReportRequest.method, (p: ReportParams, token: CancellationToken) => answer('report', p.uri, token, { empty: null, disk: true },
  (e) => reportForRequest(p, () => ({ version: e.version, result: e.result, checklist: () => checklistOf(e) }))));
connection.onRequest(MapRequest.method, (p: MapParams, token: CancellationToken) => answer('map', p.uri, token, { empty: null, disk: true },
  (e) => mapForRequest(p, () => ({ version: e.version, result: e.result, checklist: () => checklistOf(e) }))));

/**
 * Readiness above each system: "✗ 5/9 checklist items done (2 open)", "no checklist applies"; a
 * waived item counts ("0/9 done, 1 waived"). Clicking shows the checklist with the system selected.
 */
connection.onCodeLens((params, token) => answer('codeLens', params.textDocument.uri, token, { empty: [] }, (e) => {
  const checklist = checklistOf(e);
  return checklist.systems.map((s) => {
    const all = s.total + s.waived;
    const mark = s.status === 'green' ? '✓' : s.status === 'amber' ? '◐' : '✗';
    const extra = [s.open ? `${s.open} open` : '', s.unknown ? `${s.unknown} not recorded` : '', s.waived ? `${s.waived} waived` : ''].filter(Boolean).join(', ');
    const title = all === 0 && !s.unknown ? 'No checklist of the guide applies' : `${mark} ${s.done}/${all} checklist items done${extra ? ` (${extra})` : ''}`;
    return {
      range: { start: s.range.start, end: s.range.start },
      command: { title, command: ChecklistCommands.show, arguments: [params.textDocument.uri, s.sid] },
    };
  });
}));

connection.onCodeAction((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    const entry = results.get(keyOf(params.textDocument.uri));
    if (!doc || !entry?.result || entry.version !== doc.version) return [];
    // diagnostics refer to findings by index: only those of the version the result belongs to
    // (capped diagnostics keep their finding's index; the too-many-problems summary has none)
    const current = params.context.diagnostics.filter((d) => (d.data as { version?: number } | undefined)?.version === entry.version);
    return codeActions(entry.result, { ...params, context: { ...params.context, diagnostics: current } }, { resolve: lazyFixAll ? 'lazy' : 'eager', version: entry.version });
  } catch (e) {
    log(`code action failed: ${String(e)}`);
    return [];
  }
});

/**
 * The edit of a fix-all action offered without it (clients that resolve code actions). It is
 * computed on the result of the document's current version: the one the action was offered for
 * (memoized, no lint), or, when the document changed since, the newest one (the client applies
 * the edit to its current text, so only edits of that text fit). The safety check (a parse of the
 * combined result) runs here and may leave out a fix that would break the file. When the current
 * version has nothing left to fix, or the document is closed, the action comes back without an edit.
 */
connection.onCodeActionResolve(async (action: CodeAction, token: CancellationToken) => {
  const data = fixAllDataOf(action);
  if (!data || action.edit) return action;
  return answer<CodeAction>('codeAction/resolve', data.uri, token, { empty: action }, (e) => {
    const started = Date.now();
    const out = resolveFixAll(e.result, action, data);
    const edits = out.edit?.changes?.[data.uri]?.length ?? 0;
    const moved = e.version !== data.version ? ` (offered for v${data.version ?? 'disk'})` : '';
    log(`${path.basename(data.uri)} v${e.version ?? 'disk'}: fix-all ${data.ruleId} resolved to ${edits} edits in ${Date.now() - started} ms${moved}`);
    return out;
  });
});

process.on('uncaughtException', (e) => log(`uncaught: ${errorText(e)}`));
process.on('unhandledRejection', (e) => log(`unhandled rejection: ${errorText(e)}`));

documents.listen(connection);
connection.listen();
