import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { assertPublished, generateLandscape, lintAsServer, LoggingClient, sleep, within } from './loadKit';

/** The server's limits: the cap on diagnostics per file, and files on disk that are no files (FIFOs). */
describe('language server limits (built server)', function () {
  this.timeout(60_000);
  let client: LoggingClient;
  afterEach(async () => client?.stop());

  it('a file with 3,000 findings publishes 1,000 in all: errors first, then one summary per rule with findings left out (issue 14); quick-fixes of capped diagnostics; the setting is honoured when changed', async () => {
    const uri = 'file:///virtual/many.landscape.yaml';
    const text = generateLandscape(500);
    const { findings } = lintAsServer(uri, text);
    assert.ok(findings.length >= 3000, `${findings.length} findings`);
    client = new LoggingClient();
    await client.start();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const pub = await client.settled(uri, 1);
    // VS Code shows at most 1,000 per file: the summaries are within them
    assert.equal(pub.diagnostics.length, 1000);
    assertPublished(pub, findings, 1000);
    const summaries = pub.diagnostics.filter((d) => d.code === 'too-many-problems');
    const keptCount = 1000 - summaries.length;
    assert.ok(summaries.length >= 2, `${summaries.length} summaries: one per rule with hidden findings`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    assert.ok(errors > 1000 && pub.diagnostics.slice(0, keptCount).every((d) => d.severity === 1), 'more than 1000 errors: only errors are shown');

    // a quick-fix of a shown diagnostic whose finding index differs from its place in the list
    const shown = pub.diagnostics.slice(0, keptCount);
    const pick = [...shown].reverse().find((d) => {
      const index = (d.data as { index: number }).index;
      return index !== shown.indexOf(d) && findings[index].fixes?.length;
    }) as Diagnostic;
    assert.ok(pick, 'a capped diagnostic with a fix');
    const finding = findings[(pick.data as { index: number }).index];
    assert.equal(`${finding.system}: ${finding.message}`, pick.message);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: pick.range, context: { diagnostics: [pick] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === finding.fixes![0].title);
    assert.ok(fix, `${finding.fixes![0].title} in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.deepEqual(fix!.edit!.changes![uri] as TextEdit[], finding.fixes![0].edits);
    assert.equal(fix!.diagnostics?.[0]?.message, pick.message);
    // the summary has no finding behind it: no quick-fix
    const none = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: summaries[0].range, context: { diagnostics: [summaries[0]] } })) as CodeAction[];
    assert.deepEqual(none.filter((a) => a.diagnostics?.some((d) => d.code === 'too-many-problems')), []);

    // a smaller cap: published again for the same version, without a new lint
    const lints = client.lintsOf('many.landscape.yaml').length;
    let next = client.next((p) => p.uri === uri);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { landscapeLint: { maxDiagnostics: 50 } } });
    assert.equal((await next).diagnostics.length, 50);
    const small = await client.settled(uri, 1);
    assert.equal(small.version, 1);
    assertPublished(small, findings, 50);
    // a larger one than the errors: errors, then warnings by position, no infos
    next = client.next((p) => p.uri === uri);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { landscapeLint: { maxDiagnostics: errors + 10 } } });
    assert.equal((await next).diagnostics.length, errors + 10);
    const mixed = await client.settled(uri, 1);
    assertPublished(mixed, findings, errors + 10);
    const mixedSummaries = mixed.diagnostics.filter((d) => d.code === 'too-many-problems').length;
    assert.equal(mixed.diagnostics.filter((d) => d.severity === 2).length, 10 - mixedSummaries);
    assert.equal(mixed.diagnostics.filter((d) => d.severity === 3).length, mixedSummaries, 'only the summaries are informations');
    assert.equal(client.lintsOf('many.landscape.yaml').length, lints, 'a change of the cap publishes again without linting');
    // a malformed value falls back to the default
    next = client.next((p) => p.uri === uri);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { landscapeLint: { maxDiagnostics: 0 } } });
    assert.equal((await next).diagnostics.length, 1000);
    assert.ok(client.logs.some((l) => /maxDiagnostics: 0 ignored/.test(l)));
  });

  it('the cap comes with the initialization options too', async () => {
    const uri = 'file:///virtual/init.landscape.yaml';
    const text = generateLandscape(20);
    const { findings } = lintAsServer(uri, text);
    client = new LoggingClient();
    await client.start({ settings: { maxDiagnostics: 7 } });
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const pub = await client.settled(uri, 1);
    assert.ok(pub.diagnostics.length <= 7, `${pub.diagnostics.length} published`);
    assertPublished(pub, findings, 7);
  });

  it('FIFOs named like landscape files or the configuration file never block the server', async function () {
    if (process.platform === 'win32' || spawnSync('mkfifo', ['--version']).error) this.skip();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-fifo-'));
    const fifo = path.join(tmp, 'x.landscape.yaml');
    const sub = path.join(tmp, 'sub');
    fs.mkdirSync(sub);
    const configFifo = path.join(sub, '.landscape-lint.json');
    for (const p of [fifo, configFifo]) assert.equal(spawnSync('mkfifo', [p]).status, 0, `mkfifo ${p}`);
    const broken = 'landscape: T\nsystems:\n  SBX:\n    role: abap\n    descripton: typo\n';
    fs.writeFileSync(path.join(tmp, 'y.landscape.yaml'), broken);
    fs.writeFileSync(path.join(sub, 'z.landscape.yaml'), broken);
    try {
      client = new LoggingClient();
      await client.start({ rootUri: pathToFileURL(tmp).toString() });
      // the scan checks the regular files, the one below the configuration FIFO too
      await client.waitFor((p) => p.uri.endsWith('/y.landscape.yaml'));
      await client.waitFor((p) => p.uri.endsWith('/z.landscape.yaml'));
      // the file watcher reports them
      const changes = [fifo, configFifo].flatMap((p) => [1, 2].map((type) => ({ uri: pathToFileURL(p).toString(), type })));
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.filter((c) => c.uri.endsWith('.yaml')) });
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
      const uri = pathToFileURL(path.join(tmp, 'open.landscape.yaml')).toString();
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: broken } });
      const hover = await within(client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 6 } }), 10_000);
      assert.notEqual(hover, undefined, 'the hover is answered');
      await client.settled(uri, 1);
      assert.ok(!client.diagnostics.some((p) => p.uri.endsWith('/x.landscape.yaml') && p.diagnostics.length), 'nothing published for the FIFO');
      assert.ok(client.logs.some((l) => l.includes('x.landscape.yaml') && /not checked/.test(l)), client.logs.join('\n'));
      assert.ok(client.alive());
      await sleep(10);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
