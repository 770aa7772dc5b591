import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../core/diagnostics';
import { DIAGNOSTIC_SOURCE } from '../core/diagnostics';
import type { LintResult } from '../core/lint';
import { readSuppressions, REASON_PLACEHOLDER, SUPPRESS_NEXT } from '../core/suppress';
import { LandscapeDocument } from '../core/document';
import { LineIndex } from '../core/positions';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';
import { applyEdits } from '../core/edits';
import { lintText } from '../core/lint';
import type { Finding, Fix } from '../core/types';

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return d.source === DIAGNOSTIC_SOURCE && data && typeof data.index === 'number' ? data : undefined;
}

type Pos = TextEdit['range']['start'];
const cmp = (x: Pos, y: Pos): number => x.line - y.line || x.character - y.character;

/**
 * Two edits conflict when their ranges intersect, or when both insert at the same position:
 * two fixes that each create the same missing key (say `notes:`) would otherwise write it twice.
 */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (cmp(a.range.start, b.range.start) === 0) return true;
  return cmp(a.range.start, b.range.end) < 0 && cmp(b.range.start, a.range.end) < 0;
}

const byRange = (a: TextEdit, b: TextEdit): number => cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end);

/**
 * The edits fix-all has taken so far, answering "does this edit conflict with one of them" (see
 * overlaps) in O(log n): kept sorted by start, and as long as each edit ends where or before the
 * next one starts, only the neighbours of a new edit can conflict with it. A fix whose own edits
 * overlap each other breaks that order; from then on every edit is compared with every taken one
 * (as it always was: the answers are the same, only slower).
 */
class TakenEdits {
  private readonly sorted: TextEdit[] = [];
  private ordered = true;

