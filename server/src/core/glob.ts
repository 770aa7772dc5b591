/** Default landscape file patterns (spec §1). */
export const DEFAULT_FILE_PATTERNS: readonly string[] = ['**/*.landscape.yaml', '**/*.landscape.yml', '**/*.landscape.json'];

/**
 * Compiles a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) matched against '/'-separated relative paths.
 * With matchBase, a pattern without a slash matches the file name in any folder, as in .gitignore.
 */
export function globToRegExp(glob: string, matchBase = true): RegExp {
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (matchBase && !g.includes('/')) g = `**/${g}`;
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { inBraces++; re += '(?:'; }
    else if (c === '}' && inBraces) { inBraces--; re += ')'; }
    else if (c === ',' && inBraces) re += '|';
    else if (c === '[') {
      const close = g.indexOf(']', i);
      if (close > i) { re += `[${g.slice(i + 1, close).replace(/^!/, '^')}]`; i = close; } else re += '\\[';
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** True when the relative path matches one of the patterns. */
export function matchesAny(relPath: string, patterns: readonly RegExp[]): boolean {
  const p = relPath.replace(/\\/g, '/');
  return patterns.some((r) => r.test(p));
}

export function hasGlobChars(s: string): boolean {
  return /[*?{[]/.test(s);
}
