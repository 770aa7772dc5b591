import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, Scalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { checkJsonSyntax } from './jsonCheck';
import type { JsonSyntaxError } from './jsonCheck';
import { DOCUMENT_START, LineIndex } from './positions';
import type { Finding, NodePath } from './types';

/** What core/incremental.ts assembles from blocks parsed one by one (no aliases in any of them). */
export interface AssembledParts {
  yaml: Document.Parsed;
  value: unknown;
  parseFindings: Finding[];
  /** Line start offsets of the text (0 first). */
  lineStarts?: number[];
}

/** File format of a landscape file, decided by its name. */
export type LandscapeFormat = 'yaml' | 'json';

export interface ParseOptions {
  /** Files larger than this many bytes are not parsed. */
  maxFileSize?: number;
  /**
   * Billion-laughs guard: aliases may add at most the larger of this many nodes and ten times the
   * document's own nodes (so a shared list reused by thousands of systems is fine).
   */
  maxAliasNodes?: number;
  /** The format when the name does not tell (an untitled editor with a JSON language id). */
  format?: LandscapeFormat;
}

/**
 * Files larger than this many bytes are not parsed (one `file-too-large` warning instead; the CLI
 * then fails). 64 MiB: a landscape of 20,000 systems is about 22 MB, so real landscapes are always
 * checked; the limit only keeps a stray multi-gigabyte file from being loaded.
 */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;
export const DEFAULT_MAX_ALIAS_NODES = 10_000;

/**
 * Keys whose scalar values are version strings or free text: an unquoted `2.0` or `3` there is
 * read from its source text, never as a number (spec §1).
 */
const TEXT_KEYS = new Set(['release', 'basis', 'description', 'landscape', 'type', 'user', 'backendUser', 'communicationUser']);
/** Keys whose children are all text (component versions). */
const TEXT_CHILDREN_KEYS = new Set(['components']);

export function formatOf(uri: string): LandscapeFormat {
  return /\.json$/i.test(uri) ? 'json' : 'yaml';
}

/**
 * A parsed landscape file: its text, the YAML syntax tree with positions, and the plain value
 * that schema validation and rules read. Every range a rule reports comes from here.
 */
export class LandscapeDocument {
  readonly lines: LineIndex;
  readonly format: LandscapeFormat;
  /** The YAML document; undefined when the file was not parsed (too large). */
  readonly yaml: Document.Parsed | undefined;
  /** Plain JS value of the document (version fields as text); undefined when empty or unparsed. */
  readonly value: unknown;
  /** Findings of parsing: syntax errors, duplicate keys, size and alias limits. */
  readonly parseFindings: Finding[] = [];

