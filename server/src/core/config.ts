import * as fs from 'fs';
import * as path from 'path';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import { readLandscapeFileContent } from './files';
import { LineIndex } from './positions';
import type { Severity, SeveritySetting } from './types';
import type { BaselineId } from '../knowledge/baseline';
import { BASELINE_IDS } from '../knowledge/baseline';

/** A configuration file is a few lines; anything above this is not one. */
const MAX_CONFIG_SIZE = 1024 * 1024;

/** Name of the workspace configuration file that the CLI and the language server both read. */
export const CONFIG_FILE_NAME = '.landscape-lint.json';

/** Which state of SAP's requirements the rules judge against (knowledge/baseline.ts; docs/knowledge.md). */
export const BASELINES = BASELINE_IDS;
export type Baseline = BaselineId;

/**
 * Severity per rule id. Always a null-prototype object (see `ruleSettings`): a rule id such as
 * `__proto__` or `constructor` is an ordinary key there, neither dropped nor read from
 * Object.prototype. Read it with `Object.hasOwn` (effectiveSeverity does).
 */
export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

/** Effective lint configuration. */
export interface LintConfig {
  /** Severity per rule id; rules not listed keep their default. */
  rules: RuleSettings;
  /** Extra glob patterns of landscape files (besides *.landscape.{yaml,yml,json}). */
  files: string[];
  /** Glob patterns of files and folders not searched (relative to the configuration file's folder). */
  ignore?: string[];
  /** Files larger than this are not parsed. */
  maxFileSize?: number;
  /** `baseline` of the configuration file, passed through (issue 11). */
  baseline?: Baseline;
  /** `asOf` (YYYY-MM-DD) of the configuration file, passed through (issue 11). */
  asOf?: string;
}

/** A configuration file as loaded: the configuration, and what was odd but usable in it. */
export interface LoadedConfig extends LintConfig {
  /** `file:line:col: message` of each unknown rule id, duplicate key…; the CLI prints them once. */
  warnings: string[];
}

export const EMPTY_CONFIG: LintConfig = Object.freeze({ rules: Object.freeze(ruleSettings()), files: [] }) as LintConfig;

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function isSeveritySetting(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && (SETTINGS as readonly string[]).includes(v);
}

/** A null-prototype severity map holding the own entries of the given ones, later ones winning. */
export function ruleSettings(...sources: (Readonly<Record<string, SeveritySetting>> | undefined)[]): Record<string, SeveritySetting> {
  const out = Object.create(null) as Record<string, SeveritySetting>;
  for (const s of sources) {
    if (!s) continue;
    // Object.keys: own keys only, `__proto__` of a JSON.parse result included
    for (const id of Object.keys(s)) out[id] = s[id];
  }
  return out;
}

/** Thrown for a configuration file that cannot be used; the message says where and why. */
export class ConfigError extends Error {}

/** What the configuration file may contain (the schema `schemas/landscape-lint-config.schema.json` says the same). */
export const CONFIG_KEYS = ['$schema', 'rules', 'files', 'ignore', 'maxFileSizeKB', 'baseline', 'asOf'] as const;

/** Options of parseConfig. */
export interface ParseConfigOptions {
  /** Rule ids that exist; a `rules` key not among them is warned about (with "did you mean"). */
  knownRules?: readonly string[];
  /** "Did you mean" for a misspelt key or rule id. */
  suggest?: (word: string, candidates: readonly string[]) => string | undefined;
}

const kindOf = (n: JsonNode): string => (n.type === 'null' ? 'null' : n.type === 'array' ? 'a list' : n.type === 'object' ? 'an object' : `a ${n.type}`);

/**
 * Parses the text of a `.landscape-lint.json` file: JSON with comments and trailing commas
 * (JSONC, as VS Code's settings). Anything that does not fit the schema is a ConfigError that
 * names the place (`file:line:col`) and what is expected; every such problem is listed, not only
 * the first. Unknown rule ids and repeated keys are warnings (the rest of the file still counts).
 */
