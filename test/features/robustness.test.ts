import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildChecklist } from '../../server/src/features/checklist';
import { codeActions } from '../../server/src/features/codeActions';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/symbols';
import { lint, ROOT } from '../support/helpers';

/** A small deterministic PRNG (mulberry32), so a failure is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['\n', ':', ' ', '  ', '- ', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', 'notes: [', '2738426', 'role: ', 'basis: 731 SP', '\t', '? ', '|', '>'];

/**
 * What a user produces while typing: the example cut, broken and patched at random places.
 * Every engine face (lint, hover, completion, symbols, code actions, checklist) must answer
 * without throwing on each of these half-written documents.
 */
describe('robustness while typing (random edits of the examples)', () => {
  for (const [name, uri] of [['acme.landscape.yaml', 'file:///fuzz.landscape.yaml'], ['clean.landscape.json', 'file:///fuzz.landscape.json']] as const) {
    it(`${name}: 60 random edits, every feature at random positions`, () => {
      const next = rng(name.length * 7919);
      let text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(next() * text.length);
        const cut = Math.floor(next() * 12);
        const insert = next() < 0.7 ? SNIPPETS[Math.floor(next() * SNIPPETS.length)] : '';
        text = text.slice(0, at) + insert + text.slice(at + cut);
        const seed = `edit ${i} at ${at}`;
        const r = lint(text, uri);
        const lines = text.split('\n');
        for (let k = 0; k < 3; k++) {
          const line = Math.floor(next() * lines.length);
          const position = { line, character: Math.floor(next() * (lines[line].length + 1)) };
          assert.doesNotThrow(() => hover(r, position), `hover, ${seed}`);
          assert.doesNotThrow(() => completion(r, position), `completion, ${seed}`);
          assert.doesNotThrow(() => codeActions(r, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }), `codeActions, ${seed}`);
        }
        assert.doesNotThrow(() => documentSymbols(r), `symbols, ${seed}`);
        assert.doesNotThrow(() => buildChecklist(r), `checklist, ${seed}`);
        assert.ok(r.findings.every((f) => !/^Internal error/.test(f.message)), `a rule threw: ${r.findings.find((f) => /^Internal error/.test(f.message))?.message} (${seed})`);
      }
    });
  }
});
