/**
 * Property-based tests of the editor features (fast-check): landscape texts — the realistic
 * example, the clean examples and small generated landscapes — mutated with words that break
 * naive code (every `Object.prototype` name, `__proto__`, quotes, brackets, CRLF and lone CR
 * line breaks, surrogate pairs and lone surrogates, deleted spans), linted, then hover,
 * completion, document symbols, the checklist and the report at random positions.
 *
 * Properties: nothing throws; every range is valid for the text (line below the line count,
 * character at most the length of the line's content without its break, start <= end);
 * completion edit ranges lie on the cursor's line and contain the cursor (LSP); symbol names
 * are not empty and each selection range lies inside its range.
 *
 * The default run is short and fixed (seed 20240611, 200 runs). Longer runs:
 * `FUZZ_RUNS=5000 FUZZ_SEED=7 npx mocha out/test/features/properties.test.js`.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { CompletionItem, DocumentSymbol, Hover, InsertReplaceEdit, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { LintResult } from '../../server/src/core/lint';
import { lintText } from '../../server/src/core/lint';
import { buildChecklist, checklistItemsOf } from '../../server/src/features/checklist';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { cursorContext } from '../../server/src/features/nodeAtOffset';
import { renderReportJson, renderReportMarkdown, reportJson } from '../../server/src/features/report';
import { documentSymbols } from '../../server/src/features/symbols';
import { CIPHERSUITE_VALUES, LEGACY_RFC_DESTINATIONS, NEW_HTTPS_DESTINATIONS, NOTE_CATALOGUE, ROOT_CA_CERTIFICATES, TRANSACTIONS } from '../../server/src/knowledge';
import { ROOT } from '../support/helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

function example(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}

const EXAMPLES: readonly { text: string; uri: string }[] = [
  { text: example('acme.landscape.yaml'), uri: 'file:///acme.landscape.yaml' },
  { text: example('clean.landscape.yaml'), uri: 'file:///clean.landscape.yaml' },
  { text: example('clean.landscape.json'), uri: 'file:///clean.landscape.json' },
];

/** Every name an object inherits, plus `__proto__`. */
const PROTO_NAMES: readonly string[] = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];

const DOMAIN_WORDS: readonly string[] = [
  ...NOTE_CATALOGUE.slice(0, 8).map((n) => String(n.number)),
  ...TRANSACTIONS.map((t) => t.code),
  ...LEGACY_RFC_DESTINATIONS.map((d) => d.name),
  ...NEW_HTTPS_DESTINATIONS.map((d) => d.name),
  ...ROOT_CA_CERTIFICATES,
  'VeriSign Class 3 Public Primary ',
  CIPHERSUITE_VALUES[0]!.value,
  'SAP_BASIS_CONFIG_OSS_COMM',
  'SAP_SUPPORT_HUB_CONFIG',
  'ssl/client_ciphersuites',
  'ST-PI',
  'ST-A/PI',
  'sslClientStandard',
  'certificates',
  'destinations',
  'systems',
  'tracks',
  'communicationUsers',
  'notes',
  'taskLists',
  'profile',
  'components',
  'role: abap',
  'basis: 731 SP19',
  '§2.1.4.2',
];

const SYNTAX_WORDS: readonly string[] = [
  '\n', '\r\n', '\r', '\n\n', ' ', '  ', '\t', ':', ': ', '- ', '-', '[', ']', '{', '}', ',', '"', "'", '""', "''", '"": ', '#', ' # ',
  '&a ', '*a', '? ', '|', '>', '|-\n', '---\n', '...\n', '%YAML 1.2\n', '\\', '`', '!!str ', '!!binary ', '!!set ', '!!omap ', '!!map ', '!local ', '<<: *a\n', '? [a]: b', '{a: 1}: ', '\u00e9', '\ud83d\ude00', '\ud83d', '\ude00',
  '\u0085', '\u2028', '\ufeff', '\u0000', '\v', '\f',
];