export function parseConfig(text: string, source: string, options: ParseConfigOptions = {}): LoadedConfig {
  const lines = new LineIndex(text);
  const at = (offset: number): string => {
    const p = lines.positionAt(offset);
    return `${source}:${p.line + 1}:${p.character + 1}`;
  };
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (syntax.length) {
    throw new ConfigError(syntax.slice(0, 5).map((e) => `${at(e.offset)}: not valid JSON: ${describeParseError(printParseErrorCode(e.error))}`).join('\n'));
  }
  if (!root || root.type !== 'object') throw new ConfigError(`${root ? at(root.offset) : source}: expected a JSON object ({ "rules": { … } }), not ${root ? kindOf(root) : 'nothing'}`);
  const errors: string[] = [];
  const warnings: string[] = [];
  const config: LoadedConfig = { rules: ruleSettings(), files: [], warnings };
  const rules = config.rules as Record<string, SeveritySetting>;
  const strings = (n: JsonNode, key: string): string[] | undefined => {
    if (n.type !== 'array') {
      errors.push(`${at(n.offset)}: "${key}" must be a list of glob patterns (["landscapes/*.yaml"]), not ${kindOf(n)}`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of n.children ?? []) {
      if (item.type !== 'string' || !(item.value as string).length) errors.push(`${at(item.offset)}: each entry of "${key}" must be a non-empty glob pattern string, not ${item.type === 'string' ? 'an empty string' : kindOf(item)}`);
      else out.push(item.value as string);
    }
    return out;
  };
  const seen = new Set<string>();
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = keyNode.value as string;
    if (seen.has(key)) warnings.push(`${at(keyNode.offset)}: "${key}" is given twice; the last one counts`);
    seen.add(key);
    switch (key) {
      case '$schema':
        if (value.type !== 'string') errors.push(`${at(value.offset)}: "$schema" must be a string`);
        break;
      case 'rules': {
        if (value.type !== 'object') {
          errors.push(`${at(value.offset)}: "rules" must be an object of rule id → "off" | "info" | "warning" | "error", not ${kindOf(value)}`);
          break;
        }
        const ruleSeen = new Set<string>();
        for (const r of value.children ?? []) {
          const [idNode, sev] = r.children ?? [];
          if (!idNode || !sev) continue;
          const id = idNode.value as string;
          if (ruleSeen.has(id)) warnings.push(`${at(idNode.offset)}: rule "${id}" is given twice; the last one counts`);
          ruleSeen.add(id);
          if (!isSeveritySetting(sev.value)) {
            errors.push(`${at(sev.offset)}: rule "${id}" has severity ${sev.type === 'string' ? JSON.stringify(sev.value) : kindOf(sev)}; use "off", "info", "warning" or "error"`);
            continue;
          }
          rules[id] = sev.value;
          if (options.knownRules && !options.knownRules.includes(id)) {
            const hint = options.suggest?.(id, options.knownRules);
            warnings.push(`${at(idNode.offset)}: unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; it has no effect (see docs/rules.md)`);
          }
        }
        break;
      }
      case 'files':
      case 'ignore': {
        const list = strings(value, key);
        if (list) config[key] = list;
        break;
      }
      case 'maxFileSizeKB':
        if (value.type !== 'number' || !Number.isInteger(value.value) || (value.value as number) < 1) {
          errors.push(`${at(value.offset)}: "maxFileSizeKB" must be a whole number of KiB, at least 1 (default 65536), not ${value.type === 'number' ? String(value.value) : kindOf(value)}`);
        } else config.maxFileSize = (value.value as number) * 1024;
        break;
      case 'baseline':
        if (!(BASELINES as readonly unknown[]).includes(value.value)) errors.push(`${at(value.offset)}: "baseline" must be ${BASELINES.map((b) => `"${b}"`).join(' or ')}, not ${value.type === 'string' ? JSON.stringify(value.value) : kindOf(value)}`);
        else config.baseline = value.value as Baseline;
        break;
      case 'asOf':
        if (value.type !== 'string' || !isIsoDate(value.value as string)) errors.push(`${at(value.offset)}: "asOf" must be a date "YYYY-MM-DD", not ${value.type === 'string' ? JSON.stringify(value.value) : kindOf(value)}`);
        else config.asOf = value.value as string;
        break;
      default: {
        const hint = options.suggest?.(key, CONFIG_KEYS.filter((k) => k !== '$schema'));
        errors.push(`${at(keyNode.offset)}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${CONFIG_KEYS.filter((k) => k !== '$schema').join(', ')}`);
      }
    }
  }
  if (errors.length) throw new ConfigError(errors.join('\n'));
  return config;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** jsonc-parser's error codes ("CommaExpected") as words. */
function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes expected',
    ValueExpected: 'a value expected',
    ColonExpected: 'a colon expected',
    CommaExpected: 'a comma expected',
    CloseBraceExpected: 'a closing } expected',
    CloseBracketExpected: 'a closing ] expected',
    EndOfFileExpected: 'end of file expected (one object only)',
    InvalidCommentToken: 'invalid comment',
    UnexpectedEndOfComment: 'comment not closed',
    UnexpectedEndOfString: 'string not closed',
    UnexpectedEndOfNumber: 'number not complete',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
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
export function loadConfigFile(file: string, options: ParseConfigOptions = {}): LoadedConfig {
  let text: string;
  try {
    // regular files only (a FIFO or /dev/zero named .landscape-lint.json must not hang or fill memory)
    const content = readLandscapeFileContent(file, MAX_CONFIG_SIZE);
    if (!content.complete || Buffer.byteLength(content.text, 'utf8') > MAX_CONFIG_SIZE) throw new Error(`larger than ${MAX_CONFIG_SIZE / 1024} KiB`);
    text = content.text;
  } catch (e) {
    throw new ConfigError(`${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseConfig(text, file, options);
}

/** Later layers override earlier ones, rule by rule; lists add up. */
export function mergeConfig(...layers: Partial<LintConfig>[]): LintConfig {
  const out: LintConfig = { rules: ruleSettings(), files: [] };
  for (const l of layers) {
    out.rules = ruleSettings(out.rules, l.rules);
    out.files.push(...(l.files ?? []));
    if (l.ignore?.length) out.ignore = [...(out.ignore ?? []), ...l.ignore];
    if (l.maxFileSize !== undefined) out.maxFileSize = l.maxFileSize;
    if (l.baseline !== undefined) out.baseline = l.baseline;
    if (l.asOf !== undefined) out.asOf = l.asOf;
  }
  return out;
}

/** The severity a finding gets under a configuration, or undefined when the rule is off. */
export function effectiveSeverity(config: LintConfig, ruleId: string, found: Severity): Severity | undefined {
  // own keys only: `constructor` or `toString` is not a setting of every rule
  if (!Object.hasOwn(config.rules, ruleId)) return found;
  const setting = config.rules[ruleId];
  return setting === 'off' ? undefined : setting;
}