  /** Index of the first taken edit that starts at or after `pos`. */
  private lowerBound(pos: Pos): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.sorted[mid].range.start, pos) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  conflicts(e: TextEdit): boolean {
    if (!this.ordered) return this.sorted.some((t) => overlaps(e, t));
    const i = this.lowerBound(e.range.start);
    const next = this.sorted[i];
    // a later edit conflicts when it starts at the same place or before e ends
    if (next && (cmp(next.range.start, e.range.start) === 0 || cmp(next.range.start, e.range.end) < 0)) return true;
    // an earlier one when it ends after e starts; the one just before ends last of them
    const prev = this.sorted[i - 1];
    return prev !== undefined && cmp(e.range.start, prev.range.end) < 0;
  }

  add(e: TextEdit): void {
    const i = this.insertionPoint(e);
    const prev = this.sorted[i - 1];
    const next = this.sorted[i];
    if ((prev && cmp(prev.range.end, e.range.start) > 0) || (next && cmp(e.range.end, next.range.start) > 0)) this.ordered = false;
    this.sorted.splice(i, 0, e);
  }

  /** Where e goes in the sorted list (binary search by start, then end). */
  private insertionPoint(e: TextEdit): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byRange(this.sorted[mid], e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The fix fix-all applies for a finding: the one its rule marks preferred. A rule leaves all
 * unmarked where the fix is a guess (which user, "did you mean", removing an unknown key).
 */
function chosenFix(f: Finding): Fix | undefined {
  return f.fixes?.find((x) => x.isPreferred && x.edits.length > 0);
}

/** The edits that change something: an edit that writes what is already there is dropped. */
function effective(doc: LandscapeDocument, edits: readonly TextEdit[]): TextEdit[] {
  return edits.filter((e) => doc.text.slice(doc.lines.offsetAt(e.range.start), doc.lines.offsetAt(e.range.end)) !== e.newText);
}

/**
 * Applies edits that do not overlap (as fix-all combines them) in one pass: the same text as
 * applyEdits, which copies the whole text once per edit (thousands of edits on a 5 MB file would
 * take minutes). Edits that do overlap are left to applyEdits.
 */
function applyCombined(doc: LandscapeDocument, edits: readonly TextEdit[]): string {
  const text = doc.text;
  const at = edits.map((e, i) => ({ i, start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }));
  // inserts at one position keep their array order (LSP rule), before a replacement starting there
  at.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const parts: string[] = [];
  let done = 0;
  for (const e of at) {
    if (e.start < done) return applyEdits(text, doc, edits);
    parts.push(text.slice(done, e.start), e.text);
    done = e.end;
  }
  parts.push(text.slice(done));
  return parts.join('');
}

/** Parse problems a text would have (syntax, duplicate keys): fix-all must never add one. */
function parseProblems(doc: LandscapeDocument, text: string): number {
  // the document was parsed, so its size was within the limit; a few inserted lines must not
  // turn every trial into "file too large"
  return new LandscapeDocument(doc.uri, text, { format: doc.format, maxFileSize: Number.MAX_SAFE_INTEGER }).parseFindings.length;
}

/**
 * The fixes fix-all would apply, before the safety check: the chosen fix of each finding (with
 * the document, without its edits that change nothing), skipping fixes whose edits overlap ones
 * already taken (the next run of fix-all picks those up after re-validation). Cheap: no parse.
 */
function selectFixes(findings: readonly Finding[], doc?: LandscapeDocument, enough?: (chosen: readonly Fix[]) => boolean): Fix[] {
  const taken = new TakenEdits();
  const chosen: Fix[] = [];
  for (const f of findings) {
    const preferred = chosenFix(f);
    const fix = preferred && doc ? { ...preferred, edits: effective(doc, preferred.edits) } : preferred;
    if (!fix?.edits.length || fix.edits.some((e) => taken.conflicts(e))) continue;
    for (const e of fix.edits) taken.add(e);
    chosen.push(fix);
    // the cheap check of a lazy offer stops as soon as the answer is known
    if (enough?.(chosen)) break;
  }
  return chosen;
}

/** The findings of each rule and how many of them have a preferred fix ("(n)" of "Fix all <rule> problems (n)"). */
interface RuleFindings {
  findings: Finding[];
  preferred: number;
}

/** Per result, built in one pass on the first request that needs it (then every request of the version reuses it). */
const byRule = new WeakMap<LintResult, Map<string, RuleFindings>>();

function ruleFindings(result: LintResult, ruleId: string): RuleFindings {
  let rules = byRule.get(result);
  if (!rules) {
    rules = new Map();
    const findings = result.findings;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      let entry = rules.get(f.ruleId);
      if (!entry) rules.set(f.ruleId, entry = { findings: [], preferred: 0 });
      entry.findings.push(f);
      if (chosenFix(f)) entry.preferred++;
    }
    byRule.set(result, rules);
  }
  return rules.get(ruleId) ?? { findings: [], preferred: 0 };
}

/**
 * The safety check of fix-all: the selected fixes, minus those that would add a parse problem
 * (a syntax error, a duplicate key) to the text they produce together. When the whole combination
 * passes (the normal case) that is one parse; otherwise the fixes are tried in halves, a half that
 * passes is kept whole and one that fails is split further, so a few bad fixes among thousands
 * cost a few dozen parses, not one per fix. A single fix is kept when it passes on its own with
 * the ones kept before it.
 */
function safeFixes(doc: LandscapeDocument, chosen: readonly Fix[]): TextEdit[] {
  const before = doc.parseFindings.length;
  const edits = (fixes: readonly Fix[]): TextEdit[] => fixes.flatMap((x) => x.edits);
  const passes = (trial: readonly TextEdit[]): boolean => parseProblems(doc, applyCombined(doc, trial)) <= before;
  const safe: TextEdit[] = [];
  /** Adds what passes of `fixes`; `failing`: safe + all of them is known to fail. Returns whether all were kept. */
  const keep = (fixes: readonly Fix[], failing: boolean): boolean => {
    if (!fixes.length) return true;
    if (!failing && passes([...safe, ...edits(fixes)])) {
      safe.push(...edits(fixes));
      return true;
    }
    if (fixes.length === 1) return false;
    const mid = fixes.length >> 1;
    const first = keep(fixes.slice(0, mid), false);
    // all of the first half kept: safe + the second half is the combination that failed
    return keep(fixes.slice(mid), first) && first;
  };
  keep(chosen, false);
  return safe;
}