/** A word to insert: a prototype name, a word of the guide, YAML/JSON syntax, or random text. */
const wordArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PROTO_NAMES), weight: 4 },
  { arbitrary: fc.constantFrom(...DOMAIN_WORDS), weight: 3 },
  { arbitrary: fc.constantFrom(...SYNTAX_WORDS), weight: 4 },
  { arbitrary: fc.string({ maxLength: 8, unit: 'binary' }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }), weight: 1 },
);

// ------------------------------------------------------------------ generated small landscapes

const nameArb = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 4 },
    { arbitrary: fc.constantFrom(...PROTO_NAMES), weight: 3 },
    { arbitrary: fc.constantFrom('', ' ', 'a b', '"q"', "it's", 'x: y', '- z', '#c', '\ud83d\ude00', '\u00e9t\u00e9'), weight: 1 },
  );

type Entries = [string, Node][];
type Node = string | number | boolean | null | Node[] | { entries: Entries };

const map = (entries: Entries): Node => ({ entries });

const certListArb = fc.array(nameArb([...ROOT_CA_CERTIFICATES, 'VeriSign Class 3 Public Primary ']), { maxLength: 3 });

const systemArb: fc.Arbitrary<Node> = fc
  .record({
    role: fc.constantFrom('abap', 'solman', 'frun', 'toString', undefined),
    connection: fc.constantFrom('direct', 'solman', 'frun', 'none', 'constructor', undefined),
    managedBy: fc.option(nameArb(['SOL', 'FRN', 'DEV']), { nil: undefined }),
    basis: fc.constantFrom('731 SP19', '740 SP10', '750 SP08', '702', 'toString', undefined),
    release: fc.constantFrom('7.2 SPS08', '7.1', '2.0', 'valueOf', undefined),
    notes: fc.array(fc.oneof(fc.constantFrom(...NOTE_CATALOGUE.map((n) => n.number)), fc.constantFrom<Node>('toString', 123, '__proto__')), { maxLength: 4 }),
    taskLists: fc.array(nameArb(['SAP_BASIS_CONFIG_OSS_COMM', 'SAP_SUPPORT_HUB_CONFIG']), { maxLength: 2 }),
    communicationUser: fc.option(nameArb(['S0000000001', 'S0000000002']), { nil: undefined }),
    destinations: fc.array(
      fc.tuple(nameArb([...LEGACY_RFC_DESTINATIONS, ...NEW_HTTPS_DESTINATIONS].map((d) => d.name)), fc.constantFrom('3', 'H', 'G', 'toString'), fc.option(nameArb(['OSS_RFC', 'S0000000001']), { nil: undefined })),
      { maxLength: 3 },
    ),
    profile: fc.array(fc.tuple(nameArb(['ssl/client_ciphersuites']), fc.constantFrom(...CIPHERSUITE_VALUES.map((c) => c.value), 'toString')), { maxLength: 2 }),
    certificates: fc.array(fc.tuple(nameArb(['sslClientStandard', 'sslClientAnonymous']), certListArb), { maxLength: 2 }),
    components: fc.array(fc.tuple(nameArb(['ST-PI', 'ST-A/PI']), fc.constantFrom('740 SP10', '01T_731 SP01', 'toString')), { maxLength: 2 }),
    sdccn: fc.array(nameArb(['SAP-SUPPORT_PORTAL', 'SDCC_OSS']), { maxLength: 2 }),
    description: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
  })
  .map((s) => {
    const e: Entries = [];
    const put = (k: string, v: Node | undefined): void => {
      if (v !== undefined) e.push([k, v]);
    };
    put('role', s.role);
    put('description', s.description);
    put('connection', s.connection);
    put('managedBy', s.managedBy);
    put('basis', s.basis);
    put('release', s.release);
    put('notes', s.notes);
    put('taskLists', s.taskLists);
    put('communicationUser', s.communicationUser);
    if (s.destinations.length) put('destinations', map(s.destinations.map(([n, type, user]) => [n, map(user === undefined ? [['type', type]] : [['type', type], ['user', user]])])));
    if (s.profile.length) put('profile', map(s.profile));
    if (s.certificates.length) put('certificates', map(s.certificates));
    if (s.components.length) put('components', map(s.components));
    if (s.sdccn.length) put('sdccn', map([['destinations', s.sdccn]]));
    return map(e);
  });

