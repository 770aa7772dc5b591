/**
 * Parsers and comparators for the version strings of the landscape file (spec §1).
 * Every parser takes the raw value (`unknown`, because YAML may hand over a number or null)
 * and returns `undefined` for anything that is not in the documented form; the schema layer
 * reports malformed values, the rules then simply skip them.
 *
 * Accepted forms (surrounding whitespace and runs of spaces between the parts are tolerated;
 * the keywords `SP`, `SPS`, `FP` are upper case and directly followed by their digits):
 * - SAP_BASIS: `731 SP19`, `700 SP7`, `700 SP07`, `740 SP100`
 * - ST-PI: `2008_1_700 SP18`, `2008_1_710 SP18`, `740 SP10`
 * - ST-A/PI: `01T_731 SP01`
 * - SAP Solution Manager: `7.1`, `7.1 SP14`, `7.2`, `7.2 SPS07`
 * - Focused Run: `1.0`, `2.0`, `2.0 FP01`
 */

/** A parsed SAP_BASIS level, e.g. `731 SP19`. */
export interface BasisVersion {
  /** Three-digit release, e.g. 731. */
  readonly release: number;
  /** Support package number, e.g. 19. */
  readonly sp: number;
  /** The input, trimmed. */
  readonly text: string;
}

/** ST-PI product lines named by the guide (2.1.1). */
export type StPiLine = '2008_1_7xx' | '740';

/** A parsed ST-PI level, e.g. `2008_1_710 SP18` or `740 SP10`. */
export interface StPiVersion {
  /** Product line: `2008_1_7xx` for 2008_1_700/2008_1_710, `740` for ST-PI 740. */
  readonly line: StPiLine;
  /** The release as written, e.g. `2008_1_710` or `740`. */
  readonly release: string;
  readonly sp: number;
  readonly text: string;
}

/** A parsed ST-A/PI level, e.g. `01T_731 SP00`. */
export interface StApiVersion {
  /** Release letter; releases are ordered by it (01S < 01T < 01U …). */
  readonly letter: string;
  /** The release as written, e.g. `01T_731`. */
  readonly release: string;
  /** The SAP_BASIS release the add-on release is built for, e.g. `731`. */
  readonly basisRelease: string;
  readonly sp: number;
  readonly text: string;
}

/** A parsed SAP Solution Manager release, e.g. `7.2 SPS07`. */
export interface SolmanVersion {
  /** Release as written, e.g. `7.2`. */
  readonly release: string;
  readonly major: number;
  readonly minor: number;
  /** Support Package Stack (`SPS<n>`), undefined when not given. */
  readonly sps?: number;
  /** Support package (`SP<n>`, the form used for 7.1), undefined when not given. */
  readonly sp?: number;
  readonly text: string;
}

/** A parsed Focused Run release, e.g. `2.0 FP01`. */
export interface FrunVersion {
  /** Release as written, e.g. `2.0`. */
  readonly release: string;
  readonly major: number;
  readonly minor: number;
  /** Feature pack, undefined when not given. */
  readonly fp?: number;
  readonly text: string;
}

const BASIS_RE = /^([1-9]\d{2}) +SP(\d{1,3})$/;
const ST_PI_RE = /^(2008_1_7\d\d|740) +SP(\d{1,3})$/;
const ST_A_PI_RE = /^01([A-Z])_(\d{3}) +SP(\d{1,3})$/;
const SOLMAN_RE = /^(\d{1,2})\.(\d{1,2})(?: +(SPS|SP)(\d{1,3}))?$/;
const FRUN_RE = /^(\d{1,2})\.(\d{1,2})(?: +FP(\d{1,3}))?$/;

