/**
 * The guide's checklists as data (chapters 3.2, 4.3, 5.3, 6.2 and the full checklist of 7),
 * each item linked to the rules that decide it.
 *
 * Items with `origin: 'checklist'` are the guide's own checklist bullets. Chapter 5.3 only refers
 * to an external "SAP Support Backbone Update Checklists" page, and 6.2 has a single bullet; the
 * items with `origin: 'derived'` fill those chapters from the steps of 5.1, 5.2, 6.1, 2.2.1, 2.2.2
 * and 2.3 as they apply to those systems, so that every applicable rule has a checklist home.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';
import type { AbapConnection, SystemRole } from './roles';
import type { DomainRuleId } from './ruleIds';

/** Chapters that hold a checklist. */
export type ChecklistChapterId = '3.2' | '4.3' | '5.3' | '6.2' | '7';

/**
 * A condition of a conditional item: Note Assistant TCI state, or SAP_BASIS below the
 * digital-signature table of guide 2.1.4.2 (only then are the digital-signature notes needed).
 * `saprouter-check-required`: SAP_BASIS below 740 (guide 4.2: from 740 on the SAProuter settings
 * are adjusted automatically). `support-hub-release`: SAP Solution Manager 7.2 SPS08 or higher, or
 * Focused Run 2.0 (guide 5.2 and 6.1: the task list is required on those releases).
 */
export type ChecklistCondition =
  | 'tci-enabled'
  | 'not-tci-enabled'
  | 'below-digital-signature-sp'
  | 'saprouter-check-required'
  | 'support-hub-release';

/** Which systems an item concerns. */
export interface ChecklistScope {
  readonly roles: readonly SystemRole[];
  /** For `abap`: the connections concerned (absent = all). */
  readonly abapConnections?: readonly AbapConnection[];
  /** Only systems whose Note Assistant is used (`noteAssistant.enabled` not false). */
  readonly snoteOnly: boolean;
  /** `landscape` when the item looks across systems (transport along tracks). */
  readonly level: 'system' | 'landscape';
}

/** One checklist item. */
export interface ChecklistItem {
  /** Stable kebab-case id, unique across chapters. */
  readonly id: string;
  readonly chapter: Exclude<ChecklistChapterId, '7'>;
  /** Short form of the guide's wording (or of the derived step). */
  readonly text: string;
  /**
   * The item in a few words (at most 26 characters: the checklist tree at the sidebar's default
   * width still shows why it is open after it); the wording of `text` goes to the tooltip.
   */
  readonly label: string;
  readonly origin: 'checklist' | 'derived';
  /** Guide sections that describe how to do it. */
  readonly sections: readonly GuideSectionId[];
  /** Conditions on the system (all must hold) under which the item applies, when it is conditional. */
  readonly conditions?: readonly ChecklistCondition[];
  readonly appliesTo: ChecklistScope;
  /** Rules whose findings decide whether the item is done. */
  readonly ruleIds: readonly DomainRuleId[];
  /**
   * Those of `ruleIds` that check a prerequisite or a result of the item rather than the step
   * itself (the task list was run, but the certificates it checks are missing): an item they keep
   * open says "blocked: …" in the tree.
   */
  readonly blockedBy?: readonly DomainRuleId[];
}

/** A chapter checklist. */
export interface ChecklistChapter {
  readonly id: Exclude<ChecklistChapterId, '7'>;
  readonly title: string;
  readonly items: readonly ChecklistItem[];
}

const ALL_ROLES: readonly SystemRole[] = ['abap', 'solman', 'frun'];
const SNOTE_SYSTEMS: ChecklistScope = { roles: ALL_ROLES, snoteOnly: true, level: 'system' };
const DIRECT_ABAP: ChecklistScope = { roles: ['abap'], abapConnections: ['direct'], snoteOnly: false, level: 'system' };
const DIRECT_ABAP_LANDSCAPE: ChecklistScope = { ...DIRECT_ABAP, level: 'landscape' };
const SOLMAN: ChecklistScope = { roles: ['solman'], snoteOnly: false, level: 'system' };
const FRUN: ChecklistScope = { roles: ['frun'], snoteOnly: false, level: 'system' };
const COMM_USER_RULES: readonly DomainRuleId[] = ['comm-user-missing', 'comm-user-unknown', 'comm-user-shared'];

