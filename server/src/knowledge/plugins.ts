/**
 * Plug-in knowledge (guide 2.1.1): minimum ST-PI and ST-A/PI levels for ABAP systems that
 * connect directly to the support backbone, what stops working without them, and the
 * Service Data Control Center (SDCCN) set-up of guide 4.1.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';
import type { BasisVersion, StApiVersion, StPiLine, StPiVersion } from './versions';
import { formatSp } from './versions';

/** A range of SAP_BASIS support packages on one release (both ends inclusive, open when absent). */
export interface BasisSpRange {
  readonly release: number;
  readonly spFrom?: number;
  readonly spTo?: number;
}

/** Minimum level of one ST-PI line. */
export interface StPiRequirement {
  readonly line: StPiLine;
  readonly minSp: number;
  /** SAP_BASIS condition under which the guide states this row; absent = any. */
  readonly basis?: BasisSpRange;
  readonly section: GuideSectionId;
}

// Guide 2.1.1.1 "Required Version of ST-PI 2008_1_7xx" (SP20),
// 2.1.1.2.1 "… ST-PI 740 on SAP Basis 7.40, Support Package 7 and Below" (SP10) and
// 2.1.1.2.2 "… ST-PI 740 on SAP Basis 7.40, Support Package 8 and Above" (SP10).
// The two ST-PI 740 rows require the same SP; they stay separate so hover can explain the split,
// which matters for the SDCCN prerequisites of 4.1.
/** ST-PI minimum levels. */
export const ST_PI_REQUIREMENTS: readonly StPiRequirement[] = deepFreeze([
  { line: '2008_1_7xx', minSp: 20, section: '2.1.1.1' },
  { line: '740', minSp: 10, basis: { release: 740, spTo: 7 }, section: '2.1.1.2.1' },
  { line: '740', minSp: 10, basis: { release: 740, spFrom: 8 }, section: '2.1.1.2.2' },
]);

/** Minimum ST-A/PI level. */
export interface StApiRequirement {
  /** Release letter of the minimum (`T` of `01T*`). */
  readonly letter: string;
  readonly minSp: number;
  /** The guide's own notation. */
  readonly display: string;
  readonly section: GuideSectionId;
}

// Guide 2.1.1.3 "Required Version of ST-A/PI": "ST-A/PI 01T* SP01". A later letter (01U, 01V …)
// is newer than any 01T support package and therefore satisfies the minimum at any SP.
/** ST-A/PI minimum level. */
export const ST_A_PI_REQUIREMENT: StApiRequirement = deepFreeze({
  letter: 'T',
  minSp: 1,
  display: '01T* SP01',
  section: '2.1.1.3',
});

/**
 * Whether a SAP_BASIS level falls into a range.
 */
export function basisInRange(basis: Pick<BasisVersion, 'release' | 'sp'>, range: BasisSpRange): boolean {
  return (
    basis.release === range.release &&
    (range.spFrom === undefined || basis.sp >= range.spFrom) &&
    (range.spTo === undefined || basis.sp <= range.spTo)
  );
}

/**
 * The ST-PI requirement row that applies. For ST-PI 740 the SAP_BASIS level picks the row of
 * 2.1.1.2.1 or 2.1.1.2.2; without it (or on another release) the first 740 row is returned
 * (both demand the same SP).
 * @param line the ST-PI line
 * @param basis the system's SAP_BASIS level, when known
 */
export function stPiRequirementFor(line: StPiLine, basis?: Pick<BasisVersion, 'release' | 'sp'>): StPiRequirement {
  const rows = ST_PI_REQUIREMENTS.filter((r) => r.line === line);
  const match = basis ? rows.find((r) => r.basis === undefined || basisInRange(basis, r.basis)) : undefined;
  return (match ?? rows[0]) as StPiRequirement;
}

