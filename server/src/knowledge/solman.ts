/**
 * SAP Solution Manager knowledge (guide 2.1.2, 5, 5.1, 5.2): connectivity per release and
 * Support Package Stack, affected scenarios, the SOLMAN_SETUP logon data and the task list.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';
import type { SolmanVersion } from './versions';

/** How much of the support backbone a system can still reach. */
export type Connectivity = 'none' | 'partial' | 'full';

/** One row of the connectivity table. */
export interface SolmanConnectivityRow {
  /** Release, e.g. `7.2`. */
  readonly release: string;
  /** First SPS of the row (inclusive); absent = any SPS of the release. */
  readonly spsFrom?: number;
  /** Last SPS of the row (inclusive); absent = open-ended. */
  readonly spsTo?: number;
  readonly connectivity: Connectivity;
  /** The guide's wording of the row's release, e.g. "SAP Solution Manager 7.2 SPS 05 – 07". */
  readonly label: string;
  /** Our summary of what is lost on this level. */
  readonly consequence: string;
  /** What the system misses on this level (partial rows only). */
  readonly losses: readonly string[];
  /** True for the SPS08+ row, which the guide states as its recommendation, not as a table row. */
  readonly fromRecommendation: boolean;
  readonly section: GuideSectionId;
}

// Guide 2.1.2, table "If Your System Remains On… / You Will Have…", the note below it (losses of
// SPS 5–7) and the recommendation (SPS 8 or higher) for the "full" row.
/** Connectivity of SAP Solution Manager per release / SPS, lowest first. */
export const SOLMAN_CONNECTIVITY: readonly SolmanConnectivityRow[] = deepFreeze([
  {
    release: '7.1',
    connectivity: 'none',
    label: 'SAP Solution Manager 7.1',
    consequence: 'No connectivity to SAP at all.',
    losses: [],
    fromRecommendation: false,
    section: '2.1.2',
  },
  {
    release: '7.2',
    spsFrom: 1,
    spsTo: 4,
    connectivity: 'none',
    label: 'SAP Solution Manager 7.2 SPS 01 – 04',
    consequence: 'No connectivity to SAP at all.',
    losses: [],
    fromRecommendation: false,
    section: '2.1.2',
  },
  {
    release: '7.2',
    spsFrom: 5,
    spsTo: 7,
    connectivity: 'partial',
    label: 'SAP Solution Manager 7.2 SPS 05 – 07',
    consequence:
      'Partial connectivity: IT service management no longer reaches SAP, and the remaining functions need manual configuration.',
    losses: [
      'IT service management connectivity (e.g. forwarding messages / exchanging incidents with SAP)',
      'developments of later stacks: data protection and privacy (GDPR), simplified configuration, functional stabilization',
    ],
    fromRecommendation: false,
    section: '2.1.2',
  },
  {
    release: '7.2',
    spsFrom: 8,
    connectivity: 'full',
    label: 'SAP Solution Manager 7.2 SPS 08 or higher',
    consequence: 'Full connectivity to the updated support backbone.',
    losses: [],
    fromRecommendation: true,
    section: '2.1.2',
  },
]);

// Guide 2.1.2 recommendation and 5.3 "Remember".
/** The level the guide strongly recommends. */
export const SOLMAN_RECOMMENDED_TARGET = deepFreeze({ release: '7.2', sps: 8, text: '7.2 SPS08' } as const);

/**
 * The connectivity row for a SAP Solution Manager release.
 * 7.1 matches whatever its SP. For 7.2 an SPS below the first row (SPS00) counts as that row,
 * because a lower stack cannot do better.
 * @returns undefined for releases the guide does not name, and for 7.2 without an SPS
 */
export function solmanConnectivityRow(v: Pick<SolmanVersion, 'release' | 'sps'>): SolmanConnectivityRow | undefined {
  const rows = SOLMAN_CONNECTIVITY.filter((r) => r.release === v.release);
  if (rows.length === 0) return undefined;
  const anySps = rows.find((r) => r.spsFrom === undefined);
  if (anySps) return anySps;
  if (v.sps === undefined) return undefined;
  const sps = v.sps;
  const first = rows[0] as SolmanConnectivityRow;
  if (first.spsFrom !== undefined && sps < first.spsFrom) return first;
  return rows.find((r) => (r.spsFrom === undefined || sps >= r.spsFrom) && (r.spsTo === undefined || sps <= r.spsTo));
}

/**
 * Connectivity of a SAP Solution Manager release: `none`, `partial`, `full`, or undefined when
 * unknown (release not in the guide, or 7.2 without SPS).
 */