/**
 * Collects the chosen fix of each finding, skipping fixes whose edits overlap ones already taken
 * (the next run of fix-all picks those up after re-validation). With the document, the combination
 * is checked: when two fixes each write the same key at different places (say a typo'd key renamed
 * and the same key inserted by a rule), the fixes that would break the file are left for the next
 * round (see safeFixes).
 */
export function combineFixes(findings: readonly Finding[], doc?: LandscapeDocument): TextEdit[] {
  const chosen = selectFixes(findings, doc);
  if (!doc || !chosen.length) return chosen.flatMap((x) => x.edits);
  return safeFixes(doc, chosen);
}

/** Rules whose findings a comment cannot suppress: the file is not read as a landscape at all. */
const NOT_SUPPRESSIBLE = new Set(['yaml-syntax', 'json-syntax', 'file-too-large', 'suppression']);

/**
 * The line a suppression comment for a finding on `line` goes above: the line itself, or, when
 * the line is inside a multi-line scalar or flow collection (a comment line there would land
 * inside a string or break a `{…}`), the first line of the outermost one, repeated until no such
 * node reaches over the line. Only the nodes that reach over the start of the line are visited
 * (a walk from the root that skips every subtree lying before or after it), not the whole tree.
 */
function suppressionLine(doc: LandscapeDocument, line: number): number {
  for (;;) {
    const at = doc.lines.lineStart(line);
    let first = line;
    const stack: unknown[] = [doc.yaml?.contents];
    while (stack.length) {
      const node = stack.pop() as YamlNode | null | undefined;
      if (!node || typeof node !== 'object') continue;
      if (isPair(node)) {
        stack.push(node.key, node.value);
        continue;
      }
      const range = node.range;
      if (range) {
        // nested nodes lie within the node's range: none of them can start before the line and end in it
        if (!(range[0] < at && Math.max(range[1], range[2]) > at)) continue;
        const flow = (isMap(node) || isSeq(node)) && (node as YAMLMap | YAMLSeq).flow;
        // starts on an earlier line and its last character is on this line or later
        if ((isScalar(node) || flow) && range[1] - 1 >= at) first = Math.min(first, doc.lines.positionAt(range[0]).line);
      }
      if (isMap(node) || isSeq(node)) stack.push(...(node.items as unknown[]));
    }
    if (first === line) return line;
    line = first;
  }
}

const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

/**
 * A comment line that suppresses the finding's rule, with a reason placeholder: above the line
 * where the finding's entry starts, never inside a multi-line string or flow collection, and only
 * when the directive then really covers the finding (checked on the resulting text).
 */
function suppressionEdit(result: LintResult, f: Finding): TextEdit | undefined {
  const doc = result.doc;
  if (doc.format !== 'yaml' || NOT_SUPPRESSIBLE.has(f.ruleId)) return undefined;
  // a zero-width finding (about the whole file, or an empty key such as `: x`) sits between tokens:
  // it need not move below an inserted comment, so a comment cannot be shown to cover it
  const r = f.range;
  if (r.start.line === r.end.line && r.start.character === r.end.character) return undefined;
  const line = suppressionLine(doc, f.range.start.line);
  const text = doc.lines.lineText(line);
  const indent = /^[ \t]*/.exec(text)![0];
  const newText = `${indent}# ${SUPPRESS_NEXT} ${f.ruleId} -- ${REASON_PLACEHOLDER}\n`;
  const at = doc.lines.lineStart(line);
  // Whether the directive covers the finding depends only on the lines from the comment down to
  // the finding's line and the next line with content after it (where the covered entry may
  // continue): the check reads that window of the resulting text, not the whole file.
  let last = f.range.start.line + 1;
  while (last < doc.lines.lineCount && BLANK_OR_COMMENT.test(doc.lines.lineText(last))) last++;
  const windowEnd = last + 1 < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length;
  const after = newText + doc.text.slice(at, windowEnd);
  const target = f.range.start.line + 1 - line;
  const covered = readSuppressions(new LineIndex(after)).some((s) => s.line === 0 && s.rules.includes(f.ruleId)
    && target >= s.fromLine && target <= s.toLine);
  if (!covered) return undefined;
  const edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText };
  // in a file with syntax errors the structure is a guess: re-checked like every other fix there
  return verifiedInDamagedFile(result, f, [edit]) ? edit : undefined;
}