function clean(input: unknown): string | undefined {
  // no version is longer than a few characters: a pasted 2 MB value is not scanned by every rule
  if (typeof input !== 'string' || input.length > 64) return undefined;
  // Tabs count as spaces; runs of blanks collapse so the regexes only need ' +'.
  const text = input.replace(/[ \t]+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}

/**
 * Parses a SAP_BASIS level such as `731 SP19`.
 * @param input raw value of `basis`
 * @returns the parsed level, or undefined when malformed (e.g. `731SP19`, `73 SP1`, `731 SP`)
 */
export function parseBasis(input: unknown): BasisVersion | undefined {
  const text = clean(input);
  const m = text ? BASIS_RE.exec(text) : null;
  if (!text || !m) return undefined;
  return { release: Number(m[1]), sp: Number(m[2]), text };
}

/**
 * Parses an ST-PI level: `2008_1_7xx SP<n>` (e.g. `2008_1_710 SP18`) or `740 SP<n>`.
 * @param input raw value of `components.ST-PI`
 * @returns the parsed level, or undefined when malformed
 */
export function parseStPi(input: unknown): StPiVersion | undefined {
  const text = clean(input);
  const m = text ? ST_PI_RE.exec(text) : null;
  if (!text || !m) return undefined;
  const release = m[1] as string;
  return { line: release === '740' ? '740' : '2008_1_7xx', release, sp: Number(m[2]), text };
}

/**
 * Parses an ST-A/PI level such as `01T_731 SP00`.
 * @param input raw value of `components.ST-A/PI`
 * @returns the parsed level, or undefined when malformed
 */
export function parseStApi(input: unknown): StApiVersion | undefined {
  const text = clean(input);
  const m = text ? ST_A_PI_RE.exec(text) : null;
  if (!text || !m) return undefined;
  const letter = m[1] as string;
  const basisRelease = m[2] as string;
  return { letter, release: `01${letter}_${basisRelease}`, basisRelease, sp: Number(m[3]), text };
}

/**
 * Parses a SAP Solution Manager release: `7.1`, `7.1 SP14`, `7.2`, `7.2 SPS07`.
 * Any `<major>.<minor>` is accepted syntactically; whether the release is known is decided by
 * the tables in solman.ts. `SP<n>` fills `sp`, `SPS<n>` fills `sps`.
 * @param input raw value of `release` on a `role: solman` system (as source text, never a float)
 * @returns the parsed release, or undefined when malformed
 */
export function parseSolmanRelease(input: unknown): SolmanVersion | undefined {
  const text = clean(input);
  const m = text ? SOLMAN_RE.exec(text) : null;
  if (!text || !m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const base = { release: `${major}.${minor}`, major, minor, text };
  if (m[3] === 'SPS') return { ...base, sps: Number(m[4]) };
  if (m[3] === 'SP') return { ...base, sp: Number(m[4]) };
  return base;
}

/**
 * Parses a Focused Run release: `1.0`, `2.0`, `2.0 FP01`.
 * @param input raw value of `release` on a `role: frun` system (as source text, never a float)
 * @returns the parsed release, or undefined when malformed
 */
export function parseFrunRelease(input: unknown): FrunVersion | undefined {
  const text = clean(input);
  const m = text ? FRUN_RE.exec(text) : null;
  if (!text || !m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const base = { release: `${major}.${minor}`, major, minor, text };
  return m[3] === undefined ? base : { ...base, fp: Number(m[3]) };
}

/**
 * Formats a support package number the way the guide prints it (at least two digits): `SP07`.
 * @param sp support package number
 */
export function formatSp(sp: number): string {
  return `SP${String(sp).padStart(2, '0')}`;
}

/**
 * Formats a SAP_BASIS level, e.g. `formatBasis(731, 23)` → `"731 SP23"`.
 */
export function formatBasis(release: number, sp: number): string {
  return `${release} ${formatSp(sp)}`;
}

/**
 * Orders two SAP_BASIS levels by release, then support package.
 * @returns negative when `a` is older, 0 when equal, positive when `a` is newer
 */
export function compareBasis(a: Pick<BasisVersion, 'release' | 'sp'>, b: Pick<BasisVersion, 'release' | 'sp'>): number {
  return a.release !== b.release ? a.release - b.release : a.sp - b.sp;
}

/**
 * True when `basis` is at or above `<release> SP<sp>` (a later release always counts as above).
 * Threshold tables that are per release should use their lookup functions instead.
 */
export function basisAtLeast(basis: Pick<BasisVersion, 'release' | 'sp'>, release: number, sp: number): boolean {
  return compareBasis(basis, { release, sp }) >= 0;
}

/**
 * Orders two ST-A/PI levels: by release letter, then support package
 * (the SAP_BASIS suffix of the release does not take part in the order).
 */
export function compareStApi(a: Pick<StApiVersion, 'letter' | 'sp'>, b: Pick<StApiVersion, 'letter' | 'sp'>): number {
  if (a.letter !== b.letter) return a.letter < b.letter ? -1 : 1;
  return a.sp - b.sp;
}

/**
 * Orders two `<major>.<minor>` releases (SAP Solution Manager or Focused Run) numerically,
 * ignoring support package stacks and feature packs.
 */
export function compareDottedRelease(a: { readonly major: number; readonly minor: number }, b: { readonly major: number; readonly minor: number }): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/**
 * Splits a `<major>.<minor>` release string into numbers.
 * @returns undefined when the text is not of that form
 */
export function parseDottedRelease(text: string): { major: number; minor: number } | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}