/** Whether an ST-PI level meets the guide's minimum for its line. */
export function stPiMeetsMinimum(stPi: Pick<StPiVersion, 'line' | 'sp'>): boolean {
  return stPi.sp >= stPiRequirementFor(stPi.line).minSp;
}

/**
 * The minimum ST-PI level as text, keeping the user's release: `2008_1_700 SP18` → `"2008_1_700 SP20"`,
 * `740 SP08` → `"740 SP10"`; for a bare line `"2008_1_7xx SP20"`.
 */
export function minimumStPiFor(stPi: Pick<StPiVersion, 'line' | 'release'> | StPiLine): string {
  const line = typeof stPi === 'string' ? stPi : stPi.line;
  const release = typeof stPi === 'string' ? stPi : stPi.release;
  return `${release} ${formatSp(stPiRequirementFor(line).minSp)}`;
}

/** Whether an ST-A/PI level meets `01T* SP01` (a later letter at any SP is fine). */
export function stApiMeetsMinimum(stApi: Pick<StApiVersion, 'letter' | 'sp'>): boolean {
  if (stApi.letter !== ST_A_PI_REQUIREMENT.letter) return stApi.letter > ST_A_PI_REQUIREMENT.letter;
  return stApi.sp >= ST_A_PI_REQUIREMENT.minSp;
}

/**
 * The minimum ST-A/PI level as text, keeping the SAP_BASIS suffix of the user's release:
 * `01S_731 SP03` → `"01T_731 SP01"`; without input the guide's `"01T* SP01"`.
 */
export function minimumStApiFor(stApi?: Pick<StApiVersion, 'basisRelease'>): string {
  if (!stApi) return ST_A_PI_REQUIREMENT.display;
  return `01${ST_A_PI_REQUIREMENT.letter}_${stApi.basisRelease} ${formatSp(ST_A_PI_REQUIREMENT.minSp)}`;
}

/** Component keys of `components` in the landscape file that the plug-in rules read. */
export const PLUGIN_COMPONENTS = deepFreeze({ stPi: 'ST-PI', stApi: 'ST-A/PI' } as const);

/** An application that loses its direct connection when the plug-ins are too old. */
export interface PluginDependentApplication {
  readonly id: 'sdcc' | 'usmm' | 'rtcctool';
  readonly name: string;
  /** Transaction or report that starts it. */
  readonly launchedBy: string;
  readonly kind: 'transaction' | 'report';
  /** Our own summary of what it needs the backbone for. */
  readonly description: string;
}

// Guide 2.1.1, "What Happens If You Don't Upgrade?".
/** Applications that stop reaching the support backbone without the plug-in upgrade. */
export const PLUGIN_DEPENDENT_APPLICATIONS: readonly PluginDependentApplication[] = deepFreeze([
  {
    id: 'sdcc',
    name: 'Service Data Control Center (SDCC/SDCCN)',
    launchedBy: 'SDCCN',
    kind: 'transaction',
    description:
      'Needs a working destination to SAP for every task: refreshing service definitions, sending session data, refreshing sessions.',
  },
  {
    id: 'usmm',
    name: 'System Measurement',
    launchedBy: 'USMM',
    kind: 'transaction',
    description: 'License measurement of the system; its results can no longer be sent to SAP directly.',
  },
  {
    id: 'rtcctool',
    name: 'Service Preparation Check',
    launchedBy: 'RTCCTOOL',
    kind: 'report',
    description: 'Checks that a system is prepared for SAP support services; it can no longer fetch its data from SAP.',
  },
]);

