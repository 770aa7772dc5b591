/**
 * Technical communication user knowledge (guide 2.3).
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';

/** SAP Notes of guide 2.3. */
export interface CommunicationUserNotes {
  /** How to request a technical communication user. */
  readonly request: number;
  /** How to replace generic users by technical communication users. */
  readonly replaceGenericUsers: number;
}

// Guide 2.3 procedure steps 1 and 2.
/** Notes for requesting and using technical communication users. */
export const COMMUNICATION_USER_NOTES: CommunicationUserNotes = deepFreeze({
  request: 2174416,
  replaceGenericUsers: 2740667,
});

/** Facts about technical communication users. */
export interface CommunicationUserFacts {
  readonly dialogLogonPossible: boolean;
  readonly passwordExpires: boolean;
  /** Hours after the request within which the user is usually available. */
  readonly availableWithinHours: number;
  /** A regular S-user cannot be converted into one. */
  readonly convertibleFromSUser: boolean;
  /** Other names the guide mentions. */
  readonly aliases: readonly string[];
  /** Introduced with this product. */
  readonly introducedWith: string;
  /** Recommended granularity, most flexible last. */
  readonly recommendation: readonly ('per-track' | 'per-system')[];
  /** Our summary of the risk of sharing one user everywhere. */
  readonly sharingRisk: string;
  readonly section: GuideSectionId;
}

// Guide 2.3 "Context" and "How Many Technical Communication Users Do You Need?".
/** What the guide says about technical communication users. */
export const COMMUNICATION_USER_FACTS: CommunicationUserFacts = deepFreeze({
  dialogLogonPossible: false,
  passwordExpires: false,
  availableWithinHours: 24,
  convertibleFromSUser: false,
  aliases: ['technical S-user', 'support hub user', 'user for support hub communication'],
  introducedWith: 'SAP Solution Manager 7.2',
  recommendation: ['per-track', 'per-system'],
  sharingRisk:
    'One user for all systems works, but if it gets locked every system loses its connection; one per track (e.g. DEV-QAS-PRD) or per system avoids that.',
  section: '2.3',
});

// Spec §1: user ids such as S0023456789 ("S" followed by ten digits).
/** Form of an S-user id (technical communication users and corporate S-users alike). */
export const S_USER_ID_PATTERN = /^S\d{10}$/;

/** Whether a string has the form of an S-user id. */
export function isSUserId(id: string): boolean {
  return S_USER_ID_PATTERN.test(id);
}
