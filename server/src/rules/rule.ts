import type { Range } from 'vscode-languageserver-types';
import type { LandscapeDocument } from '../core/document';
import type { LandscapeModel, SystemDef } from '../core/model';
import type { Finding, Fix, NodePath, RelatedInfo, Severity } from '../core/types';

/** Metadata every rule carries; docs, SARIF rule entries and settings are generated from it. */
export interface RuleMeta {
  /** Stable id: the diagnostic code, the key in severity settings and suppression comments. */
  readonly id: string;
  readonly title: string;
  /** Default severity; a finding may carry its own (e.g. info for a recommendation). */
  readonly severity: Severity;
  /** Guide section(s) the rule comes from, e.g. "2.1.4.2". */
  readonly section: string;
  /** What the rule checks and why, in Markdown (what happens if you don't). */
  readonly description: string;
  /** A landscape fragment (YAML) that the rule reports. */
  readonly badExample: string;
  /** The same fragment, fixed. */
  readonly goodExample: string;
  /** True when findings of this rule carry quick-fixes. */
  readonly fixable: boolean;
}

/** What a rule's check gets: the document (for ranges and edits) and the typed model. */
export interface RuleContext {
  readonly doc: LandscapeDocument;
  readonly model: LandscapeModel;
}

/** A finding as a rule returns it; ruleId and default severity are filled in by the engine. */
export interface RuleFinding {
  message: string;
  range: Range;
  system: string | null;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  data?: Record<string, unknown>;
  tags?: (1 | 2)[];
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): RuleFinding[];
}

/** Path of a field of a system. */
export function sysPath(s: SystemDef | string, ...rest: (string | number)[]): NodePath {
  return ['systems', typeof s === 'string' ? s : s.sid, ...rest];
}

/** Completes rule findings into engine findings. */
export function toFindings(rule: Rule, found: RuleFinding[]): Finding[] {
  return found.map((f) => ({ ...f, ruleId: rule.meta.id, severity: f.severity ?? rule.meta.severity }));
}
