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
import { applyEdits, DocEditor, indentUnitOf } from '../core/edits';
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
  let after = doc.text;
  let stale = false;
  // where the first step edits the original text: the single edit starts there, not at the end
  // of the longest common prefix (which could start it in the middle of an indentation)
  let firstStart: number | undefined;
  for (const step of steps) {
    // the text of the previous step's result is parsed only when another step edits it
    if (stale) {
      current = new LandscapeDocument(doc.uri, after);
      stale = false;
    }
    const edits = step(new DocEditor(current));
    if (!edits.length) continue;
    if (firstStart === undefined) firstStart = Math.min(...edits.map((e) => doc.lines.offsetAt(e.range.start)));
    after = applyEdits(current.text, current, edits);
    stale = true;
  }
  const before = doc.text;
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
 * A small document holding one system's entry at the same columns, and where that entry sits in
 * it and in the whole file. Edits inside the entry come out the same on it as on the whole file,
 * so a step-by-step edit (chainEdits) re-parses a few lines instead of the whole file per step.
 */
export interface SystemWindow {
  readonly doc: LandscapeDocument;
  /** Offset of the entry in the small document and in the file, and its length. */
  readonly at: number;
  readonly fileAt: number;
  readonly length: number;
}

/** What a window needs to know about the whole file, read once per document. */
interface WindowBase {
  readonly eol: string;
  readonly unit: number;
}

const windowBases = new WeakMap<LandscapeDocument, WindowBase | null>();

/** The file-wide facts windows of a document share, or null where windows are not used. */
function windowBase(doc: LandscapeDocument): WindowBase | null {
  let base = windowBases.get(doc);
  if (base === undefined) {
    const root = doc.yaml?.contents;
    const systems = doc.nodeAt(['systems']);
    const keyAt = systems.key?.range?.[0];
    const usable = doc.format === 'yaml' && doc.yaml !== undefined && !doc.yaml.errors.length && doc.parseFindings.every((f) => f.ruleId === 'schema') &&
      !/\r(?!\n)/.test(doc.text) && isMap(root) && !root.flow && keyAt !== undefined &&
      doc.lines.positionAt(keyAt).character === 0 && isMap(systems.value) && !(systems.value as YAMLMap).flow;
    base = usable ? { eol: doc.text.includes('\r\n') ? '\r\n' : '\n', unit: indentUnitOf(doc) } : null;
    windowBases.set(doc, base);
  }
  return base;
}

/** Lines before `systems:` in a window when its own lines would give another indentation unit. */
const WINDOW_PREFIX_LINES = 400;

/**
 * The window of a system's entry, or undefined where it could read differently from the whole file
 * (JSON, flow style, syntax errors or duplicate keys, anchors or aliases in the entry, lone CR line
 * breaks, an entry that does not start its line, an unusual line after it).
 */
export function systemWindow(doc: LandscapeDocument, sid: string): SystemWindow | undefined {
  const base = windowBase(doc);
  if (!base) return undefined;
  const text = doc.text;
  const entry = doc.nodeAt(['systems', sid]);
  if (entry.ambiguous || entry.viaAlias || !entry.key?.range) return undefined;
  const keyStart = entry.key.range[0];
  const keyPos = doc.lines.positionAt(keyStart);
  const fileAt = doc.lines.lineStart(keyPos.line);
  if (text.slice(fileAt, keyStart).trim() !== '') return undefined;
  // the entry runs to the next line with content at its column or left of it (comments and blank lines inside)
  const col = keyPos.character;
  let line = keyPos.line + 1;
  let next: string | undefined;
  for (; line < doc.lines.lineCount; line++) {
    const t = doc.lines.lineText(line);
    const content = /^( *)([^ \t#\r\n])/.exec(t);
    if (content && content[1].length <= col) {
      next = t;
      break;
    }
  }
  const end = line < doc.lines.lineCount ? doc.lines.lineStart(line) : text.length;
  const body = text.slice(fileAt, end);
  if (body.includes('&') || body.includes('*')) return undefined;
  // the line after the entry: a key at the same column keeps the entry's extent and the insertion points
  if (next !== undefined && (/^\s*[-?:%!&*|>'"[{]/.test(next) || /^(---|\.\.\.)/.test(next))) return undefined;
  const { eol, unit } = base;
  const after = next === undefined ? '' : `${(/^ */.exec(next) as RegExpExecArray)[0]}next__: 0${eol}`;
  for (const blank of [0, WINDOW_PREFIX_LINES]) {
    const prefix = `window__:${eol}${' '.repeat(unit)}unit__: 0${eol}${eol.repeat(blank)}systems:${eol}`;
    const small = new LandscapeDocument(doc.uri, prefix + body + after, { format: doc.format });
    if (!small.yaml || small.yaml.errors.length || !small.nodeAt(['systems', sid]).key) return undefined;
    if (indentUnitOf(small) === unit) return { doc: small, at: prefix.length, fileAt, length: body.length };
  }
  return undefined;
}

/**
 * chainEdits for steps that edit inside one system's entry: the same edit, computed on a window
 * of that entry (see systemWindow) instead of re-parsing the whole file per step — on a file of
 * thousands of systems, one finding per system would otherwise cost a parse of the file each.
 * Falls back to chainEdits on the whole document where the window could read differently, or when
 * an edit leaves the entry.
 */
export function chainEditsInSystem(doc: LandscapeDocument, sid: string, steps: readonly ((ed: DocEditor) => TextEdit[])[], anchor?: NodePath): TextEdit[] {
  const win = systemWindow(doc, sid);
  if (!win) return chainEdits(doc, steps, anchor);
  const edits = chainEdits(win.doc, steps, anchor);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const from = win.doc.lines.offsetAt(e.range.start) - win.at;
    const to = win.doc.lines.offsetAt(e.range.end) - win.at;
    if (from < 0 || to > win.length) return chainEdits(doc, steps, anchor);
    out.push({ range: doc.lines.range(win.fileAt + from, win.fileAt + to), newText: e.newText });
  }
  return out;
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
