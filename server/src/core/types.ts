import type { Range, TextEdit } from 'vscode-languageserver-types';

/** Severity of a finding, as in LSP and the CLI's JSON output. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity as users configure it per rule. */
export type SeveritySetting = 'off' | 'info' | 'warning' | 'error';

/** A path into the landscape document: object keys and array indexes. */
export type NodePath = readonly (string | number)[];

/** A piece of related information, e.g. the system a note should be transported from. */
export interface RelatedInfo {
  message: string;
  range: Range;
  /** Defaults to the document being linted. */
  uri?: string;
}

/** A text change that fixes a finding, computed when the finding is made. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix VS Code applies with "Auto Fix" and source.fixAll. */
  isPreferred?: boolean;
}

/** One problem in a landscape file. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /**
   * The gap in a few words, when the message does not start with it ("<what>: <how-to>", see
   * core/headline.ts); the editor then shows it first and the whole message as the how-to.
   */
  headline?: string;
  range: Range;
  /** SID the finding belongs to, or null for landscape-level findings. */
  system: string | null;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Rule-specific structured data (e.g. the missing note numbers) for fixes and the checklist. */
  data?: Record<string, unknown>;
  /** LSP diagnostic tags: 1 = unnecessary, 2 = deprecated. */
  tags?: (1 | 2)[];
}
