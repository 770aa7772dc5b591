import { rule as naDigitalSignature } from './na-digital-signature';
import { rule as naDownloadChannel } from './na-download-channel';
import { rule as naGenericUser } from './na-generic-user';
import { rule as naTciRecommended } from './na-tci-recommended';
import { rule as naTciState } from './na-tci-state';
import { rule as naTrustAnchors } from './na-trust-anchors';
import type { Rule } from './rule';

/**
 * Rules of this group, in the order of the guide: the TCI state (2.1.4.3, spec NA-TCI-STATE) comes
 * first because the others depend on it, then 2.1.4.2 (notes, download channel, generic user),
 * 2.1.4.1 (trust anchors) and the TCI recommendation of 2.1.4.3.
 */
export const NOTE_ASSISTANT_RULES: readonly Rule[] = Object.freeze([
  naTciState,
  naDigitalSignature,
  naDownloadChannel,
  naGenericUser,
  naTrustAnchors,
  naTciRecommended,
]);
