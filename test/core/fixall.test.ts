import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../server/src/core/edits';
import { codeActions, combineFixes } from '../../server/src/features/codeActions';
import { lint, ROOT } from '../support/helpers';

const EXAMPLES = ['acme.landscape.yaml', 'clean.landscape.yaml', 'clean.landscape.json'];

/** Applies fix-all rounds until nothing changes; returns the final text and the rounds taken. */
function fixAll(uri: string, text: string): { text: string; rounds: number } {
  let current = text;
  for (let round = 1; round <= 10; round++) {
    const r = lint(current, uri);
    const edits = combineFixes(r.findings, r.doc);
    if (!edits.length) return { text: current, rounds: round - 1 };
    current = applyEdits(current, r.doc, edits);
  }
  throw new Error('fix-all did not converge within 10 rounds');
}

describe('fix-all', () => {
  it('on the realistic example leaves only findings without fixes, and a valid file', () => {
    const file = path.join(ROOT, 'examples', 'acme.landscape.yaml');
    const { text, rounds } = fixAll('file:///acme.landscape.yaml', fs.readFileSync(file, 'utf8'));
    const after = lint(text);
    assert.deepEqual(after.findings.filter((f) => f.fixes?.length).map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.deepEqual(after.findings.filter((f) => ['schema', 'yaml-syntax', 'duplicate-key'].includes(f.ruleId)).map((f) => f.message), []);
    assert.ok(rounds >= 1);
    // comments of the original survive
    const comments = fs.readFileSync(file, 'utf8').split('\n').filter((l) => /^\s*#/.test(l));
    for (const c of comments) assert.ok(text.includes(c), `comment lost: ${c}`);
  });

  it('quick-fix coverage of errors and warnings on the realistic example is at least 80%', () => {
    const r = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
    const relevant = r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const fixable = relevant.filter((f) => f.fixes?.length);
    const coverage = fixable.length / relevant.length;
    assert.ok(relevant.length > 0);
    assert.ok(coverage >= 0.8, `coverage ${(coverage * 100).toFixed(0)}%: without fix: ${relevant.filter((f) => !f.fixes?.length).map((f) => f.ruleId).join(', ')}`);
  });

  it('source.fixAll and per-rule fix-all are offered as code actions', () => {
    const uri = 'file:///acme.landscape.yaml';
    const r = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'), uri);
    const all = codeActions(r, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(all.length, 1);
    assert.equal(all[0].kind, 'source.fixAll');
    assert.ok((all[0].edit?.changes?.[uri] ?? []).length > 3);
  });

  it('two fixes that write the same key at different places are not combined into a duplicate', () => {
    const text = [
      'landscape: T',
      'communicationUsers:',
      '  S0000000001: {}',
      'systems:',
      '  EDV:',
      '    role: abap',
      '    connection: none',
      '    basis: 754 SP02',
      '    noteAssistant:',
      '      download: download-service',
      '      trustAnchor: true',
      '    communicationUser: S0000000001',
      '',
    ].join('\n');
    const r = lint(text);
    assert.ok(r.findings.some((f) => f.ruleId === 'schema' && /did you mean 'trustAnchors'/.test(f.message)));
    assert.ok(r.findings.some((f) => f.ruleId === 'na-trust-anchors'));
    const once = applyEdits(text, r.doc, combineFixes(r.findings, r.doc));
    assert.deepEqual(lint(once).findings.filter((f) => f.ruleId === 'duplicate-key' || f.ruleId === 'yaml-syntax').map((f) => f.message), []);
    // the rule's insert wins; the rename would now collide, so the typo is left to the user
    const { text: final } = fixAll('file:///t.landscape.yaml', text);
    assert.deepEqual(lint(final).findings.map((f) => f.ruleId), ['schema']);
    assert.deepEqual(lint(final).findings[0].fixes?.map((f) => [f.title, Boolean(f.isPreferred)]), [["Remove the unknown key 'trustAnchor'", false]]);
  });

  for (const name of EXAMPLES.slice(1)) {
    it(`${name} has nothing to fix`, () => {
      const text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
      assert.equal(fixAll(`file:///${name}`, text).rounds, 0);
    });
  }
});