// Guide 3.2 "Checklist for Note Assistant" (items in the guide's order). Step 2 of 2.1.4.2 (download
// channel, generic user) belongs to the same procedure as the notes, so its rules decide them too.
const NOTE_ASSISTANT_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'na-implement-2576306',
    chapter: '3.2',
    text: 'Note Assistant enabled for TCI: implement SAP Note 2576306 (and set up the note download channel, guide 2.1.4.2 step 2).',
    label: 'SAP Note 2576306 (TCI)',
    origin: 'checklist',
    sections: ['2.1.4.2'],
    conditions: ['below-digital-signature-sp', 'tci-enabled'],
    appliesTo: SNOTE_SYSTEMS,
    ruleIds: ['na-tci-state', 'na-digital-signature', 'na-download-channel', 'na-generic-user'],
    blockedBy: ['na-download-channel', 'na-generic-user'],
  },
  {
    id: 'na-implement-2408073-2546220-2508268',
    chapter: '3.2',
    text: 'Note Assistant not enabled for TCI: implement SAP Notes 2408073, 2546220 and 2508268 (and set up the note download channel, guide 2.1.4.2 step 2).',
    label: 'Digital-signature notes',
    origin: 'checklist',
    sections: ['2.1.4.2', '2.1.4.3'],
    conditions: ['below-digital-signature-sp', 'not-tci-enabled'],
    appliesTo: SNOTE_SYSTEMS,
    ruleIds: ['na-tci-state', 'na-digital-signature', 'na-download-channel', 'na-generic-user', 'na-tci-recommended'],
    blockedBy: ['na-download-channel', 'na-generic-user'],
  },
  {
    id: 'na-trust-anchors',
    chapter: '3.2',
    text: 'Install trust anchor certificates.',
    label: 'Trust anchor certificates',
    origin: 'checklist',
    sections: ['2.1.4.1'],
    appliesTo: SNOTE_SYSTEMS,
    ruleIds: ['na-trust-anchors'],
  },
];

// Guide 4.3 "Checklist for ABAP Systems with Direct Connectivity" (items in the guide's order).
// The task list also checks ssl/client_ciphersuites and the SSL client certificates and creates
// the new destinations (guide 2.2 "Next Steps", 2.1.5), so those rules decide its item as well.
const ABAP_DIRECT_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'abap-upgrade-plugins',
    chapter: '4.3',
    text: 'Upgrade ST-PI and ST-A/PI: ST-PI 740 SP10, ST-PI 2008_1_7xx SP20, ST-A/PI 01T* SP01.',
    label: 'ST-PI and ST-A/PI levels',
    origin: 'checklist',
    sections: ['2.1.1'],
    appliesTo: DIRECT_ABAP,
    ruleIds: ['plugin-st-pi', 'plugin-st-a-pi'],
  },
  {
    id: 'abap-note-assistant-transported',
    chapter: '4.3',
    text: 'Fulfil the Note Assistant requirements and transport the changes throughout the landscape.',
    label: 'SNOTE changes transported',
    origin: 'checklist',
    sections: ['2.1.4', '3.2'],
    appliesTo: DIRECT_ABAP_LANDSCAPE,
    ruleIds: ['na-tci-state', 'na-digital-signature', 'na-download-channel', 'na-generic-user', 'na-trust-anchors', 'track-transport'],
  },
  {
    id: 'abap-implement-2738426',
    chapter: '4.3',
    text: 'Implement SAP Note 2738426 and transport it throughout the landscape.',
    label: 'SAP Note 2738426',
    origin: 'checklist',
    sections: ['2.1.5', '4.3'],
    appliesTo: DIRECT_ABAP_LANDSCAPE,
    ruleIds: ['note-2738426', 'track-transport'],
  },
  {
    id: 'abap-request-comm-user',
    chapter: '4.3',
    text: 'Request a technical communication user.',
    label: 'Communication user',
    origin: 'checklist',
    sections: ['2.3'],
    appliesTo: DIRECT_ABAP,
    ruleIds: COMM_USER_RULES,
  },
  {
    id: 'abap-run-oss-comm-task-list',
    chapter: '4.3',
    text: 'Run task list SAP_BASIS_CONFIG_OSS_COMM (STC01) in each system with the technical communication user and password.',
    label: 'OSS_COMM task list',
    origin: 'checklist',
    sections: ['2.2', '2.2.1', '2.2.2', '2.1.5'],
    appliesTo: DIRECT_ABAP,
    ruleIds: ['tasklist-oss-comm', 'tls-ciphersuites', 'ssl-certificates', 'legacy-destination'],
    blockedBy: ['tls-ciphersuites', 'ssl-certificates', 'legacy-destination'],
  },
  {
    id: 'abap-configure-sdccn',
    chapter: '4.3',
    text: 'Configure the Service Data Control Center (SDCCN).',
    label: 'SDCCN configured',
    origin: 'checklist',
    sections: ['4.1'],
    appliesTo: DIRECT_ABAP,
    ruleIds: ['sdccn-prerequisites', 'sdccn-destinations', 'sdccn-tasks'],
  },
  {
    id: 'abap-check-saprouter',
    chapter: '4.3',
    text: 'Check and adjust the SAProuter settings.',
    label: 'SAProuter settings checked',
    origin: 'checklist',
    sections: ['4.2'],
    conditions: ['saprouter-check-required'],
    appliesTo: DIRECT_ABAP,
    ruleIds: ['saprouter-check'],
  },
];

