/**
 * The knowledge tables of the SAP guide "Support Backbone Update" (version 1.1, 2019-08-19):
 * typed, read-only data plus small lookup functions. Rules, hover, completion and the checklist
 * read these; no other module holds SAP Note numbers or thresholds.
 */
export * from './guide';
export * from './roles';
export * from './versions';
export * from './basis';
export * from './plugins';
export * from './solman';
export * from './frun';
export * from './certificates';
export * from './ciphers';
export * from './destinations';
export * from './taskLists';
export * from './transactions';
export * from './notes';
export * from './communicationUsers';
export * from './ruleIds';
export * from './checklist';
export { deepFreeze } from './freeze';
export { hasEntry, lookup } from './lookup';
export type { Table } from './lookup';
export * from './updates';
export * from './baseline';