  constructor(readonly uri: string, readonly text: string, options: ParseOptions = {}, prebuilt?: AssembledParts) {
    this.lines = new LineIndex(text, prebuilt?.lineStarts);
    this.format = options.format ?? formatOf(uri);
    if (prebuilt) {
      // assembled from separately parsed blocks (core/incremental.ts): equal to a full parse
      this.yaml = prebuilt.yaml;
      this.value = prebuilt.value;
      this.parseFindings.push(...prebuilt.parseFindings);
      return;
    }
    const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const size = Buffer.byteLength(text, 'utf8');
    if (size > maxSize) {
      this.yaml = undefined;
      this.value = undefined;
      this.parseFindings.push({
        ruleId: 'file-too-large',
        severity: 'warning',
        message: `File is ${Math.ceil(size / 1024)} KiB, larger than the limit of ${Math.floor(maxSize / 1024)} KiB; it was not checked. Raise the limit with the setting landscapeLint.maxFileSizeKB or the CLI option --max-file-size.`,
        range: DOCUMENT_START,
        system: null,
      });
      return;
    }
    // thousands of nested brackets would overflow the YAML parser's own recursion: look first
    const flowTooDeep = flowDeeperThan(text, MAX_DEPTH);
    const parsed = flowTooDeep === undefined ? parseDocument(yamlText(text), { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false, strict: false }) : undefined;
    const tooDeep = flowTooDeep ?? deeperThan(parsed!.contents as YamlNode | null, MAX_DEPTH);
    if (tooDeep !== undefined || !parsed) {
      // a landscape is a few levels deep; thousands of nested brackets are an attack or an
      // accident, and every recursive walker (schema, rules, features) would overflow the stack
      this.yaml = undefined;
      this.value = undefined;
      this.parseFindings.push({
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: `The document nests deeper than ${MAX_DEPTH} levels; it was not checked (a landscape file needs fewer than 10)`,
        range: this.lines.range(tooDeep ?? 0, (tooDeep ?? 0) + 1),
        system: null,
      });
      return;
    }
    this.yaml = parsed;
    // JSON files: the strict JSON check names the error better than the YAML parser does
    const jsonError = this.format === 'json' && text.trim() !== '' ? checkJsonSyntax(text) : undefined;
    for (const err of withDuplicateKeys(this.yaml)) {
      const duplicate = err.code === 'DUPLICATE_KEY';
      if (jsonError && !duplicate) continue;
      const [start, end] = err.pos;
      this.parseFindings.push({
        ruleId: duplicate ? 'duplicate-key' : this.format === 'json' ? 'json-syntax' : 'yaml-syntax',
        severity: 'error',
        message: duplicate
          ? `Duplicate key '${keyTextAt(text, start).replace(/^(["'])(.*)\1$/, '$2')}': a key may appear only once in a map (the later one would silently win)`
          : `${this.format === 'json' ? 'JSON' : 'YAML'} syntax error: ${firstLine(err.message)}`,
        range: duplicate ? this.lines.range(start, start + keyTextAt(text, start).length) : this.lines.range(start, Math.max(end, start + 1)),
        system: null,
      });
    }
    // an alias needs a `*`: most files have none, and need no walk for them
    if (text.includes('*')) this.aliasTargets = resolveAliases(this.yaml);
    const expansion = this.aliasTargets.size ? this.expansionOf(options.maxAliasNodes ?? DEFAULT_MAX_ALIAS_NODES) : undefined;
    if (expansion) {
      this.value = undefined;
      this.parseFindings.push({
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: expansion.tooDeep
          ? `YAML aliases nest deeper than ${MAX_DEPTH} levels; the file was not checked (write the values out instead of nesting aliases)`
          : `YAML aliases expand ${expansion.nodes} nodes to more than ${expansion.limit}; the file was not checked (this looks like an alias bomb — write the values out instead of nesting aliases)`,
        range: DOCUMENT_START,
        system: null,
      });
    } else {
      this.keyProblems();
      this.value = this.toValue(this.yaml.contents as YamlNode | null, false);
    }
    if (jsonError) this.reportJsonError(jsonError);
  }

  /** The system IDs defined under `systems`, in file order. */
  get systemIds(): string[] {
    const systems = (this.value as { systems?: unknown } | undefined)?.systems;
    return systems && typeof systems === 'object' && !Array.isArray(systems) ? Object.keys(systems) : [];
  }

  /**
   * The YAML key and value nodes at a path (either may be missing). `viaAlias` tells that the
   * path runs through an alias: those nodes belong to the anchor, and editing them would change
   * every place that refers to it.
   */
  nodeAt(path: NodePath): { key?: YamlNode; value?: YamlNode; pair?: Pair; viaAlias?: boolean; ambiguous?: boolean } {
    let current: YamlNode | null | undefined = this.yaml?.contents as YamlNode | null;
    let key: YamlNode | undefined;
    let pair: Pair | undefined;
    let viaAlias = false;
    // a key written twice in one map: the path may mean either (the file has a duplicate-key error)
    let ambiguous = false;
    const flags = (): { viaAlias?: boolean; ambiguous?: boolean } => ({ ...(viaAlias ? { viaAlias } : {}), ...(ambiguous ? { ambiguous } : {}) });
    for (const segment of path) {
      if (isAlias(current)) viaAlias = true;
      current = this.deref(current);
      if (typeof segment === 'number') {
        if (!isSeq(current)) return flags();
        current = current.items[segment] as YamlNode | undefined;
        key = undefined;
        pair = undefined;
        if (current === undefined) return flags();
      } else {
        if (!isMap(current)) return flags();
        const found = findPair(current.items as Pair[], segment);
        if (!found) return flags();
        if (found.duplicated) ambiguous = true;
        pair = found.pair;
        key = found.pair.key as YamlNode;
        current = (found.pair.value as YamlNode | null) ?? undefined;
      }
    }
    if (isAlias(current)) viaAlias = true;
    return { key, value: this.deref(current) ?? undefined, pair, ...flags() };
  }

