/**
 * Dated knowledge beyond the guide: what SAP changed after version 1.1 of "Support Backbone
 * Update" (2019-08-19), each fact as a typed record with its effective date, its source and a
 * confidence. The baseline `current` is the guide plus these records; `guide-1.1` is the guide
 * alone (see baseline.ts). Rules, hovers and docs/knowledge.md read the records from here: no
 * rule holds a date or a note number of its own.
 *
 * Facts and sources come from the project's research notes (shared/research/after-2019.md, row
 * numbers in `research`); medium rows were re-checked with public sources (noted in `checked`).
 * "high" = stated by SAP or several independent sources; "medium" = one practitioner source, or
 * sources that disagree in detail; "low" = mentioned once. High facts may change findings;
 * medium facts only add infos and hover lines (or accept a value), never an error.
 */
import { deepFreeze } from './freeze';

/** How sure the fact is (see the module comment). */
export type Confidence = 'high' | 'medium' | 'low';

/** Where a fact comes from: an SAP Note, a public page, or both. */
export interface UpdateSource {
  /** SAP Note or KBA number. */
  readonly note?: number;
  /** Public page that states the fact. */
  readonly url?: string;
  /** What the source is / says, in our words. */
  readonly says: string;
}

/** What a record changes in landscape-lint's output. */
export interface UpdateChange {
  readonly kind: 'finding' | 'severity' | 'message' | 'threshold' | 'accepted-value' | 'hover' | 'note-catalogue';
  /** Rule id, or `hover` / `notes` for the editor features. */
  readonly target: string;
  /** What changes, in a sentence. */
  readonly what: string;
}

/** One dated update. */
export interface KnowledgeUpdate {
  /** Stable id, used in docs/knowledge.md and in tests. */
  readonly id: string;
  /**
   * ISO date of the event the fact is about (a shutdown, a release, an end of maintenance). Before
   * it, messages speak of it in the future tense (or the record changes nothing yet); from that day
   * on, in the past tense with the record's full effect.
   */
  readonly effective: string;
  /** Short title for docs and hovers. */
  readonly title: string;
  /** The fact, in a sentence or two. */
  readonly claim: string;
  readonly sources: readonly UpdateSource[];
  readonly confidence: Confidence;
  /** What it changes (the rule ids, the hover). */
  readonly changes: readonly UpdateChange[];
  /** Row(s) of shared/research/after-2019.md. */
  readonly research: readonly number[];
  /** What a re-check of a medium/low fact found (absent for high facts). */
  readonly checked?: string;
}

const CONNECTIVITY_PAGE = 'https://support.sap.com/en/release-upgrade-maintenance/maintenance-information/connectivity-to-sap.html';

// After-2019 row 1.
/** The legacy (RFC based) backbone was shut down on 2020-01-08, not 2020-01-01. */
export const LEGACY_SHUTDOWN = deepFreeze({
  id: 'legacy-shutdown-2020-01-08',
  effective: '2020-01-08',
  title: 'Legacy support backbone shut down on 2020-01-08',
  claim: 'SAP shut the legacy (RFC based) support infrastructure down on January 8, 2020, a week after the date the guide announced (January 1, 2020); SAP Note 2874259 is the first-aid kit for the switch-over.',
  sources: [
    { url: CONNECTIVITY_PAGE, says: 'SAP Support Portal, "Connectivity to SAP": "the legacy infrastructure has been shut down on January 8, 2020".' },
    { note: 2874259, url: 'https://www.saptechnicalguru.com/tag/digitally-signed-oss-notes/', says: 'First-aid kit for the switch-over, named by practitioners.' },
  ],
  confidence: 'high',
  changes: [
    { kind: 'message', target: 'legacy-destination', what: 'States the shutdown date 2020-01-08 (past tense once it passed).' },
    { kind: 'message', target: 'sdccn-destinations', what: 'States the shutdown date 2020-01-08 (past tense once it passed).' },
    { kind: 'message', target: 'frun-release', what: 'Focused Run 1.0 lost its connection on 2020-01-08.' },
    { kind: 'hover', target: 'hover', what: 'Legacy destinations and the Focused Run release show the date 2020-01-08.' },
  ],
  research: [1],
  date: '2020-01-08',
  firstAidNote: 2874259,
} as const);

