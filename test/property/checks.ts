import { strict as assert } from 'assert';
import { isDeepStrictEqual } from 'util';
import { Lexer } from 'yaml';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { toDiagnostic } from '../../server/src/core/diagnostics';
import type { LintResult } from '../../server/src/core/lint';
import { lintText } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { codeActions } from '../../server/src/features/codeActions';

/**
 * The checks of the property tests, written independently of the product's own helpers: line
 * splitting, offsets and edit application are re-implemented here, so a bug there cannot hide.
 */

/** Start offsets and content lengths of the lines (CRLF, LF and a lone CR all end a line). */
export function linesOf(text: string): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, length: m.index - start });
    start = m.index + m[0].length;
  }
  out.push({ start, length: text.length - start });
  return out;
}

/** A range is valid for a text when both ends lie on a line, within its content, in order. */
export function assertRangeValid(text: string, range: Range, what: string, lines = linesOf(text)): void {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: ${name} line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length, `${what}: ${name} ${p.line}:${p.character} beyond the line's ${lines[p.line].length} characters`);
    const code = text.charCodeAt(lines[p.line].start + p.character);
    const prev = text.charCodeAt(lines[p.line].start + p.character - 1);
    assert.ok(!(p.character > 0 && code >= 0xdc00 && code <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff), `${what}: ${name} ${p.line}:${p.character} splits a surrogate pair`);
  }
  const order = range.start.line - range.end.line || range.start.character - range.end.character;
  assert.ok(order <= 0, `${what}: start after end`);
}

function offsetOf(lines: { start: number; length: number }[], p: Range['start']): number {
  return lines[p.line].start + p.character;
}

/** Applies LSP text edits (non-overlapping, as LSP requires; inserts at one place keep their order). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = linesOf(text);
  const spans = edits.map((e, i) => {
    assertRangeValid(text, e.range, `edit ${i}`, lines);
    return { i, start: offsetOf(lines, e.range.start), end: offsetOf(lines, e.range.end), newText: e.newText };
  });
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < sorted.length; k++) {
    assert.ok(sorted[k].start >= sorted[k - 1].end, `edits overlap: [${sorted[k - 1].start},${sorted[k - 1].end}) and [${sorted[k].start},${sorted[k].end})`);
  }
  let out = '';
  let at = 0;
  for (const s of sorted) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The comments of a YAML text with their offsets, as the yaml lexer reads them. */
export function commentsOf(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    // the lexer's control tokens (document, scalar and flow-end markers) take no source text
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.startsWith('#')) out.push({ text: token.trimEnd(), start: offset, end: offset + token.length });
    offset += token.length;
  }
  return out;
}

const PARSE_RULES = new Set(['yaml-syntax', 'json-syntax', 'duplicate-key']);

export function parseErrors(r: LintResult): number {
  return r.findings.filter((f) => PARSE_RULES.has(f.ruleId)).length + r.doc.parseFindings.filter((f) => PARSE_RULES.has(f.ruleId)).length;
}

function systemsOf(r: LintResult): Record<string, unknown> {
  const v = r.doc.value as { systems?: unknown } | undefined | null;
  return v && typeof v.systems === 'object' && v.systems !== null && !Array.isArray(v.systems) ? (v.systems as Record<string, unknown>) : {};
}

const key = (f: Finding): string => `${f.ruleId}\u0000${f.system ?? ''}\u0000${f.message}`;

/** The quick-fix actions the editor offers for one finding (as its diagnostic under the cursor). */
export function actionsFor(r: LintResult, uri: string, index: number): CodeAction[] {
  const f = r.findings[index];
  const diagnostic = toDiagnostic(f, uri, index, undefined, 1);
  return codeActions(r, { textDocument: { uri }, range: f.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
}

/**
 * One offered action, applied: it changes something, its edits are valid, the file parses as
 * well as before, every comment outside the replaced text survives, single fixes leave every other
 * system's data as it was, and its finding (rule, system, message) occurs fewer times.
 */
export function checkAction(uri: string, before: LintResult, index: number, action: CodeAction): LintResult {
  const f = before.findings[index];
  const what = `action "${action.title}" for ${f.ruleId} (${f.system ?? '-'}) "${f.message.slice(0, 120)}"`;
  const edits = action.edit?.changes?.[uri] ?? [];
  assert.ok(edits.length > 0, `${what}: offered with no edits`);
  const text = before.doc.text;
  const after = applyTextEdits(text, edits);
  assert.notEqual(after, text, `${what}: changes nothing`);
  const r = lintText(uri, after);
  assert.ok(parseErrors(r) <= parseErrors(before), `${what}: breaks the file:\n${r.findings.filter((x) => PARSE_RULES.has(x.ruleId)).map((x) => x.message).join('\n')}\n--- before ---\n${JSON.stringify(text)}\n--- after ---\n${after}`);
  // comments outside the replaced ranges survive (as text, in order of appearance)
  if (before.doc.format === 'yaml') {
    const lines = linesOf(text);
    const replaced = edits.filter((e) => offsetOf(lines, e.range.start) < offsetOf(lines, e.range.end)).map((e) => [offsetOf(lines, e.range.start), offsetOf(lines, e.range.end)]);
    const kept = commentsOf(text).filter((c) => !replaced.some(([s, e]) => c.start < e && s < c.end)).map((c) => c.text);
    const now = commentsOf(after).map((c) => c.text);
    let j = 0;
    for (const c of kept) {
      while (j < now.length && now[j] !== c) j++;
      assert.ok(j < now.length, `${what}: lost the comment ${JSON.stringify(c)}\n--- after ---\n${after}`);
      j++;
    }
  }
  const fixAll = /^Fix all/.test(action.title);
  if (!fixAll && parseErrors(before) === 0) {
    const old = systemsOf(before);
    const now = systemsOf(r);
    for (const sid of Object.keys(old)) {
      if (sid === f.system) continue;
      assert.ok(Object.hasOwn(now, sid), `${what}: system ${sid} disappeared\n--- after ---\n${after}`);
      assert.ok(isDeepStrictEqual(now[sid], old[sid]), `${what}: changed system ${sid}: ${JSON.stringify(old[sid])} → ${JSON.stringify(now[sid])}`);
    }
  }
  const count = (x: LintResult): number => x.findings.filter((y) => key(y) === key(f)).length;
  if (!fixAll) assert.ok(count(r) < count(before), `${what}: the finding is still there\n--- after ---\n${after}`);
  return r;
}

/** Applies fix-all (source.fixAll) until nothing is left to fix; each round keeps the file parseable. */
export function checkFixAllFixedPoint(uri: string, start: LintResult, maxRounds = 8): number {
  let r = start;
  for (let round = 1; round <= maxRounds; round++) {
    const all = codeActions(r, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    if (!all.length) return round - 1;
    const edits = all[0].edit?.changes?.[uri] ?? [];
    assert.ok(edits.length > 0, 'fix-all offered with no edits');
    const after = applyTextEdits(r.doc.text, edits);
    const next = lintText(uri, after);
    assert.ok(parseErrors(next) <= parseErrors(r), `fix-all round ${round} breaks the file:\n${after}`);
    assert.notEqual(after, r.doc.text, `fix-all round ${round} changes nothing: ${JSON.stringify(edits)}\n${after}`);
    r = next;
  }
  assert.fail(`fix-all reaches no fixed point in ${maxRounds} rounds:\n${r.doc.text}`);
}
