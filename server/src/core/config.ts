import * as fs from 'fs';
import * as path from 'path';
import { readLandscapeFileContent } from './files';
import type { Severity, SeveritySetting } from './types';

/** A configuration file is a few lines; anything above this is not one. */
const MAX_CONFIG_SIZE = 1024 * 1024;

/** Name of the workspace configuration file that the CLI and the language server both read. */
export const CONFIG_FILE_NAME = '.landscape-lint.json';

/** Effective lint configuration. */
export interface LintConfig {
  /** Severity per rule id; rules not listed keep their default. */
  rules: Record<string, SeveritySetting>;
  /** Extra glob patterns of landscape files (besides *.landscape.{yaml,yml,json}). */
  files: string[];
  /** Files larger than this are not parsed. */
  maxFileSize?: number;
}

export const EMPTY_CONFIG: LintConfig = Object.freeze({ rules: {}, files: [] }) as LintConfig;

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function isSeveritySetting(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && (SETTINGS as readonly string[]).includes(v);
}

/** Thrown for a configuration file that cannot be used; the message says where and why. */
export class ConfigError extends Error {}

/** Parses the text of a `.landscape-lint.json` file. */
export function parseConfig(text: string, source: string): LintConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${source}: expected a JSON object`);
  const o = raw as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object' || Array.isArray(o.rules)) throw new ConfigError(`${source}: "rules" must be an object of rule id → off|info|warning|error`);
    for (const [id, sev] of Object.entries(o.rules as Record<string, unknown>)) {
      if (!isSeveritySetting(sev)) throw new ConfigError(`${source}: rule "${id}" has severity ${JSON.stringify(sev)}; use off, info, warning or error`);
      rules[id] = sev;
    }
  }
  const files = Array.isArray(o.files) ? o.files.filter((f): f is string => typeof f === 'string') : [];
  const maxFileSize = typeof o.maxFileSizeKB === 'number' && o.maxFileSizeKB > 0 ? o.maxFileSizeKB * 1024 : undefined;
  return { rules, files, maxFileSize };
}

/** Finds the nearest `.landscape-lint.json` at or above a directory (stopping at `stopAt`). */
export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (dir === stop) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads a configuration file; throws ConfigError with the file name on any problem. */
export function loadConfigFile(file: string): LintConfig {
  let text: string;
  try {
    // regular files only (a FIFO or /dev/zero named .landscape-lint.json must not hang or fill memory)
    const content = readLandscapeFileContent(file, MAX_CONFIG_SIZE);
    if (!content.complete || Buffer.byteLength(content.text, 'utf8') > MAX_CONFIG_SIZE) throw new Error(`larger than ${MAX_CONFIG_SIZE / 1024} KiB`);
    text = content.text;
  } catch (e) {
    throw new ConfigError(`${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseConfig(text, file);
}

/** Later layers override earlier ones, rule by rule. */
export function mergeConfig(...layers: Partial<LintConfig>[]): LintConfig {
  const out: LintConfig = { rules: {}, files: [] };
  for (const l of layers) {
    Object.assign(out.rules, l.rules ?? {});
    out.files.push(...(l.files ?? []));
    if (l.maxFileSize !== undefined) out.maxFileSize = l.maxFileSize;
  }
  return out;
}

/** The severity a finding gets under a configuration, or undefined when the rule is off. */
export function effectiveSeverity(config: LintConfig, ruleId: string, found: Severity): Severity | undefined {
  const setting = config.rules[ruleId];
  if (setting === undefined) return found;
  return setting === 'off' ? undefined : setting;
}
