import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import type { CliIO } from './cli';
import { formatOf } from './core/document';
import { FileReadError, readLandscapeFile } from './core/files';
import { IncrementalLint, lintText } from './core/lint';
import type { Finding } from './core/types';
import type { ImportConnection, ImportRole, MergeResult, SystemImport } from './import/merge';
import { emptyLandscape, ImportError, mergeText, SID_PATTERN } from './import/merge';
import type { ExportKind, ReadExport } from './import/sources';
import { EXPORT_KINDS, kindOfFileName, readExport } from './import/sources';
import type { ImportProblem } from './import/table';
import type { BaselineId } from './knowledge/baseline';
import { BASELINE_IDS, isBaselineId, isIsoDate, knowledgeContext } from './knowledge/baseline';

const USAGE = `Usage: landscape-lint import <landscape file> --sid SID [--components FILE] [--notes FILE]
                             [--destinations FILE] [--parameters FILE] [options]
       landscape-lint import <landscape file> --dir DIR [options]

Reads SAP table exports of a system and merges them into the landscape file: basis and
components (table CVERS or System > Status), implemented notes (table CWBNTCUST),
destinations and their logon users (table RFCDES) and ssl/client_ciphersuites (report
RSPARAM). Comments, order and formatting of everything else stay as they are; keys the
exports do not cover are never touched. A file that does not exist is created.

Options:
  --sid SID               the system the export files belong to
  --components FILE       CVERS (SE16) or System > Status > component information
  --notes FILE            CWBNTCUST (SE16)
  --destinations FILE     RFCDES (SE16)
  --parameters FILE       output of report RSPARAM
  --dir DIR               one folder per SID, files named components, notes,
                          destinations, parameters (or cvers, cwbntcust, rfcdes, rsparam;
                          any extension); other files are recognised by their content
  --role abap|solman|frun role of a system that is new in the file (default: abap)
  --connection direct|solman|frun|none
                          connection of a new ABAP system (default: direct)
  --all-notes             import every implemented note, not only the guide's notes
  --all-destinations      import every destination, not only the support-backbone ones
  --dry-run               print the change as a unified diff, write nothing
  --baseline guide-1.1|current
                          knowledge of the lint summary (default: current); see docs/knowledge.md
  --as-of YYYY-MM-DD      the date of the lint summary's advice (default: today, UTC)
  -h, --help              show this help

Export files may be SE16 "unconverted" text (| separators), spreadsheet text (tabs) or
column-aligned list text, in UTF-8, UTF-16 or Windows-1252, with English or German column
headers. See docs/import.md.

Exit codes: 0 imported (or nothing to change), 1 imported, but some lines of the exports
could not be read or some values could not be written (see the messages),
2 bad usage, an unreadable export or landscape file; then nothing is written.`;

/** Larger exports are refused: CWBNTCUST of a big system is a few MB; 256 MiB is not an export. */
const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

class UsageError extends Error {}
class FatalError extends Error {}

/**
 * `landscape-lint import`: merges SAP exports into a landscape file.
 * @param argv the arguments after `import`
 * @returns the exit code
 */
export function importMain(argv: readonly string[], io: CliIO): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`landscape-lint import: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof FatalError || e instanceof ImportError) {
      io.err(`landscape-lint import: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

