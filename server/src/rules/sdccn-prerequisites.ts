import { isScalar, isSeq } from 'yaml';
import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import {
  connectionTypeInfo,
  DESTINATION_TRANSACTION,
  formatBasis,
  formatSp,
  minimumStPiFor,
  parseBasis,
  parseStPi,
  PLUGIN_COMPONENTS,
  SDCCN_PREREQUISITES,
  sdccnPrerequisiteFor,
} from '../knowledge';
import type { SdccnPrerequisite } from '../knowledge';
import { chainEditsInSystem, lastEntryPath, logonUserFor } from './connectivity-shared';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { listText, systemRange } from './shared';

type Required = SdccnPrerequisite['destinations'][number];

/** The variant that asks for destinations created by hand (ST-PI 740 on SAP_BASIS 740 SP7 and below). */
const MANUAL = (SDCCN_PREREQUISITES.find((p) => p.destinations.length > 0) ?? SDCCN_PREREQUISITES[0]) as SdccnPrerequisite;
const MANUAL_BASIS = MANUAL.basis ? `SAP_BASIS ${MANUAL.basis.release}${MANUAL.basis.spTo !== undefined ? ` ${formatSp(MANUAL.basis.spTo)} or lower` : ''}` : 'SAP_BASIS';
/** The minimum ST-PI of the manual variant's line, so that the examples trip no plug-in rule. */
const MANUAL_ST_PI = MANUAL.stPiLine ? minimumStPiFor(MANUAL.stPiLine) : '';
const TASK_LIST_VARIANT = SDCCN_PREREQUISITES.find((p) => p.taskList)?.taskList;

const describe = (d: Required): string => `${d.name} (type ${d.type}, SAP Note ${d.note})`;

/**
 * sdccn-prerequisites (guide 4.1 "Prerequisites"): with ST-PI 740 on SAP_BASIS 740 SP7 or lower,
 * the HTTP destinations SDCCN needs are created by hand. In every other case the prerequisite is
 * task list SAP_BASIS_CONFIG_OSS_COMM, which tasklist-oss-comm reports; it is not reported twice.
 */
export const rule: Rule = {
  // only the system's components, basis, destinations and own users
  scope: 'system',
  meta: {
    id: 'sdccn-prerequisites',
    title: 'HTTP destinations for SDCCN created',
    severity: 'error',
    section: '4.1',
    description: [
      `Before SDCCN can be switched to the new destinations (guide 4.1 "Prerequisites"), the HTTP destinations must exist. The way depends on the plug-ins:`,
      '',
      ...SDCCN_PREREQUISITES.map((p) =>
        p.destinations.length
          ? `- **${p.title}**: create ${p.destinations.map((d) => `\`${d.name}\` (type ${d.type}, SAP Note ${d.note})`).join(' and ')} by hand in \`${DESTINATION_TRANSACTION}\`.`
          : `- **${p.title}**: execute task list \`${p.taskList?.name ?? ''}\` (SAP Note ${p.taskList?.note ?? ''}).`),
      '',
      `Checked on every \`role: abap\` system with \`connection: direct\` that has ST-PI ${MANUAL.stPiLine ?? ''} on ${MANUAL_BASIS}: each destination missing from \`destinations\` → error (SDCCN cannot send data to SAP without them), a destination with another connection type → error on its \`type\`.`,
      '',
      `In all other cases the prerequisite is task list \`${TASK_LIST_VARIANT?.name ?? ''}\`, which rule \`tasklist-oss-comm\` already reports; this rule does not report it a second time.`,
      '',
      "Quick-fixes: add the missing destinations with their type (and the system's `communicationUser` as user); set the type of a destination to the required one.",
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      `    basis: ${MANUAL.basis ? formatBasis(MANUAL.basis.release, MANUAL.basis.spTo ?? 0) : ''}`,
      '    components:',
      `      ${PLUGIN_COMPONENTS.stPi}: ${MANUAL_ST_PI}`,
      '    destinations: {}',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      `    basis: ${MANUAL.basis ? formatBasis(MANUAL.basis.release, MANUAL.basis.spTo ?? 0) : ''}`,
      '    components:',
      `      ${PLUGIN_COMPONENTS.stPi}: ${MANUAL_ST_PI}`,
      '    destinations:',
      ...MANUAL.destinations.map((d) => `      ${d.name}: { type: ${d.type} }`),
      '',
    ].join('\n'),
    fixable: true,
  },
  check(ctx: RuleContext): RuleFinding[] {
    const { doc } = ctx;
    const out: RuleFinding[] = [];
    const ed = new DocEditor(doc);
    for (const s of ctx.model.systems) {
      if (!isDirectAbap(s)) continue;
      const stPi = parseStPi(s.components[PLUGIN_COMPONENTS.stPi]);
      const basis = parseBasis(s.basis);
      const prereq = sdccnPrerequisiteFor(stPi, basis);
      // task-list variants: tasklist-oss-comm reports the task list
      if (prereq.destinations.length === 0 || !stPi || !basis) continue;
      const context = `ST-PI ${stPi.text} on SAP_BASIS ${basis.text}`;
      const user = logonUserFor(s);
      const missing = prereq.destinations.filter((d) => !(d.name in s.destinations));
      if (missing.length) {
        const destPath = sysPath(s, 'destinations');
        const entry = (d: Required): { type: string; user?: string } => (user ? { type: d.type, user } : { type: d.type });
        // chained: the first key may create the map, or fill an empty `{}`; anchored to the last
        // entry, so that fix-all does not combine it with legacy-destination removing that entry
        const current = doc.nodeAt(destPath).value;
        // `destinations` of the wrong type (a list, a text): the schema reports it, no safe edit
        const wrongType = current !== undefined && (isSeq(current) || (isScalar(current) && current.value !== null));
        const edits = wrongType ? [] : chainEditsInSystem(doc, s.sid, missing.map((d) => (e: DocEditor) => e.insertKey(destPath, d.name, entry(d))), lastEntryPath(doc, destPath));
        out.push({
          message: `${context}: SDCCN needs HTTP destination${missing.length > 1 ? 's' : ''} ${listText(missing.map(describe))}, created by hand in ${DESTINATION_TRANSACTION} (guide ${prereq.section}); without ${missing.length > 1 ? 'them' : 'it'} SDCCN cannot send data to SAP`,
          range: doc.rangeOfKey(destPath) ?? systemRange(doc, s),
          system: s.sid,
          data: { variant: prereq.id, missingDestinations: missing.map((d) => d.name) },
          fixes: edits.length ? [{ title: `Add destination${missing.length > 1 ? 's' : ''} ${listText(missing.map((d) => `${d.name} (type ${d.type})`))}`, edits, isPreferred: true }] : undefined,
        });
      }
      for (const d of prereq.destinations) {
        const type = s.destinations[d.name]?.type;
        if (type === undefined || type === d.type) continue;
        const typePath = sysPath(s, 'destinations', d.name, 'type');
        const want = connectionTypeInfo(d.type)?.description;
        out.push({
          message: `${context}: destination ${d.name} has type ${type}, but SDCCN needs type ${d.type}${want ? ` (${want})` : ''} as described in SAP Note ${d.note}`,
          range: doc.rangeOfValue(typePath) ?? doc.rangeFor(typePath),
          system: s.sid,
          data: { variant: prereq.id, destination: d.name, type, requiredType: d.type },
          fixes: [{ title: `Set type of ${d.name} to ${d.type}`, edits: ed.setValue(typePath, d.type), isPreferred: true }],
        });
      }
    }
    return out;
  },
};
