import { strict as assert } from 'assert';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const BASE = dedent(`
  landscape: Test
  systems:
    EDV:
      role: abap
      connection: none
      basis: 750 SP12
`);

/** One defect per document; the expected range is on the offending value, else its key. */
const CASES: { name: string; doc: string; range: string; message: RegExp }[] = [
  {
    name: 'wrong type (role is a list)',
    doc: BASE.replace('role: abap', 'role: [abap]'),
    range: '3:10-3:16',
    message: /Expected a text for role in system EDV/,
  },
  {
    name: 'unknown key with a suggestion',
    doc: BASE.replace('connection: none', 'connection: none\n    descripton: ERP'),
    range: '5:4-5:14',
    message: /Unknown key 'descripton' in system EDV — did you mean 'description'\?/,
  },
  {
    name: 'bad pattern (basis without space)',
    doc: BASE.replace('basis: 750 SP12', 'basis: 750SP12'),
    range: '5:11-5:18',
    message: /not a valid basis.*e\.g\. 731 SP19/,
  },
  {
    name: 'missing required key (role) lands on the SID',
    doc: BASE.replace('    role: abap\n', ''),
    range: '2:2-2:5',
    message: /Missing required key 'role' in system EDV/,
  },
  {
    name: 'enum value with the allowed values listed',
    doc: BASE.replace('connection: none', 'connection: direkt'),
    range: '4:16-4:22',
    message: /'direkt' is not a valid connection.*direct, solman, frun, none.*did you mean 'direct'/,
  },
  {
    name: 'invalid SID key',
    doc: BASE.replace('  EDV:', '  edv1:'),
    range: '2:2-2:6',
    message: /'edv1' is not a valid SAP system ID/,
  },
  {
    name: 'note number that is a text',
    doc: BASE + '    notes: [2408073, "abc"]\n',
    range: '6:21-6:26',
    message: /Expected a whole number for entry of notes/,
  },
  {
    name: 'unknown top-level key',
    doc: BASE.replace('landscape: Test', 'landscape: Test\nsistems: {}'),
    range: '1:0-1:7',
    message: /Unknown key 'sistems' at the top level — did you mean 'systems'\?/,
  },
];

describe('schema diagnostics land on their node', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const schema = ofRule(lint(c.doc), 'schema');
      assert.equal(schema.length, 1, `expected one schema finding, got: ${schema.map((f) => `${rangeText(f)} ${f.message}`).join(' | ')}`);
      assert.equal(rangeText(schema[0]), c.range, schema[0].message);
      assert.match(schema[0].message, c.message);
      assert.equal(schema[0].severity, 'error');
    });
  }

  it('the base document has no schema finding', () => {
    assert.deepEqual(ofRule(lint(BASE), 'schema'), []);
  });

  it('JSON documents map errors to the same nodes', () => {
    const json = '{\n  "landscape": "T",\n  "systems": {\n    "EDV": { "role": "abap", "conection": "none", "basis": "750 SP12" }\n  }\n}\n';
    const schema = ofRule(lint(json, 'file:///t.landscape.json'), 'schema');
    const unknown = schema.find((f) => /conection/.test(f.message));
    assert.ok(unknown, schema.map((f) => f.message).join('\n'));
    assert.equal(rangeText(unknown!), '3:29-3:40');
  });

  it('no schema finding lands on line 0 unless it is about the whole document', () => {
    for (const c of CASES) {
      for (const f of ofRule(lint(c.doc), 'schema')) assert.notEqual(f.range.start.line, 0, `${c.name}: ${f.message}`);
    }
  });
});

describe('schema quick-fixes', () => {
  const FIXES: { name: string; doc: string; expected: string }[] = [
    { name: 'rename a typo\'d key', doc: BASE.replace('connection: none', 'conection: none'), expected: BASE },
    { name: 'change an enum value to the close one', doc: BASE.replace('connection: none', 'connection: direkt'), expected: BASE.replace('connection: none', 'connection: direct') },
    { name: 'remove a key not allowed for the role', doc: BASE.replace('role: abap', 'role: frun\n    release: "2.0"').replace('    connection: none\n', '    connection: none\n'), expected: BASE.replace('role: abap', 'role: frun\n    release: "2.0"').replace('    connection: none\n', '') },
  ];
  for (const c of FIXES) {
    it(c.name, () => {
      const r = lint(c.doc);
      const f = r.findings.find((x) => x.ruleId === 'schema' && x.fixes?.some((fx) => fx.isPreferred));
      assert.ok(f, JSON.stringify(r.findings.map((x) => x.message)));
      const fixed = applyFix(r, f!, f!.fixes!.findIndex((fx) => fx.isPreferred));
      assert.equal(fixed, c.expected);
      assert.deepEqual(ofRule(lint(fixed), 'schema').map((x) => x.message), []);
    });
  }

  it('offers no rename when the suggested key already exists, only removal', () => {
    const r = lint(BASE.replace('connection: none', 'connection: none\n    conection: none'));
    const f = ofRule(r, 'schema')[0];
    assert.deepEqual(f.fixes!.map((x) => x.title), ["Remove the unknown key 'conection'"]);
    assert.equal(applyFix(r, f), BASE);
  });
});