export function solmanConnectivity(v: Pick<SolmanVersion, 'release' | 'sps'>): Connectivity | undefined {
  return solmanConnectivityRow(v)?.connectivity;
}

/** A scenario of SAP Solution Manager affected by the update. */
export interface SolmanScenario {
  readonly area: string;
  readonly scenario: string;
}

// Guide 5, table of affected scenarios (area → scenarios), in the guide's order.
/** SAP Solution Manager scenarios affected by the backbone update. */
export const SOLMAN_SCENARIOS: readonly SolmanScenario[] = deepFreeze([
  { area: 'Landscape management', scenario: 'Landscape synchronization' },
  { area: 'Landscape management', scenario: 'Maintenance planner (automated system information update)' },
  { area: 'Landscape management', scenario: 'Remote service connections from SAP Solution Manager' },
  { area: 'Landscape management', scenario: 'System Recommendations app' },
  { area: 'License management', scenario: 'Automatic distribution of licenses and certificates' },
  { area: 'Test suite', scenario: 'Scope and effort analyzer (SEA)' },
  { area: 'IT service management', scenario: 'Incident management (exchange of incidents with SAP)' },
  { area: 'SAP Engagement and Service Delivery', scenario: 'Engagements and sessions' },
  { area: 'SAP Engagement and Service Delivery', scenario: 'SAP EarlyWatch Alert (EWA) from SAP Solution Manager to SAP' },
  { area: 'SAP Engagement and Service Delivery', scenario: 'Service content update' },
]);

/** A field of the "User Logon Information" section of SOLMAN_SETUP. */
export interface SolmanSetupField {
  /** The field label in SOLMAN_SETUP. */
  readonly label: string;
  /** Key under `solmanSetup` in the landscape file; absent for fields never stored (password). */
  readonly key?: 'backendUser' | 'communicationUser';
  /** Kind of user the field expects. */
  readonly expects: 'technical-communication-user' | 'corporate-s-user' | 'password';
  /** Our description of the required entry. */
  readonly description: string;
}

/** The SOLMAN_SETUP step of guide 5.1. */
export interface SolmanSetupStep {
  readonly transaction: string;
  readonly scenario: string;
  readonly step: string;
  readonly stepName: string;
  readonly sectionName: string;
  readonly fields: readonly SolmanSetupField[];
  /** Button that establishes the connection after the data is entered. */
  readonly action: string;
  /** Navigation path for messages and hover. */
  readonly path: string;
  readonly section: GuideSectionId;
}

// Guide 5.1 "Configure RFC Connectivity", procedure and table "Field / Required Entry".
/** Where and what to enter in SOLMAN_SETUP. */
export const SOLMAN_SETUP_RFC_CONNECTIVITY: SolmanSetupStep = deepFreeze({
  transaction: 'SOLMAN_SETUP',
  scenario: 'System Preparation',
  step: '3.1',
  stepName: 'RFC Connectivity',
  sectionName: 'User Logon Information',
  fields: [
    {
      label: 'S-User for SAP Backend',
      key: 'backendUser',
      expects: 'technical-communication-user',
      description: 'A technical communication user.',
    },
    {
      label: 'Password',
      expects: 'password',
      description: 'Password of that technical communication user (entered in SOLMAN_SETUP, never in the landscape file).',
    },
    {
      label: 'S-User for Communication',
      key: 'communicationUser',
      expects: 'corporate-s-user',
      description: 'A corporate (personal) S-user, not a technical communication user.',
    },
  ],
  action: 'Maintain Connections',
  path: 'SOLMAN_SETUP > System Preparation > 3.1 RFC Connectivity > User Logon Information',
  section: '5.1',
});

// Guide 5.2: the task list must be implemented once SAP Solution Manager is on SPS 8.
/** SAP Solution Manager: task list SAP_SUPPORT_HUB_CONFIG is required from this 7.2 SPS on. */
export const SOLMAN_SUPPORT_HUB_TASK_LIST = deepFreeze({
  taskList: 'SAP_SUPPORT_HUB_CONFIG',
  release: '7.2',
  fromSps: 8,
  section: '5.2',
} as const);

/** Whether task list SAP_SUPPORT_HUB_CONFIG is required (7.2 SPS08 or higher). */
export function solmanNeedsSupportHubTaskList(v: Pick<SolmanVersion, 'release' | 'sps'>): boolean {
  return v.release === SOLMAN_SUPPORT_HUB_TASK_LIST.release && v.sps !== undefined && v.sps >= SOLMAN_SUPPORT_HUB_TASK_LIST.fromSps;
}
