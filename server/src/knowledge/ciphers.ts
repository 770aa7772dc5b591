/**
 * TLS knowledge (guide 2.2.1): the profile parameter `ssl/client_ciphersuites` and its values.
 */
import { deepFreeze } from './freeze';
import { lookup } from './lookup';
import type { GuideSectionId } from './guide';
import type { SystemRole } from './roles';

// Guide 2.2.1.
/** Name of the profile parameter for outgoing TLS cipher suites. */
export const SSL_CLIENT_CIPHERSUITES_PARAMETER = 'ssl/client_ciphersuites';

/** A value of `ssl/client_ciphersuites` the guide names. */
export interface CiphersuiteValue {
  readonly id: 'recommended' | 'solman-alternative';
  readonly value: string;
  /** Notes that must be implemented for the value to work. */
  readonly requiresNotes: readonly number[];
  /** Roles for which the guide accepts the value. */
  readonly roles: readonly SystemRole[];
  /** Whether TLS versions above 1.2 work with the value. */
  readonly supportsTlsAbove12: boolean;
  /** Our description. */
  readonly description: string;
  readonly section: GuideSectionId;
}

// Guide 2.2.1 "Recommendation" and procedure step 2.
/** The recommended value and the SAP Solution Manager alternative. */
export const CIPHERSUITE_VALUES: readonly CiphersuiteValue[] = deepFreeze([
  {
    id: 'recommended',
    value: '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH',
    requiresNotes: [2781565],
    roles: ['abap', 'solman', 'frun'],
    supportsTlsAbove12: true,
    description: 'Recommended value; needs the corrections and manual steps of SAP Note 2781565.',
    section: '2.2.1',
  },
  {
    id: 'solman-alternative',
    value: '918:PFS:HIGH::EC_P256:EC_HIGH',
    requiresNotes: [],
    roles: ['solman'],
    supportsTlsAbove12: false,
    description: 'Alternative for SAP Solution Manager only; no SAP Note 2781565 needed, but no TLS above 1.2.',
    section: '2.2.1',
  },
]);

/** The recommended value of `ssl/client_ciphersuites`. */
export const RECOMMENDED_CIPHERSUITES = (CIPHERSUITE_VALUES[0] as CiphersuiteValue).value;

/**
 * The guide's entry for a parameter value (exact match after trimming).
 * @returns undefined for any value the guide does not name
 */
export function ciphersuiteValue(value: string): CiphersuiteValue | undefined {
  const v = value.trim();
  return CIPHERSUITE_VALUES.find((c) => c.value === v);
}

/** Further facts of guide 2.2.1. */
export interface TlsFacts {
  /** Lowest TLS version the backbone accepts for outbound HTTP. */
  readonly minTlsVersion: string;
  /** TLS versions the parameter enables. */
  readonly enabledTlsVersions: readonly string[];
  /** SAP Note with the expert values for exceptional cases. */
  readonly expertNote: number;
  /** Transaction to display the parameter. */
  readonly checkTransaction: string;
  /** A changed value only takes effect after a restart (guide 2.2 "Next Steps"). */
  readonly restartRequired: boolean;
  readonly section: GuideSectionId;
}

// Guide 2.2.1 and 2.2 "Next Steps".
/** TLS facts. */
export const TLS_FACTS: TlsFacts = deepFreeze({
  minTlsVersion: '1.1',
  enabledTlsVersions: ['1.0', '1.1', '1.2'],
  expertNote: 510007,
  checkTransaction: 'RZ11',
  restartRequired: true,
  section: '2.2.1',
});

/** A profile parameter the guide names. */
export interface ProfileParameter {
  readonly name: string;
  /** Our description for hover. */
  readonly description: string;
  readonly transaction: string;
  readonly restartRequired: boolean;
  readonly relatedNotes: readonly number[];
  readonly section: GuideSectionId;
}

// Guide 2.2 "Next Steps" and 2.2.1.
/** Profile parameters the guide names, keyed by name (keys of `profile` in the landscape file). */
export const PROFILE_PARAMETERS: Readonly<Record<string, ProfileParameter>> = deepFreeze({
  [SSL_CLIENT_CIPHERSUITES_PARAMETER]: {
    name: SSL_CLIENT_CIPHERSUITES_PARAMETER,
    description:
      'Cipher suites and TLS versions for outgoing SSL/TLS connections; the backbone needs TLS 1.1 or higher for outbound HTTP. Checked by task list SAP_BASIS_CONFIG_OSS_COMM.',
    transaction: 'RZ11',
    restartRequired: true,
    relatedNotes: [2781565, 510007],
    section: '2.2.1',
  },
});

/**
 * The guide's entry for a profile parameter name (exact, case-sensitive).
 * @returns undefined for any name the guide does not name (also `toString`, `__proto__`, …)
 */
export function profileParameter(name: unknown): ProfileParameter | undefined {
  return lookup(PROFILE_PARAMETERS, name);
}
