import type { TextEdit } from 'vscode-languageserver-types';
import { combineFixes } from '../features/codeActions';
import type { LandscapeDocument } from './document';
import { applyEdits } from './edits';
import type { LintOptions, LintResult } from './lint';
import { lintText } from './lint';
import type { Finding } from './types';

/** Findings that make the structure a guess of the parser: a file with one is never written. */
const SYNTAX_ERRORS = new Set(['yaml-syntax', 'json-syntax']);

/**
 * Rounds of fix-all per file: fix-all leaves fixes whose edits overlap others (or that would
 * break the file together with others) for the next round, after re-checking; ESLint stops at 10
 * passes too. In practice two or three rounds reach the fixed point.
 */
export const MAX_FIX_PASSES = 10;

export interface FixOptions extends Pick<LintOptions, 'config' | 'maxFileSize' | 'format'> {
  /** Which findings to fix (`--fix-type`); default all. */
  filter?: (f: Finding) => boolean;
}

/** What `--fix` did to one text. */
export interface FixOutcome {
  /** The fixed text (the input when nothing could be fixed). */
  text: string;
  /** The lint of `text`: what remains. */
  result: LintResult;
  /** Findings before fixing. */
  before: number;
  /** Rounds of fix-all that changed the text. */
  passes: number;
  /** Why the file is left as it is, when it is not fixed at all (a syntax error, over the size limit). */
  refused?: string;
  /** Why fixing stopped early (a round's result failed a safety check): the text is that of the round before. */
  stopped?: string;
}

/**
 * Applies the preferred quick-fixes of the findings, as the editor's fix-all (`source.fixAll`)
 * does — the same selection and the same safety check (combineFixes: only combinations that add
 * no parse problem) — round after round until nothing changes. Each round's text is checked
 * again before it is kept: no syntax error, and every comment of the file still there; a round
 * that fails is dropped and fixing stops there. A file with a syntax error, or one that was not
 * checked (over the size limit), is not fixed at all.
 */
export function fixText(uri: string, original: string, options: FixOptions = {}): FixOutcome {
  const lintOptions: LintOptions = { config: options.config, maxFileSize: options.maxFileSize, format: options.format };
  const filter = options.filter ?? (() => true);
  let result = lintText(uri, original, lintOptions);
  const outcome: FixOutcome = { text: original, result, before: result.findings.length, passes: 0 };
  if (result.doc.parseFindings.some((f) => f.ruleId === 'file-too-large')) return { ...outcome, refused: 'not checked (larger than the size limit)' };
  const syntax = result.doc.parseFindings.find((f) => SYNTAX_ERRORS.has(f.ruleId));
  if (syntax) return { ...outcome, refused: `it has a syntax error at ${syntax.range.start.line + 1}:${syntax.range.start.character + 1}; fix that first` };
  let text = original;
  const comments = commentsOf(original);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = withLineEnds(combineFixes(result.findings.filter(filter), result.doc), result.doc.text);
    if (!edits.length) break;
    const next = applyAll(result.doc, edits);
    if (next === text) break;
    const nextResult = lintText(uri, next, lintOptions);
    const broken = nextResult.doc.parseFindings.find((f) => SYNTAX_ERRORS.has(f.ruleId));
    if (broken) {
      outcome.stopped = `round ${pass + 1} would add a syntax error (${broken.message}); its fixes were not applied`;
      break;
    }
    const lost = lostComment(comments, commentsOf(next));
    if (lost !== undefined) {
      outcome.stopped = `round ${pass + 1} would lose the comment ${JSON.stringify(lost)}; its fixes were not applied`;
      break;
    }
    text = next;
    result = nextResult;
    outcome.passes++;
  }
  return { ...outcome, text, result };
}

/**
 * Edits whose inserted line breaks are those of the file: the quick-fixes write `\n`, which in a
 * file with CRLF line ends would leave it with mixed ones (the editor normalises an applied edit
 * itself; a file written by the CLI must not differ from what the editor would have saved).
 */
function withLineEnds(edits: TextEdit[], text: string): TextEdit[] {
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  return crlf ? edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') })) : edits;
}

/** Applies non-overlapping edits in one pass (fix-all's edits never overlap; otherwise applyEdits). */
function applyAll(doc: LandscapeDocument, edits: readonly TextEdit[]): string {
  const at = edits.map((e, i) => ({ i, start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }));
  // inserts at one position keep their array order (LSP rule)
  at.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const parts: string[] = [];
  let done = 0;
  for (const e of at) {
    if (e.start < done) return applyEdits(doc.text, doc, edits);
    parts.push(doc.text.slice(done, e.start), e.text);
    done = e.end;
  }
  parts.push(doc.text.slice(done));
  return parts.join('');
}

/**
 * The comments of a text, counted: each `#…` that starts a line or follows a blank, to the end of
 * the line. A `#` inside a quoted value counts too; that only makes the check stricter (a fix
 * that rewrote such a value would be refused, never a comment lost unnoticed).
 */
function commentsOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /(?:^|\s)(#.*)$/.exec(line);
    if (m) {
      const c = m[1].trimEnd();
      out.set(c, (out.get(c) ?? 0) + 1);
    }
  }
  return out;
}

/** A comment of `before` that `after` has fewer of, if any. */
function lostComment(before: Map<string, number>, after: Map<string, number>): string | undefined {
  for (const [c, n] of before) if ((after.get(c) ?? 0) < n) return c;
  return undefined;
}
