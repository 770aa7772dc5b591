import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../core/diagnostics';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../core/diagnostics';
import type { LintResult } from '../core/lint';
import { SUPPRESS_NEXT } from '../core/suppress';
import { LandscapeDocument } from '../core/document';
import { applyEdits } from '../core/edits';
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
  return f.fixes?.find((x) => x.isPreferred);
}

/** Parse problems a text would have (syntax, duplicate keys): fix-all must never add one. */
function parseProblems(doc: LandscapeDocument, text: string): number {
  return new LandscapeDocument(doc.uri, text, { format: doc.format }).parseFindings.length;
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
    const fix = chosenFix(f);
    if (!fix || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
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

/** A comment line above the finding's line that suppresses its rule, with a reason placeholder. */
function suppressionEdit(result: LintResult, f: Finding): TextEdit | undefined {
  if (result.doc.format !== 'yaml') return undefined;
  const line = f.range.start.line;
  const text = result.doc.lines.lineText(line);
  const indent = text.slice(0, text.length - text.trimStart().length).replace(/-\s*$/, '');
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# ${SUPPRESS_NEXT} ${f.ruleId} -- REASON\n`,
  };
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
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: { changes: { [uri]: fix.edits } } });
      }
      const sameRule = result.findings.filter((x) => x.ruleId === f.ruleId && x.fixes?.length);
      if (f.fixes?.length && sameRule.length > 1 && !rulesDone.has(f.ruleId)) {
        rulesDone.add(f.ruleId);
        actions.push({ title: `Fix all ${f.ruleId} problems in this file (${sameRule.length})`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: combineFixes(sameRule, result.doc) } } });
      }
      const sup = suppressionEdit(result, f);
      if (sup && f.ruleId !== 'suppression') {
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
