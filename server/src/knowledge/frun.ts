/**
 * Focused Run knowledge (guide 2.1.3, 6, 6.1): which release can still talk to the backbone.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';
import type { Connectivity } from './solman';
import type { FrunVersion } from './versions';
import { compareDottedRelease, parseDottedRelease } from './versions';

/** One Focused Run release. */
export interface FrunReleaseRow {
  /** Release, e.g. `2.0`. */
  readonly release: string;
  /** True when the row also covers every later release. */
  readonly andAbove: boolean;
  readonly connectivity: Connectivity;
  /** Our summary of the consequence. */
  readonly consequence: string;
  /** ISO date from which the release can no longer communicate with SAP. */
  readonly communicationEndsOn?: string;
  /** ISO date on which mainstream maintenance ends. */
  readonly mainstreamMaintenanceEndsOn?: string;
  /** Release to upgrade to. */
  readonly upgradeTo?: string;
  /** Task list required on this release (guide 6.1). */
  readonly requiredTaskList?: string;
  readonly section: GuideSectionId;
}

// Guide 2.1.3 "Required Support Package Levels for Focused Run" (1.0 stops after January 1, 2020;
// leaves mainstream maintenance November 23, 2019; upgrade to 2.0) and 6.1 (task list on 2.0).
/** Focused Run releases, lowest first. */
export const FRUN_RELEASES: readonly FrunReleaseRow[] = deepFreeze([
  {
    release: '1.0',
    andAbove: false,
    connectivity: 'none',
    consequence: 'Cannot communicate with the support backbone after January 1, 2020; SAP can still connect for remote support.',
    communicationEndsOn: '2020-01-01',
    mainstreamMaintenanceEndsOn: '2019-11-23',
    upgradeTo: '2.0',
    section: '2.1.3',
  },
  {
    release: '2.0',
    andAbove: true,
    connectivity: 'full',
    consequence: 'Has the new communication channels to the updated support backbone.',
    requiredTaskList: 'SAP_SUPPORT_HUB_CONFIG',
    section: '2.1.3',
  },
]);

// Guide 2.1.3 / 6.2: "Upgrade to Focused Run for SAP Solution Manager, Release 2.0."
/** The Focused Run release the guide requires. */
export const FRUN_REQUIRED_RELEASE = '2.0';

/**
 * The row for a Focused Run release: exact match, else the "and above" row for later releases.
 * @returns undefined for releases the guide does not know (e.g. 0.9, 1.5)
 */
export function frunReleaseRow(v: Pick<FrunVersion, 'release'>): FrunReleaseRow | undefined {
  const exact = FRUN_RELEASES.find((r) => r.release === v.release);
  if (exact) return exact;
  const parsed = parseDottedRelease(v.release);
  if (!parsed) return undefined;
  return FRUN_RELEASES.find((r) => {
    const rowRelease = parseDottedRelease(r.release);
    return r.andAbove && rowRelease !== undefined && compareDottedRelease(parsed, rowRelease) >= 0;
  });
}

/** Connectivity of a Focused Run release, undefined when unknown. */
export function frunConnectivity(v: Pick<FrunVersion, 'release'>): Connectivity | undefined {
  return frunReleaseRow(v)?.connectivity;
}

/** Whether task list SAP_SUPPORT_HUB_CONFIG is required on this Focused Run release (2.0 and above). */
export function frunNeedsSupportHubTaskList(v: Pick<FrunVersion, 'release'>): boolean {
  return frunReleaseRow(v)?.requiredTaskList !== undefined;
}
