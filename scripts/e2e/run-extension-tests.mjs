#!/usr/bin/env node
// Runs the e2e tests (out/test/e2e/index.js, see test/e2e/index.ts) inside a
// real VS Code: code-server on a free loopback port, opened in headless
// Chromium, with the extension loaded as a development extension.
//
//   node scripts/e2e/run-extension-tests.mjs [options] [WORKSPACE_FOLDER]
//
//   WORKSPACE_FOLDER           copied to a temp folder and opened (default: <repo>/examples)
//   --extension DIR            extensionDevelopmentPath (default: <repo>; needs dist/extension.js)
//   --tests FILE               extensionTestsPath (default: <repo>/out/test/e2e/index.js)
//   --timeout SECONDS          overall limit (default 600, or $LL_E2E_TIMEOUT)
//   --grep TEXT                only tests whose full title matches
//   --verbose                  relay code-server's own log lines too
//   --screenshot FILE          save a screenshot of the editor at the end
//   --restricted               restricted mode: workspace trust on, the folder untrusted; runs
//                              only the tests titled "restricted-mode" unless --grep is given
//                              (also: LL_E2E_RESTRICTED=1)
//
// Trusts only the result file written by the tests' run(): a missing or stale
// file (extension host crashed, tests never started) is a failure, whatever
// exit code the editor reports. Closes with `e2e: N passed, N failed`.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import {
  REPO, CACHE, ensureCodeServer, makeRunDir, makeUserDataDir, copyWorkspace, codeServerEnv,
  startCodeServer, launchBrowser, extensionTestUrl, log, sleep, tail, printOutputChannels, NOISE,
} from './lib.mjs';

/** Title marker of the tests that a --restricted run runs (test/e2e/restricted.e2e.ts). */
const RESTRICTED_GREP = 'restricted-mode'; // mocha turns a grep string into a RegExp: no special characters

/**
 * User settings of a restricted-mode run: trust is on, and nothing trusts the folder. A fresh
 * profile (user-data-dir) and a fresh browser context hold no trusted-folder list, and with
 * startupPrompt "never" no dialog asks (and blocks the workbench): the folder opens untrusted.
 */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

function parseArgs(argv) {
  const o = {
    extension: REPO,
    tests: null,
    workspace: path.join(REPO, 'examples'),
    timeout: Number(process.env.LL_E2E_TIMEOUT || 600),
    grep: process.env.LL_E2E_GREP || '',
    verbose: !!process.env.LL_E2E_VERBOSE,
    screenshot: null,
    restricted: process.env.LL_E2E_RESTRICTED === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    if (a === '--extension') o.extension = path.resolve(val());
    else if (a === '--tests') o.tests = path.resolve(val());
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--grep') o.grep = val();
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--screenshot') o.screenshot = path.resolve(val());
    else if (a === '--restricted') o.restricted = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else o.workspace = path.resolve(a);
  }
  o.tests ??= path.join(REPO, 'out', 'test', 'e2e', 'index.js');
  if (o.restricted && !o.grep) o.grep = RESTRICTED_GREP;
  if (!(o.timeout > 0)) usage('--timeout must be a positive number of seconds');
  return o;
}

function usage(err) {
  const text = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n')
    .filter((l) => l.startsWith('//')).slice(0, 23).map((l) => l.slice(3)).join('\n');
  if (err) console.error(`run-extension-tests: ${err}\n`);
  console.error(text);
  process.exit(err ? 2 : 0);
}

