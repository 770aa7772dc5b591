import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli';
import { scanFiles } from '../../server/src/core/files';
import { ROOT } from '../support/helpers';
import { invalidUtf8Path, makeFifo } from './files-helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const CLEAN = path.join(ROOT, 'examples', 'clean.landscape.yaml');
const BROKEN = path.join(ROOT, 'test', 'fixtures', 'cli', 'broken.landscape.yaml');

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; }, cwd, isTTY: false, env: {} });
  return { code, out, err };
}

/** The built bin, killed after 4 s: a CLI that blocks on a pipe or reads /dev/zero fails instead of hanging. */
function bin(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 4000, killSignal: 'SIGKILL' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI: unreadable inputs', () => {
  let tmp: string;
  let hasFifo: boolean;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cli-unreadable-'));
    hasFifo = makeFifo(path.join(tmp, 'pipe.landscape.yaml'));
    fs.symlinkSync('/dev/zero', path.join(tmp, 'zero.landscape.yaml'));
    fs.symlinkSync('loop-b.landscape.yaml', path.join(tmp, 'loop-a.landscape.yaml'));
    fs.symlinkSync('loop-a.landscape.yaml', path.join(tmp, 'loop-b.landscape.yaml'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('report on a named pipe returns at once: exit 2, "is a named pipe (FIFO)"', function () {
    this.timeout(5000);
    if (!hasFifo) this.skip();
    const r = bin(['report', 'pipe.landscape.yaml'], tmp);
    assert.equal(r.status, 2, `status ${r.status} (null: killed after 4 s)\n${r.stderr}`);
    assert.match(r.stderr, /cannot read 'pipe\.landscape\.yaml': is a named pipe \(FIFO\), not a regular file/);
  });

  it('report on a link to /dev/zero returns at once: exit 2, "is a character device"', function () {
    this.timeout(5000);
    const r = bin(['report', 'zero.landscape.yaml'], tmp);
    assert.equal(r.status, 2, `status ${r.status} (null: killed after 4 s)\n${r.stderr}`);
    assert.match(r.stderr, /cannot read 'zero\.landscape\.yaml': is a character device, not a regular file/);
  });

  it('a configuration file that is a named pipe or /dev/zero is refused at once: exit 2', function () {
    this.timeout(10000);
    const dir = fs.mkdtempSync(path.join(tmp, 'cfg-'));
    fs.copyFileSync(CLEAN, path.join(dir, 'a.landscape.yaml'));
    for (const make of [(f: string) => makeFifo(f), (f: string) => (fs.symlinkSync('/dev/zero', f), true)]) {
      const cfg = path.join(dir, '.landscape-lint.json');
      fs.rmSync(cfg, { force: true });
      if (!make(cfg)) continue;
      const r = bin(['a.landscape.yaml'], dir);
      assert.equal(r.status, 2, `status ${r.status} (null: killed after 4 s)\n${r.stderr}`);
      assert.match(r.stderr, /\.landscape-lint\.json: cannot be read \((is a named pipe|is a character device)/);
    }
  });

  it('report on a symbolic link loop says "symbolic link loop"', function () {
    this.timeout(5000);
    const r = bin(['report', 'loop-a.landscape.yaml'], tmp);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read 'loop-a\.landscape\.yaml': symbolic link loop/);
  });

  it('lint: explicit pipe, device link and link loop are named; the other files are still checked; exit 2', function () {
    this.timeout(5000);
    fs.copyFileSync(BROKEN, path.join(tmp, 'broken.landscape.yaml'));
    const args = [...(hasFifo ? ['pipe.landscape.yaml'] : []), 'zero.landscape.yaml', 'loop-a.landscape.yaml', 'broken.landscape.yaml', CLEAN];
    const r = bin(['--format', 'json', ...args], tmp);
    assert.equal(r.status, 2, `status ${r.status} (null: killed after 4 s)\n${r.stderr}`);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.files.map((f: { file: string }) => path.basename(f.file)), ['broken.landscape.yaml', 'clean.landscape.yaml']);
    assert.ok(doc.summary.errors > 0);
    if (hasFifo) assert.match(r.stderr, /^landscape-lint: cannot read 'pipe\.landscape\.yaml': is a named pipe \(FIFO\), not a regular file$/m);
    assert.match(r.stderr, /^landscape-lint: cannot read 'zero\.landscape\.yaml': is a character device, not a regular file$/m);
    assert.match(r.stderr, /^landscape-lint: cannot read 'loop-a\.landscape\.yaml': symbolic link loop/m);
    assert.match(r.stderr, new RegExp(`^landscape-lint: ${hasFifo ? 3 : 2} inputs could not be read \\(2 checked\\); exit code 2$`, 'm'));
    fs.rmSync(path.join(tmp, 'broken.landscape.yaml'));
  });

  it('lint: a folder with a pipe, a device link, a loop and a non-UTF-8 name reports each and checks the rest; exit 2', function () {
    this.timeout(5000);
    const dir = fs.mkdtempSync(path.join(tmp, 'folder-'));
    fs.copyFileSync(CLEAN, path.join(dir, 'clean.landscape.yaml'));
    const fifo = makeFifo(path.join(dir, 'pipe.landscape.yaml'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.landscape.yaml'));
    fs.symlinkSync('b.landscape.yaml', path.join(dir, 'a.landscape.yaml'));
    fs.symlinkSync('a.landscape.yaml', path.join(dir, 'b.landscape.yaml'));
    fs.writeFileSync(invalidUtf8Path(dir, 'x', '.landscape.yaml'), 'systems: {}\n');
    const r = run(['--format', 'json', '--baseline', 'guide-1.1', path.basename(dir)], tmp);
    assert.equal(r.code, 2, r.err);
    assert.deepEqual(JSON.parse(r.out).files.map((f: { file: string; diagnostics: unknown[] }) => [path.basename(f.file), f.diagnostics.length]), [['clean.landscape.yaml', 0]]);
    const name = path.basename(dir);
    const lines = r.err.trim().split('\n');
    assert.deepEqual(lines, [
      `landscape-lint: skipped '${name}/a.landscape.yaml': symbolic link loop (too many levels of symbolic links)`,
      `landscape-lint: skipped '${name}/b.landscape.yaml': symbolic link loop (too many levels of symbolic links)`,
      ...(fifo ? [`landscape-lint: skipped '${name}/pipe.landscape.yaml': is a named pipe (FIFO), not a regular file`] : []),
      `landscape-lint: skipped '${name}/x\\xFF.landscape.yaml': file name is not valid UTF-8`,
      `landscape-lint: skipped '${name}/zero.landscape.yaml': is a character device, not a regular file`,
      `landscape-lint: ${fifo ? 5 : 4} inputs could not be read (1 checked); exit code 2`,
    ]);
    // the same through the built bin, which must return promptly
    const b = bin([name, '--baseline', 'guide-1.1'], tmp);
    assert.equal(b.status, 2, `status ${b.status} (null: killed after 4 s)`);
    assert.match(b.stdout, /No problems in 1 file/);
  });

  it('lint: a folder holding only an unreadable landscape file reports it instead of "no landscape files found"', function () {
    this.timeout(5000);
    const dir = fs.mkdtempSync(path.join(tmp, 'only-'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.landscape.yaml'));
    const r = run([dir], tmp);
    assert.equal(r.code, 2);
    assert.match(r.err, /skipped '.*zero\.landscape\.yaml': is a character device/);
    assert.doesNotMatch(r.err, /no landscape files/);
  });

  it('lint: a sparse 3 GB file gets file-too-large with its real size, promptly, and fails the run (exit 1, not a crash or exit 2)', function () {
    this.timeout(10_000);
    const big = path.join(tmp, 'big.landscape.yaml');
    fs.writeFileSync(big, 'systems:\n');
    fs.truncateSync(big, 3 * 1024 ** 3);
    try {
      const r = bin(['--format', 'json', 'big.landscape.yaml'], tmp);
      assert.equal(r.status, 1, `status ${r.status}\n${r.stderr}`);
      assert.match(r.stderr, /1 file was not checked, larger than the size limit: 'big\.landscape\.yaml' \(3145728 KiB > 65536 KiB\)/);
      const [d] = JSON.parse(r.stdout).files[0].diagnostics;
      assert.equal(d.ruleId, 'file-too-large');
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /^File is 3145728 KiB, larger than the limit of 65536 KiB/);
      const small = bin(['--format', 'json', '--max-file-size', '1', 'big.landscape.yaml'], tmp);
      assert.match(JSON.parse(small.stdout).files[0].diagnostics[0].message, /^File is 3145728 KiB, larger than the limit of 1 KiB/);
    } finally {
      fs.rmSync(big);
    }
  });

  it('a missing explicit input is still a usage error', () => {
    const r = run(['missing.landscape.yaml'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read 'missing\.landscape\.yaml': no such file or directory/);
  });
});

describe('CLI: no silent cap on the number of files', () => {
  let dir: string;
  before(function () {
    this.timeout(20_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cli-many-'));
    for (let i = 0; i < 10_050; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(5, '0')}.landscape.yaml`), '');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('10,050 files in a folder: every one is checked and reported', function () {
    this.timeout(20_000);
    const r = run(['--format', 'json', '.'], dir);
    assert.equal(r.code, 1, r.err); // empty files are schema errors; not 2: nothing unreadable
    const doc = JSON.parse(r.out);
    assert.equal(doc.summary.files, 10_050);
    assert.equal(new Set(doc.files.map((f: { file: string }) => f.file)).size, 10_050);
    assert.equal(doc.files[10_049].file, 'f10049.landscape.yaml');
    assert.equal(r.err, '');
  });

  it('the same through a glob', function () {
    this.timeout(20_000);
    const r = run(['--format', 'json', '*.landscape.yaml'], dir);
    assert.equal(JSON.parse(r.out).summary.files, 10_050);
  });

  it('a search with a limit (the language server) says that it stopped', () => {
    const all = scanFiles(dir);
    assert.equal(all.files.length, 10_050);
    assert.equal(all.truncated, false);
    const capped = scanFiles(dir, undefined, { limit: 10_000 });
    assert.equal(capped.files.length, 10_000);
    assert.equal(capped.truncated, true);
  });
});
