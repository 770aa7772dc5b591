import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { ConfigError, effectiveSeverity, mergeConfig, parseConfig } from '../../server/src/core/config';
import { configSchema } from '../../server/src/core/configSchema';
import { ALL_RULES } from '../../server/src/core/lint';
import { closest } from '../../server/src/core/schema';
import { ROOT } from '../support/helpers';
import { BROKEN_YAML, runCli, tempTree } from './cliRun';

const KNOWN = ALL_RULES.map((r) => r.id);
const SCHEMA_FILE = path.join(ROOT, 'schemas', 'landscape-lint-config.schema.json');

describe('.landscape-lint.json: JSONC, schema, precise errors', () => {
  const dirs: string[] = [];
  after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });
  const withConfig = (config: string): string => {
    const dir = tempTree({ '.landscape-lint.json': config, 'a.landscape.yaml': BROKEN_YAML });
    dirs.push(dir);
    return dir;
  };
  const schemaFindings = (dir: string): number => (JSON.parse(runCli(['--format', 'json', '.'], { cwd: dir }).out) as { files: { diagnostics: { ruleId: string }[] }[] })
    .files[0].diagnostics.filter((d) => d.ruleId === 'schema').length;

  it('comments and trailing commas are read (VS Code settings style); the file counts', () => {
    const dir = withConfig('// team settings\n{\n  /* the typo is known */\n  "rules": { "schema": "off", },\n}\n');
    const r = runCli(['.'], { cwd: dir });
    assert.equal(r.err, '');
    assert.equal(schemaFindings(dir), 0);
  });

  // each broken configuration → the exit code 2 and the message (file:line:col: what) it must give
  const BROKEN: [string, string, RegExp][] = [
    ['not JSON at all', '{ "rules": { "schema": "off" }', /\.landscape-lint\.json:1:31: not valid JSON: a closing \} expected/],
    ['a list where an object belongs', '{ "rules": ["schema"] }', /:1:12: "rules" must be an object of rule id → "off" \| "info" \| "warning" \| "error", not a list/],
    ['a string where a list belongs (files)', '{ "files": "landscapes/*.yaml" }', /:1:12: "files" must be a list of glob patterns \(\["landscapes\/\*\.yaml"\]\), not a string/],
    ['a string where a list belongs (ignore)', '{ "ignore": "build" }', /:1:13: "ignore" must be a list of glob patterns/],
    ['a number in a list of patterns', '{ "files": ["a.yaml", 7] }', /:1:23: each entry of "files" must be a non-empty glob pattern string, not a number/],
    ['a string where a number belongs', '{ "maxFileSizeKB": "1024" }', /:1:20: "maxFileSizeKB" must be a whole number of KiB, at least 1 \(default 65536\), not a string/],
    ['zero KiB', '{ "maxFileSizeKB": 0 }', /"maxFileSizeKB" must be a whole number of KiB, at least 1 \(default 65536\), not 0/],
    ['an unknown severity', '{ "rules": { "schema": "loud" } }', /:1:24: rule "schema" has severity "loud"; use "off", "info", "warning" or "error"/],
    ['an unknown key, with a suggestion', '{ "rule": {} }', /:1:3: unknown key "rule" \(did you mean "rules"\?\)/],
    ['an unknown baseline', '{ "baseline": "latest" }', /"baseline" must be "guide-1\.1" or "current", not "latest"/],
    ['an impossible date', '{ "asOf": "2026-02-30" }', /"asOf" must be a date "YYYY-MM-DD", not "2026-02-30"/],
    ['an array at the top', '[]', /expected a JSON object/],
  ];
  for (const [what, text, message] of BROKEN) {
    it(`exit 2 with the place and the reason: ${what}`, () => {
      const r = runCli(['.'], { cwd: withConfig(text) });
      assert.equal(r.code, 2, r.out);
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    });
  }

  it('lists every problem of the file, not only the first', () => {
    const r = runCli(['.'], { cwd: withConfig('{\n  "files": "x",\n  "maxFileSizeKB": -1\n}') });
    assert.equal(r.code, 2);
    assert.match(r.err, /:2:12: "files"/);
    assert.match(r.err, /:3:20: "maxFileSizeKB"/);
  });

  it('an unknown rule id is warned about (with "did you mean") and the run goes on, as with --rule', () => {
    const dir = withConfig('{ "rules": { "schem": "off", "schema": "off" } }');
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    assert.notEqual(r.code, 2, r.err);
    JSON.parse(r.out);
    assert.match(r.err, /warning: .*\.landscape-lint\.json:1:14: unknown rule "schem" \(did you mean "schema"\?\); it has no effect/);
    // warned once, even though the file applies to every landscape below it
    assert.equal(r.err.match(/unknown rule/g)!.length, 1);
    const cli = runCli(['.', '--rule', 'schem=off'], { cwd: dir });
    assert.match(cli.err, /--rule names unknown rule schem \(did you mean schema\?\)/);
  });

  it('a key given twice is a warning naming the second one', () => {
    const r = runCli(['.'], { cwd: withConfig('{ "rules": { "schema": "error", "schema": "off" } }') });
    assert.match(r.err, /:1:33: rule "schema" is given twice; the last one counts/);
  });

  it('a rule id __proto__ or constructor is a setting like any other (null-prototype severities)', () => {
    const c = parseConfig('{ "rules": { "__proto__": "off", "constructor": "error" } }', 'x.json');
    assert.deepEqual(Object.keys(c.rules).sort(), ['__proto__', 'constructor']);
    assert.equal(effectiveSeverity(c, '__proto__', 'warning'), undefined);
    assert.equal(effectiveSeverity(c, 'constructor', 'warning'), 'error');
    // a rule without a setting is not given Object.prototype's members as its severity
    assert.equal(effectiveSeverity(mergeConfig({ rules: {} }), 'toString', 'info'), 'info');
    const merged = mergeConfig(c, { rules: JSON.parse('{ "__proto__": "info" }') as Record<string, 'info'> });
    assert.equal(effectiveSeverity(merged, '__proto__', 'warning'), 'info');
  });

  it('--print-config FILE prints the effective configuration (file, --rule and --ignore-pattern layers)', () => {
    const dir = withConfig('{ "rules": { "schema": "off", "saprouter-check": "info" }, "files": ["landscapes/*.yaml"], "ignore": ["archive"], "maxFileSizeKB": 2048, "baseline": "current", "asOf": "2026-11-29" }');
    const r = runCli(['--print-config', 'a.landscape.yaml', '--rule', 'schema=warning', '--ignore-pattern', 'tmp/**'], { cwd: dir });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), {
      file: path.join(dir, 'a.landscape.yaml'),
      configFile: path.join(dir, '.landscape-lint.json'),
      rules: { 'saprouter-check': 'info', schema: 'warning' },
      files: ['landscapes/*.yaml'],
      ignore: ['archive', 'tmp/**'],
      maxFileSizeKB: 2048,
      baseline: 'current',
      asOf: '2026-11-29',
    });
    assert.equal(runCli(['--print-config', 'a.landscape.yaml', 'other.yaml'], { cwd: dir }).code, 2);
  });

  it('--config FILE is read as JSONC too, and its errors name it', () => {
    const dir = withConfig('{}');
    fs.writeFileSync(path.join(dir, 'team.json'), '{ "rules": { "schema": "off" }, } // trailing comma');
    assert.equal(runCli(['--config', 'team.json', '--format', 'json', '.'], { cwd: dir }).code, 0);
    fs.writeFileSync(path.join(dir, 'team.json'), '{ "rules": 1 }');
    const r = runCli(['-c', 'team.json', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.err, /team\.json:1:12: "rules" must be an object/);
  });

  describe('the schema (schemas/landscape-lint-config.schema.json)', () => {
    it('is generated from the rules and up to date (run `npm run docs`)', () => {
      assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), JSON.stringify(configSchema(), null, 2) + '\n');
    });

    it('completes every rule id with its title', () => {
      const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
      assert.deepEqual(Object.keys(schema.properties.rules.properties), KNOWN);
    });

    it('is associated with .landscape-lint.json in package.json (validation, completion, JSONC)', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.ok(pkg.contributes.jsonValidation.some((j: { fileMatch: string; url: string }) => j.fileMatch === '.landscape-lint.json' && j.url === './schemas/landscape-lint-config.schema.json'));
      assert.ok(pkg.contributes.languages.some((l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.landscape-lint.json')));
      assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/landscape-lint-config\.schema\.json$/m);
    });

    // the loader and the schema must agree: each configuration, valid or not by both
    const CASES: [string, boolean][] = [
      ['{}', true],
      ['{ "$schema": "./schemas/landscape-lint-config.schema.json", "rules": { "schema": "off" } }', true],
      ['{ "files": ["a/*.yaml"], "ignore": ["build", "**/tmp/**"] }', true],
      ['{ "maxFileSizeKB": 1 }', true],
      ['{ "baseline": "guide-1.1", "asOf": "2025-01-31" }', true],
      ['{ "rules": { "schema": "loud" } }', false],
      ['{ "rules": [] }', false],
      ['{ "files": "a" }', false],
      ['{ "files": [""] }', false],
      ['{ "ignore": [1] }', false],
      ['{ "maxFileSizeKB": 1.5 }', false],
      ['{ "maxFileSizeKB": 0 }', false],
      ['{ "baseline": "newest" }', false],
      ['{ "asOf": "29.11.2026" }', false],
      ['{ "extends": "x" }', false],
      ['[]', false],
    ];
    const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema());
    it('an unknown rule id: flagged by the schema (a warning in VS Code), only warned about by the loader', () => {
      const text = '{ "rules": { "some-future-rule": "warning" } }';
      assert.equal(validate(JSON.parse(text)), false);
      const c = parseConfig(text, 'x.json', { knownRules: KNOWN, suggest: closest });
      assert.equal(c.rules['some-future-rule'], 'warning');
      assert.equal(c.warnings.length, 1);
    });
    for (const [text, valid] of CASES) {
      it(`${valid ? 'accepts' : 'rejects'} ${text} — the loader too`, () => {
        assert.equal(validate(JSON.parse(text)), valid, JSON.stringify(validate.errors));
        let loaded = true;
        try {
          parseConfig(text, 'x.json', { knownRules: KNOWN, suggest: closest });
        } catch (e) {
          assert.ok(e instanceof ConfigError, String(e));
          loaded = false;
        }
        assert.equal(loaded, valid);
      });
    }
  });
});