// After-2019 rows 2 and 4 (row 3, the staged cuts before, is medium and only named in the claim).
/** All remaining RFC connections from customer systems to SAP were closed on 2020-11-30. */
export const RFC_SHUTDOWN = deepFreeze({
  id: 'rfc-final-shutdown-2020-11-30',
  effective: '2020-11-30',
  title: 'Final shutdown of RFC connections to SAP on 2020-11-30',
  claim: 'On November 30, 2020 SAP closed all remaining RFC connections from customer systems to SAP (SAP Note 2923799). Note Assistant on SAP_BASIS 700–731 can no longer download SAP Notes over RFC destination SAPOSS, with any user: it needs the HTTPS download service (or SAP Notes uploaded by hand). The type-3 destinations of the old backbone (SAPOSS, SAP-OSS, SDCC_OSS, SAPNET_RTCC, …) no longer reach SAP.',
  sources: [
    { note: 2923799, url: CONNECTIVITY_PAGE, says: 'SAP Support Portal: "On Monday November 30, 2020 all remaining RFC communications … closed … Please refer to SAP Note 2923799" (Final Shutdown of RFC Connections From Customer Systems to SAP).' },
    { url: 'https://github.com/J-Goerlich/Standard_RFC_connections', says: 'Public list of standard RFC destinations: SAPOSS, SAP-OSS, SDCC_OSS and SAPNET_RTCC (type 3) obsolete as of 2020.' },
  ],
  confidence: 'high',
  changes: [
    { kind: 'finding', target: 'na-download-channel', what: 'Applies to SAP_BASIS 700–731 too: download over RFC is an error on every release, the download service (or HTTP) is the fix.' },
    { kind: 'message', target: 'na-generic-user', what: 'On 700–731 the generic user is no longer the problem: the destination does not reach SAP with any user; the advice is the download service (no user fix offered). No finding when the system records the download service or HTTP.' },
    { kind: 'message', target: 'legacy-destination', what: 'The legacy destinations (also SAPOSS of type 3 with a technical communication user) "no longer reach SAP since 2020-11-30"; deletion is left to the administrator.' },
    { kind: 'message', target: 'sdccn-destinations', what: 'SDCC_OSS no longer reaches SAP.' },
    { kind: 'hover', target: 'hover', what: 'Destinations and noteAssistant.download explain the RFC shutdown.' },
  ],
  research: [2, 4],
  note: 2923799,
  /** Note-download releases that kept RFC under the guide and lost it on this day. */
  rfcReleases: { from: 700, to: 731 },
} as const);

// After-2019 row 5.
/** SAP Note 2836302: report RCWB_TCI_DIGITSIGN_AUTOMATION automates guide 2.1.4. */
export const NOTE_ASSISTANT_AUTOMATION = deepFreeze({
  id: 'note-assistant-automation-2836302',
  effective: '2019-11-04',
  title: 'Automated enabling of Note Assistant (SAP Note 2836302)',
  claim: 'SAP Note 2836302 "Automated guided steps for enabling Note Assistant for TCI and Digitally Signed SAP Notes" delivers report RCWB_TCI_DIGITSIGN_AUTOMATION, which bundles the manual steps of guide 2.1.4 (digitally signed SAP Notes and TCI). It needs SPAM version 71 or higher (medium: one source; the guide asks SPAM 70 for TCI).',
  sources: [
    { note: 2836302, says: 'expertum.net blog "download-and-upload-impacted" (2019-11-04) names the note and the report.' },
    { note: 2836302, says: 'SAP community blog 2017-09-12 "enable Note Assistant to support digitally signed SAP Notes", updated: "bundles all the actions required into an SAP Note 2836302".' },
  ],
  confidence: 'high',
  checked: 'The SPAM 71 minimum is stated by one source only: messages say "SPAM 71 or higher (per the note)" and keep the guide\'s SPAM 70 step.',
  changes: [
    { kind: 'message', target: 'na-tci-recommended', what: 'Offers report RCWB_TCI_DIGITSIGN_AUTOMATION of SAP Note 2836302 as the automated alternative to the manual steps.' },
    { kind: 'message', target: 'na-digital-signature', what: 'Offers the same report for the digital-signature notes.' },
    { kind: 'note-catalogue', target: 'notes', what: 'SAP Note 2836302 with its title.' },
  ],
  research: [5],
  note: 2836302,
  report: 'RCWB_TCI_DIGITSIGN_AUTOMATION',
  spamMin: 71,
} as const);

