import { isMap, isScalar, isSeq, parse } from 'yaml';
import type { Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { LandscapeDocument } from './document';
import type { NodePath } from './types';

/** A value the editor can write: scalars, lists of scalars, and maps of those. */
export type EditValue = string | number | boolean | readonly (string | number)[] | { readonly [k: string]: EditValue };

/**
 * Minimal text edits on a landscape document that keep the user's comments, order and
 * formatting: values are replaced in place, keys and list items are inserted with the
 * indentation and style (block or flow, YAML or JSON) of their surroundings. Nothing is ever
 * re-serialized beyond the inserted piece.
 */
export class DocEditor {
  private readonly json: boolean;
  private readonly unit: number;

  /**
   * @param options.inlineMapsUnder keys whose entries, when they are maps, are written as flow maps
   *   (`SAPOSS: { type: "3", user: X }`, as the snippets write destinations) instead of nested blocks
   */
  constructor(private readonly doc: LandscapeDocument, private readonly options: { readonly inlineMapsUnder?: readonly string[] } = {}) {
    this.json = doc.format === 'json';
    let unit = indentUnits.get(doc);
    if (unit === undefined) {
      unit = detectIndentUnit(doc.text);
      indentUnits.set(doc, unit);
    }
    this.unit = unit;
  }

  /** Sets the value at path: replaces an existing scalar, or inserts the key (creating missing parents). */
  setValue(path: NodePath, value: EditValue): TextEdit[] {
    if (this.doc.nodeAt(path).ambiguous) return [];
    return this.unshared(this.setValueEdits(path, value));
  }

  private setValueEdits(path: NodePath, value: EditValue): TextEdit[] {
    const { value: node, pair } = this.doc.nodeAt(path);
    if (typeof path[path.length - 1] === 'number') {
      // a list item: replace it in place; a missing item is not a key to insert
      return node?.range && isScalar(node) && !isCollection(value) ? [this.replace(node.range[0], this.scalarEnd(node), this.inlineValue(value, node))] : [];
    }
    if (pair && (node === undefined || node === null || isScalar(node) || !isCollection(value))) {
      if (node?.range && isScalar(node) && node.range[0] === node.range[1]) {
        // `key:` followed by nothing: the empty scalar sits right after the colon
        return [this.insert(node.range[0], ` ${this.inlineValue(value)}`)];
      }
      if (node?.range && isScalar(node)) {
        return [this.replace(node.range[0], this.scalarEnd(node), this.inlineValue(value, node))];
      }
      if (node && !isCollection(value)) {
        // a scalar where a map or list stands: replacing it would lose the user's data
        return [];
      }
      if (!node && pair.key && (pair.key as YamlNode).range) {
        // `key:` with nothing after it
        const keyEnd = (pair.key as YamlNode).range![1];
        const colon = this.doc.text.indexOf(':', keyEnd);
        if (colon >= 0) return [this.insert(colon + 1, ` ${this.inlineValue(value)}`)];
      }
    }
    if (node && isMap(node) && isPlainObject(value)) {
      return Object.entries(value).flatMap(([k, v]) => this.setValue([...path, k], v));
    }
    if (node && (isMap(node) || isSeq(node))) {
      // a list where a map stands (or the reverse): no safe minimal edit
      return [];
    }
    return this.insertKey(path.slice(0, -1), String(path[path.length - 1]), value);
  }

  /** Appends items to the list at path (skipping ones already there), creating the list if needed. */
  addToList(path: NodePath, items: readonly (string | number)[]): TextEdit[] {
    if (this.doc.nodeAt(path).ambiguous) return [];
    return this.unshared(this.addToListEdits(path, items));
  }

  private addToListEdits(path: NodePath, items: readonly (string | number)[]): TextEdit[] {
    const { value: node, pair } = this.doc.nodeAt(path);
    if (!node || !isSeq(node)) {
      if (pair && node?.range && isScalar(node) && node.value !== null) {
        return [this.replace(node.range[0], this.scalarEnd(node), this.flowList(items))];
      }
      return this.setValue(path, items);
    }
    const present = new Set(node.items.map((i) => (isScalar(i) ? String((i as Scalar).value) : '')));
    const fresh = items.filter((i) => !present.has(String(i)));
    if (!fresh.length) return [];
    const seq = node as YAMLSeq;
    if (seq.flow) {
      const close = this.doc.text.lastIndexOf(']', seq.range![1]);
      const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
      if (!last?.range) return [this.replace(seq.range![0], seq.range![1], this.flowList(fresh))];
      const multiLine = this.lineOf(seq.range![0]) !== this.lineOf(close);
      if (multiLine && this.lineOf(last.range[0]) !== this.lineOf(close)) {
        const ind = this.indentAt(last.range[0]);
        return [this.insert(last.range[1], fresh.map((i) => `,\n${ind}${this.scalar(i)}`).join(''))];
      }
      return [this.insert(last.range[1], fresh.map((i) => `, ${this.scalar(i)}`).join(''))];
    }
    const first = seq.items[0] as YamlNode | undefined;
    const dashCol = first?.range ? this.dashColumn(first.range[0]) : 0;
    const at = this.afterLastLine(seq);
    const lines = fresh.map((i) => `${' '.repeat(dashCol)}- ${this.scalar(i)}`);
    return [this.insert(at.offset, at.lead ? lines.map((l) => at.lead + l).join('') : lines.map((l) => `${l}\n`).join(''))];
  }

  /** Removes a key with its value (whole lines in block style; the entry and its comma in flow style). */
  removeKey(path: NodePath): TextEdit[] {
    if (this.doc.nodeAt(path).ambiguous) return [];
    return this.unshared(this.removeKeyEdits(path));
  }

  private removeKeyEdits(path: NodePath): TextEdit[] {
    const parent = this.doc.nodeAt(path.slice(0, -1)).value;
    const { pair } = this.doc.nodeAt(path);
    if (!pair || !parent || !isMap(parent)) return [];
    const key = pair.key as YamlNode | null;
    const val = pair.value as YamlNode | null;
    if (!key?.range) return [];
    const start = key.range[0];
    const map = parent as YAMLMap;
    // a block value's range runs on over the line break and the next line's indentation
    const end = map.flow ? (val?.range ? val.range[1] : key.range[1]) : this.trimTrailing(val?.range ? val.range[1] : key.range[1]);
    if (map.flow) {
      const idx = map.items.indexOf(pair as Pair);
      const text = this.doc.text;
      if (idx < map.items.length - 1) {
        const next = (map.items[idx + 1] as Pair).key as YamlNode;
        return [this.replace(start, next.range![0], '')];
      }
      let s = start;
      if (idx > 0) {
        const prevPair = map.items[idx - 1] as Pair;
        const prevEnd = ((prevPair.value as YamlNode | null)?.range ?? (prevPair.key as YamlNode).range!)[1];
        s = prevEnd;
      } else {
        while (s > 0 && /\s/.test(text[s - 1])) s--;
        s = Math.max(s, map.range![0] + 1);
      }
      return [this.replace(s, end, '')];
    }
    const startLine = this.lineOf(start);
    const endLine = this.lineOf(Math.max(start, end - 1));
    const from = this.doc.lines.lineStart(startLine);
    const to = endLine + 1 < this.doc.lines.lineCount ? this.doc.lines.lineStart(endLine + 1) : this.doc.text.length;
    if (map.items.length === 1 && path.length > 1) {
      // the map would be empty: leave `{}` so the parent key keeps a valid value
      return [this.replace(start, end, '{}')];
    }
    const before = this.doc.text.slice(from, start);
    if (before.trim() !== '') {
      // the first key of a map that is a list item (`- key: v`): keep the dash, cut up to the next key
      const idx = map.items.indexOf(pair as Pair);
      const next = (map.items[idx + 1] as Pair | undefined)?.key as YamlNode | undefined;
      if (!/^\s*-\s+$/.test(before) || idx !== 0 || !next?.range) return [];
      return [this.replace(start, next.range[0], '')];
    }
    return [this.replace(from, to, '')];
  }

  /** Renames a key in place. */
  renameKey(path: NodePath, newKey: string): TextEdit[] {
    if (this.doc.nodeAt(path).ambiguous) return [];
    return this.unshared(this.renameKeyEdits(path, newKey));
  }

  private renameKeyEdits(path: NodePath, newKey: string): TextEdit[] {
    const { key } = this.doc.nodeAt(path);
    if (!key?.range) return [];
    return [this.replace(key.range[0], key.range[1], this.keyText(newKey))];
  }

  /** Inserts a new key into the map at mapPath, creating the map (and its parents) if missing. */
  insertKey(mapPath: NodePath, key: string, value: EditValue): TextEdit[] {
    if (this.doc.nodeAt(mapPath).ambiguous) return [];
    return this.unshared(this.insertKeyEdits(mapPath, key, value));
  }

  private insertKeyEdits(mapPath: NodePath, key: string, value: EditValue): TextEdit[] {
    const { value: node, pair } = this.doc.nodeAt(mapPath);
    if (node && isMap(node)) {
      const map = node as YAMLMap;
      if (map.flow) return [this.insertIntoFlowMap(map, key, value)];
      const systems = mapPath.length === 0 && key !== 'systems' ? (map.items as Pair[]).find((p) => isScalar(p.key) && (p.key as Scalar).value === 'systems') : undefined;
      if (systems && (systems.key as YamlNode).range) {
        // top-level metadata (communicationUsers, tracks) goes before the systems, above their comment
        let line = this.lineOf((systems.key as YamlNode).range![0]);
        while (line > 0 && /^\s*#/.test(this.doc.lines.lineText(line - 1))) line--;
        const col = this.doc.lines.positionAt((systems.key as YamlNode).range![0]).character;
        return [this.insert(this.doc.lines.lineStart(line), this.blockEntry(key, value, col))];
      }
      const firstKey = (map.items[0] as Pair | undefined)?.key as YamlNode | undefined;
      const col = firstKey?.range ? this.doc.lines.positionAt(firstKey.range[0]).character : 0;
      const at = this.afterLastLine(map);
      const entry = this.blockEntry(key, value, col, mapPath[mapPath.length - 1]);
      return [this.insert(at.offset, at.lead ? at.lead + entry.replace(/\n$/, '') : entry)];
    }
    if (pair && node && isScalar(node) && node.value === null && node.range && node.range[0] !== node.range[1]) {
      // an explicit `null` / `~`: replace it by a flow map (valid in block and flow context)
      return [this.replace(node.range[0], this.scalarEnd(node), this.inlineValue({ [key]: value }))];
    }
    if (pair && (node === undefined || node === null || (isScalar(node) && node.value === null))) {
      // `parent:` with no value: write the map under it
      const parentKey = pair.key as YamlNode;
      if (this.inFlow(mapPath.slice(0, -1))) {
        const colonAt = this.doc.text.indexOf(':', parentKey.range![1]);
        return colonAt < 0 ? [] : [this.insert(colonAt + 1, ` ${this.inlineValue({ [key]: value })}`)];
      }
      const col = this.doc.lines.positionAt(parentKey.range![0]).character;
      const colon = this.doc.text.indexOf(':', parentKey.range![1]);
      if (this.json || colon < 0) return [];
      const lineEnd = this.lineEndOffset(colon);
      return [this.insert(lineEnd, `\n${this.blockEntry(key, value, col + this.unit, mapPath[mapPath.length - 1]).replace(/\n$/, '')}`)];
    }
    if (node !== undefined && node !== null && !(isScalar(node) && node.value === null)) {
      // a scalar or a list where a map should be: writing below it would break the file
      return [];
    }
    if (mapPath.length === 0 || typeof mapPath[mapPath.length - 1] === 'number') return [];
    return this.insertKey(mapPath.slice(0, -1), String(mapPath[mapPath.length - 1]), { [key]: value });
  }

  /**
   * Removes one item of a list: the item and its comma in a flow list (YAML or JSON), its line(s)
   * in a block list. The last item leaves `[]`, so the key keeps a list value.
   */
  removeListItem(path: NodePath, index: number): TextEdit[] {
    if (this.doc.nodeAt(path).ambiguous) return [];
    return this.unshared(this.removeListItemEdits(path, index));
  }

  private removeListItemEdits(path: NodePath, index: number): TextEdit[] {
    const { value } = this.doc.nodeAt(path);
    if (!value || !isSeq(value)) return [];
    const seq = value as YAMLSeq;
    const items = seq.items as (YamlNode | null)[];
    const item = items[index];
    if (!item?.range) return [];
    const text = this.doc.text;
    if (seq.flow) {
      if (items.length === 1) {
        const close = text.lastIndexOf(']', seq.range![1]);
        return [this.replace(seq.range![0], close >= seq.range![0] ? close + 1 : seq.range![1], '[]')];
      }
      const next = items[index + 1];
      if (next?.range) return [this.replace(item.range[0], next.range[0], '')];
      const prev = items[index - 1];
      return prev?.range ? [this.replace(prev.range[1], item.range[1], '')] : [];
    }
    // block list: from the dash that introduces the item
    let dash = item.range[0];
    while (dash > 0 && text[dash - 1] !== '-' && /[ \t]/.test(text[dash - 1])) dash--;
    dash = text[dash - 1] === '-' ? dash - 1 : dash;
    if (items.length === 1) return [this.replace(dash, item.range[1], '[]')];
    const line = this.lineOf(dash);
    const endLine = this.lineOf(Math.max(item.range[0], item.range[1] - 1));
    const from = this.doc.lines.lineStart(line);
    const to = endLine + 1 < this.doc.lines.lineCount ? this.doc.lines.lineStart(endLine + 1) : text.length;
    // an item that shares its line with other content cannot be cut out by lines
    if (text.slice(from, dash).trim() !== '') return [];
    return [this.replace(from, to, '')];
  }

  /** True when the collection at path, or one around it, is written in flow style (`{…}` / `[…]`). */
  private inFlow(path: NodePath): boolean {
    for (let n = path.length; n >= 0; n--) {
      const { value } = this.doc.nodeAt(path.slice(0, n));
      if ((isMap(value) || isSeq(value)) && (value as YAMLMap | YAMLSeq).flow) return true;
    }
    return false;
  }

  /**
   * No edit may change an anchored node that aliases elsewhere refer to (including edits made
   * through an alias): the other places would change with it. Such a change is not offered.
   */
  private unshared(edits: TextEdit[]): TextEdit[] {
    const lines = this.doc.lines;
    const text = this.doc.text;
    return edits.some((e) => {
      const start = lines.offsetAt(e.range.start);
      const end = lines.offsetAt(e.range.end);
      // a U+FEFF at the start of the file is a byte-order mark, invisible to the parser: an edit
      // there that moves a U+FEFF to the start, or the mark away from it, changes what follows
      const bom = start === 0 && (text.charCodeAt(0) === 0xfeff || (e.newText || text.slice(end, end + 1)).charCodeAt(0) === 0xfeff);
      return bom || this.doc.touchesSharedAnchor(start, end);
    }) ? [] : edits;
  }

  // ---- rendering ----

  private insertIntoFlowMap(map: YAMLMap, key: string, value: EditValue): TextEdit {
    const text = this.doc.text;
    const close = text.lastIndexOf('}', map.range![1]);
    const last = map.items[map.items.length - 1] as Pair | undefined;
    const entry = `${this.keyText(key)}: ${this.inlineValue(value)}`;
    if (!last) return this.replace(map.range![0], map.range![1], `{ ${entry} }`.replace(/^\{ /, this.json ? '{ ' : '{ '));
    const lastEnd = ((last.value as YamlNode | null)?.range ?? (last.key as YamlNode).range!)[1];
    const multiLine = this.lineOf(map.range![0]) !== this.lineOf(close);
    if (multiLine && this.lineOf(lastEnd) !== this.lineOf(close)) {
      const ind = this.indentAt((last.key as YamlNode).range![0]);
      return this.insert(lastEnd, `,\n${ind}${entry}`);
    }
    return this.insert(lastEnd, `, ${entry}`);
  }

  /** `key: value` lines for a block map at a column, ending with a newline. */
  private blockEntry(key: string, value: EditValue, col: number, parentKey?: string | number): string {
    const pad = ' '.repeat(col);
    if (isPlainObject(value)) {
      const inline = typeof parentKey === 'string' && this.options.inlineMapsUnder?.includes(parentKey);
      if (this.json || inline) return `${pad}${this.keyText(key)}: ${this.inlineValue(value)}\n`;
      const inner = Object.entries(value).map(([k, v]) => this.blockEntry(k, v, col + this.unit, key)).join('');
      return `${pad}${this.keyText(key)}:\n${inner}`;
    }
    return `${pad}${this.keyText(key)}: ${this.inlineValue(value)}\n`;
  }

  private inlineValue(value: EditValue, like?: YamlNode): string {
    if (Array.isArray(value)) return this.flowList(value as (string | number)[]);
    if (isPlainObject(value)) {
      const entries = Object.entries(value).map(([k, v]) => `${this.keyText(k)}: ${this.inlineValue(v)}`);
      return entries.length ? `{ ${entries.join(', ')} }` : '{}';
    }
    if (typeof value === 'string' && like && isScalar(like)) {
      const t = (like as Scalar).type;
      if (t === 'QUOTE_DOUBLE') return JSON.stringify(value);
      if (t === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
    }
    return this.scalar(value as string | number | boolean);
  }

  private flowList(items: readonly (string | number)[]): string {
    return `[${items.map((i) => this.scalar(i)).join(', ')}]`;
  }

  private scalar(v: string | number | boolean): string {
    if (typeof v !== 'string') return String(v);
    if (this.json) return JSON.stringify(v);
    return needsQuotes(v) || !readsBackPlain(v) ? JSON.stringify(v) : v;
  }

  private keyText(k: string): string {
    if (this.json) return JSON.stringify(k);
    return needsQuotes(k) || k === '<<' || !readsBackPlain(k) ? JSON.stringify(k) : k;
  }

  // ---- positions ----

  private replace(start: number, end: number, newText: string): TextEdit {
    return { range: this.doc.lines.range(start, end), newText };
  }

  private insert(offset: number, newText: string): TextEdit {
    return this.replace(offset, offset, newText);
  }

  /** End of a scalar without the line breaks and indentation a block scalar's range runs on over. */
  private scalarEnd(node: YamlNode): number {
    let e = node.range![1];
    while (e > node.range![0] && /\s/.test(this.doc.text[e - 1])) e--;
    return e;
  }

  private lineOf(offset: number): number {
    return this.doc.lines.positionAt(offset).line;
  }

  private lineEndOffset(offset: number): number {
    const line = this.lineOf(offset);
    return this.doc.lines.lineStart(line) + this.doc.lines.lineText(line).length;
  }

  private indentAt(offset: number): string {
    const t = this.doc.lines.lineText(this.lineOf(offset));
    return /^[ \t]*/.exec(t)![0];
  }

  private dashColumn(itemStart: number): number {
    const line = this.lineOf(itemStart);
    const t = this.doc.lines.lineText(line);
    const col = this.doc.lines.positionAt(itemStart).character;
    const dash = t.lastIndexOf('-', col);
    return dash >= 0 ? dash : col;
  }

  /** Moves back over trailing whitespace and comment lines that the YAML parser counts into a node. */
  private trimTrailing(end: number): number {
    let e = end;
    const text = this.doc.text;
    for (;;) {
      while (e > 0 && /\s/.test(text[e - 1])) e--;
      const line = this.lineOf(Math.max(0, e - 1));
      const lt = this.doc.lines.lineText(line);
      if (/^\s*#/.test(lt) && e > 0) {
        e = this.doc.lines.lineStart(line);
        continue;
      }
      return e;
    }
  }

  /** Where to insert new lines after a block collection's last content line. */
  private afterLastLine(node: YamlNode): { offset: number; lead: string } {
    const end = this.trimTrailing(node.range![1]);
    const line = this.lineOf(Math.max(0, end - 1));
    if (line + 1 < this.doc.lines.lineCount) {
      return { offset: this.doc.lines.lineStart(line + 1), lead: '' };
    }
    // the last line of the file has no line break
    const eol = this.doc.text.includes('\r\n') ? '\r\n' : '\n';
    return { offset: this.doc.text.length, lead: eol };
  }
}

function isCollection(v: EditValue): boolean {
  return Array.isArray(v) || isPlainObject(v);
}

function isPlainObject(v: unknown): v is { [k: string]: EditValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when a string would not read back as the same string in plain YAML. */
function needsQuotes(s: string): boolean {
  if (s === '') return true;
  if (/^[\s]|[\s]$/.test(s)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return true;
  if (/: |\s#/.test(s)) return true;
  if (/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(s)) return true;
  if (/^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$/.test(s) && /\d/.test(s)) return true;
  if (/^0[xob]/i.test(s)) return true;
  return /[:]$/.test(s);
}

/**
 * True when a string, written plain, reads back as the same string as a block value, a flow
 * list item and a key: the YAML parser decides, not a hand-written list of special characters.
 */
function readsBackPlain(s: string): boolean {
  // control characters, line breaks, lone surrogates and flow indicators always get quotes
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff,[\]{}#]/.test(s)) return false;
  // words of letters, digits and _ . / - separated by single blanks (SIDs, notes, users, task lists):
  // plain whenever needsQuotes let them through (it catches numbers, booleans and null)
  if (/^[A-Za-z_][\w./-]*(?: [\w./-]+)*$/.test(s)) return true;
  let known = plainCache.get(s);
  if (known === undefined) {
    known = parsesBack(s);
    if (plainCache.size > 10_000) plainCache.clear();
    plainCache.set(s, known);
  }
  return known;
}

const plainCache = new Map<string, boolean>();

function parsesBack(s: string): boolean {
  try {
    const block = parse(`k: ${s}\n`) as Record<string, unknown> | null;
    const flow = parse(`[${s}]\n`) as unknown[] | null;
    const key = parse(`${s}: 1\n`) as Record<string, unknown> | null;
    return block?.k === s && Array.isArray(flow) && flow.length === 1 && flow[0] === s
      && key !== null && typeof key === 'object' && Object.keys(key).length === 1 && Object.keys(key)[0] === s;
  } catch {
    return false;
  }
}

const indentUnits = new WeakMap<LandscapeDocument, number>();

/** The indentation step edits use for a document (part of what cached fixes depend on). */
export function indentUnitOf(doc: LandscapeDocument): number {
  let unit = indentUnits.get(doc);
  if (unit === undefined) {
    unit = detectIndentUnit(doc.text);
    indentUnits.set(doc, unit);
  }
  return unit;
}

/** The document's indentation step (the smallest positive indentation of a key line), default 2. */
function detectIndentUnit(text: string): number {
  let unit = 0;
  for (const line of text.split(/\r?\n/, 400)) {
    const m = /^( +)[^\s#-]/.exec(line);
    if (m && (unit === 0 || m[1].length < unit)) unit = m[1].length;
  }
  return unit > 0 && unit <= 8 ? unit : 2;
}

/** Applies text edits to a text (for tests and the CLI's --fix). Edits must not overlap. */
export function applyEdits(text: string, doc: LandscapeDocument, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e, i) => ({ i, start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }));
  // applied from the end; inserts at one position keep their array order in the result (LSP rule)
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

