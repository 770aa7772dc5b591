import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'node:util';
import type { LintConfig, LoadedConfig } from './core/config';
import { CONFIG_FILE_NAME, ConfigError, findConfigFile, isSeveritySetting, loadConfigFile, mergeConfig, ruleSettings } from './core/config';
import { DEFAULT_MAX_FILE_SIZE } from './core/document';
import type { LandscapeFormat } from './core/document';
import type { LandscapeFileContent, ScanResult, SkippedEntry } from './core/files';
import { decodeText, FileReadError, inspectPath, readLandscapeFileContent, scanFiles, withSizeOnDisk } from './core/files';
import type { PathMatcher } from './core/glob';
import { DEFAULT_FILE_PATTERNS, GlobError, globMatcher, hasGlobChars, isGlob, splitGlob } from './core/glob';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { encodeText } from './core/files';
import { fixText } from './core/fix';
import { ALL_RULES, lintText, ruleMeta } from './core/lint';
import type { FileReport } from './core/output';
import { errorsOnly, formatGithub, formatGitlab, formatJson, formatJunit, formatSarif, formatText, summarize } from './core/output';
import type { BaselineId, KnowledgeContext } from './knowledge/baseline';
import { BASELINE_IDS, isBaselineId, isIsoDate, knowledgeContext } from './knowledge/baseline';
import { closest } from './core/schema';
import type { Finding, Severity, SeveritySetting } from './core/types';
import { importMain } from './importCli';
import { reportMain } from './reportCli';
import { VERSION } from './version';

/** Where the CLI reads and writes; injectable for tests. */
export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** All of standard input (for `-` / `--stdin`); default: file descriptor 0. */
  readStdin?: () => Buffer;
}

/** Output formats of the main command. */
export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;
export type OutputFormat = (typeof FORMATS)[number];

class UsageError extends Error {}

/** The parsed command line. */
interface Args {
  inputs: string[];
  stdin: boolean;
  stdinFilename?: string;
  format: OutputFormat;
  maxWarnings?: number;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  /** Severities of the findings --fix fixes (`--fix-type`); all when undefined. */
  fixTypes?: Set<Severity>;
  /** Null-prototype: a rule id `__proto__` is a key like any other. */
  rules: Record<string, SeveritySetting>;
  config?: string;
  ignorePatterns: string[];
  printConfig?: string;
  maxFileSize?: number;
  /** Knowledge baseline (overrides the configuration file's). */
  baseline?: BaselineId;
  /** The date the advice is for, YYYY-MM-DD (overrides the configuration file's; default today). */
  asOf?: string;
  color?: boolean;
  output?: string;
  help: boolean;
  version: boolean;
}

/**
 * One command-line option: node:util parseArgs reads it, `apply` checks and stores its value,
 * and the help text is made from `value` and `help`. Adding a flag is one entry here (and a
 * field in Args).
 */
interface OptionSpec {
  name: string;
  short?: string;
  /** Placeholder of the value in the help; no value: a boolean flag. */
  value?: string;
  multiple?: boolean;
  help: string;
  apply(a: Args, value: string): void;
}

