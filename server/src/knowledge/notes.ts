/**
 * The SAP Note catalogue: every SAP Note number the guide names, with a short title and purpose
 * in our own words (the guide gives no titles; these describe the note's role in the guide),
 * plus the note sets the landscape-wide rules need.
 */
import { DIGITAL_SIGNATURE_NOTES, TCI_BOOTSTRAP_NOTES, TCI_FOLLOW_UP_NOTE, TCI_PREREQUISITE_NOTES } from './basis';
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';
import { TASK_LIST_OSS_COMM } from './taskLists';

/** What a note is for in the guide. */
export type NoteKind =
  | 'digital-signature'
  | 'tci-prerequisite'
  | 'tci-bootstrap'
  | 'tci-follow-up'
  | 'tci-upload'
  | 'trust-anchors'
  | 'task-list'
  | 'communication-user'
  | 'tls'
  | 'certificates'
  | 'connectivity'
  | 'saprouter'
  | 'info';

/** One SAP Note of the catalogue. */
export interface NoteInfo {
  readonly number: number;
  /** Short title in our own words. */
  readonly title: string;
  /** What the guide uses the note for, in our own words. */
  readonly purpose: string;
  readonly kind: NoteKind;
  /** Guide sections that name the note. */
  readonly sections: readonly GuideSectionId[];
  /** SAP_BASIS releases the note concerns, when the guide ties it to specific releases. */
  readonly releases?: readonly number[];
  /** Link to the note on SAP for Me. */
  readonly link: string;
}

type NoteRow = Omit<NoteInfo, 'link'>;

const TCI_RELEASES_ALL = [700, 701, 702, 731, 740, 750, 751] as const;
const TCI_RELEASES_7XX = [731, 740, 750, 751] as const;

