import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { lintText } from '../../server/src/core/lint';
import { documentSymbols } from '../../server/src/features/symbols';
import { ROOT } from '../support/helpers';

function read(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Every child lies in its parent, every selection range in its range. */
function checkNesting(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection outside range`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name} outside ${parent.name}`);
    checkNesting(s.children ?? [], s);
  }
}

function child(s: DocumentSymbol | undefined, name: string): DocumentSymbol | undefined {
  return s?.children?.find((c) => c.name === name);
}

describe('features/symbols', () => {
  const acme = lintText('file:///acme.landscape.yaml', read('acme.landscape.yaml'));
  const [root] = documentSymbols(acme);

  it('the landscape is the root, named by its `landscape` value', () => {
    assert.equal(root.name, 'ACME Production Landscape');
    assert.equal(root.kind, SymbolKind.Package);
    assert.deepEqual(root.children?.map((c) => c.name), ['Communication users', 'Tracks', 'Systems']);
    checkNesting([root]);
  });

  it('communication users with their descriptions', () => {
    const users = child(root, 'Communication users');
    assert.equal(users?.children?.length, 6);
    assert.equal(users?.children?.[1].name, 'S0023456790');
    assert.equal(users?.children?.[1].detail, 'Solution Manager SOL');
  });

  it('tracks with their systems in transport order', () => {
    const tracks = child(root, 'Tracks');
    assert.deepEqual(tracks?.children?.map((t) => t.name), ['ERP', 'BW', 'S4']);
    const erp = child(tracks, 'ERP');
    assert.equal(erp?.detail, 'EDV → EQA → EPR');
    assert.deepEqual(erp?.children?.map((s) => s.name), ['EDV', 'EQA', 'EPR']);
    assert.equal(erp?.children?.[0].kind, SymbolKind.Class);
  });

  it('systems in file order, with SID as name and role, description and release as detail', () => {
    const systems = child(root, 'Systems');
    assert.deepEqual(systems?.children?.map((s) => s.name), ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'FRN', 'CRP', 'PIP', 'SBX', 'GRP']);
    assert.equal(child(systems, 'EDV')?.detail, 'ABAP · ERP development · SAP_BASIS 731 SP19');
    assert.equal(child(systems, 'EDV')?.kind, SymbolKind.Class);
    const sol = child(systems, 'SOL');
    assert.equal(sol?.kind, SymbolKind.Module);
    // the role is not repeated when the description names it
    assert.equal(sol?.detail, 'SAP Solution Manager 7.2 · release 7.2 SPS07, SAP_BASIS 740 SP19');
    assert.equal(child(systems, 'FRN')?.kind, SymbolKind.Event);
  });

  it('issue 14: every symbol contains only its own entry, so sticky scroll and the breadcrumb show the right parent', () => {
    const text = read('acme.landscape.yaml');
    const lines = text.split('\n');
    const systems = child(root, 'Systems')!;
    // the group starts at `systems:` and ends where the file's systems end
    assert.equal(systems.selectionRange.start.line, lines.findIndex((l) => l === 'systems:'));
    assert.equal(systems.range.start.line, lines.findIndex((l) => l === 'systems:'));
    // no sibling symbol overlaps another: each line belongs to at most one system
    const kids = systems.children!;
    for (let i = 1; i < kids.length; i++) assert.ok(kids[i - 1].range.end.line < kids[i].range.start.line, `${kids[i - 1].name} overlaps ${kids[i].name}`);
    // the innermost symbol at SOL's `role:` line is SOL, whose parent is Systems (was "ABAP systems", spanning EDV…FRN)
    const solRole = lines.findIndex((l, i) => i > kids.find((k) => k.name === 'SOL')!.range.start.line && /^ {4}role:/.test(l));
    const chain: string[] = [];
    let level: DocumentSymbol[] | undefined = [root];
    while (level) {
      const hit: DocumentSymbol | undefined = level.find((s) => s.range.start.line <= solRole && solRole <= s.range.end.line);
      if (!hit) break;
      chain.push(hit.name);
      level = hit.children;
    }
    assert.deepEqual(chain, ['ACME Production Landscape', 'Systems', 'SOL']);
  });

  it('a system covers its whole entry and selects its SID', () => {
    const text = read('acme.landscape.yaml');
    const lines = text.split('\n');
    const edv = child(child(root, 'Systems'), 'EDV')!;
    const line = lines.findIndex((l) => l === '  EDV:');
    assert.deepEqual(edv.selectionRange, { start: { line, character: 2 }, end: { line, character: 5 } });
    assert.equal(edv.range.start.line, line);
    const eqa = lines.findIndex((l) => l === '  EQA:');
    assert.ok(edv.range.end.line >= eqa - 3 && edv.range.end.line < eqa, `EDV ends at ${edv.range.end.line}, EQA starts at ${eqa}`);
  });

  it('JSON gives the same outline as YAML', () => {
    const names = (s: DocumentSymbol): unknown => ({ name: s.name, detail: s.detail, kind: s.kind, children: (s.children ?? []).map(names) });
    const y = documentSymbols(lintText('file:///clean.landscape.yaml', read('clean.landscape.yaml')));
    const j = documentSymbols(lintText('file:///clean.landscape.json', read('clean.landscape.json')));
    assert.deepEqual(j.map(names), y.map(names));
    checkNesting(j);
  });

  it('empty and broken documents give no or partial outlines without throwing', () => {
    assert.deepEqual(documentSymbols(lintText('file:///e.landscape.yaml', '')), []);
    const partial = documentSymbols(lintText('file:///p.landscape.yaml', 'landscape: X\nsystems:\n  EDV:\n    role: ab'));
    assert.equal(partial[0].name, 'X');
    assert.deepEqual(partial[0].children?.map((c) => c.name), ['Systems']);
    assert.equal(partial[0].children?.[0].children?.[0].detail, 'no valid role');
    checkNesting(partial);
  });
});
