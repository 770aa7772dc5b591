import type { LineIndex } from './positions';
import type { Finding } from './types';

/** The comment directive, YAML only (JSON has no comments; use the config file there). */
export const SUPPRESS_NEXT = 'landscape-lint-disable-next-line';
export const SUPPRESS_LINE = 'landscape-lint-disable-line';

const DIRECTIVE = /^#\s*(landscape-lint-disable-(?:next-)?line)\b(.*)$/;

/** The reason placeholder the quick-fix "Suppress … here" writes (the editor selects it for typing over). */
export const REASON_PLACEHOLDER = 'REASON';

/**
 * A reason that only holds a place: the quick-fix's REASON, `<reason>`, TODO, TBD, "...". Such a
 * suppression is reported like one without a reason (issue 14: a literal "REASON" was accepted).
 */
export function isPlaceholderReason(reason: string): boolean {
  const r = reason.trim();
  return /^<[^>]*>$/.test(r) || /^(reason|todo|tbd|fixme|xxx|-+|\.+|…|\?+)$/i.test(r);
}

/** One suppression comment and the lines it covers. */
export interface Suppression {
  rules: string[];
  reason: string;
  /** 0-based first and last line whose findings it suppresses. */
  fromLine: number;
  toLine: number;
  /** Where the comment is. */
  line: number;
  character: number;
  used: Set<string>;
}

/** Where a YAML comment starts on a line: a `#` outside quotes, at the start or after white space; -1 if none. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      // a quote opens a string only where a value can start (not inside a plain word like it's)
      if (i === 0 || /[\s:,[{-]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

function indentOf(s: string): number {
  return /^[ \t]*/.exec(s)![0].length;
}

/**
 * Reads suppression comments. `# landscape-lint-disable-next-line <ids> -- <reason>` covers the
 * next entry with everything nested under it (so it can sit above a system's SID); a trailing
 * `# landscape-lint-disable-line <ids> -- <reason>` covers its own line.
 */
export function readSuppressions(lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  // only the lines that mention a directive are read (files have 100,000s of lines)
  for (const l of lines.linesContaining('landscape-lint-disable')) {
    const text = lines.lineText(l);
    const start = commentStart(text);
    const m = start < 0 ? null : DIRECTIVE.exec(text.slice(start));
    if (!m) continue;
    const [rulesPart, ...reasonParts] = m[2].split(/\s--\s?|\s--$/);
    const rules = rulesPart.split(/[\s,]+/).filter(Boolean);
    const reason = reasonParts.join(' -- ').trim();
    const character = start;
    let fromLine = l;
    let toLine = l;
    if (m[1] === SUPPRESS_NEXT) {
      let next = l + 1;
      while (next < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(next))) next++;
      fromLine = next;
      toLine = next;
      if (next < lines.lineCount) {
        const head = lines.lineText(next);
        const base = indentOf(head);
        const headIsItem = /^\s*-(\s|$)/.test(head);
        for (let k = next + 1; k < lines.lineCount; k++) {
          const t = lines.lineText(k);
          if (/^\s*(#.*)?$/.test(t)) continue;
          const ind = indentOf(t);
          // YAML allows a block sequence at the indentation of its key
          const sameIndentSeq = ind === base && !headIsItem && /^\s*-(\s|$)/.test(t) && /:\s*(#.*)?$/.test(head);
          if (ind > base || sameIndentSeq) toLine = k;
          else break;
        }
      }
    }
    out.push({ rules, reason, fromLine, toLine, line: l, character, used: new Set() });
  }
  return out;
}

/**
 * Drops suppressed findings and reports bad or unused suppression comments.
 * A suppression without a reason still applies, but is itself reported.
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], knownRules: ReadonlySet<string>, lines: LineIndex): Finding[] {
  if (suppressions.length === 0) return findings;
  const kept: Finding[] = [];
  for (const f of findings) {
    const line = f.range.start.line;
    const s = suppressions.find((x) => line >= x.fromLine && line <= x.toLine && x.rules.includes(f.ruleId));
    if (s) s.used.add(f.ruleId);
    else kept.push(f);
  }
  for (const s of suppressions) {
    const commentRange = { start: { line: s.line, character: s.character }, end: { line: s.line, character: lines.lineText(s.line).length } };
    if (s.rules.length === 0) {
      kept.push({ ruleId: 'suppression', severity: 'warning', message: 'Suppression comment names no rule: write `# landscape-lint-disable-next-line <rule-id> -- <reason>`', range: commentRange, system: null });
      continue;
    }
    const unknown = s.rules.filter((r) => !knownRules.has(r));
    if (unknown.length) {
      kept.push({ ruleId: 'suppression', severity: 'warning', message: `Suppression comment names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; see docs/rules.md for the rule ids`, range: commentRange, system: null, data: { unknown } });
    }
    if (!s.reason) {
      kept.push({ ruleId: 'suppression', severity: 'warning', message: `Suppression of ${s.rules.join(', ')} has no reason: add \` -- <why this requirement of the guide does not apply>\``, range: commentRange, system: null, data: { missingReason: true } });
    } else if (isPlaceholderReason(s.reason)) {
      kept.push({ ruleId: 'suppression', severity: 'warning', message: `Suppression of ${s.rules.join(', ')} has a placeholder reason ("${s.reason}"): write why this requirement of the guide does not apply`, range: commentRange, system: null, data: { missingReason: true, placeholder: s.reason } });
    }
    const unused = s.rules.filter((r) => knownRules.has(r) && !s.used.has(r));
    if (unused.length) {
      kept.push({ ruleId: 'suppression', severity: 'info', message: `Unused suppression: no finding of ${unused.join(', ')} on the lines it covers; remove it`, range: commentRange, system: null, tags: [1], data: { unused } });
    }
  }
  return kept;
}
