import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { IncrementalLint, lintText } from '../../server/src/core/lint';
import type { LintResult } from '../../server/src/core/lint';
import { buildChecklist, ChecklistCache } from '../../server/src/features/checklist';
import { ROOT } from '../support/helpers';
import { checkProperty, landscapeArb, mutate, mutationArb } from './arbitraries';
import type { Mutation } from './arbitraries';

/**
 * The incremental engine equals a full lint: after every random edit of a random landscape, the
 * text linted with the document's incremental state gives the same parse (tree, value, parse
 * findings) and the same findings — messages, ranges, fixes, related information, data — as the
 * same text linted from scratch.
 */

/**
 * Where a block collection's content ends: its range may or may not take in the comment lines
 * after it (the YAML parser decides by the layout around it); the content end is what edits use.
 */
function contentEnd(text: string, end: number): number {
  let e = end;
  for (;;) {
    while (e > 0 && /\s/.test(text[e - 1])) e--;
    const lineStart = Math.max(text.lastIndexOf('\n', e - 1), text.lastIndexOf('\r', e - 1)) + 1;
    if (e > 0 && /^\s*#/.test(text.slice(lineStart, e))) e = lineStart;
    else return e;
  }
}

/** The syntax tree as plain data: kinds, ranges (start and content end), values, styles. */
function tree(n: unknown, text: string): unknown {
  if (n === null || n === undefined) return null;
  const node = n as YamlNode;
  const r = node.range ? [node.range[0], node.range[1]] : null;
  const block = r && (isMap(node) || isSeq(node)) && !node.flow ? [r[0], contentEnd(text, r[1])] : r;
  if (isMap(node)) return { map: block, flow: Boolean(node.flow), items: (node.items as Pair[]).map((p) => [tree(p.key, text), tree(p.value, text)]) };
  if (isSeq(node)) return { seq: block, flow: Boolean(node.flow), items: node.items.map((i) => tree(i, text)) };
  if (isScalar(node)) return { scalar: r, value: node.value, type: node.type };
  return { other: r };
}

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x ?? null));

function assertSame(inc: LintResult, full: LintResult, step: string, checklists?: ChecklistCache): void {
  assert.deepStrictEqual(plain(inc.doc.value), plain(full.doc.value), `value after ${step}`);
  assert.deepStrictEqual(plain(inc.doc.parseFindings), plain(full.doc.parseFindings), `parse findings after ${step}`);
  if (full.doc.yaml && inc.doc.yaml) assert.deepStrictEqual(tree(inc.doc.yaml.contents, inc.doc.text), tree(full.doc.yaml.contents, full.doc.text), `tree after ${step}`);
  assert.deepStrictEqual(plain(inc.rawRuleFindings), plain(full.rawRuleFindings), `rule findings after ${step}`);
  assert.deepStrictEqual(plain(inc.findings), plain(full.findings), `findings after ${step}`);
  if (checklists) assert.deepStrictEqual(plain(buildChecklist(inc, 1, checklists)), plain(buildChecklist(full, 1)), `checklist after ${step}`);
}

/** Edits a user makes while the file stays well-formed: digits, words, comment lines, whole systems. */
type Edit =
  | { kind: 'mutation'; m: Mutation }
  | { kind: 'digit'; at: number; digit: number }
  | { kind: 'comment-line'; at: number }
  | { kind: 'copy-system'; at: number; sid: string }
  | { kind: 'delete-system'; at: number }
  | { kind: 'char'; at: number; insert: string; remove: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 1, arbitrary: mutationArb.map((m) => ({ kind: 'mutation' as const, m })) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('digit' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), digit: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('comment-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy-system' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), sid: fc.constantFrom('ZZ1', 'ZZ2', 'ZZ3', 'EDV') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-system' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  // typing: characters that change the structure of lines (breaks, indentation, comments, keys)
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('char' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom('', 'x', ' ', '  ', '\n', '\r', '\r\n', '\n  ', '#', ': ', '-', '\t', '"', 'A:\n', '\n  ZZ9:\n    role: abap\n'), remove: fc.nat(3) }) },
);

