import type { Position, Range } from 'vscode-languageserver-types';

/** Converts offsets in a text to LSP positions (0-based line, UTF-16 character). */
export class LineIndex {
  private readonly starts: number[] = [0];

  /** @param starts the line start offsets when the caller has them already (0 first, ascending) */
  constructor(private readonly text: string, starts?: number[]) {
    if (starts) {
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) this.starts.push(i + 1);
      else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * The position of an offset. An offset inside a line break (between CR and LF) or between the
   * two halves of a surrogate pair is not a valid position: it is moved back to the nearest one.
   */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo];
    let ch = Math.min(o, this.contentEnd(lo)) - start;
    if (ch > 0 && isLowSurrogate(this.text.charCodeAt(start + ch)) && isHighSurrogate(this.text.charCodeAt(start + ch - 1))) ch--;
    return { line: lo, character: ch };
  }

  /** Offset of a position; a character beyond the line's content means the end of the content (LSP). */
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.contentEnd(pos.line));
  }

  /** Offset where a line's content ends (before its CR, LF or CRLF). */
  private contentEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (this.text.charCodeAt(end) === 10 && end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Start offset of a line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The lines whose text contains `needle`, in order (found in the whole text, not line by line). */
  linesContaining(needle: string): number[] {
    const out: number[] = [];
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + needle.length)) {
      const line = this.positionAt(at).line;
      if (out[out.length - 1] !== line) out.push(line);
    }
    return out;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The empty range at the start of the document, for findings about the whole file. */
export const DOCUMENT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
