/**
 * Reader for table RFCDES (SE16; the destinations of SM59): name, connection type and the logon
 * user, which RFCDES keeps inside RFCOPTIONS as `U=<user>` (e.g. `H=sapserv1,S=00,U=OSS_RFC,`).
 * No other option is read: passwords are never in RFCDES, and hosts do not belong in the file.
 */
import type { ColumnSpec, ImportProblem } from './table';
import { readTable } from './table';

export const DESTINATION_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', names: ['RFCDEST', 'RFC Destination', 'Destination', 'RFC-Destination', 'Ziel', 'Destinationsname'] },
  { key: 'type', names: ['RFCTYPE', 'Connection Type', 'Conn. Type', 'Type', 'Verbindungstyp', 'Verb.-Typ', 'Typ'] },
  { key: 'options', names: ['RFCOPTIONS', 'Options', 'RFC Options', 'Optionen', 'RFC-Optionen'], required: false },
];

export interface DestinationRow {
  readonly name: string;
  /** SM59 connection type: 3 (ABAP), H (HTTP to ABAP), G (HTTP to external) and others. */
  readonly type: string;
  /** Logon user (`U=` of RFCOPTIONS), when the destination has one. */
  readonly user?: string;
  readonly line: number;
}

export interface DestinationsExport {
  readonly file: string;
  readonly destinations: readonly DestinationRow[];
  /** False when the export has no RFCOPTIONS column: then nothing is known about users. */
  readonly hasOptions: boolean;
  readonly problems: readonly ImportProblem[];
}

/** The `U=` option of RFCOPTIONS (options are `X=value,` pairs). */
export function userOfOptions(options: string): string | undefined {
  for (const part of options.split(',')) {
    const m = /^\s*U=(.*)$/.exec(part);
    if (m) return m[1].trim() || undefined;
  }
  return undefined;
}

/** Reads an RFCDES export (see the module comment). */
export function readDestinations(text: string, file: string): DestinationsExport {
  const result = readTable(text, file, DESTINATION_COLUMNS, 'table RFCDES');
  if (!result.ok) return { file, destinations: [], hasOptions: false, problems: result.problems };
  const problems = [...result.problems];
  const hasOptions = result.table.columns.has('options');
  if (!hasOptions) {
    problems.push({ file, line: result.table.headerLine, severity: 'warning', message: 'no RFCOPTIONS column: logon users of destinations are not imported' });
  }
  const destinations: DestinationRow[] = [];
  const seen = new Map<string, number>();
  for (const row of result.table.rows) {
    const name = row.cells.name.trim();
    const type = row.cells.type.trim().toUpperCase();
    if (!name) { problems.push({ file, line: row.line, severity: 'error', message: 'no destination name; line skipped' }); continue; }
    if (!/^[0-9A-Z]$/.test(type)) {
      problems.push({ file, line: row.line, severity: 'error', message: `${name}: connection type '${row.cells.type.trim()}' is not an SM59 type such as 3, H or G; line skipped` });
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) { problems.push({ file, line: row.line, severity: 'error', message: `${name} is listed twice (first on line ${first}); this line is skipped` }); continue; }
    seen.set(name, row.line);
    const user = hasOptions ? userOfOptions(row.cells.options ?? '') : undefined;
    destinations.push(user ? { name, type, user, line: row.line } : { name, type, line: row.line });
  }
  return { file, destinations, hasOptions, problems: problems.sort((a, b) => a.line - b.line) };
}
