/**
 * Enumerations of the landscape file format (spec §1) that the knowledge tables refer to.
 */
import { lookup } from './lookup';

/** Values of `systems.<SID>.role`. */
export const SYSTEM_ROLES = Object.freeze(['abap', 'solman', 'frun'] as const);
/** A system role of the landscape file. */
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** Values of `systems.<SID>.connection` (ABAP systems only). */
export const ABAP_CONNECTIONS = Object.freeze(['direct', 'solman', 'frun', 'none'] as const);
/** How an ABAP system reaches the support backbone. */
export type AbapConnection = (typeof ABAP_CONNECTIONS)[number];

/** Values of `noteAssistant.download` (the procedure chosen in report RCWB_SNOTE_DWNLD_PROC_CONFIG). */
export const NOTE_DOWNLOAD_PROCEDURES = Object.freeze(['rfc', 'http', 'download-service'] as const);
/** A note download procedure as recorded in the landscape file. */
export type NoteDownloadProcedure = (typeof NOTE_DOWNLOAD_PROCEDURES)[number];

/** Human-readable label per recorded download procedure (for hover and completion). */
export const NOTE_DOWNLOAD_PROCEDURE_LABELS: Readonly<Record<NoteDownloadProcedure, string>> = Object.freeze({
  rfc: 'RFC connection (legacy; not possible on SAP_BASIS 740 and above)',
  http: 'HTTP connection',
  'download-service': 'SAP NetWeaver download service ("Download Service Application")',
});

/** The label of a recorded download procedure, undefined for any other text. */
export function noteDownloadProcedureLabel(value: unknown): string | undefined {
  return lookup(NOTE_DOWNLOAD_PROCEDURE_LABELS, value);
}
