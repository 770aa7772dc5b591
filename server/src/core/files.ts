import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_FILE_PATTERNS, globToRegExp, matchesAny } from './glob';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.cache', '.vscode-test']);

/** Recursively lists files below a directory whose relative path matches the patterns. */
export function findFiles(root: string, patterns: readonly string[] = DEFAULT_FILE_PATTERNS, limit = 10_000): string[] {
  const regexps = patterns.map((p) => globToRegExp(p));
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (out.length >= limit) return;
      const full = path.join(dir, e.name);
      // a symbolic link to a file counts as that file; links to folders are not followed (cycles)
      const isFile = e.isFile() || (e.isSymbolicLink() && (() => {
        try {
          return fs.statSync(full).isFile();
        } catch {
          return false;
        }
      })());
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full);
      } else if (isFile && matchesAny(path.relative(root, full), regexps)) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out;
}

/** True when a file path is a landscape file under the default patterns or extra ones (relative to root). */
export function isLandscapeFile(file: string, root: string | undefined, extra: readonly string[] = []): boolean {
  const name = file.replace(/\\/g, '/');
  if (/\.landscape\.(ya?ml|json)$/i.test(name)) return true;
  if (!extra.length || !root) return false;
  const rel = path.relative(root, file);
  return !rel.startsWith('..') && matchesAny(rel, extra.map((p) => globToRegExp(p)));
}

/**
 * Reads a landscape file as the editor shows it: without a byte-order mark, UTF-16 files (as
 * PowerShell writes them) decoded, so positions and JSON parsing agree with VS Code.
 */
export function readLandscapeFile(file: string): string {
  const bytes = fs.readFileSync(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
