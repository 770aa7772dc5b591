import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { colorEnabled } from '../../server/src/cli';
import { findFiles, isLandscapeFile } from '../../server/src/core/files';
import { ROOT } from '../support/helpers';
import { BROKEN_YAML, CLEAN_JSON, CLEAN_YAML, listed, runCli, tempTree } from './cliRun';

const BIN = path.join(ROOT, 'dist', 'cli.js');

describe('CLI input: globs, folders, ignore patterns, standard input', () => {
  let dir: string;
  before(() => {
    dir = tempTree({
      'a.landscape.yaml': CLEAN_YAML,
      'out/b.landscape.yaml': CLEAN_YAML,
      'dist/c.landscape.yaml': CLEAN_YAML,
      '.cache/d.landscape.yaml': CLEAN_YAML,
      'node_modules/pkg/e.landscape.yaml': CLEAN_YAML,
      '.git/f.landscape.yaml': CLEAN_YAML,
      'archive/old.landscape.yaml': CLEAN_YAML,
      'team/archive/older.landscape.yaml': CLEAN_YAML,
      'team/g.landscape.json': CLEAN_JSON,
      '-dash.landscape.yaml': CLEAN_YAML,
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = (args: string[], cwd = dir): string[] => {
    const r = runCli(['--format', 'json', ...args], { cwd });
    assert.equal(r.code, 0, r.err + r.out);
    return listed(r).sort();
  };

  it('a broken glob is a usage error with the reason (exit 2, no stack trace)', () => {
    for (const input of ['examples/{a*.yaml', 'examples/[a-.yaml']) {
      const r = runCli([input]);
      assert.equal(r.code, 2);
      assert.equal(r.err, `landscape-lint: cannot read '${input}': no such file or directory, and as a glob pattern it is incomplete (check its { } and [ ])\n`);
    }
  });

  it('the built bin: a broken glob is one line on stderr and exit 2; - reads the real standard input', () => {
    const glob = spawnSync(process.execPath, [BIN, 'examples/{a*.yaml'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(glob.status, 2);
    assert.equal(glob.stderr.split('\n').filter(Boolean).length, 1, glob.stderr);
    assert.doesNotMatch(glob.stderr, /internal error|\n\s+at /);
    const clean = spawnSync(process.execPath, [BIN, '-', '--baseline', 'guide-1.1'], { cwd: ROOT, encoding: 'utf8', input: CLEAN_YAML });
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /^No problems in 1 file$/m);
    const dirty = spawnSync(process.execPath, [BIN, '--stdin', '--stdin-filename', 'x.landscape.yaml', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', input: BROKEN_YAML });
    assert.equal(dirty.status, 1);
    assert.equal(JSON.parse(dirty.stdout).files[0].file, 'x.landscape.yaml');
  });

  it('the same broken pattern in the configuration\'s "files" or the editor setting does not throw', () => {
    const cfg = tempTree({ '.landscape-lint.json': '{ "files": ["examples/{a*.yaml", "[z-"] }', 'x.landscape.yaml': CLEAN_YAML });
    try {
      const r = runCli(['.'], { cwd: cfg });
      assert.equal(r.code, 0, r.err);
      assert.equal(isLandscapeFile(path.join(cfg, 'examples', 'a.yaml'), cfg, ['examples/{a*.yaml', '[z-']), false);
      assert.deepEqual(findFiles(cfg, ['examples/{a*.yaml', '**/*.landscape.yaml']).map((f) => path.basename(f)), ['x.landscape.yaml']);
    } finally {
      fs.rmSync(cfg, { recursive: true, force: true });
    }
  });

  it('folders named out, dist or .cache are searched; only node_modules and .git are left out by default', () => {
    assert.deepEqual(files(['.']), ['-dash.landscape.yaml', '.cache/d.landscape.yaml', 'a.landscape.yaml', 'archive/old.landscape.yaml', 'dist/c.landscape.yaml', 'out/b.landscape.yaml', 'team/archive/older.landscape.yaml', 'team/g.landscape.json']);
  });

  it('a folder or file named on the command line is never ignored (node_modules, .git, an ignore pattern)', () => {
    assert.deepEqual(files(['node_modules']), ['node_modules/pkg/e.landscape.yaml']);
    assert.deepEqual(files(['.git/f.landscape.yaml']), ['.git/f.landscape.yaml']);
    assert.deepEqual(files(['out', '--ignore-pattern', 'out']), ['out/b.landscape.yaml']);
    assert.deepEqual(files(['archive/old.landscape.yaml', '--ignore-pattern', 'archive']), ['archive/old.landscape.yaml']);
  });

  it('--ignore-pattern (repeatable): a name matches at any depth, a path is relative to the working directory', () => {
    assert.deepEqual(files(['.', '--ignore-pattern', 'archive', '--ignore-pattern', 'out/**', '--ignore-pattern', '.cache', '--ignore-pattern', 'dist', '--ignore-pattern=-*']),
      ['a.landscape.yaml', 'team/g.landscape.json']);
    assert.deepEqual(files(['.', '--ignore-pattern', 'team/archive', '--ignore-pattern', '*.yaml']), ['team/g.landscape.json']);
    // a glob input: what it finds is subject to the ignore patterns
    assert.deepEqual(files(['**/*.landscape.yaml', '--ignore-pattern', 'archive', '--ignore-pattern', '{out,dist,.cache}']), ['-dash.landscape.yaml', 'a.landscape.yaml']);
  });

  it('"ignore" in .landscape-lint.json is relative to its folder and adds to --ignore-pattern', () => {
    fs.writeFileSync(path.join(dir, 'team', '.landscape-lint.json'), '{ "ignore": ["archive/**"] }');
    try {
      assert.deepEqual(files(['team']), ['team/g.landscape.json']);
      assert.deepEqual(files(['.', '--ignore-pattern', 'team/*.json']).filter((f) => f.startsWith('team')), ['team/archive/older.landscape.yaml'], 'the root folder\'s configuration (none) applies to a search from the root');
    } finally {
      fs.rmSync(path.join(dir, 'team', '.landscape-lint.json'));
    }
  });

  it('-- ends the options: a file whose name starts with - is a path', () => {
    assert.deepEqual(files(['--', '-dash.landscape.yaml']), ['-dash.landscape.yaml']);
    const r = runCli(['-dash.landscape.yaml'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option '-d'|unknown option '-dash\.landscape\.yaml'/);
  });

  describe('standard input', () => {
    it('- reads YAML from standard input and reports it as <stdin>', () => {
      const r = runCli(['-', '--format', 'json'], { stdin: 'systems:\n  EDV:\n    role: abap\n    descripton: x\n' });
      assert.equal(r.code, 1);
      const doc = JSON.parse(r.out);
      assert.equal(doc.files[0].file, '<stdin>');
      assert.ok(doc.files[0].diagnostics.some((d: { ruleId: string; message: string }) => d.ruleId === 'schema' && /descripton/.test(d.message)));
      assert.equal(runCli(['--stdin'], { stdin: CLEAN_YAML }).code, 0);
    });

    it('without a name, JSON is told by its first character; with --stdin-filename by the name', () => {
      assert.equal(runCli(['-'], { stdin: CLEAN_JSON }).code, 0);
      // a comment is fine in YAML, a json-syntax error in a .json file
      const commented = CLEAN_JSON.replace('{', '{ // note');
      const asJson = runCli(['--stdin', '--stdin-filename', 'prod.landscape.json', '--format', 'json'], { stdin: commented });
      const doc = JSON.parse(asJson.out);
      assert.equal(doc.files[0].file, 'prod.landscape.json');
      assert.ok(doc.files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'json-syntax'), asJson.out);
    });

    it('the configuration comes from the folder of --stdin-filename', () => {
      const cfg = tempTree({ 'sub/.landscape-lint.json': '{ "rules": { "schema": "off" } }' });
      try {
        const input = 'systems:\n  EDV:\n    role: abap\n    descripton: x\n';
        const inSub = JSON.parse(runCli(['-', '--stdin-filename', 'sub/x.landscape.yaml', '--format', 'json'], { cwd: cfg, stdin: input }).out);
        assert.equal(inSub.files[0].file, 'sub/x.landscape.yaml');
        assert.ok(!inSub.files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'schema'));
        const atRoot = JSON.parse(runCli(['-', '--stdin-filename', 'x.landscape.yaml', '--format', 'json'], { cwd: cfg, stdin: input }).out);
        assert.ok(atRoot.files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'schema'));
      } finally {
        fs.rmSync(cfg, { recursive: true, force: true });
      }
    });

    it('UTF-16 with a byte-order mark (PowerShell\'s pipe) is read as a file would be', () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_YAML, 'utf16le')]);
      assert.equal(runCli(['-'], { stdin: bytes }).code, 0);
    });

    it('usage errors: - with paths, --stdin-filename without -', () => {
      const both = runCli(['-', 'a.landscape.yaml'], { stdin: CLEAN_YAML });
      assert.equal(both.code, 2);
      assert.match(both.err, /standard input \(- or --stdin\) cannot be combined with paths \(a\.landscape\.yaml\)/);
      const name = runCli(['--stdin-filename', 'x.yaml', 'a.landscape.yaml']);
      assert.equal(name.code, 2);
      assert.match(name.err, /--stdin-filename names standard input: add - or --stdin/);
    });
  });

  it('the workspace scan\'s cap is not silent: it says how many files there are', () => {
    const many = tempTree(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`s${String(i).padStart(2, '0')}.landscape.yaml`, 'systems: {}\n'])));
    try {
      let told: [number, number] | undefined;
      const got = findFiles(many, undefined, 5, (total, limit) => { told = [total, limit]; });
      assert.equal(got.length, 5);
      assert.deepEqual(told, [12, 5]);
    } finally {
      fs.rmSync(many, { recursive: true, force: true });
    }
  });
});