function run(argv: readonly string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        sid: { type: 'string' },
        components: { type: 'string' },
        notes: { type: 'string' },
        destinations: { type: 'string' },
        parameters: { type: 'string' },
        dir: { type: 'string' },
        role: { type: 'string' },
        connection: { type: 'string' },
        'all-notes': { type: 'boolean' },
        'all-destinations': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        baseline: { type: 'string' },
        'as-of': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const o = parsed.values;
  if (o.baseline !== undefined && !isBaselineId(o.baseline)) throw new UsageError(`--baseline must be ${BASELINE_IDS.join(' or ')}, not '${o.baseline}'`);
  if (o['as-of'] !== undefined && !isIsoDate(o['as-of'])) throw new UsageError(`--as-of takes a date YYYY-MM-DD, not '${o['as-of']}'`);
  // the lint summary before and after the merge: one knowledge for both
  const knowledge = knowledgeContext(o.baseline as BaselineId | undefined, o['as-of']);
  if (o.help) {
    io.out(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? 'give exactly one landscape file' : 'which landscape file? give its path');
  const role = o.role;
  if (role !== undefined && role !== 'abap' && role !== 'solman' && role !== 'frun') throw new UsageError(`--role must be abap, solman or frun, not '${role}'`);
  const connection = o.connection;
  if (connection !== undefined && !['direct', 'solman', 'frun', 'none'].includes(connection)) throw new UsageError(`--connection must be direct, solman, frun or none, not '${connection}'`);
  const given = EXPORT_KINDS.filter((k) => o[k] !== undefined);
  const problems: ImportProblem[] = [];
  let imports: SystemImport[];
  if (o.dir !== undefined) {
    if (o.sid !== undefined || given.length) throw new UsageError('--dir reads the SIDs and files from the folder: give it without --sid and the file options');
    imports = readDir(path.resolve(io.cwd, o.dir), io, problems, role as ImportRole | undefined, connection as ImportConnection | undefined);
  } else {
    if (o.sid === undefined) throw new UsageError('which system? give --sid (or --dir)');
    const sid = o.sid.toUpperCase();
    if (!SID_PATTERN.test(sid)) throw new UsageError(`--sid '${o.sid}' is not a SID (three characters A-Z/0-9, a letter first)`);
    if (!given.length) throw new UsageError('no export given: use --components, --notes, --destinations and/or --parameters');
    const imp: Record<string, unknown> = { sid, role, connection };
    for (const kind of given) {
      const file = o[kind] as string;
      const read = readExportFile(path.resolve(io.cwd, file), shown(io, path.resolve(io.cwd, file)), kind);
      if ('read' in read) {
        problems.push(...read.problems);
        if (read.problems.some((p) => p.line === 0 && p.severity === 'error')) throw new FatalError(formatProblems(read.problems.filter((p) => p.line === 0 && p.severity === 'error')));
        imp[kind] = read.read.data;
      } else throw new FatalError(formatProblems(read.problems));
    }
    imports = [imp as unknown as SystemImport];
  }
  for (const p of problems) io.err(formatProblem(p));
  if (!imports.length) throw new FatalError('no system to import');

  const target = path.resolve(io.cwd, parsed.positionals[0]);
  const display = shown(io, target);
  let text: string;
  let exists = true;
  try {
    text = readLandscapeFile(target);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    if (!fs.existsSync(target)) {
      exists = false;
      text = emptyLandscape(formatOf(target));
    } else throw new FatalError(`cannot read '${display}': ${e.message}`);
  }
  // the lint after the merge reuses what the lint before it parsed and checked for unchanged systems
  const incremental = new IncrementalLint();
  const beforeFindings = exists ? lintText(target, text, { incremental, knowledge }).findings : [];
  const before = countBySystem(beforeFindings);
  let result: MergeResult;
  try {
    result = mergeText(target, text, imports, { allNotes: o['all-notes'], allDestinations: o['all-destinations'] });
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(`'${display}': ${e.message}`);
    throw e;
  }
  for (const n of result.notices) io.err(`${n.sid}: ${n.severity}: ${n.message}`);
  // a new JSON file has no formatting of the user's to keep: written indented, not on one line
  const newText = !exists && formatOf(target) === 'json' ? `${JSON.stringify(JSON.parse(result.text), null, 2)}\n` : result.text;
  const dry = o['dry-run'] === true;
  if (dry) {
    if (newText === text) io.out(`${display}: no changes`);
    else io.out(createTwoFilesPatch(display, display, exists ? text : '', newText, undefined, undefined, { context: 3 }).replace(/^Index: .*\n=+\n/, '').trimEnd());
  } else if (newText !== text || !exists) {
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, newText);
    } catch (e) {
      throw new FatalError(`cannot write '${display}': ${(e as Error).message}`);
    }
  }
  const after = newText === text ? before : countBySystem(lintText(target, newText, exists ? { incremental, knowledge } : { knowledge }).findings);
  const verb = dry ? 'would change' : exists ? 'changed' : 'created';
  if (!result.changed.length) io.out(`${display}: the exports match the file; nothing to change`);
  else io.out(`${display}: ${verb} ${result.changed.length} system${result.changed.length > 1 ? 's' : ''}${dry ? ' (dry run, nothing written)' : ''}`);
  for (const sid of result.changed) {
    const now = describe(after.get(sid));
    const was = result.added.includes(sid) ? '(new)' : `— was ${describe(before.get(sid))}`;
    io.out(`${sid}: ${now} ${was}`);
  }
  const failed = problems.some((p) => p.severity === 'error') || result.notices.some((n) => n.severity === 'error');
  return failed ? 1 : 0;
}