// Guide 5.3 / 7 "SAP Solution Manager": the upgrade bullet is the guide's; "Completed the steps
// described at SAP Support Backbone Update Checklists" points outside the guide, so it is
// expanded into the guide's own steps for SAP Solution Manager (5.1, 5.2, 2.2.1, 2.2.2, 2.3).
const SOLMAN_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'solman-upgrade-sps08',
    chapter: '5.3',
    text: 'Upgrade to SAP Solution Manager 7.2 SPS08 or higher (recommended).',
    label: 'SolMan 7.2 SPS08 or higher',
    origin: 'checklist',
    sections: ['2.1.2'],
    appliesTo: SOLMAN,
    ruleIds: ['solman-release'],
  },
  {
    id: 'solman-request-comm-user',
    chapter: '5.3',
    text: 'Have a technical communication user.',
    label: 'Communication user',
    origin: 'derived',
    sections: ['2.3', '5.1'],
    appliesTo: SOLMAN,
    ruleIds: COMM_USER_RULES,
  },
  {
    id: 'solman-setup-logon-data',
    chapter: '5.3',
    text: 'SOLMAN_SETUP, System Preparation, 3.1 RFC Connectivity: enter the technical communication user as "S-User for SAP Backend" and a corporate S-user as "S-User for Communication", then Maintain Connections.',
    label: 'SOLMAN_SETUP logon data',
    origin: 'derived',
    sections: ['5.1'],
    appliesTo: SOLMAN,
    ruleIds: ['solman-setup', 'legacy-destination'],
    blockedBy: ['legacy-destination'],
  },
  {
    id: 'solman-run-support-hub-task-list',
    chapter: '5.3',
    text: 'Run task list SAP_SUPPORT_HUB_CONFIG (STC01).',
    label: 'SUPPORT_HUB task list',
    origin: 'derived',
    sections: ['5.2'],
    conditions: ['support-hub-release'],
    appliesTo: SOLMAN,
    ruleIds: ['tasklist-support-hub'],
  },
  {
    id: 'solman-tls',
    chapter: '5.3',
    text: 'Check ssl/client_ciphersuites (RZ11) for TLS 1.1 or higher.',
    label: 'TLS 1.1+ cipher suites',
    origin: 'derived',
    sections: ['2.2.1'],
    appliesTo: SOLMAN,
    ruleIds: ['tls-ciphersuites'],
  },
  {
    id: 'solman-ssl-certificates',
    chapter: '5.3',
    text: 'Install the root CA certificates in SSL Client (Standard) and SSL Client (Anonymous) (STRUST).',
    label: 'Root CAs (SSL client PSEs)',
    origin: 'derived',
    sections: ['2.2.2'],
    appliesTo: SOLMAN,
    ruleIds: ['ssl-certificates'],
  },
];

