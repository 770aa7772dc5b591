/**
 * Where the cursor is in a landscape document: on a key, on a value, inside a flow list or map,
 * on a block list item, or on an empty line of a map. Two views:
 *
 * - {@link nodeAtOffset}: the parsed YAML node under the cursor (hover on complete documents);
 * - {@link cursorContext}: what is being typed, read from the text so it also works on the
 *   incomplete lines of a document being edited (`    ro`, `    role: `, `[2576306, `,
 *   `{"systems": {"EDV": {"ro`). Block YAML is resolved by indentation, flow YAML and JSON by a
 *   tolerant scanner that tracks the open brackets up to the cursor.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import type { LandscapeDocument } from '../core/document';

/** One step of a path: an object key or a list index. */
export type Segment = string | number;

/** How the text at the cursor is written, which decides how completions are inserted. */
export type Style = 'block' | 'flow' | 'json';

/** A parsed node under the cursor. */
export interface NodeHit {
  /** `key`: the cursor is on a map key; `value`: on a value (scalar or collection). */
  kind: 'key' | 'value';
  /** Path of the key's entry, or of the value. */
  path: Segment[];
  node: YamlNode;
  /** Range of the key or value token. */
  range: Range;
}

/** The cursor is on (or about to type) a key of the map at `mapPath`. */
export interface KeyContext {
  kind: 'key';
  mapPath: Segment[];
  /** The key text under the cursor ('' on an empty line or between tokens). */
  key: string;
  /** What to replace: the key token (quotes included), or the empty range at the cursor. */
  range: Range;
  /** Key text before the cursor. */
  prefix: string;
  /** A `:` already follows the key: complete the key only. */
  hasColon: boolean;
  quoted: boolean;
  style: Style;
  /** Block style: the column of the key, for the indentation of nested maps. */
  column: number;
  /** Flow/JSON: a comma must precede the inserted member (the previous one is not terminated). */
  needsCommaBefore: boolean;
}

/** The cursor is on (or about to type) the value at `path`; a list item when the last segment is a number. */
export interface ValueContext {
  kind: 'value';
  path: Segment[];
  /** The value text under the cursor, without quotes ('' when empty). */
  text: string;
  /** What to replace: the value token (quotes included), or the empty range at the cursor. */
  range: Range;
  prefix: string;
  quoted: boolean;
  style: Style;
  /** Block style: a new list item on an empty line, so `- ` must be inserted. */
  needsDash: boolean;
  needsCommaBefore: boolean;
}

export type CursorContext = KeyContext | ValueContext | { kind: 'none' };

const NONE: CursorContext = { kind: 'none' };

function keyString(key: unknown): string {
  return isScalar(key) ? String((key as Scalar).value) : String(key);
}

/**
 * The deepest YAML node whose range contains the offset (the end of a token counts as inside,
 * so a cursor right after a word still hovers it).
 */
export function nodeAtOffset(doc: LandscapeDocument, offset: number): NodeHit | undefined {
  const root = doc.yaml?.contents as YamlNode | null | undefined;
  if (!root) return undefined;
  const inside = (n: YamlNode | null | undefined): n is YamlNode => !!n?.range && n.range[0] <= offset && offset <= n.range[1];
  const hit = (kind: 'key' | 'value', path: Segment[], node: YamlNode): NodeHit => ({
    kind,
    path,
    node,
    range: doc.lines.range(node.range![0], node.range![1]),
  });
  const visit = (node: YamlNode, path: Segment[]): NodeHit | undefined => {
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const key = pair.key as YamlNode | null;
        const value = pair.value as YamlNode | null;
        if (inside(key)) return hit('key', [...path, keyString(key)], key);
        if (inside(value)) return visit(value, [...path, keyString(key)]);
      }
      return inside(node) ? hit('value', path, node) : undefined;
    }
    if (isSeq(node)) {
      const items = node.items as (YamlNode | null)[];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (inside(item)) return visit(item, [...path, i]);
      }
      return inside(node) ? hit('value', path, node) : undefined;
    }
    return inside(node) ? hit('value', path, node) : undefined;
  };
  return visit(root, []);
}

