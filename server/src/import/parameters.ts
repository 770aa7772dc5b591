/**
 * Reader for the output of report RSPARAM (SA38, saved as a local file): profile parameters with
 * their user-defined and default values. The effective value is the user-defined one, else the
 * system default. Only the parameters the guide names (knowledge/ciphers.ts) are kept.
 */
import { profileParameter } from '../knowledge/ciphers';
import type { ColumnSpec, ImportProblem } from './table';
import { readTable } from './table';

export const PARAMETER_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', names: ['Parameter Name', 'Parameter', 'Name', 'Parametername', 'PARNAME', 'NAME'] },
  { key: 'user', names: ['User-Defined Value', 'User Defined Value', 'User-Def. Value', 'Value', 'Benutzerdefinierter Wert', 'Benutzerdef. Wert', 'Wert', 'PVALUE', 'USER_VALUE'], required: false },
  { key: 'default', names: ['System Default Value', 'Default Value', 'Systemvorschlagswert', 'Systemvorgabewert', 'Vorschlagswert', 'Standardwert', 'DEFAULT_VALUE'], required: false },
];

export interface ParameterRow {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

export interface ParametersExport {
  readonly file: string;
  /** The parameters the guide names, with their effective values. */
  readonly parameters: readonly ParameterRow[];
  /** How many parameters the export lists in all. */
  readonly total: number;
  readonly problems: readonly ImportProblem[];
}

/** Reads an RSPARAM export (see the module comment). */
export function readParameters(text: string, file: string): ParametersExport {
  const result = readTable(text, file, PARAMETER_COLUMNS, 'report RSPARAM');
  if (!result.ok) return { file, parameters: [], total: 0, problems: result.problems };
  const problems = [...result.problems];
  const { columns, rows } = result.table;
  if (!columns.has('user') && !columns.has('default')) {
    return { file, parameters: [], total: 0, problems: [...problems, { file, line: result.table.headerLine, severity: 'error', message: 'no value column ("User-Defined Value" or "System Default Value") in the header' }] };
  }
  const parameters: ParameterRow[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    const name = row.cells.name.trim();
    if (!name) { problems.push({ file, line: row.line, severity: 'warning', message: 'no parameter name; line skipped' }); continue; }
    total++;
    if (!profileParameter(name)) continue;
    const value = (row.cells.user ?? '').trim() || (row.cells.default ?? '').trim();
    const first = seen.get(name);
    if (first !== undefined) { problems.push({ file, line: row.line, severity: 'error', message: `${name} is listed twice (first on line ${first}); this line is skipped` }); continue; }
    seen.set(name, row.line);
    if (!value) { problems.push({ file, line: row.line, severity: 'warning', message: `${name} has no value (neither user-defined nor default); not imported` }); continue; }
    parameters.push({ name, value, line: row.line });
  }
  return { file, parameters, total, problems: problems.sort((a, b) => a.line - b.line) };
}
