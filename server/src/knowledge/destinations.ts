/**
 * Destination knowledge (guide 2.1.5): the RFC destinations used before the update, the HTTPS
 * destinations that replace them, and the SM59 connection types the landscape file records.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';

/** SM59 connection types the knowledge refers to. */
export type ConnectionType = '3' | 'H' | 'G';

/** One SM59 connection type. */
export interface ConnectionTypeInfo {
  readonly type: ConnectionType;
  readonly description: string;
  readonly protocol: 'RFC' | 'HTTP';
}

// SM59 connection types: 3 is used by the legacy RFC destinations of guide 2.1.5, H and G by the
// new HTTP destinations of guide 4.1 (SAP-SUPPORT_PORTAL type H, SAP-SUPPORT_PARCELBOX type G).
/** Connection types of `destinations.<name>.type`. */
export const CONNECTION_TYPES: readonly ConnectionTypeInfo[] = deepFreeze([
  { type: '3', description: 'ABAP connection (RFC)', protocol: 'RFC' },
  { type: 'H', description: 'HTTP connection to an ABAP system', protocol: 'HTTP' },
  { type: 'G', description: 'HTTP connection to an external server', protocol: 'HTTP' },
]);

/** Transaction that maintains destinations (not named by the guide; the file format records its data). */
export const DESTINATION_TRANSACTION = 'SM59';

/** A replacement of a legacy destination, with the reason for choosing it. */
export interface DestinationReplacement {
  readonly name: string;
  /** Why / when this replacement applies (our own words). */
  readonly reason: string;
}

/** One row of the guide's "Previous RFC Connections" table. */
export interface LegacyDestination {
  readonly name: string;
  /** Logon user as the guide gives it. */
  readonly logonUser: string;
  /** SAP Note that describes the logon user, when the guide refers to one. */
  readonly logonUserNote?: number;
  /** Our summary of what the destination was used for. */
  readonly use: string;
  /** HTTPS destinations that take over, primary first (our mapping; see reason). */
  readonly replacements: readonly DestinationReplacement[];
  /**
   * When set, the name alone does not make the destination legacy (SAPOSS also exists as a new
   * destination): it is legacy when its recorded logon user is one of `users`, or, when no user
   * is recorded, when its connection type is one of `types`.
   */
  readonly legacyOnlyIf?: { readonly types: readonly ConnectionType[]; readonly users: readonly string[] };
  readonly section: GuideSectionId;
}

// Guide 2.1.5, table "Previous RFC Connections to the Support Backbone" (name, logon user, use).
// The replacement column is not in the guide; it is derived from the "Use" columns of both tables
// and from guide 2.1.4.2 (SAPOSS on 700-731), 4.1 (SDCCN: SDCC_OSS → SAP-SUPPORT_PORTAL,
// uploads via SAP-SUPPORT_PARCELBOX).
/** Legacy RFC destinations, in the guide's order. */
export const LEGACY_RFC_DESTINATIONS: readonly LegacyDestination[] = deepFreeze([
  {
    name: 'SAPOSS',
    logonUser: 'OSS_RFC',
    use: 'Note Assistant and the Automated Note Search Tool (ANST).',
    replacements: [
      { name: 'SAP-SUPPORT_NOTE_DOWNLOAD', reason: 'HTTPS note download for Note Assistant (SAP_BASIS 740 and above).' },
      {
        name: 'SAPOSS',
        reason: 'On SAP_BASIS 700-731 and in SAP Solution Manager SAPOSS stays, logging on with a technical communication user.',
      },
    ],
    legacyOnlyIf: { types: ['3'], users: ['OSS_RFC'] },
    section: '2.1.5',
  },
  {
    name: 'SAP-OSS',
    logonUser: 'S-user',
    use: 'Service desk message exchange, system data synchronisation with the SAP Support Portal, managed-system data, solution and issue transfer, service connection feedback, product data download.',
    replacements: [
      { name: 'SAP-SUPPORT_PORTAL', reason: 'General exchange with the SAP Support Portal.' },
      { name: 'SAP-SUPPORT_PARCELBOX', reason: 'Uploads of larger data sets.' },
    ],
    section: '2.1.5',
  },
  {
    name: 'SAP-OSS-LIST-001',
    logonUser: 'S-user',
    use: 'Finding out which messages were changed at SAP.',
    replacements: [{ name: 'SAP-SUPPORT_PORTAL', reason: 'Message status is read from the SAP Support Portal.' }],
    section: '2.1.5',
  },
  {
    name: 'SDCC_OSS',
    logonUser: 'See SAP Note 763561',
    logonUserNote: 763561,
    use: 'Service Data Control Center traffic with the SAP Support Portal; updating service definitions (EWA and service plan).',
    replacements: [
      { name: 'SAP-SUPPORT_PORTAL', reason: 'Guide 4.1: in SDCCN replace SDCC_OSS by SAP-SUPPORT_PORTAL.' },
    ],
    section: '2.1.5',
  },
  {
    name: 'SAPNET_RFC',
    logonUser: 'OSS_RFC',
    use: 'Sending SAP EarlyWatch Alert reports (EWA and service plan).',
    replacements: [
      { name: 'SAP-SUPPORT_PORTAL', reason: 'SDCCN is configured with SAP-SUPPORT_PORTAL (guide 4.1).' },
      { name: 'SAP-SUPPORT_PARCELBOX', reason: 'Recreated SDCCN upload tasks such as EWA send their data through it.' },
    ],
    section: '2.1.5',
  },
  {
    name: 'SAPNET_RTCC',
    logonUser: 'ST14_TRCC',
    use: 'Service Preparation Check (RTCCTOOL).',
    replacements: [{ name: 'SAP-SUPPORT_PORTAL', reason: 'RTCCTOOL fetches its data from the SAP Support Portal.' }],
    section: '2.1.5',
  },
]);

