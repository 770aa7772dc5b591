import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyPatch } from 'diff';
import { parseDocument } from 'yaml';
import { combineFixes } from '../../server/src/features/codeActions';
import { fixText } from '../../server/src/core/fix';
import { lintText } from '../../server/src/core/lint';
import { ACME_YAML, BROKEN_YAML, runCli, tempTree } from './cliRun';

/** Every comment of a YAML text, as the yaml library reads them (not a regular expression of ours). */
function yamlComments(text: string): string[] {
  const out: string[] = [];
  const doc = parseDocument(text);
  if (doc.commentBefore) out.push(doc.commentBefore);
  if (doc.comment) out.push(doc.comment);
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as { commentBefore?: string; comment?: string; items?: unknown[]; key?: unknown; value?: unknown };
    if (node.commentBefore) out.push(node.commentBefore);
    if (node.comment) out.push(node.comment);
    if (Array.isArray(node.items)) node.items.forEach(visit);
    if ('key' in node) visit(node.key);
    if ('value' in node) visit(node.value);
  };
  visit(doc.contents);
  return out.flatMap((c) => c.split('\n')).map((c) => c.trim()).filter(Boolean).sort();
}

describe('CLI --fix and --fix-dry-run', () => {
  const dirs: string[] = [];
  after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });
  const tree = (files: Record<string, string | Buffer>): string => {
    const d = tempTree(files);
    dirs.push(d);
    return d;
  };

  describe('on the acme example', () => {
    let dir: string;
    let fixedText: string;
    let first: ReturnType<typeof runCli>;
    before(() => {
      dir = tree({ 'acme.landscape.yaml': ACME_YAML });
      first = runCli(['--fix', '--format', 'json', '.'], { cwd: dir });
      fixedText = fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8');
    });

    it('changes the file and reports what remains (exit code by the remaining findings)', () => {
      assert.notEqual(fixedText, ACME_YAML);
      const before = lintText('file:///acme.landscape.yaml', ACME_YAML).findings.length;
      const remaining = JSON.parse(first.out).files[0].diagnostics;
      assert.ok(remaining.length < before, `${remaining.length} < ${before}`);
      assert.match(first.err, new RegExp(`--fix: fixed 1 file \\(${before} → ${remaining.length} problems\\)`));
      assert.equal(first.code, remaining.some((d: { severity: string }) => d.severity === 'error') ? 1 : 0);
    });

    it('the result parses (no syntax or duplicate-key problem) and keeps every comment', () => {
      const after = lintText('file:///acme.landscape.yaml', fixedText);
      assert.deepEqual(after.doc.parseFindings.map((f) => f.ruleId), []);
      const kept = yamlComments(fixedText);
      for (const c of yamlComments(ACME_YAML)) assert.ok(kept.includes(c), `comment lost: ${c}`);
    });

    it('leaves only findings without a safe fix', () => {
      const after = lintText('file:///acme.landscape.yaml', fixedText);
      assert.deepEqual(combineFixes(after.findings, after.doc), []);
      const withPreferred = after.findings.filter((f) => f.fixes?.some((x) => x.isPreferred && x.edits.length));
      assert.deepEqual(withPreferred.map((f) => f.ruleId), [], 'a finding with a preferred fix is left');
    });

    it('a second --fix changes nothing', () => {
      const again = runCli(['--fix', '.'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'), fixedText);
      assert.match(again.err, /--fix: nothing to fix/);
    });

    it('--fix-dry-run prints the unified diff of exactly that change and writes nothing', () => {
      const fresh = tree({ 'acme.landscape.yaml': ACME_YAML });
      const dry = runCli(['--fix-dry-run', '.'], { cwd: fresh });
      assert.equal(fs.readFileSync(path.join(fresh, 'acme.landscape.yaml'), 'utf8'), ACME_YAML, 'dry run wrote the file');
      assert.match(dry.out, /^--- a\/acme\.landscape\.yaml\n\+\+\+ b\/acme\.landscape\.yaml\n@@ /);
      assert.equal(applyPatch(ACME_YAML, dry.out), fixedText);
      // the report of what would remain goes to standard error, the diff alone to standard output
      assert.match(dry.err, /problems? \(\d+ errors?, .*\) in 1 file/);
      assert.match(dry.err, /--fix-dry-run: 1 file would change \(\d+ → \d+ problems\); nothing was written/);
      assert.equal(dry.code, first.code);
    });
  });

  it('never writes a file with a syntax error', () => {
    const text = `${BROKEN_YAML}  bad: [unclosed\n`;
    const dir = tree({ 'a.landscape.yaml': text });
    const r = runCli(['--fix', '.'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'a.landscape.yaml'), 'utf8'), text);
    assert.match(r.err, /not fixed 'a\.landscape\.yaml': it has a syntax error at \d+:\d+; fix that first/);
    assert.equal(fixText('file:///a.landscape.yaml', text).refused !== undefined, true);
  });

  it('--fix-type restricts the fixes to findings of those severities', () => {
    const all = lintText('file:///acme.landscape.yaml', ACME_YAML);
    const fixable = (sev: string): number => all.findings.filter((f) => f.severity === sev && f.fixes?.some((x) => x.isPreferred)).length;
    assert.ok(fixable('error') > 0 && fixable('warning') + fixable('info') > 0, 'the example has fixable findings of several severities');
    const errorsOnly = fixText('file:///acme.landscape.yaml', ACME_YAML, { filter: (f) => f.severity === 'error' });
    const left = (sev: string): number => errorsOnly.result.findings.filter((f) => f.severity === sev && f.fixes?.some((x) => x.isPreferred)).length;
    assert.equal(combineFixes(errorsOnly.result.findings.filter((f) => f.severity === 'error'), errorsOnly.result.doc).length, 0);
    assert.ok(left('warning') + left('info') > 0, 'warnings and infos were fixed too');
    const dir = tree({ 'acme.landscape.yaml': ACME_YAML });
    runCli(['--fix', '--fix-type', 'error', '.'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'), errorsOnly.text);
  });

  it('--rule ID=off: findings of that rule are not fixed', () => {
    const all = lintText('file:///acme.landscape.yaml', ACME_YAML);
    const fixableRules = [...new Set(all.findings.filter((f) => f.fixes?.some((x) => x.isPreferred && x.edits.length)).map((f) => f.ruleId))];
    assert.ok(fixableRules.length >= 2, fixableRules.join());
    // every fixable rule off: nothing to fix, the file is untouched
    const dir = tree({ 'acme.landscape.yaml': ACME_YAML });
    const off = runCli(['--fix', ...fixableRules.flatMap((id) => ['--rule', `${id}=off`]), '.'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'), ACME_YAML);
    assert.match(off.err, /--fix: nothing to fix/);
    // all but one off: the file changes, and that rule's fixable findings are gone
    const [kept, ...rest] = fixableRules;
    runCli(['--fix', ...rest.flatMap((id) => ['--rule', `${id}=off`]), '.'], { cwd: dir });
    const after = lintText('file:///acme.landscape.yaml', fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'));
    assert.equal(after.findings.filter((f) => f.ruleId === kept && f.fixes?.some((x) => x.isPreferred && x.edits.length)).length, 0);
  });

  it('keeps the encoding (UTF-16 with its byte-order mark, UTF-8 with one), CRLF line ends, the mode, and a symbolic link', function () {
    if (process.platform === 'win32') this.skip();
    const crlf = ACME_YAML.replace(/\n/g, '\r\n');
    const dir = tree({
      'u16.landscape.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ACME_YAML, 'utf16le')]),
      'bom.landscape.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]),
      'real/target.yaml': ACME_YAML,
    });
    fs.chmodSync(path.join(dir, 'bom.landscape.yaml'), 0o640);
    fs.symlinkSync(path.join(dir, 'real', 'target.yaml'), path.join(dir, 'link.landscape.yaml'));
    runCli(['--fix', '.'], { cwd: dir });
    const expected = fixText('file:///x.landscape.yaml', ACME_YAML).text;
    const u16 = fs.readFileSync(path.join(dir, 'u16.landscape.yaml'));
    assert.deepEqual([...u16.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(u16.subarray(2).toString('utf16le'), expected);
    const bom = fs.readFileSync(path.join(dir, 'bom.landscape.yaml'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const bomText = bom.subarray(3).toString('utf8');
    assert.notEqual(bomText, crlf);
    assert.ok(!/[^\r]\n/.test(bomText), 'a line without CR');
    assert.equal(fs.statSync(path.join(dir, 'bom.landscape.yaml')).mode & 0o777, 0o640);
    assert.ok(fs.lstatSync(path.join(dir, 'link.landscape.yaml')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'target.yaml'), 'utf8'), expected);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('JSON files are fixed too and stay strict JSON', () => {
    const json = JSON.stringify(parseDocument(ACME_YAML).toJS(), null, 2);
    const dir = tree({ 'acme.landscape.json': json });
    runCli(['--fix', '.'], { cwd: dir });
    const out = fs.readFileSync(path.join(dir, 'acme.landscape.json'), 'utf8');
    assert.notEqual(out, json);
    JSON.parse(out);
  });

  it('standard input: --fix-dry-run prints the diff; --fix is a usage error', () => {
    const dry = runCli(['-', '--fix-dry-run'], { stdin: ACME_YAML });
    assert.match(dry.out, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n/);
    assert.equal(applyPatch(ACME_YAML, dry.out), fixText('file:///x.landscape.yaml', ACME_YAML, { format: 'yaml' }).text);
    const fix = runCli(['-', '--fix'], { stdin: ACME_YAML });
    assert.equal(fix.code, 2);
    assert.match(fix.err, /--fix writes files and cannot write standard input: use --fix-dry-run for a diff/);
  });

  const USAGE: [string[], RegExp][] = [
    [['--fix', '--fix-dry-run'], /--fix and --fix-dry-run exclude each other/],
    [['--fix-type', 'error'], /--fix-type needs --fix or --fix-dry-run/],
    [['--fix', '--fix-type', 'problem'], /--fix-type takes error, warning, info, hint \(comma-separated\), not 'problem'/],
  ];
  for (const [args, message] of USAGE) {
    it(`${args.join(' ')} → exit 2`, () => {
      const r = runCli([...args, 'examples/clean.landscape.yaml']);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
    });
  }

  it('--fix-type takes a comma-separated list and repeats', () => {
    const dir = tree({ 'a.landscape.yaml': ACME_YAML, 'b.landscape.yaml': ACME_YAML });
    runCli(['--fix', '--fix-type', 'error,warning', 'a.landscape.yaml'], { cwd: dir });
    runCli(['--fix', '--fix-type', 'error', '--fix-type', 'warning', 'b.landscape.yaml'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'a.landscape.yaml'), 'utf8'), fs.readFileSync(path.join(dir, 'b.landscape.yaml'), 'utf8'));
    assert.equal(fs.readFileSync(path.join(dir, 'a.landscape.yaml'), 'utf8'), fixText('file:///x.landscape.yaml', ACME_YAML, { filter: (f) => f.severity === 'error' || f.severity === 'warning' }).text);
  });
});