  /**
   * True when an edit of the text between two offsets (an insertion when equal) would change an
   * anchored node that an alias elsewhere refers to: the edit would silently change every place
   * that uses the anchor, or break it.
   */
  touchesSharedAnchor(start: number, end: number): boolean {
    if (!this.aliasTargets.size) return false;
    this.sharedSpans ??= this.computeSharedSpans();
    return this.sharedSpans.some(([from, to]) => start <= to && end >= from);
  }

  private sharedSpans: [number, number][] | undefined;

  /** Text spans (from the `&` to the node's end) of anchored nodes that an alias outside them uses. */
  private computeSharedSpans(): [number, number][] {
    const byTarget = new Map<YamlNode, [number, number]>();
    const spans: [number, number][] = [];
    for (const [alias, target] of this.aliasTargets) {
      const a = alias.range?.[0];
      if (!target?.range || a === undefined) continue;
      let span = byTarget.get(target);
      if (!span) {
        let to = target.range[1];
        while (to > target.range[0] && /\s/.test(this.text[to - 1])) to--;
        span = [Math.max(0, this.text.lastIndexOf('&', target.range[0])), to];
        byTarget.set(target, span);
      }
      if ((a < span[0] || a >= span[1]) && !spans.includes(span)) spans.push(span);
    }
    return spans;
  }

  /** Range of the value at path, or undefined when it does not exist. */
  rangeOfValue(path: NodePath): Range | undefined {
    const { value } = this.nodeAt(path);
    return value?.range ? this.lines.range(value.range[0], value.range[1]) : undefined;
  }

  /** Range of the key at path (the last segment), or undefined when it does not exist. */
  rangeOfKey(path: NodePath): Range | undefined {
    const { key } = this.nodeAt(path);
    return key?.range ? this.lines.range(key.range[0], key.range[1]) : undefined;
  }

  /**
   * The most specific range for a path: its value, else its key, else the same for the longest
   * existing prefix (the key of the enclosing object), else the start of the document.
   */
  rangeFor(path: NodePath): Range {
    for (let n = path.length; n > 0; n--) {
      const p = path.slice(0, n);
      const { key, value } = this.nodeAt(p);
      if (n === path.length && value?.range) {
        const r = this.lines.range(value.range[0], value.range[1]);
        // a scalar, or a collection written on one line, is more specific than its key
        if ((!isMap(value) && !isSeq(value)) || r.start.line === r.end.line) return r;
      }
      if (key?.range) return this.lines.range(key.range[0], key.range[1]);
      if (value?.range) {
        // an array item that is itself a collection: its first line
        return this.lines.range(value.range[0], Math.min(value.range[1], this.lineEndOffset(value.range[0])));
      }
    }
    return DOCUMENT_START;
  }

  private lineEndOffset(offset: number): number {
    const line = this.lines.positionAt(offset).line;
    return this.lines.lineStart(line) + this.lines.lineText(line).length;
  }

  /** Alias → the node it refers to, resolved once per parse (undefined: no such anchor before it). */
  private aliasTargets = new Map<Alias, YamlNode | undefined>();

  private deref(node: YamlNode | null | undefined): YamlNode | null | undefined {
    let n = node;
    for (let i = 0; i < 100 && n && isAlias(n); i++) n = this.aliasTargets.get(n) ?? null;
    return n;
  }

  /**
   * Sizes the value the document would have with every alias written out, without building it:
   * sizes and heights are memoized per anchored node (anchors precede their aliases), so this is
   * linear in the document however the aliases nest. Reuse is legitimate (1,000 systems sharing
   * one certificate list); expansion is not: refused when the aliases add more nodes than the
   * larger of `minLimit` and ten times the document's own nodes, or nest deeper than MAX_DEPTH.
   */
  private expansionOf(minLimit: number): { nodes: number; limit: number; tooDeep: boolean } | undefined {
    const memo = new Map<YamlNode, { size: number; height: number }>();
    const inProgress = new Set<YamlNode>();
    let own = 0;
    const measure = (node: YamlNode | null | undefined, viaAlias: boolean): { size: number; height: number } => {
      if (!node) return { size: 1, height: 1 };
      if (!viaAlias) own++;
      if (isAlias(node)) {
        const target = this.aliasTargets.get(node);
        // an alias inside its own anchor reads as null (see toValue)
        if (!target || inProgress.has(target)) return { size: 1, height: 1 };
        return memo.get(target) ?? measure(target, true);
      }
      const known = memo.get(node);
      if (known && viaAlias) return known;
      let size = 1;
      let height = 0;
      if (isMap(node) || isSeq(node)) {
        inProgress.add(node);
        for (const item of node.items as unknown[]) {
          const child = isPair(item) ? (item.value as YamlNode | null) : (item as YamlNode | null);
          // a pair counts as the key plus its value
          if (isPair(item) && !viaAlias) own++;
          const m = known ? undefined : measure(child, viaAlias);
          if (m) {
            size += m.size + (isPair(item) ? 1 : 0);
            height = Math.max(height, m.height);
          }
        }
        inProgress.delete(node);
      }
      const result = known ?? { size, height: height + 1 };
      if ((node as { anchor?: string }).anchor) memo.set(node, result);
      return result;
    };
    const total = measure(this.yaml?.contents as YamlNode | null, false);
    const limit = Math.max(minLimit, 10 * own);
    const extra = total.size - own;
    if (total.height > MAX_DEPTH) return { nodes: extra, limit, tooDeep: true };
    return extra > limit ? { nodes: extra, limit, tooDeep: false } : undefined;
  }

