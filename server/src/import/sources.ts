/**
 * The four kinds of export, their file-name convention (for `import --dir`) and detection by
 * content (for files named otherwise, and for the files picked in VS Code).
 */
import type { ComponentsExport } from './components';
import { COMPONENT_COLUMNS, readComponents } from './components';
import { decodeExport } from './decode';
import type { ExportEncoding } from './decode';
import type { DestinationsExport } from './destinations';
import { DESTINATION_COLUMNS, readDestinations } from './destinations';
import type { NotesExport } from './notes';
import { NOTE_COLUMNS, readNotes } from './notes';
import type { ParametersExport } from './parameters';
import { PARAMETER_COLUMNS, readParameters } from './parameters';
import type { ColumnSpec, ImportProblem } from './table';
import { readTable } from './table';

export type ExportKind = 'components' | 'notes' | 'destinations' | 'parameters';

export const EXPORT_KINDS: readonly ExportKind[] = ['components', 'notes', 'destinations', 'parameters'];

/**
 * File names (without extension, any case) that `import --dir` reads as each kind: the name of
 * the option, the SAP table or report, and the transaction it comes from.
 */
export const KIND_FILE_NAMES: Readonly<Record<ExportKind, readonly string[]>> = {
  components: ['components', 'cvers', 'component', 'software-components'],
  notes: ['notes', 'cwbntcust', 'snote'],
  destinations: ['destinations', 'rfcdes', 'sm59'],
  parameters: ['parameters', 'rsparam', 'profile'],
};

/** The kind a file name says, by the convention above. */
export function kindOfFileName(fileName: string): ExportKind | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').toLowerCase();
  return EXPORT_KINDS.find((k) => KIND_FILE_NAMES[k].includes(base));
}

const COLUMNS: Readonly<Record<ExportKind, readonly ColumnSpec[]>> = {
  components: COMPONENT_COLUMNS,
  notes: NOTE_COLUMNS,
  destinations: DESTINATION_COLUMNS,
  parameters: PARAMETER_COLUMNS,
};

/**
 * The kind of an export, by the header row its content has. Checked from the most specific
 * columns to the most general, so a file matches one kind only.
 */
export function detectKind(text: string): ExportKind | undefined {
  const order: ExportKind[] = ['destinations', 'notes', 'components', 'parameters'];
  for (const kind of order) {
    const specs = COLUMNS[kind];
    // for detection, a status column is needed too (else any table with a "Note" column is CWBNTCUST)
    // (and a value column for RSPARAM, else any table with a "Name" column is a parameter list)
    const alternatives = kind === 'notes' ? ['impl', 'proc'] : kind === 'parameters' ? ['user', 'default'] : [undefined];
    for (const also of alternatives) {
      if (readTable(text, '', specs.map((s) => (s.key === also ? { ...s, required: true } : s)), '').ok) return kind;
    }
  }
  return undefined;
}

export type ReadExport =
  | { kind: 'components'; data: ComponentsExport }
  | { kind: 'notes'; data: NotesExport }
  | { kind: 'destinations'; data: DestinationsExport }
  | { kind: 'parameters'; data: ParametersExport };

/** An export file read: its kind, encoding and content. */
export interface ExportFile {
  readonly file: string;
  readonly encoding: ExportEncoding;
  readonly read: ReadExport;
  readonly problems: readonly ImportProblem[];
}

/**
 * Decodes and reads one export file.
 * @param kind the kind the caller says (an option); undefined: detect it from the content
 * @returns undefined with a problem when the kind cannot be told
 */
export function readExport(bytes: Uint8Array, file: string, kind?: ExportKind): ExportFile | { file: string; problems: ImportProblem[] } {
  const { text, encoding } = decodeExport(bytes);
  const k = kind ?? detectKind(text);
  if (!k) {
    return { file, problems: [{ file, line: 0, severity: 'error', message: 'not an export landscape-lint can read: no header row of CVERS/component information, CWBNTCUST, RFCDES or RSPARAM found' }] };
  }
  const read: ReadExport = k === 'components' ? { kind: k, data: readComponents(text, file) }
    : k === 'notes' ? { kind: k, data: readNotes(text, file) }
      : k === 'destinations' ? { kind: k, data: readDestinations(text, file) }
        : { kind: k, data: readParameters(text, file) };
  return { file, encoding, read, problems: read.data.problems };
}
