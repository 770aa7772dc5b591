/**
 * SAP_BASIS knowledge: which support package enables digitally signed SAP Notes and
 * transport-based correction instructions (TCI), the TCI enabling procedure per release,
 * the note download channel and the SAProuter check.
 *
 * Release lookups follow one policy: a release counts only when the guide lists it, or when it
 * is at or above a row marked "and above". Anything else (e.g. 720 or 741, which are not
 * SAP_BASIS releases the guide knows) gives `undefined` = unknown release; releases below
 * {@link MIN_SUPPORTED_BASIS_RELEASE} are "not supported" and also give `undefined` from the
 * threshold lookups — use {@link isSupportedBasisRelease} to tell the two apart.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';
import type { BasisVersion } from './versions';
import { formatBasis } from './versions';

/** One row of a "SAP_BASIS Release / Support Package" table. */
export interface BasisSpThreshold {
  /** SAP_BASIS release, e.g. 731. */
  readonly release: number;
  /** Lowest support package of that release that has the capability. */
  readonly minSp: number;
  /** True for the "<release> and above" row: it also covers every later release. */
  readonly andAbove: boolean;
}

// Guide 2.1 and 2.1.4.2: releases below 700 are not covered by any table of the guide.
/** Lowest SAP_BASIS release the guide covers; anything older is not supported. */
export const MIN_SUPPORTED_BASIS_RELEASE = 700;

// Guide 2.1.4.2, table "SAP_BASIS Release / Support Package".
/** Support package from which Note Assistant handles digitally signed SAP Notes, per release. */
export const DIGITAL_SIGNATURE_MIN_SP: readonly BasisSpThreshold[] = deepFreeze([
  { release: 700, minSp: 36, andAbove: false },
  { release: 701, minSp: 21, andAbove: false },
  { release: 702, minSp: 21, andAbove: false },
  { release: 710, minSp: 23, andAbove: false },
  { release: 711, minSp: 18, andAbove: false },
  { release: 730, minSp: 19, andAbove: false },
  { release: 731, minSp: 23, andAbove: false },
  { release: 740, minSp: 20, andAbove: false },
  { release: 750, minSp: 12, andAbove: false },
  { release: 751, minSp: 6, andAbove: false },
  { release: 752, minSp: 2, andAbove: false },
  { release: 753, minSp: 0, andAbove: true },
]);

// Guide 2.1.4.3, table "SAP_BASIS Release / Support Package".
// 710, 711 and 730 have no row: Note Assistant on those releases can never work with TCI.
/** Support package from which Note Assistant is TCI-enabled out of the box, per release. */
export const TCI_MIN_SP: readonly BasisSpThreshold[] = deepFreeze([
  { release: 700, minSp: 35, andAbove: false },
  { release: 701, minSp: 20, andAbove: false },
  { release: 702, minSp: 20, andAbove: false },
  { release: 731, minSp: 19, andAbove: false },
  { release: 740, minSp: 16, andAbove: false },
  { release: 750, minSp: 5, andAbove: false },
  { release: 751, minSp: 2, andAbove: false },
  { release: 752, minSp: 0, andAbove: true },
]);

// Guide 2.1.4.2 lists these releases, 2.1.4.3 does not: there is no TCI path for them.
/** SAP_BASIS releases the guide knows that can never be TCI-enabled. */
export const RELEASES_WITHOUT_TCI: readonly number[] = deepFreeze([710, 711, 730]);

/**
 * Finds the row of a per-release threshold table for a release.
 * @param table one of {@link DIGITAL_SIGNATURE_MIN_SP}, {@link TCI_MIN_SP}
 * @param release SAP_BASIS release
 * @returns the exact row, else the "and above" row when the release is at or above it, else undefined
 */
export function lookupBasisThreshold(table: readonly BasisSpThreshold[], release: number): BasisSpThreshold | undefined {
  const exact = table.find((row) => row.release === release);
  if (exact) return exact;
  return table.find((row) => row.andAbove && release >= row.release);
}

/**
 * Digital-signature threshold row for a release (guide 2.1.4.2), e.g. 754 → the "753 and above" row.
 * @returns undefined for releases below 700 (not supported) and for releases the guide does not
 * list below 753 (e.g. 720, 741: unknown release)
 */
export function digitalSignatureThreshold(release: number): BasisSpThreshold | undefined {
  return lookupBasisThreshold(DIGITAL_SIGNATURE_MIN_SP, release);
}