const landscapeArb: fc.Arbitrary<Node> = fc
  .record({
    name: fc.option(nameArb(['ACME', 'T']), { nil: undefined }),
    users: fc.array(fc.tuple(nameArb(['S0000000001', 'S0000000002']), fc.string({ maxLength: 8 })), { maxLength: 3 }),
    tracks: fc.array(fc.tuple(nameArb(['ERP', 'BW']), fc.array(nameArb(['DEV', 'QAS', 'PRD']), { maxLength: 3 })), { maxLength: 2 }),
    systems: fc.array(fc.tuple(nameArb(['DEV', 'QAS', 'PRD', 'SOL', 'FRN']), systemArb), { maxLength: 4 }),
  })
  .map((l) => {
    const e: Entries = [];
    if (l.name !== undefined) e.push(['landscape', l.name]);
    if (l.users.length) e.push(['communicationUsers', map(l.users.map(([id, d]) => [id, map([['description', d]])]))]);
    if (l.tracks.length) e.push(['tracks', map(l.tracks)]);
    e.push(['systems', map(l.systems)]);
    return map(e);
  });

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_ /.\-]*$/;
const NON_TEXT = /^(?:[-+]?[\d.]+(?:e\d+)?|true|false|null|~|yes|no|on|off)$/i;

function scalar(v: Node, quote: boolean): string {
  if (typeof v !== 'string') return String(v);
  return !quote && PLAIN.test(v) && !NON_TEXT.test(v) && !/\s$/.test(v) ? v : JSON.stringify(v);
}

/** Block YAML (keys plain where possible, values plain or quoted). */
function toBlockYaml(n: Node, indent: string, quote: boolean): string {
  if (Array.isArray(n)) return n.length ? n.map((v) => `\n${indent}- ${isMap(v) || Array.isArray(v) ? toFlow(v, true) : scalar(v, quote)}`).join('') : ' []';
  if (isMap(n)) {
    if (!n.entries.length) return ' {}';
    return n.entries.map(([k, v]) => `\n${indent}${scalar(k, quote)}:${isMap(v) || Array.isArray(v) ? toBlockYaml(v, `${indent}  `, quote) : ` ${scalar(v, quote)}`}`).join('');
  }
  return ` ${scalar(n, quote)}`;
}

/** Flow YAML / JSON. */
function toFlow(n: Node, json: boolean): string {
  if (Array.isArray(n)) return `[${n.map((v) => toFlow(v, json)).join(', ')}]`;
  if (isMap(n)) return `{${n.entries.map(([k, v]) => `${json ? JSON.stringify(k) : scalar(k, false)}: ${toFlow(v, json)}`).join(', ')}}`;
  return json ? JSON.stringify(n) : scalar(n, false);
}

function isMap(n: Node): n is { entries: Entries } {
  return n !== null && typeof n === 'object' && !Array.isArray(n);
}

const generatedArb: fc.Arbitrary<{ text: string; uri: string }> = fc
  .tuple(landscapeArb, fc.constantFrom('block', 'block-quoted', 'flow', 'json', 'json-pretty'))
  .map(([l, style]) => {
    if (style === 'json') return { text: toFlow(l, true), uri: 'file:///gen.landscape.json' };
    if (style === 'json-pretty') return { text: JSON.stringify(JSON.parse(toFlow(l, true)), null, 2), uri: 'file:///gen.landscape.json' };
    if (style === 'flow') return { text: toFlow(l, false), uri: 'file:///gen.landscape.yaml' };
    return { text: `${toBlockYaml(l, '', style === 'block-quoted').slice(1)}\n`, uri: 'file:///gen.landscape.yaml' };
  });

// ---------------------------------------------------------------------------------- mutations

