/**
 * Diagnostics in a real editor: codes, severities, ranges and messages on a copy of
 * examples/acme.landscape.yaml (expected values from examples/README.md and
 * `node dist/cli.js examples/acme.landscape.yaml --format json`), the clean examples stay clean,
 * and the diagnostics follow edits.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  cleanUp, copyExample, describeDiagnostic, getApi, lintDiagnostics, openExampleCopy, openInEditor, rangeText, ruleIdOf,
  waitFor, waitForDiagnosticsWhere, withRule,
} from './helpers';

/** A diagnostic as the CLI prints it (0-based range), typed in from its JSON output. */
interface Expected {
  system: string;
  ruleId: string;
  severity: vscode.DiagnosticSeverity;
  range: [number, number, number, number];
  /** The whole message, or its start (`startsWith`). */
  message: string;
  exact?: boolean;
}

const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

// Messages: "<SID>: <headline>" (issue 14: the Problems panel tells two systems apart and shows the
// gap before the how-to; the how-to is the diagnostic's first related information).
const REPRESENTATIVE: Expected[] = [
  // SBX: `basis: 731 SP19`, the value only
  { system: 'SBX', ruleId: 'na-digital-signature', severity: E, range: [363, 11, 363, 19], exact: true,
    message: 'SBX: SAP Notes 2408073/2546220/2508268 for digitally signed SAP Notes not implemented' },
  { system: 'SBX', ruleId: 'na-trust-anchors', severity: W, range: [367, 20, 367, 25], exact: true,
    message: 'SBX: Trust anchor certificates not installed (noteAssistant.trustAnchors: false)' },
  { system: 'EDV', ruleId: 'comm-user-shared', severity: I, range: [46, 23, 46, 34], exact: true,
    message: 'EDV: S0023456789 is shared by track ERP (EDV, EQA, EPR) and track BW (BWD, BWP)' },
  { system: 'EPR', ruleId: 'sdccn-tasks', severity: W, range: [129, 22, 129, 27], exact: true,
    message: 'EPR: SDCCN tasks with target SAP (002) not created again (tasksRecreated: false)' },
  { system: 'BWD', ruleId: 'ssl-certificates', severity: E, range: [155, 6, 155, 23],
    message: 'BWD: PSE "SSL client SSL Client (Standard)" (certificates.sslClientStandard) lacks 2 root CAs' },
  { system: 'SOL', ruleId: 'tls-ciphersuites', severity: I, range: [294, 31, 294, 62],
    message: 'SOL: ssl/client_ciphersuites 918:PFS:HIGH::EC_P256:EC_HIGH' },
  { system: 'GRP', ruleId: 'plugin-st-pi', severity: E, range: [379, 13, 379, 28], exact: true,
    message: 'GRP: ST-PI 2008_1_700 SP18 is below 2008_1_7xx SP20' },
  { system: 'GRP', ruleId: 'comm-user-missing', severity: E, range: [373, 2, 373, 5], exact: true,
    message: 'GRP connects directly to the support backbone but has no communicationUser' },
];

/** Rule id → number of findings in acme (README table: 13 errors, 10 warnings, 12 infos). */
const ACME_RULE_COUNTS: Record<string, number> = {
  'comm-user-shared': 5, 'note-2738426': 2, 'track-transport': 1, 'tasklist-oss-comm': 2, 'legacy-destination': 3,
  'sdccn-destinations': 2, 'sdccn-tasks': 2, 'na-download-channel': 3, 'ssl-certificates': 2, 'solman-release': 1,
  'tls-ciphersuites': 2, 'na-digital-signature': 1, 'na-tci-recommended': 2, 'na-trust-anchors': 2, 'comm-user-missing': 1,
  'plugin-st-a-pi': 1, 'plugin-st-pi': 1, 'na-generic-user': 1, 'saprouter-check': 1,
};

/** Lines (0-based, inclusive) of the systems that must have no finding at all. */
const CLEAN_SYSTEMS: Record<string, [number, number]> = { S4D: [199, 228], S4Q: [231, 246], S4P: [247, 276], FRN: [310, 330], PIP: [348, 356] };

