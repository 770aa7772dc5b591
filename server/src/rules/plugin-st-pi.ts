import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import {
  formatSp,
  minimumStPiFor,
  parseBasis,
  parseStPi,
  PLUGIN_COMPONENTS,
  PLUGIN_DEPENDENT_APPLICATIONS,
  ST_PI_REQUIREMENTS,
  stPiRequirementFor,
} from '../knowledge';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

const KEY = PLUGIN_COMPONENTS.stPi;

/** "Service Data Control Center (SDCC/SDCCN), System Measurement (USMM) and …" from guide 2.1.1. */
function stopsWorking(): string {
  return listText(PLUGIN_DEPENDENT_APPLICATIONS.map((a) => (a.name.includes(a.launchedBy) ? a.name : `${a.name} (${a.launchedBy})`)));
}

/** The minimum of every ST-PI line, "<line> SP<n> or <line> SP<n>", from the guide's table. */
function minimaText(): string {
  const seen = new Set<string>();
  for (const r of ST_PI_REQUIREMENTS) seen.add(`${r.line} ${formatSp(r.minSp)}`);
  return [...seen].join(' or ');
}

function example(stPi: string): string {
  return ['landscape: Example', 'systems:', '  GRP:', '    role: abap', '    connection: direct', '    basis: 702 SP17', '    components:', `      ST-PI: ${stPi}`, ''].join('\n');
}

/**
 * Guide 2.1.1.1 / 2.1.1.2: ABAP systems that connect directly need a minimum ST-PI support
 * package per ST-PI line (for ST-PI 740 the same minimum on any SAP_BASIS 740 support package).
 */
export const rule: Rule = {
  // only the system's components and basis
  scope: 'system',
  meta: {
    id: 'plugin-st-pi',
    title: 'ST-PI plug-in level for direct connectivity',
    severity: 'error',
    section: '2.1.1.1, 2.1.1.2',
    description: [
      'Checks the ST-PI add-on of ABAP systems that connect **directly** to the support backbone (`role: abap`, `connection: direct`).',
      '',
      ...ST_PI_REQUIREMENTS.map((r) =>
        `- ST-PI ${r.line}${r.basis ? ` on SAP_BASIS ${r.basis.release} ${r.basis.spTo !== undefined ? `${formatSp(r.basis.spTo)} and below` : `${formatSp(r.basis.spFrom ?? 0)} and above`}` : ''}: **${formatSp(r.minSp)}** or higher (guide ${r.section}).`),
      `- When \`components.${KEY}\` is not recorded, a warning asks you to record it.`,
      '',
      'Download the latest ST-PI from the *Tools for Support Service Sessions* page on SAP Support Portal.',
      '',
      `**If you don't upgrade**, ${stopsWorking()} can no longer connect directly to the support backbone.`,
      '',
      'Systems connected through SAP Solution Manager or Focused Run (`connection: solman|frun`) need no action here.',
    ].join('\n'),
    badExample: example('2008_1_700 SP18'),
    goodExample: example(minimumStPiFor(parseStPi('2008_1_700 SP18') ?? '2008_1_7xx')),
    fixable: true,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    for (const s of model.systems) {
      if (!isDirectAbap(s)) continue;
      const raw = s.components[KEY];
      if (raw === undefined) {
        out.push({
          severity: 'warning',
          message: `${KEY} is not recorded in components: record the installed ${KEY} release and support package; a direct connection needs ${minimaText()}, otherwise ${stopsWorking()} stop connecting to the support backbone`,
          range: fieldRange(doc, s, 'components', KEY),
          system: s.sid,
          data: { component: KEY, missing: true },
        });
        continue;
      }
      const stPi = parseStPi(raw);
      // malformed values are reported by the schema
      if (!stPi) continue;
      const basis = parseBasis(s.basis);
      const row = stPiRequirementFor(stPi.line, basis);
      if (stPi.sp >= row.minSp) continue;
      const required = `${row.line} ${formatSp(row.minSp)}`;
      const target = `${stPi.release} ${formatSp(row.minSp)}`;
      const basisNote = row.basis && basis && basis.release === row.basis.release ? ` (guide ${row.section}, SAP_BASIS ${basis.text})` : '';
      out.push({
        message: `${KEY} ${stPi.text} is below ${required}${basisNote}: upgrade to ${target} or higher (Tools for Support Service Sessions on SAP Support Portal), otherwise ${stopsWorking()} can no longer connect to the support backbone`,
        range: fieldRange(doc, s, 'components', KEY),
        system: s.sid,
        data: { component: KEY, current: stPi.text, required, target, applications: PLUGIN_DEPENDENT_APPLICATIONS.map((a) => a.id) },
        fixes: [{ title: `Set ${KEY} to ${target} (record the upgrade)`, edits: editor.setValue(sysPath(s, 'components', KEY), target), isPreferred: true }],
      });
    }
    return out;
  },
};