async function main(o) {
  const started = Date.now();
  const verdict = { passes: 0, failures: 0, reason: null };

  // ---- preconditions: fail early with a useful message
  const extPkg = path.join(o.extension, 'package.json');
  if (!fs.existsSync(extPkg)) throw new Error(`no package.json in extension folder ${o.extension}`);
  const extMain = JSON.parse(fs.readFileSync(extPkg, "utf8")).main;
  if (extMain && !fs.existsSync(path.resolve(o.extension, extMain)) && !fs.existsSync(path.resolve(o.extension, `${extMain}.js`))) {
    throw new Error(`extension main ${extMain} does not exist in ${o.extension} (run \`npm run build\` first)`);
  }
  if (!fs.existsSync(o.tests)) throw new Error(`tests module ${o.tests} not found (run \`npm run compile-tests\` or \`npx tsc -p test/e2e\` first)`);

  const entry = ensureCodeServer();
  const runDir = makeRunDir(o.restricted ? 'restricted' : 'tests');
  const userDataDir = makeUserDataDir(runDir, o.restricted ? RESTRICTED_SETTINGS : {});
  const workspace = copyWorkspace(o.workspace, runDir);
  const resultFile = path.join(runDir, 'e2e-result.json');
  const runId = `${process.pid}-${Date.now()}`;
  log('e2e', `run folder ${runDir}`);
  log('e2e', `workspace ${workspace} (copy of ${o.workspace})`);

  const env = codeServerEnv(runDir, {
    LL_E2E_RESULT: resultFile,
    LL_E2E_RUN_ID: runId,
    ...(o.grep ? { LL_E2E_GREP: o.grep } : {}),
    LL_E2E_RESTRICTED: o.restricted ? '1' : '',
  });
  if (o.restricted) log('e2e', `restricted mode: workspace trust enabled, folder untrusted; grep ${JSON.stringify(o.grep)}`);
  const cs = await startCodeServer({ entry, userDataDir, runDir, env, verbose: o.verbose, workspaceTrust: o.restricted });
  log('e2e', `code-server pid ${cs.proc.pid} on ${cs.url}`);

  let hostExit = null;      // { code, line } when code-server logs the extension host's end
  let pageExit = null;      // the code the workbench hands to codeAutomationExit
  cs.onLine((line) => {
    // e.g. "[…][ExtensionHostConnection] <pid> Extension Host Process exited with code: 1, signal: null."
    const m = /Extension Host Process exited with code: (\S+?), signal: (\S+?)\./.exec(line);
    if (m) hostExit = { code: m[1], signal: m[2], line };
  });

  let browser;
  let page;
  try {
    browser = await launchBrowser({ runDir });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await page.exposeFunction('codeAutomationExit', (code) => { pageExit = code ?? 0; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!o.verbose && NOISE.some((re) => re.test(text))) return;
      for (const l of text.split('\n')) console.log(`[host] ${l}`);
    });
    page.on('pageerror', (err) => { if (o.verbose) console.log(`[page error] ${err.message}`); });
    page.on('crash', () => log('e2e', 'the browser page crashed'));
    if (o.verbose) page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));

    const url = extensionTestUrl(cs.url, cs.port, workspace, o.extension, o.tests);
    log('e2e', `opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });

    // ---- wait for: result file | workbench exit | host exit | code-server exit | timeout
    const deadline = started + o.timeout * 1000;
    let graceUntil = null;  // after an exit signal, give the result file a moment to appear
    for (;;) {
      const result = readResult(resultFile, runId);
      if (result) {
        await sleep(1000); // let the last log lines arrive before closing the page
        Object.assign(verdict, summarize(result));
        break;
      }
      const signals = [
        pageExit !== null && `workbench reported exit ${pageExit}`,
        hostExit && `extension host exited (code ${hostExit.code}, signal ${hostExit.signal})`,
        cs.exited() && `code-server exited (${JSON.stringify(cs.exited())})`,
      ].filter(Boolean);
      const signal = signals.length ? signals.join('; ') : null;
      if (signal && graceUntil === null) graceUntil = Date.now() + 5000;
      if (graceUntil !== null && Date.now() > graceUntil) {
        verdict.reason = `${signal}, but the tests wrote no result file (${resultFile}): the extension host crashed or run() never finished`;
        verdict.failures = 1;
        break;
      }
      if (Date.now() > deadline) {
        verdict.reason = `overall timeout of ${o.timeout} s reached without a result file${signal ? ` (${signal})` : ''}`;
        verdict.failures = 1;
        break;
      }
      await sleep(250);
    }
    if (o.screenshot) {
      fs.mkdirSync(path.dirname(o.screenshot), { recursive: true });
      await page.screenshot({ path: o.screenshot }).catch((e) => log('e2e', `screenshot failed: ${e.message}`));
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    await cs.stop();
  }

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (verdict.reason) {
    console.log(`e2e: FAILED: ${verdict.reason}`);
    console.log(`e2e: last lines of ${cs.logFile}:\n${tail(cs.logFile, 30)}`);
  }
  if (verdict.reason || verdict.failures > 0) printOutputChannels('e2e', userDataDir);
  // keep a copy at a fixed place for tools / CI artifacts
  try { fs.copyFileSync(resultFile, path.join(CACHE, 'e2e-result.json')); } catch { /* none written */ }
  log('e2e', `finished in ${secs} s; result ${fs.existsSync(resultFile) ? resultFile : '(none)'}`);
  console.log(`e2e: ${verdict.passes} passed, ${verdict.failures} failed`);
  return verdict.failures === 0 && verdict.passes > 0 && !verdict.reason ? 0 : 1;
}

/** The parsed result file if it exists and belongs to this run. */
function readResult(file, runId) {
  if (!fs.existsSync(file)) return null;
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return r && r.runId === runId ? r : null;
  } catch {
    return null; // being written; index.ts renames atomically, so this is rare
  }
}

function summarize(r) {
  const v = { passes: r.passes | 0, failures: r.failures | 0, reason: null };
  if (r.fatal) v.reason = `mocha could not run: ${r.fatal.split('\n')[0]}`;
  for (const t of r.tests ?? []) {
    if (t.state === 'failed') console.log(`e2e: FAILED ${t.fullTitle}\n      ${(t.error?.message ?? '').split('\n').join('\n      ')}`);
  }
  if (!v.reason && v.passes === 0 && v.failures === 0) v.reason = 'the result file lists no test that ran';
  return v;
}

const opts = parseArgs(process.argv.slice(2));
let code = 1;
const hardStop = setTimeout(() => {
  // belt and braces: main() has its own deadline; this catches a hung teardown
  console.log('e2e: FAILED: runner hung; exiting');
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}, (opts.timeout + 120) * 1000);
hardStop.unref();
try {
  code = await main(opts);
} catch (e) {
  console.error(`e2e: ERROR: ${opts.verbose ? e.stack ?? e : e.message ?? e}`);
  console.log('e2e: 0 passed, 1 failed');
  code = 1;
}
process.exit(code);