type Mutation =
  | { kind: 'insert'; at: number; word: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'eol'; eol: '\r\n' | '\r'; every: boolean; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), word: wordArb }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const), every: fc.boolean(), at: fc.nat() }), weight: 1 },
);

/** Applies the mutations; returns the text and the offsets where something changed (hot spots for the cursor). */
function mutate(text: string, mutations: readonly Mutation[]): { text: string; spots: number[] } {
  let t = text;
  const spots: number[] = [];
  for (const m of mutations) {
    const at = m.at % (t.length + 1);
    if (m.kind === 'insert') {
      t = t.slice(0, at) + m.word + t.slice(at);
      spots.push(at, at + m.word.length);
    } else if (m.kind === 'delete') {
      t = t.slice(0, at) + t.slice(at + m.length);
      spots.push(at);
    } else if (m.every) {
      t = t.replace(/\r?\n/g, m.eol);
    } else {
      const nl = t.indexOf('\n', at);
      if (nl >= 0) t = t.slice(0, nl) + m.eol + t.slice(nl + 1);
    }
  }
  return { text: t, spots: spots.map((s) => Math.min(s, t.length)) };
}

// ---------------------------------------------------------------------------- range checking

/** The content of each line without its break, computed independently of the engine. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** An offset as an LSP position (independently of the engine); an offset inside CRLF moves to the CR. */
function positionOf(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  const o = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < o; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    } else if (c === '\r' && i + 1 === o) {
      return { line, character: i - start };
    }
  }
  return { line, character: o - start };
}

/**
 * A position as an editor sends it: never between the halves of a surrogate pair (the engine
 * treats such a character offset as the start of the pair, as VS Code does).
 */
function editorPosition(lines: readonly string[], line: number, character: number): Position {
  const text = lines[line]!;
  const high = (i: number): boolean => /[\ud800-\udbff]/.test(text[i] ?? '');
  const low = (i: number): boolean => /[\udc00-\udfff]/.test(text[i] ?? '');
  return { line, character: character > 0 && high(character - 1) && low(character) ? character - 1 : character };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function show(r: Range | undefined): string {
  return r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : String(r);
}

function checkPosition(p: Position, lines: readonly string[], what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: not integers ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
  assert.ok(p.character >= 0 && p.character <= lines[p.line]!.length, `${what}: character ${p.character} on line ${p.line} of length ${lines[p.line]!.length}`);
}

function checkRange(r: Range, lines: readonly string[], what: string): void {
  assert.ok(r && r.start && r.end, `${what}: no range`);
  checkPosition(r.start, lines, `${what} start ${show(r)}`);
  checkPosition(r.end, lines, `${what} end ${show(r)}`);
  assert.ok(before(r.start, r.end), `${what}: start after end ${show(r)}`);
}

function checkHover(h: Hover | null, lines: readonly string[]): void {
  if (!h) return;
  if (h.range) checkRange(h.range, lines, 'hover range');
  const value = typeof h.contents === 'string' ? h.contents : 'value' in h.contents ? h.contents.value : '';
  assert.equal(typeof value, 'string', 'hover contents');
}

/** LSP: a completion edit range is on one line and contains the position of the request. */
function checkEditRange(r: Range, at: Position, lines: readonly string[], what: string): void {
  checkRange(r, lines, what);
  assert.equal(r.start.line, r.end.line, `${what}: spans lines ${show(r)}`);
  assert.equal(r.start.line, at.line, `${what}: ${show(r)} not on the cursor's line ${at.line}`);
  assert.ok(r.start.character <= at.character && at.character <= r.end.character, `${what}: ${show(r)} does not contain the cursor ${at.line}:${at.character}`);
}

function checkCompletion(items: CompletionItem[], at: Position, lines: readonly string[]): void {
  for (const item of items) {
    const what = `completion item ${JSON.stringify(item.label)}`;
    assert.ok(typeof item.label === 'string', `${what}: label`);
    const edit = item.textEdit as TextEdit | InsertReplaceEdit | undefined;
    if (edit && 'range' in edit) checkEditRange(edit.range, at, lines, `${what} range`);
    if (edit && 'insert' in edit) {
      checkEditRange(edit.insert, at, lines, `${what} insert`);
      checkEditRange(edit.replace, at, lines, `${what} replace`);
    }
    for (const e of item.additionalTextEdits ?? []) checkRange(e.range, lines, `${what} additional edit`);
  }
}

function checkSymbols(symbols: DocumentSymbol[], lines: readonly string[], trail = ''): void {
  for (const s of symbols) {
    const what = `symbol ${trail}/${JSON.stringify(s.name)}`;
    assert.ok(typeof s.name === 'string' && s.name.trim() !== '', `${what}: empty name`);
    checkRange(s.range, lines, `${what} range`);
    checkRange(s.selectionRange, lines, `${what} selectionRange`);
    assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), `${what}: selectionRange ${show(s.selectionRange)} outside range ${show(s.range)}`);
    checkSymbols(s.children ?? [], lines, `${trail}/${s.name}`);
  }
}

