/**
 * Certificate knowledge: the root CAs of guide 2.2.2 and the PSEs they belong in, plus the trust
 * anchors for the download service of guide 2.1.4.1.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';
import type { SystemRole } from './roles';

// Guide 2.2.2 "Install SSL Certificates", list of required certificates (exact names).
/** Root CA certificates every connected system needs in its SSL client PSE(s). */
export const ROOT_CA_CERTIFICATES = deepFreeze([
  'VeriSign Class 3 Public Primary Certification Authority - G5',
  'DigiCert Global Root CA',
  'DigiCert Global Root G2',
  'DigiCert High Assurance EV Root CA',
] as const);

/** Name of one required root CA. */
export type RootCaName = (typeof ROOT_CA_CERTIFICATES)[number];

/** Keys of `certificates` in the landscape file. */
export type SslClientPseKey = 'sslClientStandard' | 'sslClientAnonymous';

/** One SSL client PSE checked in STRUST. */
export interface SslClientPse {
  readonly key: SslClientPseKey;
  /** Label as STRUST / the guide shows it. */
  readonly label: string;
  /** System roles that need the root CAs in this PSE. */
  readonly requiredForRoles: readonly SystemRole[];
  readonly section: GuideSectionId;
}

// Guide 2.2.2 procedure step 1: standard systems check the Standard PSE; SAP Solution Manager
// systems check Standard and Anonymous. Focused Run counts as a standard system here.
/** SSL client PSEs and which systems need them. */
export const SSL_CLIENT_PSES: readonly SslClientPse[] = deepFreeze([
  {
    key: 'sslClientStandard',
    label: 'SSL client SSL Client (Standard)',
    requiredForRoles: ['abap', 'solman', 'frun'],
    section: '2.2.2',
  },
  {
    key: 'sslClientAnonymous',
    label: 'SSL client SSL Client (Anonymous)',
    requiredForRoles: ['solman'],
    section: '2.2.2',
  },
]);

// Guide 2.2.2 procedure steps 2-3.
/** Where the certificates come from and where they are imported. */
export const CERTIFICATE_SOURCE = deepFreeze({
  note: 2631190,
  transaction: 'STRUST',
  importMenu: 'Certificate > Import',
  section: '2.2.2',
} as const);

/** The PSEs a system of this role must have the root CAs in. */
export function requiredPsesFor(role: SystemRole): readonly SslClientPse[] {
  return SSL_CLIENT_PSES.filter((p) => p.requiredForRoles.includes(role));
}

/** The PSE key a `certificates` key of the landscape file names, undefined for any other key. */
export function sslClientPseKey(key: unknown): SslClientPseKey | undefined {
  return SSL_CLIENT_PSES.find((p) => p.key === key)?.key;
}

/** One PSE by its landscape-file key. */
export function sslClientPse(key: SslClientPseKey): SslClientPse {
  return SSL_CLIENT_PSES.find((p) => p.key === key) as SslClientPse;
}

/**
 * The required root CAs missing from a PSE's certificate list, in the guide's order.
 * Names must match exactly (surrounding blanks are ignored).
 */
export function missingRootCas(present: readonly string[] | undefined): RootCaName[] {
  const have = new Set((present ?? []).map((n) => n.trim()));
  return ROOT_CA_CERTIFICATES.filter((n) => !have.has(n));
}

/** The trust anchors of guide 2.1.4.1. */
export interface TrustAnchors {
  readonly note: number;
  /** Servers whose TLS certificates must be verifiable. */
  readonly servers: readonly string[];
  /** Our summary of the failure without them. */
  readonly failure: string;
  readonly section: GuideSectionId;
}

// Guide 2.1.4.1 "Install Trust Anchor Certificates".
/** Trust anchor certificates needed by the download service for digitally signed notes. */
export const TRUST_ANCHORS: TrustAnchors = deepFreeze({
  note: 2620478,
  servers: ['softwaredownloads.sap.com', 'notesdownloads.sap.com'],
  failure: 'Without them the SSL handshake fails and signed SAP Notes cannot be downloaded.',
  section: '2.1.4.1',
});
