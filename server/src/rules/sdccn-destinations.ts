import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import type { Fix } from '../core/types';
import { inEffect, knows, LEGACY_INFRASTRUCTURE_RETIREMENT_DATE, LEGACY_SHUTDOWN, RFC_SHUTDOWN, SDCCN_PROCEDURE, tense } from '../knowledge';
import type { KnowledgeContext } from '../knowledge';
import { listItemIndex } from './connectivity-shared';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

const P = SDCCN_PROCEDURE;
const OLD = P.obsoleteDestination;
const NEW = P.requiredDestination;

/**
 * sdccn-destinations (guide 4.1 step 1): SDCCN of a directly connected ABAP system uses
 * SAP-SUPPORT_PORTAL and no longer SDCC_OSS. One finding per system.
 */
/** Why the old destination fails, in the tense of asOf (the guide's date under guide-1.1). */
function legacyClause(k: KnowledgeContext): string {
  if (inEffect(k, RFC_SHUTDOWN)) return `${OLD} no longer reaches SAP: SAP closed all RFC connections from customer systems on ${RFC_SHUTDOWN.effective}, SAP Note ${RFC_SHUTDOWN.note}`;
  if (knows(k, LEGACY_SHUTDOWN)) return `the legacy RFC infrastructure ${tense(k, LEGACY_SHUTDOWN.effective, 'was shut down on', 'is shut down on')}`;
  return `the legacy RFC infrastructure is switched off on ${LEGACY_INFRASTRUCTURE_RETIREMENT_DATE}`;
}

export const rule: Rule = {
  // only the system's sdccn
  scope: 'system',
  meta: {
    id: 'sdccn-destinations',
    title: `SDCCN uses ${NEW} instead of ${OLD}`,
    severity: 'error',
    section: '4.1',
    description: [
      `ABAP systems with direct connectivity must switch the Service Data Control Center to the new HTTP destination: in transaction \`${P.transaction}\`, remove destination \`${OLD}\` and add destination \`${NEW}\` (guide ${P.section}, step 1).`,
      '',
      `\`${OLD}\` is an RFC destination of the legacy infrastructure, which is switched off on ${LEGACY_INFRASTRUCTURE_RETIREMENT_DATE}; SDCCN needs a working destination to SAP for all its tasks (refreshing service definitions, sending session data such as SAP EarlyWatch Alert), so they stop reaching SAP.`,
      '',
      `Checked on every \`role: abap\` system with \`connection: direct\`:`,
      `- \`sdccn.destinations\` contains \`${OLD}\` or lacks \`${NEW}\` → error (one per system), on the \`${OLD}\` item, else on the list;`,
      `- \`sdccn\` or \`sdccn.destinations\` not recorded → error as well (the list lacks \`${NEW}\`), asking to record the SDCCN destinations.`,
      '',
      `Quick-fixes: replace \`${OLD}\` by \`${NEW}\` in place (keeps the order), remove \`${OLD}\` when \`${NEW}\` is already listed, or add \`${NEW}\`.`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    sdccn:',
      `      destinations: [${OLD}]`,
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    sdccn:',
      `      destinations: [${NEW}]`,
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
      const listPath = sysPath(s, 'sdccn', 'destinations');
      const list = s.sdccn?.destinations;
      if (list === undefined) {
        out.push({
          // spec §2 (4.1): lacking SAP-SUPPORT_PORTAL is an error; a list that is not there lacks it
          message: `SDCCN destinations not recorded, so ${NEW} is not shown to be used: in transaction ${P.transaction} remove ${OLD} and add ${NEW} (guide ${P.section}), then record them in sdccn.destinations`,
          range: fieldRange(doc, s, 'sdccn', 'destinations'),
          system: s.sid,
          data: { recorded: false, requiredDestination: NEW, obsoleteDestination: OLD },
          fixes: [{ title: `Record sdccn.destinations: [${NEW}]`, edits: ed.addToList(listPath, [NEW]), isPreferred: true }],
        });
        continue;
      }
      const hasOld = list.includes(OLD);
      const hasNew = list.includes(NEW);
      if (!hasOld && hasNew) continue;
      const oldIdx = hasOld ? listItemIndex(doc, listPath, OLD) : -1;
      const fixes: Fix[] = [];
      let message: string;
      if (hasOld && !hasNew) {
        message = `SDCCN still uses ${OLD} and not ${NEW}: in transaction ${P.transaction} remove destination ${OLD} and add ${NEW} (${legacyClause(ctx)})`;
        if (oldIdx >= 0) fixes.push({ title: `Replace ${OLD} by ${NEW} in sdccn.destinations`, edits: ed.setValue([...listPath, oldIdx], NEW), isPreferred: true });
      } else if (hasOld) {
        message = `SDCCN still lists ${OLD} next to ${NEW}: in transaction ${P.transaction} remove destination ${OLD}`;
        const edits = oldIdx >= 0 ? ed.removeListItem(listPath, oldIdx) : [];
        if (edits.length) fixes.push({ title: `Remove ${OLD} from sdccn.destinations`, edits, isPreferred: true });
      } else {
        const now = list.length ? `uses ${list.join(', ')} but not ${NEW}` : 'has no destination';
        message = `SDCCN ${now}: in transaction ${P.transaction} add destination ${NEW}`;
      }
      if (!hasNew && fixes.length === 0) fixes.push({ title: `Add ${NEW} to sdccn.destinations`, edits: ed.addToList(listPath, [NEW]), isPreferred: true });
      out.push({
        message,
        range: oldIdx >= 0 ? fieldRange(doc, s, 'sdccn', 'destinations', oldIdx) : fieldRange(doc, s, 'sdccn', 'destinations'),
        system: s.sid,
        data: { recorded: true, containsObsolete: hasOld, lacksRequired: !hasNew, requiredDestination: NEW, obsoleteDestination: OLD },
        fixes,
      });
    }
    return out;
  },
};
