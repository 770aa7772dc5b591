/**
 * Reads the table layouts SAP GUI writes when a list is saved (SE16 "unconverted" text with `|`
 * separators, "spreadsheet" text with tabs, and the column-aligned text of a copied list) into
 * rows keyed by column. The layout is detected by content: the header row is the first row
 * whose cells name all required columns, by technical field name or by an English or German
 * column label. Whatever cannot be read is reported with its line, never skipped silently.
 */

/** A column a reader needs: its key and the header texts that name it. */
export interface ColumnSpec {
  readonly key: string;
  /** Technical field name and column labels (any case, punctuation and blanks ignored). */
  readonly names: readonly string[];
  readonly required?: boolean;
}

/** Something a reader could not read, or had to decide. */
export interface ImportProblem {
  /** File as given by the caller (for messages `file:line: message`). */
  readonly file: string;
  /** 1-based line, 0 for the file as a whole. */
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** One data row: its 1-based line and its cells by column key ('' for an empty cell). */
export interface TableRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export type TableLayout = 'pipe' | 'tab' | 'aligned';

export interface Table {
  readonly layout: TableLayout;
  /** Keys of the columns found in the header. */
  readonly columns: ReadonlySet<string>;
  readonly rows: TableRow[];
  readonly headerLine: number;
}

/** Lower case, letters and digits only: `Impl. State`, `IMPL_STATE` and `impl state` are one name. */
export function normalizeHeader(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const SEPARATOR_LINE = /^\s*[|+]?[\s\-=|+]*$/;

/** Cells of a line in a layout, or undefined when the line is not in that layout. */
function cellsOf(line: string, layout: TableLayout): string[] | undefined {
  if (layout === 'pipe') {
    const t = line.trim();
    if (!t.startsWith('|')) return undefined;
    const inner = t.endsWith('|') && t.length > 1 ? t.slice(1, -1) : t.slice(1);
    return inner.split('|').map((c) => c.trim());
  }
  if (layout === 'tab') {
    if (!line.includes('\t')) return undefined;
    // spreadsheet text may quote a cell that holds a tab or quote (Excel style)
    return line.split('\t').map((c) => unquote(c.trim()));
  }
  const t = line.trim();
  if (!t) return undefined;
  return t.split(/ {2,}|\t/).map((c) => c.trim());
}

function unquote(c: string): string {
  return c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c;
}

/** Which spec each header cell names (undefined for columns the reader does not need). */
function matchHeader(cells: readonly string[], specs: readonly ColumnSpec[]): (string | undefined)[] {
  const byName = new Map<string, string>();
  for (const s of specs) for (const n of s.names) byName.set(normalizeHeader(n), s.key);
  const seen = new Set<string>();
  return cells.map((c) => {
    const key = byName.get(normalizeHeader(c));
    // the first column of a name wins: a second "Release" column (e.g. a description) is not it
    if (!key || seen.has(key)) return undefined;
    seen.add(key);
    return key;
  });
}

export type TableResult = { ok: true; table: Table; problems: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

/**
 * Reads a table export.
 * @param text the decoded file
 * @param file name used in problem messages
 * @param specs the columns the reader needs
 * @param what how the export is called in messages, e.g. `table CVERS (SE16)`
 */
export function readTable(text: string, file: string, specs: readonly ColumnSpec[], what: string): TableResult {
  const lines = text.split(/\r\n|\r|\n/);
  const required = specs.filter((s) => s.required !== false).map((s) => s.key);
  let header: { index: number; layout: TableLayout; keys: (string | undefined)[]; cells: string[] } | undefined;
  search: for (let i = 0; i < lines.length; i++) {
    for (const layout of ['pipe', 'tab', 'aligned'] as const) {
      const cells = cellsOf(lines[i], layout);
      if (!cells || cells.length < 2) continue;
      const keys = matchHeader(cells, specs);
      if (required.every((k) => keys.includes(k))) {
        header = { index: i, layout, keys, cells };
        break search;
      }
    }
  }
  if (!header) {
    const names = specs.filter((s) => s.required !== false).map((s) => s.names[0]).join(', ');
    return {
      ok: false,
      problems: [{ file, line: 0, severity: 'error', message: `no header row with the columns ${names} found: is this an export of ${what} (SE16 unconverted text with | separators, or spreadsheet text with tabs)?` }],
    };
  }
  const problems: ImportProblem[] = [];
  const rows: TableRow[] = [];
  const headerNorm = header.cells.map(normalizeHeader).join('\u0000');
  const headerLine = lines[header.index];
  for (let i = header.index + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim() || SEPARATOR_LINE.test(raw)) continue;
    let cells = cellsOf(raw, header.layout);
    if (!cells) {
      // SE16's unconverted list repeats page headings (date, title) between pages: not rows
      if (header.layout === 'pipe') continue;
      problems.push({ file, line: i + 1, severity: 'error', message: `not a row of the table (expected ${header.layout === 'tab' ? 'tab-separated cells' : 'columns aligned like the header'}); line skipped` });
      continue;
    }
    if (cells.map(normalizeHeader).join('\u0000') === headerNorm) continue; // the header again (next page)
    if (cells.length !== header.cells.length && header.layout === 'pipe' && raw.length === headerLine.length) {
      // a value that holds a `|` itself: cut the line at the header's column boundaries
      cells = cutAtColumns(raw, headerLine);
    } else if (cells.length !== header.cells.length && header.layout === 'aligned') {
      // an empty cell in a column-aligned list: cut the line where the header's columns start
      cells = cutAtStarts(raw, headerLine, header.cells);
    }
    if (cells.length !== header.cells.length) {
      // trailing empty cells are dropped by some front ends in spreadsheet text
      if (header.layout !== 'pipe' && cells.length < header.cells.length) cells = [...cells, ...Array<string>(header.cells.length - cells.length).fill('')];
      else {
        problems.push({ file, line: i + 1, severity: 'error', message: `${cells.length} cells where the header (line ${header.index + 1}) has ${header.cells.length}; line skipped` });
        continue;
      }
    }
    const byKey: Record<string, string> = {};
    header.keys.forEach((k, idx) => {
      if (k) byKey[k] = cells![idx] ?? '';
    });
    rows.push({ line: i + 1, cells: byKey });
  }
  return { ok: true, table: { layout: header.layout, columns: new Set(header.keys.filter((k): k is string => !!k)), rows, headerLine: header.index + 1 }, problems };
}

function cutAtColumns(line: string, headerLine: string): string[] {
  const bars: number[] = [];
  for (let i = 0; i < headerLine.length; i++) if (headerLine[i] === '|') bars.push(i);
  const out: string[] = [];
  for (let b = 0; b + 1 < bars.length; b++) out.push(line.slice(bars[b] + 1, bars[b + 1]).trim());
  return out;
}

function cutAtStarts(line: string, headerLine: string, headerCells: readonly string[]): string[] {
  const starts: number[] = [];
  let from = 0;
  for (const c of headerCells) {
    const at = headerLine.indexOf(c, from);
    starts.push(at);
    from = at + c.length;
  }
  return starts.map((s, i) => line.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim());
}