function checkChecklist(result: LintResult, lines: readonly string[]): void {
  const checklist = buildChecklist(result, 1);
  for (const s of checklist.systems) checkRange(s.range, lines, `checklist system ${s.sid}`);
  for (const { system, item } of checklistItemsOf(checklist)) {
    const what = `checklist ${system.sid} ${item.id}`;
    checkRange(item.range, lines, what);
    for (const f of item.findings) checkRange(f.range, lines, `${what} finding ${f.ruleId}`);
    for (const e of item.fix?.edits ?? []) checkRange(e.range, lines, `${what} fix`);
  }
  for (const f of checklist.landscapeFindings) checkRange(f.range, lines, `landscape finding ${f.ruleId}`);
  assert.equal(typeof renderReportMarkdown(checklist, 'f.landscape.yaml'), 'string');
  // rendered system by system, the same text as the whole value stringified
  assert.equal(renderReportJson(checklist, 'f.landscape.yaml'), JSON.stringify(reportJson(checklist, 'f.landscape.yaml'), null, 2));
}

/** Every feature on one text at the given offsets and random positions. */
function checkText(text: string, uri: string, offsets: readonly number[], randomPositions: readonly [number, number][], everyNth = 0): void {
  const result = lintText(uri, text);
  const lines = linesOf(text);
  const positions: Position[] = [
    ...new Set([
      ...offsets.flatMap((o) => [o - 1, o, o + 1]),
      ...(everyNth ? Array.from({ length: Math.floor(Math.min(text.length, 150) / everyNth) + 1 }, (_, i) => i * everyNth) : []),
    ]).values(),
  ].map((o) => positionOf(text, o));
  positions.push(
    ...randomPositions.map(([l, c]) => {
      const line = l % lines.length;
      return { line, character: c % (lines[line]!.length + 1) };
    }),
  );
  for (let i = 0; i < positions.length; i++) positions[i] = editorPosition(lines, positions[i]!.line, positions[i]!.character);
  for (const p of positions) {
    checkPosition(p, lines, 'test position');
    const where = `at ${p.line}:${p.character}`;
    let h: Hover | null;
    try {
      h = hover(result, p);
    } catch (e) {
      throw new Error(`hover ${where} threw: ${(e as Error).stack}`);
    }
    checkHover(h, lines);
    let items: CompletionItem[];
    try {
      items = completion(result, p);
    } catch (e) {
      throw new Error(`completion ${where} threw: ${(e as Error).stack}`);
    }
    try {
      checkCompletion(items, p, lines);
      // the context's own range already keeps the contract (completion's clamp is only a safety net)
      const ctx = result.doc.yaml ? cursorContext(result.doc, p) : undefined;
      if (ctx && ctx.kind !== 'none') checkEditRange(ctx.range, p, lines, `cursor context (${ctx.kind})`);
    } catch (e) {
      throw new Error(`completion ${where}: ${(e as Error).message}`);
    }
  }
  checkSymbols(documentSymbols(result), lines);
  checkChecklist(result, lines);
}

