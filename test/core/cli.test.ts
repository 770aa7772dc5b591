import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { main } from '../../server/src/cli';
import { ROOT } from '../support/helpers';

const FIX = path.join(ROOT, 'test', 'fixtures', 'cli');
const CLEAN = path.join(ROOT, 'examples', 'clean.landscape.yaml');

function run(args: string[], cwd = ROOT, isTTY = false): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; }, cwd, isTTY, env: {} });
  return { code, out, err };
}

describe('CLI', () => {
  it('exits 0 on a clean file, 1 on errors, 2 on bad usage or unreadable input', () => {
    assert.equal(run([CLEAN]).code, 0, run([CLEAN]).out);
    assert.equal(run([path.join(FIX, 'broken.landscape.yaml')]).code, 1);
    assert.equal(run(['--format', 'xml', CLEAN]).code, 2);
    assert.equal(run(['--bogus']).code, 2);
    assert.equal(run(['does/not/exist.landscape.yaml']).code, 2);
    assert.equal(run(['--rule', 'schema=loud', CLEAN]).code, 2);
  });

  it('--max-warnings turns warnings into a failing exit code', () => {
    const r = run([path.join(FIX, 'broken.landscape.yaml'), '--rule', 'schema=warning', '--max-warnings', '0']);
    assert.equal(r.code, 1);
    const ok = run([path.join(FIX, 'broken.landscape.yaml'), '--rule', 'schema=warning', '--max-warnings', '99']);
    assert.equal(ok.code, 0, ok.out);
  });

  it('prints file:line:col, severity, rule id and message; colour only on a TTY', () => {
    const r = run(['test/fixtures/cli/broken.landscape.yaml']);
    assert.match(r.out, /^test\/fixtures\/cli\/broken\.landscape\.yaml:5:5: error \[schema\] Unknown key 'descripton'/m);
    assert.ok(!r.out.includes('\x1b['));
    const tty = run(['test/fixtures/cli/broken.landscape.yaml'], ROOT, true);
    assert.ok(tty.out.includes('\x1b['));
  });

  it('--format json matches the spec §3 shape', () => {
    const r = run(['--format', 'json', 'test/fixtures/cli/broken.landscape.yaml', CLEAN]);
    const doc = JSON.parse(r.out);
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cli-output.schema.json'), 'utf8')));
    assert.ok(validate(doc as object), JSON.stringify(validate.errors));
    assert.equal(doc.summary.files, 2);
    const d = doc.files[0].diagnostics.find((x: { ruleId: string }) => x.ruleId === 'schema');
    assert.deepEqual(d.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 14 } });
    assert.equal(d.system, 'EDV');
  });

  it('--format sarif is SARIF 2.1.0 with one rule entry per rule id', () => {
    const r = run(['--format', 'sarif', 'test/fixtures/cli/broken.landscape.yaml']);
    const s = JSON.parse(r.out);
    assert.equal(s.version, '2.1.0');
    const run0 = s.runs[0];
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of run0.tool.driver.rules) {
      assert.ok(rule.help.text.length > 20, rule.id);
      assert.ok(rule.shortDescription.text, rule.id);
    }
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'schema');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'schema');
    assert.equal(res.level, 'error');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 5, startColumn: 5, endLine: 5, endColumn: 15 });
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/cli/broken.landscape.yaml');
  });

  it('expands directories recursively and globs', () => {
    const dir = JSON.parse(run(['--format', 'json', 'test/fixtures/cli']).out);
    assert.deepEqual(dir.files.map((f: { file: string }) => f.file).sort(), ['test/fixtures/cli/broken.landscape.yaml', 'test/fixtures/cli/nested/other.landscape.yml']);
    const glob = JSON.parse(run(['--format', 'json', 'test/fixtures/cli/**/*.landscape.yml']).out);
    assert.deepEqual(glob.files.map((f: { file: string }) => f.file), ['test/fixtures/cli/nested/other.landscape.yml']);
    const shallow = JSON.parse(run(['--format', 'json', 'test/fixtures/cli/*.yaml']).out);
    assert.deepEqual(shallow.files.map((f: { file: string }) => f.file), ['test/fixtures/cli/broken.landscape.yaml']);
    assert.equal(run(['test/fixtures/cli/*.nothing']).code, 2);
  });

  it('reads the nearest .landscape-lint.json and lets --rule override it', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cli-'));
    fs.copyFileSync(path.join(FIX, 'broken.landscape.yaml'), path.join(tmp, 'a.landscape.yaml'));
    fs.writeFileSync(path.join(tmp, '.landscape-lint.json'), JSON.stringify({ rules: { schema: 'off' } }));
    const off = JSON.parse(run(['--format', 'json', '.'], tmp).out);
    assert.equal(off.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'schema').length, 0);
    const back = JSON.parse(run(['--format', 'json', '.', '--rule', 'schema=error'], tmp).out);
    assert.ok(back.files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'schema'));
    fs.writeFileSync(path.join(tmp, '.landscape-lint.json'), '{ "rules": { "schema": "loud" } }');
    const bad = run(['.'], tmp);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /\.landscape-lint\.json:1:24: rule "schema" has severity "loud"/);
  });

  it('the diagnostic shown in the README is what the CLI prints for the example', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = readme.split('\n').find((l) => l.startsWith('examples/acme.landscape.yaml:'));
    assert.ok(shown, 'README shows no diagnostic line');
    const r = run(['examples/acme.landscape.yaml']);
    assert.ok(r.out.split('\n').includes(shown!), `README line not in the CLI output: ${shown}`);
  });

  it('extra file patterns of .landscape-lint.json are relative to its folder, wherever the CLI runs', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'll-files-'));
    fs.mkdirSync(path.join(repo, 'landscapes'));
    fs.writeFileSync(path.join(repo, '.landscape-lint.json'), JSON.stringify({ files: ['landscapes/*.yaml'] }));
    fs.copyFileSync(CLEAN, path.join(repo, 'landscapes', 'prod.yaml'));
    fs.writeFileSync(path.join(repo, 'landscapes', 'notes.txt'), 'not a landscape');
    const listed = (args: string[], cwd: string): string[] => JSON.parse(run(['--format', 'json', ...args], cwd).out).files.map((f: { file: string }) => path.basename(f.file));
    assert.deepEqual(listed(['.'], repo), ['prod.yaml']);
    assert.deepEqual(listed(['landscapes'], repo), ['prod.yaml']);
    assert.deepEqual(listed([repo], os.tmpdir()), ['prod.yaml']);
  });

  it('finds landscape files behind symbolic links when searching a folder', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-link-'));
    fs.symlinkSync(CLEAN, path.join(tmp, 'link.landscape.yaml'));
    assert.deepEqual(JSON.parse(run(['--format', 'json', tmp]).out).files.map((f: { file: string }) => path.basename(f.file)), ['link.landscape.yaml']);
  });

  it('reads files with a byte-order mark and UTF-16 files as the editor does', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bom-'));
    const clean = fs.readFileSync(path.join(ROOT, 'examples', 'clean.landscape.json'), 'utf8');
    fs.writeFileSync(path.join(tmp, 'bom.landscape.json'), '\ufeff' + clean);
    fs.writeFileSync(path.join(tmp, 'utf16.landscape.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, 'utf16le')]));
    const r = run(['--format', 'json', '--baseline', 'guide-1.1', '.'], tmp);
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(JSON.parse(r.out).files.map((f: { diagnostics: unknown[] }) => f.diagnostics.length), [0, 0]);
  });

  it('an unwritable -o path and an unknown --rule id are reported plainly', () => {
    const bad = run([CLEAN, '-o', '/nonexistent-dir/report.txt']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /cannot write '\/nonexistent-dir\/report\.txt'/);
    const typo = run([CLEAN, '--rule', 'na-trust-anchor=off']);
    assert.equal(typo.code, 0);
    assert.match(typo.err, /unknown rule na-trust-anchor/);
  });

  describe('a file over the size limit is not checked and fails the run', () => {
    let tmp: string;
    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-size-'));
      // a clean landscape of about 5 KiB: over a 1 KiB limit, well under the default
      fs.copyFileSync(CLEAN, path.join(tmp, 'a.landscape.yaml'));
      fs.copyFileSync(CLEAN, path.join(tmp, 'b.landscape.yaml'));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('under the default limit (64 MiB) the clean file passes; over --max-file-size it exits 1 and says "not checked"', () => {
      assert.equal(run(['a.landscape.yaml'], tmp).code, 0);
      const r = run(['a.landscape.yaml', '--max-file-size', '1'], tmp);
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /^a\.landscape\.yaml:1:1: warning \[file-too-large\] File is \d+ KiB, larger than the limit of 1 KiB; it was not checked\./m);
      assert.match(r.out, /1 problem \(0 errors, 1 warning, 0 infos\) in 1 file; 1 file not checked \(larger than the size limit\)$/m);
      assert.match(r.err, /1 file was not checked, larger than the size limit: 'a\.landscape\.yaml' \(\d+ KiB > 1 KiB\)\. Raise the limit .*exit code 1/);
    });

    it('the same from .landscape-lint.json, and --max-warnings does not let it pass', () => {
      fs.writeFileSync(path.join(tmp, '.landscape-lint.json'), JSON.stringify({ maxFileSizeKB: 1 }));
      try {
        assert.equal(run(['a.landscape.yaml', '--max-warnings', '5'], tmp).code, 1);
        assert.equal(run(['a.landscape.yaml', '--max-file-size', '1024'], tmp).code, 0, 'the CLI option overrides the file');
      } finally {
        fs.rmSync(path.join(tmp, '.landscape-lint.json'));
      }
    });

    it('JSON (spec shape) lists the file with its file-too-large warning, even with --rule file-too-large=off', () => {
      const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cli-output.schema.json'), 'utf8')));
      for (const extra of [[], ['--rule', 'file-too-large=off'], ['--rule', 'file-too-large=error']]) {
        const r = run(['--format', 'json', '.', '--max-file-size', '1', ...extra], tmp);
        assert.equal(r.code, 1, `${extra.join(' ')}: ${r.err}`);
        const doc = JSON.parse(r.out);
        assert.ok(validate(doc as object), JSON.stringify(validate.errors));
        assert.deepEqual(doc.files.map((f: { file: string; diagnostics: { ruleId: string; severity: string; message: string }[] }) => [f.file, f.diagnostics.map((d) => d.ruleId)]),
          [['a.landscape.yaml', ['file-too-large']], ['b.landscape.yaml', ['file-too-large']]]);
        assert.match(doc.files[0].diagnostics[0].message, /it was not checked/);
        assert.equal(doc.files[0].diagnostics[0].severity, extra[1] === 'file-too-large=error' ? 'error' : 'warning');
        assert.match(r.err, /2 files were not checked/);
      }
    });

    it('SARIF: a result per unchecked file, the artifact marked unchecked, and a tool execution notification', () => {
      const r = run(['--format', 'sarif', 'a.landscape.yaml', '--max-file-size', '1'], tmp);
      assert.equal(r.code, 1);
      const run0 = JSON.parse(r.out).runs[0];
      assert.deepEqual(run0.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]), [['file-too-large', 'warning']]);
      assert.deepEqual(run0.artifacts, [{ location: { uri: 'a.landscape.yaml', uriBaseId: '%SRCROOT%' }, properties: { checked: false } }]);
      const [note] = run0.invocations[0].toolExecutionNotifications;
      assert.equal(run0.invocations[0].executionSuccessful, true);
      assert.equal(note.level, 'error');
      assert.equal(note.descriptor.id, 'file-too-large');
      assert.match(note.message.text, /^a\.landscape\.yaml was not checked: larger than the size limit \(\d+ KiB > 1 KiB\)\.$/);
      assert.equal(note.locations[0].physicalLocation.artifactLocation.uri, 'a.landscape.yaml');
      assert.equal(run0.invocations[0].exitCode, 1);
      // a run that checked everything has an invocation without notifications
      assert.deepEqual(JSON.parse(run(['--format', 'sarif', 'a.landscape.yaml'], tmp).out).runs[0].invocations, [{ executionSuccessful: true, exitCode: 0 }]);
    });

    it('an unreadable input still wins: exit 2', function () {
      if (process.platform === 'win32') this.skip();
      const dir = fs.mkdtempSync(path.join(tmp, 'mixed-'));
      fs.copyFileSync(CLEAN, path.join(dir, 'a.landscape.yaml'));
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.landscape.yaml'));
      const r = run([dir, '--max-file-size', '1'], tmp);
      assert.equal(r.code, 2);
      assert.match(r.err, /1 file was not checked/);
      assert.match(r.err, /1 input could not be read \(0 checked\); exit code 2/);
    });
  });

  it('the built bin runs from the shell with the same exit codes', () => {
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const ok = spawnSync(process.execPath, [cli, CLEAN], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    const bad = spawnSync(process.execPath, [cli, path.join(FIX, 'broken.landscape.yaml')], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    const usage = spawnSync(process.execPath, [cli, '--format'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--format needs a value/);
  });
});