// After-2019 row 7 (medium).
/** The ciphersuite value without MEDIUM:+e3DES used since late 2019. */
export const CIPHERSUITE_NO_3DES = deepFreeze({
  id: 'ciphersuite-without-3des',
  effective: '2019-12-11',
  title: 'ssl/client_ciphersuites without 3DES',
  claim: 'Since late 2019 SAP\'s step-by-step material sets ssl/client_ciphersuites = 150:PFS:HIGH::EC_P256:EC_HIGH (the guide\'s value without MEDIUM:+e3DES); the guide\'s value keeps working. SAP Note 510007 remains the reference.',
  sources: [
    { note: 510007, says: 'SAP community blog 2019-12-11 "step-by-step guide for SAP support backbone update": "Set ssl/client_ciphersuites = 150:PFS:HIGH::EC_P256:EC_HIGH".' },
    { says: 'sast-solutions.com blog on TLS settings for the backbone (same value).' },
  ],
  confidence: 'medium',
  checked: 'Re-check (search, pages/docs): no further public statement found; kept medium. It only accepts a value (no warning), it never adds an error; the prerequisite SAP Note of the guide\'s value is still asked for.',
  changes: [
    { kind: 'accepted-value', target: 'tls-ciphersuites', what: 'Accepts 150:PFS:HIGH::EC_P256:EC_HIGH like the guide\'s recommended value (no warning).' },
    { kind: 'hover', target: 'hover', what: 'The parameter hover names both values.' },
  ],
  research: [7],
  value: '150:PFS:HIGH::EC_P256:EC_HIGH',
} as const);

// After-2019 row 8 (medium).
/** TLS 1.3 in AS ABAP; TLS 1.0/1.1 deprecated. */
export const TLS_VERSIONS = deepFreeze({
  id: 'tls-1.0-1.1-deprecated',
  effective: '2021-03-23',
  title: 'TLS 1.0 and 1.1 deprecated; TLS 1.3 in AS ABAP',
  claim: 'TLS 1.0 and 1.1 are deprecated (RFC 8996, March 2021); TLS 1.3 is available in AS ABAP with a recent kernel and CommonCryptoLib. No statement was found that the support backbone requires TLS 1.3.',
  sources: [
    { url: 'https://www.rfc-editor.org/rfc/rfc8996', says: 'RFC 8996 "Deprecating TLS 1.0 and TLS 1.1" (2021-03).' },
    { note: 3318423, url: 'https://www.saptechnicalguru.com/tls-v1-3-setup/', says: 'TLS 1.3 set-up in AS ABAP (practitioner; SAP Notes 2765639, 3318423).' },
  ],
  confidence: 'medium',
  checked: 'Not re-checked beyond the research notes; used for a hover line only.',
  changes: [{ kind: 'hover', target: 'hover', what: 'The ssl/client_ciphersuites hover says that TLS 1.0/1.1 are deprecated and TLS 1.3 is available.' }],
  research: [8],
} as const);