/** A window of lines of an example: a partial document, as while editing or pasting. */
const exampleWindowArb: fc.Arbitrary<{ text: string; uri: string }> = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.nat(), fc.integer({ min: 1, max: 60 }))
  .map(([base, from, count]) => {
    const lines = base.text.split('\n');
    const start = from % lines.length;
    return { text: lines.slice(start, start + count).join('\n'), uri: base.uri };
  });

const positionsArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });

const params = (salt: number): fc.Parameters<unknown> => ({ numRuns: RUNS, seed: SEED + salt, endOnFailure: RUNS > 1000 });

describe('features: properties on mutated landscape texts (fast-check)', function () {
  this.timeout(Math.max(60_000, RUNS * 200));

  it('windows of the examples (up to 60 lines), mutated: nothing throws, ranges are valid, completion ranges contain the cursor, symbols are named', () => {
    fc.assert(
      fc.property(exampleWindowArb, fc.array(mutationArb, { maxLength: 8 }), positionsArb, (base, mutations, positions) => {
        const { text, spots } = mutate(base.text, mutations);
        checkText(text, base.uri, spots, positions);
      }),
      params(0),
    );
  });

  it('whole examples, mutated: the same properties', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(mutationArb, { maxLength: 8 }), positionsArb, (base, mutations, positions) => {
        const { text, spots } = mutate(base.text, mutations);
        checkText(text, base.uri, spots, positions);
      }),
      { ...params(2), numRuns: Math.max(10, Math.ceil(RUNS / 10)) },
    );
  });

  it('generated small landscapes (block, flow, JSON), mutated: the same properties', () => {
    fc.assert(
      fc.property(generatedArb, fc.array(mutationArb, { maxLength: 4 }), positionsArb, (base, mutations, positions) => {
        const { text, spots } = mutate(base.text, mutations);
        // and every fifth offset of the first 150 characters (keys, quotes and list items of the first lines)
        checkText(text, base.uri, spots, positions, 5);
      }),
      params(1),
    );
  });
});

// ------------------------------------------------------------- regressions of the fuzzing campaign

/** Splits a document at its `|` cursor marker (lines may end in CRLF or CR). */
function at(marked: string): { text: string; position: Position } {
  const i = marked.indexOf('|');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  return { text, position: positionOf(text, i) };
}

function hoverText(h: Hover | null): string {
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
}

const CERTS = `landscape: T
systems:
  EDV:
    role: abap
    connection: direct
    certificates:
      toString:
        - DigiCert Global Root CA
        - |
      sslClientStandard:
        - DigiCert Global Root G2
`;

