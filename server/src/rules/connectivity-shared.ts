/**
 * Helpers shared by the connectivity rules (guide 2.1.5, 2.2, 4.1, 4.3); not a rule: finding list
 * items as the file has them, and chaining edits that touch one collection into a single edit
 * (optionally anchored to a node, so that "fix all" sees the conflict with a fix that removes that
 * node).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { LandscapeDocument } from '../core/document';
import { applyEdits, DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import type { NodePath } from '../core/types';

/**
 * Index of a string item in the list at path, counted in the file (the model drops non-string
 * items, so its indexes can differ from the file's).
 * @returns -1 when the list or the item is missing
 */
export function listItemIndex(doc: LandscapeDocument, path: NodePath, item: string): number {
  const { value } = doc.nodeAt(path);
  if (!value || !isSeq(value)) return -1;
  return (value as YAMLSeq).items.findIndex((i) => isScalar(i) && (i as Scalar).value === item);
}

/**
 * Joins insertions at the same position into one edit, in array order. Editors apply several
 * inserts at one position in array order, while applyEdits (CLI, tests) would reverse them;
 * one edit reads the same everywhere.
 */
export function mergeInserts(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const empty = e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
    const same = empty
      ? out.find((o) =>
          o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character &&
          o.range.end.line === e.range.end.line && o.range.end.character === e.range.end.character)
      : undefined;
    if (same) same.newText += e.newText;
    else out.push({ range: e.range, newText: e.newText });
  }
  return out;
}

/**
 * Runs edit steps one after the other, each on the text the previous ones produced, and returns
 * the result as one minimal edit of the original text. Independent DocEditor edits do not
 * compose when they touch the same collection (two keys into an empty `{}`, or into a map that
 * does not exist yet); chained steps always see a valid document.
 * @param anchor a node (path) the edit is widened to cover, re-writing its text unchanged, so that
 *   "fix all" sees a conflict with another fix that removes that node (e.g. the last entry of the
 *   map the keys are added to) and applies only one of them per pass
 */
export function chainEdits(doc: LandscapeDocument, steps: readonly ((ed: DocEditor) => TextEdit[])[], anchor?: NodePath): TextEdit[] {
  let current = doc;
  // where the first step edits the original text: the single edit starts there, not at the end
  // of the longest common prefix (which could start it in the middle of an indentation)
  let firstStart: number | undefined;
  for (const step of steps) {
    const edits = step(new DocEditor(current));
    if (!edits.length) continue;
    if (firstStart === undefined) firstStart = Math.min(...edits.map((e) => doc.lines.offsetAt(e.range.start)));
    current = new LandscapeDocument(doc.uri, applyEdits(current.text, current, edits));
  }
  const before = doc.text;
  const after = current.text;
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  start = Math.min(start, firstStart ?? start);
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  let from = start;
  let to = before.length - end;
  let text = after.slice(start, after.length - end);
  const { key, value } = anchor ? doc.nodeAt(anchor) : {};
  const a0 = key?.range?.[0] ?? value?.range?.[0];
  const a1 = value?.range?.[1] ?? key?.range?.[1];
  if (a0 !== undefined && a1 !== undefined) {
    if (a0 < from) {
      text = before.slice(a0, from) + text;
      from = a0;
    }
    if (a1 > to) {
      text += before.slice(to, a1);
      to = a1;
    }
  }
  return [{ range: doc.lines.range(from, to), newText: text }];
}

/**
 * Path of the last entry of the map at mapPath (where DocEditor appends new keys), if any.
 */
export function lastEntryPath(doc: LandscapeDocument, mapPath: NodePath): NodePath | undefined {
  const { value } = doc.nodeAt(mapPath);
  if (!value || !isMap(value)) return undefined;
  const last = (value as YAMLMap).items[(value as YAMLMap).items.length - 1] as Pair | undefined;
  return last && isScalar(last.key) ? [...mapPath, String((last.key as Scalar).value)] : undefined;
}

/**
 * The technical communication user a system's new destinations log on with: its
 * `communicationUser`, on SAP Solution Manager also the "S-User for SAP Backend" of 5.1.
 */
export function logonUserFor(s: SystemDef): string | undefined {
  return s.communicationUser ?? (s.role === 'solman' ? s.solmanSetup?.backendUser : undefined);
}