const wholeNumber = (flag: string, v: string, min: number, what: string): number => {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} takes ${what}, not '${v}'`);
  return Number(v);
};

const FIX_TYPES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format', short: 'f', value: FORMATS.join('|'), help: 'output format (default: text); github: workflow commands (annotations),\ngitlab: Code Quality report, junit: JUnit XML',
    apply: (a, v) => {
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1]}, not '${v}'`);
      a.format = v as OutputFormat;
    },
  },
  {
    name: 'max-warnings', value: 'N', help: 'exit 1 when there are more than N warnings (default: unlimited)',
    apply: (a, v) => { a.maxWarnings = wholeNumber('--max-warnings', v, 0, 'a whole number ≥ 0'); },
  },
  {
    name: 'fix', help: 'apply the preferred quick-fixes (as the editor\'s fix-all, with its safety\nchecks), write the files, then report what remains',
    apply: (a) => { a.fix = true; },
  },
  {
    name: 'fix-dry-run', help: 'print the changes --fix would make as a unified diff; write nothing\n(the report goes to -o FILE or standard error)',
    apply: (a) => { a.fixDryRun = true; },
  },
  {
    name: 'fix-type', value: 'SEVERITIES', multiple: true, help: 'fix only findings of these severities: error,warning,info,hint\n(comma-separated or repeated)',
    apply: (a, v) => {
      const types = v.split(',').map((t) => t.trim()).filter(Boolean);
      const bad = types.filter((t) => !FIX_TYPES.includes(t as Severity));
      if (!types.length || bad.length) throw new UsageError(`--fix-type takes ${FIX_TYPES.join(', ')} (comma-separated), not '${v}'`);
      a.fixTypes = new Set([...(a.fixTypes ?? []), ...(types as Severity[])]);
    },
  },
  {
    name: 'quiet', short: 'q', help: 'report errors only (warnings still count for --max-warnings)',
    apply: (a) => { a.quiet = true; },
  },
  {
    name: 'rule', value: 'ID=SEVERITY', multiple: true, help: 'set a rule\'s severity: off|info|warning|error (repeatable)',
    apply: (a, v) => {
      const m = /^([^=]+)=(.+)$/.exec(v);
      if (!m || !isSeveritySetting(m[2])) throw new UsageError(`--rule takes ID=off|info|warning|error, not '${v}'`);
      a.rules[m[1]] = m[2];
    },
  },
  {
    name: 'config', short: 'c', value: 'FILE', help: `use this configuration file instead of the nearest ${CONFIG_FILE_NAME}`,
    apply: (a, v) => { a.config = v; },
  },
  {
    name: 'ignore-pattern', value: 'GLOB', multiple: true, help: 'leave out files and folders matching GLOB (relative to the working directory;\nrepeatable); node_modules and .git are always left out; a path named\nhere on the command line is always checked',
    apply: (a, v) => { a.ignorePatterns.push(v); },
  },
  {
    name: 'stdin', help: 'read the landscape from standard input (also: -)',
    apply: (a) => { a.stdin = true; },
  },
  {
    name: 'stdin-filename', value: 'NAME', help: 'name of standard input: its format (.json or YAML) and configuration\ncome from it, and findings are reported under it',
    apply: (a, v) => { a.stdinFilename = v; },
  },
  {
    name: 'print-config', value: 'FILE', help: 'print the effective configuration for FILE (JSON) and exit',
    apply: (a, v) => { a.printConfig = v; },
  },
  {
    name: 'max-file-size', value: 'KB', help: 'size limit (default: 65536 = 64 MiB); a larger file is\nnot checked and fails the run (exit 1)',
    apply: (a, v) => { a.maxFileSize = wholeNumber('--max-file-size', v, 1, 'a size in KiB') * 1024; },
  },
  {
    name: 'baseline', value: BASELINE_IDS.join('|'), help: 'knowledge to judge by: the guide alone (guide-1.1), or the guide plus\ndated updates since 2019 (current, the default); see docs/knowledge.md',
    apply: (a, v) => {
      if (!isBaselineId(v)) throw new UsageError(`--baseline must be ${BASELINE_IDS.join(' or ')}, not '${v}'`);
      a.baseline = v;
    },
  },
  {
    name: 'as-of', value: 'YYYY-MM-DD', help: 'the date the advice is for (default: today, UTC): decides tense and\nthe severity of dated findings (baseline current)',
    apply: (a, v) => {
      if (!isIsoDate(v)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, not '${v}'`);
      a.asOf = v;
    },
  },
  { name: 'color', help: 'force colours (default: on a terminal, unless NO_COLOR is set;\nFORCE_COLOR=1 forces them too)', apply: (a) => { a.color = true; } },
  { name: 'no-color', help: 'disable colours', apply: (a) => { a.color = false; } },
  { name: 'output', short: 'o', value: 'FILE', help: 'write the report to FILE instead of standard output', apply: (a, v) => { a.output = v; } },
  { name: 'help', short: 'h', help: 'show this help', apply: (a) => { a.help = true; } },
  { name: 'version', short: 'v', help: 'show the version', apply: (a) => { a.version = true; } },
];

function optionsHelp(): string {
  const heads = OPTIONS.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return OPTIONS.map((o, i) => {
    const [first, ...rest] = o.help.split('\n');
    return [`  ${heads[i].padEnd(width)}${first}`, ...rest.map((l) => `  ${' '.repeat(width)}${l}`)].join('\n');
  }).join('\n');
}

const USAGE = `Usage: landscape-lint [paths, directories or globs…] [options]
       landscape-lint - [options] < file          (or --stdin)

Checks SAP landscape definition files (*.landscape.yaml|yml|json) against the
Support Backbone Update guide. Directories are searched recursively.

Options:
${optionsHelp()}

  --                            everything after it is a path, even when it starts with -

landscape-lint report <file> [--format md|json] [-o FILE] writes the readiness
report (the guide's checklists per system); see landscape-lint report --help.
landscape-lint import <file> --sid SID --components F … merges SAP exports into it; see --help there.

Exit codes: 0 no errors (and not more warnings than --max-warnings), 1 otherwise
(also when a file was not checked because it is larger than the size limit),
2 bad usage, an unreadable input or an unusable configuration file.`;

/** parseArgs' errors (TypeError with an ERR_PARSE_ARGS_* code) as short usage messages. */
function usageErrorOf(e: unknown): UsageError {
  const err = e as { code?: string; message?: string };
  const msg = err?.message ?? String(e);
  const flag = /--([\w-]+)/.exec(msg)?.[0] ?? /'(-\w)'/.exec(msg)?.[1] ?? '';
  switch (err?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const raw = /'([^']+)'/.exec(msg)?.[1] ?? flag;
      const hint = raw.startsWith('--') ? closest(raw.slice(2), OPTIONS.map((o) => o.name)) : undefined;
      return new UsageError(`unknown option '${raw}'${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(msg)) return new UsageError(`${flag} takes no value`);
      if (/ambiguous/.test(msg)) return new UsageError(`${flag} needs a value (one that starts with '-' is given as ${flag}=-…)`);
      return new UsageError(`${flag} needs a value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(msg);
    default:
      return new UsageError(msg);
  }
}

function parseCommandLine(argv: readonly string[]): Args {
  const a: Args = { inputs: [], stdin: false, format: 'text', rules: ruleSettings(), ignorePatterns: [], quiet: false, fix: false, fixDryRun: false, help: false, version: false };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(OPTIONS.map((o) => [o.name, { type: o.value ? 'string' : 'boolean', ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }])) as never,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (e) {
    throw usageErrorOf(e);
  }
  // tokens in command-line order: the last of --color / --no-color wins, --rule settings apply in order
  for (const t of parsed.tokens ?? []) {
    if (t.kind === 'positional') {
      if (t.value === '-') a.stdin = true;
      else a.inputs.push(t.value);
    } else if (t.kind === 'option') {
      OPTIONS.find((o) => o.name === t.name)!.apply(a, t.value ?? '');
    }
  }
  return a;
}

/** Extra landscape-file patterns that apply to a directory, relative to `base` (the config file's folder). */
export type ExtraPatterns = (dir: string) => { base: string; patterns: readonly string[] } | undefined;

/** Paths left out of a folder search: absolute path → ignored. */
export type IgnoreFor = (dir: string) => ((absPath: string) => boolean) | undefined;

/** An input that exists but cannot be read: a pipe, a device, a link loop, an unlistable folder… */
export interface UnreadableInput extends SkippedEntry {
  /** True when the path was given on the command line, false when found in a folder. */
  explicit: boolean;
}

/** The files the command line names, and the inputs among them that cannot be read. */
export interface ResolvedInputs {
  files: string[];
  unreadable: UnreadableInput[];
}

// No cap on the number of files: the CLI checks what it is told to check, and a CI gate that
// silently (or even loudly) leaves out files beyond some count would pass landscapes it never
// read. The cost is one path string per file and the findings; 10,000 tiny files take seconds.
// (The language server keeps findFiles' limit for its workspace scan, and logs when it is hit.)

/** scanFiles' ignore option (paths relative to `root`) from an absolute-path predicate. */
function ignoreBelow(root: string, ignored: ((abs: string) => boolean) | undefined): PathMatcher | undefined {
  return ignored ? (rel) => ignored(path.join(root, rel)) : undefined;
}

/** Files below a directory: the default landscape names plus the configured extra patterns. */
function filesIn(dir: string, extraFor: ExtraPatterns, ignoreFor: IgnoreFor): ScanResult {
  const defaults = globMatcher(DEFAULT_FILE_PATTERNS);
  const extra = extraFor(dir);
  const extraMatch = extra?.patterns.length ? globMatcher(extra.patterns) : undefined;
  const found = scanFiles(dir, (rel, full) => {
    if (defaults(rel)) return true;
    if (!extra || !extraMatch) return false;
    const fromBase = path.relative(extra.base, full).split(path.sep).join('/');
    return !fromBase.startsWith('..') && extraMatch(fromBase);
  }, { ignore: ignoreBelow(dir, ignoreFor(dir)) });
  return { ...found, files: [...new Set(found.files)].sort() };
}

/**
 * Expands the command line's inputs into files. An input that does not exist or matches nothing
 * is a usage error (thrown); one that exists but is not readable (a named pipe, a device, a
 * symbolic link loop, a broken link), and such entries found in folders, are returned in
 * `unreadable` so the caller checks the rest and reports them. A file or folder named here is
 * never ignored; what a folder search or a glob finds is, when an ignore pattern matches it.
 */
export function collectInputs(inputs: readonly string[], cwd: string, extraFor: ExtraPatterns = () => undefined, ignoreFor: IgnoreFor = () => undefined): ResolvedInputs {
  const files: string[] = [];
  const unreadable: UnreadableInput[] = [];
  const found = (scan: ScanResult): void => {
    files.push(...scan.files);
    for (const s of scan.skipped) unreadable.push({ ...s, explicit: false });
  };
  for (const input of inputs.length ? inputs : ['.']) {
    const abs = path.resolve(cwd, input);
    const what = inspectPath(abs);
    if (what.kind === 'file') files.push(abs);
    else if (what.kind === 'directory') {
      const scan = filesIn(abs, extraFor, ignoreFor);
      if (!scan.files.length && !scan.skipped.length && inputs.length) throw new UsageError(`no landscape files (*.landscape.yaml|yml|json) found in '${input}'`);
      found(scan);
    } else if (what.error.reason !== 'not-found') {
      unreadable.push({ path: abs, reason: what.error.reason, message: what.error.message, explicit: true });
    } else if (isGlob(input)) {
      const { base, pattern } = splitGlob(input);
      const root = path.resolve(cwd, base);
      const match = globMatcher([pattern], false);
      const scan = scanFiles(root, (rel) => match(rel), { ignore: ignoreBelow(root, ignoreFor(root)) });
      if (!scan.files.length && !scan.skipped.length) throw new UsageError(`no files match '${input}'`);
      found(scan);
    } else if (hasGlobChars(input)) {
      throw new UsageError(`cannot read '${input}': no such file or directory, and as a glob pattern it is incomplete (check its { } and [ ])`);
    } else {
      throw new UsageError(`cannot read '${input}': no such file or directory`);
    }
  }
  return { files: [...new Set(files)], unreadable };
}

/** The files of collectInputs, without the unreadable ones. */
export function resolveInputs(inputs: readonly string[], cwd: string, extraFor: ExtraPatterns = () => undefined): string[] {
  return collectInputs(inputs, cwd, extraFor).files;
}

/**
 * The report of one linted file. A file over the size limit was not checked: `notChecked` says
 * why, and its file-too-large warning is always in the output (a severity setting of `off` does
 * not hide it: it does not judge the landscape, it says the landscape was not judged).
 */
function fileReport(file: string, parseFindings: readonly Finding[], findings: Finding[], content: LandscapeFileContent): FileReport {
  const tooLarge = parseFindings.find((f) => f.ruleId === 'file-too-large');
  if (!tooLarge) return { file, findings: withSizeOnDisk(findings, content) };
  const shown = findings.some((f) => f.ruleId === 'file-too-large') ? findings : [tooLarge, ...findings];
  const withSize = withSizeOnDisk(shown, content);
  const message = withSize.find((f) => f.ruleId === 'file-too-large')!.message;
  // "File is 70000 KiB, larger than the limit of 65536 KiB; it was not checked. …" → the sizes
  const sizes = /^File is (\d+ KiB), larger than the limit of (\d+ KiB)/.exec(message);
  return { file, findings: withSize, notChecked: sizes ? `${sizes[1]} > ${sizes[2]}` : 'larger than the size limit' };
}

const KNOWN_RULE_IDS = ALL_RULES.map((r) => r.id);

/**
 * The configuration of each file: the nearest `.landscape-lint.json` (or --config) under the
 * command line's settings. Each configuration file is read once, and its warnings (unknown rule
 * ids, keys given twice) are printed once.
 */
class ConfigResolver {
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly nearest = new Map<string, string | undefined>();
  private readonly explicitFile?: string;
  private readonly cliIgnore?: PathMatcher;

  constructor(private readonly args: Args, private readonly io: CliIO) {
    this.cliIgnore = args.ignorePatterns.length ? globMatcher(args.ignorePatterns) : undefined;
    if (args.config) {
      this.explicitFile = path.resolve(io.cwd, args.config);
      this.load(this.explicitFile);
    }
  }

  private load(file: string): LoadedConfig {
    let c = this.loaded.get(file);
    if (!c) {
      c = loadConfigFile(file, { knownRules: KNOWN_RULE_IDS, suggest: closest });
      this.loaded.set(file, c);
      for (const w of c.warnings) this.io.err(`landscape-lint: warning: ${w}`);
    }
    return c;
  }

  /** The configuration file that applies to files in a folder, if any. */
  fileFor(dir: string): string | undefined {
    if (this.explicitFile) return this.explicitFile;
    if (!this.nearest.has(dir)) this.nearest.set(dir, findConfigFile(dir));
    return this.nearest.get(dir);
  }

  /** Where the file's relative patterns (files, ignore) start: its folder (with --config: the working directory). */
  private baseOf(file: string): string {
    return file === this.explicitFile ? this.io.cwd : path.dirname(file);
  }

  /** The configuration file's own settings for a folder. */
  private fileConfig(dir: string): { config: LoadedConfig; base: string } | undefined {
    const file = this.fileFor(dir);
    return file ? { config: this.load(file), base: this.baseOf(file) } : undefined;
  }

  /** The effective configuration of a landscape file. */
  configFor(file: string): LintConfig {
    const own = this.fileConfig(path.dirname(file))?.config;
    return mergeConfig(own ?? {}, this.cliLayer());
  }

  /** What the command line sets, over every configuration file. */
  cliLayer(): Partial<LintConfig> {
    return {
      rules: this.args.rules,
      maxFileSize: this.args.maxFileSize,
      ...(this.args.baseline !== undefined ? { baseline: this.args.baseline } : {}),
      ...(this.args.asOf !== undefined ? { asOf: this.args.asOf } : {}),
    };
  }

  readonly extraFor: ExtraPatterns = (dir) => {
    const c = this.fileConfig(dir);
    return c ? { base: c.base, patterns: c.config.files } : undefined;
  };

  readonly ignoreFor: IgnoreFor = (dir) => {
    const c = this.fileConfig(dir);
    const fromFile = c?.config.ignore?.length ? { base: c.base, match: globMatcher(c.config.ignore) } : undefined;
    const cli = this.cliIgnore;
    if (!fromFile && !cli) return undefined;
    const rel = (base: string, abs: string): string | undefined => {
      const r = path.relative(base, abs);
      return r.startsWith('..') || path.isAbsolute(r) ? undefined : r.split(path.sep).join('/');
    };
    return (abs) => {
      if (cli) {
        const r = rel(this.io.cwd, abs);
        if (r !== undefined && cli(r)) return true;
      }
      if (fromFile) {
        const r = rel(fromFile.base, abs);
        if (r !== undefined && fromFile.match(r)) return true;
      }
      return false;
    };
  };

  /** `--print-config FILE`: what applies to the file, as JSON. */
  describe(file: string): string {
    const abs = path.resolve(this.io.cwd, file);
    const configFile = this.fileFor(path.dirname(abs));
    const c = this.configFor(abs);
    const own = configFile ? this.load(configFile) : undefined;
    return JSON.stringify({
      file: abs,
      configFile: configFile ?? null,
      rules: Object.fromEntries(Object.keys(c.rules).sort().map((id) => [id, c.rules[id]])),
      files: c.files,
      ignore: [...(own?.ignore ?? []), ...this.args.ignorePatterns],
      maxFileSizeKB: Math.round((c.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) / 1024),
      ...(c.baseline !== undefined ? { baseline: c.baseline } : {}),
      ...(c.asOf !== undefined ? { asOf: c.asOf } : {}),
    }, null, 2);
  }
}

/** NO_COLOR / FORCE_COLOR as Node itself reads them: FORCE_COLOR wins, `0`/`false` turn it off; --color/--no-color win over both. */
export function colorEnabled(flag: boolean | undefined, io: Pick<CliIO, 'env' | 'isTTY'>): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.isTTY && io.env.TERM !== 'dumb';
}

/** The format of standard input without a name: JSON when it starts like a JSON object, else YAML. */
function sniffFormat(text: string): LandscapeFormat {
  return /^\s*[{[]/.test(text) && !/^\s*\[[^\]\n]*\]\s*:/.test(text) ? 'json' : 'yaml';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Writes a fixed file in the encoding it was read in (byte-order mark included), through a
 * temporary file renamed over it, so an interrupted write never leaves half a landscape; the
 * file's mode is kept, and a symbolic link stays a link (its target is written). Returns the
 * reason when it cannot be written.
 */
function writeFixed(file: string, text: string, encoding: LandscapeFileContent['encoding']): string | undefined {
  let target: string;
  let mode: number;
  try {
    target = fs.realpathSync(file);
    mode = fs.statSync(target).mode & 0o7777;
  } catch (e) {
    return (e as Error).message;
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.landscape-lint-${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, encodeText(text, encoding), { mode, flag: 'wx' });
    fs.renameSync(tmp, target);
    return undefined;
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing left to clean */ }
    return (e as Error).message;
  }
}

/** Renders the reports in an output format. */
function render(format: OutputFormat, reports: readonly FileReport[], o: { color: boolean; cwd: string; exitCode: number; unreadable: { file: string; message: string }[]; knowledge?: KnowledgeContext }): string {
  switch (format) {
    case 'json': return formatJson(reports, o.knowledge);
    case 'sarif': return formatSarif(reports, { toolVersion: VERSION, cwd: o.cwd, exitCode: o.exitCode, unreadable: o.unreadable, knowledge: o.knowledge });
    case 'github': return formatGithub(reports);
    case 'gitlab': return formatGitlab(reports);
    case 'junit': return formatJunit(reports);
    case 'text': return formatText(reports, o.color);
  }
}

/** Runs the CLI; returns the exit code. */
export function main(argv: readonly string[], io: CliIO): number {
  if (argv[0] === 'report') return reportMain(argv.slice(1), io);
  if (argv[0] === 'import') return importMain(argv.slice(1), io);
  let args: Args;
  try {
    args = parseCommandLine(argv);
    if (args.stdin && args.inputs.length) throw new UsageError(`standard input (- or --stdin) cannot be combined with paths (${args.inputs.join(', ')})`);
    if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError('--stdin-filename names standard input: add - or --stdin');
    if (args.printConfig !== undefined && (args.inputs.length || args.stdin)) throw new UsageError('--print-config FILE takes no other paths');
    if (args.fix && args.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
    if (args.fix && args.stdin) throw new UsageError('--fix writes files and cannot write standard input: use --fix-dry-run for a diff');
    if (args.fixTypes && !args.fix && !args.fixDryRun) throw new UsageError('--fix-type needs --fix or --fix-dry-run');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`landscape-lint: ${e.message}\nRun 'landscape-lint --help' for the options.`);
    return 2;
  }
  if (args.help) { io.out(USAGE); return 0; }
  if (args.version) { io.out(VERSION); return 0; }
  const unknownRules = Object.keys(args.rules).filter((id) => !ruleMeta(id));
  for (const id of unknownRules) {
    const hint = closest(id, KNOWN_RULE_IDS);
    io.err(`landscape-lint: warning: --rule names unknown rule ${id}${hint ? ` (did you mean ${hint}?)` : ''}; it has no effect (see docs/rules.md)`);
  }
  try {
    const configs = new ConfigResolver(args, io);
    if (args.printConfig !== undefined) {
      io.out(configs.describe(args.printConfig));
      return 0;
    }
    const shown = (file: string): string => {
      const rel = path.relative(io.cwd, file) || path.basename(file);
      return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
    };
    const reports: FileReport[] = [];
    const unreadable: { path: string; message: string }[] = [];
    const fixing = args.fix || args.fixDryRun;
    const fixFilter = args.fixTypes ? (f: Finding): boolean => args.fixTypes!.has(f.severity) : undefined;
    const diffs: string[] = [];
    const fixed = { files: 0, before: 0, after: 0, failed: 0 };
    const lintContent = (file: string, name: string, content: LandscapeFileContent, config: LintConfig, format?: LandscapeFormat): void => {
      if (!fixing) {
        const result = lintText(file, content.text, { config, maxFileSize: content.limit, format });
        reports.push({ ...fileReport(name, result.doc.parseFindings, result.findings, content), knowledge: result.knowledge });
        return;
      }
      const outcome = fixText(file, content.text, { config, maxFileSize: content.limit, format, filter: fixFilter });
      if (outcome.refused) io.err(`landscape-lint: not fixed '${name}': ${outcome.refused}`);
      if (outcome.stopped) io.err(`landscape-lint: '${name}': ${outcome.stopped}`);
      let result = outcome.result;
      if (outcome.text !== content.text) {
        if (args.fixDryRun) {
          const label = name.startsWith('<') ? name : name.replace(/^\/+/, '');
          diffs.push(createTwoFilesPatch(`a/${label}`, `b/${label}`, content.text, outcome.text, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }).trimEnd());
        } else {
          const error = writeFixed(file, outcome.text, content.encoding);
          if (error) {
            // the file keeps its text: report what is in it
            io.err(`landscape-lint: cannot write '${name}': ${error}`);
            fixed.failed++;
            result = lintText(file, content.text, { config, maxFileSize: content.limit, format });
          }
        }
        if (result === outcome.result) {
          fixed.files++;
          fixed.before += outcome.before;
          fixed.after += outcome.result.findings.length;
        }
      }
      reports.push({ ...fileReport(name, result.doc.parseFindings, result.findings, content), knowledge: result.knowledge });
    };
    if (args.stdin) {
      const name = args.stdinFilename;
      const abs = path.resolve(io.cwd, name ?? '<stdin>');
      const config = configs.configFor(abs);
      let bytes: Buffer;
      try {
        bytes = (io.readStdin ?? (() => fs.readFileSync(0)))();
      } catch (e) {
        io.err(`landscape-lint: cannot read standard input: ${(e as Error).message}`);
        return 2;
      }
      const { text, encoding } = decodeText(bytes);
      const limit = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      const content: LandscapeFileContent = { text, complete: true, size: bytes.length, limit, encoding };
      lintContent(abs, name !== undefined ? shown(abs) : '<stdin>', content, config, name !== undefined ? undefined : sniffFormat(text));
    } else {
      const inputs = collectInputs(args.inputs, io.cwd, configs.extraFor, configs.ignoreFor);
      for (const u of inputs.unreadable) io.err(`landscape-lint: ${u.explicit ? 'cannot read' : 'skipped'} '${shown(u.path)}': ${u.message}`);
      unreadable.push(...inputs.unreadable);
      const files = inputs.files;
      for (const file of files) {
        const config = configs.configFor(file);
        let content: LandscapeFileContent;
        try {
          // read no more than the size check needs: a 19 GB file is not loaded to be called too large
          content = readLandscapeFileContent(file, config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
        } catch (e) {
          if (!(e instanceof FileReadError)) throw e;
          io.err(`landscape-lint: cannot read '${shown(file)}': ${e.message}`);
          unreadable.push({ path: file, message: e.message });
          continue;
        }
        lintContent(file, shown(file), content, config);
      }
    }
    if (args.fixDryRun) {
      // the diff is the output (git apply / patch -p1 take it as is); the report goes to -o or stderr
      if (diffs.length) io.out(diffs.join('\n'));
      io.err(`landscape-lint: --fix-dry-run: ${fixed.files ? `${plural(fixed.files, 'file')} would change (${fixed.before} → ${fixed.after} problems)` : 'nothing to fix'}; nothing was written`);
    } else if (args.fix) {
      io.err(`landscape-lint: --fix: ${fixed.files ? `fixed ${plural(fixed.files, 'file')} (${fixed.before} → ${fixed.after} problems)` : 'nothing to fix'}`);
    }
    const notChecked = reports.filter((r) => r.notChecked !== undefined);
    const s = summarize(reports);
    const tooManyWarnings = args.maxWarnings !== undefined && s.warnings > args.maxWarnings;
    // spec §3: an unreadable input is exit code 2 even when everything readable is clean; a file
    // nobody checked never passes: its warning fails the run whatever --max-warnings says
    const exitCode = unreadable.length || fixed.failed ? 2 : notChecked.length || s.errors > 0 || tooManyWarnings ? 1 : 0;
    const shownReports = args.quiet ? errorsOnly(reports) : reports;
    const rendered = render(args.format, shownReports, {
      color: args.output ? false : colorEnabled(args.color, io),
      cwd: io.cwd,
      exitCode,
      unreadable: unreadable.map((u) => ({ file: shown(u.path), message: u.message })),
      // the knowledge of the run: the first file's (each file's own when they differ), else the command line's
      knowledge: reports.length ? undefined : knowledgeContext(configs.cliLayer().baseline, configs.cliLayer().asOf),
    });
    if (args.output) {
      try {
        fs.writeFileSync(path.resolve(io.cwd, args.output), rendered + '\n');
      } catch (e) {
        io.err(`landscape-lint: cannot write '${args.output}': ${(e as Error).message}`);
        return 2;
      }
    } else if (args.fixDryRun) io.err(rendered);
    else io.out(rendered);
    if (notChecked.length) {
      const n = notChecked.length;
      io.err(`landscape-lint: ${n} file${n === 1 ? ' was' : 's were'} not checked, larger than the size limit: `
        + `${notChecked.map((r) => `'${r.file}' (${r.notChecked})`).join(', ')}. `
        + 'Raise the limit (--max-file-size KB, or "maxFileSizeKB" in .landscape-lint.json) or leave the file out; exit code 1');
    }
    if (unreadable.length) {
      io.err(`landscape-lint: ${unreadable.length} input${unreadable.length === 1 ? '' : 's'} could not be read (${reports.length - notChecked.length} checked); exit code 2`);
    } else if (tooManyWarnings && args.quiet) {
      io.err(`landscape-lint: ${s.warnings} warnings (more than --max-warnings ${args.maxWarnings}), not shown because of --quiet; exit code 1`);
    }
    return exitCode;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof GlobError) {
      io.err(`landscape-lint: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  let code: number;
  try {
    code = main(process.argv.slice(2), {
      out: (s) => process.stdout.write(s + '\n'),
      err: (s) => process.stderr.write(s + '\n'),
      cwd: process.cwd(),
      isTTY: Boolean(process.stdout.isTTY),
      env: process.env,
    });
  } catch (e) {
    // a bug of ours, not the user's input: say so in one line; the stack only on request
    process.stderr.write(`landscape-lint: internal error: ${e instanceof Error ? e.message : String(e)} (please report it${process.env.LANDSCAPE_LINT_DEBUG ? '' : '; set LANDSCAPE_LINT_DEBUG=1 for details'})\n`);
    if (process.env.LANDSCAPE_LINT_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    code = 2;
  }
  process.exitCode = code;
}
