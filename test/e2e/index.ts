/**
 * Mocha entry point for the real-editor (e2e) tests. VS Code's extension host
 * loads this module as `extensionTestsPath` and calls `run()`; the `vscode`
 * module is available to the test files it loads.
 *
 * It runs every `*.e2e.js` file below this folder and writes a result file
 * (JSON) that scripts/e2e/run-extension-tests.mjs trusts more than the exit
 * code the editor reports: when the extension host crashes, code-server's page
 * still reports "exit 0", but then no result file appears.
 *
 * Environment (set on code-server by the runner, inherited by the host):
 *   LL_E2E_RESULT  where to write the result JSON (default <repo>/.cache/e2e-result.json)
 *   LL_E2E_RUN_ID  copied into the result so the runner can tell it is fresh
 *   LL_E2E_GREP    only run tests whose full title matches this (mocha --grep)
 *
 * Naming: files are `*.e2e.ts`, never `*.test.ts`, so the unit-test run
 * (mocha over out/test, `*.test.js`) does not pick them up.
 */
import * as fs from 'fs';
import * as path from 'path';

// mocha 12 is an ES module; Node 20.19+ can require() it. Take the class from
// whichever shape require() hands back.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha');
const Mocha: typeof import('mocha') = mochaModule.Mocha ?? mochaModule.default ?? mochaModule;

/** One test's outcome as written to the result file. */
export interface E2eTestResult {
  title: string;
  fullTitle: string;
  file: string | undefined;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number | undefined;
  error?: { message: string; stack?: string };
}

/** The result file's shape; the runner reads it. */
export interface E2eResult {
  runId: string | null;
  startedAt: string;
  finishedAt: string;
  passes: number;
  failures: number;
  pending: number;
  tests: E2eTestResult[];
  /** Set when mocha itself could not run (e.g. a test file threw on load). */
  fatal?: string;
  vscodeVersion?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..'); // out/test/e2e -> repo

export function resultPath(): string {
  return process.env.LL_E2E_RESULT || path.join(REPO_ROOT, '.cache', 'e2e-result.json');
}

/** All `*.e2e.js` files under `dir`, sorted, without a glob library. */
export function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.e2e.js')) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found.sort();
}

function writeResult(result: E2eResult): void {
  const file = resultPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file); // atomic: the runner never reads half a file
}

function vscodeVersion(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('vscode') as typeof import('vscode')).version;
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  const startedAt = new Date().toISOString();
  const tests: E2eTestResult[] = [];
  const base = { runId: process.env.LL_E2E_RUN_ID ?? null, startedAt, vscodeVersion: vscodeVersion() };

  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  if (process.env.LL_E2E_GREP) mocha.grep(process.env.LL_E2E_GREP);
  const files = findTestFiles(__dirname);
  for (const f of files) mocha.addFile(f);
  console.log(`e2e: ${files.length} test file(s): ${files.map((f) => path.basename(f)).join(', ')}`);

  let failures: number;
  try {
    if (typeof mocha.loadFilesAsync === 'function') await mocha.loadFilesAsync();
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((n) => resolve(n));
      const record = (test: Mocha.Test, state: E2eTestResult['state'], err?: Error): void => {
        const r: E2eTestResult = {
          title: test.title,
          fullTitle: test.fullTitle(),
          file: test.file ? path.basename(test.file) : undefined,
          state,
          durationMs: test.duration,
        };
        if (err) r.error = { message: String(err.message ?? err), stack: err.stack };
        tests.push(r); // mocha's spec reporter already prints each test and failure
      };
      runner.on('pass', (t) => record(t, 'passed'));
      runner.on('fail', (t, err) => {
        // hook failures ("before all" hook …) arrive here as runnables too
        record(t as Mocha.Test, 'failed', err);
      });
      runner.on('pending', (t) => record(t, 'pending'));
    });
  } catch (e) {
    const err = e as Error;
    writeResult({
      ...base, finishedAt: new Date().toISOString(), passes: 0, failures: 1, pending: 0, tests,
      fatal: err.stack ?? String(err),
    });
    throw err;
  }

  const count = (s: E2eTestResult['state']): number => tests.filter((t) => t.state === s).length;
  const result: E2eResult = {
    ...base,
    finishedAt: new Date().toISOString(),
    passes: count('passed'),
    failures: Math.max(failures, count('failed')),
    pending: count('pending'),
    tests,
  };
  writeResult(result);
  if (result.failures > 0) throw new Error(`${result.failures} e2e test(s) failed`);
  if (result.passes === 0) throw new Error('no e2e test ran');
}
