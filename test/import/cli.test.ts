import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli';
import { ROOT } from '../support/helpers';

const FIX = path.join(ROOT, 'test', 'fixtures', 'import');
const ACME = fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8');

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  // the lint summaries are typed from the guide: baseline guide-1.1
  const code = main(['import', '--baseline', 'guide-1.1', ...args], { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; }, cwd, isTTY: false, env: {} });
  return { code, out, err };
}

describe('CLI: landscape-lint import', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-import-'));
    fs.writeFileSync(path.join(dir, 'acme.landscape.yaml'), ACME);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const fx = (f: string): string => path.join(FIX, f);
  const eprArgs = (): string[] => ['--sid', 'EPR', '--components', fx('EPR/components.txt'), '--notes', fx('EPR/notes.txt'), '--destinations', fx('EPR/destinations.txt'), '--parameters', fx('EPR/parameters.txt')];

  it('merges one system and prints its lint summary with the one before', () => {
    const r = run(['acme.landscape.yaml', ...eprArgs()], dir);
    assert.equal(r.code, 0, r.err);
    // EPR in acme: 3 errors (task list, SDCCN SDCC_OSS, 2738426 missing), 2 warnings, 2 infos;
    // the exports add 2738426 and the HTTPS destinations
    assert.equal(r.out, 'acme.landscape.yaml: changed 1 system\nEPR: 2 errors, 1 warning, 2 infos — was 3 errors, 2 warnings, 2 infos\n');
    assert.match(r.err, /^EPR: info: note 2408073 obsolete \(O\) in SNOTE, but SAP_BASIS 731 SP19 does not contain it/m);
    assert.notEqual(fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'), ACME);
    const again = run(['acme.landscape.yaml', ...eprArgs()], dir);
    assert.equal(again.out, 'acme.landscape.yaml: the exports match the file; nothing to change\n');
  });

  it('--dry-run prints a unified diff and writes nothing; the second dry run after an import is empty', () => {
    const r = run(['acme.landscape.yaml', '--dir', FIX, '--dry-run'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^--- acme\.landscape\.yaml\n\+\+\+ acme\.landscape\.yaml\n@@ -107,11 \+107,16 @@\n/);
    assert.match(r.out, /^-    basis: 750 SP10 {17}# below 750 SP12: needs 2576306 \(TCI-enabled\)\n\+    basis: 750 SP13 /m);
    assert.match(r.out, /\nacme\.landscape\.yaml: would change 3 systems \(dry run, nothing written\)\nBWP: .* — was .*\nEPR: .*\nGRP: .*\n$/);
    assert.equal(fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'), ACME);
    assert.match(r.err, /broken: warning: folder name is not a SID; skipped/);
    assert.equal(run(['acme.landscape.yaml', '--dir', FIX], dir).code, 0);
    assert.equal(run(['acme.landscape.yaml', '--dir', FIX, '--dry-run'], dir).out, 'acme.landscape.yaml: no changes\nacme.landscape.yaml: the exports match the file; nothing to change\n');
  });

  it('creates a file that does not exist (YAML or indented JSON)', () => {
    const r = run(['new/sap.landscape.json', ...eprArgs()], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^new\/sap\.landscape\.json: created 1 system\nEPR: 4 errors, 3 warnings, 1 info \(new\)\n$/);
    const json = fs.readFileSync(path.join(dir, 'new', 'sap.landscape.json'), 'utf8');
    assert.match(json, /^\{\n {2}"landscape": "Imported landscape",\n {2}"systems": \{\n {4}"EPR": \{\n/);
    assert.equal(JSON.parse(json).systems.EPR.basis, '731 SP19');
  });

  it('exit 1 when lines of an export could not be read (the rest is imported), with file:line', () => {
    const r = run(['acme.landscape.yaml', '--sid', 'EPR', '--notes', fx('broken/notes.txt')], dir);
    assert.equal(r.code, 1);
    // outside the working directory: shown with its absolute path
    const notes = fx('broken/notes.txt');
    assert.ok(r.err.includes(`${notes}:3: error: '25763O6' is not a SAP Note number; line skipped\n`), r.err);
    assert.ok(r.err.includes(`${notes}:5: error: not a row of the table`), r.err);
  });

  const refused: [string, string[], RegExp][] = [
    ['no SID', ['acme.landscape.yaml', '--notes', 'x'], /which system\? give --sid/],
    ['a bad SID', ['acme.landscape.yaml', '--sid', '1AB', '--notes', 'x'], /--sid '1AB' is not a SID/],
    ['no export', ['acme.landscape.yaml', '--sid', 'EPR'], /no export given/],
    ['an unknown option', ['acme.landscape.yaml', '--sid', 'EPR', '--bogus'], /Unknown option '--bogus'/],
    ['a bad role', ['acme.landscape.yaml', '--sid', 'EPR', '--notes', 'x', '--role', 'java'], /--role must be abap, solman or frun/],
    ['--dir with --sid', ['acme.landscape.yaml', '--dir', '.', '--sid', 'EPR'], /--dir reads the SIDs and files from the folder/],
    ['a missing export', ['acme.landscape.yaml', '--sid', 'EPR', '--notes', 'nope.txt'], /cannot read 'nope\.txt': no such file/],
    ['a file that is no export', ['acme.landscape.yaml', '--sid', 'EPR', '--destinations', path.join(FIX, 'broken', 'destinations.txt')], /no header row with the columns RFCDEST, RFCTYPE found/],
  ];
  for (const [what, args, message] of refused) {
    it(`exit 2 and nothing written on ${what}`, () => {
      const r = run(args, dir);
      assert.equal(r.code, 2, r.out + r.err);
      assert.match(r.err, message);
      assert.equal(fs.readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'), ACME);
    });
  }

  it('exit 2 and nothing written when the landscape file has a syntax error', () => {
    fs.writeFileSync(path.join(dir, 'bad.landscape.yaml'), 'landscape: X\nsystems:\n  EPR: [\n');
    const r = run(['bad.landscape.yaml', ...eprArgs()], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /^landscape-lint import: 'bad\.landscape\.yaml': line \d+: YAML syntax error/);
    assert.equal(fs.readFileSync(path.join(dir, 'bad.landscape.yaml'), 'utf8'), 'landscape: X\nsystems:\n  EPR: [\n');
  });
});
