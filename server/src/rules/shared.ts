import type { LandscapeDocument } from '../core/document';
import type { SystemDef } from '../core/model';
import type { Range } from 'vscode-languageserver-types';
import type { BasisVersion } from '../knowledge';
import { basisHasTci, bootstrapNoteFor, parseBasis, tciAvailability } from '../knowledge';
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
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