// Guide 6.2 / 7 "Focused Run for SAP Solution Manager": the release bullet is the guide's; the
// task list of 6.1 and the steps of 2.2.1, 2.2.2 (linked from 6.1) and 2.3 are derived.
const FRUN_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'frun-upgrade-2-0',
    chapter: '6.2',
    text: 'Upgrade to Focused Run for SAP Solution Manager 2.0.',
    label: 'Focused Run 2.0',
    origin: 'checklist',
    sections: ['2.1.3'],
    appliesTo: FRUN,
    ruleIds: ['frun-release'],
  },
  {
    id: 'frun-run-support-hub-task-list',
    chapter: '6.2',
    text: 'Run task list SAP_SUPPORT_HUB_CONFIG (STC01).',
    label: 'SUPPORT_HUB task list',
    origin: 'derived',
    sections: ['6.1'],
    conditions: ['support-hub-release'],
    appliesTo: FRUN,
    ruleIds: ['tasklist-support-hub'],
  },
  {
    id: 'frun-request-comm-user',
    chapter: '6.2',
    text: 'Have a technical communication user.',
    label: 'Communication user',
    origin: 'derived',
    sections: ['2.3'],
    appliesTo: FRUN,
    ruleIds: COMM_USER_RULES,
  },
  {
    id: 'frun-tls',
    chapter: '6.2',
    text: 'Check ssl/client_ciphersuites (RZ11) for TLS 1.1 or higher.',
    label: 'TLS 1.1+ cipher suites',
    origin: 'derived',
    sections: ['2.2.1'],
    appliesTo: FRUN,
    ruleIds: ['tls-ciphersuites'],
  },
  {
    id: 'frun-ssl-certificates',
    chapter: '6.2',
    text: 'Install the root CA certificates in SSL Client (Standard) (STRUST).',
    label: 'Root CAs (SSL Client Std.)',
    origin: 'derived',
    sections: ['2.2.2'],
    appliesTo: FRUN,
    ruleIds: ['ssl-certificates'],
  },
];

/** The chapter checklists in the guide's chapter order (3.2, 4.3, 5.3, 6.2). */
export const CHECKLIST_CHAPTERS: readonly ChecklistChapter[] = deepFreeze([
  { id: '3.2', title: 'Checklist for Note Assistant', items: NOTE_ASSISTANT_ITEMS },
  { id: '4.3', title: 'Checklist for ABAP Systems with Direct Connectivity', items: ABAP_DIRECT_ITEMS },
  { id: '5.3', title: 'Checklist for SAP Solution Manager', items: SOLMAN_ITEMS },
  { id: '6.2', title: 'Checklist for Focused Run for SAP Solution Manager', items: FRUN_ITEMS },
]);

/** A group of the full checklist (chapter 7). */
export interface FullChecklistGroup {
  /** The guide's group heading. */
  readonly title: string;
  /** Chapter checklist the group repeats. */
  readonly chapter: Exclude<ChecklistChapterId, '7'>;
  readonly items: readonly ChecklistItem[];
}

function chapter(id: Exclude<ChecklistChapterId, '7'>): ChecklistChapter {
  return CHECKLIST_CHAPTERS.find((c) => c.id === id) as ChecklistChapter;
}

// Guide 7 "Support Backbone Update: Checklist": groups in the guide's order there, which differs
// from the chapter order (SAP Solution Manager, Focused Run, Note Assistant, ABAP direct).
/** The full checklist of chapter 7: the chapter checklists, grouped in the order chapter 7 uses. */
export const FULL_CHECKLIST: readonly FullChecklistGroup[] = deepFreeze([
  { title: 'SAP Solution Manager', chapter: '5.3', items: chapter('5.3').items },
  { title: 'Focused Run for SAP Solution Manager', chapter: '6.2', items: chapter('6.2').items },
  { title: 'Note Assistant', chapter: '3.2', items: chapter('3.2').items },
  { title: 'ABAP Systems with Direct Connectivity', chapter: '4.3', items: chapter('4.3').items },
]);

/**
 * The items of one checklist chapter; `'7'` gives the full checklist flattened in chapter 7's order.
 */
export function checklistItems(id: ChecklistChapterId): readonly ChecklistItem[] {
  if (id === '7') return FULL_CHECKLIST.flatMap((g) => g.items);
  return chapter(id).items;
}

/** One item by id, from any chapter. */
export function checklistItem(id: string): ChecklistItem | undefined {
  return CHECKLIST_CHAPTERS.flatMap((c) => c.items).find((i) => i.id === id);
}

/**
 * Whether an item concerns a system.
 * @param item the checklist item
 * @param system role, ABAP connection and whether Note Assistant is used
 */
export function checklistItemApplies(
  item: ChecklistItem,
  system: { readonly role: SystemRole; readonly connection?: AbapConnection; readonly snoteEnabled: boolean },
): boolean {
  const scope = item.appliesTo;
  if (!scope.roles.includes(system.role)) return false;
  if (scope.snoteOnly && !system.snoteEnabled) return false;
  if (system.role === 'abap' && scope.abapConnections) {
    return system.connection !== undefined && scope.abapConnections.includes(system.connection);
  }
  return true;
}
