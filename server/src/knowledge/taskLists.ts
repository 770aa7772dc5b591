/**
 * Task list knowledge (guide 2.2, 4.3, 5.2, 6.1): the two task lists executed in STC01.
 */
import { deepFreeze } from './freeze';
import { lookup } from './lookup';
import type { GuideSectionId } from './guide';
import type { AbapConnection, SystemRole } from './roles';

/** Names of the task lists the guide requires. */
export type TaskListName = 'SAP_BASIS_CONFIG_OSS_COMM' | 'SAP_SUPPORT_HUB_CONFIG';

/** One task list. */
export interface TaskList {
  readonly name: TaskListName;
  /** Transaction that runs it. */
  readonly transaction: string;
  /** SAP Note that describes / delivers the task list, when the guide names one. */
  readonly note?: number;
  /** SAP Note with step-by-step instructions, when the guide names one. */
  readonly detailNote?: number;
  /** Prerequisite: Note Assistant prepared for transport-based correction instructions. */
  readonly requiresTciNoteAssistant: boolean;
  /** Whether the user and password of the technical communication user must be entered. */
  readonly needsCommunicationUser: boolean;
  /** Roles the task list is for; `abapConnections` narrows `abap`. */
  readonly roles: readonly SystemRole[];
  readonly abapConnections?: readonly AbapConnection[];
  /** Our summary of when it is required. */
  readonly requiredWhen: string;
  /** Our summary of what it does, one entry per activity. */
  readonly activities: readonly string[];
  readonly sections: readonly GuideSectionId[];
}

// Guide 2.1.5 (creates the new destinations, SAP Note 2738426), 2.2 (STC01, SAP Note 2793641,
// TCI prerequisite, activities and "Next Steps"), 4.1 (SDCCN prerequisite) and 4.3 (user and password).
/** Task list SAP_BASIS_CONFIG_OSS_COMM. */
export const TASK_LIST_OSS_COMM: TaskList = deepFreeze({
  name: 'SAP_BASIS_CONFIG_OSS_COMM',
  transaction: 'STC01',
  note: 2738426,
  detailNote: 2793641,
  requiresTciNoteAssistant: true,
  needsCommunicationUser: true,
  roles: ['abap'],
  abapConnections: ['direct'],
  requiredWhen: 'In every ABAP system that connects directly to the support backbone.',
  activities: [
    'Runs the common configuration steps of the ABAP task manager.',
    'Creates the HTTPS destinations to the support backbone.',
    'Checks profile parameter ssl/client_ciphersuites.',
    'Checks that the certificates of the standard SSL client PSE are installed.',
  ],
  sections: ['2.1.5', '2.2', '4.1', '4.3'],
});

// Guide 5.2 (SAP Solution Manager SPS 8) and 6.1 (Focused Run 2.0).
/** Task list SAP_SUPPORT_HUB_CONFIG. */
export const TASK_LIST_SUPPORT_HUB: TaskList = deepFreeze({
  name: 'SAP_SUPPORT_HUB_CONFIG',
  transaction: 'STC01',
  requiresTciNoteAssistant: true,
  needsCommunicationUser: false,
  roles: ['solman', 'frun'],
  requiredWhen: 'On SAP Solution Manager 7.2 SPS08 or higher and on Focused Run 2.0.',
  activities: ['Configures the communication channels of SAP Solution Manager or Focused Run to the support backbone.'],
  sections: ['5.2', '6.1'],
});

/** Both task lists, keyed by name. */
export const TASK_LISTS: Readonly<Record<TaskListName, TaskList>> = deepFreeze({
  SAP_BASIS_CONFIG_OSS_COMM: TASK_LIST_OSS_COMM,
  SAP_SUPPORT_HUB_CONFIG: TASK_LIST_SUPPORT_HUB,
});

/** The task list of that name, if the guide names it. */
export function taskListInfo(name: unknown): TaskList | undefined {
  return lookup(TASK_LISTS, name);
}
