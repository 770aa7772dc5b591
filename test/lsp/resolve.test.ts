import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../server/src/core/diagnostics';
import { lintText } from '../../server/src/core/lint';
import { codeActions, combineFixes, fixAllDataOf, resolveFixAll } from '../../server/src/features/codeActions';
import { fuzzParameters, landscapeArb, mutatedLandscapeArb } from '../property/arbitraries';
import { generateLandscape, lintAsServer, LoggingClient } from './loadKit';

/** What a client that resolves code actions says in `initialize` (as VS Code and Neovim do). */
const RESOLVING = { textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } };

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Findings of a rule that have a preferred fix (fix-all applies those). */
function preferredOf(findings: ReturnType<typeof lintAsServer>['findings'], ruleId: string): number {
  return findings.filter((f) => f.ruleId === ruleId && f.fixes?.some((x) => x.isPreferred && x.edits.length)).length;
}

/**
 * Fix-all over `codeAction/resolve` (the built server): clients that resolve code actions get the
 * fix-all actions without their edit, and the edit when they resolve one; other clients get it at once.
 */
describe('fix-all resolved lazily (built server)', function () {
  this.timeout(60_000);
  const uri = 'file:///virtual/resolve.landscape.yaml';
  const text = generateLandscape(30);
  const expected = lintAsServer(uri, text);
  // a diagnostic whose rule has several findings with a preferred fix
  const ruleId = ['na-digital-signature', 'plugin-st-pi', 'ssl-certificates'].find((id) => preferredOf(expected.findings, id) > 2)!;
  let client: LoggingClient;
  afterEach(async () => client?.stop());

  async function open(capabilities: Record<string, unknown>): Promise<Diagnostic[]> {
    client = new LoggingClient();
    await client.start({ capabilities });
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await client.settled(uri, 1, 200)).diagnostics;
  }

  async function actionsAt(d: Diagnostic): Promise<CodeAction[]> {
    return (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  }

  async function sourceFixAll(): Promise<CodeAction[]> {
    return (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ORIGIN, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
  }

  it('initialize advertises resolveProvider', async () => {
    client = new LoggingClient();
    const init = (await client.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: RESOLVING, workspaceFolders: null })) as { capabilities: { codeActionProvider: unknown } };
    assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll'], resolveProvider: true });
  });

  it('a resolving client gets fix-all without edit, with data; resolving gives the edits combineFixes gives', async () => {
    assert.ok(ruleId, 'the generated landscape has a rule with several preferred fixes');
    const diagnostics = await open(RESOLVING);
    const d = diagnostics.find((x) => x.code === ruleId)!;
    const actions = await actionsAt(d);
    const count = preferredOf(expected.findings, ruleId);
    const fixAll = actions.find((a) => a.title === `Fix all ${ruleId} problems in this file (${count})`);
    assert.ok(fixAll, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fixAll!.edit, undefined, 'no edit before resolve');
    assert.deepEqual(fixAll!.data, { uri, version: 1, ruleId, kind: 'quickfix' });
    // the single fix and the suppression stay eager
    for (const a of actions.filter((x) => x !== fixAll)) assert.ok(a.edit?.changes?.[uri]?.length, `${a.title} carries its edit`);

    const resolved = (await client.conn.sendRequest('codeAction/resolve', fixAll)) as CodeAction;
    const want = combineFixes(expected.findings.filter((f) => f.ruleId === ruleId), expected.doc);
    assert.ok(want.length > 1);
    assert.deepEqual(resolved.edit?.changes?.[uri] as TextEdit[], want);
    assert.equal(resolved.title, fixAll!.title);
    assert.equal(resolved.kind, 'quickfix');

    const [all] = await sourceFixAll();
    assert.equal(all.kind, 'source.fixAll');
    assert.equal(all.edit, undefined);
    assert.deepEqual(all.data, { uri, version: 1, ruleId: 'all', kind: 'source.fixAll' });
    const allResolved = (await client.conn.sendRequest('codeAction/resolve', all)) as CodeAction;
    assert.deepEqual(allResolved.edit?.changes?.[uri] as TextEdit[], combineFixes(expected.findings, expected.doc));
    assert.equal(client.lintsOf('resolve.landscape.yaml').length, 1, 'resolving a version\'s action reuses its lint');
    assert.equal(client.logs.filter((l) => /fix-all .* resolved to \d+ edits in \d+ ms/.test(l)).length, 2);
  });

  it('resolving after the document changed uses the current version; with nothing left, the action comes back without edit', async () => {
    await open(RESOLVING);
    const [all] = await sourceFixAll();
    // an edit that fixes nothing: the current version still has the same problems, one line lower
    const v2 = `# a comment\n${text}`;
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: ORIGIN, text: '# a comment\n' }] });
    const moved = (await client.conn.sendRequest('codeAction/resolve', all)) as CodeAction;
    const now = lintAsServer(uri, v2);
    assert.deepEqual(moved.edit?.changes?.[uri] as TextEdit[], combineFixes(now.findings, now.doc));
    assert.ok(client.logs.some((l) => /resolve\.landscape\.yaml v2: fix-all all resolved to \d+ edits in \d+ ms \(offered for v1\)/.test(l)), client.logs.join('\n'));

    // fixed until nothing is left to fix: the stale action resolves to no edit at all (never an empty one)
    let current = v2;
    for (let version = 3; version < 12; version++) {
      const r = lintAsServer(uri, current);
      const edits = combineFixes(r.findings, r.doc);
      if (!edits.length) break;
      current = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', version, current), edits);
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: current }] });
    }
    assert.deepEqual(await sourceFixAll(), [], 'nothing left to fix: source.fixAll is no longer offered');
    const stale = (await client.conn.sendRequest('codeAction/resolve', all)) as CodeAction;
    assert.equal(stale.edit, undefined);
    assert.equal(stale.title, all.title);
  });

  it('a client without resolve support (or without data support) gets the edits at once', async () => {
    for (const capabilities of [{}, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } }, { textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['command'] } } } }]) {
      const diagnostics = await open(capabilities);
      const d = diagnostics.find((x) => x.code === ruleId)!;
      const fixAll = (await actionsAt(d)).find((a) => a.title.startsWith(`Fix all ${ruleId} problems`));
      assert.ok(fixAll, JSON.stringify(capabilities));
      assert.equal(fixAll!.data, undefined);
      assert.deepEqual(fixAll!.edit?.changes?.[uri] as TextEdit[], combineFixes(expected.findings.filter((f) => f.ruleId === ruleId), expected.doc));
      const [all] = await sourceFixAll();
      assert.deepEqual(all.edit?.changes?.[uri] as TextEdit[], combineFixes(expected.findings, expected.doc));
      await client.stop();
    }
  });

  it('a fix-all of a rule with a single preferred fix is never offered, lazily or eagerly', async () => {
    const single = lintAsServer(uri, generateLandscape(1));
    const once = single.findings.find((f) => preferredOf(single.findings, f.ruleId) === 1);
    assert.ok(once, 'a rule with exactly one preferred fix');
    for (const capabilities of [RESOLVING, {}]) {
      client = new LoggingClient();
      await client.start({ capabilities });
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: generateLandscape(1) } });
      const pub = await client.settled(uri, 1, 200);
      const d = pub.diagnostics.find((x) => x.code === once!.ruleId)!;
      const actions = await actionsAt(d);
      assert.ok(actions.length > 0);
      assert.deepEqual(actions.filter((a) => a.title.startsWith('Fix all')), []);
      await client.stop();
    }
  });
});

