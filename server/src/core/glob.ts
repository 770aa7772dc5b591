import picomatch from 'picomatch';

/** Default landscape file patterns (spec §1). */
export const DEFAULT_FILE_PATTERNS: readonly string[] = ['**/*.landscape.yaml', '**/*.landscape.yml', '**/*.landscape.json'];

/** Folder names never searched unless named on the command line. */
export const DEFAULT_IGNORES: readonly string[] = ['node_modules', '.git'];

/** Thrown for a pattern that cannot be used; the message names it. */
export class GlobError extends Error {}

/** Tests a '/'-separated relative path. */
export type PathMatcher = (relPath: string) => boolean;

/**
 * Compiles glob patterns (picomatch: `**`, `*`, `?`, `{a,b}`, `[abc]`, extglobs) into one matcher
 * of '/'-separated relative paths; dot files match like any other. With matchBase, a pattern
 * without a slash matches the name in any folder, as in .gitignore (`*.yaml`, `build`). A
 * pattern picomatch cannot compile is a GlobError naming it, never an exception from a regular
 * expression.
 */
export function globMatcher(patterns: readonly string[], matchBase = true): PathMatcher {
  const matchers: PathMatcher[] = [];
  for (const raw of patterns) {
    const p = raw.replace(/\\/g, '/').replace(/^\.\//, '');
    try {
      matchers.push(picomatch(p, { dot: true, basename: matchBase && !p.includes('/') }));
    } catch (e) {
      throw new GlobError(`invalid glob pattern '${raw}': ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (rel) => {
    const p = rel.replace(/\\/g, '/');
    return matchers.some((m) => m(p));
  };
}

/** True when picomatch reads the text as a pattern (balanced braces and brackets included). */
export function isGlob(s: string): boolean {
  return picomatch.scan(s.replace(/\\/g, '/')).isGlob;
}

/** True when the text holds a character that would make it a pattern (`*?{[`), balanced or not. */
export function hasGlobChars(s: string): boolean {
  return /[*?{[]/.test(s);
}

/**
 * A glob split into the folder to search (the part before the first segment with a pattern) and
 * the pattern relative to it: `examples/**\/*.yaml` → `examples`, `**\/*.yaml`.
 */
export function splitGlob(glob: string): { base: string; pattern: string } {
  const s = picomatch.scan(glob.replace(/\\/g, '/'));
  return { base: s.base || '.', pattern: s.glob };
}