/** One row of the guide's "New Connections" table. */
export interface NewDestination {
  readonly name: string;
  /** Logon user: the technical communication user, or none given by the guide. */
  readonly logonUser?: 'technical-communication-user';
  /** The guide's "Use" column. */
  readonly use: 'SAP Solution Manager' | 'Note Assistant' | 'Support Hub';
  /** SM59 type where the guide states it (guide 4.1). */
  readonly type?: ConnectionType;
  /** Task list that creates the destination. */
  readonly createdBy: string;
  readonly section: GuideSectionId;
}

// Guide 2.1.5, table "New Connections to the Support Backbone"; the task list that creates them
// is named in 2.1.5's introduction; types H/G from guide 4.1.
/** New HTTPS destinations, in the guide's order. */
export const NEW_HTTPS_DESTINATIONS: readonly NewDestination[] = deepFreeze([
  { name: 'SAP-SUPPORT_PORTAL', logonUser: 'technical-communication-user', use: 'SAP Solution Manager', type: 'H', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
  { name: 'SAP-SUPPORT_PARCELBOX', logonUser: 'technical-communication-user', use: 'SAP Solution Manager', type: 'G', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
  { name: 'SAP-SUPPORT_NOTE_DOWNLOAD', logonUser: 'technical-communication-user', use: 'Note Assistant', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
  { name: 'SAPOSS', logonUser: 'technical-communication-user', use: 'SAP Solution Manager', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
  { name: 'CO_SISEHUB_MI_O_AS_PUT_EXTERNA', use: 'Support Hub', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
  { name: 'CO_SISEHUB_MI_O_S_SHB_GET_EX', use: 'Support Hub', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
  { name: 'CO_SISEHUB_MI_O_S_SHB_LIST', use: 'Support Hub', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
  { name: 'CO_SISEHUB_MI_O_S_SHB_REMOVE', use: 'Support Hub', createdBy: 'SAP_BASIS_CONFIG_OSS_COMM', section: '2.1.5' },
]);

/** A destination as recorded in the landscape file. */
export interface RecordedDestination {
  readonly type?: string;
  readonly user?: string;
}

/**
 * The legacy-table row when a recorded destination is one of the old RFC destinations.
 * SAPOSS counts as legacy when it logs on with the generic user OSS_RFC, or, with no user
 * recorded, when it is of type 3; SAPOSS with any other user (a technical communication user) is
 * the configuration the guide asks for. The other names are legacy regardless of type and user.
 * @param name destination name (exact, case-sensitive as in SM59)
 * @param recorded the recorded type and user, if any
 * @param rfcClosed true once all RFC connections to SAP are closed (baseline current)
 */
export function legacyDestination(name: string, recorded?: RecordedDestination, rfcClosed = false): LegacyDestination | undefined {
  const row = LEGACY_RFC_DESTINATIONS.find((d) => d.name === name);
  if (!row || !row.legacyOnlyIf) return row;
  const { types, users } = row.legacyOnlyIf;
  // Once SAP closed every RFC connection (baseline current, updates.ts RFC_SHUTDOWN), an RFC
  // (type 3) SAPOSS reaches SAP with no user at all: the type alone makes it legacy.
  if (rfcClosed && recorded?.type !== undefined && (types as readonly string[]).includes(recorded.type)) return row;
  // A recorded user decides: guide 2.1.4.2 keeps RFC destination SAPOSS on 700-731, only with a
  // technical communication user instead of the generic one. Without a user, type 3 decides.
  if (recorded?.user !== undefined) return users.includes(recorded.user) ? row : undefined;
  return recorded?.type !== undefined && (types as readonly string[]).includes(recorded.type) ? row : undefined;
}

/** The new destination of that name, if the guide lists one. */
export function newDestination(name: string): NewDestination | undefined {
  return NEW_HTTPS_DESTINATIONS.find((d) => d.name === name);
}

/** The description of an SM59 connection type, if known. */
export function connectionTypeInfo(type: string): ConnectionTypeInfo | undefined {
  return CONNECTION_TYPES.find((t) => t.type === type);
}