/**
 * TCI threshold row for a release (guide 2.1.4.3), e.g. 758 → the "752 and above" row.
 * @returns undefined for 710, 711, 730 (never TCI-capable; see {@link tciAvailability}),
 * for releases below 700 and for releases the guide does not list
 */
export function tciThreshold(release: number): BasisSpThreshold | undefined {
  return lookupBasisThreshold(TCI_MIN_SP, release);
}

/** Whether a release is old enough to be outside the guide (below 700). */
export function isSupportedBasisRelease(release: number): boolean {
  return release >= MIN_SUPPORTED_BASIS_RELEASE;
}

/**
 * True when the release is one the guide knows: listed in the digital-signature table or at or
 * above its "and above" row.
 */
export function isKnownBasisRelease(release: number): boolean {
  return digitalSignatureThreshold(release) !== undefined;
}

/**
 * Whether the SAP_BASIS level already handles digitally signed SAP Notes without extra notes.
 * @returns undefined when the release is unknown or not supported
 */
export function basisHasDigitalSignature(basis: Pick<BasisVersion, 'release' | 'sp'>): boolean | undefined {
  const row = digitalSignatureThreshold(basis.release);
  return row ? basis.sp >= row.minSp : undefined;
}

/**
 * Whether the SAP_BASIS level is TCI-enabled by its support package alone.
 * @returns false for 710/711/730, undefined when the release is unknown or not supported
 */
export function basisHasTci(basis: Pick<BasisVersion, 'release' | 'sp'>): boolean | undefined {
  if (RELEASES_WITHOUT_TCI.includes(basis.release)) return false;
  const row = tciThreshold(basis.release);
  return row ? basis.sp >= row.minSp : undefined;
}

/** Whether a release can be TCI-enabled at all. */
export type TciAvailability = 'available' | 'never' | 'unknown';

/**
 * Tells whether TCI is possible on a release: `available` (a row in 2.1.4.3), `never`
 * (710, 711, 730) or `unknown` (not supported or not in the guide).
 */
export function tciAvailability(release: number): TciAvailability {
  if (RELEASES_WITHOUT_TCI.includes(release)) return 'never';
  return tciThreshold(release) ? 'available' : 'unknown';
}

/** The threshold text of a row for messages, e.g. `"731 SP23"` or `"753 SP00"`. */
export function formatThreshold(row: BasisSpThreshold): string {
  return formatBasis(row.release, row.minSp);
}

// Guide 2.1.4.3 procedure step 1: "Update Support Package Manager (transaction SPAM) to version 70 or above".
// Guide 2.1.4.3.1: bootstrapping can be transported when SPAM is at 70 or higher.
/** Lowest SPAM/SAINT version for TCI. */
export const SPAM_MIN_VERSION_FOR_TCI = 70;

// Guide 2.1.4.3, step 3 of the 731/740/750/751 rows.
/** SAP Note implemented after the bootstrap note on SAP_BASIS 731, 740, 750, 751 (with its own TCI package). */
export const TCI_FOLLOW_UP_NOTE = 2408383;

/** How to enable TCI on one SAP_BASIS release. */
export interface TciProcedure {
  readonly release: number;
  /** Notes to implement first "if they are applicable", in the guide's order. */
  readonly prerequisiteNotes: readonly number[];
  /** The bootstrap SAP Note (guide 2.1.4.3.1). */
  readonly bootstrapNote: number;
  /** TCI package of the bootstrap note, spelled exactly as in the guide. */
  readonly bootstrapPackage: string;
  /** TCI package of {@link TCI_FOLLOW_UP_NOTE} (731, 740, 750, 751 only). */
  readonly note2408383Package?: string;
}

