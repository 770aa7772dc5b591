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
   * Knowledge baseline: `default` = the workspace's .landscape-lint.json, else `current`;
   * `current` or `guide-1.1` override the file (docs/knowledge.md).
   */
  baseline: 'default' | 'current' | 'guide-1.1';
  /**
   * Most diagnostics published per file (at least 1), summaries included: errors first, then
   * warnings, infos, hints, and one diagnostic (code `too-many-problems`) per rule with findings
   * left out (core/cap.ts).
   */
  maxDiagnostics: number;
}

export const DEFAULT_SETTINGS: LandscapeLintSettings = { files: [], rules: {}, maxFileSizeKB: 65536, baseline: 'default', maxDiagnostics: 1000 };

/** Code of the diagnostic that counts the problems left out by `landscapeLint.maxDiagnostics`. */
export const TOO_MANY_PROBLEMS_CODE = 'too-many-problems';

/** Command ids (contributed by the extension, some executed by the server through code lenses/actions). */
export const Commands = {
  showOutput: 'landscapeLint.showOutput',
  restartServer: 'landscapeLint.restartServer',
  /** Opens the bundled rule documentation as a Markdown preview; argument: a rule id for its own page. */
  openRuleDocs: 'landscapeLint.openRuleDocs',
  /** Import System from SAP Exports… (client/src/importCommand.ts); accepts ImportSystemArgs. */
  importSystem: 'landscapeLint.importSystem',
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
  /** The gap in a few words (the message up to its how-to, core/headline.ts), without the system. */
  headline?: string;
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
  /** The item in a few words (the tree's label at the sidebar's default width); `text` is the guide's wording. */
  label: string;
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
  /**
   * Why an open or unknown item is open, in a few words: the deciding finding's headline
   * ("blocked: PSE … lacks 2 root CAs" when another rule than the item's own decides it), or
   * "not recorded: <field>"; `range` is where that cause is.
   */
  cause?: string;
  /** The reason of the suppression comment that waives the item (state `n/a`). */
  waived?: string;
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
  /** Items waived by a suppression comment (counted in n/a, not in total). */
  waived: number;
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
  /** Items waived by a suppression comment (among the n/a ones): shown as "0/9, 1 waived". */
  waived: number;
  status: ReadinessStatus;
  /** Set when the chapters were left out (a `detail: 'summary'` request): ask for the system with `expand`. */
  partial?: true;
}

export interface LandscapeChecklist {
  uri: string;
  /** Document version the checklist was computed for (undefined for files read from disk). */
  version?: number;
  /** `landscape:` display name. */
  name?: string;
  guide: { title: string; version: string; date: string };
  /** The knowledge baseline the findings were made with (`guide-1.1` or `current`) and its date. */
  baseline: { id: string; title: string; date: string };
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
    itemsWaived: number;
  };
}

/** Above this many systems a `detail: 'auto'` checklist request gets the summary (see ChecklistParams). */
export const CHECKLIST_SUMMARY_ABOVE = 300;

export interface ChecklistParams {
  uri: string;
  /**
   * How much of each system to send: `'full'` (the default) every chapter and item; `'summary'`
   * its counts, status and range only (`chapters` empty, `partial: true`), except the systems named
   * in `expand`, which come in full. A tree over thousands of systems asks for the summary and for
   * the systems the user has opened: a few hundred KB per refresh instead of tens of MB. `'auto'`:
   * the summary above CHECKLIST_SUMMARY_ABOVE systems, else everything (the checklist view asks so).
   */
  detail?: 'full' | 'summary' | 'auto';
  /** SIDs sent in full with `detail: 'summary'`. */
  expand?: string[];
}
export interface ReportParams { uri: string; format?: 'markdown' | 'json' | 'html' }
export interface ReportResult {
  format: 'markdown' | 'json' | 'html';
  content: string;
  /** Suggested file name of the report, e.g. `acme.readiness.md` (`.json`, `.html`). */
  fileName: string;
}

/** `landscapeLint/checklist`: the readiness checklist of a landscape file (null when unknown). */
export const ChecklistRequest = { method: 'landscapeLint/checklist' } as const;
/** `landscapeLint/report`: the readiness report (Markdown, JSON or HTML) of a landscape file (null when unknown). */
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

