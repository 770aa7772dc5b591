/**
 * The one module of custom protocol shared by the language server and the VS Code client:
 * command ids, custom requests and notifications, and the settings shape.
 */

/** Settings section read from the client (`landscapeLint.*`). */
export const SETTINGS_SECTION = 'landscapeLint';

export interface LandscapeLintSettings {
  /** Extra glob patterns of landscape files, relative to a workspace folder. */
  files: string[];
  /** Severity per rule id. */
  rules: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Size limit in KiB. */
  maxFileSizeKB: number;
}

export const DEFAULT_SETTINGS: LandscapeLintSettings = { files: [], rules: {}, maxFileSizeKB: 2048 };

/** Command ids (contributed by the extension, some executed by the server through code lenses/actions). */
export const Commands = {
  showOutput: 'landscapeLint.showOutput',
  restartServer: 'landscapeLint.restartServer',
} as const;

/** Debounce between the last edit and validation, in ms. */
export const VALIDATION_DELAY_MS = 200;
