import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_FILE_PATTERNS, globToRegExp, matchesAny } from './glob';
import type { Finding } from './types';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.cache', '.vscode-test']);

/**
 * The most bytes a landscape file is read up to, whatever size limit is configured: a landscape
 * of 14 systems is 20 KiB, the default limit (`DEFAULT_MAX_FILE_SIZE`) is 64 MiB. Larger limits are
 * clamped to this, so a 19 GB file (or a link to one) never ends up in memory.
 */
export const MAX_READABLE_SIZE = 128 * 1024 * 1024;

/** Why a path could not be read as a landscape file. */
export type FileProblem =
  | 'not-found'
  | 'broken-link'
  | 'symlink-loop'
  | 'fifo'
  | 'socket'
  | 'character-device'
  | 'block-device'
  | 'directory'
  | 'not-regular'
  | 'permission-denied'
  | 'invalid-name'
  | 'unreadable-folder'
  | 'io-error';

/**
 * A path that is not a readable regular file. `message` says what it is, for
 * `cannot read 'x': <message>`; `reason` is the machine-readable kind.
 */
export class FileReadError extends Error {
  /** Same as `reason`, for callers that look at `code` as on Node's own errors. */
  readonly code: FileProblem;

  constructor(readonly reason: FileProblem, message: string, readonly path: string) {
    super(message);
    this.name = 'FileReadError';
    this.code = reason;
  }
}

const NOT_REGULAR: Record<'fifo' | 'socket' | 'character-device' | 'block-device' | 'directory' | 'not-regular', string> = {
  fifo: 'is a named pipe (FIFO), not a regular file',
  socket: 'is a socket, not a regular file',
  'character-device': 'is a character device, not a regular file',
  'block-device': 'is a block device, not a regular file',
  directory: 'is a directory, not a regular file',
  'not-regular': 'is not a regular file',
};

/** The problem of a stat that is not a regular file, or undefined for a regular file. */
function kindProblem(st: fs.Stats | fs.Dirent<string | Buffer>): keyof typeof NOT_REGULAR | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isBlockDevice()) return 'block-device';
  if (st.isDirectory()) return 'directory';
  return 'not-regular';
}

function displayPath(p: string | Buffer): string {
  return typeof p === 'string' ? p : escapeInvalidUtf8(p);
}

/** A FileReadError for a failed system call (ENOENT, ELOOP, EACCES, …) on a path. */
function errnoProblem(e: unknown, p: string | Buffer): FileReadError {
  const err = e as NodeJS.ErrnoException;
  const shown = displayPath(p);
  switch (err?.code) {
    case 'ENOENT':
    case 'ENOTDIR': {
      // a dangling symbolic link is there (lstat sees it) but its target is not
      let link = false;
      try {
        link = fs.lstatSync(p).isSymbolicLink();
      } catch {
        link = false;
      }
      return link
        ? new FileReadError('broken-link', 'broken symbolic link: its target does not exist', shown)
        : new FileReadError('not-found', 'no such file or directory', shown);
    }
    case 'ELOOP':
      return new FileReadError('symlink-loop', 'symbolic link loop (too many levels of symbolic links)', shown);
    case 'EACCES':
    case 'EPERM':
      return new FileReadError('permission-denied', 'permission denied', shown);
    default: {
      // Node's messages read "EIO: i/o error, read": keep the description, drop the call
      const description = /^[A-Z0-9_]+: ([^,]+)/.exec(err?.message ?? '')?.[1] ?? err?.message ?? String(e);
      return new FileReadError('io-error', err?.code ? `${description} (${err.code})` : description, shown);
    }
  }
}

/** What a path is, following symbolic links: a regular file, a directory, or why it is neither. */
export type PathKind = { kind: 'file' } | { kind: 'directory' } | { kind: 'problem'; error: FileReadError };

/** Looks at a path without opening it (opening some devices has side effects). */
export function inspectPath(p: string | Buffer): PathKind {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (e) {
    return { kind: 'problem', error: errnoProblem(e, p) };
  }
  if (st.isDirectory()) return { kind: 'directory' };
  const problem = kindProblem(st);
  return problem ? { kind: 'problem', error: new FileReadError(problem, NOT_REGULAR[problem], displayPath(p)) } : { kind: 'file' };
}