/** What is being typed at a position; works on incomplete documents. */
export function cursorContext(doc: LandscapeDocument, position: Position): CursorContext {
  const offset = doc.lines.offsetAt(position);
  if (doc.format === 'json') return scanFlow(doc, 0, offset, [], 'json') ?? NONE;
  // a flow collection around the cursor, possibly spanning lines
  const flow = enclosingFlow(doc, offset);
  if (flow) {
    const ctx = scanFlow(doc, flow.start, offset, flow.path, 'flow');
    if (ctx) return ctx;
  }
  return blockContext(doc, position, offset);
}

/** The outermost flow collection (`[...]`, `{...}`) of block YAML that contains the offset. */
function enclosingFlow(doc: LandscapeDocument, offset: number): { start: number; path: Segment[] } | undefined {
  const root = doc.yaml?.contents as YamlNode | null | undefined;
  if (!root) return undefined;
  const visit = (node: YamlNode | null | undefined, path: Segment[]): { start: number; path: Segment[] } | undefined => {
    if (!node?.range) return undefined;
    if ((isMap(node) || isSeq(node)) && (node as { flow?: boolean }).flow) {
      const [start, end] = node.range;
      const closed = /[\]}]/.test(doc.text.charAt(end - 1));
      return start < offset && (offset < end || (!closed && offset <= end)) ? { start, path } : undefined;
    }
    // a block collection holds its entries within its range: one not around the cursor holds no
    // flow collection around it either (completion stays O(depth) on thousands of systems)
    if ((isMap(node) || isSeq(node)) && (offset < node.range[0] || offset > node.range[2])) return undefined;
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const found = visit(pair.value as YamlNode | null, [...path, keyString(pair.key)]);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      const items = node.items as (YamlNode | null)[];
      for (let i = 0; i < items.length; i++) {
        const found = visit(items[i], [...path, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(root, []);
}

// ---------------------------------------------------------------------------------------------
// Flow YAML and JSON: a tolerant scanner from the start of the collection to the cursor.

interface FlowFrame {
  kind: 'map' | 'seq';
  path: Segment[];
  /** map: key → colon → value → after; seq: value → after. */
  state: 'key' | 'colon' | 'value' | 'after';
  key?: string;
  index: number;
}

interface Token {
  start: number;
  end: number;
  text: string;
  quoted: boolean;
  /** A quoted token without its closing quote. */
  open: boolean;
}

function readQuoted(text: string, i: number): Token {
  const q = text[i];
  let j = i + 1;
  let out = '';
  while (j < text.length) {
    const c = text[j];
    if (q === '"' && c === '\\' && text[j + 1] !== '\n' && text[j + 1] !== '\r') {
      out += text[j + 1] ?? '';
      j += 2;
      continue;
    }
    if (c === q) {
      if (q === "'" && text[j + 1] === "'") {
        out += "'";
        j += 2;
        continue;
      }
      return { start: i, end: j + 1, text: out, quoted: true, open: false };
    }
    // JSON strings end at the line; a YAML quoted string may continue, but an unterminated one
    // is far more likely while typing (a token never spans lines: completion replaces it)
    if (c === '\n' || c === '\r') return { start: i, end: j, text: out, quoted: true, open: true };
    out += c;
    j++;
  }
  return { start: i, end: j, text: out, quoted: true, open: true };
}

function readPlain(text: string, i: number, style: Style): Token {
  let j = i;
  while (j < text.length) {
    const c = text[j];
    if (c === '\n' || c === '\r' || c === ',' || c === '[' || c === ']' || c === '{' || c === '}') break;
    if (c === ':' && (style === 'json' || /[\s,[\]{}]/.test(text[j + 1] ?? ' '))) break;
    if (c === '#' && style !== 'json' && /\s/.test(text[j - 1] ?? ' ')) break;
    j++;
  }
  let end = j;
  while (end > i && /\s/.test(text[end - 1])) end--;
  return { start: i, end, text: text.slice(i, end), quoted: false, open: false };
}

/** The word right after the cursor (sticky, so no copy of the rest of the text). */
const WORD_AFTER = /[\w./-]*/y;

/** The rest of a line up to its break (LF, CRLF or a lone CR). */
const REST_OF_LINE = /[^\r\n]*/y;

function childPath(frame: FlowFrame | undefined, base: Segment[]): Segment[] {
  if (!frame) return base;
  return frame.kind === 'map' ? [...frame.path, frame.key ?? ''] : [...frame.path, frame.index];
}

function scanFlow(doc: LandscapeDocument, start: number, cursor: number, basePath: Segment[], style: Style): CursorContext | undefined {
  const text = doc.text;
  const stack: FlowFrame[] = [];
  const top = (): FlowFrame | undefined => stack[stack.length - 1];
  let started = false;
  let i = start;
  while (i < text.length) {
    const frame = top();
    if (started && !frame) return undefined; // the collection closed before the cursor
    const c = text[i];
    // a plain token that starts right at the cursor still contains it
    if (i > cursor || (i === cursor && /[\s,[\]{}:#"']/.test(c))) break;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#' && style !== 'json' && /\s/.test(text[i - 1] ?? '\n')) {
      REST_OF_LINE.lastIndex = i;
      const eol = i + REST_OF_LINE.exec(text)![0].length;
      if (cursor > i && cursor <= eol) return NONE;
      i = eol;
      continue;
    }
    if (c === '{' || c === '[') {
      if (i >= cursor) break;
      const path = childPath(frame, basePath);
      if (frame) frame.state = 'after';
      stack.push({ kind: c === '{' ? 'map' : 'seq', path, state: c === '{' ? 'key' : 'value', index: 0 });
      started = true;
      i++;
      continue;
    }
    if (!frame) {
      // before the first bracket (JSON: only whitespace is expected there)
      if (i >= cursor) break;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      if (i >= cursor) break;
      stack.pop();
      i++;
      continue;
    }
    if (c === ',') {
      if (i >= cursor) break;
      if (frame.kind === 'map') {
        frame.state = 'key';
        frame.key = undefined;
      } else {
        frame.index++;
        frame.state = 'value';
      }
      i++;
      continue;
    }
    if (c === ':') {
      if (i >= cursor) break;
      if (frame.kind === 'map') frame.state = 'value';
      i++;
      continue;
    }
    let token = c === '"' || c === "'" ? readQuoted(text, i) : readPlain(text, i, style);
    if (token.open && cursor > token.start && cursor <= token.end) {
      // an unterminated string being typed ends with the word at the cursor, not at the line end
      WORD_AFTER.lastIndex = cursor;
      const end = cursor + WORD_AFTER.exec(text)![0].length;
      token = { ...token, end, text: text.slice(token.start + 1, end) };
    }
    const within = token.quoted
      ? cursor > token.start && (cursor < token.end || (token.open && cursor <= token.end))
      : cursor >= token.start && cursor <= token.end;
    if (within) return tokenContext(doc, frame, token, cursor, style);
    if (token.start >= cursor) break;
    if (frame.kind === 'map') {
      if (frame.state === 'key' || frame.state === 'after') {
        frame.key = token.text;
        frame.state = 'colon';
      } else if (frame.state === 'value') frame.state = 'after';
    } else frame.state = 'after';
    i = Math.max(token.end, i + 1);
  }
  const frame = top();
  if (!frame) return undefined;
  const here = doc.lines.range(cursor, cursor);
  if (frame.kind === 'map') {
    if (frame.state === 'key' || frame.state === 'after') {
      return keyCtx(frame.path, '', here, '', false, false, style, 0, frame.state === 'after');
    }
    if (frame.state === 'value') return valueCtx([...frame.path, frame.key ?? ''], '', here, '', false, style, false, false);
    return NONE;
  }
  const after = frame.state === 'after';
  return valueCtx([...frame.path, after ? frame.index + 1 : frame.index], '', here, '', false, style, false, after);
}

function tokenContext(doc: LandscapeDocument, frame: FlowFrame, token: Token, cursor: number, style: Style): CursorContext {
  const range = doc.lines.range(token.start, token.end);
  const prefix = token.quoted ? token.text.slice(0, Math.max(0, cursor - token.start - 1)) : token.text.slice(0, cursor - token.start);
  if (frame.kind === 'map') {
    if (frame.state === 'key' || frame.state === 'after' || frame.state === 'colon') {
      const rest = doc.text.slice(token.end);
      const hasColon = /^[ \t]*:/.test(rest);
      return keyCtx(frame.path, token.text, range, prefix, hasColon, token.quoted, style, 0, frame.state !== 'key');
    }
    return valueCtx([...frame.path, frame.key ?? ''], token.text, range, prefix, token.quoted, style, false, false);
  }
  const after = frame.state === 'after';
  return valueCtx([...frame.path, after ? frame.index + 1 : frame.index], token.text, range, prefix, token.quoted, style, false, after);
}

function keyCtx(mapPath: Segment[], key: string, range: Range, prefix: string, hasColon: boolean, quoted: boolean, style: Style, column: number, needsCommaBefore: boolean): KeyContext {
  return { kind: 'key', mapPath, key, range, prefix, hasColon, quoted, style, column, needsCommaBefore };
}

function valueCtx(path: Segment[], text: string, range: Range, prefix: string, quoted: boolean, style: Style, needsDash: boolean, needsCommaBefore: boolean): ValueContext {
  return { kind: 'value', path, text, range, prefix, quoted, style, needsDash, needsCommaBefore };
}

// ---------------------------------------------------------------------------------------------
// Block YAML: the line under the cursor, and its parents by indentation.

/** One line of block YAML, split into its parts (columns are 0-based). */
export interface LineParts {
  indent: number;
  /** The line starts with `- ` (a block list item). */
  dash: boolean;
  /** Column where the content starts (after `- ` for list items). */
  contentCol: number;
  /** The key of a `key: value` entry. */
  key?: string;
  keyStart: number;
  keyEnd: number;
  keyQuoted: boolean;
  /** Column after `:` and its blanks, where the value starts. */
  valueStart: number;
  /** The value text without trailing comment and blanks. */
  value: string;
  valueEnd: number;
  /** Column of a trailing comment, or -1. */
  commentStart: number;
  blank: boolean;
}

/** The column of a YAML comment (`#` at the start or after a blank, outside quotes), or -1. */
export function commentColumn(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

/** Splits a line of block YAML into indentation, list dash, key and value. */
export function parseLine(line: string): LineParts {
  const commentStart = commentColumn(line);
  const code = commentStart >= 0 ? line.slice(0, commentStart) : line;
  const indent = code.length - code.trimStart().length;
  const blank = code.trim() === '';
  let contentCol = indent;
  let dash = false;
  const dashMatch = /^-(?:[ \t]+|$)/.exec(code.slice(indent));
  if (dashMatch) {
    dash = true;
    contentCol = indent + dashMatch[0].length;
  }
  const parts: LineParts = {
    indent,
    dash,
    contentCol,
    keyStart: contentCol,
    keyEnd: contentCol,
    keyQuoted: false,
    valueStart: contentCol,
    value: '',
    valueEnd: contentCol,
    commentStart,
    blank,
  };
  const content = code.slice(contentCol);
  let colon = -1;
  if (content.startsWith('"') || content.startsWith("'")) {
    const q = content[0];
    const close = content.indexOf(q, 1);
    if (close > 0 && /^[ \t]*:(?:[ \t]|$)/.test(content.slice(close + 1))) {
      colon = content.indexOf(':', close + 1);
      parts.key = content.slice(1, close);
      parts.keyQuoted = true;
      parts.keyEnd = contentCol + close + 1;
    }
  } else if (!/^[[{&*!|>]/.test(content)) {
    const m = /:(?:[ \t]|$)/.exec(content);
    if (m) {
      colon = m.index;
      const key = content.slice(0, colon).trimEnd();
      parts.key = key;
      parts.keyEnd = contentCol + key.length;
    }
  }
  if (colon >= 0) {
    let vs = contentCol + colon + 1;
    while (vs < code.length && /[ \t]/.test(code[vs])) vs++;
    parts.valueStart = vs;
  }
  const valueText = code.slice(parts.valueStart).trimEnd();
  parts.value = valueText;
  parts.valueEnd = parts.valueStart + valueText.length;
  return parts;
}

function isSkippable(p: LineParts, line: string): boolean {
  return p.blank || /^\s*(---|\.\.\.)\s*$/.test(line) || /^\s*%/.test(line);
}

/**
 * The path of the collection that holds an entry starting at `column` on line `lineNo`
 * (a map entry, a list item when `asItem`, or the cursor on an empty line).
 */
function parentPath(doc: LandscapeDocument, lineNo: number, column: number, asItem: boolean, depth = 0): Segment[] {
  if (depth > 64) return [];
  for (let j = lineNo - 1; j >= 0; j--) {
    // deeper lines (most of them, above a system's key) are passed over without reading them
    if (leadingBlanks(doc, j) > column) continue;
    const text = doc.lines.lineText(j);
    const p = parseLine(text);
    if (isSkippable(p, text)) continue;
    if (p.indent > column) continue;
    if (p.indent === column) {
      // `key:` followed by list items at the same column: the list belongs to that key
      if (asItem && !p.dash && p.key !== undefined && p.value === '') return [...parentPath(doc, j, p.indent, false, depth + 1), p.key];
      continue;
    }
    if (p.dash) {
      const seqPath = parentPath(doc, j, p.indent, true, depth + 1);
      const index = itemIndex(doc, j, p.indent);
      if (p.key !== undefined && column > p.contentCol && p.value === '') return [...seqPath, index, p.key];
      return [...seqPath, index];
    }
    if (p.key !== undefined) return [...parentPath(doc, j, p.indent, false, depth + 1), p.key];
    // a plain scalar continuation or something unexpected: keep looking
  }
  return [];
}

/** Spaces and tabs at the start of a line (its indentation is at least this). */
function leadingBlanks(doc: LandscapeDocument, line: number): number {
  const text = doc.text;
  const start = doc.lines.lineStart(line);
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return i - start;
    i++;
  }
}

/** Index of the list item on line `lineNo` whose dash is at `column`. */
function itemIndex(doc: LandscapeDocument, lineNo: number, column: number): number {
  let index = 0;
  for (let j = lineNo - 1; j >= 0; j--) {
    const text = doc.lines.lineText(j);
    const p = parseLine(text);
    if (isSkippable(p, text)) continue;
    if (p.indent < column) break;
    if (p.indent === column) {
      if (!p.dash) break;
      index++;
    }
  }
  return index;
}

/** The plain value at a path of the document, if any. */
export function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return cur;
}

function blockContext(doc: LandscapeDocument, position: Position, cursorOffset: number): CursorContext {
  const lineNo = position.line;
  const line = doc.lines.lineText(lineNo);
  const col = Math.min(position.character, line.length);
  const lineOffset = doc.lines.lineStart(lineNo);
  const offset = Math.min(cursorOffset, lineOffset + col);
  const p = parseLine(line);
  const at = (c: number): Position => ({ line: lineNo, character: c });
  const span = (a: number, b: number): Range => ({ start: at(a), end: at(b) });
  if (p.commentStart >= 0 && col > p.commentStart) return NONE;

  // an empty line: a new key of the map the cursor's column belongs to (or a new list item)
  if (p.blank) {
    const mapPath = parentPath(doc, lineNo, col, false);
    const existing = valueAt(doc.value, mapPath);
    const isList = Array.isArray(existing) || (existing == null && listSiblingAt(doc, lineNo, col));
    if (isList) {
      const count = Array.isArray(existing) ? existing.length : 0;
      return valueCtx([...mapPath, count], '', span(col, col), '', false, 'block', true, false);
    }
    return keyCtx(mapPath, '', span(col, col), '', false, false, 'block', col, false);
  }

  if (p.dash && col >= p.contentCol) {
    const seqPath = parentPath(doc, lineNo, p.indent, true);
    const index = itemIndex(doc, lineNo, p.indent);
    if (p.key === undefined) {
      if (/^[[{]/.test(p.value)) return scanFlow(doc, lineOffset + p.valueStart, offset, [...seqPath, index], 'flow') ?? NONE;
      const text = unquote(p.value);
      const range = span(Math.min(p.valueStart, col), Math.max(p.valueEnd, col));
      const quoted = text.length !== p.value.length;
      const prefix = text.slice(0, Math.max(0, col - p.valueStart - (quoted ? 1 : 0)));
      return valueCtx([...seqPath, index], text, range, prefix, quoted, 'block', false, false);
    }
    return entryContext(doc, p, col, offset, lineOffset, [...seqPath, index], span);
  }
  if (p.dash) return NONE;
  if (col < p.indent) return NONE; // in the indentation of a non-empty line
  return entryContext(doc, p, col, offset, lineOffset, parentPath(doc, lineNo, p.contentCol, false), span);
}

/** Whether list items sit at this column right above or below (so a new line there is an item). */
function listSiblingAt(doc: LandscapeDocument, lineNo: number, column: number): boolean {
  for (const dir of [-1, 1]) {
    for (let j = lineNo + dir; j >= 0 && j < doc.lines.lineCount; j += dir) {
      const text = doc.lines.lineText(j);
      const p = parseLine(text);
      if (isSkippable(p, text)) continue;
      if (p.indent === column && p.dash) return true;
      break;
    }
  }
  return false;
}

function unquote(v: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"?$/.exec(v) ?? /^'((?:[^']|'')*)'?$/.exec(v);
  return m ? m[1] : v;
}

/** A `key: value` entry (or a key being typed) of the map at `mapPath`. */
function entryContext(
  doc: LandscapeDocument,
  p: LineParts,
  col: number,
  offset: number,
  lineOffset: number,
  mapPath: Segment[],
  span: (a: number, b: number) => Range,
): CursorContext {
  if (p.key === undefined) {
    // a key without its colon yet: `    ro`
    const word = p.value;
    if (/^[[{]/.test(word)) return NONE;
    return keyCtx(mapPath, word, span(Math.min(p.contentCol, col), Math.max(p.valueEnd, col)), word.slice(0, col - p.contentCol), false, false, 'block', p.contentCol, false);
  }
  if (col <= p.keyEnd) {
    const prefix = p.keyQuoted ? p.key.slice(0, Math.max(0, col - p.keyStart - 1)) : p.key.slice(0, col - p.keyStart);
    return keyCtx(mapPath, p.key, span(p.keyStart, p.keyEnd), prefix, true, p.keyQuoted, 'block', p.contentCol, false);
  }
  const path = [...mapPath, p.key];
  if (/^[[{]/.test(p.value) && col > p.valueStart) return scanFlow(doc, lineOffset + p.valueStart, offset, path, 'flow') ?? NONE;
  if (/^[|>]/.test(p.value) || /^[&*!]/.test(p.value)) return NONE;
  const text = unquote(p.value);
  const quoted = text.length !== p.value.length;
  const end = Math.max(p.valueEnd, col);
  const prefix = col <= p.valueStart ? '' : text.slice(0, Math.max(0, col - p.valueStart - (quoted ? 1 : 0)));
  return valueCtx(path, text, span(Math.min(p.valueStart, col), end), prefix, quoted, 'block', false, false);
}
