import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../core/diagnostics';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../core/diagnostics';
import type { LintResult } from '../core/lint';
import { readSuppressions, SUPPRESS_NEXT } from '../core/suppress';
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

/** Parse problems a text would have (syntax, duplicate keys): fix-all must never add one. */
function parseProblems(doc: LandscapeDocument, text: string): number {
  // the document was parsed, so its size was within the limit; a few inserted lines must not
  // turn every trial into "file too large"
  return new LandscapeDocument(doc.uri, text, { format: doc.format, maxFileSize: Number.MAX_SAFE_INTEGER }).parseFindings.length;
}

/**
 * Collects the chosen fix of each finding, skipping fixes whose edits overlap ones already taken
 * (the next run of fix-all picks those up after re-validation). With the document, the combination
 * is checked: when two fixes each write the same key at different places (say a typo'd key renamed
 * and the same key inserted by a rule), the fixes are added one by one and one that would break
 * the file is left for the next round.
 */
export function combineFixes(findings: readonly Finding[], doc?: LandscapeDocument): TextEdit[] {
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  for (const f of findings) {
    const preferred = chosenFix(f);
    const fix = preferred && doc ? { ...preferred, edits: effective(doc, preferred.edits) } : preferred;
    if (!fix?.edits.length || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
    chosen.push(fix);
  }
  if (!doc || !taken.length) return taken;
  const before = doc.parseFindings.length;
  if (parseProblems(doc, applyEdits(doc.text, doc, taken)) <= before) return taken;
  const safe: TextEdit[] = [];
  for (const fix of chosen) {
    const trial = [...safe, ...fix.edits];
    if (parseProblems(doc, applyEdits(doc.text, doc, trial)) <= before) safe.push(...fix.edits);
  }
  return safe;
}

/** Rules whose findings a comment cannot suppress: the file is not read as a landscape at all. */
const NOT_SUPPRESSIBLE = new Set(['yaml-syntax', 'json-syntax', 'file-too-large', 'suppression']);

/**
 * Line spans (first, last) of multi-line scalars and flow collections: a comment line inserted
 * after their first line would land inside a string or break a `{…}`. Cached per document.
 */
const interiors = new WeakMap<LandscapeDocument, [number, number][]>();

function multiLineSpans(doc: LandscapeDocument): [number, number][] {
  let spans = interiors.get(doc);
  if (spans) return spans;
  spans = [];
  const stack: unknown[] = [doc.yaml?.contents];
  while (stack.length) {
    const node = stack.pop() as YamlNode | null | undefined;
    if (!node || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    const range = node.range;
    const flow = (isMap(node) || isSeq(node)) && (node as YAMLMap | YAMLSeq).flow;
    if (range && (isScalar(node) || flow)) {
      const first = doc.lines.positionAt(range[0]).line;
      const last = doc.lines.positionAt(Math.max(range[0], range[1] - 1)).line;
      if (last > first) spans.push([first, last]);
    }
    if (isMap(node) || isSeq(node)) stack.push(...(node.items as unknown[]));
  }
  interiors.set(doc, spans);
  return spans;
}

/**
 * A comment line that suppresses the finding's rule, with a reason placeholder: above the line
 * where the finding's entry starts, never inside a multi-line string or flow collection, and only
 * when the directive then really covers the finding (checked on the resulting text).
 */
function suppressionEdit(result: LintResult, f: Finding): TextEdit | undefined {
  const doc = result.doc;
  if (doc.format !== 'yaml' || NOT_SUPPRESSIBLE.has(f.ruleId)) return undefined;
  // a finding about the whole file sits at its start and does not move below an inserted comment
  const r = f.range;
  if (r.start.line === 0 && r.start.character === 0 && r.end.line === 0 && r.end.character === 0) return undefined;
  let line = f.range.start.line;
  const spans = multiLineSpans(doc);
  for (let moved = true; moved;) {
    moved = false;
    for (const [first, last] of spans) {
      if (line > first && line <= last) {
        line = first;
        moved = true;
      }
    }
  }
  const text = doc.lines.lineText(line);
  const indent = /^[ \t]*/.exec(text)![0];
  const newText = `${indent}# ${SUPPRESS_NEXT} ${f.ruleId} -- REASON\n`;
  const at = doc.lines.lineStart(line);
  const after = doc.text.slice(0, at) + newText + doc.text.slice(at);
  const covered = readSuppressions(new LineIndex(after)).some((s) => s.line === line && s.rules.includes(f.ruleId)
    && f.range.start.line + 1 >= s.fromLine && f.range.start.line + 1 <= s.toLine);
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

/** Code actions for a range: the fixes recorded with each finding, fix-all per rule, source.fixAll, suppression. */
export function codeActions(result: LintResult, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const rulesDone = new Set<string>();
    for (const d of params.context.diagnostics) {
      const data = dataOf(d);
      const f = data ? result.findings[data.index] : undefined;
      if (!data || !f || f.ruleId !== data.ruleId) continue;
      const diagnostic = toDiagnostic(f, uri, data.index, undefined, data.version);
      for (const fix of f.fixes ?? []) {
        // an action that changes nothing is never offered
        const edits = effective(result.doc, fix.edits);
        if (!edits.length || !verifiedInDamagedFile(result, f, edits)) continue;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: { changes: { [uri]: edits } } });
      }
      if (chosenFix(f) && !rulesDone.has(f.ruleId)) {
        rulesDone.add(f.ruleId);
        // fix-all applies preferred fixes only: count those, and offer it only when it does more than the single fix
        const sameRule = result.findings.filter((x) => x.ruleId === f.ruleId && chosenFix(x));
        const edits = sameRule.length > 1 ? combineFixes(sameRule, result.doc) : [];
        if (edits.length > chosenFix(f)!.edits.length) {
          actions.push({ title: `Fix all ${f.ruleId} problems in this file (${sameRule.length})`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } });
        }
      }
      const sup = suppressionEdit(result, f);
      if (sup) {
        actions.push({ title: `Suppress ${f.ruleId} here (with a reason)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [sup] } } });
      }
    }
  }
  if (wants(CodeActionKind.SourceFixAll) && (only || params.context.triggerKind === 1)) {
    const edits = combineFixes(result.findings, result.doc);
    if (edits.length) actions.push({ title: 'Fix all auto-fixable landscape problems', kind: CodeActionKind.SourceFixAll, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
