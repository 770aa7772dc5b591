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
    assert.match(d!.codeDescription!.href, /rules\.md#schema$/);
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
