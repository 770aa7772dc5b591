import { strict as assert } from 'assert';
import fc from 'fast-check';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fuzzParameters, landscapeArb } from '../property/arbitraries';
import { assertPublished, generateLandscape, lintAsServer, LoggingClient, sleep, within } from './loadKit';

/**
 * The server under a burst of edits and requests, as an editor produces it while the user types:
 * the last publish carries the final version and exactly the diagnostics of the final text, every
 * request is answered (a result, or RequestCancelled when it was cancelled), and the server stays
 * up. Short by default; FUZZ_RUNS=200 FUZZ_SEED=… for long runs.
 */

type Method = 'hover' | 'completion' | 'documentSymbol' | 'codeLens';
type Op =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'deleteLines'; line: number; count: number }
  | { kind: 'two'; a: number; b: number; text: string }
  | { kind: 'request'; method: Method; at: number; cancel: 'no' | 'now' | 'soon'; delay: number }
  | { kind: 'pause'; ms: number };

/** Pieces of YAML and JSON syntax (and plain junk) that edits insert: most break the structure for a while. */
const SNIPPETS = ['\n', ' ', '  ', ':', ': ', '- ', '{', '}', '[', ']', ',', '"', "'", '#', '&a ', '*a', '\t', '\r\n', '|\n', '? ', '---\n',
  'role: abap', '\n  XQ1:\n    role: abap\n    basis: 731 SP19\n', 'notes: [2408073]', 'x', '😀'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 2 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteLines' as const), line: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('two' as const), a: fc.nat(), b: fc.nat(), text: fc.constantFrom(...SNIPPETS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom<Method>('hover', 'completion', 'documentSymbol', 'codeLens'), at: fc.nat(), cancel: fc.constantFrom('no' as const, 'no' as const, 'now' as const, 'soon' as const), delay: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 15 }) }, { weight: 1, arbitrary: fc.integer({ min: 210, max: 260 }) }) }) },
);

const caseArb = fc.record({
  file: landscapeArb,
  /** landscapeLint.maxDiagnostics: small caps make the cap take effect on most files. */
  max: fc.oneof(fc.constant(1000), fc.integer({ min: 1, max: 25 })),
  ops: fc.array(opArb, { minLength: 1, maxLength: 40 }),
});

/** The incremental change(s) of an edit on the client's copy of the text. */
function changesOf(doc: TextDocument, op: Exclude<Op, { kind: 'request' | 'pause' }>): TextDocumentContentChangeEvent[] {
  const len = doc.getText().length;
  const pos = (offset: number): ReturnType<TextDocument['positionAt']> => doc.positionAt(offset % (len + 1));
  switch (op.kind) {
    case 'insert': {
      const p = pos(op.at);
      return [{ range: { start: p, end: p }, text: op.text }];
    }
    case 'delete': {
      const start = op.at % (len + 1);
      return [{ range: { start: doc.positionAt(start), end: doc.positionAt(Math.min(len, start + op.length)) }, text: '' }];
    }
    case 'deleteLines': {
      const line = op.line % doc.lineCount;
      return [{ range: { start: { line, character: 0 }, end: { line: line + op.count, character: 0 } }, text: '' }];
    }
    case 'two': {
      // two changes in one notification, applied in order (the second against the text after the first)
      const p = pos(op.a);
      const after = TextDocument.update(TextDocument.create(doc.uri, doc.languageId, 0, doc.getText()), [{ range: { start: p, end: p }, text: op.text }], 1);
      const q = after.positionAt(op.b % (after.getText().length + 1));
      return [{ range: { start: p, end: p }, text: op.text }, { range: { start: q, end: after.positionAt(Math.min(after.getText().length, after.offsetAt(q) + 3)) }, text: '' }];
    }
  }
}

const METHODS: Record<Method, string> = { hover: 'textDocument/hover', completion: 'textDocument/completion', documentSymbol: 'textDocument/documentSymbol', codeLens: 'textDocument/codeLens' };

