/**
 * Metadata of the SAP configuration guide "Support Backbone Update" and its section map.
 * Every other knowledge table cites its source with a {@link GuideSectionId}, so a typo in a
 * section number is a compile error.
 */
import { deepFreeze } from './freeze';

/** Identity of the guide all knowledge tables are taken from. */
export interface GuideInfo {
  readonly title: string;
  readonly version: string;
  /** ISO date of the guide version. */
  readonly date: string;
}

// Guide title page and "Document History".
/** The guide version the tables reproduce. */
export const GUIDE: GuideInfo = deepFreeze({
  title: 'Support Backbone Update',
  version: '1.1',
  date: '2019-08-19',
});

// Guide 1, "To help you transition smoothly … until January 1, 2020".
/** ISO date on which the legacy (RFC based) support infrastructure is switched off. */
export const LEGACY_INFRASTRUCTURE_RETIREMENT_DATE = '2020-01-01';

/** What changes with the new backbone (guide 1), in our own words. */
export const BACKBONE_CHANGES: readonly string[] = deepFreeze([
  'Connections use HTTPS instead of RFC.',
  'Data is transferred by a technical communication user, not by generic users.',
  'There is no generic inbound interface any more.',
  'Applications send their data asynchronously unless it is sent by hand.',
]);

/** Kinds of system the guide says are affected by the update (guide 1). */
export const AFFECTED_SYSTEMS: readonly string[] = deepFreeze([
  'SAP Solution Manager systems',
  'Focused Run for SAP Solution Manager systems',
  'ABAP systems with direct connectivity to the support backbone',
]);

/** All section numbers of the guide that the knowledge tables cite. */
export type GuideSectionId =
  | '1'
  | '2' | '2.1'
  | '2.1.1' | '2.1.1.1' | '2.1.1.2' | '2.1.1.2.1' | '2.1.1.2.2' | '2.1.1.3'
  | '2.1.2' | '2.1.3'
  | '2.1.4' | '2.1.4.1' | '2.1.4.2' | '2.1.4.3' | '2.1.4.3.1' | '2.1.4.3.2'
  | '2.1.5'
  | '2.2' | '2.2.1' | '2.2.2'
  | '2.3'
  | '3' | '3.1' | '3.2'
  | '4' | '4.1' | '4.2' | '4.3'
  | '5' | '5.1' | '5.2' | '5.3'
  | '6' | '6.1' | '6.2'
  | '7';

/** One section of the guide. */
export interface GuideSection {
  readonly id: GuideSectionId;
  readonly title: string;
  /** Page number as printed in the guide's contents or cross references, when known. */
  readonly page?: number;
}

// Guide "Content" (table of contents) plus the sub-section headings of the body text;
// page numbers come from the contents and from the "[page n]" cross references.
/** Section number → heading, in document order. */
export const GUIDE_SECTIONS: readonly GuideSection[] = deepFreeze([
  { id: '1', title: 'Support Backbone Update', page: 5 },
  { id: '2', title: 'Preparation and Prerequisites', page: 7 },
  { id: '2.1', title: 'Software Requirements', page: 7 },
  { id: '2.1.1', title: 'Required Plug-In Versions for SAP NetWeaver', page: 7 },
  { id: '2.1.1.1', title: 'Required Version of ST-PI 2008_1_7xx', page: 8 },
  { id: '2.1.1.2', title: 'Required Version of ST-PI 740', page: 8 },
  { id: '2.1.1.2.1', title: 'Required Version of ST-PI 740 on SAP Basis 7.40, Support Package 7 and Below', page: 9 },
  { id: '2.1.1.2.2', title: 'Required Version of ST-PI 740 on SAP Basis 7.40, Support Package 8 and Above' },
  { id: '2.1.1.3', title: 'Required Version of ST-A/PI' },
  { id: '2.1.2', title: 'Required Support Package Levels for SAP Solution Manager', page: 11 },
  { id: '2.1.3', title: 'Required Support Package Levels for Focused Run', page: 12 },
  { id: '2.1.4', title: 'Enable Digitally Signed SAP Notes', page: 12 },
  { id: '2.1.4.1', title: 'Install Trust Anchor Certificates' },
  { id: '2.1.4.2', title: 'Enabling Note Assistant for Digitally Signed SAP Notes' },
  { id: '2.1.4.3', title: 'Enabling Note Assistant for Transport-Based Correction Instructions', page: 16 },
  { id: '2.1.4.3.1', title: 'Implementing the Bootstrap SAP Note', page: 19 },
  { id: '2.1.4.3.2', title: 'Implementing an SAP Note Containing Transport-Based Correction Instructions', page: 21 },
  { id: '2.1.5', title: 'Setting Up Connections to the Support Backbone', page: 22 },
  { id: '2.2', title: 'Automated Configuration Activities', page: 23 },
  { id: '2.2.1', title: 'Check and Adjust the TLS/SSL Protocol Version', page: 24 },
  { id: '2.2.2', title: 'Install SSL Certificates', page: 25 },
  { id: '2.3', title: 'Request a Technical Communication User', page: 26 },
  { id: '3', title: 'Note Assistant', page: 28 },
  { id: '3.1', title: 'Test Your Connectivity to the Updated Backbone', page: 28 },
  { id: '3.2', title: 'Checklist for Note Assistant', page: 28 },
  { id: '4', title: 'ABAP Systems with Direct Connectivity', page: 30 },
  { id: '4.1', title: 'Configure Service Data Control Center', page: 30 },
  { id: '4.2', title: 'Check SAProuter Configuration', page: 31 },
  { id: '4.3', title: 'Checklist for ABAP Systems with Direct Connectivity', page: 31 },
  { id: '5', title: 'SAP Solution Manager Systems', page: 33 },
  { id: '5.1', title: 'Configure RFC Connectivity', page: 34 },
  { id: '5.2', title: 'Automated Configuration Activities for SAP Solution Manager', page: 34 },
  { id: '5.3', title: 'Checklist for SAP Solution Manager', page: 35 },
  { id: '6', title: 'Focused Run for SAP Solution Manager Systems', page: 36 },
  { id: '6.1', title: 'Automated Configuration Activities for Focused Run for SAP Solution Manager', page: 36 },
  { id: '6.2', title: 'Checklist for Focused Run for SAP Solution Manager', page: 37 },
  { id: '7', title: 'Support Backbone Update: Checklist', page: 38 },
]);

/**
 * Looks up a guide section.
 * @param id section number, e.g. `"2.1.4.2"`
 * @returns the section, or undefined when the guide has no such section
 */
export function guideSection(id: string): GuideSection | undefined {
  return GUIDE_SECTIONS.find((s) => s.id === id);
}

/**
 * Formats a citation such as `Guide 2.1.4.2 "Enabling Note Assistant for Digitally Signed SAP Notes"`.
 * @param id section number
 */
export function citeSection(id: GuideSectionId): string {
  const s = guideSection(id);
  return s ? `Guide ${s.id} "${s.title}"` : `Guide ${id}`;
}