// Each row cites the guide sections that mention the note (found by searching the guide text);
// rows are in the order in which the notes first appear in the guide.
const ROWS: readonly NoteRow[] = [
  // Guide 2.1.4.1.
  { number: 2620478, kind: 'trust-anchors', sections: ['2.1.4.1'],
    title: 'Trust anchor certificates for the download service',
    purpose: 'Describes the trust anchors needed to verify softwaredownloads.sap.com and notesdownloads.sap.com; without them the SSL handshake fails.' },
  // Guide 2.1.4.2 step 1 / 3.2 / 7: digital-signature notes (TCI-enabled: 2576306; otherwise the three others).
  { number: 2576306, kind: 'digital-signature', sections: ['2.1.4.2', '3.2', '7'],
    title: 'Digitally signed SAP Notes in a TCI-enabled Note Assistant',
    purpose: 'The single note that enables digitally signed notes when Note Assistant already works with TCI; also a reference for the HTTP / download service channel on 740 and above.' },
  { number: 2408073, kind: 'digital-signature', sections: ['2.1.4.2', '3.2', '7'],
    title: 'Digitally signed SAP Notes in Note Assistant (without TCI)',
    purpose: 'One of the three notes that let a Note Assistant without TCI support handle digitally signed notes; needed when SAP_BASIS is below the 2.1.4.2 table.' },
  { number: 2546220, kind: 'digital-signature', sections: ['2.1.4.2', '3.2', '7'],
    title: 'Digitally signed SAP Notes in Note Assistant (without TCI), second part',
    purpose: 'Second of the three notes required for digitally signed notes when Note Assistant is not TCI-enabled.' },
  { number: 2508268, kind: 'digital-signature', sections: ['2.1.4.2', '3.2', '7'],
    title: 'Digitally signed SAP Notes in Note Assistant (without TCI), third part; HTTP download',
    purpose: 'Third of the three notes for a Note Assistant without TCI; also the reference for switching note download to HTTP or the download service on SAP_BASIS 740 and above.' },
  { number: 2537133, kind: 'info', sections: ['2.1.4.2'],
    title: 'Background on digitally signed SAP Notes',
    purpose: 'Linked as further information from the section on enabling digitally signed notes.' },
  // Guide 2.1.4.3 table "SAP_BASIS Release / Action": prerequisites "if applicable", then bootstrap notes (also 2.1.4.3.1).
  { number: 975510, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: [700],
    title: 'TCI preparation note for SAP_BASIS 700',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on SAP_BASIS 700.' },
  { number: 1113339, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: [700],
    title: 'TCI preparation note for SAP_BASIS 700',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on SAP_BASIS 700.' },
  { number: 1832923, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: [700],
    title: 'TCI preparation note for SAP_BASIS 700',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on SAP_BASIS 700.' },
  { number: 2344014, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: [700, 701, 702],
    title: 'TCI preparation note for SAP_BASIS 700-702',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on SAP_BASIS 700, 701 and 702.' },
  { number: 2134534, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: [700, 701, 702],
    title: 'TCI preparation note for SAP_BASIS 700-702',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on SAP_BASIS 700, 701 and 702.' },
  { number: 2536585, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: TCI_RELEASES_ALL,
    title: 'TCI preparation note for all TCI-capable releases',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on every release with a TCI procedure (700-751).' },
  { number: 2606986, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: TCI_RELEASES_ALL,
    title: 'TCI preparation note for all TCI-capable releases',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on every release with a TCI procedure (700-751).' },
  { number: 2569813, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: TCI_RELEASES_ALL,
    title: 'TCI preparation note for all TCI-capable releases',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on every release with a TCI procedure (700-751).' },
  { number: 2615270, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: TCI_RELEASES_ALL,
    title: 'TCI preparation note for all TCI-capable releases',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on every release with a TCI procedure (700-751).' },
  { number: 2446868, kind: 'tci-bootstrap', sections: ['2.1.4.3', '2.1.4.3.1'], releases: [700],
    title: 'TCI bootstrap note for SAP_BASIS 700',
    purpose: 'Bootstrap note that prepares Note Assistant on SAP_BASIS 700 for TCI (package SAPK70000PCPSAPBASIS).' },
  { number: 1504500, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: [701],
    title: 'TCI preparation note for SAP_BASIS 701',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on SAP_BASIS 701.' },
  { number: 1532112, kind: 'tci-prerequisite', sections: ['2.1.4.3'], releases: [701, 702],
    title: 'TCI preparation note for SAP_BASIS 701 and 702',
    purpose: 'Prerequisite (if applicable) before bootstrapping TCI on SAP_BASIS 701 and 702.' },
  { number: 2444141, kind: 'tci-bootstrap', sections: ['2.1.4.3', '2.1.4.3.1'], releases: [701, 702],
    title: 'TCI bootstrap note for SAP_BASIS 701 and 702',
    purpose: 'Bootstrap note that prepares Note Assistant on SAP_BASIS 701 and 702 for TCI.' },
  { number: 1995550, kind: 'tci-bootstrap', sections: ['2.1.4.3', '2.1.4.3.1'], releases: TCI_RELEASES_7XX,
    title: 'TCI bootstrap note for SAP_BASIS 731-751',
    purpose: 'Bootstrap note that prepares Note Assistant on SAP_BASIS 731, 740, 750 and 751 for TCI.' },
  { number: 2408383, kind: 'tci-follow-up', sections: ['2.1.4.3'], releases: TCI_RELEASES_7XX,
    title: 'TCI follow-up note for SAP_BASIS 731-751',
    purpose: 'Implemented after the bootstrap note on SAP_BASIS 731, 740, 750 and 751, with its own TCI package per release.' },
  // Guide 2.1.4.3.1 "Related Information".
  { number: 2187425, kind: 'info', sections: ['2.1.4.3.1'],
    title: 'Background on transport-based correction instructions',
    purpose: 'Linked as further information from the section on implementing the bootstrap note.' },
  // Guide 2.1.4.3.2: fallback when a TCI package cannot be uploaded.
  { number: 110910, kind: 'tci-upload', sections: ['2.1.4.3.2'],
    title: 'Report RSLANG20 (first reference)',
    purpose: 'Referenced for running report RSLANG20 when a TCI SAR archive cannot be uploaded.' },
  { number: 48624, kind: 'tci-upload', sections: ['2.1.4.3.2'],
    title: 'Report RSLANG20 (second reference)',
    purpose: 'Referenced together with 110910 for running report RSLANG20 when a TCI upload fails.' },
  // Guide 2.1.5 (task list note, legacy destination table), 2.2 (detailed steps).
  { number: 2738426, kind: 'task-list', sections: ['2.1.5', '4.1', '4.3', '7'],
    title: 'Task list SAP_BASIS_CONFIG_OSS_COMM',
    purpose: 'Delivers the task list that creates the new HTTPS destinations; must be implemented and transported through the landscape.' },
  { number: 763561, kind: 'connectivity', sections: ['2.1.5'],
    title: 'Logon user of the legacy SDCC_OSS destination',
    purpose: 'Named as the source for the logon user of the old RFC destination SDCC_OSS.' },
  { number: 2793641, kind: 'task-list', sections: ['2.2'],
    title: 'Step-by-step guide for the backbone task list',
    purpose: 'Detailed instructions for running SAP_BASIS_CONFIG_OSS_COMM in STC01.' },
  // Guide 2.2.1.
  { number: 2781565, kind: 'tls', sections: ['2.2.1'],
    title: 'Prerequisite for the recommended ssl/client_ciphersuites value',
    purpose: 'Its corrections and manual steps are needed before using 150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH.' },
  { number: 510007, kind: 'tls', sections: ['2.2.1'],
    title: 'Expert information on SSL/TLS set-up',
    purpose: 'Reference for ssl/client_ciphersuites values in exceptional cases.' },
  // Guide 2.2.2.
  { number: 2631190, kind: 'certificates', sections: ['2.2.2'],
    title: 'Root CA certificates for the support backbone',
    purpose: 'Source of the four root CA certificates to import into the SSL client PSEs in STRUST.' },
  // Guide 2.3.
  { number: 2174416, kind: 'communication-user', sections: ['2.3'],
    title: 'Requesting a technical communication user',
    purpose: 'How to request a technical communication user for system-to-SAP communication.' },
  { number: 2740667, kind: 'communication-user', sections: ['2.3'],
    title: 'Replacing generic users by technical communication users',
    purpose: 'How to replace generic users (such as OSS_RFC) with technical communication users.' },
  // Guide 4.1.
  { number: 2289984, kind: 'connectivity', sections: ['4.1'], releases: [740],
    title: 'HTTP destination SAP-SUPPORT_PORTAL for SDCCN',
    purpose: 'How to create destination SAP-SUPPORT_PORTAL (type H) by hand for ST-PI 740 on SAP_BASIS 740 SP7 and below.' },
  { number: 2716729, kind: 'connectivity', sections: ['4.1'], releases: [740],
    title: 'HTTP destination SAP-SUPPORT_PARCELBOX for SDCCN',
    purpose: 'How to create destination SAP-SUPPORT_PARCELBOX (type G) by hand for ST-PI 740 on SAP_BASIS 740 SP7 and below.' },
  // Guide 4.2.
  { number: 2750491, kind: 'saprouter', sections: ['4.2'],
    title: 'SAProuter settings for the HTTPS backbone',
    purpose: 'How to check and adjust SAProuter on systems below SAP_BASIS 740, whose settings are not adjusted automatically.' },
];

/**
 * Link to an SAP Note on SAP for Me.
 * @param note note number
 */
export function noteLink(note: number): string {
  return `https://me.sap.com/notes/${note}`;
}

/** Every SAP Note the guide names, in the order of first appearance in the guide. */
export const NOTE_CATALOGUE: readonly NoteInfo[] = deepFreeze(ROWS.map((r) => ({ ...r, link: noteLink(r.number) })));

const BY_NUMBER: ReadonlyMap<number, NoteInfo> = new Map(NOTE_CATALOGUE.map((n) => [n.number, n]));

/**
 * The catalogue entry of a note.
 * @returns undefined when the guide does not name the note
 */
export function noteInfo(note: number): NoteInfo | undefined {
  return BY_NUMBER.get(note);
}

/** Formats a note for messages and hover, e.g. `SAP Note 2620478 (Trust anchor certificates …)`. */
export function describeNote(note: number): string {
  const info = noteInfo(note);
  return info ? `SAP Note ${note} (${info.title})` : `SAP Note ${note}`;
}

// Guide 2.1.4.2, 2.1.4.3, 2.1.4.3.1: notes that change Note Assistant itself.
/** Note Assistant notes: digital-signature notes, TCI prerequisites, bootstrap notes and 2408383. */
export const NOTE_ASSISTANT_NOTES: readonly number[] = deepFreeze([
  ...DIGITAL_SIGNATURE_NOTES.tciEnabled,
  ...DIGITAL_SIGNATURE_NOTES.notTciEnabled,
  ...TCI_PREREQUISITE_NOTES,
  ...TCI_BOOTSTRAP_NOTES,
  TCI_FOLLOW_UP_NOTE,
]);

// Guide 2.1.4 ("You can transport any changes throughout your system landscape"), 2.1.4.3.1
// (bootstrapping can be transported) and 4.3 ("Implement SAP Note 2738426 and transport it
// throughout the system landscape").
/**
 * Notes that must be present in every later system of a transport track once present in an
 * earlier one: the Note Assistant notes plus the task list note 2738426.
 */
export const BACKBONE_NOTES: readonly number[] = deepFreeze([...NOTE_ASSISTANT_NOTES, TASK_LIST_OSS_COMM.note as number]);

const BACKBONE_SET: ReadonlySet<number> = new Set(BACKBONE_NOTES);

/** Whether the landscape-wide "transported throughout the landscape" rule tracks this note. */
export function isBackboneNote(note: number): boolean {
  return BACKBONE_SET.has(note);
}
