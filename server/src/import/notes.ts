/**
 * Reader for table CWBNTCUST (SE16): the Note Assistant's status of every SAP Note downloaded
 * into the system. Gives each note's implementation state; which states count as implemented
 * is decided when merging (merge.ts), because it depends on the support package.
 */
import type { ColumnSpec, ImportProblem } from './table';
import { readTable } from './table';

/**
 * Implementation state of a note in SNOTE: E completely implemented, O obsolete, U incompletely
 * implemented, V obsolete version implemented, N can be implemented, - cannot be implemented,
 * '' undefined.
 */
export type ImplementationState = 'E' | 'O' | 'U' | 'V' | 'N' | '-' | '';

const STATES: ReadonlySet<string> = new Set(['E', 'O', 'U', 'V', 'N', '-', '']);

/** The texts SE16 shows instead of the codes when "display texts" is on (English, German). */
const STATE_TEXTS: Readonly<Record<string, ImplementationState>> = {
  completelyimplemented: 'E', vollständigeingebaut: 'E', vollständigimplementiert: 'E',
  obsolete: 'O', obsolet: 'O', veraltet: 'O',
  incompletelyimplemented: 'U', unvollständigeingebaut: 'U', unvollständigimplementiert: 'U',
  obsoleteversionimplemented: 'V', veralteteversioneingebaut: 'V', veralteteversionimplementiert: 'V',
  canbeimplemented: 'N', einbaubar: 'N', implementierbar: 'N',
  cannotbeimplemented: '-', nichteinbaubar: '-', nichtimplementierbar: '-',
  undefinedimplementationstate: '', undefiniert: '',
};

/** Processing-status values that are no implementation state: I in process, R not relevant, A finished. */
const PROCESSING_ONLY: ReadonlySet<string> = new Set(['i', 'r', 'a', 'inprocess', 'inbearbeitung', 'notrelevant', 'nichtrelevant', 'finished', 'erledigt']);

// offlinesec-client's SE16 reader maps the column labels this way; the content check in
// readNotes() catches a file in which the two status columns are the other way round
export const NOTE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'note', names: ['NUMM', 'Note number', 'Note', 'SAP Note', 'SAP Note Number', 'Hinweisnummer', 'Hinweis', 'Hinweisnr.'] },
  { key: 'impl', names: ['PRSTATUS', 'Implementation State', 'Impl. State', 'Impl. Status', 'Implementation Status', 'Einbaustand', 'Einbauzustand', 'Implementierungsstatus'], required: false },
  { key: 'proc', names: ['NTSTATUS', 'Processing Status', 'Proc. Status', 'Bearb. Stat.', 'Bearbeitungsstatus', 'Bearbeitungsstand'], required: false },
];

export interface NoteRow {
  readonly number: number;
  readonly state: ImplementationState;
  readonly line: number;
}

export interface NotesExport {
  readonly file: string;
  readonly notes: readonly NoteRow[];
  readonly problems: readonly ImportProblem[];
}

function stateOf(cell: string): ImplementationState | undefined {
  const t = cell.trim();
  if (STATES.has(t.toUpperCase())) return t.toUpperCase() as ImplementationState;
  const key = t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return Object.prototype.hasOwnProperty.call(STATE_TEXTS, key) ? STATE_TEXTS[key] : undefined;
}

/** Reads a CWBNTCUST export (see the module comment). */
export function readNotes(text: string, file: string): NotesExport {
  const result = readTable(text, file, NOTE_COLUMNS, 'table CWBNTCUST');
  if (!result.ok) return { file, notes: [], problems: result.problems };
  const problems = [...result.problems];
  const { columns, rows } = result.table;
  if (!columns.has('impl') && !columns.has('proc')) {
    return { file, notes: [], problems: [...problems, { file, line: result.table.headerLine, severity: 'error', message: 'no implementation-state column (PRSTATUS, "Implementation State", "Einbaustand") in the header: which notes are implemented cannot be read' }] };
  }
  // Which column holds the implementation state: the one whose values are all states
  // (E, O, U, V, N, -); the processing status has other codes (e.g. I in process, R not relevant)
  const fits = (key: string): boolean => columns.has(key) && rows.every((r) => stateOf(r.cells[key] ?? '') !== undefined);
  const processing = (key: string): boolean => rows.some((r) => PROCESSING_ONLY.has((r.cells[key] ?? '').trim().toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
  let implKey = columns.has('impl') ? 'impl' : 'proc';
  if (implKey === 'impl' && processing('impl') && fits('proc')) {
    implKey = 'proc';
    problems.push({ file, line: result.table.headerLine, severity: 'info', message: 'the implementation states (E, O, U, V, N, -) are in the column labelled as processing status: read from there' });
  }
  const notes: NoteRow[] = [];
  const seen = new Map<number, number>();
  for (const row of rows) {
    const raw = row.cells.note.trim();
    // NUMM is zero-padded to ten digits (0002408073)
    if (!/^\d{1,10}$/.test(raw) || Number(raw) === 0) {
      problems.push({ file, line: row.line, severity: 'error', message: `'${raw}' is not a SAP Note number; line skipped` });
      continue;
    }
    const number = Number(raw);
    const state = stateOf(row.cells[implKey] ?? '');
    if (state === undefined) {
      problems.push({ file, line: row.line, severity: 'error', message: `note ${number}: implementation state '${row.cells[implKey]}' is not one of E, O, U, V, N, -; line skipped` });
      continue;
    }
    const first = seen.get(number);
    if (first !== undefined) {
      problems.push({ file, line: row.line, severity: 'error', message: `note ${number} is listed twice (first on line ${first}); this line is skipped` });
      continue;
    }
    seen.set(number, row.line);
    notes.push({ number, state, line: row.line });
  }
  return { file, notes, problems: problems.sort((a, b) => a.line - b.line) };
}
