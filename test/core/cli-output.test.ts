import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT } from '../support/helpers';
import { runCli, tempTree } from './cliRun';

/** These formats are compared with the JSON output typed from the guide: baseline guide-1.1 throughout. */
const runGuide = (args: string[], options?: Parameters<typeof runCli>[1]): ReturnType<typeof runCli> => runCli(['--baseline', 'guide-1.1', ...args], options);

const ACME = 'examples/acme.landscape.yaml';
const BROKEN = 'test/fixtures/cli/broken.landscape.yaml';

/** The official SARIF 2.1.0 schema (OASIS, final "rtm.5" text) as the npm package @microsoft/jest-sarif ships it. */
function sarifValidator(): ReturnType<AjvDraft04['compile']> {
  const file = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  // unicodeRegExp off: the schema's pattern for `language` ("…[a-zA-Z]{2}]?$") is not valid with the u flag
  return new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

interface JsonFinding { ruleId: string; severity: string; message: string; system: string | null; range: { start: { line: number; character: number }; end: { line: number; character: number } } }
/** The findings of the JSON output (spec §3), the reference the other formats are compared with. */
function reference(args: string[]): { file: string; f: JsonFinding }[] {
  const doc = JSON.parse(runGuide(['--format', 'json', ...args]).out) as { files: { file: string; diagnostics: JsonFinding[] }[] };
  return doc.files.flatMap((file) => file.diagnostics.map((f) => ({ file: file.file, f })));
}

describe('CLI output formats for CI', () => {
  describe('--format sarif', () => {
    let validate: ReturnType<typeof sarifValidator>;
    before(() => { validate = sarifValidator(); });

    it('is valid against the official SARIF 2.1.0 schema: a dirty run, a clean run, a file not checked, an unreadable input', () => {
      const tmp = tempTree({ 'a.landscape.yaml': fs.readFileSync(path.join(ROOT, ACME)) });
      fs.symlinkSync('/nonexistent-target', path.join(tmp, 'gone.landscape.yaml'));
      try {
        const runs = [
          runGuide(['--format', 'sarif', ACME, BROKEN]),
          runGuide(['--format', 'sarif', 'examples/clean.landscape.yaml']),
          runGuide(['--format', 'sarif', 'a.landscape.yaml', '--max-file-size', '1'], { cwd: tmp }),
          runGuide(['--format', 'sarif', '.'], { cwd: tmp }),
        ];
        assert.deepEqual(runs.map((r) => r.code), [1, 0, 1, 2]);
        // the validator can fail: a run without a tool driver, a level SARIF does not have
        assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
        const bad = JSON.parse(runs[0].out);
        bad.runs[0].results[0].level = 'info';
        assert.equal(validate(bad), false);
        for (const r of runs) {
          const log = JSON.parse(r.out);
          assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
        }
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('rule help is embedded (text and Markdown with the guide section and examples); no file:// or example.invalid URI anywhere', () => {
      const r = runGuide(['--format', 'sarif', ACME]);
      const log = JSON.parse(r.out);
      for (const rule of log.runs[0].tool.driver.rules) {
        assert.match(rule.help.markdown, /Guide section: .+\.\n\n\*\*Bad\*\*\n\n```yaml\n/, rule.id);
        assert.match(rule.help.text, /Guide section: /, rule.id);
        assert.equal(rule.helpUri, undefined);
      }
      assert.equal(log.runs[0].tool.driver.informationUri, undefined);
      assert.doesNotMatch(r.out, /file:\/\/|example\.invalid/);
    });

    it('invocations: the exit code and success, with the tool version in the driver', () => {
      const dirty = JSON.parse(runGuide(['--format', 'sarif', ACME]).out).runs[0];
      assert.deepEqual(dirty.invocations, [{ executionSuccessful: true, exitCode: 1 }]);
      assert.match(dirty.tool.driver.version, /^\d+\.\d+\.\d+/);
      assert.equal(dirty.tool.driver.semanticVersion, dirty.tool.driver.version);
      const clean = JSON.parse(runGuide(['--format', 'sarif', 'examples/clean.landscape.yaml']).out).runs[0];
      assert.deepEqual(clean.invocations, [{ executionSuccessful: true, exitCode: 0 }]);
    });

    it('an unreadable input: executionSuccessful false, exit code 2, a notification naming it', () => {
      const tmp = tempTree({ 'a.landscape.yaml': 'systems: {}\n' });
      fs.symlinkSync('/nonexistent-target', path.join(tmp, 'gone.landscape.yaml'));
      try {
        const inv = JSON.parse(runGuide(['--format', 'sarif', '.'], { cwd: tmp }).out).runs[0].invocations[0];
        assert.equal(inv.executionSuccessful, false);
        assert.equal(inv.exitCode, 2);
        assert.equal(inv.toolExecutionNotifications[0].descriptor.id, 'unreadable-input');
        assert.match(inv.toolExecutionNotifications[0].message.text, /^gone\.landscape\.yaml could not be read: broken symbolic link/);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('a file outside the working directory gets a relative URI (../), not a file:// path', () => {
      const log = JSON.parse(runGuide(['--format', 'sarif', path.join(ROOT, ACME)], { cwd: path.join(ROOT, 'docs') }).out);
      assert.deepEqual(log.runs[0].artifacts[0].location, { uri: '../examples/acme.landscape.yaml', uriBaseId: '%SRCROOT%' });
    });
  });

  describe('--format github', () => {
    it('one workflow command per finding, with file, line, endLine, col, endColumn and the rule as title; then the summary', () => {
      const ref = reference([ACME]);
      const r = runGuide(['--format', 'github', ACME]);
      assert.equal(r.code, 1);
      const lines = r.out.trimEnd().split('\n');
      assert.equal(lines.length, ref.length + 1);
      const level: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
      ref.forEach(({ file, f }, i) => {
        const { start, end } = f.range;
        const message = `${f.message}${f.system ? ` (${f.system})` : ''}`.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
        assert.equal(lines[i], `::${level[f.severity]} file=${file},line=${start.line + 1},endLine=${end.line + 1},col=${start.character + 1},endColumn=${end.character + 1},title=${f.ruleId}::${message}`);
      });
      assert.equal(lines[lines.length - 1], '35 problems (13 errors, 10 warnings, 12 infos) in 1 file');
    });

    it('escapes %, newlines, and in properties : and , (a file name with a comma cannot end the property)', () => {
      const tmp = tempTree({ 'a,b:c%.landscape.yaml': 'systems:\n  EDV:\n    role: abap\n    descripton: "50%"\n' });
      try {
        const out = runGuide(['--format', 'github', '.'], { cwd: tmp }).out;
        assert.match(out, /^::error file=a%2Cb%3Ac%25\.landscape\.yaml,line=4,/m);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });

  describe('--format gitlab', () => {
    // GitLab's documented Code Quality shape: an array of issues with these fields
    const SHAPE = {
      type: 'array',
      items: {
        type: 'object',
        required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
        properties: {
          description: { type: 'string', minLength: 1 },
          check_name: { type: 'string', minLength: 1 },
          fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
          severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
          location: {
            type: 'object',
            required: ['path', 'lines'],
            properties: { path: { type: 'string', minLength: 1 }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } } },
          },
        },
      },
    };

    it('follows the documented shape; one issue per finding, severities mapped, fingerprints unique', () => {
      const ref = reference([ACME, BROKEN]);
      const r = runGuide(['--format', 'gitlab', ACME, BROKEN]);
      const issues = JSON.parse(r.out) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
      const validate = new Ajv({ allErrors: true }).compile(SHAPE);
      assert.ok(validate(issues), JSON.stringify(validate.errors));
      assert.equal(issues.length, ref.length);
      const sev: Record<string, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };
      ref.forEach(({ file, f }, i) => {
        assert.equal(issues[i].check_name, f.ruleId);
        assert.equal(issues[i].severity, sev[f.severity]);
        assert.deepEqual([issues[i].location.path, issues[i].location.lines.begin], [file, f.range.start.line + 1]);
      });
      assert.equal(new Set(issues.map((x) => x.fingerprint)).size, issues.length);
    });

    it('a fingerprint does not change when lines are added above the finding', () => {
      const text = fs.readFileSync(path.join(ROOT, BROKEN), 'utf8');
      const tmp = tempTree({ 'a.landscape.yaml': text });
      try {
        const before = JSON.parse(runGuide(['--format', 'gitlab', '.'], { cwd: tmp }).out).map((x: { fingerprint: string }) => x.fingerprint);
        fs.writeFileSync(path.join(tmp, 'a.landscape.yaml'), `# a comment\n# another\n${text}`);
        const after = JSON.parse(runGuide(['--format', 'gitlab', '.'], { cwd: tmp }).out).map((x: { fingerprint: string }) => x.fingerprint);
        assert.deepEqual(after, before);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('a clean run is an empty array', () => {
      assert.deepEqual(JSON.parse(runGuide(['--format', 'gitlab', 'examples/clean.landscape.yaml']).out), []);
    });
  });

  describe('--format junit', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
    type Case = { name: string; classname: string; failure?: { message: string; type: string } };
    type Suite = { name: string; tests: string; failures: string; testcase: Case[] };

    it('parses as XML: a suite per file, a case per finding, errors and warnings as failures', () => {
      const ref = reference([ACME, BROKEN, 'examples/clean.landscape.yaml']);
      const r = runGuide(['--format', 'junit', ACME, BROKEN, 'examples/clean.landscape.yaml']);
      assert.equal(XMLValidator.validate(r.out), true);
      const doc = parser.parse(r.out) as { testsuites: { tests: string; failures: string; testsuite: Suite[] } };
      const suites = doc.testsuites.testsuite;
      assert.deepEqual(suites.map((s) => s.name), [ACME, BROKEN, 'examples/clean.landscape.yaml']);
      const failing = ref.filter(({ f }) => f.severity === 'error' || f.severity === 'warning');
      assert.equal(Number(doc.testsuites.failures), failing.length);
      assert.equal(Number(doc.testsuites.tests), ref.length + 1, 'the clean file is one passed case');
      const acme = suites[0];
      assert.equal(acme.testcase.length, ref.filter((x) => x.file === ACME).length);
      const first = acme.testcase.find((c) => c.failure)!;
      assert.ok(['error', 'warning'].includes(first.failure!.type));
      assert.equal(suites[2].testcase.length, 1);
      assert.equal(suites[2].testcase[0].failure, undefined);
    });

    it('user text with markup and control characters stays well-formed XML', () => {
      const tmp = tempTree({ 'x<&>.landscape.yaml': 'systems:\n  EDV:\n    role: abap\n    "a<b>&\\u0001": 1\n' });
      try {
        const out = runGuide(['--format', 'junit', '.'], { cwd: tmp }).out;
        assert.equal(XMLValidator.validate(out), true, out);
        assert.match(out, /x&lt;&amp;&gt;\.landscape\.yaml/);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });

  describe('--quiet', () => {
    it('reports errors only; the exit code still counts warnings for --max-warnings, and says so', () => {
      const all = reference([ACME]);
      const r = runGuide(['--format', 'json', '--quiet', ACME]);
      const shown = JSON.parse(r.out).files[0].diagnostics as JsonFinding[];
      assert.deepEqual(shown.map((f) => f.ruleId), all.filter(({ f }) => f.severity === 'error').map(({ f }) => f.ruleId));
      const warned = runGuide(['-q', BROKEN, '--rule', 'schema=warning', '--max-warnings', '0']);
      assert.equal(warned.code, 1);
      assert.match(warned.out, /^No problems in 1 file$/m);
      assert.match(warned.err, /warnings \(more than --max-warnings 0\), not shown because of --quiet; exit code 1/);
    });
  });

  describe('VS Code problem matcher (package.json) for the text output in tasks', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'landscape-lint');
    const re = new RegExp(matcher.pattern.regexp);

    it('matches every finding line of the text output and captures file, line, column, severity, rule and message', () => {
      const ref = reference([ACME, BROKEN]);
      const lines = runGuide([ACME, BROKEN]).out.split('\n');
      const matched = lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);
      assert.equal(matched.length, ref.length);
      ref.forEach(({ file, f }, i) => {
        const m = matched[i];
        const p = matcher.pattern;
        assert.deepEqual([m[p.file], Number(m[p.line]), Number(m[p.column]), m[p.severity], m[p.code]], [file, f.range.start.line + 1, f.range.start.character + 1, f.severity, f.ruleId]);
        assert.ok(m[p.message].startsWith(f.message));
      });
      assert.equal(matcher.owner, 'landscape-lint');
      assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
    });

    it('an absolute path (a file outside the folder) and a Windows drive letter still split at the position', () => {
      const m = re.exec('C:\\land\\prod.landscape.yaml:12:5: warning [schema] Unknown key (EDV)')!;
      assert.deepEqual([m[1], m[2], m[3], m[4], m[5]], ['C:\\land\\prod.landscape.yaml', '12', '5', 'warning', 'schema']);
    });
  });
});