// After-2019 rows 9 and 10.
/** DigiCert G2 roots; distrusted VeriSign G5. */
export const ROOT_CA_MOVE = deepFreeze({
  id: 'digicert-g2-roots',
  effective: '2023-03-08',
  title: 'DigiCert moved to its G2 roots; VeriSign G5 distrusted',
  claim: 'DigiCert issues TLS certificates from its G2 roots since March 8, 2023, and Chrome and Mozilla remove the G1 roots (DigiCert Global Root CA, DigiCert High Assurance EV Root CA) on April 15, 2026. The guide\'s "VeriSign Class 3 Public Primary Certification Authority - G5" is a Symantec root distrusted by browsers in 2018. Which chain SAP\'s backbone hosts use now was not verified: SAP Note 2631190 has the current list.',
  sources: [
    { says: 'knowledge.digicert.com, DigiCert "TLS root strategy": default issuance from G2 roots as of 2023-03-08; G1 roots removed from Chrome and Mozilla trust stores on 2026-04-15.' },
    { says: 'SAP community ("SAP BTP ABAP environment: new root certificate authority"; "new CA issuer for ByD server certificate"): SAP BTP moved to DigiCert Global Root G2 (2023); SAP moved its domains from the VeriSign G5 root to DigiCert.' },
    { note: 2631190, says: 'Root certificates for the support backbone (current content not found).' },
  ],
  confidence: 'high',
  checked: 'High for DigiCert\'s own dates; SAP\'s host chain and the VeriSign G5 statement are medium, so the rule only explains (no new error, no removed error).',
  changes: [
    { kind: 'message', target: 'ssl-certificates', what: 'A missing DigiCert Global Root G2 is explained as the root that matters today; missing G1 / VeriSign G5 roots are explained as old roots (still checked, as SAP Note 2631190 lists them).' },
    { kind: 'hover', target: 'hover', what: 'Certificate hovers explain the G2 move and the distrusted VeriSign G5.' },
  ],
  research: [9, 10],
  g2Root: 'DigiCert Global Root G2',
  g1Roots: ['DigiCert Global Root CA', 'DigiCert High Assurance EV Root CA'],
  g1RemovedOn: '2026-04-15',
  distrustedRoot: 'VeriSign Class 3 Public Primary Certification Authority - G5',
  distrustedIn: '2018',
} as const);

// After-2019 row 11.
/** S-users expire since 2020-06-02; technical communication users do not. */
export const S_USER_LIFETIME = deepFreeze({
  id: 's-user-lifetime',
  effective: '2020-06-02',
  title: 'S-users expire (since 2020-06-02); technical communication users do not',
  claim: 'Since June 2, 2020 every S-user has an expiry date (24 months by default, extendable to 60); an expired S-user is disabled for 90 days, then deleted. Technical communication users are excluded. So the corporate "S-User for Communication" of SOLMAN_SETUP (guide 5.1) can expire.',
  sources: [
    { url: 'https://support.sap.com/en/my-support/users/s-user-lifetime.html', says: 'SAP Support Portal "S-user lifetime": "…except for … technical communication users and P-users".' },
    { note: 2971742, says: 'KBA: how to extend the lifetime of an S-user.' },
  ],
  confidence: 'high',
  changes: [
    { kind: 'finding', target: 'solman-setup', what: 'Info on the corporate S-user of SOLMAN_SETUP: it expires; extend it in time (KBA 2971742).' },
    { kind: 'note-catalogue', target: 'notes', what: 'KBA 2971742.' },
  ],
  research: [11],
  kba: 2971742,
  defaultMonths: 24,
  maxMonths: 60,
} as const);

// After-2019 row 13.
/** SAP Solution Manager 7.2 end of mainstream maintenance. */
export const SOLMAN_END_OF_MAINTENANCE = deepFreeze({
  id: 'solman-7.2-end-of-mainstream-maintenance',
  effective: '2027-12-31',
  title: 'SAP Solution Manager 7.2: end of mainstream maintenance 2027-12-31',
  claim: 'Mainstream maintenance of SAP Solution Manager 7.2 ends on December 31, 2027; SAP\'s successor is SAP Cloud ALM (transition recommended before 2028), Focused Run stays for large-scale operations. Extended maintenance for Solution Manager: not found.',
  sources: [
    { url: 'https://support.sap.com/en/alm/sap-cloud-alm/transition-to-sap-cloud-alm.html', says: 'SAP Support Portal "Transition to SAP Cloud ALM" (linked from EarlyWatch Alert reports of 2026).' },
    { url: 'https://news.sap.com/2020/08/aligned-extended-maintenance-commitments/', says: 'SAP News 2020-08 "Aligned extended maintenance commitments" (mainstream maintenance until the end of 2027).' },
  ],
  confidence: 'high',
  changes: [
    { kind: 'severity', target: 'solman-release', what: 'Every SAP Solution Manager 7.2: info until 2027-06-30, warning from 2027-07-01, error from 2028-01-01 (plan the move to SAP Cloud ALM).' },
  ],
  research: [13],
  endsOn: '2027-12-31',
  warnFrom: '2027-07-01',
  errorFrom: '2028-01-01',
  successor: 'SAP Cloud ALM',
} as const);