// Guide 2.1.4.3, table "SAP_BASIS Release / Action", and 2.1.4.3.1, table
// "SAP_BASIS Release / Bootstrap SAP Note". Package names are copied verbatim from the guide,
// including the 702 package spelled SAPK70200GCPSPBASIS (sic).
// The order of the prerequisite notes is the guide's order (note: 731-751 list 2615270 before 2569813).
/** The TCI enabling procedure per SAP_BASIS release. 752 and above need none (TCI from SP00). */
export const TCI_PROCEDURE: readonly TciProcedure[] = deepFreeze([
  {
    release: 700,
    prerequisiteNotes: [975510, 1113339, 1832923, 2344014, 2134534, 2536585, 2606986, 2569813, 2615270],
    bootstrapNote: 2446868,
    bootstrapPackage: 'SAPK70000PCPSAPBASIS',
  },
  {
    release: 701,
    prerequisiteNotes: [1504500, 1532112, 2344014, 2134534, 2536585, 2606986, 2569813, 2615270],
    bootstrapNote: 2444141,
    bootstrapPackage: 'SAPK70100DCPSAPBASIS',
  },
  {
    release: 702,
    prerequisiteNotes: [1532112, 2344014, 2134534, 2536585, 2606986, 2569813, 2615270],
    bootstrapNote: 2444141,
    bootstrapPackage: 'SAPK70200GCPSPBASIS',
  },
  {
    release: 731,
    prerequisiteNotes: [2536585, 2606986, 2615270, 2569813],
    bootstrapNote: 1995550,
    bootstrapPackage: 'SAPK73100DCPSAPBASIS',
    note2408383Package: 'SAPK73100GCPSAPBASIS',
  },
  {
    release: 740,
    prerequisiteNotes: [2536585, 2606986, 2615270, 2569813],
    bootstrapNote: 1995550,
    bootstrapPackage: 'SAPK74000FCPSAPBASIS',
    note2408383Package: 'SAPK74000ICPSAPBASIS',
  },
  {
    release: 750,
    prerequisiteNotes: [2536585, 2606986, 2615270, 2569813],
    bootstrapNote: 1995550,
    bootstrapPackage: 'SAPK750002CPSAPBASIS',
    note2408383Package: 'SAPK750003CPSAPBASIS',
  },
  {
    release: 751,
    prerequisiteNotes: [2536585, 2606986, 2615270, 2569813],
    bootstrapNote: 1995550,
    bootstrapPackage: 'SAPK751001CPSAPBASIS',
    note2408383Package: 'SAPK751002CPSAPBASIS',
  },
]);

/**
 * The TCI enabling procedure for a release.
 * @returns undefined for 752 and above (nothing to do), for 710/711/730 (no TCI path) and for
 * unknown or unsupported releases
 */
export function tciProcedure(release: number): TciProcedure | undefined {
  return TCI_PROCEDURE.find((p) => p.release === release);
}

/**
 * Bootstrap SAP Note of a release (guide 2.1.4.3.1), used to recognise a TCI-enabled Note
 * Assistant from the implemented notes.
 */
export function bootstrapNoteFor(release: number): number | undefined {
  return tciProcedure(release)?.bootstrapNote;
}

/** Every bootstrap note of the guide, without duplicates, in table order. */
export const TCI_BOOTSTRAP_NOTES: readonly number[] = deepFreeze([...new Set(TCI_PROCEDURE.map((p) => p.bootstrapNote))]);

/** Every TCI prerequisite note of the guide, without duplicates, in first-seen table order. */
export const TCI_PREREQUISITE_NOTES: readonly number[] = deepFreeze([
  ...new Set(TCI_PROCEDURE.flatMap((p) => p.prerequisiteNotes)),
]);

/** Notes that make Note Assistant handle digitally signed SAP Notes, by TCI state. */
export interface DigitalSignatureNotes {
  /** Note Assistant already TCI-enabled: one note suffices. */
  readonly tciEnabled: readonly number[];
  /** Note Assistant not TCI-enabled: all of these are needed. */
  readonly notTciEnabled: readonly number[];
}

// Guide 2.1.4.2 procedure step 1 (table "Option / Description") and checklist 3.2.
/** Digital-signature notes to implement when SAP_BASIS is below {@link DIGITAL_SIGNATURE_MIN_SP}. */
export const DIGITAL_SIGNATURE_NOTES: DigitalSignatureNotes = deepFreeze({
  tciEnabled: [2576306],
  notTciEnabled: [2408073, 2546220, 2508268],
});

/**
 * The digital-signature notes required for a TCI state.
 * @param tciEnabled whether Note Assistant is TCI-enabled
 */
export function digitalSignatureNotesFor(tciEnabled: boolean): readonly number[] {
  return tciEnabled ? DIGITAL_SIGNATURE_NOTES.tciEnabled : DIGITAL_SIGNATURE_NOTES.notTciEnabled;
}

// Guide 2.1.4 "What Happens If You Don't Update?": without digital-signature support, no SAP
// Note download via Note Assistant after January 1, 2020.
/** ISO date from which Note Assistant can only download digitally signed SAP Notes. */
export const SIGNED_NOTES_MANDATORY_FROM = '2020-01-01';

// Guide 2.1.4.2, "Related Information".
/** Further reading on digitally signed SAP Notes linked from 2.1.4.2. */
export const DIGITAL_SIGNATURE_RELATED_NOTE = 2537133;

