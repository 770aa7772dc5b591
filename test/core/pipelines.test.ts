import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { ROOT } from '../support/helpers';
import { BROKEN_YAML, CLEAN_YAML } from './cliRun';

const CLI = path.join(ROOT, 'dist', 'cli.js');

interface ActionStep { name?: string; id?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }

describe('pipelines: GitHub Action, pre-commit hook, npm package, docs/ci.md', () => {
  describe('action.yml (composite action)', () => {
    type Action = { runs: { using: string; steps: ActionStep[] }; inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    let action: Action;
    let steps: ActionStep[];
    let lintStep: ActionStep;
    before(() => {
      action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
      steps = action.runs.steps;
      lintStep = steps.find((s) => s.id === 'lint')!;
    });

    it('is a composite action that builds, runs with --format sarif and uploads for code scanning', () => {
      assert.equal(action.runs.using, 'composite');
      for (const s of steps.filter((x) => x.run)) assert.ok(s.shell, `step "${s.name}" has no shell (required in composite actions)`);
      assert.match(lintStep.run!, /--format sarif -o "\$LL_SARIF"/);
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
      assert.ok(upload, 'no upload-sarif step');
      assert.equal(upload!.with!.sarif_file, '${{ inputs.sarif-file }}');
      assert.deepEqual(Object.keys(action.inputs), ['paths', 'args', 'sarif-file', 'upload', 'fail-on-findings', 'node-version']);
    });

    it('no input or step output is spliced into a script (they arrive as environment variables)', () => {
      for (const s of steps.filter((x) => x.run)) assert.doesNotMatch(s.run!, /\$\{\{/, `step "${s.name}"`);
    });

    it('its run step, executed as the runner would: SARIF file, annotations, exit-code output', function () {
      if (process.platform === 'win32') this.skip();
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-action-'));
      try {
        const runStep = (paths: string): { code: number; stdout: string; output: string; sarif: { runs: { results: unknown[] }[] } } => {
          const outFile = path.join(tmp, 'github_output');
          fs.writeFileSync(outFile, '');
          const sarifFile = path.join(tmp, 'out.sarif');
          const r = spawnSync('bash', ['-e', '-c', lintStep.run!], {
            cwd: ROOT,
            encoding: 'utf8',
            env: { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outFile, LL_PATHS: paths, LL_ARGS: '--rule legacy-destination=off --baseline guide-1.1', LL_SARIF: sarifFile },
          });
          return { code: r.status ?? -1, stdout: r.stdout, output: fs.readFileSync(outFile, 'utf8'), sarif: JSON.parse(fs.readFileSync(sarifFile, 'utf8')) };
        };
        const dirty = runStep('examples/acme.landscape.yaml test/fixtures/cli/*.yaml');
        assert.equal(dirty.code, 0, 'the step itself succeeds; "Fail on findings" decides');
        assert.equal(dirty.output, 'exit-code=1\n');
        assert.ok(dirty.sarif.runs[0].results.length > 0);
        assert.match(dirty.stdout, /^::error file=examples\/acme\.landscape\.yaml,line=\d+,/m);
        assert.match(dirty.stdout, /^::error file=test\/fixtures\/cli\/\*\.yaml|^::error file=test\/fixtures\/cli\/broken\.landscape\.yaml/m);
        const clean = runStep('examples/clean.landscape.yaml');
        assert.equal(clean.output, 'exit-code=0\n');
        assert.deepEqual(clean.sarif.runs[0].results, []);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });

  describe('.pre-commit-hooks.yaml', () => {
    let hooks: { id: string; entry: string; language: string; files: string }[];
    before(() => { hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')); });

    it('defines the hook landscape-lint for *.landscape.yaml|yml|json, run by the package\'s bin', () => {
      assert.equal(hooks.length, 1);
      const [hook] = hooks;
      assert.equal(hook.id, 'landscape-lint');
      assert.equal(hook.language, 'node');
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.ok(pkg.bin[hook.entry], `entry ${hook.entry} is not a bin of the package`);
      const files = new RegExp(hook.files);
      for (const f of ['a.landscape.yaml', 'dir/b.landscape.yml', 'c.landscape.json']) assert.ok(files.test(f), f);
      for (const f of ['a.yaml', 'landscape.yaml', 'a.landscape.yaml.bak', 'a-landscape.json']) assert.ok(!files.test(f), f);
    });

    it('runs in a temporary git repository with Debian\'s pre-commit: fails on errors, passes when clean, skips other files', function () {
      const which = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
      if (which.status !== 0) {
        // .ci/run installs it (apt-get install pre-commit); without it this test cannot run
        console.log('      (skipped: pre-commit is not installed — apt-get install pre-commit)');
        this.skip();
      }
      this.timeout(180_000);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-precommit-'));
      const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
      try {
        // the hook repository: this repository's hook definition and bin, as npm packs them
        const hookRepo = path.join(tmp, 'hook');
        fs.mkdirSync(path.join(hookRepo, 'dist'), { recursive: true });
        fs.copyFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
        fs.copyFileSync(CLI, path.join(hookRepo, 'dist', 'cli.js'));
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        fs.writeFileSync(path.join(hookRepo, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, license: pkg.license, bin: { 'landscape-lint': pkg.bin['landscape-lint'] } }, null, 2));
        git(hookRepo, 'init', '-q');
        git(hookRepo, 'add', '.');
        git(hookRepo, 'commit', '-q', '-m', 'hook');
        const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();
        // the user's repository
        const repo = path.join(tmp, 'repo');
        fs.mkdirSync(path.join(repo, 'landscapes'), { recursive: true });
        fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: landscape-lint\n`);
        fs.writeFileSync(path.join(repo, 'landscapes', 'prod.landscape.yaml'), CLEAN_YAML);
        fs.writeFileSync(path.join(repo, 'landscapes', 'dev.landscape.yml'), BROKEN_YAML);
        fs.writeFileSync(path.join(repo, 'landscapes', 'notes.yaml'), BROKEN_YAML);
        git(repo, 'init', '-q');
        git(repo, 'add', '.');
        const env = { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };
        const run = (): { code: number; out: string } => {
          const r = spawnSync('pre-commit', ['run', '--color', 'never'], { cwd: repo, encoding: 'utf8', env });
          return { code: r.status ?? -1, out: r.stdout + r.stderr };
        };
        const failing = run();
        assert.equal(failing.code, 1, failing.out);
        assert.match(failing.out, /landscape-lint \(SAP support backbone readiness\)\.+Failed/);
        assert.match(failing.out, /landscapes\/dev\.landscape\.yml:5:5: error \[schema\] Unknown key 'descripton'/);
        assert.doesNotMatch(failing.out, /notes\.yaml/, 'a file the pattern does not match was checked');
        git(repo, 'rm', '-q', '--cached', 'landscapes/dev.landscape.yml');
        const passing = run();
        assert.equal(passing.code, 0, passing.out);
        assert.match(passing.out, /landscape-lint \(SAP support backbone readiness\)\.+Passed/);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });

  it('npm pack (pre-commit\'s and `npm install -g <repository>`\'s way) ships the bundles, schemas and rule docs, builds them first, and nothing else', function () {
    this.timeout(60_000);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.scripts.prepack, 'node scripts/build.mjs --production');
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
    for (const f of ['dist/cli.js', 'dist/server.js', 'schemas/landscape-lint-config.schema.json', 'schemas/landscape.schema.json', 'docs/rules.md', 'docs/rules/na-digital-signature.md', 'docs/rules/schema.md', 'docs/configuration.md', 'docs/ci.md', 'package.json', 'README.md']) assert.ok(files.includes(f), `${f} not packed`);
    assert.deepEqual(files.filter((f) => /^(server|client|test|scripts|out|node_modules)\//.test(f) || f.endsWith('.map')), []);
  });

  it('every YAML example in docs/ci.md parses', () => {
    const md = fs.readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
    const blocks = [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.ok(blocks.length >= 5, `${blocks.length} YAML examples`);
    for (const b of blocks) for (const d of parseAllDocuments(b)) assert.deepEqual((d as { errors: unknown[] }).errors, [], b);
  });
});
