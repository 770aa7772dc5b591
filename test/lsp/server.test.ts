import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestLspClient } from '../support/lspClient';
import { ROOT } from '../support/helpers';

const BROKEN = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'broken.landscape.yaml'), 'utf8');

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: TestLspClient;
  afterEach(async () => client?.stop());

  it('publishes diagnostics for the opened version with code, source and docs link', async () => {
    client = new TestLspClient();
    const init = (await client.initialize()) as { capabilities: { textDocumentSync: { change: number } }; serverInfo: { name: string } };
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(init.serverInfo.name, 'landscape-language-server');
    const uri = 'file:///virtual/a.landscape.yaml';
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: BROKEN } });
    const pub = await client.waitFor((p) => p.uri === uri);
    assert.equal(pub.version, 1);
    const d = pub.diagnostics.find((x) => x.code === 'schema');
    assert.ok(d, JSON.stringify(pub.diagnostics));
    assert.equal(d!.source, 'landscape-lint');
    assert.deepEqual(d!.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 14 } });
    assert.match(d!.codeDescription!.href, /docs\/rules\/schema\.md$/);
  });

  it('after two fast edits publishes only for the last version', async () => {
    client = new TestLspClient();
    await client.initialize();
    const uri = 'file:///virtual/b.landscape.yaml';
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: BROKEN } });
    await client.waitFor((p) => p.uri === uri && p.version === 1);
    const line = 4;
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 4 }, end: { line, character: 14 } }, text: 'descriptio' }],
    });
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character: 4 }, end: { line, character: 14 } }, text: 'description' }],
    });
    const last = await client.waitFor((p) => p.uri === uri && p.version === 3);
    assert.ok(!last.diagnostics.some((x) => x.code === 'schema' && /Unknown key/.test(x.message)), JSON.stringify(last.diagnostics));
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(!client.diagnostics.some((p) => p.uri === uri && p.version === 2), 'a stale version was published');
  });

  it('validates landscape files of the workspace folder at startup (closed files too)', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-ws-'));
    fs.mkdirSync(path.join(tmp, 'sub'));
    fs.writeFileSync(path.join(tmp, 'sub', 'x.landscape.yaml'), BROKEN);
    fs.writeFileSync(path.join(tmp, 'ignored.yaml'), BROKEN);
    client = new TestLspClient();
    await client.initialize(pathToFileURL(tmp).toString());
    const uri = pathToFileURL(path.join(tmp, 'sub', 'x.landscape.yaml')).toString();
    const pub = await client.waitFor((p) => p.uri === uri);
    assert.ok(pub.diagnostics.some((d) => d.code === 'schema'));
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!client.diagnostics.some((p) => p.uri.endsWith('ignored.yaml')));
  });

  it('checks an untitled document opened with the landscape language id', async () => {
    client = new TestLspClient();
    await client.initialize();
    const uri = 'untitled:Untitled-1';
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sap-landscape-yaml', version: 1, text: BROKEN } });
    const pub = await client.waitFor((p) => p.uri === uri);
    assert.ok(pub.diagnostics.some((d) => d.code === 'schema'));
    const other = 'untitled:Untitled-2';
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: BROKEN } });
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(!client.diagnostics.some((p) => p.uri === other), 'a plain YAML document was checked');
  });

  it('closing a document that is not a landscape file publishes nothing for it', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-close-'));
    fs.writeFileSync(path.join(tmp, 'docker.yaml'), 'services: {}\n');
    client = new TestLspClient();
    await client.initialize(pathToFileURL(tmp).toString());
    const uri = pathToFileURL(path.join(tmp, 'docker.yaml')).toString();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'services: {}\n' } });
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!client.diagnostics.some((p) => p.uri === uri && p.diagnostics.length > 0), JSON.stringify(client.diagnostics.map((p) => p.uri)));
  });

  it('a file opened under the client\'s URI encoding is not overwritten by its disk version', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-enc-'));
    const dir = path.join(tmp, 'SAP (prod)');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'x.landscape.yaml');
    fs.writeFileSync(file, BROKEN);
    client = new TestLspClient();
    // VS Code encodes ( and ) as %28 and %29; Node's pathToFileURL does not
    const vscodeUri = `file://${file.split('/').map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/')}`;
    await client.initialize(pathToFileURL(tmp).toString());
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: vscodeUri, languageId: 'yaml', version: 1, text: BROKEN.replace('descripton', 'description') } });
    await client.waitFor((p) => p.uri === vscodeUri && p.version === 1);
    await new Promise((r) => setTimeout(r, 800));
    const forFile = client.diagnostics.filter((p) => decodeURIComponent(p.uri) === decodeURIComponent(vscodeUri));
    const last = forFile[forFile.length - 1];
    assert.equal(last.version, 1, 'the disk version was published after the open one');
    assert.ok(!last.diagnostics.some((d) => d.code === 'schema'));
    const checklist = await client.conn.sendRequest('landscapeLint/checklist', { uri: vscodeUri });
    assert.ok(checklist, 'checklist for the client-encoded URI');
  });

  it('code actions ignore diagnostics of an older version (their indexes point elsewhere)', async () => {
    client = new TestLspClient();
    await client.initialize();
    const uri = 'file:///virtual/stale.landscape.yaml';
    const v1 = 'landscape: T\ncommunicationUsers:\n  S0000000001: {}\nsystems:\n  EDV: { role: abap, connection: none, basis: 754 SP02, noteAssistant: { download: download-service }, communicationUser: S0000000001 }\n';
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: v1 } });
    const pub = await client.waitFor((p) => p.uri === uri && p.version === 1);
    const old = pub.diagnostics.find((d) => d.code === 'na-trust-anchors')!;
    const v2 = v1.replace('systems:\n', 'systems:\n  AAA: { role: abap, connection: none, basis: 754 SP02, communicationUser: S0000000001 }\n');
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: v2 }] });
    await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: old.range, context: { diagnostics: [old] } })) as unknown[];
    assert.deepEqual(actions, []);
  });

  it('survives garbage documents without crashing', async () => {
    client = new TestLspClient();
    await client.initialize();
    const uri = 'file:///virtual/c.landscape.json';
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: '{{{ not json' } });
    const pub = await client.waitFor((p) => p.uri === uri);
    assert.ok(pub.diagnostics.length >= 1);
    assert.equal(client.proc.exitCode, null);
  });

  it('refuses to start without a transport flag', async () => {
    const { spawnSync } = await import('child_process');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'server.js')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--stdio/);
  });
});