/** Start offsets of the lines that begin a system entry (`  SID:` under `systems:`, block style). */
function systemStarts(text: string): number[] {
  const out: number[] = [];
  const re = /^( +)([A-Z][A-Z0-9]{2}):[ \t]*(#.*)?$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

function applyEdit(text: string, e: Edit): string {
  switch (e.kind) {
    case 'mutation':
      return mutate(text, e.m);
    case 'char': {
      const at = Math.floor(e.at * (text.length + 1));
      return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
    }
    case 'digit': {
      const digits = [...text.matchAll(/\d/g)].map((m) => m.index!);
      if (!digits.length) return text;
      const at = digits[Math.floor(e.at * digits.length)];
      return text.slice(0, at) + String(e.digit) + text.slice(at + 1);
    }
    case 'comment-line': {
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)].filter((i) => i <= text.length);
      const at = starts[Math.floor(e.at * starts.length)];
      const indent = /^ */.exec(text.slice(at))![0];
      return `${text.slice(0, at)}${indent}# edited\n${text.slice(at)}`;
    }
    case 'copy-system':
    case 'delete-system': {
      const starts = systemStarts(text);
      if (!starts.length) return text;
      const i = Math.floor(e.at * starts.length);
      const start = starts[i];
      const indent = /^ */.exec(text.slice(start))![0].length;
      // the entry runs to the next line at its indentation or less
      const re = new RegExp(`^ {0,${indent}}[^ \\n\\r#]`, 'gm');
      re.lastIndex = text.indexOf('\n', start) + 1 || text.length;
      const next = re.exec(text);
      const end = next ? next.index : text.length;
      if (e.kind === 'delete-system') return text.slice(0, start) + text.slice(end);
      const copy = text.slice(start, end).replace(/^( *)[A-Z][A-Z0-9]{2}:/, `$1${e.sid}:`);
      return text.slice(0, end) + (text.slice(start, end).endsWith('\n') ? '' : '\n') + copy + text.slice(end);
    }
  }
}

const ACME = fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8');

describe('property: the incremental engine equals a full lint after every edit', function () {
  this.timeout(0);

  it('generated YAML landscapes, random edit sequences', () => {
    const yamlFiles = landscapeArb.filter((f) => f.uri.endsWith('.yaml'));
    checkProperty('incremental: generated', fc.property(yamlFiles, fc.array(editArb, { minLength: 1, maxLength: 8 }), (file, edits) => {
      const inc = new IncrementalLint();
      const checklists = new ChecklistCache();
      let text = file.text;
      assertSame(lintText(file.uri, text, { incremental: inc }), lintText(file.uri, text), 'opening', checklists);
      edits.forEach((e, i) => {
        text = applyEdit(text, e);
        assertSame(lintText(file.uri, text, { incremental: inc }), lintText(file.uri, text), `edit ${i + 1} (${e.kind})`, checklists);
      });
    }), 40);
  });

  it('the realistic example, random edit sequences', () => {
    checkProperty('incremental: example', fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => {
      const uri = 'file:///acme.landscape.yaml';
      const inc = new IncrementalLint();
      const checklists = new ChecklistCache();
      let text = ACME;
      buildChecklist(lintText(uri, text, { incremental: inc }), 1, checklists);
      edits.forEach((e, i) => {
        text = applyEdit(text, e);
        assertSame(lintText(uri, text, { incremental: inc }), lintText(uri, text), `edit ${i + 1} (${e.kind})`, checklists);
      });
    }), 15);
  });

  it('regression (fuzz seed 52711): typing at the end of the last line before the file\'s final line break', () => {
    const uri = 'file:///acme.landscape.yaml';
    const inc = new IncrementalLint();
    lintText(uri, ACME, { incremental: inc });
    assert.ok(ACME.endsWith('false\n'));
    const edited = `${ACME.slice(0, -1)}|\n`;
    const r = lintText(uri, edited, { incremental: inc });
    assert.equal(inc.parser.lastLayout, 'updated');
    assert.equal(r.doc.lines.lineCount, lintText(uri, edited).doc.lines.lineCount, 'the final empty line counted once');
    assertSame(r, lintText(uri, edited), 'the edit');
  });

  it('reuses: an edit inside one system of the example re-parses one entry and re-checks one system', () => {
    const uri = 'file:///acme.landscape.yaml';
    const inc = new IncrementalLint();
    lintText(uri, ACME, { incremental: inc });
    const first = inc.lastLocalComputed;
    assert.ok(first >= 5, `the example's landscape-wide findings use system-local values (${first})`);
    const at = ACME.indexOf('description: ERP quality assurance');
    const edited = `${ACME.slice(0, at)}description: ERP quality assurance (QAS)${ACME.slice(at + 'description: ERP quality assurance'.length)}`;
    const r = lintText(uri, edited, { incremental: inc });
    assert.equal(inc.parser.lastMode, 'blocks');
    assert.equal(inc.parser.lastLayout, 'updated', 'the lines were laid out from the last version');
    // the landscape-wide rules re-run, but what they compute from one system's entry (ranges,
    // edits) is reused for every system the edit did not touch
    assert.ok(inc.lastLocalComputed <= 3, `system-local values computed again: ${inc.lastLocalComputed}`);
    assert.equal(inc.parser.lastParsed, 1);
    assertSame(r, lintText(uri, edited), 'the edit');
  });
});
