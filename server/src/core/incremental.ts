import { isAlias, isMap, isPair, isScalar, isSeq, visit, YAMLMap } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { keyTextAt, LandscapeDocument } from './document';
import type { ParseOptions } from './document';
import type { Finding } from './types';

/**
 * Incremental parsing of YAML landscape files: the cost of an edit follows the edit, not the file.
 *
 * A landscape is a few top-level keys, and three of them (`systems`, `communicationUsers`,
 * `tracks`) hold one entry per system, user or track: independent blocks of lines. Each entry is
 * parsed on its own and cached by its text; an edit re-parses only the entries whose text changed
 * (plus the few header lines), and the syntax tree, the value and the parse findings of the whole
 * file are assembled from the parts — equal to a full parse, which a property test checks after
 * every random edit. Whenever that equality could not be guaranteed the file is parsed whole:
 * JSON, anchors or aliases (they may cross blocks), syntax errors anywhere, directives or several
 * documents, tabs in indentation, flow style or unusual keys at the top levels.
 */

/** Top-level keys whose entries are parsed one by one. */
const SPLIT_KEYS = new Set(['systems', 'communicationUsers', 'tracks']);
/** A top-level key line this parser understands: a plain key, then nothing or a comment. */
const TOP_KEY = /^([A-Za-z_$][\w$-]*)[ \t]*:(?:[ \t]|$)/;
/** The first character of an entry line that is a plain or quoted key (not a list, flow or property). */
const ENTRY_START = /^[A-Za-z0-9_$"'./(]/;

/** The lines of a text, as parallel arrays (no object per line: files have 100,000s of lines). */
interface Lines {
  count: number;
  /** Start offsets (for the LineIndex of the whole file, too). */
  starts: number[];
  /** End of each line's content (before its line break). */
  ends: Int32Array;
  indents: Int32Array;
  /** 0 blank, 1 comment, 2 content. */
  kinds: Uint8Array;
}

const BLANK = 0;
const CONTENT = 2;

/** One entry of a split key: a run of whole lines, from its key line to the next entry. */
interface BlockSpan {
  key: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

/** A parsed entry, reused while its text is unchanged; its tree's offsets follow it around. */
interface BlockEntry {
  doc: LandscapeDocument;
  /** The offset its tree's ranges are currently shifted to. */
  base: number;
  /** The version that last used it (an identical text used twice in one version parses twice). */
  used: number;
  /** Parsed cleanly into a map of one entry (see `clean`); computed once. */
  ok: boolean;
  /** Its text (the key of its pool). */
  text: string;
  /** Every range array of its tree, collected once: moving the entry is a loop over these. */
  ranges: number[][];
  /** The keys of its value. */
  keys: string[];
}

/** How a file is split: its lines, the entries of the split keys, and the header around them. */
interface Layout {
  lines: Lines;
  blocks: Map<string, BlockSpan[]>;
  /** The indentation of the entries of each split key. */
  childIndents: Map<string, number>;
  segments: Segment[];
  header: string;
  starts: number[];
  /** Set when this layout was derived from the last one: the only entry whose text changed. */
  edited: { key: string; index: number } | undefined;
}

/** Where the lines of the header text (everything but the entries) are in the file. */
interface Segment {
  headerStart: number;
  start: number;
  length: number;
  headerLine: number;
  line: number;
}

/**
 * The lines starting in [from, to) of a text (`from` a line start, `to` a line start or the end);
 * undefined when a line is indented with a tab (the full parser reports it).
 */
function scanRange(text: string, from: number, to: number, endsFile: boolean): Lines | undefined {
  const starts: number[] = [from];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  // a break just before `to` starts the line after the range — unless the range ends the file:
  // then it is the file's last (empty) line. `to === text.length` alone does not tell: a range
  // that ends where the file's last, empty line starts does not include that line.
  if (starts.length > 1 && starts[starts.length - 1] === to && !endsFile) starts.pop();
  const count = starts.length;
  const ends = new Int32Array(count);
  const indents = new Int32Array(count);
  const kinds = new Uint8Array(count);
  for (let l = 0; l < count; l++) {
    const start = starts[l];
    let end = l + 1 < count ? starts[l + 1] - 1 : lineEndFrom(text, start);
    if (l + 1 < count && end > start && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
    ends[l] = end;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    // a tab before the content: YAML forbids it as indentation; the full parser reports it
    if (i < end && text.charCodeAt(i) === 9) return undefined;
    indents[l] = i - start;
    kinds[l] = i === end ? BLANK : text.charCodeAt(i) === 35 /* # */ ? 1 : CONTENT;
  }
  return { count, starts, ends, indents, kinds };
}

/** Where the content of the line starting at `start` ends (before its line break). */
function lineEndFrom(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
    if (c === 13 && text.charCodeAt(i + 1) !== 10) return i;
  }
  return text.length;
}

function scanLines(text: string): Lines | undefined {
  return scanRange(text, 0, text.length, true);
}

/** Splits a file into header lines and entry blocks; undefined when it must be parsed whole. */
function layoutOf(text: string): Layout | undefined {
  const lines = scanLines(text);
  if (!lines) return undefined;
  const { count, starts, ends, indents, kinds } = lines;
  const next = (l: number): number => (l + 1 < count ? starts[l + 1] : text.length);
  const blocks = new Map<string, BlockSpan[]>();
  const childIndents = new Map<string, number>();
  const inBlock = new Uint8Array(count);
  for (let l = 0; l < count; l++) {
    if (kinds[l] !== CONTENT || indents[l] > 0) continue;
    const lineText = text.slice(starts[l], ends[l]);
    const m = TOP_KEY.exec(lineText);
    if (!m) return undefined; // `---`, `%YAML`, `- x`, `{…}`, a quoted or complex key: parse whole
    const key = m[1];
    const rest = lineText.slice(m[0].length).trim();
    if (!SPLIT_KEYS.has(key) || (rest !== '' && !rest.startsWith('#'))) continue;
    if (blocks.has(key)) return undefined; // written twice: the full parser reports it
    // the key's body: the lines up to the next top-level content line
    let end = l + 1;
    while (end < count && !(kinds[end] === CONTENT && indents[end] === 0)) end++;
    let first = l + 1;
    while (first < end && kinds[first] !== CONTENT) first++;
    if (first === end) continue; // nothing but comments: the header keeps it
    const childIndent = indents[first];
    const spans: BlockSpan[] = [];
    for (let k = first; k < end; k++) {
      if (kinds[k] !== CONTENT) continue;
      if (indents[k] < childIndent) return undefined;
      if (indents[k] > childIndent) continue;
      if (!ENTRY_START.test(text.charAt(starts[k] + indents[k]))) return undefined;
      spans.push({ key, start: starts[k], end: 0, startLine: k, endLine: k });
    }
    // each entry runs to the next one; the last to the end of the body (comment lines included)
    for (let i = 0; i < spans.length; i++) {
      const endLine = i + 1 < spans.length ? spans[i + 1].startLine - 1 : end - 1;
      spans[i].endLine = endLine;
      spans[i].end = next(endLine);
      for (let k = spans[i].startLine; k <= endLine; k++) inBlock[k] = 1;
    }
    blocks.set(key, spans);
    childIndents.set(key, childIndent);
  }
  if (!blocks.size) return undefined;
  // the header: every line outside the blocks, in order, with where each run of lines came from
  const segments: Segment[] = [];
  let header = '';
  let headerLine = 0;
  for (let l = 0; l < count;) {
    if (inBlock[l]) {
      l++;
      continue;
    }
    let k = l;
    while (k < count && !inBlock[k]) k++;
    const start = starts[l];
    const length = next(k - 1) - start;
    segments.push({ headerStart: header.length, start, length, headerLine, line: l });
    header += text.slice(start, start + length);
    headerLine += k - l;
    l = k;
  }
  return { lines, blocks, childIndents, segments, header, starts, edited: undefined };
}

/** Where the text of a new version differs from the last one: the old offsets [from, oldTo) became [from, newTo). */
interface TextChange {
  from: number;
  oldTo: number;
  newTo: number;
}

/** The changed part of a text, from the common prefix and suffix of the two versions. */
function changeBetween(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let p = 0;
  // long runs compare in chunks (memcmp), the rest char by char
  for (let step = 65536; step >= 1; step >>= 4) {
    while (p + step <= max && before.slice(p, p + step) === after.slice(p, p + step)) p += step;
  }
  let q = 0;
  const room = max - p;
  for (let step = 65536; step >= 1; step >>= 4) {
    while (q + step <= room && before.slice(before.length - q - step, before.length - q) === after.slice(after.length - q - step, after.length - q)) q += step;
  }
  return { from: p, oldTo: before.length - q, newTo: after.length - q };
}

/** The last index i < count whose `at(i)` is at or before `target` (0 when none is; `at` ascending). */
function lastAtOrBefore(count: number, at: (i: number) => number, target: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at(mid) <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The index of the last span starting at or before a line. */
function spanAt(spans: readonly BlockSpan[], line: number): number {
  return lastAtOrBefore(spans.length, (i) => spans[i].startLine, line);
}

/** The line containing an offset: the last line starting at or before it. */
function lineOf(starts: readonly number[], offset: number): number {
  return lastAtOrBefore(starts.length, (i) => starts[i], offset);
}

/**
 * The layout of a new version from the last one when the edit stays inside one entry and keeps
 * the lines that delimit entries (an entry's first line, the top-level keys) as they were: only
 * the edited lines are scanned again and everything after them is moved. Undefined otherwise (the
 * caller lays the file out from scratch).
 */
function updateLayout(prev: Layout, before: string, text: string): Layout | undefined {
  if (before === text) return { ...prev, edited: { key: '', index: -1 } };
  const change = changeBetween(before, text);
  const delta = change.newTo - change.oldTo;
  const old = prev.lines;
  // the edited lines: from the line of the character before the change to the line of the first
  // unchanged character after it (a line break on either side stays a line break)
  const first = lineOf(old.starts, Math.max(0, change.from - 1));
  const last = lineOf(old.starts, change.oldTo);
  const oldEnd = last + 1 < old.count ? old.starts[last + 1] : before.length;
  const newEnd = last + 1 < old.count ? oldEnd + delta : text.length;
  // the entry the edit lies in
  let span: BlockSpan | undefined;
  let index = -1;
  let childIndent = 0;
  for (const [key, spans] of prev.blocks) {
    const i = spanAt(spans, first);
    const cand = spans[i];
    if (cand && cand.startLine <= first && last <= cand.endLine) {
      span = cand;
      index = i;
      childIndent = prev.childIndents.get(key)!;
      break;
    }
  }
  if (!span) return undefined;
  const fresh = scanRange(text, old.starts[first], newEnd, last + 1 >= old.count);
  if (!fresh) return undefined;
  // the new lines must not start, end or split an entry
  for (let l = 0; l < fresh.count; l++) {
    const structural = fresh.kinds[l] === CONTENT && fresh.indents[l] <= childIndent;
    if (l === 0 && first === span.startLine) {
      if (!(fresh.kinds[l] === CONTENT && fresh.indents[l] === childIndent && ENTRY_START.test(text.charAt(fresh.starts[l] + childIndent)))) return undefined;
    } else if (structural) return undefined;
  }
  const lineDelta = fresh.count - (last - first + 1);
  const count = old.count + lineDelta;
  const starts = old.starts.slice(0, first);
  for (let l = 0; l < fresh.count; l++) starts.push(fresh.starts[l]);
  for (let l = last + 1; l < old.count; l++) starts.push(old.starts[l] + delta);
  const ends = new Int32Array(count);
  const indents = new Int32Array(count);
  const kinds = new Uint8Array(count);
  ends.set(old.ends.subarray(0, first));
  indents.set(old.indents.subarray(0, first));
  kinds.set(old.kinds.subarray(0, first));
  ends.set(fresh.ends, first);
  indents.set(fresh.indents, first);
  kinds.set(fresh.kinds, first);
  const after = first + fresh.count;
  for (let l = last + 1; l < old.count; l++) ends[l + lineDelta] = old.ends[l] + delta;
  indents.set(old.indents.subarray(last + 1), after);
  kinds.set(old.kinds.subarray(last + 1), after);
  // entries after the edited one move; the edited one grows or shrinks
  const edited = span;
  const blocks = new Map<string, BlockSpan[]>();
  for (const [key, spans] of prev.blocks) {
    blocks.set(key, spans.map((x) => (x === edited
      ? { ...x, endLine: x.endLine + lineDelta, end: x.end + delta }
      : x.startLine > edited.startLine
        ? { key: x.key, start: x.start + delta, end: x.end + delta, startLine: x.startLine + lineDelta, endLine: x.endLine + lineDelta }
        : x)));
  }
  const segments = prev.segments.map((g) => (g.line > edited.startLine ? { ...g, start: g.start + delta, line: g.line + lineDelta } : g));
  return {
    lines: { count, starts, ends, indents, kinds },
    blocks,
    childIndents: prev.childIndents,
    segments,
    header: prev.header,
    starts,
    edited: { key: edited.key, index },
  };
}

/** Every range array of a tree (pairs have none of their own). */
function rangesOf(root: unknown): number[][] {
  const out: number[][] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop() as (YamlNode & { items?: unknown[]; key?: unknown; value?: unknown }) | null | undefined;
    if (!node || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (node.range) out.push(node.range as unknown as number[]);
    if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) stack.push(item);
  }
  return out;
}

/** Moves every range of a tree through a map of offsets, in place. */
function shiftNodes(root: unknown, map: (offset: number) => number): void {
  for (const r of rangesOf(root)) {
    r[0] = map(r[0]);
    r[1] = map(r[1]);
    r[2] = map(r[2]);
  }
}

/** A range moved by whole lines (characters unchanged: a moved block starts at a line start). */
export function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function hasAnchorOrAlias(doc: LandscapeDocument): boolean {
  if (!doc.text.includes('&') && !doc.text.includes('*')) return false;
  let found = false;
  visit(doc.yaml!, {
    Node(_key, node) {
      if (isAlias(node) || node.anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** True when a part parsed cleanly: no syntax error, no duplicate key (findings about keys are fine). */
function clean(doc: LandscapeDocument): boolean {
  return doc.yaml !== undefined && doc.yaml.errors.length === 0 && doc.value !== undefined && doc.parseFindings.every((f) => f.ruleId === 'schema') && !hasAnchorOrAlias(doc);
}

/**
 * The per-file state of the incremental parser: parsed entries by their text. Keep one per open
 * document; `parse` gives the document of each new version.
 */
export class IncrementalParser {
  private readonly entries = new Map<string, BlockEntry[]>();
  private version = 0;
  /** How the last version was parsed: 'blocks' (assembled) or 'whole' (fallback), for tests and logs. */
  lastMode: 'blocks' | 'whole' = 'whole';
  /** Whether the last version's lines were laid out from the previous one ('updated') or scanned whole, for tests. */
  lastLayout: 'updated' | 'scanned' = 'scanned';
  /** Entries parsed (not reused) for the last version. */
  lastParsed = 0;
  /**
   * Everything of the last assembled version but the systems' own blocks (the header and the
   * user and track entries): what a system's findings may depend on besides its own block.
   */
  lastSignature = '';
  /** The block of every entry of the last assembled version: key → entry key → lines. */
  readonly blockLines = new Map<string, Map<string, { startLine: number; endLine: number }>>();
  /** The last assembled version: its text, layout and the entry of each span (by key, in order). */
  private prev: { text: string; layout: Layout; entries: Map<string, BlockEntry[]> } | undefined;

  parse(uri: string, text: string, options: ParseOptions = {}): LandscapeDocument {
    const doc = this.assemble(uri, text, options);
    if (doc) {
      this.lastMode = 'blocks';
      return doc;
    }
    // the parsed entries stay: the next version is likely assembled again from most of them
    this.lastMode = 'whole';
    this.blockLines.clear();
    return new LandscapeDocument(uri, text, options);
  }

  private forget(entry: BlockEntry): void {
    const pool = this.entries.get(entry.text);
    if (!pool) return;
    const kept = pool.filter((e) => e !== entry);
    if (kept.length) this.entries.set(entry.text, kept);
    else this.entries.delete(entry.text);
  }

  private entryFor(uri: string, text: string): BlockEntry {
    const pool = this.entries.get(text);
    const free = pool?.find((e) => e.used !== this.version);
    if (free) {
      free.used = this.version;
      return free;
    }
    this.lastParsed++;
    const doc = new LandscapeDocument(uri, text, { format: 'yaml', maxFileSize: Number.MAX_SAFE_INTEGER });
    const ok = clean(doc) && isMap(doc.yaml!.contents) && (doc.yaml!.contents as YAMLMap).items.length === 1;
    const entry: BlockEntry = { doc, base: 0, used: this.version, ok, text, ranges: ok ? rangesOf(doc.yaml!.contents) : [], keys: ok ? Object.keys(doc.value as object) : [] };
    if (pool) pool.push(entry);
    else this.entries.set(text, [entry]);
    return entry;
  }

  private assemble(uri: string, text: string, options: ParseOptions): LandscapeDocument | undefined {
    const format = options.format ?? (/\.json$/i.test(uri) ? 'json' : 'yaml');
    if (format !== 'yaml') return undefined;
    const maxSize = options.maxFileSize;
    // over the limit (or near it) the full path reports it
    if (maxSize !== undefined && text.length * 3 > maxSize && Buffer.byteLength(text, 'utf8') > maxSize) return undefined;
    const prev = this.prev;
    this.prev = undefined;
    const updated = prev && updateLayout(prev.layout, prev.text, text);
    const layout = updated || layoutOf(text);
    this.lastLayout = updated ? 'updated' : 'scanned';
    if (!layout) return undefined;
    // the entries of the last version by position: reused without slicing when the layout says
    // their text is unchanged
    const reusable = layout.edited && prev ? prev.entries : undefined;
    const keepSignature = layout.edited !== undefined && (layout.edited.key === 'systems' || layout.edited.key === '') && prev !== undefined;
    const entriesByKey = new Map<string, BlockEntry[]>();
    this.version++;
    this.lastParsed = 0;

    // the header (a few lines) is parsed each time; its offsets map back through the segments
    const header = new LandscapeDocument(uri, layout.header, { format: 'yaml', maxFileSize: Number.MAX_SAFE_INTEGER });
    if (!clean(header) || !isMap(header.yaml!.contents)) return undefined;
    const segs = layout.segments;
    // the segment a header offset (or line) lies in: the last one starting at or before it
    const segmentAt = (h: number, from: (seg: Segment) => number): Segment => segs[lastAtOrBefore(segs.length, (i) => from(segs[i]), h)];
    const toFile = (h: number): number => {
      const seg = segmentAt(h, (x) => x.headerStart);
      return seg.start + (h - seg.headerStart);
    };
    const lineToFile = (h: number): number => {
      const seg = segmentAt(h, (x) => x.headerLine);
      return seg.line + (h - seg.headerLine);
    };
    shiftNodes(header.yaml!.contents, toFile);
    const parseFindings: Finding[] = header.parseFindings.map((f) => ({ ...f, range: { start: { line: lineToFile(f.range.start.line), character: f.range.start.character }, end: { line: lineToFile(f.range.end.line), character: f.range.end.character } } }));

    const signature: string[] = [layout.header];
    const root = header.yaml!.contents as YAMLMap;
    const value = header.value as Record<string, unknown>;
    if (!value || typeof value !== 'object') return undefined;
    this.blockLines.clear();
    for (const [key, spans] of layout.blocks) {
      const pair = (root.items as Pair[]).find((p) => isScalar(p.key) && (p.key as Scalar).value === key);
      if (!pair || (pair.value !== null && !(isScalar(pair.value) && (pair.value as Scalar).value === null))) return undefined;
      const map = new YAMLMap();
      const obj: Record<string, unknown> = {};
      const seen = new Map<unknown, boolean>();
      const lines = new Map<string, { startLine: number; endLine: number }>();
      let lastRoot: YAMLMap | undefined;
      let firstRoot: YAMLMap | undefined;
      const used: BlockEntry[] = [];
      entriesByKey.set(key, used);
      const before = reusable?.get(key);
      for (let i = 0; i < spans.length; i++) {
        const span = spans[i];
        const same = before && !(layout.edited!.key === key && layout.edited!.index === i) ? before[i] : undefined;
        let entry: BlockEntry;
        if (same && same.used !== this.version) {
          same.used = this.version;
          entry = same;
          if (key !== 'systems' && !keepSignature) signature.push(text.slice(span.start, span.end));
        } else {
          const blockText = text.slice(span.start, span.end);
          if (key !== 'systems' && !keepSignature) signature.push(blockText);
          entry = this.entryFor(uri, blockText);
        }
        used.push(entry);
        const doc = entry.doc;
        if (!entry.ok) return undefined;
        if (entry.base !== span.start) {
          const delta = span.start - entry.base;
          for (const r of entry.ranges) {
            r[0] += delta;
            r[1] += delta;
            r[2] += delta;
          }
          entry.base = span.start;
        }
        lastRoot = doc.yaml!.contents as YAMLMap;
        firstRoot ??= lastRoot;
        const item = lastRoot.items[0] as Pair;
        map.items.push(item);
        for (const f of doc.parseFindings) parseFindings.push({ ...f, range: shiftRange(f.range, span.startLine) });
        const keyNode = item.key as YamlNode | null;
        const raw = isScalar(keyNode) ? (keyNode as Scalar).value : undefined;
        if (keyNode?.range && isScalar(keyNode)) {
          if (seen.has(raw)) {
            // the full parser reports the later of two equal keys
            const start = keyNode.range[0];
            const keyText = keyTextAt(text, start);
            parseFindings.push({
              ruleId: 'duplicate-key',
              severity: 'error',
              message: `Duplicate key '${keyText.replace(/^(["'])(.*)\1$/, '$2')}': a key may appear only once in a map (the later one would silently win)`,
              range: { start: { line: -1, character: start }, end: { line: -1, character: start + keyText.length } },
              system: null,
            });
          }
          seen.set(raw, true);
        }
        const v = doc.value as Record<string, unknown>;
        for (const k of entry.keys) {
          // an own property even for `__proto__` (an assignment would set the prototype)
          if (k === '__proto__') Object.defineProperty(obj, k, { value: v[k], enumerable: true, writable: true, configurable: true });
          else obj[k] = v[k];
          lines.set(k, span);
        }
      }
      // as the YAML parser ranges a block map: from its first key; its value ends where its last
      // value's node ends, the node itself after the comments up to the next content
      const lastPair = lastRoot!.items[0] as Pair;
      const lastNode = ((lastPair.value as YamlNode | null) ?? (lastPair.key as YamlNode)).range!;
      const bodyEnd = spans[spans.length - 1].end;
      map.range = [firstRoot!.range![0], lastNode[2], bodyEnd];
      if (root.range && root.items[root.items.length - 1] === pair) root.range = [root.range[0], bodyEnd, Math.max(root.range[2], bodyEnd)];
      else if (root.range) root.range = [root.range[0], root.range[1], Math.max(root.range[2], bodyEnd)];
      pair.value = map;
      Object.defineProperty(value, key, { value: obj, enumerable: true, writable: true, configurable: true });
      this.blockLines.set(key, lines);
    }
    // forget entries this version did not use: memory follows the file (after an edit inside one
    // entry only the edited entry's old parse can be unused)
    const replaced = layout.edited && reusable?.get(layout.edited.key)?.[layout.edited.index];
    if (layout.edited && prev) {
      if (replaced && replaced.used !== this.version) this.forget(replaced);
    } else {
      for (const [t, pool] of this.entries) {
        const kept = pool.filter((e) => e.used === this.version);
        if (!kept.length) this.entries.delete(t);
        else if (kept.length !== pool.length) this.entries.set(t, kept);
      }
    }
    if (!keepSignature) this.lastSignature = signature.join('\u0000');
    this.prev = { text, layout, entries: entriesByKey };
    const doc = new LandscapeDocument(uri, text, options, { yaml: header.yaml!, value, parseFindings: [], lineStarts: layout.starts });
    // duplicate-key findings were made with offsets (line -1): now the file's line index exists
    for (const f of parseFindings) {
      doc.parseFindings.push(f.range.start.line === -1 ? { ...f, range: doc.lines.range(f.range.start.character, f.range.end.character) } : f);
    }
    return doc;
  }
}
