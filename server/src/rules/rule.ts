import type { Range } from 'vscode-languageserver-types';
import type { LandscapeDocument } from '../core/document';
import type { LandscapeModel, SystemDef } from '../core/model';
import type { Finding, Fix, NodePath, RelatedInfo, Severity } from '../core/types';
import type { Baseline } from '../knowledge/baseline';

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

/**
 * What a rule's check gets: the document (for ranges and edits), the typed model, and the
 * knowledge in use — the baseline (the guide alone, or the guide plus dated updates) and the date
 * the advice is for (`asOf`, `YYYY-MM-DD`; the clock is injected so that tests pin it). Rules ask
 * the knowledge layer (`inEffect`, `tense`) instead of holding dates themselves.
 */
export interface RuleContext {
  readonly doc: LandscapeDocument;
  readonly model: LandscapeModel;
  /**
   * The incremental engine's memo of values that depend only on one system's own entry (its
   * text) and the file's formatting: ranges in it, quick-fix edits of its fields. Use it through
   * `systemLocal`; absent outside the editor.
   */
  readonly local?: SystemLocal;
  readonly baseline: Baseline;
  readonly asOf: string;
}

/** See RuleContext.local. */
export type SystemLocal = <T>(s: SystemDef, key: string, compute: () => T) => T;

/**
 * A value computed from system `s`'s own entry only — a range in it, the edits of a quick-fix of
 * one of its fields — memoized per system by the incremental engine (and moved with the system's
 * lines), so a landscape-wide rule that re-runs on every edit pays for it only where a system
 * changed. `key` names everything else the value depends on (the rule, the field, the value
 * written). The value must be plain data (ranges, edits, strings); it is computed directly when
 * there is no memo.
 */
export function systemLocal<T>(ctx: RuleContext, s: SystemDef, key: string, compute: () => T): T {
  return ctx.local ? ctx.local(s, key, compute) : compute();
}

/** A finding as a rule returns it; ruleId and default severity are filled in by the engine. */
export interface RuleFinding {
  message: string;
  /** The gap in a few words when the message does not lead with it (core/headline.ts). */
  headline?: string;
  range: Range;
  system: string | null;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  data?: Record<string, unknown>;
  tags?: (1 | 2)[];
}

/**
 * What the findings of a rule depend on, for an engine that caches findings per system and re-runs
 * rules only for the systems whose text changed.
 *
 * - `'system'`: the findings the rule makes for a system S
 *   (a) all have `system === S.sid` (never `null`), and
 *   (b) depend only on S's own definition and on the landscape's non-system entries
 *       (`model.name`, `model.communicationUsers`, `model.tracks`) — never on another system's
 *       definition (no managedBy target, no track member's notes, no other user of the same
 *       communication user, no related information pointing into another system).
 *   So running the rule with a model whose `systems` holds only a subset of the systems (and
 *   `systemsById` still all of them — a `'system'` rule must not look anything up there) gives,
 *   for those systems, exactly the findings of the full run: messages, ranges, fixes, data and
 *   related information (test/rules/scope.property.test.ts checks this for every such rule).
 *   Ranges and edits are positions in the document the rule was given: a cached finding of an
 *   unchanged system still has to be moved with the system's lines. Its quick-fix edits also
 *   follow the file's formatting — the indentation unit DocEditor reads from the file's first
 *   lines, the line break style, anchors that aliases elsewhere share — so a cache must be dropped
 *   when those change.
 * - `'landscape'` (the default when absent): anything else — the rule reads other systems, or
 *   the document beyond one system's entry. It is re-run on the whole model every time, so it
 *   must stay cheap: linear (or n log n) in systems, tracks and users.
 */
export type RuleScope = 'system' | 'landscape';

export interface Rule {
  readonly meta: RuleMeta;
  /** What the findings depend on (see RuleScope); absent means `'landscape'`. */
  readonly scope?: RuleScope;
  check(ctx: RuleContext): RuleFinding[];
  /**
   * Only for a `'system'` rule that also looks beyond the systems' entries (the rest of the file):
   * its findings there, all without a system (`system: null`), from the whole document. `check`
   * then keeps to the systems of the model it is given. The engine runs this part on every lint
   * (it must stay linear and cheap) and caches `check` per system; a full run of the rule is both
   * (`runChecks`).
   */
  checkOutside?(ctx: RuleContext): RuleFinding[];
}

/** A full run of a rule: `check`, then `checkOutside` when the rule has it. */
export function runChecks(rule: Rule, ctx: RuleContext): RuleFinding[] {
  const found = rule.check(ctx);
  return rule.checkOutside ? [...found, ...rule.checkOutside(ctx)] : found;
}

/** The scope of a rule, `'landscape'` unless it declares `'system'`. */
export function ruleScope(rule: Rule): RuleScope {
  return rule.scope ?? 'landscape';
}

/** Path of a field of a system. */
export function sysPath(s: SystemDef | string, ...rest: (string | number)[]): NodePath {
  return ['systems', typeof s === 'string' ? s : s.sid, ...rest];
}

/** Completes rule findings into engine findings. */
export function toFindings(rule: Rule, found: RuleFinding[]): Finding[] {
  return found.map((f) => ({ ...f, ruleId: rule.meta.id, severity: f.severity ?? rule.meta.severity }));
}