/** One variant of the SDCCN prerequisites of guide 4.1. */
export interface SdccnPrerequisite {
  readonly id: 'st-pi-740-basis-740-sp7-and-below' | 'st-pi-740-basis-740-sp8-and-above' | 'st-a-pi-01t-sp01';
  /** The guide's heading for the variant. */
  readonly title: string;
  /** ST-PI line of the condition, when the variant depends on ST-PI. */
  readonly stPiLine?: StPiLine;
  /** SAP_BASIS range of the condition, when it depends on SAP_BASIS. */
  readonly basis?: BasisSpRange;
  /** HTTP destinations to create by hand (name, SM59 type, SAP Note describing it). */
  readonly destinations: readonly { readonly name: string; readonly type: 'H' | 'G'; readonly note: number }[];
  /** Task list to execute instead, with its SAP Note. */
  readonly taskList?: { readonly name: string; readonly note: number };
  readonly section: GuideSectionId;
}

// Guide 4.1 "Configure Service Data Control Center", "Prerequisites".
/** SDCCN prerequisites per plug-in / SAP_BASIS combination, in the guide's order. */
export const SDCCN_PREREQUISITES: readonly SdccnPrerequisite[] = deepFreeze([
  {
    id: 'st-pi-740-basis-740-sp7-and-below',
    title: 'For ST-PI 740 on SAP Basis 7.40, Support Package 7 and Below',
    stPiLine: '740',
    basis: { release: 740, spTo: 7 },
    destinations: [
      { name: 'SAP-SUPPORT_PORTAL', type: 'H', note: 2289984 },
      { name: 'SAP-SUPPORT_PARCELBOX', type: 'G', note: 2716729 },
    ],
    section: '4.1',
  },
  {
    id: 'st-pi-740-basis-740-sp8-and-above',
    title: 'For ST-PI 740 on SAP Basis 7.40, Support Package 8 and Above',
    stPiLine: '740',
    basis: { release: 740, spFrom: 8 },
    destinations: [],
    taskList: { name: 'SAP_BASIS_CONFIG_OSS_COMM', note: 2738426 },
    section: '4.1',
  },
  {
    id: 'st-a-pi-01t-sp01',
    title: 'For ST-A/PI 01T* SP01',
    destinations: [],
    taskList: { name: 'SAP_BASIS_CONFIG_OSS_COMM', note: 2738426 },
    section: '4.1',
  },
]);

/**
 * The SDCCN prerequisite variant for a system: manual destinations for ST-PI 740 on SAP_BASIS
 * 740 SP7 and below, otherwise the task list (the ST-PI 740 / SP8+ variant when ST-PI 740 is
 * installed, else the ST-A/PI variant).
 */
export function sdccnPrerequisiteFor(
  stPi: Pick<StPiVersion, 'line'> | undefined,
  basis: Pick<BasisVersion, 'release' | 'sp'> | undefined,
): SdccnPrerequisite {
  const [manual, stPi740, stApi] = SDCCN_PREREQUISITES as readonly [SdccnPrerequisite, SdccnPrerequisite, SdccnPrerequisite];
  if (stPi?.line === manual.stPiLine && basis && manual.basis && basisInRange(basis, manual.basis)) return manual;
  if (stPi?.line === stPi740.stPiLine) return stPi740;
  return stApi;
}

/** The SDCCN re-configuration of guide 4.1. */
export interface SdccnProcedure {
  /** Destination to remove from SDCCN. */
  readonly obsoleteDestination: string;
  /** Destination to add in SDCCN. */
  readonly requiredDestination: string;
  /** Task target whose tasks must be deleted and created again. */
  readonly taskTarget: string;
  /** Destinations the recreated tasks use, depending on the task type. */
  readonly taskDestinations: readonly string[];
  readonly transaction: string;
  readonly section: GuideSectionId;
}

// Guide 4.1 "Procedure".
/** What to change in SDCCN. */
export const SDCCN_PROCEDURE: SdccnProcedure = deepFreeze({
  obsoleteDestination: 'SDCC_OSS',
  requiredDestination: 'SAP-SUPPORT_PORTAL',
  taskTarget: 'SAP (002)',
  taskDestinations: ['SAP-SUPPORT_PORTAL', 'SAP-SUPPORT_PARCELBOX'],
  transaction: 'SDCCN',
  section: '4.1',
});
