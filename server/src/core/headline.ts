/**
 * The headline of a finding: the gap in a few words ("SAP Note 2738426 not implemented"), split
 * from the how-to that follows it. The Problems panel shows one line per diagnostic and cuts it
 * at the panel's width, so the editor leads with `<SID>: <headline>` and moves the how-to to the
 * diagnostic's related information (shown under it and in the hover); the CLI keeps the whole
 * message on one line (issue 14).
 *
 * Rule messages are written "<what is wrong>: <what to do>" (docs/rules.md). The headline is the
 * part before the first top-level separator — `: `, `; ` or ` — ` outside parentheses, brackets
 * and quotes (so "(noteAssistant.download: http)" does not split) — unless the finding sets its
 * own `headline`. A message without a separator is all headline.
 */
import { capitalize } from './text';
import type { Finding } from './types';

/** Above this length a derived headline is no headline: it is cut at a word with "…". */
export const MAX_HEADLINE = 120;

const OPEN = '([{';
const CLOSE = ')]}';
const SEPARATORS = [': ', '; ', ' — '] as const;

/** The first top-level separator of a message: its index and length, or undefined. */
function firstSeparator(message: string): { at: number; length: number } | undefined {
  let depth = 0;
  let quote = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '"') quote = !quote;
    else if (quote) continue;
    else if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      for (const sep of SEPARATORS) if (message.startsWith(sep, i)) return { at: i, length: sep.length };
    }
  }
  return undefined;
}

function cut(text: string): string {
  if (text.length <= MAX_HEADLINE) return text;
  const space = text.lastIndexOf(' ', MAX_HEADLINE - 1);
  return `${text.slice(0, space > MAX_HEADLINE / 2 ? space : MAX_HEADLINE - 1).replace(/[\s,;:]+$/, '')}…`;
}


/** A message split into its headline and the how-to after it (undefined when there is none). */
export function splitMessage(message: string): { headline: string; detail?: string } {
  const sep = firstSeparator(message);
  const whole = message.trim();
  const headline = sep ? message.slice(0, sep.at).trim() : whole;
  // a headline that had to be cut loses words: the how-to is then the whole message
  if (!headline || headline.length > MAX_HEADLINE) return whole.length > MAX_HEADLINE ? { headline: cut(whole), detail: whole } : { headline: whole };
  const detail = sep ? message.slice(sep.at + sep.length).trim() : '';
  return detail ? { headline, detail: capitalize(detail) } : { headline };
}

/**
 * A finding's headline and how-to: the rule's own headline (the whole message is then the
 * how-to), else the split of its message.
 */
export function headlineOf(f: Pick<Finding, 'message' | 'headline'>): { headline: string; detail?: string } {
  if (f.headline) return f.headline === f.message ? { headline: f.headline } : { headline: f.headline, detail: f.message };
  return splitMessage(f.message);
}

/** The headline as the Problems panel shows it: the system first ("EPR: SAP Note 2738426 not implemented"). */
export function systemHeadline(f: Pick<Finding, 'message' | 'headline' | 'system'>): string {
  const { headline } = headlineOf(f);
  return f.system !== null && !headline.startsWith(`${f.system} `) && !headline.startsWith(`${f.system}:`) ? `${f.system}: ${headline}` : headline;
}