/** Parse findings that mean the structure the fixes were computed on is the parser's guess. */
const SYNTAX_RULES = new Set(['yaml-syntax', 'json-syntax', 'duplicate-key']);
/** Above this size, a damaged file offers no structural fixes (verifying each would re-check the whole file). */
const MAX_VERIFIED_SIZE = 512 * 1024;

/**
 * In a file with syntax errors the parser recovers by guessing, and an edit computed on its guess
 * may not do what it says: there a fix is offered only when the text it produces was re-checked —
 * no new syntax error, and its finding (rule, system, message) occurs fewer times.
 */
function verifiedInDamagedFile(result: LintResult, f: Finding, edits: TextEdit[]): boolean {
  const doc = result.doc;
  if (!doc.parseFindings.some((p) => SYNTAX_RULES.has(p.ruleId))) return true;
  if (doc.text.length > MAX_VERIFIED_SIZE) return false;
  const after = lintText(doc.uri, applyEdits(doc.text, doc, edits), { format: doc.format, maxFileSize: Number.MAX_SAFE_INTEGER });
  if (after.doc.parseFindings.length > doc.parseFindings.length) return false;
  const same = (x: Finding): boolean => x.ruleId === f.ruleId && x.system === f.system && x.message === f.message;
  return after.findings.filter(same).length < result.findings.filter(same).length;
}

/**
 * What a lazily offered fix-all action carries instead of its edit (`codeAction/resolve` computes
 * the edit from it): the document, the version the action was offered for, the rule (`all` for
 * source.fixAll) and the action's kind.
 */
export interface FixAllData {
  uri: string;
  version: number | undefined;
  ruleId: string;
  kind: string;
}

/** The data of a lazily offered fix-all action, when it is one. */
export function fixAllDataOf(action: CodeAction): FixAllData | undefined {
  const d = action.data as Partial<FixAllData> | null | undefined;
  if (!d || typeof d !== 'object' || typeof d.uri !== 'string' || typeof d.ruleId !== 'string' || typeof d.kind !== 'string') return undefined;
  if (d.version !== undefined && typeof d.version !== 'number') return undefined;
  return { uri: d.uri, version: d.version, ruleId: d.ruleId, kind: d.kind };
}

export interface CodeActionOptions {
  /**
   * `eager` (default): fix-all actions carry their edit. `lazy`: they carry `data` (FixAllData)
   * and no edit, and are offered after a cheap check only (no parse); resolveFixAll computes the
   * edit. Single quick-fixes and suppressions always carry their edit.
   */
  resolve?: 'eager' | 'lazy';
  /** Document version the result belongs to, put into the data of lazy actions. */
  version?: number;
}

/**
 * Builds what code actions keep per result (the findings by rule, with their preferred fixes
 * counted): the server calls it in an idle moment after publishing a version, so that the first
 * light-bulb request of the version does not pay for it.
 */
export function prepareCodeActions(result: LintResult): void {
  ruleFindings(result, '');
}

/** The findings a fix-all action combines: all of them, or those of one rule. */
function fixAllFindings(result: LintResult, ruleId: string): readonly Finding[] {
  return ruleId === 'all' ? result.findings : ruleFindings(result, ruleId).findings;
}

/** Combined fixes per result and rule (`all`: every rule): computed once, whoever asks again (eager light bulb, resolve). */
const combined = new WeakMap<LintResult, Map<string, TextEdit[]>>();

/** combineFixes of a fix-all action (with the safety check), once per result and rule. */
function fixAllEdits(result: LintResult, ruleId: string): TextEdit[] {
  let rules = combined.get(result);
  if (!rules) combined.set(result, rules = new Map());
  let edits = rules.get(ruleId);
  if (!edits) rules.set(ruleId, edits = combineFixes(fixAllFindings(result, ruleId), result.doc));
  return edits;
}

