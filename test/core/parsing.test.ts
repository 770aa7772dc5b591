import { strict as assert } from 'assert';
import { LandscapeDocument } from '../../server/src/core/document';
import { dedent, lint, ofRule, rangeText } from '../support/helpers';

describe('parsing', () => {
  it('reports malformed YAML at its position and still checks what parsed', () => {
    const text = dedent(`
      landscape: Test
      systems:
        EDV:
          role: abap
          connection: none
          basis: [750 SP12
    `);
    const r = lint(text);
    const syntax = ofRule(r, 'yaml-syntax');
    assert.ok(syntax.length >= 1);
    assert.ok(syntax.every((f) => f.range.start.line >= 5), syntax.map(rangeText).join());
  });

  it('an empty file gives one clear finding and no exception', () => {
    for (const text of ['', '   \n', '# only a comment\n']) {
      const r = lint(text);
      assert.equal(r.findings.length, 1, JSON.stringify(r.findings));
      assert.match(r.findings[0].message, /empty/);
    }
  });

  it('reports duplicate keys (a SID twice) at the second key', () => {
    const text = dedent(`
      landscape: Test
      systems:
        EDV: { role: abap, connection: none }
        EDV: { role: abap, connection: none }
    `);
    const dup = ofRule(lint(text), 'duplicate-key');
    assert.equal(dup.length, 1);
    assert.equal(dup[0].range.start.line, 3);
    assert.match(dup[0].message, /Duplicate key 'EDV'/);
    const json = ofRule(lint('{ "landscape": "T", "systems": { "EDV": { "role": "abap" }, "EDV": { "role": "abap" } } }', 'file:///t.landscape.json'), 'duplicate-key');
    assert.match(json[0].message, /^Duplicate key 'EDV':/);
  });

  it('reads version fields from their source text (2.0 stays "2.0")', () => {
    const doc = new LandscapeDocument('file:///t.landscape.yaml', 'landscape: T\nsystems:\n  FRN:\n    role: frun\n    release: 2.0\n    basis: 753 SP02\n  SOL:\n    role: solman\n    release: 7.10\n');
    const v = doc.value as { systems: Record<string, { release: unknown }> };
    assert.equal(v.systems.FRN.release, '2.0');
    assert.equal(v.systems.SOL.release, '7.10');
  });

  it('stops an alias bomb with a clear finding', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const r = lint(lines.join('\n') + '\n');
    assert.ok(Date.now() - started < 5000);
    assert.ok(r.findings.some((f) => /alias bomb/.test(f.message)), JSON.stringify(r.findings.map((f) => f.message)));
  });

  it('stops absurd nesting (flow and block) with one finding instead of overflowing the stack', () => {
    const cases: [string, string][] = [
      ['[' .repeat(100_000), 'file:///deep.landscape.yaml'],
      ['[' .repeat(100_000), 'file:///deep.landscape.json'],
      ['a:\n' + Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 1)}b${i}:`).join('\n') + '\n', 'file:///deep.landscape.yaml'],
    ];
    for (const [text, uri] of cases) {
      const r = lint(text, uri);
      assert.equal(r.findings.length, 1, uri);
      assert.match(r.findings[0].message, /nests deeper than 64 levels/);
    }
  });

  it('refuses a file above the size limit with one finding', () => {
    const big = 'landscape: T\n' + '# filler line to grow the file\n'.repeat(5000);
    const r = lint(big, undefined, { maxFileSize: 64 * 1024 });
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].ruleId, 'file-too-large');
    assert.match(r.findings[0].message, /larger than the limit of 64 KiB/);
  });

  it('checks JSON strictly (trailing comma) at its position', () => {
    const r = lint('{\n  "landscape": "T",\n  "systems": {},\n}\n', 'file:///t.landscape.json');
    const j = ofRule(r, 'json-syntax');
    assert.equal(j.length, 1, JSON.stringify(r.findings));
    assert.equal(j[0].range.start.line, 3);
  });

  const JSON_ERRORS: [string, string, RegExp][] = [
    ['{"landscape": \'X\', "systems": {}}', '0:14', /single quote/],
    ['{\n  "a": 1 // note\n}', '1:9', /comment/],
    ['{"a": [1, 2,]}', '0:12', /trailing comma before \]/],
    ['{"a": 1} x', '0:9', /after the end/],
    ['{"a": "line\nbreak"}', '0:11', /control character/],
  ];
  for (const [text, at, message] of JSON_ERRORS) {
    it(`places the JSON error in ${JSON.stringify(text)} at ${at}`, () => {
      const j = ofRule(lint(text, 'file:///t.landscape.json'), 'json-syntax');
      assert.equal(j.length, 1);
      assert.equal(`${j[0].range.start.line}:${j[0].range.start.character}`, at);
      assert.match(j[0].message, message);
    });
  }

  it('never throws on odd inputs', () => {
    const odd = ['[]', '42', 'null', '- a\n- b', 'systems: 5', 'systems:\n  EDV: 5', 'landscape: T\nsystems:\n  EDV:\n    notes: {a: 1}', '\t\tbad: tabs', '{{{{', 'a: &x\n  b: *x', '? [complex]\n: key'];
    for (const t of odd) {
      assert.doesNotThrow(() => lint(t), t);
      assert.doesNotThrow(() => lint(t, 'file:///x.landscape.json'), t);
    }
  });
});