/** A landscape file's text as read from disk. */
export interface LandscapeFileContent {
  /**
   * The decoded text: the whole file when `complete`, otherwise a prefix that is still larger
   * (in UTF-8 bytes, as LandscapeDocument measures) than the limit, so linting it with that limit
   * yields the same `file-too-large` finding as the whole file would, without reading it all.
   */
  text: string;
  /** True when the whole file was read. */
  complete: boolean;
  /** Size on disk in bytes (at least the bytes read; for files whose size the system does not tell). */
  size: number;
  /** The limit that was applied (`maxBytes` clamped to MAX_READABLE_SIZE): lint with this one. */
  limit: number;
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Reads from a descriptor until the end of the file or until enough bytes for the decoded text to
 * exceed `limit` UTF-8 bytes. Returns the bytes and whether the end of the file was reached.
 */
function readBounded(fd: number, sizeHint: number, limit: number): { bytes: Buffer; complete: boolean } {
  // How much to read so the decoded prefix is certainly over `limit` UTF-8 bytes: UTF-8 text
  // (invalid bytes become U+FFFD, never shorter) needs limit + 4 bytes (3 for a byte-order mark);
  // UTF-16 needs 2 × limit + 4 (2 for the mark, at least 1 UTF-8 byte per 2-byte code unit).
  const utf16Bound = 2 * limit + 4;
  let bound = utf16Bound;
  let buf = Buffer.allocUnsafe(Math.max(2, Math.min(utf16Bound, sizeHint + 1, limit + 4)));
  let n = 0;
  for (;;) {
    if (n >= 2 && bound === utf16Bound && !isUtf16Bom(buf)) bound = limit + 4;
    if (n >= bound) return { bytes: buf.subarray(0, n), complete: false };
    if (n === buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(bound, Math.max(buf.length * 2, 64 * 1024)));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const got = fs.readSync(fd, buf, n, Math.min(buf.length, bound) - n, null);
    if (got === 0) return { bytes: buf.subarray(0, n), complete: true };
    n += got;
  }
}

/**
 * Reads a landscape file as the editor shows it: without a byte-order mark, UTF-16 files (as
 * PowerShell writes them) decoded, so positions and JSON parsing agree with VS Code.
 *
 * Only regular files are read: a named pipe, socket or device (also behind a symbolic link), a
 * directory, a symbolic link loop or a broken link throws a FileReadError saying which. The file
 * is opened non-blocking, so a pipe swapped in after the check cannot hang the caller either.
 *
 * A file larger than `maxBytes` (default and at most MAX_READABLE_SIZE) is read only as far as
 * needed for the size check to fire: see LandscapeFileContent.
 */
export function readLandscapeFileContent(file: string | Buffer, maxBytes: number = MAX_READABLE_SIZE): LandscapeFileContent {
  const limit = Math.max(0, Math.min(Math.floor(maxBytes), MAX_READABLE_SIZE));
  const before = inspectPath(file);
  if (before.kind === 'problem') throw before.error;
  if (before.kind === 'directory') throw new FileReadError('directory', NOT_REGULAR.directory, displayPath(file));
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer (forever); it does not
    // change reading a regular file. Windows has no such flag and no such files.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw errnoProblem(e, file);
  }
  try {
    const st = fs.fstatSync(fd);
    const problem = kindProblem(st);
    if (problem) throw new FileReadError(problem, NOT_REGULAR[problem], displayPath(file));
    let read: { bytes: Buffer; complete: boolean };
    try {
      read = readBounded(fd, st.size, limit);
    } catch (e) {
      throw errnoProblem(e, file);
    }
    return { text: decode(read.bytes), complete: read.complete, size: Math.max(st.size, read.bytes.length), limit };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text of a landscape file (see readLandscapeFileContent). Pass the size limit the text will
 * be linted with as `maxBytes`; without it, at most MAX_READABLE_SIZE (+ a few) bytes are read.
 */
export function readLandscapeFile(file: string, maxBytes?: number): string {
  return readLandscapeFileContent(file, maxBytes).text;
}

/**
 * The findings of a file read only in part (over the size limit): the file-too-large finding was
 * measured on the part read; this puts the size on disk in its message instead.
 */
export function withSizeOnDisk(findings: Finding[], content: LandscapeFileContent): Finding[] {
  if (content.complete) return findings;
  const measured = `${Math.ceil(Buffer.byteLength(content.text, 'utf8') / 1024)} KiB`;
  const onDisk = `${Math.ceil(content.size / 1024)} KiB`;
  return findings.map((f) => (f.ruleId === 'file-too-large' && f.message.includes(measured) ? { ...f, message: f.message.replace(measured, onDisk) } : f));
}

/** An entry found while searching a folder that matches the patterns but cannot be read. */
export interface SkippedEntry {
  /** The path; bytes of a name that are not valid UTF-8 are shown as \xHH. */
  path: string;
  reason: FileProblem;
  /** What it is, e.g. "is a named pipe (FIFO), not a regular file". */
  message: string;
}

export interface ScanResult {
  /** Matching regular files (or links to them), sorted by name per folder. */
  files: string[];
  /** Matching entries that are not readable regular files, and folders that could not be listed. */
  skipped: SkippedEntry[];
  /** True when more files match than the limit: the search stopped there. */
  truncated: boolean;
}

export interface ScanOptions {
  /** Stop searching once this many files are found (then `truncated` is set). Default: no limit. */
  limit?: number;
}

/** True when the bytes are valid UTF-8, i.e. decoding them loses nothing. */
function isValidUtf8(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

/** Decodes UTF-8, showing each byte that is not part of a valid sequence as \xHH. */
export function escapeInvalidUtf8(bytes: Buffer): string {
  if (isValidUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const seq = len ? bytes.subarray(i, i + len) : undefined;
    if (seq && seq.length === len && isValidUtf8(seq)) {
      out += seq.toString('utf8');
      i += len;
    } else {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/**
 * Recursively searches a folder for files whose path relative to `root` ('/'-separated) matches:
 * glob patterns, or a predicate (which also gets the absolute path).
 *
 * - A symbolic link to a file counts as that file; links to folders are not followed (cycles).
 * - Matching entries that are not readable regular files — named pipes, sockets, devices (also
 *   behind links), symbolic link loops, broken links, names that are not valid UTF-8 — are
 *   returned in `skipped` with the reason, never dropped silently and never opened.
 * - A subfolder that cannot be listed is in `skipped` too (it may hold landscape files); a root
 *   that does not exist gives an empty result.
 * - Folders named in SKIP_DIRS (node_modules, .git, …) are not searched.
 */
export function scanFiles(
  root: string,
  match: readonly string[] | ((rel: string, full: string) => boolean) = DEFAULT_FILE_PATTERNS,
  options: ScanOptions = {},
): ScanResult {
  const regexps = typeof match === 'function' ? [] : match.map((p) => globToRegExp(p));
  const matches = typeof match === 'function' ? match : (rel: string): boolean => matchesAny(rel, regexps);
  const limit = options.limit ?? Infinity;
  const result: ScanResult = { files: [], skipped: [], truncated: false };
  const skip = (p: string | Buffer, reason: FileProblem, message: string): void => {
    result.skipped.push({ path: displayPath(p), reason, message });
  };
  // Folders are walked with Buffer paths: a name that is not valid UTF-8 cannot be reached through
  // its lossily decoded string, and such a folder may still hold landscape files to report.
  const walk = (dirBytes: Buffer, dir: string, validDir: boolean): void => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(dirBytes, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (dir === root && (code === 'ENOENT' || code === 'ENOTDIR')) return;
      const problem = errnoProblem(e, dirBytes);
      skip(dirBytes, 'unreadable-folder', `cannot search this folder: ${problem.message}`);
      return;
    }
    const named = entries.map((e) => ({ e, name: e.name.toString('utf8') }));
    named.sort((a, b) => a.name.localeCompare(b.name));
    for (const { e, name } of named) {
      if (result.truncated) return;
      const fullBytes = Buffer.concat([dirBytes, Buffer.from(path.sep), e.name]);
      const full = path.join(dir, name);
      const validName = validDir && isValidUtf8(e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(fullBytes, full, validName);
        continue;
      }
      if (!matches(path.relative(root, full).split(path.sep).join('/'), full)) continue;
      if (!validName) {
        skip(fullBytes, 'invalid-name', validDir ? 'file name is not valid UTF-8' : 'folder name is not valid UTF-8');
        continue;
      }
      let problem: FileReadError | undefined;
      if (e.isSymbolicLink()) {
        const target = inspectPath(full);
        if (target.kind === 'directory') continue; // links to folders are not followed
        if (target.kind === 'problem') problem = target.error;
      } else {
        const kind = kindProblem(e);
        if (kind) problem = new FileReadError(kind, NOT_REGULAR[kind], full);
      }
      if (problem) skip(full, problem.reason, problem.message);
      else if (result.files.length < limit) result.files.push(full);
      else result.truncated = true;
    }
  };
  walk(Buffer.from(root), root, true);
  return result;
}

/**
 * Recursively lists files below a directory whose relative path matches the patterns; at most
 * `limit` of them (the language server's workspace scan). Unreadable entries are left out: use
 * scanFiles to learn about them and about files beyond the limit.
 */
export function findFiles(root: string, patterns: readonly string[] = DEFAULT_FILE_PATTERNS, limit = 10_000): string[] {
  return scanFiles(root, patterns, { limit }).files;
}

/** True when a file path is a landscape file under the default patterns or extra ones (relative to root). */
export function isLandscapeFile(file: string, root: string | undefined, extra: readonly string[] = []): boolean {
  const name = file.replace(/\\/g, '/');
  if (/\.landscape\.(ya?ml|json)$/i.test(name)) return true;
  if (!extra.length || !root) return false;
  const rel = path.relative(root, file);
  return !rel.startsWith('..') && matchesAny(rel, extra.map((p) => globToRegExp(p)));
}