// After-2019 row 14 (medium).
/** Focused Run after 2.0; 1.0 in customer-specific maintenance. */
export const FRUN_LATER_RELEASES = deepFreeze({
  id: 'frun-later-releases',
  effective: '2019-11-23',
  title: 'Focused Run 1.0 in customer-specific maintenance; releases 3.0 and 4.0',
  claim: 'Focused Run 1.0 went to customer-specific maintenance on November 23, 2019. Releases after 2.0 exist: 3.0 (FP03) and 4.0 (FP02); no backbone requirement beyond "2.0 or higher" was found. Release dates of 3.0 and 4.0 and a 5.0 were not found.',
  sources: [
    { url: 'https://www.saptechnicalguru.com/tag/upgrade/', says: 'Practitioner posts on Focused Run 3.0 / 4.0 upgrades (SAP Notes 3374888, 3394504 for 4.0 FP02).' },
    { note: 3394504, says: 'support.sap.com Focused Run reverse-proxy page: "starting with SAP Focused Run 3.0 FP03".' },
  ],
  confidence: 'medium',
  checked: 'Re-check (search, pages): no public release date for 3.0 / 4.0 found; used for the 1.0 message (maintenance state) and hover lines only.',
  changes: [
    { kind: 'message', target: 'frun-release', what: 'Focused Run 1.0: "in customer-specific maintenance since 2019-11-23"; 3.0 and 4.0 named as known later releases.' },
    { kind: 'hover', target: 'hover', what: 'The Focused Run release hover lists 3.0 and 4.0.' },
  ],
  research: [14],
  customerSpecificSince: '2019-11-23',
  laterReleases: ['3.0', '4.0'],
} as const);

/** A later SAP Note with what the public sources say about it (titles only where found). */
export interface LaterNote {
  readonly number: number;
  /** Title as a source gives it; undefined when no source gives one (never invented). */
  readonly title?: string;
  readonly purpose: string;
  /** The update record it belongs to. */
  readonly update: string;
  readonly confidence: Confidence;
}

// After-2019 rows 1, 2, 3, 5, 6, 11, 16. Titles only where a source states them.
/** SAP Notes named after the guide, for the note catalogue under `current`. */
export const LATER_NOTES: readonly LaterNote[] = deepFreeze([
  { number: 2923799, title: 'Final Shutdown of RFC Connections From Customer Systems to SAP', purpose: 'Announces the closing of all remaining RFC connections to SAP on 2020-11-30.', update: RFC_SHUTDOWN.id, confidence: 'high' },
  { number: 2836302, title: 'Automated guided steps for enabling Note Assistant for TCI and Digitally Signed SAP Notes', purpose: 'Delivers report RCWB_TCI_DIGITSIGN_AUTOMATION, which bundles the steps of guide 2.1.4.', update: NOTE_ASSISTANT_AUTOMATION.id, confidence: 'high' },
  { number: 2874259, purpose: 'First-aid kit for the switch-over to the new backbone (title not found).', update: LEGACY_SHUTDOWN.id, confidence: 'medium' },
  { number: 2934203, purpose: 'RTCCTOOL on SAP_BASIS 700–731 after the RFC shutdown (title not found).', update: RFC_SHUTDOWN.id, confidence: 'medium' },
  { number: 2971742, purpose: 'KBA: how to extend the lifetime of an S-user (title not found).', update: S_USER_LIFETIME.id, confidence: 'high' },
]);

/** Every update record, oldest first. */
export const KNOWLEDGE_UPDATES: readonly KnowledgeUpdate[] = deepFreeze([
  LEGACY_SHUTDOWN,
  NOTE_ASSISTANT_AUTOMATION,
  CIPHERSUITE_NO_3DES,
  S_USER_LIFETIME,
  RFC_SHUTDOWN,
  TLS_VERSIONS,
  ROOT_CA_MOVE,
  SOLMAN_END_OF_MAINTENANCE,
  FRUN_LATER_RELEASES,
].slice().sort((a, b) => a.effective.localeCompare(b.effective)));
