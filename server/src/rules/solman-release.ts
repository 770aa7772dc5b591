import { DocEditor } from '../core/edits';
import type { SolmanConnectivityRow } from '../knowledge';
import {
  compareDottedRelease,
  knows,
  parseDottedRelease,
  reached,
  SOLMAN_END_OF_MAINTENANCE,
  parseSolmanRelease,
  SOLMAN_CONNECTIVITY,
  SOLMAN_RECOMMENDED_TARGET,
  SOLMAN_SCENARIOS,
  solmanConnectivityRow,
} from '../knowledge';
import type { KnowledgeContext, SolmanVersion } from '../knowledge';
import type { Severity } from '../core/types';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

const TARGET = SOLMAN_RECOMMENDED_TARGET.text;
const TARGET_RELEASE = SOLMAN_RECOMMENDED_TARGET.release;

/**
 * The connectivity row of a release. A release older than the first row of the guide's table
 * (e.g. 7.0) cannot do better than that row, so it gets the same verdict.
 */
function rowFor(v: SolmanVersion): SolmanConnectivityRow | undefined {
  const row = solmanConnectivityRow(v);
  if (row) return row;
  const first = SOLMAN_CONNECTIVITY[0];
  const firstRelease = first ? parseDottedRelease(first.release) : undefined;
  return first && firstRelease && compareDottedRelease(v, firstRelease) < 0 ? first : undefined;
}

/** "Landscape management (Landscape synchronization, …); License management (…)" from guide 5. */
function scenariosText(): string {
  const byArea = new Map<string, string[]>();
  for (const s of SOLMAN_SCENARIOS) byArea.set(s.area, [...(byArea.get(s.area) ?? []), s.scenario]);
  return [...byArea].map(([area, list]) => `${area}: ${list.join(', ')}`).join('; ');
}

/** Areas of the affected scenarios (guide 5), "Landscape management, … and …". */
const AREAS = listText([...new Set(SOLMAN_SCENARIOS.map((s) => s.area))]);

/** Scenarios of the IT service management area (guide 5), the ones partial connectivity loses. */
const ITSM_SCENARIOS = SOLMAN_SCENARIOS.filter((s) => s.area === 'IT service management').map((s) => s.scenario);

/** The release whose end of mainstream maintenance the record dates. */
const EOM_RELEASE = '7.2';

/**
 * Baseline current: SAP Solution Manager 7.2 leaves mainstream maintenance on 2027-12-31 — an info
 * until half a year before, a warning in the last half year, an error after it (the one place the
 * text and severity are decided).
 */
function endOfMaintenance(k: KnowledgeContext, v: SolmanVersion): { severity: Severity; message: string } | undefined {
  const e = SOLMAN_END_OF_MAINTENANCE;
  if (!knows(k, e) || v.release !== EOM_RELEASE) return undefined;
  if (reached(k, e.errorFrom)) {
    return { severity: 'error', message: `SAP Solution Manager ${v.text}: mainstream maintenance ended on ${e.endsOn}; move to ${e.successor}, SAP's successor (Focused Run for large-scale operations)` };
  }
  const severity: Severity = reached(k, e.warnFrom) ? 'warning' : 'info';
  return { severity, message: `SAP Solution Manager ${v.text}: mainstream maintenance ends on ${e.endsOn}; plan the move to ${e.successor}, SAP's successor (Focused Run for large-scale operations)` };
}

function example(release: string): string {
  return ['landscape: Example', 'systems:', '  SOL:', '    role: solman', `    release: ${release}`, ''].join('\n');
}

/**
 * Guide 2.1.2 and 5: SAP Solution Manager loses all or part of its connectivity to the support
 * backbone below the recommended release / Support Package Stack.
 */
