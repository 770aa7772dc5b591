import * as fs from 'fs';
import * as path from 'path';
import type { LintConfig } from './core/config';
import { ConfigError, findConfigFile, isSeveritySetting, loadConfigFile, mergeConfig } from './core/config';
import { DEFAULT_MAX_FILE_SIZE } from './core/document';
import type { LandscapeFileContent, ScanResult, SkippedEntry } from './core/files';
import { FileReadError, inspectPath, readLandscapeFileContent, scanFiles, withSizeOnDisk } from './core/files';
import { DEFAULT_FILE_PATTERNS, globToRegExp, hasGlobChars } from './core/glob';
import { lintText, ruleMeta } from './core/lint';
import type { FileReport } from './core/output';
import { formatJson, formatSarif, formatText, summarize } from './core/output';
import type { Finding, SeveritySetting } from './core/types';
import { reportMain } from './reportCli';
import { VERSION } from './version';

/** Where the CLI writes; injectable for tests. */
export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage: landscape-lint [paths, directories or globs…] [options]

Checks SAP landscape definition files (*.landscape.yaml|yml|json) against the
Support Backbone Update guide. Directories are searched recursively.

Options:
  --format text|json|sarif   output format (default: text)
  --max-warnings N           exit 1 when there are more than N warnings (default: unlimited)
  --rule ID=SEVERITY         set a rule's severity: off|info|warning|error (repeatable)
  --config FILE              use this configuration file instead of the nearest .landscape-lint.json
  --max-file-size KB         size limit (default: 65536 = 64 MiB); a larger file is
                             not checked and fails the run (exit 1)
  --color / --no-color       force or disable colours (default: on a terminal only)
  -o, --output FILE          write the report to FILE instead of standard output
  -h, --help                 show this help
  -v, --version              show the version

