import { rule as legacyDestination } from './legacy-destination';
import { rule as note2738426 } from './note-2738426';
import { rule as sdccnDestinations } from './sdccn-destinations';
import { rule as sdccnPrerequisites } from './sdccn-prerequisites';
import { rule as sdccnTasks } from './sdccn-tasks';
import { rule as tasklistOssComm } from './tasklist-oss-comm';
import type { Rule } from './rule';

/**
 * Rules of this group, in the order of the guide: connections (2.1.5), the task list (2.2),
 * the SAP Note of the task list (4.3 checklist), then SDCCN (4.1: prerequisites, destinations,
 * tasks).
 */
export const CONNECTIVITY_RULES: readonly Rule[] = Object.freeze([
  legacyDestination,
  tasklistOssComm,
  note2738426,
  sdccnPrerequisites,
  sdccnDestinations,
  sdccnTasks,
]);