  private readonly expanding = new Set<YamlNode>();

  /**
   * The text of a key: a scalar's value as text; undefined for a map or list used as a key
   * (reported by keyProblems, never stringified: that string doubles per nesting level).
   */
  private keyText(key: unknown): string | undefined {
    const k = isAlias(key) ? this.deref(key as YamlNode) : key;
    if (k === null || k === undefined) return String(k);
    if (isScalar(k)) return String((k as Scalar).value);
    return undefined;
  }

  private toValue(node: YamlNode | null | undefined, asText: boolean): unknown {
    if (node === null || node === undefined) return null;
    if ((isMap(node) || isSeq(node)) && node.anchor && !this.expanding.has(node)) {
      // an alias inside its own anchor reads as null, whether the anchor is reached directly or not
      this.expanding.add(node);
      try {
        return this.toValue(node, asText);
      } finally {
        this.expanding.delete(node);
      }
    }
    if (isAlias(node)) {
      const target = this.deref(node);
      // an alias inside its own anchor would expand forever
      return !target || this.expanding.has(target) ? null : this.toValue(target, asText);
    }
    if (isScalar(node)) {
      const s = node as Scalar;
      if (asText && (typeof s.value === 'number' || typeof s.value === 'boolean') && s.range) {
        return this.text.slice(s.range[0], s.range[1]).trim();
      }
      return s.value;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const k = this.keyText(item.key);
        if (k === undefined || k === '__proto__') continue;
        const textual = TEXT_KEYS.has(k) || asText;
        const childText = TEXT_CHILDREN_KEYS.has(k);
        const v = item.value as YamlNode | null;
        const target = this.deref(v);
        if (childText && isMap(target)) {
          const inner: Record<string, unknown> = {};
          for (const ci of (target as { items: Pair[] }).items) {
            if (!isPair(ci)) continue;
            const ck = this.keyText(ci.key);
            if (ck === undefined || ck === '__proto__') continue;
            Object.defineProperty(inner, ck, { value: this.toValue(ci.value as YamlNode | null, true), enumerable: true, writable: true, configurable: true });
          }
          Object.defineProperty(out, k, { value: inner, enumerable: true, writable: true, configurable: true });
        } else {
          Object.defineProperty(out, k, { value: this.toValue(v, textual), enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((i) => this.toValue(i as YamlNode | null, asText));
    }
    return null;
  }

  /** Keys the value cannot hold: maps or lists used as keys, and `__proto__` (reported, then left out). */
  private keyProblems(): void {
    const stack: unknown[] = [this.yaml?.contents];
    while (stack.length) {
      const node = stack.pop();
      if (!isMap(node) && !isSeq(node)) continue;
      for (const item of node.items as unknown[]) {
        if (!isPair(item)) {
          stack.push(item);
          continue;
        }
        const keyNode = item.key as YamlNode | null;
        const k = this.keyText(keyNode);
        const range = keyNode?.range ? this.lines.range(keyNode.range[0], Math.min(keyNode.range[1], this.lineEndOffset(keyNode.range[0]))) : DOCUMENT_START;
        if (k === undefined) {
          const kind = isSeq(this.deref(keyNode)) ? 'list' : 'map';
          this.parseFindings.push({
            ruleId: 'schema',
            severity: 'error',
            message: `A key must be text, not a ${kind}: write the key as plain text (this entry is not checked)`,
            range,
            system: null,
            data: { keyword: 'key-type' },
          });
        } else if (k === '__proto__') {
          this.parseFindings.push({
            ruleId: 'schema',
            severity: 'error',
            message: "The key '__proto__' is not allowed (it is reserved in the tools that read landscape files); rename it (this entry is not checked)",
            range,
            system: null,
            data: { keyword: 'reserved-key', key: k },
          });
        }
        stack.push(item.value);
      }
    }
  }

  /** YAML accepts more than JSON (comments, single quotes, trailing commas): the first JSON error, at its place. */
  private reportJsonError(err: JsonSyntaxError): void {
    this.parseFindings.push({
      ruleId: 'json-syntax',
      severity: 'error',
      message: `JSON syntax error: ${err.message}`,
      range: this.lines.range(err.offset, Math.min(err.offset + 1, this.text.length)),
      system: null,
    });
  }
}

/**
 * The parser's errors with the duplicate keys of every map, in document order. The YAML parser's
 * own check (`uniqueKeys`) compares each new key with all before it — quadratic in the size of a
 * map, seconds for `systems` at 20,000 entries; here one Map per map, the same rule (equal scalar
 * values), the same position (the later key).
 */
function withDuplicateKeys(doc: Document.Parsed): { code: string; pos: [number, number]; message: string }[] {
  const duplicates: { code: string; pos: [number, number]; message: string }[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items as unknown[]) {
        if (!isPair(item)) continue;
        const key = item.key as YamlNode | null;
        if (isScalar(key) && key.range) {
          const v = (key as Scalar).value;
          if (seen.has(v)) duplicates.push({ code: 'DUPLICATE_KEY', pos: [key.range[0], key.range[1]], message: 'Map keys must be unique' });
          seen.add(v);
        }
        stack.push(item.key, item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as unknown[]) stack.push(item);
    }
  }
  if (!duplicates.length) return doc.errors as unknown as { code: string; pos: [number, number]; message: string }[];
  duplicates.sort((a, b) => a.pos[0] - b.pos[0]);
  return [...(doc.errors as unknown as { code: string; pos: [number, number]; message: string }[]), ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
}

/**
 * Every alias with the node it refers to, in one walk: the last anchor of that name before the
 * alias (YAML's rule, as yaml's Alias.resolve, which walks the whole document per call).
 */
function resolveAliases(doc: Document.Parsed): Map<Alias, YamlNode | undefined> {
  const targets = new Map<Alias, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node as YamlNode);
    },
  });
  return targets;
}

