import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import type { SystemDef } from '../core/model';
import type { RelatedInfo } from '../core/types';
import {
  citeSection,
  formatThreshold,
  LEGACY_INFRASTRUCTURE_RETIREMENT_DATE,
  NEW_HTTPS_DESTINATIONS,
  SSL_CLIENT_CIPHERSUITES_PARAMETER,
  sslClientPse,
  TASK_LIST_OSS_COMM,
  tciThreshold,
} from '../knowledge';
import type { GuideSectionId } from '../knowledge';
import { logonUserFor } from './connectivity-shared';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import type { TciState } from './shared';
import { fieldRange, tciState } from './shared';

const TL = TASK_LIST_OSS_COMM;
const STANDARD_PSE = sslClientPse('sslClientStandard').label;
/** Destinations the task list creates (guide 2.1.5 "New Connections"). */
const CREATED = NEW_HTTPS_DESTINATIONS.filter((d) => d.createdBy === TL.name).map((d) => d.name);
const TCI_SECTION: GuideSectionId = '2.1.4.3';

/** "STC01 (SAP Note 2738426, detailed steps in SAP Note 2793641)". */
function where(): string {
  const notes = [TL.note !== undefined ? `SAP Note ${TL.note}` : '', TL.detailNote !== undefined ? `detailed steps in SAP Note ${TL.detailNote}` : '']
    .filter(Boolean)
    .join(', ');
  return notes ? `${TL.transaction} (${notes})` : TL.transaction;
}

/** Why Note Assistant is not TCI-enabled, in the words of the file. */
function notTciReason(s: SystemDef, tci: TciState): string {
  switch (tci.reason) {
    case 'declared':
      return 'noteAssistant.tci is false';
    case 'below-table': {
      const row = tci.basis ? tciThreshold(tci.basis.release) : undefined;
      const below = row && tci.basis ? `SAP_BASIS ${tci.basis.text} is below ${formatThreshold(row)}` : `SAP_BASIS ${s.basis ?? ''}`.trim();
      return tci.bootstrapNote !== undefined ? `${below} and bootstrap SAP Note ${tci.bootstrapNote} is not in notes` : below;
    }
    default:
      return tci.basis ? `SAP_BASIS ${tci.basis.text} is not in the TCI table of guide ${TCI_SECTION}` : 'basis is not recorded';
  }
}

function message(s: SystemDef, tci: TciState): string {
  const user = logonUserFor(s);
  const run = `run it in ${where()}${TL.needsCommunicationUser ? ` and enter the user and password of ${user ? `technical communication user ${user}` : 'the technical communication user'}` : ''}`;
  const does = `It creates the HTTPS destinations to the support backbone and checks ${SSL_CLIENT_CIPHERSUITES_PARAMETER} and the SSL client certificates (PSE ${STANDARD_PSE})`;
  if (tci.enabled || !TL.requiresTciNoteAssistant) return `Task list ${TL.name} not executed: ${run}. ${does}`;
  if (tci.reason === 'no-tci-path') {
    return `Task list ${TL.name} not executed, and its prerequisite, a TCI-enabled Note Assistant, has no procedure for SAP_BASIS ${tci.basis?.release ?? ''} in guide ${TCI_SECTION}: check SAP Note ${TL.note ?? ''} for this release, then ${run}. ${does}`;
  }
  return `Task list ${TL.name} not executed, and Note Assistant is not TCI-enabled (${notTciReason(s, tci)}): enable TCI first (guide ${TCI_SECTION}, prerequisite of the task list), then ${run}. ${does}`;
}

/**
 * tasklist-oss-comm (guide 2.2, 4.3): every ABAP system with direct connectivity runs task list
 * SAP_BASIS_CONFIG_OSS_COMM; TCI enabling of Note Assistant comes first.
 */
export const rule: Rule = {
  // only the system's task lists, TCI state and own users
  scope: 'system',
  meta: {
    id: 'tasklist-oss-comm',
    title: `Task list ${TL.name} executed`,
    severity: 'error',
    section: '2.2, 4.3',
    description: [
      `ABAP systems that connect directly to the support backbone must execute task list \`${TL.name}\` in transaction \`${TL.transaction}\` (SAP Note ${TL.note}; detailed steps in SAP Note ${TL.detailNote}) and specify the user and password of the technical communication user (guide 4.3).`,
      '',
      `The task list creates the new HTTPS destinations (${CREATED.map((d) => `\`${d}\``).join(', ')}; guide 2.1.5), checks profile parameter \`${SSL_CLIENT_CIPHERSUITES_PARAMETER}\` and that the certificates of the ${STANDARD_PSE} PSE are installed (guide 2.2 "Next Steps").`,
      '',
      `**Prerequisite** (guide 2.2): Note Assistant is enabled for transport-based correction instructions (TCI, guide 2.1.4.3). When the system is not TCI-enabled, the message says so: enable TCI first.`,
      '',
      `Without the task list the system has no HTTPS destinations to the updated support backbone, so it loses its connection when the legacy RFC infrastructure is switched off on ${LEGACY_INFRASTRUCTURE_RETIREMENT_DATE}.`,
      '',
      `Checked: \`${TL.name}\` in \`taskLists\` of every \`role: abap\` system with \`connection: direct\`. The quick-fix records the task list in \`taskLists\` after you have run it.`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    taskLists: []',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      `    taskLists: [${TL.name}]`,
      '',
    ].join('\n'),
    fixable: true,
  },
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    const ed = new DocEditor(ctx.doc);
    for (const s of ctx.model.systems) {
      if (!isDirectAbap(s) || s.taskLists.includes(TL.name)) continue;
      const tci = tciState(s);
      const related: RelatedInfo[] = [];
      if (!tci.enabled && TL.requiresTciNoteAssistant) {
        const at = s.noteAssistant?.tci !== undefined ? sysPath(s, 'noteAssistant', 'tci') : s.basis !== undefined ? sysPath(s, 'basis') : undefined;
        if (at) related.push({ message: `Note Assistant TCI state (${citeSection(TCI_SECTION)})`, range: ctx.doc.rangeFor(at) });
      }
      out.push({
        // the message leads with both gaps in one long clause: the headline names them shortly
        ...(tci.enabled || !TL.requiresTciNoteAssistant ? {} : { headline: `Task list ${TL.name} not executed; Note Assistant not TCI-enabled` }),
        message: message(s, tci),
        range: fieldRange(ctx.doc, s, 'taskLists'),
        system: s.sid,
        related: related.length ? related : undefined,
        data: { taskList: TL.name, tciEnabled: tci.enabled, tciReason: tci.reason, communicationUser: logonUserFor(s) ?? null },
        fixes: [{ title: `Add ${TL.name} to taskLists`, edits: ed.addToList(sysPath(s, 'taskLists'), [TL.name]), isPreferred: true }],
      });
    }
    return out;
  },
};
