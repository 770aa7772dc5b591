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
}

/** Where the lines of the header text (everything but the entries) are in the file. */
interface Segment {
  headerStart: number;
  start: number;
  length: number;
  headerLine: number;
  line: number;
}

function scanLines(text: string): Lines | undefined {
  const starts: number[] = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  const count = starts.length;
  const ends = new Int32Array(count);
  const indents = new Int32Array(count);
  const kinds = new Uint8Array(count);
  for (let l = 0; l < count; l++) {
    const start = starts[l];
    let end = l + 1 < count ? starts[l + 1] - 1 : n;
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

/** Splits a file into header lines and entry blocks; undefined when it must be parsed whole. */
function layoutOf(text: string): { blocks: Map<string, BlockSpan[]>; segments: Segment[]; header: string; starts: number[] } | undefined {
  const lines = scanLines(text);
  if (!lines) return undefined;
  const { count, starts, ends, indents, kinds } = lines;
  const next = (l: number): number => (l + 1 < count ? starts[l + 1] : text.length);
  const blocks = new Map<string, BlockSpan[]>();
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
  return { blocks, segments, header, starts };
}

/** Moves every range of a tree through a map of offsets, in place (no allocation per node). */
function shiftNodes(root: unknown, map: (offset: number) => number): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop() as (YamlNode & { items?: unknown[]; key?: unknown; value?: unknown }) | null | undefined;
    if (!node || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    const r = node.range;
    if (r) {
      r[0] = map(r[0]);
      r[1] = map(r[1]);
      r[2] = map(r[2]);
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) stack.push(item);
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
  /** Entries parsed (not reused) for the last version. */
  lastParsed = 0;
  /**
   * Everything of the last assembled version but the systems' own blocks (the header and the
   * user and track entries): what a system's findings may depend on besides its own block.
   */
  lastSignature = '';
  /** The block of every entry of the last assembled version: key → entry key → lines. */
  readonly blockLines = new Map<string, Map<string, { startLine: number; endLine: number }>>();

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

  private entryFor(uri: string, text: string): BlockEntry {
    const pool = this.entries.get(text);
    const free = pool?.find((e) => e.used !== this.version);
    if (free) {
      free.used = this.version;
      return free;
    }
    this.lastParsed++;
    const entry = { doc: new LandscapeDocument(uri, text, { format: 'yaml', maxFileSize: Number.MAX_SAFE_INTEGER }), base: 0, used: this.version };
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
    const layout = layoutOf(text);
    if (!layout) return undefined;
    this.version++;
    this.lastParsed = 0;

    // the header (a few lines) is parsed each time; its offsets map back through the segments
    const header = new LandscapeDocument(uri, layout.header, { format: 'yaml', maxFileSize: Number.MAX_SAFE_INTEGER });
    if (!clean(header) || !isMap(header.yaml!.contents)) return undefined;
    const segs = layout.segments;
    // the segment a header offset (or line) lies in: the last one starting at or before it
    const segmentAt = (h: number, from: (seg: Segment) => number): Segment => {
      let lo = 0;
      let hi = segs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (from(segs[mid]) <= h) lo = mid;
        else hi = mid - 1;
      }
      return segs[lo];
    };
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
    const lineStarts: number[] = [];
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
      for (const span of spans) {
        const blockText = text.slice(span.start, span.end);
        if (key !== 'systems') signature.push(blockText);
        const entry = this.entryFor(uri, blockText);
        const doc = entry.doc;
        if (!clean(doc) || !isMap(doc.yaml!.contents) || (doc.yaml!.contents as YAMLMap).items.length !== 1) return undefined;
        if (entry.base !== span.start) {
          const delta = span.start - entry.base;
          shiftNodes(doc.yaml!.contents, (o) => o + delta);
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
        for (const k of Object.keys(v)) {
          Object.defineProperty(obj, k, { value: v[k], enumerable: true, writable: true, configurable: true });
          lines.set(k, { startLine: span.startLine, endLine: span.endLine });
        }
        lineStarts.push(span.start);
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
    // forget entries this version did not use: memory follows the file
    for (const [t, pool] of this.entries) {
      const kept = pool.filter((e) => e.used === this.version);
      if (!kept.length) this.entries.delete(t);
      else if (kept.length !== pool.length) this.entries.set(t, kept);
    }
    this.lastSignature = signature.join('\u0000');
    const doc = new LandscapeDocument(uri, text, options, { yaml: header.yaml!, value, parseFindings: [], lineStarts: layout.starts });
    // duplicate-key findings were made with offsets (line -1): now the file's line index exists
    for (const f of parseFindings) {
      doc.parseFindings.push(f.range.start.line === -1 ? { ...f, range: doc.lines.range(f.range.start.character, f.range.end.character) } : f);
    }
    return doc;
  }
}