describe('CLI options: parsing with node:util parseArgs', () => {
  const USAGE: [string[], RegExp][] = [
    [['--bogus'], /^landscape-lint: unknown option '--bogus'\nRun 'landscape-lint --help' for the options\.\n$/],
    [['--formt', 'json'], /unknown option '--formt' \(did you mean --format\?\)/],
    [['--format'], /--format needs a value/],
    [['--format', 'xml'], /--format must be text, json, sarif, github, gitlab or junit, not 'xml'/],
    [['--max-warnings', '-1'], /--max-warnings needs a value \(one that starts with '-' is given as --max-warnings=-…\)/],
    [['--max-warnings=x'], /--max-warnings takes a whole number ≥ 0, not 'x'/],
    [['--max-file-size', '0'], /--max-file-size takes a size in KiB, not '0'/],
    [['--rule', 'schema'], /--rule takes ID=off\|info\|warning\|error, not 'schema'/],
    [['--color=yes'], /--color takes no value/],
  ];
  for (const [args, message] of USAGE) {
    it(`${args.join(' ')} → exit 2: ${message.source.slice(0, 60)}`, () => {
      const r = runCli(args);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /\n\s+at |TypeError|ERR_PARSE_ARGS/);
    });
  }

  it('--opt=value and --opt value are the same; the last of --color / --no-color wins', () => {
    const a = runCli(['--format=json', 'test/fixtures/cli/broken.landscape.yaml']);
    const b = runCli(['-f', 'json', 'test/fixtures/cli/broken.landscape.yaml']);
    assert.equal(a.out, b.out);
    assert.ok(runCli(['--no-color', '--color', 'test/fixtures/cli/broken.landscape.yaml']).out.includes('\x1b['));
    assert.ok(!runCli(['--color', '--no-color', 'test/fixtures/cli/broken.landscape.yaml']).out.includes('\x1b['));
  });

  // colour decision: flag, FORCE_COLOR, NO_COLOR, terminal (as Node reads them: FORCE_COLOR wins over NO_COLOR)
  const COLOR: [boolean | undefined, NodeJS.ProcessEnv, boolean, boolean][] = [
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [undefined, { TERM: 'dumb' }, true, false],
    [false, { FORCE_COLOR: '1' }, true, false],
    [true, { NO_COLOR: '1' }, false, true],
  ];
  for (const [flag, env, isTTY, expected] of COLOR) {
    it(`colour ${expected ? 'on' : 'off'}: flag ${String(flag)}, ${JSON.stringify(env)}, ${isTTY ? 'terminal' : 'pipe'}`, () => {
      assert.equal(colorEnabled(flag, { env, isTTY }), expected);
      const r = runCli(['test/fixtures/cli/broken.landscape.yaml', ...(flag === undefined ? [] : [flag ? '--color' : '--no-color'])], { env, isTTY });
      assert.equal(r.out.includes('\x1b['), expected);
    });
  }
});