// Guide 2.1.4.2 procedure step 2, table "SAP_BASIS Release / Action".
/** From this SAP_BASIS release on, Note Assistant cannot download notes via RFC (HTTP or download service instead). */
export const NOTE_DOWNLOAD_HTTP_FROM_RELEASE = 740;

// Guide 2.1.4.2 step 2 (row "700 to 731").
/** Generic logon users that must be replaced by a technical communication user. */
export const RFC_GENERIC_USERS: readonly string[] = deepFreeze(['OSS_RFC']);

// Guide 2.1.4.2 step 2 (row "700 to 731": "RFC destination SAPOSS/SAPSNOTE").
/** RFC destinations Note Assistant downloads notes through on 700–731. */
export const NOTE_DOWNLOAD_RFC_DESTINATIONS: readonly string[] = deepFreeze(['SAPOSS', 'SAPSNOTE']);

/** What the note download channel has to look like on a range of releases. */
export interface DownloadChannelRule {
  /** First release of the range. */
  readonly fromRelease: number;
  /** Last release of the range; undefined for "and above". */
  readonly toRelease?: number;
  /** `replace-generic-user`: keep RFC but log on with a technical communication user;
   *  `http-or-download-service`: RFC is not possible, use HTTP or the download service. */
  readonly action: 'replace-generic-user' | 'http-or-download-service';
  /** Whether notes can still be downloaded through RFC on these releases. */
  readonly rfcDownloadPossible: boolean;
  /** Our own summary of the required action. */
  readonly description: string;
  /** Notes the guide points to for this row. */
  readonly relatedNotes: readonly number[];
  readonly section: GuideSectionId;
}

// Guide 2.1.4.2 procedure step 2, table "SAP_BASIS Release / Action".
/** Note download channel requirements by SAP_BASIS release range. */
export const DOWNLOAD_CHANNEL: readonly DownloadChannelRule[] = deepFreeze([
  {
    fromRelease: 700,
    toRelease: 731,
    action: 'replace-generic-user',
    rfcDownloadPossible: true,
    description:
      'RFC destinations SAPOSS/SAPSNOTE must log on with a technical communication user instead of the generic user.',
    relatedNotes: [],
    section: '2.1.4.2',
  },
  {
    fromRelease: NOTE_DOWNLOAD_HTTP_FROM_RELEASE,
    action: 'http-or-download-service',
    rfcDownloadPossible: false,
    description:
      'Note Assistant must download notes over HTTP or via the download service; the RFC protocol no longer works for this.',
    relatedNotes: [2508268, 2576306],
    section: '2.1.4.2',
  },
]);

/**
 * The download channel requirement for a release.
 * @returns undefined for releases below 700 and for releases between the ranges (none exist)
 */
export function downloadChannelFor(release: number): DownloadChannelRule | undefined {
  return DOWNLOAD_CHANNEL.find(
    (r) => release >= r.fromRelease && (r.toRelease === undefined || release <= r.toRelease),
  );
}

/** The report that chooses the note download procedure, and the result the guide expects. */
export interface NoteDownloadReport {
  readonly report: string;
  /** Title of the report as the guide names it. */
  readonly title: string;
  /** Radio-button option that must be selected. */
  readonly expectedOption: string;
  readonly section: GuideSectionId;
}

// Guide 3.1 "Test Your Connectivity to the Updated Backbone".
/** Report RCWB_SNOTE_DWNLD_PROC_CONFIG and its expected option. */
export const NOTE_DOWNLOAD_REPORT: NoteDownloadReport = deepFreeze({
  report: 'RCWB_SNOTE_DWNLD_PROC_CONFIG',
  title: 'Defining Procedure for Downloading SAP Note',
  expectedOption: 'Download Service Application',
  section: '3.1',
});

/** The SAProuter check of guide 4.2. */
export interface SaprouterCheck {
  /** From this release on, SAProuter settings are adjusted automatically. */
  readonly autoAdjustedFromRelease: number;
  /** SAP Note describing the manual check below that release. */
  readonly note: number;
  readonly section: GuideSectionId;
}

// Guide 4.2 "Check SAProuter Configuration".
/** SAProuter: below SAP_BASIS 740 the settings must be checked per SAP Note 2750491. */
export const SAPROUTER_CHECK: SaprouterCheck = deepFreeze({
  autoAdjustedFromRelease: 740,
  note: 2750491,
  section: '4.2',
});

/** Whether a system on this SAP_BASIS release must have its SAProuter settings checked by hand. */
export function saprouterCheckRequired(release: number): boolean {
  return release < SAPROUTER_CHECK.autoAdjustedFromRelease;
}