describe('diagnostics', function () {
  this.timeout(30000);
  before(async () => { await getApi(); });
  afterEach(cleanUp);

  it('acme: 35 diagnostics (13 errors, 10 warnings, 12 infos) with the expected rule ids', async () => {
    const { uri } = await openExampleCopy('acme.landscape.yaml', 'diag-totals');
    const ds = await waitForDiagnosticsWhere(uri, '35 diagnostics on the acme copy', (x) => x.length === 35);
    const count = (s: vscode.DiagnosticSeverity): number => ds.filter((d) => d.severity === s).length;
    assert.deepStrictEqual({ errors: count(E), warnings: count(W), infos: count(I) }, { errors: 13, warnings: 10, infos: 12 });
    const byRule: Record<string, number> = {};
    for (const d of ds) byRule[ruleIdOf(d) ?? '?'] = (byRule[ruleIdOf(d) ?? '?'] ?? 0) + 1;
    assert.deepStrictEqual(sortKeys(byRule), sortKeys(ACME_RULE_COUNTS));
    for (const [sid, [from, to]] of Object.entries(CLEAN_SYSTEMS)) {
      const inside = ds.filter((d) => d.range.start.line >= from && d.range.start.line <= to);
      assert.deepStrictEqual(inside.map(describeDiagnostic), [], `${sid} must have no findings`);
    }
  });

  it('acme: representative diagnostics have the exact code, severity, range and message', async () => {
    const { uri, editor } = await openExampleCopy('acme.landscape.yaml', 'diag-exact');
    const ds = await waitForDiagnosticsWhere(uri, '35 diagnostics on the acme copy', (x) => x.length === 35);
    for (const e of REPRESENTATIVE) {
      const found = withRule(ds, e.ruleId, e.range[0]);
      assert.strictEqual(found.length, 1, `${e.system} ${e.ruleId} on line ${e.range[0]}: ${ds.filter((d) => ruleIdOf(d) === e.ruleId).map(describeDiagnostic).join('; ')}`);
      const d = found[0];
      assert.strictEqual(rangeText(d.range), `${e.range[0]}:${e.range[1]}-${e.range[2]}:${e.range[3]}`, `${e.system} ${e.ruleId} range`);
      assert.strictEqual(d.severity, e.severity, `${e.system} ${e.ruleId} severity`);
      if (e.exact) assert.strictEqual(d.message, e.message);
      else assert.ok(d.message.startsWith(e.message), `${e.system} ${e.ruleId} message: ${d.message}`);
      assert.strictEqual(d.source, 'landscape-lint');
      // code = { value: rule id, target: the rule's own page docs/rules/<id>.md } (issue 14: was all of docs/rules.md at line 1)
      assert.ok(typeof d.code === 'object' && d.code !== null, `code of ${e.ruleId} is ${JSON.stringify(d.code)}`);
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.strictEqual(code.value, e.ruleId);
      assert.ok(code.target.path.endsWith(`/docs/rules/${e.ruleId}.md`), code.target.toString());
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target));
      assert.ok(page.startsWith(`# \`${e.ruleId}\``), `${code.target.toString()} starts with the rule: ${page.slice(0, 60)}`);
    }
    // the SBX range covers exactly the `basis` value
    const sbx = withRule(ds, 'na-digital-signature')[0];
    // issue 14: the how-to is the first related information, at the finding
    assert.strictEqual(sbx.relatedInformation?.[0]?.message, 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073/2546220/2508268');
    assert.strictEqual(rangeText(sbx.relatedInformation[0].location.range), rangeText(sbx.range));
    // every message is short enough for the Problems panel
    for (const d of ds) assert.ok(d.message.length <= 130, `${ruleIdOf(d)}: ${d.message.length} characters`);
    assert.strictEqual(editor.document.getText(sbx.range), '731 SP19');
    assert.strictEqual(editor.document.lineAt(sbx.range.start.line).text, '    basis: 731 SP19');
    assert.strictEqual(editor.document.getText(withRule(ds, 'plugin-st-pi')[0].range), '2008_1_700 SP18');
  });

  it('clean.landscape.yaml and clean.landscape.json have no diagnostics', async () => {
    const api = await getApi();
    for (const name of ['clean.landscape.yaml', 'clean.landscape.json']) {
      const uri = await copyExample(name, 'diag-clean');
      const editor = await openInEditor(uri);
      assert.strictEqual(editor.document.languageId, name.endsWith('.json') ? 'sap-landscape-json' : 'sap-landscape-yaml');
      // the server has checked this version once its checklist (made from the lint result) answers for it
      await waitFor(`the checklist of ${name}`, () => {
        const c = api.checklist;
        return c.uri?.toString() === uri.toString() && c.checklist && c.checklist.version === editor.document.version && c.checklist.systems.length === 4;
      });
      assert.deepStrictEqual(lintDiagnostics(uri).map(describeDiagnostic), [], name);
    }
  });

  it('diagnostics follow edits: a YAML syntax error appears, and goes when undone', async () => {
    const { uri, editor } = await openExampleCopy('acme.landscape.yaml', 'diag-edit');
    await waitForDiagnosticsWhere(uri, '35 diagnostics', (x) => x.length === 35);
    // break the indentation of SBX's basis line (line 363)
    const line = editor.document.lineAt(363);
    assert.strictEqual(line.text, '    basis: 731 SP19');
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(363, 0, 363, 4), '   ')));
    const broken = await waitForDiagnosticsWhere(uri, 'a yaml-syntax error', (x) => x.some((d) => ruleIdOf(d) === 'yaml-syntax'));
    const syntax = broken.find((d) => ruleIdOf(d) === 'yaml-syntax')!;
    assert.strictEqual(syntax.severity, E);
    assert.ok(syntax.range.start.line >= 362 && syntax.range.start.line <= 364, describeDiagnostic(syntax));
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(363, 0, 363, 3), '    ')));
    await waitForDiagnosticsWhere(uri, 'the 35 original diagnostics again', (x) => x.length === 35 && !x.some((d) => ruleIdOf(d) === 'yaml-syntax'));
    assert.strictEqual(editor.document.lineAt(363).text, '    basis: 731 SP19');
  });
});

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