/**
 * The text as the YAML parser reads it: a lone CR ends a line (YAML 1.2 and the editors say so,
 * the parser would read it as text); replaced by LF, so every offset stays the same.
 */
function yamlText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Nesting limit of maps and lists. */
export const MAX_DEPTH = 64;

/** The offset where flow brackets (`[` `{`) nest deeper than the limit, outside quotes and comments. */
function flowDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      else if (c === '\n' && quote === "'") quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      if (i === 0 || /[\s:,[{]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** The offset of a node nested deeper than the limit, or undefined (walks without recursion). */
function deeperThan(root: YamlNode | null, limit: number): number | undefined {
  const stack: [YamlNode, number][] = root ? [[root, 1]] : [];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > limit) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (item.key && typeof item.key === 'object') stack.push([item.key as YamlNode, depth + 1]);
        if (item.value) stack.push([item.value as YamlNode, depth + 1]);
      } else if (item && typeof item === 'object') stack.push([item as YamlNode, depth + 1]);
    }
  }
  return undefined;
}

/** Key → pair index per map: path lookups stay O(depth) on landscapes with thousands of systems. */
const pairIndex = new WeakMap<object, Map<string, { pair: Pair; duplicated: boolean }>>();

function findPair(items: Pair[], key: string): { pair: Pair; duplicated: boolean } | undefined {
  let index = pairIndex.get(items);
  if (!index) {
    index = new Map();
    // the last one wins when keys are duplicated, as in toJS; duplicates are reported separately
    for (const p of items) {
      if (isPair(p) && isScalar(p.key)) {
        const k = String((p.key as Scalar).value);
        index.set(k, { pair: p, duplicated: index.has(k) });
      }
    }
    pairIndex.set(items, index);
  }
  return index.get(key);
}

/** The key token starting at an offset (quoted or plain). */
export function keyTextAt(text: string, offset: number): string {
  const m = /^("[^"\n]*"|'[^'\n]*'|[^:\s,{}[\]]+)/.exec(text.slice(offset, offset + 200));
  return m ? m[1] : '?';
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
