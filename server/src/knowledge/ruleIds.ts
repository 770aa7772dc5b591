/**
 * The rule ids shared by the rules, the checklist and the settings. The rules team implements
 * exactly these ids; the checklist refers to them to decide each item.
 */

/** Rule ids of the domain rules (the guide's requirements). */
export const DOMAIN_RULE_IDS = Object.freeze([
  'plugin-st-pi',
  'plugin-st-a-pi',
  'solman-release',
  'frun-release',
  'na-tci-state',
  'na-digital-signature',
  'na-download-channel',
  'na-generic-user',
  'na-trust-anchors',
  'na-tci-recommended',
  'tasklist-oss-comm',
  'note-2738426',
  'legacy-destination',
  'tls-ciphersuites',
  'ssl-certificates',
  'comm-user-missing',
  'comm-user-unknown',
  'comm-user-shared',
  'sdccn-destinations',
  'sdccn-tasks',
  'sdccn-prerequisites',
  'saprouter-check',
  'solman-setup',
  'tasklist-support-hub',
  'track-transport',
] as const);

/** Rule ids of the file-level checks (syntax, schema, references, hygiene). */
export const FILE_RULE_IDS = Object.freeze([
  'schema',
  'yaml-syntax',
  'duplicate-key',
  'unknown-reference',
  'managed-by-role',
  'secret-in-file',
  'file-too-large',
  'suppression-reason',
] as const);

/** Every rule id. */
export const RULE_IDS = Object.freeze([...DOMAIN_RULE_IDS, ...FILE_RULE_IDS] as const);

/** A domain rule id. */
export type DomainRuleId = (typeof DOMAIN_RULE_IDS)[number];
/** A file-level rule id. */
export type FileRuleId = (typeof FILE_RULE_IDS)[number];
/** Any rule id the project knows. */
export type KnownRuleId = (typeof RULE_IDS)[number];

/** Type guard for rule ids read from settings or suppression comments. */
export function isKnownRuleId(id: string): id is KnownRuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