export const rule: Rule = {
  // only the system's role and release
  scope: 'system',
  meta: {
    id: 'solman-release',
    title: 'SAP Solution Manager release and Support Package Stack',
    severity: 'error',
    section: '2.1.2, 5',
    description: [
      `Checks the \`release\` of SAP Solution Manager systems (\`role: solman\`). The guide strongly recommends **${TARGET}** or higher.`,
      '',
      '| If the system remains on… | it will have… | severity |',
      '|---|---|---|',
      ...SOLMAN_CONNECTIVITY.map((r) => `| ${r.label} | ${r.consequence} | ${r.connectivity === 'none' ? 'error' : r.connectivity === 'partial' ? 'warning' : '—'} |`),
      '',
      'With partial connectivity the system loses IT service management connectivity (for example message forwarding and the',
      'exchange of incidents with SAP) and misses the developments of later stacks; manual configuration is needed for the',
      'remaining functions (SAP Support Backbone Update Checklists).',
      '',
      `Scenarios affected by the backbone update (guide 5): ${scenariosText()}.`,
      '',
      'SAP can still provide remote support by connecting to your systems. To upgrade, see the upgrade guide for SAP Solution Manager 7.2.',
      'The quick-fix records the upgrade in the file once it is done.',
      '',
      `Baseline \`current\`: mainstream maintenance of SAP Solution Manager ${EOM_RELEASE} ends on ${SOLMAN_END_OF_MAINTENANCE.endsOn}; every ${EOM_RELEASE} system gets a finding to plan the move to ${SOLMAN_END_OF_MAINTENANCE.successor}: info until ${SOLMAN_END_OF_MAINTENANCE.warnFrom}, warning from then, error from ${SOLMAN_END_OF_MAINTENANCE.errorFrom} (by the date \`asOf\`).`,
    ].join('\n'),
    badExample: example('7.2 SPS07'),
    goodExample: example(TARGET),
    fixable: true,
  },

  check(ctx) {
    const { doc, model } = ctx;
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    for (const s of model.systems) {
      if (s.role !== 'solman') continue;
      const v = parseSolmanRelease(s.release);
      // absent or malformed: the schema reports it
      if (!v) continue;
      if (v.sps === 0) continue; // no such SPS: the schema reports the value
      const eom = endOfMaintenance(ctx, v);
      if (eom) {
        const e = SOLMAN_END_OF_MAINTENANCE;
        out.push({ ...eom, range: fieldRange(doc, s, 'release'), system: s.sid, data: { release: v.text, mainstreamMaintenanceEndsOn: e.endsOn, successor: e.successor } });
      }
      if (v.release === TARGET_RELEASE && v.sps === undefined) {
        // connectivity depends on the Support Package Stack (guide 2.1.2): ask for it
        out.push({
          severity: 'warning',
          message: `SAP Solution Manager ${v.text} without its Support Package Stack: record it (e.g. "${TARGET}"); 7.2 SPS01–04 has no connectivity to SAP, SPS05–07 partial, ${TARGET} or higher full (guide 2.1.2)`,
          range: fieldRange(doc, s, 'release'),
          system: s.sid,
          data: { release: v.text, unrecorded: true },
        });
        continue;
      }
      const row = rowFor(v);
      if (!row || row.connectivity === 'full') continue;
      const range = fieldRange(doc, s, 'release');
      const fix = { title: `Set release to ${TARGET} (record the upgrade)`, edits: editor.setValue(sysPath(s, 'release'), TARGET), isPreferred: true };
      const data = { release: v.text, connectivity: row.connectivity, target: TARGET, losses: row.losses };
      if (row.connectivity === 'none') {
        out.push({
          severity: 'error',
          message: `SAP Solution Manager ${v.text} has no connectivity to SAP after the support backbone update${row.spsFrom !== undefined ? ` (${row.label})` : ''}: upgrade to ${TARGET} or higher; until then the ${AREAS} scenarios cannot reach SAP`,
          range,
          system: s.sid,
          related: [{ message: `Affected scenarios (guide 5): ${scenariosText()}`, range }],
          data: { ...data, scenarios: SOLMAN_SCENARIOS.map((x) => x.scenario) },
          fixes: [fix],
        });
      } else {
        const lost = row.losses[0] ?? 'IT service management connectivity';
        out.push({
          severity: 'warning',
          message: `SAP Solution Manager ${v.text} has only partial connectivity to SAP (${row.label}): it loses ${lost}, and the other functions need manual configuration; upgrade to ${TARGET} or higher`,
          range,
          system: s.sid,
          related: [{ message: [`Lost with partial connectivity (guide 5): ${listText(ITSM_SCENARIOS)}`, ...row.losses.slice(1).map((l) => `also missing: ${l}`)].join('; '), range }],
          data: { ...data, scenarios: ITSM_SCENARIOS },
          fixes: [fix],
        });
      }
    }
    return out;
  },
};
