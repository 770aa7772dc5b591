/**
 * Where the landscape file records the facts behind each checklist item (spec §1), so that the
 * checklist can point at the field that shows an item is done and tell "not recorded" from
 * "not done". Paths are below `systems.<SID>`.
 */
import { deepFreeze } from './freeze';
import { lookup } from './lookup';
import type { DomainRuleId } from './ruleIds';

/** A path below `systems.<SID>`, e.g. `['noteAssistant', 'trustAnchors']`. */
export type SystemFieldPath = readonly string[];

/** The fields that show a checklist item's state. */
export interface ChecklistItemEvidence {
  /** Fields that show the item is done, most specific first; the first one present is shown. */
  readonly fields: readonly SystemFieldPath[];
  /**
   * Fields without which the item cannot be decided and whose absence no rule of the item reports
   * (beyond what its conditions need): when one is absent, the item's state is unknown, not done.
   */
  readonly requires?: readonly SystemFieldPath[];
}

// Spec §1 field list, matched to the checklist items of knowledge/checklist.ts.
/** Evidence per checklist item id. */
export const CHECKLIST_ITEM_EVIDENCE: Readonly<Record<string, ChecklistItemEvidence>> = deepFreeze({
  'na-implement-2576306': { fields: [['notes'], ['basis']] },
  'na-implement-2408073-2546220-2508268': { fields: [['notes'], ['basis']] },
  'na-trust-anchors': { fields: [['noteAssistant', 'trustAnchors']] },
  'abap-upgrade-plugins': { fields: [['components']] },
  'abap-note-assistant-transported': { fields: [['notes'], ['noteAssistant']], requires: [['basis']] },
  'abap-implement-2738426': { fields: [['notes']] },
  'abap-request-comm-user': { fields: [['communicationUser']] },
  'abap-run-oss-comm-task-list': { fields: [['taskLists']] },
  'abap-configure-sdccn': { fields: [['sdccn', 'destinations'], ['sdccn']] },
  'abap-check-saprouter': { fields: [['saprouter', 'checked'], ['saprouter']] },
  'solman-upgrade-sps08': { fields: [['release']], requires: [['release']] },
  'solman-request-comm-user': { fields: [['communicationUser']] },
  'solman-setup-logon-data': { fields: [['solmanSetup']] },
  'solman-run-support-hub-task-list': { fields: [['taskLists']] },
  'solman-tls': { fields: [['profile', 'ssl/client_ciphersuites']] },
  'solman-ssl-certificates': { fields: [['certificates']] },
  'frun-upgrade-2-0': { fields: [['release']], requires: [['release']] },
  'frun-run-support-hub-task-list': { fields: [['taskLists']] },
  'frun-request-comm-user': { fields: [['communicationUser']] },
  'frun-tls': { fields: [['profile', 'ssl/client_ciphersuites']] },
  'frun-ssl-certificates': { fields: [['certificates']] },
});

// Spec §2: the findings that ask to "record" a fact ("missing component → warning asking to
// record it", "740+ without download → warning … record the result", "ssl/client_ciphersuites
// absent → warning (check RZ11)", "trustAnchors not true", the SDCCN destinations and
// "tasksRecreated not true", "saprouter.checked not true", the TCI state without `basis`). A
// warning of these rules on a system where the field is absent means "not recorded", not "not done".
/** Per rule, the fields whose absence turns its warnings into "not recorded". */
export const RULE_RECORDED_FIELDS: Readonly<Partial<Record<DomainRuleId, readonly SystemFieldPath[]>>> = deepFreeze({
  'plugin-st-pi': [['components', 'ST-PI']],
  'plugin-st-a-pi': [['components', 'ST-A/PI']],
  'solman-release': [['release']],
  'frun-release': [['release']],
  'na-tci-state': [['basis']],
  'na-download-channel': [['noteAssistant', 'download']],
  'na-trust-anchors': [['noteAssistant', 'trustAnchors']],
  'tls-ciphersuites': [['profile', 'ssl/client_ciphersuites']],
  'sdccn-destinations': [['sdccn', 'destinations']],
  'sdccn-tasks': [['sdccn', 'tasksRecreated']],
  'saprouter-check': [['saprouter', 'checked']],
});

/** The evidence of a checklist item, by its id. */
export function checklistItemEvidence(itemId: string): ChecklistItemEvidence | undefined {
  return lookup(CHECKLIST_ITEM_EVIDENCE, itemId);
}

/** The fields whose absence turns a rule's warnings into "not recorded", by rule id. */
export function ruleRecordedFields(ruleId: string): readonly SystemFieldPath[] | undefined {
  return lookup(RULE_RECORDED_FIELDS, ruleId);
}