/** The checklist is built at most once per version: code lens, checklist and report share it. */
describe('checklist cached per version (built server)', function () {
  this.timeout(60_000);
  let client: LoggingClient;
  afterEach(async () => client?.stop());

  it('after several edits, code lens, checklist and report requests build one checklist per version', async () => {
    const uri = 'file:///virtual/checklist-cache.landscape.yaml';
    let text = generateLandscape(12);
    client = new LoggingClient();
    await client.start();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const built = (): string[] => client.logs.filter((l) => /checklist-cache\.landscape\.yaml v\d+: checklist of \d+ systems(?: \(\d+ rebuilt\))? in \d+ ms \(checklist #\d+\)/.test(l));
    for (let version = 1; version <= 4; version++) {
      if (version > 1) {
        text = text.replace('generated system 0', `generated system 0 (edit ${version})`);
        await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      }
      await client.settled(uri, version, 200);
      // what the editor asks after a publish: the code lens, the tree, the status item; an export
      const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[];
      const checklist = (await client.conn.sendRequest('landscapeLint/checklist', { uri })) as { version: number; systems: { done: number; total: number }[] };
      await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
      const report = (await client.conn.sendRequest('landscapeLint/report', { uri, format: 'json' })) as { content: string };
      await client.conn.sendRequest('landscapeLint/checklist', { uri });
      assert.equal(checklist.version, version);
      assert.equal(lenses.length, 12);
      assert.ok(lenses[0].command.title.includes(`${checklist.systems[0].done}/${checklist.systems[0].total}`));
      assert.ok(report.content.length > 100);
      assert.equal(built().length, version, `one checklist per version:\n${built().join('\n')}`);
      // the first version builds every system's checklist; an edit inside one system rebuilds only its own
      assert.match(built()[version - 1], new RegExp(` v${version}: checklist of 12 systems \\(${version === 1 ? 12 : 1} rebuilt\\) in \\d+ ms \\(checklist #${version}\\)`));
    }
    assert.equal(client.lintsOf('checklist-cache.landscape.yaml').length, 4);
  });
});

/**
 * The contract the lazy offer rests on (in-process, over generated and damaged landscapes): every
 * fix-all offered lazily resolves to a non-empty edit (never an action that does nothing), every
 * fix-all offered eagerly is offered lazily too, and the resolved edit is exactly the eager one.
 */
describe('property: lazy fix-all offers are reliable', function () {
  this.timeout(0);

  it('lazy offers ⊇ eager offers; each resolves to the eager edit, never to nothing', () => {
    // one finding per case (picked at random) and source.fixAll: many cheap cases beat few big ones
    fc.assert(fc.property(fc.oneof(landscapeArb, mutatedLandscapeArb), fc.nat(), ({ uri, text }, pick) => {
      const r = lintText(uri, text);
      const check = (params: Parameters<typeof codeActions>[1]): void => {
        const eager = codeActions(r, params).filter((a) => a.title.startsWith('Fix all'));
        const lazy = codeActions(r, params, { resolve: 'lazy', version: 7 }).filter((a) => a.title.startsWith('Fix all'));
        for (const a of eager) assert.ok(lazy.some((b) => b.title === a.title), `eager ${a.title} not offered lazily`);
        for (const a of lazy) {
          assert.equal(a.edit, undefined);
          const data = fixAllDataOf(a)!;
          assert.equal(data.version, 7);
          const resolved = resolveFixAll(r, a, data);
          const edits = resolved.edit?.changes?.[uri] ?? [];
          assert.ok(edits.length > 0, `${a.title} resolves to nothing:\n${text}`);
          const twin = eager.find((b) => b.title === a.title);
          // only a combination the safety check cut down may be offered lazily and not eagerly
          if (twin) assert.deepEqual(edits, twin.edit?.changes?.[uri]);
        }
      };
      const withFix = r.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.fixes?.length);
      if (withFix.length) {
        const { f, i } = withFix[pick % withFix.length];
        check({ textDocument: { uri }, range: f.range, context: { diagnostics: [toDiagnostic(f, uri, i, undefined, 7)], only: ['quickfix'] } });
      }
      check({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    }), fuzzParameters(150));
  });
});
