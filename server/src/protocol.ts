/**
 * The one module of custom protocol shared by the language server and the VS Code client:
 * command ids, custom requests and notifications, and the settings shape.
 */

/** Settings section read from the client (`landscapeLint.*`). */
export const SETTINGS_SECTION = 'landscapeLint';

export interface LandscapeLintSettings {
  /** Extra glob patterns of landscape files, relative to a workspace folder. */
  files: string[];
  /** Severity per rule id. */
  rules: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Size limit in KiB (default 65536: 64 MiB, as DEFAULT_MAX_FILE_SIZE); larger files are not checked. */
  maxFileSizeKB: number;
  /**
   * Most diagnostics published per file (at least 1): errors first, then warnings, infos, hints;
   * one more diagnostic (code `too-many-problems`) counts those left out.
   */
  maxDiagnostics: number;
}

export const DEFAULT_SETTINGS: LandscapeLintSettings = { files: [], rules: {}, maxFileSizeKB: 65536, maxDiagnostics: 1000 };

/** Code of the diagnostic that counts the problems left out by `landscapeLint.maxDiagnostics`. */
export const TOO_MANY_PROBLEMS_CODE = 'too-many-problems';

/** Command ids (contributed by the extension, some executed by the server through code lenses/actions). */
export const Commands = {
  showOutput: 'landscapeLint.showOutput',
  restartServer: 'landscapeLint.restartServer',
} as const;

/** Debounce between the last edit and validation, in ms. */
export const VALIDATION_DELAY_MS = 200;

// ---------------------------------------------------------------------------------------------
// Readiness checklist and report (the guide's checklists per system). Plain JSON types, so the
// client imports them without pulling in server code.

/** A position/range/edit as in LSP (0-based lines and characters). */
export interface ChecklistPosition { line: number; character: number }
export interface ChecklistRange { start: ChecklistPosition; end: ChecklistPosition }
export interface ChecklistTextEdit { range: ChecklistRange; newText: string }

/**
 * State of a checklist item for one system: `done`, `open` (a rule reports an error or warning),
 * `n/a` (the item's condition does not hold, or its findings are waived by a suppression comment
 * with a reason), `unknown` (the file does not record what the item needs).
 */
export type ChecklistItemState = 'done' | 'open' | 'n/a' | 'unknown';

/** red: an open item decided by an error; amber: open warnings or unknown items; green: all done. */
export type ReadinessStatus = 'red' | 'amber' | 'green';

/** A rule finding that decides (or comments on) a checklist item. */
export interface ChecklistFinding {
  ruleId: string;
  /** The rule's own severity (severity settings do not change the checklist). */
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: ChecklistRange;
  /** The finding asks to record a fact that the file lacks. */
  unrecorded?: boolean;
  /** Reason of the suppression comment that waives it, when suppressed in the file. */
  waived?: string;
}

/** The edits that complete an item: the preferred fixes of its open findings, combined. */
export interface ChecklistFix {
  title: string;
  edits: ChecklistTextEdit[];
  /** Some open findings of the item have no fix the checklist can apply (a choice, or none). */
  partial?: boolean;
}

export interface ChecklistItemResult {
  /** Checklist item id (knowledge/checklist.ts), or `other:<ruleId>` / `record:<field>` for the extra group. */
  id: string;
  /** Chapter id: '3.2', '4.3', '5.3', '6.2', or 'other'. */
  chapter: string;
  /** The guide's wording of the item. */
  text: string;
  origin: 'checklist' | 'derived' | 'finding';
  /** Guide sections that describe how to do it. */
  sections: string[];
  state: ChecklistItemState;
  /** Severity of the finding that decides an open or unknown item. */
  severity?: 'error' | 'warning';
  /** Rules that decide the item. */
  ruleIds: string[];
  /** Where the file shows it: the deciding finding (open/unknown), the relevant field (done), else the SID key. */
  range: ChecklistRange;
  /** What to do (the deciding finding's message), or why the item is done / not applicable. */
  action: string;
  fix?: ChecklistFix;
  /** Every finding of the item's rules for this system, including infos (advice). */
  findings: ChecklistFinding[];
}

export interface ChecklistChapterResult {
  id: string;
  title: string;
  items: ChecklistItemResult[];
  done: number;
  /** Items that apply (everything but n/a). */
  total: number;
}

export interface SystemChecklist {
  sid: string;
  role?: string;
  connection?: string;
  description?: string;
  managedBy?: string;
  /** Range of the SID key. */
  range: ChecklistRange;
  chapters: ChecklistChapterResult[];
  done: number;
  total: number;
  open: number;
  unknown: number;
  notApplicable: number;
  status: ReadinessStatus;
}

export interface LandscapeChecklist {
  uri: string;
  /** Document version the checklist was computed for (undefined for files read from disk). */
  version?: number;
  /** `landscape:` display name. */
  name?: string;
  guide: { title: string; version: string; date: string };
  /** False when the file could not be parsed (syntax errors, too large): no systems then. */
  parsed: boolean;
  /** Syntax errors in the file: the checklist may then miss what could not be read. */
  syntaxErrors: number;
  systems: SystemChecklist[];
  /** Domain-rule findings that belong to no system (landscape level). */
  landscapeFindings: ChecklistFinding[];
  summary: {
    systems: number;
    /** Systems whose status is green. */
    ready: number;
    red: number;
    amber: number;
    green: number;
    itemsDone: number;
    itemsTotal: number;
  };
}

export interface ChecklistParams { uri: string }
export interface ReportParams { uri: string; format?: 'markdown' | 'json' }
export interface ReportResult {
  format: 'markdown' | 'json';
  content: string;
  /** Suggested file name of the report, e.g. `acme.readiness.md`. */
  fileName: string;
}

/** `landscapeLint/checklist`: the readiness checklist of a landscape file (null when unknown). */
export const ChecklistRequest = { method: 'landscapeLint/checklist' } as const;
/** `landscapeLint/report`: the readiness report (Markdown or JSON) of a landscape file (null when unknown). */
export const ReportRequest = { method: 'landscapeLint/report' } as const;

/** Command ids of the checklist view. */
export const ChecklistCommands = {
  show: 'landscapeLint.checklist.show',
  reveal: 'landscapeLint.checklist.reveal',
  applyFix: 'landscapeLint.checklist.applyFix',
  filterOpen: 'landscapeLint.checklist.filterOpen',
  showAll: 'landscapeLint.checklist.showAll',
  exportReport: 'landscapeLint.checklist.exportReport',
  createLandscapeFile: 'landscapeLint.checklist.createLandscapeFile',
  openLandscapeFile: 'landscapeLint.checklist.openLandscapeFile',
  refresh: 'landscapeLint.checklist.refresh',
} as const;

/** View and container ids of the checklist (package.json `contributes.views`). */
export const CHECKLIST_VIEW_ID = 'landscapeLint.checklist';