describe('features: regressions of the fuzzing campaign', () => {
  it('hover on an Object.prototype name in a comment (`# toString`) says nothing and does not throw', () => {
    const r = lintText('file:///t.landscape.yaml', 'landscape: x\n# toString\nsystems: {}');
    assert.equal(hover(r, { line: 1, character: 4 }), null);
    for (const name of PROTO_NAMES) {
      for (const doc of [`landscape: x\n# ${name}\nsystems: {}`, `landscape: x\nsystems:\n  A:\n    role: abap\n    description: uses ${name}\n    profile:\n      ${name}: x\n    destinations:\n      ${name}: { type: H }\n`]) {
        const { text, position } = at(doc.replace(name, `${name.slice(0, 2)}|${name.slice(2)}`));
        const lines = linesOf(text);
        checkHover(hover(lintText('file:///t.landscape.yaml', text), position), lines);
        const h = hoverText(hover(lintText('file:///t.landscape.yaml', text), position));
        assert.ok(!/function|native code|\[object/.test(h), `${name}: ${h}`);
      }
    }
  });

  it('a certificates key named toString: hover on the key and on its items, completion of its items', () => {
    const { text, position } = at(CERTS);
    const r = lintText('file:///t.landscape.yaml', text);
    const lines = linesOf(text);
    checkHover(hover(r, { line: 6, character: 8 }), lines);
    const item = hoverText(hover(r, { line: 7, character: 14 }));
    assert.ok(item.includes('root CA for the support backbone'), item);
    assert.ok(!item.includes('still lacks'), item);
    const items = completion(r, position);
    assert.ok(items.some((i) => i.label === 'DigiCert Global Root G2'), JSON.stringify(items.map((i) => i.label)));
    checkCompletion(items, position, lines);
    checkCompletion(completion(r, { line: 6, character: 8 }), { line: 6, character: 8 }, lines);
    // the flow form of the same
    const flow = at('landscape: T\nsystems:\n  EDV:\n    role: solman\n    certificates: { toString: [DigiCert Global Root CA, |] }\n');
    const rf = lintText('file:///t.landscape.yaml', flow.text);
    checkCompletion(completion(rf, flow.position), flow.position, linesOf(flow.text));
    assert.ok(hoverText(hover(rf, { line: 4, character: 35 })).includes('root CA'));
  });

  it('completion after a trailing blank of a certificate list item: the range contains the cursor', () => {
    const { text, position } = at(`${CERTS.replace('        - |\n', '')}        - VeriSign Class 3 Public Primary |\n`);
    const items = completion(lintText('file:///t.landscape.yaml', text), position);
    checkCompletion(items, position, linesOf(text));
    const vs = items.find((i) => i.label.startsWith('VeriSign'));
    assert.deepEqual((vs?.textEdit as TextEdit).range, { start: { line: position.line, character: 10 }, end: position });
  });

  it('completion inside an open quote: the range stays on the cursor line and contains the cursor', () => {
    const docs: [string, string][] = [
      ['block value', 'landscape: T\nsystems:\n  A:\n    role: "ab|\n    connection: direct\n'],
      ['block value, CR line breaks', 'landscape: T\rsystems:\r  A:\r    role: "ab|\r    connection: direct\r'],
      ['block value, CRLF line breaks', 'landscape: T\r\nsystems:\r\n  A:\r\n    role: "a|b\r\n    connection: direct\r\n'],
      ['block list item', `${CERTS.replace('        - |\n', '')}        - "DigiCert Gl|obal\n`],
      ['flow list, CR line breaks', 'landscape: T\rsystems:\r  A:\r    role: abap\r    notes: [2576306, "27|\r      ]\r'],
      ['flow list, escaped line break', 'landscape: T\nsystems:\n  A:\n    role: abap\n    taskLists: ["SAP_|\\\n  BASIS"]\n'],
      ['JSON', '{"systems": {"A": {"role": "ab|\r\n}}}'],
    ];
    for (const [what, doc] of docs) {
      const { text, position } = at(doc);
      const uri = what === 'JSON' ? 'file:///t.landscape.json' : 'file:///t.landscape.yaml';
      const r = lintText(uri, text);
      const lines = linesOf(text);
      const items = completion(r, position);
      // the YAML parser does not read a lone CR as a line break (the positions do): no items there
      if (!/\r(?!\n)/.test(text)) assert.ok(items.length > 0, `${what}: no items`);
      checkCompletion(items, position, lines);
      const ctx = cursorContext(r.doc, position);
      assert.ok(ctx.kind !== 'none', what);
      checkEditRange(ctx.range, position, lines, `${what}: cursor context`);
    }
  });

  it('document symbols of "" keys have a visible name', () => {
    const text = 'landscape: ""\ncommunicationUsers:\n  "": { description: x }\ntracks:\n  "": [""]\n  " ": []\nsystems:\n  "":\n    role: abap\n';
    const symbols = documentSymbols(lintText('file:///t.landscape.yaml', text));
    checkSymbols(symbols, linesOf(text));
    const names: string[] = [];
    const walk = (ss: DocumentSymbol[]): void => ss.forEach((s) => (names.push(s.name), walk(s.children ?? [])));
    walk(symbols);
    assert.ok(names.includes('""') && names.includes('" "'), names.join(', '));
  });
});