describe('language server under a burst of edits and requests (built server)', function () {
  this.timeout(0);
  let client: LoggingClient;
  before(async () => {
    client = new LoggingClient();
    await client.start();
  });
  after(async () => client?.stop());

  it('property: the last publish is the final version\'s diagnostics (capped), every request is answered, the server stays up', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(caseArb, async ({ file, max, ops }) => {
      run++;
      const ext = file.uri.endsWith('.json') ? '.json' : '.yaml';
      const uri = `file:///virtual/burst-${run}.landscape${ext}`;
      const languageId = ext === '.json' ? 'json' : 'yaml';
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { landscapeLint: { maxDiagnostics: max } } });
      let doc = TextDocument.create(uri, languageId, 1, file.text);
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: file.text } });
      const answers: Promise<{ method: Method; cancelled: boolean; error?: unknown }>[] = [];
      for (const op of ops) {
        if (op.kind === 'pause') {
          await sleep(op.ms);
        } else if (op.kind === 'request') {
          const position = doc.positionAt(op.at % (doc.getText().length + 1));
          const params = op.method === 'hover' || op.method === 'completion' ? { textDocument: { uri }, position } : { textDocument: { uri } };
          const source = new CancellationTokenSource();
          const cancelled = op.cancel !== 'no';
          answers.push(client.conn.sendRequest(METHODS[op.method], params, source.token).then(
            () => ({ method: op.method, cancelled }),
            (error: unknown) => ({ method: op.method, cancelled, error }),
          ));
          if (op.cancel === 'now') source.cancel();
          else if (op.cancel === 'soon') setTimeout(() => source.cancel(), op.delay);
        } else {
          const changes = changesOf(doc, op);
          doc = TextDocument.update(doc, changes, doc.version + 1);
          await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
        }
      }
      const outcomes = await within(Promise.all(answers), 60_000);
      assert.ok(outcomes, 'every request is answered');
      for (const o of outcomes) {
        if (!o.error) continue;
        // only a cancelled request may fail, and only with RequestCancelled (-32800)
        assert.ok(o.cancelled && o.error instanceof ResponseError && o.error.code === -32800, `${o.method}: ${String(o.error)}`);
      }
      const last = await client.settled(uri, doc.version);
      const versions = client.publishesOf(uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b).filter((v, i, all) => all.indexOf(v) === i), `publishes in version order, each once: ${versions.join(', ')}`);
      assert.equal(last.version, doc.version, 'the last publish carries the final version');
      assertPublished(last, lintAsServer(uri, doc.getText()).findings, max);
      assert.ok(client.alive(), 'the server is still running');
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }), fuzzParameters(5));
  });

  it('100 fast edits with a hover after every 10th on 1,000 systems: every hover answers, a handful of lints, the final version published', async () => {
    const text = generateLandscape(1000);
    const uri = 'file:///virtual/thousand.landscape.yaml';
    let doc = TextDocument.create(uri, 'yaml', 1, text);
    const lintsBefore = client.lintsOf('thousand.landscape.yaml').length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { landscapeLint: {} } });
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const descriptions = text.split('\n').flatMap((l, i) => (l.startsWith('    description: generated') ? [i] : []));
    const hovers: Promise<unknown>[] = [];
    for (let e = 1; e <= 100; e++) {
      const line = descriptions[(e * 37) % descriptions.length];
      const end = doc.getText().split('\n')[line].length;
      const changes = [{ range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }];
      doc = TextDocument.update(doc, changes, doc.version + 1);
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
      if (e % 10 === 0) hovers.push(client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: line - 2, character: 3 } }));
    }
    const answered = await within(Promise.allSettled(hovers), 120_000);
    assert.ok(answered, 'every hover answers');
    for (const a of answered) assert.equal(a.status, 'fulfilled', String((a as PromiseRejectedResult).reason));
    const last = await client.settled(uri, doc.version);
    assert.equal(last.diagnostics.length, 1000, 'capped at 1000 in all, the summaries included (VS Code shows no more)');
    const lints = client.lintsOf('thousand.landscape.yaml').slice(lintsBefore);
    // at most: the opened version, one per hover, the debounced final version; in practice 1 or 2
    assert.ok(lints.length <= 12, `${lints.length} lints for 100 edits and 10 hovers:\n${lints.join('\n')}`);
    assert.ok(lints.some((l) => / v101: /.test(l)), 'the final version is linted');
    assert.equal(new Set(lints.map((l) => / v(\d+): /.exec(l)![1])).size, lints.length, `no version linted twice:\n${lints.join('\n')}`);
    assert.ok(client.alive());
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('a request cancelled before the server reads it is answered with RequestCancelled and lints nothing', async () => {
    const uri = 'file:///virtual/cancel.landscape.yaml';
    const busy = 'file:///virtual/busy.landscape.yaml';
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: generateLandscape(30) } });
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: busy, languageId: 'yaml', version: 1, text: generateLandscape(300) } });
    await client.settled(uri, 1);
    await client.settled(busy, 1);
    const lintsBefore = client.lintsOf('cancel.landscape.yaml').length;
    // the server lints version 2 of the big file for the outline; meanwhile the edit, the request
    // and its cancellation arrive, and the server reads them together once the lint is done
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: busy, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }] });
    const outline = client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: busy } });
    await sleep(30);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }] });
    const source = new CancellationTokenSource();
    const symbols = client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(symbols, (e: unknown) => e instanceof ResponseError && e.code === -32800);
    assert.ok(Array.isArray(await outline));
    assert.equal(client.lintsOf('cancel.landscape.yaml').length, lintsBefore, 'the cancelled request ran no lint');
    await client.settled(uri, 2);
    assert.equal(client.lintsOf('cancel.landscape.yaml').length, lintsBefore + 1, 'the debounced version 2 is linted once');
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: busy } });
  });
});
