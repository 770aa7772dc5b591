import { strict as assert } from 'assert';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../support/lspClient';
import { dedent } from '../support/helpers';

const DOC = dedent(`
  landscape: LSP feature test
  communicationUsers:
    S0023456789: { description: sandbox }
  systems:
    SBX:
      role: abap
      description: Sandbox
      connection: direct
      basis: 731 SP19
      noteAssistant:
        tci: false
      notes: [2738426]
      taskLists: [SAP_BASIS_CONFIG_OSS_COMM]
      communicationUser: S0023456789
`);

function lineOf(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + 1 };
}

function markdown(h: Hover | null): string {
  assert.ok(h, 'no hover');
  return (h!.contents as MarkupContent).value;
}

describe('editor features over plain LSP (built server)', function () {
  this.timeout(30_000);
  let client: TestLspClient;
  const uri = 'file:///virtual/features.landscape.yaml';

  beforeEach(async () => {
    client = new TestLspClient();
    await client.initialize(null, { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } });
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: DOC } });
    await client.waitFor((p) => p.uri === uri && p.version === 1);
  });
  afterEach(async () => client.stop());

  it('the digital-signature diagnostic on 731 SP19 offers a fix that clears it', async () => {
    const pub = await client.waitFor((p) => p.uri === uri && p.version === 1);
    const diag = pub.diagnostics.find((d) => d.code === 'na-digital-signature') as Diagnostic;
    assert.ok(diag, JSON.stringify(pub.diagnostics.map((d) => d.code)));
    // this client announces no related information: the system and the whole message (issue 14)
    assert.equal(diag.message, 'SBX: SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2546220/2508268');
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred && a.diagnostics?.some((d) => d.code === 'na-digital-signature'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edits = fix!.edit!.changes![uri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, DOC), edits);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.waitFor((p) => p.uri === uri && p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'na-digital-signature'), JSON.stringify(after.diagnostics.map((d) => d.message)));
    assert.ok(!after.diagnostics.some((d) => d.code === 'schema' || d.code === 'yaml-syntax'));
  });

  it('hovering note 2738426 explains task list SAP_BASIS_CONFIG_OSS_COMM; hovering the task list names STC01', async () => {
    const noteHover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: lineOf(DOC, '2738426') })) as Hover;
    assert.match(markdown(noteHover), /SAP_BASIS_CONFIG_OSS_COMM/);
    assert.match(markdown(noteHover), /me\.sap\.com\/notes\/2738426/);
    const tlHover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: lineOf(DOC, 'SAP_BASIS_CONFIG_OSS_COMM') })) as Hover;
    assert.match(markdown(tlHover), /STC01/);
  });

  it('completion after `role: ` offers abap, solman and frun', async () => {
    const text = DOC.replace('role: abap', 'role: ');
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    const pos = lineOf(text, 'role: ');
    const items = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: pos.line, character: pos.character - 1 + 'role: '.length } })) as CompletionItem[] | { items: CompletionItem[] };
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    for (const role of ['abap', 'solman', 'frun']) assert.ok(labels.includes(role), labels.join(', '));
  });

  it('code lens shows each system\'s readiness and the checklist request answers', async () => {
    const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { range: { start: { line: number } }; command: { title: string } }[];
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, DOC.split('\n').findIndex((l) => l.startsWith('  SBX:')));
    assert.match(lenses[0].command.title, /^✗ \d+\/\d+ checklist items done/);
    const checklist = (await client.conn.sendRequest('landscapeLint/checklist', { uri })) as { systems: { sid: string; done: number; total: number; status: string }[] };
    assert.equal(checklist.systems[0].sid, 'SBX');
    assert.equal(checklist.systems[0].status, 'red');
    assert.ok(lenses[0].command.title.includes(`${checklist.systems[0].done}/${checklist.systems[0].total}`));
    const report = (await client.conn.sendRequest('landscapeLint/report', { uri, format: 'markdown' })) as { content?: string } | string | null;
    assert.ok(report);
  });

  it('the landscape map request answers the map model of the open document; an unknown file gets null', async () => {
    const map = (await client.conn.sendRequest('landscapeLint/map', { uri })) as { uri: string; systems: { sid: string; status: string; lane: string }[]; lanes: { id: string }[] } | null;
    assert.ok(map);
    assert.equal(map.uri, uri);
    assert.deepEqual(map.systems.map((s) => `${s.sid} ${s.status} ${s.lane}`), ['SBX red role:abap']);
    assert.deepEqual(map.lanes.map((l) => l.id), ['role:abap']);
    assert.equal(await client.conn.sendRequest('landscapeLint/map', { uri: 'file:///nowhere/unknown.landscape.yaml' }), null);
  });

  it('the outline lists the systems', async () => {
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const names: string[] = [];
    const walk = (s: DocumentSymbol[]): void => s.forEach((x) => { names.push(x.name); walk(x.children ?? []); });
    walk(symbols);
    assert.ok(names.includes('SBX'), names.join(', '));
  });
});

describe('Problems panel headlines over LSP (issue 14, built server)', function () {
  this.timeout(30_000);
  const uri = 'file:///virtual/headline.landscape.yaml';

  it('a client that shows related information gets "<SID>: <headline>" and the how-to as the first related information', async () => {
    const client = new TestLspClient();
    try {
      await client.initialize(null, { textDocument: { publishDiagnostics: { relatedInformation: true } } });
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: DOC } });
      const pub = await client.waitFor((p) => p.uri === uri && p.version === 1);
      const diag = pub.diagnostics.find((d) => d.code === 'na-digital-signature') as Diagnostic;
      assert.ok(diag, JSON.stringify(pub.diagnostics.map((d) => d.code)));
      assert.equal(diag.message, 'SBX: SAP Notes 2408073/2546220/2508268 for digitally signed SAP Notes not implemented');
      assert.equal(diag.relatedInformation?.[0]?.message, 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2546220/2508268');
      assert.deepEqual(diag.relatedInformation?.[0]?.location, { uri, range: diag.range });
      // every diagnostic of a system names it first
      for (const d of pub.diagnostics) assert.match(d.message, /^SBX: /, d.message);
    } finally {
      await client.stop();
    }
  });
});