/**
 * Code actions for a range: the fixes recorded with each finding, fix-all per rule, source.fixAll,
 * suppression.
 *
 * Fix-all of a rule is offered when more than one finding of the rule has a preferred fix and
 * their combination does more than the single fix (has more edits); source.fixAll when some fix
 * can be applied. Eagerly, the combination is the one combineFixes returns (safety check included:
 * a parse of the combined text). Lazily, the offer rests on the cheap selection alone (preferred
 * fixes whose edits change something and do not overlap each other, no parse, and only as far as
 * the answer needs); the safety check runs in resolveFixAll, where it may drop a fix that would
 * break the file, never all of them (each fix alone keeps the file parseable, as every quick-fix
 * does). So both offer the same actions unless fixes together would break the file.
 */
export function codeActions(result: LintResult, params: CodeActionParams, options: CodeActionOptions = {}): CodeAction[] {
  const uri = params.textDocument.uri;
  const lazy = options.resolve === 'lazy';
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const lazyFixAll = (title: string, kind: string, ruleId: string): CodeAction => ({ title, kind, data: { uri, version: options.version, ruleId, kind } satisfies FixAllData });
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const rulesDone = new Set<string>();
    for (const d of params.context.diagnostics) {
      const data = dataOf(d);
      const f = data ? result.findings[data.index] : undefined;
      if (!data || !f || f.ruleId !== data.ruleId) continue;
      // the diagnostic as published (its message depends on the client's capabilities)
      const diagnostic = d;
      for (const fix of f.fixes ?? []) {
        // an action that changes nothing is never offered
        const edits = effective(result.doc, fix.edits);
        if (!edits.length || !verifiedInDamagedFile(result, f, edits)) continue;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: { changes: { [uri]: edits } } });
      }
      const single = chosenFix(f);
      if (single && !rulesDone.has(f.ruleId)) {
        rulesDone.add(f.ruleId);
        // fix-all applies preferred fixes only: count those, and offer it only when it does more than the single fix
        const count = ruleFindings(result, f.ruleId).preferred;
        const title = `Fix all ${f.ruleId} problems in this file (${count})`;
        if (count < 2) {
          // nothing to combine
        } else if (lazy) {
          const more = (chosen: readonly Fix[]): boolean => chosen.reduce((n, x) => n + x.edits.length, 0) > single.edits.length;
          if (more(selectFixes(fixAllFindings(result, f.ruleId), result.doc, more))) actions.push(lazyFixAll(title, CodeActionKind.QuickFix, f.ruleId));
        } else {
          const edits = fixAllEdits(result, f.ruleId);
          if (edits.length > single.edits.length) actions.push({ title, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } });
        }
      }
      const sup = suppressionEdit(result, f);
      if (sup) {
        actions.push({ title: `Suppress ${f.ruleId} here (with a reason)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [sup] } } });
      }
    }
  }
  if (wants(CodeActionKind.SourceFixAll) && (only || params.context.triggerKind === 1)) {
    const title = 'Fix all auto-fixable landscape problems';
    if (lazy) {
      if (selectFixes(result.findings, result.doc, (chosen) => chosen.length > 0).length) actions.push(lazyFixAll(title, CodeActionKind.SourceFixAll, 'all'));
    } else {
      const edits = fixAllEdits(result, 'all');
      if (edits.length) actions.push({ title, kind: CodeActionKind.SourceFixAll, edit: { changes: { [uri]: edits } } });
    }
  }
  return actions;
}

/**
 * `codeAction/resolve` of a lazily offered fix-all action: the action with the edit combineFixes
 * gives for its rule (or all rules) on this result, the safety check included. The caller passes
 * the result of the version in `data` when it still has it, else the current version's (the edit
 * must fit the text the client applies it to). Without anything to apply (the problems are gone
 * in the current version) the action comes back without an edit: applying it does nothing, and
 * it is no longer offered for the current version.
 */
export function resolveFixAll(result: LintResult, action: CodeAction, data: FixAllData): CodeAction {
  const edits = fixAllEdits(result, data.ruleId);
  const { edit: _ignored, ...rest } = action;
  return edits.length ? { ...rest, edit: { changes: { [data.uri]: edits } } } : rest;
}
