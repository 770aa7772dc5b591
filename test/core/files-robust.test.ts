import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileReadError, findFiles, readLandscapeFile, readLandscapeFileContent, scanFiles } from '../../server/src/core/files';
import { lintText } from '../../server/src/core/lint';
import { ROOT } from '../support/helpers';
import { invalidUtf8Path, makeFifo } from './files-helpers';

/** Compiled files.ts: calls that could hang or eat memory with a broken reader run in a child process. */
const FILES_JS = path.join(ROOT, 'out', 'server', 'src', 'core', 'files.js');

/**
 * Runs `readLandscapeFile(file, maxBytes)` in a child process killed after 4 s: a reader that
 * blocks on a pipe or reads /dev/zero forever fails the test instead of hanging mocha (a blocked
 * synchronous read never lets mocha's own timeout fire).
 */
function readInChild(file: string, maxBytes?: number): { status: number | null; result?: { text?: string; error?: { name: string; reason?: string; message: string } } } {
  const script = `
    const { readLandscapeFile } = require(${JSON.stringify(FILES_JS)});
    let out;
    try { out = { text: readLandscapeFile(${JSON.stringify(file)}${maxBytes === undefined ? '' : `, ${maxBytes}`}) }; }
    catch (e) { out = { error: { name: e.name, reason: e.reason, message: e.message } }; }
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 4000, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 });
  return { status: r.status, result: r.status === 0 ? JSON.parse(r.stdout) : undefined };
}

describe('files: only regular files are read', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-files-read-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a named pipe is refused at once, with and without a size limit (it used to block forever)', function () {
    this.timeout(10_000);
    const fifo = path.join(tmp, 'pipe.landscape.yaml');
    if (!makeFifo(fifo)) this.skip();
    for (const limit of [undefined, 2048]) {
      const r = readInChild(fifo, limit);
      assert.equal(r.status, 0, `reading a FIFO (limit ${limit}) did not return within 4 s`);
      assert.equal(r.result?.error?.name, 'FileReadError');
      assert.equal(r.result?.error?.reason, 'fifo');
      assert.equal(r.result?.error?.message, 'is a named pipe (FIFO), not a regular file');
    }
  });

  it('a symbolic link to /dev/zero is refused as a character device, never read', function () {
    this.timeout(10_000);
    if (!fs.existsSync('/dev/zero')) this.skip();
    const link = path.join(tmp, 'zero.landscape.yaml');
    fs.symlinkSync('/dev/zero', link);
    const r = readInChild(link);
    assert.equal(r.status, 0, 'reading a link to /dev/zero did not return within 4 s');
    assert.equal(r.result?.error?.reason, 'character-device');
    assert.equal(r.result?.error?.message, 'is a character device, not a regular file');
  });

  it('a symbolic link loop, a broken link and a directory say what they are', () => {
    fs.symlinkSync('loop-b.landscape.yaml', path.join(tmp, 'loop-a.landscape.yaml'));
    fs.symlinkSync('loop-a.landscape.yaml', path.join(tmp, 'loop-b.landscape.yaml'));
    fs.symlinkSync('nowhere', path.join(tmp, 'dangling.landscape.yaml'));
    fs.mkdirSync(path.join(tmp, 'dir.landscape.yaml'));
    const failure = (file: string): FileReadError => {
      try {
        readLandscapeFile(path.join(tmp, file));
      } catch (e) {
        assert.ok(e instanceof FileReadError, `${file}: ${String(e)}`);
        return e;
      }
      assert.fail(`${file} was read`);
    };
    assert.equal(failure('loop-a.landscape.yaml').reason, 'symlink-loop');
    assert.match(failure('loop-a.landscape.yaml').message, /^symbolic link loop/);
    assert.equal(failure('dangling.landscape.yaml').reason, 'broken-link');
    assert.match(failure('dangling.landscape.yaml').message, /broken symbolic link/);
    assert.equal(failure('dir.landscape.yaml').message, 'is a directory, not a regular file');
    assert.equal(failure('missing.landscape.yaml').message, 'no such file or directory');
    assert.ok(failure('missing.landscape.yaml') instanceof Error);
  });

  it('a sparse 3 GB file is read only as far as the size limit needs; linting it gives file-too-large', function () {
    this.timeout(10_000);
    const big = path.join(tmp, 'big.landscape.yaml');
    fs.writeFileSync(big, 'systems:\n');
    fs.truncateSync(big, 3 * 1024 ** 3);
    const content = readLandscapeFileContent(big, 4096);
    assert.equal(content.complete, false);
    assert.equal(content.size, 3 * 1024 ** 3);
    assert.ok(content.text.length <= 4096 + 4, `read ${content.text.length} characters`);
    const text = readLandscapeFile(big, 4096);
    const findings = lintText(big, text, { maxFileSize: 4096 }).findings;
    assert.deepEqual(findings.map((f) => `${f.severity} ${f.ruleId}`), ['warning file-too-large']);
  });

  it('over or under the limit, the prefix read decides file-too-large exactly as the whole file does', () => {
    const limit = 64;
    const bodies: Array<[string, (n: number) => Buffer]> = [
      ['ASCII', (n) => Buffer.alloc(n, 'a')],
      ['UTF-8 with BOM', (n) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.alloc(n, 'b')])],
      ['invalid UTF-8 bytes', (n) => Buffer.alloc(n, 0xff)],
      ['multi-byte UTF-8', (n) => Buffer.from('é'.repeat(n)).subarray(0, n)],
      ['UTF-16 LE', (n) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('c'.repeat(n), 'utf16le')])],
      ['UTF-16 BE', (n) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('d'.repeat(n), 'utf16le').swap16()])],
      ['UTF-16 LE, non-Latin', (n) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('€'.repeat(n), 'utf16le')])],
    ];
    const file = path.join(tmp, 'edge.landscape.yaml');
    for (const [kind, body] of bodies) {
      // every length around the places where the bound or the limit lies (limit, limit + 4, 2 × limit + 4)
      const lengths = [...Array(3 * limit + 9).keys()].filter((n) => n < 8 || Math.abs(n - limit) < 8 || Math.abs(n - 2 * limit) < 8 || n > 3 * limit);
      for (const n of lengths) {
        const bytes = body(n);
        fs.writeFileSync(file, bytes);
        const whole = readLandscapeFile(file); // no limit: the whole (small) file
        const content = readLandscapeFileContent(file, limit);
        const tooLarge = (t: string): boolean => Buffer.byteLength(t, 'utf8') > limit;
        assert.equal(tooLarge(content.text), tooLarge(whole), `${kind}, ${bytes.length} bytes`);
        if (!tooLarge(whole)) assert.equal(content.text, whole, `${kind}, ${bytes.length} bytes: not read whole`);
        if (content.complete) assert.equal(content.text, whole, `${kind}, ${bytes.length} bytes`);
      }
    }
  });

  it('a UTF-16 file larger in bytes than the limit but not in UTF-8 is still read whole and checked', () => {
    const file = path.join(tmp, 'wide.landscape.json');
    const json = JSON.stringify({ systems: {} });
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    const content = readLandscapeFileContent(file, json.length);
    assert.equal(content.complete, true);
    assert.equal(content.text, json);
  });
});

describe('files: searching folders', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-files-scan-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('pipes, device links, link loops, broken links and non-UTF-8 names are reported, the rest listed', function () {
    this.timeout(5000);
    const dir = fs.mkdtempSync(path.join(tmp, 'mixed-'));
    const clean = path.join(ROOT, 'examples', 'clean.landscape.yaml');
    fs.copyFileSync(clean, path.join(dir, 'a.landscape.yaml'));
    fs.symlinkSync(clean, path.join(dir, 'b.landscape.yaml'));
    const fifo = makeFifo(path.join(dir, 'pipe.landscape.yaml'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.landscape.yaml'));
    fs.symlinkSync('loop2.landscape.yaml', path.join(dir, 'loop1.landscape.yaml'));
    fs.symlinkSync('loop1.landscape.yaml', path.join(dir, 'loop2.landscape.yaml'));
    fs.symlinkSync('nowhere', path.join(dir, 'dangling.landscape.yaml'));
    fs.writeFileSync(invalidUtf8Path(dir, 'x', '.landscape.yaml'), 'systems: {}\n');
    fs.mkdirSync(invalidUtf8Path(dir, 'folder', ''));
    fs.writeFileSync(Buffer.concat([invalidUtf8Path(dir, 'folder', ''), Buffer.from('/in.landscape.yaml')]), 'systems: {}\n');
    fs.writeFileSync(invalidUtf8Path(dir, 'notes', '.txt'), 'not a landscape: not reported');
    if (fifo) spawnSync('mkfifo', [path.join(dir, 'other-pipe')]); // matches no pattern: not reported
    fs.symlinkSync(tmp, path.join(dir, 'up.landscape.yaml')); // a folder link: not followed, as before

    const scan = scanFiles(dir);
    assert.deepEqual(scan.files.map((f) => path.basename(f)), ['a.landscape.yaml', 'b.landscape.yaml']);
    const skipped = Object.fromEntries(scan.skipped.map((s) => [path.relative(dir, s.path), s.message]));
    assert.deepEqual(skipped, {
      'dangling.landscape.yaml': 'broken symbolic link: its target does not exist',
      'folder\\xFF/in.landscape.yaml': 'folder name is not valid UTF-8',
      'loop1.landscape.yaml': 'symbolic link loop (too many levels of symbolic links)',
      'loop2.landscape.yaml': 'symbolic link loop (too many levels of symbolic links)',
      ...(fifo ? { 'pipe.landscape.yaml': 'is a named pipe (FIFO), not a regular file' } : {}),
      'x\\xFF.landscape.yaml': 'file name is not valid UTF-8',
      'zero.landscape.yaml': 'is a character device, not a regular file',
    });
    assert.deepEqual(findFiles(dir).map((f) => path.basename(f)), ['a.landscape.yaml', 'b.landscape.yaml']);
  });

  it('a folder that cannot be listed is reported, not skipped silently', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root lists anything
    const dir = fs.mkdtempSync(path.join(tmp, 'locked-'));
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.chmodSync(path.join(dir, 'locked'), 0);
    try {
      const scan = scanFiles(dir);
      assert.deepEqual(scan.skipped.map((s) => [path.relative(dir, s.path), s.reason, s.message]), [['locked', 'unreadable-folder', 'cannot search this folder: permission denied']]);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o700);
    }
  });
});
