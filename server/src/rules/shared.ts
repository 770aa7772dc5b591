import type { LandscapeDocument } from '../core/document';
import type { SystemDef } from '../core/model';
import { andList } from '../core/text';
import type { Range } from 'vscode-languageserver-types';
import type { BasisVersion } from '../knowledge';
import {
  basisHasDigitalSignature,
  basisHasTci,
  bootstrapNoteFor,
  DIGITAL_SIGNATURE_NOTES,
  digitalSignatureNotesFor,
  noteInfo,
  parseBasis,
  TASK_LIST_OSS_COMM,
  TCI_BOOTSTRAP_NOTES,
  TCI_FOLLOW_UP_NOTE,
  TCI_PREREQUISITE_NOTES,
  tciAvailability,
} from '../knowledge';
import { sysPath } from './rule';

/** Why Note Assistant counts as TCI-enabled or not (spec rule NA-TCI-STATE, guide 2.1.4.3). */
export type TciReason =
  | 'declared' // noteAssistant.tci is set (and the release has a TCI path, or is not known)
  | 'basis' // SAP_BASIS at or above the TCI table
  | 'bootstrap' // the release's bootstrap note is in notes
  | 'below-table' // a TCI-capable release below its SP, no bootstrap note
  | 'no-tci-path' // 710, 711, 730
  | 'unknown'; // basis missing, malformed or not in the guide

export interface TciState {
  enabled: boolean;
  reason: TciReason;
  basis?: BasisVersion;
  /** The bootstrap note of the release, where the guide names one. */
  bootstrapNote?: number;
}

/**
 * NA-TCI-STATE: TCI-enabled when `noteAssistant.tci` says so; when absent, when SAP_BASIS is at
 * or above the TCI table of 2.1.4.3, or the release's bootstrap note is implemented.
 * 710, 711 and 730 are never TCI-enabled, whatever `tci` says: the guide has no TCI procedure for
 * them, so a `tci: true` there cannot be right (rule na-tci-state reports the contradiction) and
 * Note Assistant needs the notes of a non-TCI system.
 */
export function tciState(s: SystemDef): TciState {
  const basis = parseBasis(s.basis);
  const bootstrapNote = basis ? bootstrapNoteFor(basis.release) : undefined;
  if (basis && tciAvailability(basis.release) === 'never') return { enabled: false, reason: 'no-tci-path', basis, bootstrapNote };
  const declared = s.noteAssistant?.tci;
  if (declared !== undefined) return { enabled: declared, reason: 'declared', basis, bootstrapNote };
  if (!basis) return { enabled: false, reason: 'unknown', basis, bootstrapNote };
  if (basisHasTci(basis)) return { enabled: true, reason: 'basis', basis, bootstrapNote };
  if (bootstrapNote !== undefined && s.notesIndex.has(bootstrapNote)) return { enabled: true, reason: 'bootstrap', basis, bootstrapNote };
  return { enabled: false, reason: basisHasTci(basis) === false ? 'below-table' : 'unknown', basis, bootstrapNote };
}

/** The range of a system's SID key (where findings about a missing field of the system go). */
export function systemRange(doc: LandscapeDocument, s: SystemDef): Range {
  return doc.rangeFor(sysPath(s));
}

/** The most specific range for a field of a system (its value, else its key, else the SID). */
export function fieldRange(doc: LandscapeDocument, s: SystemDef, ...path: (string | number)[]): Range {
  return doc.rangeFor(sysPath(s, ...path));
}

/** "2408073/2546220/2508268", the style of the guide's checklists. */
export function noteList(notes: readonly number[]): string {
  return notes.join('/');
}

/** Human list: "a, b and c". */
export function listText(items: readonly string[]): string {
  return andList(items);
}

const DS_NOTES: ReadonlySet<number> = new Set([...DIGITAL_SIGNATURE_NOTES.tciEnabled, ...DIGITAL_SIGNATURE_NOTES.notTciEnabled]);
const TCI_NOTES: ReadonlySet<number> = new Set([...TCI_PREREQUISITE_NOTES, ...TCI_BOOTSTRAP_NOTES, TCI_FOLLOW_UP_NOTE]);

/**
 * Whether a backbone note found earlier in the track is needed in this later system. Tracks
 * normally share one release and support package; where they differ, a note that does not apply
 * to the later system is not expected there:
 * - a note the knowledge tables tie to SAP_BASIS releases that do not include the later system's release;
 * - digital-signature notes when the later system's support package already handles signed notes, or when they
 *   are the notes of the other TCI state (2.1.4.2: one set for TCI-enabled, another for the rest);
 * - TCI prerequisite, bootstrap and follow-up notes when the support package already brings TCI (2.1.4.3);
 * - the task list note only where that task list runs (ABAP systems with direct connectivity).
 */
export function backboneNoteApplies(note: number, s: SystemDef): boolean {
  const basis = parseBasis(s.basis);
  const releases = noteInfo(note)?.releases;
  if (basis && releases && !releases.includes(basis.release)) return false;
  if (DS_NOTES.has(note)) {
    if (basis && basisHasDigitalSignature(basis) === true) return false;
    const tci = tciState(s);
    if (tci.reason !== 'unknown' && !digitalSignatureNotesFor(tci.enabled).includes(note)) return false;
  }
  if (TCI_NOTES.has(note) && basis && basisHasTci(basis) === true) return false;
  // 2738426 belongs to the task list of ABAP systems with direct connectivity (guide 4.3); an
  // ABAP system connected through SolMan / Focused Run gets the Note Assistant rules only (spec §2)
  if (note === TASK_LIST_OSS_COMM.note) {
    return s.role !== undefined && TASK_LIST_OSS_COMM.roles.includes(s.role) &&
      (s.role !== 'abap' || (s.connection !== undefined && (TASK_LIST_OSS_COMM.abapConnections ?? []).includes(s.connection)));
  }
  return true;
}