// ---------------------------------------------------------------------------------------------
// Landscape map (issue 15): the checklist laid out as a picture — lanes by track, managing
// systems with what they manage, stand-alone systems by role, transport gaps as edges. Built by
// server/src/features/map.ts, drawn by server/src/features/mapSvg.ts (in the HTML report and in
// the VS Code webview, which renders the model it gets from `landscapeLint/map`).

/** Readiness of one checklist chapter of one system (a cell of the systems × chapters matrix). */
export interface MapChapterCell {
  /** Chapter id ('3.2', '4.3', '5.3', '6.2' or 'other'). */
  id: string;
  done: number;
  /** Items that apply (everything but n/a). */
  total: number;
  open: number;
  unknown: number;
  /** Items waived by a suppression comment with a reason (n/a, not in total). */
  waived: number;
  /** As the system's status, for this chapter's items only; green also when nothing applies. */
  status: ReadinessStatus;
}

/** An item of a system that still needs work (open, or not recorded in the file). */
export interface MapOpenItem {
  chapter: string;
  text: string;
  state: 'open' | 'unknown';
  severity?: 'error' | 'warning';
  /** What to do: the deciding finding's message. */
  action: string;
  /** Guide sections that describe how to do it. */
  sections: string[];
  range: ChecklistRange;
}

export interface MapSystem {
  sid: string;
  role?: string;
  connection?: string;
  description?: string;
  managedBy?: string;
  status: ReadinessStatus;
  done: number;
  total: number;
  open: number;
  unknown: number;
  /** Items waived by a suppression comment with a reason (n/a, not in total). */
  waived: number;
  /** Range of the SID key. */
  range: ChecklistRange;
  /** One cell per chapter that applies to the system, in the guide's order. */
  chapters: MapChapterCell[];
  openItems: MapOpenItem[];
  /** Tracks that list the system, in file order. */
  tracks: string[];
  /** Id of the lane that holds the system (its first track, its manager, else its role group). */
  lane: string;
}

/** A system drawn in a lane: `ref` when the lane only refers to it (its own lane is another). */
export interface MapLaneEntry { sid: string; ref?: boolean }

export interface MapLane {
  /** `track:<name>`, `managed:<SID>` or `role:<role>`. */
  id: string;
  kind: 'track' | 'managed' | 'role';
  title: string;
  /** Track: in transport order; managed: the managing system first; role: file order. */
  entries: MapLaneEntry[];
  /** Managed lanes: systems the manager manages that live in a track lane. */
  alsoManages?: string[];
  /** Worst status of the systems the lane holds (green when it holds none). */
  status: ReadinessStatus;
  /** Systems the lane holds, and how many of them are green. */
  systems: number;
  ready: number;
  /**
   * Large landscapes only: a track lane whose systems are all green is drawn as one chip, and the
   * green systems of a managed or role lane as one "N ready" chip.
   */
  collapsed: boolean;
}

/** A transport gap: backbone notes implemented earlier in a track but not in a later system. */
export interface MapEdge {
  kind: 'transport-gap';
  /** Lane id (`track:<name>`) the edge is drawn in. */
  lane: string;
  track: string;
  from: string;
  to: string;
  notes: number[];
  /** Every finding of the gap is waived by a suppression comment with a reason. */
  waived: boolean;
  /** The findings' messages (what to do). */
  messages: string[];
}

export interface LandscapeMap {
  uri: string;
  version?: number;
  name?: string;
  guide: { title: string; version: string; date: string };
  /** The knowledge baseline of the findings (the checklist's). */
  baseline: LandscapeChecklist['baseline'];
  parsed: boolean;
  syntaxErrors: number;
  summary: LandscapeChecklist['summary'];
  /** Columns of the matrix: the chapters that apply to at least one system, in the guide's order. */
  chapters: { id: string; title: string }[];
  /** In file order. */
  systems: MapSystem[];
  lanes: MapLane[];
  edges: MapEdge[];
  /** More systems than the map draws one by one (see MapLane.collapsed). */
  large: boolean;
  landscapeFindings: ChecklistFinding[];
}

export interface MapParams { uri: string }
/** `landscapeLint/map`: the landscape map model of a landscape file (null when unknown). */
export const MapRequest = { method: 'landscapeLint/map' } as const;

/** Command ids of the landscape map. */
export const MapCommands = {
  show: 'landscapeLint.map.show',
} as const;