landscape-lint report <file> [--format md|json] [-o FILE] writes the readiness
report (the guide's checklists per system); see landscape-lint report --help.

Exit codes: 0 no errors (and not more warnings than --max-warnings), 1 otherwise
(also when a file was not checked because it is larger than the size limit),
2 bad usage or an unreadable input.`;

class UsageError extends Error {}

interface Args {
  inputs: string[];
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: number;
  rules: Record<string, SeveritySetting>;
  config?: string;
  maxFileSize?: number;
  color?: boolean;
  output?: string;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { inputs: [], format: 'text', rules: {}, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${v}'`);
        a.format = v;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings takes a whole number ≥ 0, not '${v}'`);
        a.maxWarnings = Number(v);
        break;
      }
      case '--rule': {
        const v = value();
        const m = /^([^=]+)=(.+)$/.exec(v);
        if (!m || !isSeveritySetting(m[2])) throw new UsageError(`--rule takes ID=off|info|warning|error, not '${v}'`);
        a.rules[m[1]] = m[2];
        break;
      }
      case '--config': a.config = value(); break;
      case '--max-file-size': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) === 0) throw new UsageError(`--max-file-size takes a size in KiB, not '${v}'`);
        a.maxFileSize = Number(v) * 1024;
        break;
      }
      case '--color': a.color = true; break;
      case '--no-color': a.color = false; break;
      case '-o':
      case '--output': a.output = value(); break;
      case '-h':
      case '--help': a.help = true; break;
      case '-v':
      case '--version': a.version = true; break;
      default:
        if (raw.startsWith('-') && raw !== '-') throw new UsageError(`unknown option '${raw}'`);
        a.inputs.push(raw);
    }
  }
  return a;
}

/** Extra landscape-file patterns that apply to a directory, relative to `base` (the config file's folder). */
export type ExtraPatterns = (dir: string) => { base: string; patterns: readonly string[] } | undefined;

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
// (The language server keeps findFiles' limit for its workspace scan, where responsiveness wins.)

/** Files below a directory: the default landscape names plus the configured extra patterns. */
function filesIn(dir: string, extraFor: ExtraPatterns): ScanResult {
  const defaults = DEFAULT_FILE_PATTERNS.map((p) => globToRegExp(p));
  const extra = extraFor(dir);
  const regexps = extra?.patterns.length ? extra.patterns.map((p) => globToRegExp(p)) : [];
  const found = scanFiles(dir, (rel, full) => {
    if (defaults.some((r) => r.test(rel))) return true;
    if (!extra || !regexps.length) return false;
    const fromBase = path.relative(extra.base, full).split(path.sep).join('/');
    return !fromBase.startsWith('..') && regexps.some((r) => r.test(fromBase));
  });
  return { ...found, files: [...new Set(found.files)].sort() };
}

/**
 * Expands the command line's inputs into files. An input that does not exist or matches nothing
 * is a usage error (thrown); one that exists but is not readable (a named pipe, a device, a
 * symbolic link loop, a broken link), and such entries found in folders, are returned in
 * `unreadable` so the caller checks the rest and reports them.
 */
export function collectInputs(inputs: readonly string[], cwd: string, extraFor: ExtraPatterns = () => undefined): ResolvedInputs {
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
      const scan = filesIn(abs, extraFor);
      if (!scan.files.length && !scan.skipped.length && inputs.length) throw new UsageError(`no landscape files (*.landscape.yaml|yml|json) found in '${input}'`);
      found(scan);
    } else if (what.error.reason !== 'not-found') {
      unreadable.push({ path: abs, reason: what.error.reason, message: what.error.message, explicit: true });
    } else if (hasGlobChars(input)) {
      const norm = input.replace(/\\/g, '/');
      const segments = norm.split('/');
      const firstGlob = segments.findIndex(hasGlobChars);
      const base = path.resolve(cwd, segments.slice(0, firstGlob).join('/') || '.');
      const rest = segments.slice(firstGlob).join('/');
      const re = globToRegExp(rest, false);
      const scan = scanFiles(base, (rel) => re.test(rel));
      if (!scan.files.length && !scan.skipped.length) throw new UsageError(`no files match '${input}'`);
      found(scan);
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

/** Runs the CLI; returns the exit code. */
export function main(argv: readonly string[], io: CliIO): number {
  if (argv[0] === 'report') return reportMain(argv.slice(1), io);
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`landscape-lint: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) { io.out(USAGE); return 0; }
  if (args.version) { io.out(VERSION); return 0; }
  const unknownRules = Object.keys(args.rules).filter((id) => !ruleMeta(id));
  if (unknownRules.length) io.err(`landscape-lint: warning: --rule names unknown rule${unknownRules.length > 1 ? 's' : ''} ${unknownRules.join(', ')} (see docs/rules.md)`);
  try {
    const explicit = args.config ? loadConfigFile(path.resolve(io.cwd, args.config)) : undefined;
    const cliLayer: Partial<LintConfig> = { rules: args.rules, maxFileSize: args.maxFileSize };
    // extra file patterns come from the configuration that applies to the searched folder and are
    // relative to that configuration file's folder (with --config: to the working directory)
    const extraFor: ExtraPatterns = (dir) => {
      if (explicit) return { base: io.cwd, patterns: explicit.files };
      const found = findConfigFile(dir);
      return found ? { base: path.dirname(found), patterns: loadConfigFile(found).files } : undefined;
    };
    const { files, unreadable } = collectInputs(args.inputs, io.cwd, extraFor);
    const shown = (file: string): string => {
      const rel = path.relative(io.cwd, file) || path.basename(file);
      return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
    };
    for (const u of unreadable) io.err(`landscape-lint: ${u.explicit ? 'cannot read' : 'skipped'} '${shown(u.path)}': ${u.message}`);
    const configCache = new Map<string, LintConfig | undefined>();
    const configFor = (file: string): LintConfig => {
      if (explicit) return mergeConfig(explicit, cliLayer);
      const dir = path.dirname(file);
      if (!configCache.has(dir)) {
        const found = findConfigFile(dir);
        configCache.set(dir, found ? loadConfigFile(found) : undefined);
      }
      return mergeConfig(configCache.get(dir) ?? {}, cliLayer);
    };
    const reports: FileReport[] = [];
    let unreadableCount = unreadable.length;
    for (const file of files) {
      const config = configFor(file);
      let content: LandscapeFileContent;
      try {
        // read no more than the size check needs: a 19 GB file is not loaded to be called too large
        content = readLandscapeFileContent(file, config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
      } catch (e) {
        if (!(e instanceof FileReadError)) throw e;
        io.err(`landscape-lint: cannot read '${shown(file)}': ${e.message}`);
        unreadableCount++;
        continue;
      }
      const result = lintText(file, content.text, { config, maxFileSize: content.limit });
      reports.push(fileReport(shown(file), result.doc.parseFindings, result.findings, content));
    }
    const color = args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
    const rendered = args.format === 'json' ? formatJson(reports)
      : args.format === 'sarif' ? formatSarif(reports, VERSION, io.cwd)
        : formatText(reports, args.output ? false : color);
    if (args.output) {
      try {
        fs.writeFileSync(path.resolve(io.cwd, args.output), rendered + '\n');
      } catch (e) {
        io.err(`landscape-lint: cannot write '${args.output}': ${(e as Error).message}`);
        return 2;
      }
    } else io.out(rendered);
    const notChecked = reports.filter((r) => r.notChecked !== undefined);
    if (notChecked.length) {
      const n = notChecked.length;
      io.err(`landscape-lint: ${n} file${n === 1 ? ' was' : 's were'} not checked, larger than the size limit: `
        + `${notChecked.map((r) => `'${r.file}' (${r.notChecked})`).join(', ')}. `
        + 'Raise the limit (--max-file-size KB, or "maxFileSizeKB" in .landscape-lint.json) or leave the file out; exit code 1');
    }
    if (unreadableCount) {
      // spec §3: an unreadable input is exit code 2 even when everything readable is clean
      io.err(`landscape-lint: ${unreadableCount} input${unreadableCount === 1 ? '' : 's'} could not be read (${reports.length - notChecked.length} checked); exit code 2`);
      return 2;
    }
    // a file nobody checked never passes: its warning fails the run whatever --max-warnings says
    if (notChecked.length) return 1;
    const s = summarize(reports);
    return s.errors > 0 || (args.maxWarnings !== undefined && s.warnings > args.maxWarnings) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
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
    process.stderr.write(`landscape-lint: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
