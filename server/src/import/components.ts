/**
 * Reader for the installed software component versions: table CVERS via SE16, or the list of
 * System → Status → Component information. Gives `basis` (component SAP_BASIS) and the other
 * components as `"<release> SP<nn>"`, the form of the landscape file (spec §1).
 */
import { formatSp } from '../knowledge/versions';
import type { ColumnSpec, ImportProblem } from './table';
import { readTable } from './table';

/** The SAP_BASIS component: it fills `basis`, not `components`. */
export const BASIS_COMPONENT = 'SAP_BASIS';

export const COMPONENT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'component', names: ['COMPONENT', 'Software Component', 'Component', 'Softwarekomponente', 'Komponente', 'SW-Komponente'] },
  { key: 'release', names: ['RELEASE', 'Release', 'Rel.'] },
  // CVERS calls the support package level EXTRELEASE; System → Status calls it "SP-Level"
  { key: 'level', names: ['EXTRELEASE', 'Support Package Level', 'SP-Level', 'SP Level', 'Level', 'Extended Release', 'Ext. Release', 'SP-Stand', 'Support-Package-Stand', 'Support Package-Stand', 'Erweitertes Release'] },
  { key: 'type', names: ['COMP_TYPE', 'Component Type', 'Type', 'Komponententyp', 'Typ'], required: false },
];

export interface ComponentRow {
  readonly name: string;
  readonly release: string;
  readonly sp: number;
  /** `<release> SP<nn>` as the landscape file writes it. */
  readonly value: string;
  readonly line: number;
}

export interface ComponentsExport {
  readonly file: string;
  /** SAP_BASIS release and support package, when the export lists SAP_BASIS. */
  readonly basis?: { readonly release: number; readonly sp: number; readonly value: string; readonly line: number };
  /** Every other component, in the order of the export. */
  readonly components: readonly ComponentRow[];
  readonly problems: readonly ImportProblem[];
}

/** Reads a component export (see the module comment). Returns undefined components on a fatal problem. */
export function readComponents(text: string, file: string): ComponentsExport {
  const result = readTable(text, file, COMPONENT_COLUMNS, 'table CVERS or System → Status → component information');
  if (!result.ok) return { file, components: [], problems: result.problems };
  const problems = [...result.problems];
  const components: ComponentRow[] = [];
  let basis: ComponentsExport['basis'];
  const seen = new Map<string, number>();
  for (const row of result.table.rows) {
    const name = row.cells.component.trim().toUpperCase();
    const release = row.cells.release.trim();
    const level = row.cells.level.trim();
    const at = (message: string): void => void problems.push({ file, line: row.line, severity: 'error', message });
    if (!name) { at('no component name; line skipped'); continue; }
    if (!/^\/?[A-Z0-9][A-Z0-9_/-]*$/.test(name)) { at(`'${name}' is not a software component name; line skipped`); continue; }
    if (!/^[A-Za-z0-9_.]+$/.test(release)) { at(`${name}: release '${release}' is not a release such as 731 or 2008_1_710; line skipped`); continue; }
    // CVERS writes the level as four digits (0019); a component without support package has 0000
    if (!/^\d{1,4}$/.test(level)) { at(`${name}: support package level '${level}' is not a number such as 0019; line skipped`); continue; }
    if (seen.has(name)) { at(`${name} is listed twice (first on line ${seen.get(name)}); this line is skipped`); continue; }
    seen.set(name, row.line);
    const sp = Number(level);
    const value = `${release} ${formatSp(sp)}`;
    if (name === BASIS_COMPONENT) {
      if (!/^\d{3}$/.test(release)) { at(`SAP_BASIS release '${release}' is not a three-digit release such as 731; line skipped`); continue; }
      basis = { release: Number(release), sp, value, line: row.line };
    } else components.push({ name, release, sp, value, line: row.line });
  }
  if (!basis && !problems.some((p) => p.severity === 'error')) {
    problems.push({ file, line: 0, severity: 'warning', message: 'the export lists no SAP_BASIS component: basis is not imported' });
  }
  return { file, basis, components, problems: problems.sort((a, b) => a.line - b.line) };
}