/** One folder per SID; files by name convention, else by content. */
function readDir(dir: string, io: CliIO, problems: ImportProblem[], role: ImportRole | undefined, connection: ImportConnection | undefined): SystemImport[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new FatalError(`cannot read the folder '${shown(io, dir)}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message}`);
  }
  const out: SystemImport[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isDirectory()) continue;
    const sid = entry.name.toUpperCase();
    const sysDir = path.join(dir, entry.name);
    if (!SID_PATTERN.test(sid)) {
      problems.push({ file: shown(io, sysDir), line: 0, severity: 'warning', message: 'folder name is not a SID; skipped' });
      continue;
    }
    const imp: Record<string, unknown> = { sid, role, connection };
    const from: Partial<Record<ExportKind, string>> = {};
    for (const f of fs.readdirSync(sysDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!f.isFile() || f.name.startsWith('.')) continue;
      const full = path.join(sysDir, f.name);
      const name = shown(io, full);
      const read = readExportFile(full, name, kindOfFileName(f.name));
      if (!('read' in read)) {
        problems.push(...read.problems.map((p) => ({ ...p, severity: 'warning' as const, message: `${p.message}; file skipped` })));
        continue;
      }
      problems.push(...read.problems);
      const kind = read.read.kind;
      if (from[kind]) {
        problems.push({ file: name, line: 0, severity: 'error', message: `a second ${kind} export for ${sid} (the first is ${from[kind]}); file skipped` });
        continue;
      }
      if (read.problems.some((p) => p.line === 0 && p.severity === 'error')) continue;
      from[kind] = name;
      imp[kind] = (read.read as ReadExport).data;
    }
    if (Object.keys(from).length) out.push(imp as unknown as SystemImport);
    else problems.push({ file: shown(io, sysDir), line: 0, severity: 'warning', message: 'no export file in the folder; skipped' });
  }
  return out;
}

function readExportFile(file: string, name: string, kind: ExportKind | undefined): ReturnType<typeof readExport> {
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new FatalError(`cannot read '${name}': not a regular file`);
    if (st.size > MAX_EXPORT_BYTES) throw new FatalError(`cannot read '${name}': ${Math.ceil(st.size / 1048576)} MiB is larger than an export can be (limit ${MAX_EXPORT_BYTES / 1048576} MiB)`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof FatalError) throw e;
    throw new FatalError(`cannot read '${name}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return readExport(bytes, name, kind);
}

interface Counts { errors: number; warnings: number; infos: number }

function countBySystem(findings: readonly Finding[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const f of findings) {
    if (!f.system) continue;
    const c = out.get(f.system) ?? { errors: 0, warnings: 0, infos: 0 };
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
    out.set(f.system, c);
  }
  return out;
}

/** `3 errors, 2 warnings, 1 info`, or `no findings`. */
export function describe(c: Counts | undefined): string {
  if (!c || c.errors + c.warnings + c.infos === 0) return 'no findings';
  const part = (n: number, word: string): string | undefined => (n ? `${n} ${word}${n > 1 ? 's' : ''}` : undefined);
  return [part(c.errors, 'error'), part(c.warnings, 'warning'), part(c.infos, 'info')].filter(Boolean).join(', ');
}

function formatProblem(p: ImportProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`;
}

function formatProblems(ps: readonly ImportProblem[]): string {
  return ps.map(formatProblem).join('\n');
}

function shown(io: CliIO, file: string): string {
  const rel = path.relative(io.cwd, file);
  return !rel || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}
