import { rule as commUserMissing } from './comm-user-missing';
import { rule as commUserShared } from './comm-user-shared';
import { rule as commUserUnknown } from './comm-user-unknown';
import { rule as managedByRole } from './managed-by-role';
import type { Rule } from './rule';
import { rule as secretInFile } from './secret-in-file';
import { rule as solmanSetup } from './solman-setup';
import { rule as tasklistSupportHub } from './tasklist-support-hub';
import { rule as trackTransport } from './track-transport';
import { rule as unknownReference } from './unknown-reference';

/**
 * Rules of this group, in the order of the guide: technical communication users (2.3), transport
 * along tracks (2.1.4 / 4.3), SAP Solution Manager (5.1, 5.2) and Focused Run (6.1), then the
 * landscape-wide file checks (references, roles, credentials).
 */
export const LANDSCAPE_RULES: readonly Rule[] = Object.freeze([
  commUserMissing,
  commUserUnknown,
  commUserShared,
  trackTransport,
  solmanSetup,
  tasklistSupportHub,
  unknownReference,
  managedByRole,
  secretInFile,
]);
