import * as fs from 'fs';
import * as path from 'path';
import type { PathMatcher } from './glob';
import { DEFAULT_FILE_PATTERNS, DEFAULT_IGNORES, globMatcher } from './glob';
import type { Finding } from './types';

/**
 * Folders the language server's workspace scan leaves out: besides node_modules and .git, build
 * output and caches, which often hold copies of the workspace's landscape files (each copy would
 * show its problems again). The command line searches them (only DEFAULT_IGNORES are left out
 * there, plus what the user ignores), as it checks what it is told to.
 */
export const EDITOR_SKIP_DIRS: readonly string[] = [...DEFAULT_IGNORES, '.hg', '.svn', 'out', 'dist', '.cache', '.vscode-test'];

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
  /** How the bytes were encoded: `landscape-lint --fix` writes the file back the same way. */
  encoding: TextEncoding;
}

/** The encodings a landscape file is read in (see decode). */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

function encodingOf(bytes: Buffer): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf8-bom' : 'utf8';
}

/** The bytes of a text in an encoding, byte-order mark included: the inverse of decode. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
  }
}

/** Decodes bytes (standard input) as a landscape file is read: byte-order mark dropped, UTF-16 decoded. */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  return { text: decode(bytes), encoding: encodingOf(bytes) };
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
    return { text: decode(read.bytes), complete: read.complete, size: Math.max(st.size, read.bytes.length), limit, encoding: encodingOf(read.bytes) };
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
  /** True when more files match than the limit: only the first `limit` are in `files`. */
  truncated: boolean;
  /** How many readable matching files there are, those beyond the limit included. */
  total: number;
}

export interface ScanOptions {
  /** Keep at most this many files (then `truncated` is set; `total` still counts them all). Default: no limit. */
  limit?: number;
  /** Folder names not searched (at any depth, below the root). Default: DEFAULT_IGNORES (node_modules, .git). */
  skipDirs?: readonly string[];
  /** Paths relative to the root ('/'-separated) left out: a matching folder is not searched, a matching file not returned. */
  ignore?: PathMatcher;
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
 * - Folders named in `skipDirs` (default node_modules and .git) and paths `ignore` matches are
 *   not searched; the root itself always is (a folder named on the command line is searched).
 */
export function scanFiles(
  root: string,
  match: readonly string[] | ((rel: string, full: string) => boolean) = DEFAULT_FILE_PATTERNS,
  options: ScanOptions = {},
): ScanResult {
  const matcher = typeof match === 'function' ? undefined : globMatcher(match);
  const matches = matcher ? (rel: string): boolean => matcher(rel) : (match as (rel: string, full: string) => boolean);
  const limit = options.limit ?? Infinity;
  const skipDirs = new Set(options.skipDirs ?? DEFAULT_IGNORES);
  const ignore = options.ignore;
  const result: ScanResult = { files: [], skipped: [], truncated: false, total: 0 };
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
      const fullBytes = Buffer.concat([dirBytes, Buffer.from(path.sep), e.name]);
      const full = path.join(dir, name);
      const validName = validDir && isValidUtf8(e.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (!skipDirs.has(name) && !ignore?.(rel)) walk(fullBytes, full, validName);
        continue;
      }
      if (!matches(rel, full) || ignore?.(rel)) continue;
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
      else {
        // past the limit the search goes on counting, so the caller can say how many were left out
        result.total++;
        if (result.files.length < limit) result.files.push(full);
        else result.truncated = true;
      }
    }
  };
  walk(Buffer.from(root), root, true);
  return result;
}

/**
 * Recursively lists files below a directory whose relative path matches the patterns; at most
 * `limit` of them (the language server's workspace scan, which leaves out EDITOR_SKIP_DIRS).
 * Unreadable entries are left out: use scanFiles to learn about them. When more files match
 * than the limit, `onTruncated` is told how many (the caller says so; nothing is cut silently).
 */
export function findFiles(root: string, patterns: readonly string[] = DEFAULT_FILE_PATTERNS, limit = 10_000, onTruncated?: (total: number, limit: number) => void): string[] {
  const scan = scanFiles(root, usableGlobs(patterns), { limit, skipDirs: EDITOR_SKIP_DIRS });
  if (scan.truncated) onTruncated?.(scan.total, limit);
  return scan.files;
}

/** The patterns picomatch can compile (a pattern from a setting that cannot be used matches nothing instead of failing every check). */
function usableGlobs(patterns: readonly string[]): string[] {
  return patterns.filter((p) => {
    try {
      globMatcher([p]);
      return true;
    } catch {
      return false;
    }
  });
}

/** Compiled extra patterns by their text: isLandscapeFile runs on every document event. */
const extraMatchers = new Map<string, PathMatcher>();

/** True when a file path is a landscape file under the default patterns or extra ones (relative to root). */
export function isLandscapeFile(file: string, root: string | undefined, extra: readonly string[] = []): boolean {
  const name = file.replace(/\\/g, '/');
  if (/\.landscape\.(ya?ml|json)$/i.test(name)) return true;
  if (!extra.length || !root) return false;
  const rel = path.relative(root, file);
  if (rel.startsWith('..')) return false;
  const key = extra.join('\u0000');
  let m = extraMatchers.get(key);
  if (!m) {
    if (extraMatchers.size > 32) extraMatchers.clear();
    extraMatchers.set(key, m = globMatcher(usableGlobs(extra)));
  }
  return m(rel);
}
