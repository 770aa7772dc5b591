/**
 * Transactions and reports the guide names, with one-line descriptions for hover and messages.
 */
import { deepFreeze } from './freeze';
import type { GuideSectionId } from './guide';

/** A transaction or report. */
export interface TransactionInfo {
  readonly code: string;
  readonly kind: 'transaction' | 'report';
  /** Name the guide uses for it. */
  readonly name: string;
  /** Our one-line description of its role in the update. */
  readonly description: string;
  /** Guide sections that name it; empty when the guide does not name it. */
  readonly sections: readonly GuideSectionId[];
  /** False for entries the guide does not name but the file format relies on. */
  readonly namedInGuide: boolean;
}

// Sections from a search of the guide text for each code.
/** Transactions and reports, transactions first, alphabetical within kind. */
export const TRANSACTIONS: readonly TransactionInfo[] = deepFreeze([
  { code: 'RZ11', kind: 'transaction', name: 'Profile parameter maintenance', description: 'Display the value of ssl/client_ciphersuites.', sections: ['2.2.1'], namedInGuide: true },
  { code: 'SAINT', kind: 'transaction', name: 'Add-On Installation Tool', description: 'Alternative way to upload a TCI SAR archive from the front end.', sections: ['2.1.4.3.2'], namedInGuide: true },
  { code: 'SDCCN', kind: 'transaction', name: 'Service Data Control Center', description: 'Switch from SDCC_OSS to SAP-SUPPORT_PORTAL and recreate the tasks targeting SAP.', sections: ['2.1.1', '4.1', '4.3', '7'], namedInGuide: true },
  { code: 'SM59', kind: 'transaction', name: 'Configuration of RFC connections', description: 'Where destinations and their connection type and logon user are maintained (recorded under `destinations`).', sections: [], namedInGuide: false },
  { code: 'SNOTE', kind: 'transaction', name: 'Note Assistant', description: 'Downloads and implements SAP Notes; must handle digitally signed notes.', sections: ['1', '2.1.4', '2.1.4.2', '2.1.4.3.1', '2.1.4.3.2', '2.3'], namedInGuide: true },
  { code: 'SOLMAN_SETUP', kind: 'transaction', name: 'SAP Solution Manager Configuration', description: 'System Preparation > 3.1 RFC Connectivity: enter the logon data for the backbone.', sections: ['5.1'], namedInGuide: true },
  { code: 'SPAM', kind: 'transaction', name: 'Support Package Manager', description: 'Must be at version 70 or higher for TCI; imports the bootstrap and TCI packages.', sections: ['2.1.4.3', '2.1.4.3.1', '2.1.4.3.2'], namedInGuide: true },
  { code: 'STC01', kind: 'transaction', name: 'Task Manager for Technical Configuration', description: 'Runs the task lists SAP_BASIS_CONFIG_OSS_COMM and SAP_SUPPORT_HUB_CONFIG.', sections: ['2.2', '4.3', '5.2', '6.1', '7'], namedInGuide: true },
  { code: 'STRUST', kind: 'transaction', name: 'Trust Manager', description: 'Check the SSL client PSEs and import the root CA certificates.', sections: ['2.2.2'], namedInGuide: true },
  { code: 'USMM', kind: 'transaction', name: 'System Measurement', description: 'License measurement; stops reaching SAP without the plug-in upgrade.', sections: ['2.1.1'], namedInGuide: true },
  { code: 'RCWB_SNOTE_DWNLD_PROC_CONFIG', kind: 'report', name: 'Defining Procedure for Downloading SAP Note', description: 'Shows the note download procedure; "Download Service Application" is expected.', sections: ['3.1'], namedInGuide: true },
  { code: 'RSLANG20', kind: 'report', name: 'RSLANG20', description: 'Fallback when a TCI package cannot be uploaded (see SAP Notes 110910 and 48624).', sections: ['2.1.4.3.2'], namedInGuide: true },
  { code: 'RTCCTOOL', kind: 'report', name: 'Service Preparation Check', description: 'Checks service readiness; stops reaching SAP without the plug-in upgrade.', sections: ['2.1.1', '2.1.5'], namedInGuide: true },
]);

/** The entry for a transaction or report code (exact, upper case). */
export function transactionInfo(code: string): TransactionInfo | undefined {
  return TRANSACTIONS.find((t) => t.code === code);
}
