#!/usr/bin/env node
// The scale benchmark (docs/benchmark.md): generated 1k/5k(/20k) landscapes, the floor (parse +
// toJS + precompiled schema validator) measured in the same process as the engine, the CLI
// process against a floor process, the language server over LSP (keystroke → diagnostics,
// requests, peak memory) side by side with yaml-language-server on the same file and the same
// edits. Interleaved runs; medians and minimums; a table and one summary line. Writes nothing into
// the repository (temporary files, yaml-language-server in a cache folder).
//
//   npm run build && npx tsc -p . && node scripts/bench.mjs [options]
//
//   --systems 1000,5000   landscape sizes (default 1000,5000)
//   --big                 adds 20000 (and the exponent of full lint from 5k to 20k)
//   --runs N              interleaved runs of the floor / full-lint / CLI measurements (default 5)
//   --sessions N          server sessions per size and server, interleaved (default 2)
//   --server-systems L    sizes the servers are driven on (default: those up to 5000)
//   --edits N             one-character edits per server session (default 10)
//   --no-yls              skip yaml-language-server (e.g. offline)
//   --quick               1k only, no yaml-language-server, 1 session of 5 edits, runs 3 (CI)
//   --json FILE           write every raw number
//   --seed S              generator seed (default 1)
//   --build               run `npm run build && npx tsc -p .` first
//
// `--runs N` with N ≤ 3 and none of --systems/--big/--full behaves like --quick (the informational
// CI call); --full forces the full benchmark.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateLandscape } from './gen-landscape.mjs';
import { BenchClient, now, sleep } from './bench/lsp.mjs';
import { median, minimum, fmtMs, fmtRatio, renderTable, verdict } from './bench/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** yaml-language-server version the benchmark installs (1.x: 2.x needs Node 22.13). */
export const YLS_VERSION = '1.25.0';

// ---------------------------------------------------------------------------------------------
// options

const argv = process.argv.slice(2);
function flag(name) {
  const i = argv.indexOf(name);
  if (i >= 0) argv.splice(i, 1);
  return i >= 0;
}
function option(name) {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined) usage(`${name} needs a value`);
  argv.splice(i, 2);
  return v;
}
function usage(message) {
  process.stderr.write(`bench: ${message}\nUsage: node scripts/bench.mjs [--systems 1000,5000] [--server-systems 1000,5000] [--big] [--runs N] [--sessions N] [--edits N] [--no-yls] [--quick|--full] [--json FILE] [--seed S] [--build]\n`);
  process.exit(2);
}
const int = (v, name, min = 1) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) usage(`${name} takes an integer ≥ ${min}, not '${v}'`);
  return n;
};

const systemsArg = option('--systems');
const serverSystemsArg = option('--server-systems');
const runsArg = option('--runs');
const sessionsArg = option('--sessions');
const editsArg = option('--edits');
const jsonFile = option('--json');
const seed = int(option('--seed') ?? 1, '--seed', 0);
const big = flag('--big');
const noYls = flag('--no-yls');
const full = flag('--full');
const rebuild = flag('--build');
let quick = flag('--quick');
if (argv.length) usage(`unknown argument ${argv[0]}`);
const runs = int(runsArg ?? (quick ? 3 : 5), '--runs');
let quickReason = quick ? '--quick' : '';
if (!quick && !full && runsArg !== undefined && runs <= 3 && systemsArg === undefined && !big) {
  quick = true;
  quickReason = `--runs ${runs} without --systems; --full runs everything`;
}
let sizes = systemsArg ? systemsArg.split(',').map((s) => int(s.trim(), '--systems')) : quick ? [1000] : [1000, 5000];
if (big && !sizes.includes(20000)) sizes.push(20000);
sizes = [...new Set(sizes)].sort((a, b) => a - b);
/** Sizes the servers are driven on: up to 5k by default (a 20k session takes long and needs more than Node's default heap). */
const serverSizes = serverSystemsArg ? serverSystemsArg.split(',').map((s) => int(s.trim(), '--server-systems')) : sizes.filter((n) => n <= 5000);
for (const n of serverSizes) if (!sizes.includes(n)) sizes.push(n);
sizes.sort((a, b) => a - b);
const sessions = int(sessionsArg ?? (quick ? 1 : 2), '--sessions');
const edits = int(editsArg ?? (quick ? 5 : 10), '--edits');
const withYls = !noYls && !quick;
/** Repetitions of each request in a settled document, and of the "request right after edits" probe. */
const requestReps = 5;
const burstReps = 3;
const REQUEST_BUDGET_MS = 10_000;

const started = now();
const elapsed = () => {
  const s = Math.round((now() - started) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const progress = (msg) => process.stderr.write(`[bench ${elapsed()}] ${msg}\n`);
const k = (n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

// ---------------------------------------------------------------------------------------------
// build and prerequisites

if (rebuild) {
  for (const cmd of [['npm', ['run', 'build']], ['npx', ['tsc', '-p', '.']]]) {
    const r = spawnSync(cmd[0], cmd[1], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) usage(`${cmd[0]} ${cmd[1].join(' ')} failed (exit ${r.status})`);
  }
}
const need = ['dist/cli.js', 'dist/server.js', 'out/package.json', 'out/schemas', 'out/server/src/core/lint.js', 'out/server/src/protocol.js', 'out/server/src/generated/landscapeValidator.js'];
for (const f of need) if (!existsSync(join(root, f))) usage(`${f} is missing: run npm run build && npx tsc -p . first (or pass --build)`);

const dir = mkdtempSync(join(tmpdir(), 'll-bench-'));
process.on('exit', () => {
  rmSync(join(dir, 'build', 'node_modules'), { force: true }); // the link only, first
  rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130)); // cleans up through 'exit'

/**
 * The build measured: a copy of dist/, out/server/ and the schema taken now, so that a rebuild in
 * the working tree while the benchmark runs (minutes) cannot mix two builds into one result. The
 * copy finds the project's node_modules through a symbolic link.
 */
const build = join(dir, 'build');
{
  const noMaps = (src) => !src.endsWith('.map');
  cpSync(join(root, 'dist'), join(build, 'dist'), { recursive: true, filter: noMaps });
  cpSync(join(root, 'out', 'server'), join(build, 'out', 'server'), { recursive: true, filter: noMaps });
  cpSync(join(root, 'out', 'schemas'), join(build, 'out', 'schemas'), { recursive: true, filter: noMaps });
  cpSync(join(root, 'out', 'package.json'), join(build, 'out', 'package.json'));
  cpSync(join(root, 'schemas', 'landscape.schema.json'), join(build, 'schemas', 'landscape.schema.json'));
  symlinkSync(join(root, 'node_modules'), join(build, 'node_modules'), 'dir');
}
const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
const revision = `HEAD ${git(['rev-parse', '--short', 'HEAD']) || 'unknown'}${git(['status', '--porcelain', '--', 'server', 'package.json']) ? ', uncommitted changes under server/' : ''}`;

let lintText, codeActions, VALIDATION_DELAY_MS, validate;
try {
  ({ lintText } = require(join(build, 'out/server/src/core/lint.js')));
  ({ codeActions } = require(join(build, 'out/server/src/features/codeActions.js')));
  ({ VALIDATION_DELAY_MS } = require(join(build, 'out/server/src/protocol.js')));
  ({ validate } = require(join(build, 'out/server/src/generated/landscapeValidator.js')));
  const check = spawnSync(process.execPath, [join(build, 'dist', 'cli.js'), join(root, 'examples', 'acme.landscape.yaml'), '--format', 'json'], { encoding: 'utf8' });
  if (check.status !== 0 && check.status !== 1) throw new Error(`dist/cli.js exits ${check.status} on the example: ${check.stderr.slice(0, 300)}`);
} catch (e) {
  usage(`the build does not work (${e instanceof Error ? e.message.split('\n')[0] : e}); rebuild (npm run build && npx tsc -p .) and retry`);
}
const { parseDocument, LineCounter } = require('yaml');
const schemaPath = join(build, 'schemas', 'landscape.schema.json');
const NO_LIMIT_KB = 1 << 20; // 1 GiB: the size limit is not what is measured here

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** yaml-language-server in the cache folder, installed on demand; { bin, version, delay } or { error }. */
function ensureYls() {
  const cache = process.env.LL_CACHE || join(homedir(), '.cache', 'landscape-lint');
  const prefix = join(cache, 'bench', 'yaml-language-server');
  const pkgDir = join(prefix, 'node_modules', 'yaml-language-server');
  const installed = () => {
    try {
      return JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  if (installed() !== YLS_VERSION) {
    progress(`installing yaml-language-server@${YLS_VERSION} into ${prefix}`);
    mkdirSync(prefix, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--save-exact', '--loglevel=error', `yaml-language-server@${YLS_VERSION}`],
      { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0 || installed() !== YLS_VERSION) return { error: `npm install failed (${r.status ?? r.error?.message}): ${(r.stderr || '').trim().split('\n').slice(-3).join(' ')}` };
  }
  // its own debounce between a change and validation (SettingsState.validationDelayMs)
  let delay = 200;
  try {
    const m = /validationDelayMs\s*=\s*(\d+)/.exec(readFileSync(join(pkgDir, 'out', 'server', 'src', 'yamlSettings.js'), 'utf8'));
    if (m) delay = Number(m[1]);
  } catch {
    // keep the default of 1.x
  }
  return { bin: join(pkgDir, 'bin', 'yaml-language-server'), version: YLS_VERSION, delay, prefix };
}

// ---------------------------------------------------------------------------------------------
// files

/** Per size: the generated landscape (with the yaml-language-server modeline, so both servers see one file). */
const landscapes = new Map();
for (const n of sizes) {
  const g = generateLandscape({ systems: n, seed, schema: schemaPath });
  const file = join(dir, `generated-${k(n)}.landscape.yaml`);
  writeFileSync(file, g.text);
  landscapes.set(n, { ...g, file, uri: pathToFileURL(file).href });
}

const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
console.log(`landscape-lint bench (${revision}): node ${process.version}, ${cpus().length} × ${cpuModel}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`sizes ${sizes.map(k).join(', ')} (seed ${seed}): ${sizes.map((n) => `${k(n)} = ${(landscapes.get(n).bytes / 1e6).toFixed(2)} MB, ${landscapes.get(n).lines} lines`).join('; ')}`);
console.log(`runs ${runs} (floor/lint/CLI, interleaved), ${sessions} server session(s) × ${edits} edits per size${quick ? `; quick mode (${quickReason})` : ''}`);

const yls = withYls ? ensureYls() : { error: quick ? 'skipped (quick mode)' : 'skipped (--no-yls)' };
if (yls.error) console.log(`yaml-language-server: ${yls.error}`);
else console.log(`yaml-language-server ${yls.version} from ${yls.prefix} (its debounce: ${yls.delay} ms); landscape-lint debounce ${VALIDATION_DELAY_MS} ms`);

// ---------------------------------------------------------------------------------------------
// floor, full lint in-process, CLI process, floor process

const ms = (t0) => now() - t0;

/** The floor in this process: parse with positions and duplicate-key check, toJS, precompiled validator. */
function floorInProcess(text) {
  const t0 = now();
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  const value = doc.toJS();
  validate(value);
  return ms(t0);
}

function lintInProcess(uri, text) {
  const t0 = now();
  const r = lintText(uri, text, { maxFileSize: NO_LIMIT_KB * 1024 });
  const t = ms(t0);
  return { ms: t, findings: r.findings.length };
}

const FLOOR_SCRIPT = `const fs = require('fs'); const { parseDocument, LineCounter } = require('yaml');
const { validate } = require(${JSON.stringify(join(build, 'out/server/src/generated/landscapeValidator.js'))});
const text = fs.readFileSync(process.argv[1], 'utf8');
const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
validate(doc.toJS());`;

function timeProcess(args) {
  const t0 = now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const t = ms(t0);
  return { ms: t, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliProcess(file) {
  const r = timeProcess([join(build, 'dist', 'cli.js'), file, '--format', 'json', '--max-file-size', String(NO_LIMIT_KB)]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (exit ${r.status}) on ${file}: ${r.stderr.slice(0, 500)}`);
  return r;
}

function floorProcess(file) {
  const r = timeProcess(['-e', FLOOR_SCRIPT, file]);
  if (r.status !== 0) throw new Error(`floor process failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  return r;
}

const batch = new Map(sizes.map((n) => [n, { floor: [], lint: [], cli: [], floorProc: [], findings: undefined, cliSummary: undefined }]));
const extras = {};

// warm-up: JIT, the validator, the rule tables
{
  const acme = readFileSync(join(root, 'examples', 'acme.landscape.yaml'), 'utf8');
  for (let i = 0; i < 3; i++) {
    floorInProcess(acme);
    lintInProcess('file:///warmup/acme.landscape.yaml', acme);
  }
  const small = landscapes.get(sizes[0]);
  floorInProcess(small.text);
  lintInProcess(small.uri, small.text);
}

for (let r = 0; r < runs; r++) {
  for (const n of r % 2 ? [...sizes].reverse() : sizes) {
    const L = landscapes.get(n);
    const b = batch.get(n);
    // alternate the order inside a run: neither side always gets the warmer (or more fragmented) heap
    const inProcess = [() => { gc(); b.floor.push(floorInProcess(L.text)); }, () => { gc(); const x = lintInProcess(L.uri, L.text); b.lint.push(x.ms); b.findings = x.findings; }];
    const processes = [() => b.floorProc.push(floorProcess(L.file).ms), () => { const x = cliProcess(L.file); b.cli.push(x.ms); b.cliSummary = JSON.parse(x.stdout).summary; }];
    for (const f of r % 2 ? [...inProcess].reverse() : inProcess) f();
    gc();
    for (const f of r % 2 ? [...processes].reverse() : processes) f();
    progress(`run ${r + 1}/${runs} ${k(n)}: floor ${fmtMs(b.floor.at(-1))}, lint ${fmtMs(b.lint.at(-1))}, floor process ${fmtMs(b.floorProc.at(-1))}, CLI ${fmtMs(b.cli.at(-1))}`);
  }
}

// ---------------------------------------------------------------------------------------------
// servers over LSP

const LINT_LOG = /\bv(\d+|disk): (\d+) diagnostics in (\d+) ms \(lint #(\d+)\)/;

/** The system of the landscape that holds a line (systems are in file order). */
function systemAt(L, line) {
  let lo = 0;
  let hi = L.systems.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (L.systems[mid].line <= line) lo = mid;
    else hi = mid - 1;
  }
  return L.systems[lo];
}

function systemEnd(L, s) {
  const i = L.systems.indexOf(s);
  return i + 1 < L.systems.length ? L.systems[i + 1].line - 1 : L.lines;
}

/**
 * The system the edits go into: the one nearest the middle of the file that has diagnostics in
 * the given publish (so that code actions have something to fix), else the middle one.
 */
function pickTarget(L, diagnostics) {
  const lines = L.text.split('\n');
  const middle = Math.floor(L.systems.length / 2);
  const withDiag = new Set();
  for (const d of diagnostics ?? []) if (d.code !== 'too-many-problems') withDiag.add(systemAt(L, d.range.start.line));
  let target = L.systems[middle];
  for (let dist = 0; dist < L.systems.length && withDiag.size; dist++) {
    const cand = [L.systems[middle + dist], L.systems[middle - dist]].find((s) => s && withDiag.has(s));
    if (cand) {
      target = cand;
      break;
    }
  }
  const end = systemEnd(L, target);
  const find = (re) => {
    for (let l = target.line; l <= end; l++) if (re.test(lines[l])) return l;
    return target.line;
  };
  return { system: target, end, descriptionLine: target.descriptionLine, descriptionLength: lines[target.descriptionLine].length, basisLine: find(/^ {4}basis: /), roleLine: find(/^ {4}role: /) };
}

const diagsIn = (diagnostics, from, to) => diagnostics.filter((d) => d.code !== 'too-many-problems' && d.range.start.line >= from && d.range.start.line <= to);

/**
 * One session of a server on one landscape: open, `edits` keystrokes in one system in the middle
 * (each waiting for its publish), requests in the settled document, requests right after a burst
 * of edits (landscape-lint), peak memory.
 */
async function serverSession(kind, n) {
  const L = landscapes.get(n);
  const isLl = kind === 'll';
  const client = isLl
    ? new BenchClient('landscape-lint', [join(build, 'dist', 'server.js'), '--stdio'])
    : new BenchClient('yaml-language-server', [yls.bin, '--stdio'], {
      configuration: (item) => (item.section === 'yaml'
        ? { schemas: { [pathToFileURL(schemaPath).href]: ['*.landscape.yaml', '*.landscape.yml'] }, schemaStore: { enable: false }, validate: true, hover: true, completion: true, format: { enable: false } }
        : item.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}),
    });
  const debounce = isLl ? VALIDATION_DELAY_MS : yls.delay;
  const out = { keystroke: [], serverLint: [], requests: {}, burst: [], open: undefined, peakMiB: undefined, diagnostics: undefined, error: undefined };
  try {
    await client.initialize({
      initializationOptions: isLl ? { maxFileSizeKB: NO_LIMIT_KB } : undefined,
      // the capabilities VS Code announces, so both servers take the paths editors take (a code
      // action's edit resolved when chosen: codeAction/resolve with data support)
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } },
    });
    if (!isLl) await sleep(300); // its configuration pull (schema association) after `initialized`
    let version = 1;
    let t0 = now();
    client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: L.uri, languageId: 'yaml', version, text: L.text } });
    let pub = await client.waitPublish((p) => p.uri === L.uri && (!isLl || p.version === version));
    out.open = pub.t - t0;
    await client.quiet(isLl ? 300 : 1000);
    pub = client.publishes.filter((p) => p.uri === L.uri).at(-1);
    out.diagnostics = pub.diagnostics.length;
    const target = pickTarget(L, pub.diagnostics);
    out.target = target.system.sid;
    let column = target.descriptionLength;

    const edit = () => {
      version++;
      const at = { line: target.descriptionLine, character: column++ };
      client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: L.uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
      return version;
    };
    for (let e = 0; e < edits; e++) {
      const from = client.publishes.length;
      const logsFrom = client.logs.length;
      t0 = now();
      const v = edit();
      pub = await client.waitPublish((p) => p.uri === L.uri && (!isLl || p.version === v), { from });
      out.keystroke.push(pub.t - t0 - debounce);
      if (isLl) {
        const line = client.logs.slice(logsFrom).map((l) => LINT_LOG.exec(l.message)).find((m) => m && Number(m[1]) === v);
        if (line) out.serverLint.push(Number(line[3]));
      }
      await sleep(50);
    }
    if (!isLl) await client.quiet(300);
    const last = client.publishes.filter((p) => p.uri === L.uri).at(-1);
    const own = diagsIn(last.diagnostics, target.system.line, target.end);
    const at = (line, character) => ({ textDocument: { uri: L.uri }, position: { line, character } });
    const range = own[0]?.range ?? { start: { line: target.basisLine, character: 4 }, end: { line: target.basisLine, character: 4 } };
    const requests = {
      codeAction: ['textDocument/codeAction', { textDocument: { uri: L.uri }, range, context: { diagnostics: own } }],
      hover: ['textDocument/hover', at(target.basisLine, 12)],
      completion: ['textDocument/completion', at(target.roleLine, 10)],
      documentSymbol: ['textDocument/documentSymbol', { textDocument: { uri: L.uri } }],
      codeLens: ['textDocument/codeLens', { textDocument: { uri: L.uri } }],
      ...(isLl ? { checklist: ['landscapeLint/checklist', { uri: L.uri, detail: 'summary', expand: [target.system.sid] }], report: ['landscapeLint/report', { uri: L.uri, format: 'markdown' }] } : {}),
    };
    const names = Object.keys(requests);
    for (const name of names) out.requests[name] = [];
    out.codeActions = undefined;
    for (let rep = 0; rep < requestReps; rep++) {
      for (const name of rep % 2 ? [...names].reverse() : names) {
        // a request slower than REQUEST_BUDGET_MS in total is not repeated further (a 30 s code action × 5 …)
        if (out.requests[name].reduce((x, y) => x + y, 0) > REQUEST_BUDGET_MS) continue;
        const [method, params] = requests[name];
        const r = await client.timed(method, params);
        out.requests[name].push(r.ms);
        if (name === 'codeAction') out.codeActions = Array.isArray(r.result) ? r.result.length : 0;
      }
    }
    if (isLl) {
      // a request right after a burst of three edits waits for at most one lint (the newest version's)
      for (let rep = 0; rep < burstReps; rep++) {
        await client.quiet(300);
        const logsFrom = client.logs.length;
        t0 = now();
        edit();
        edit();
        const v = edit();
        const asked = await Promise.all([client.timed('textDocument/codeLens', { textDocument: { uri: L.uri } }), client.timed('textDocument/hover', at(target.basisLine, 12))]);
        const done = Math.max(...asked.map((a) => a.t1));
        const lints = client.logs.slice(logsFrom).filter((l) => l.t <= done && LINT_LOG.test(l.message)).length;
        out.burst.push({ codeLens: asked[0].ms, hover: asked[1].ms, lints });
        await client.waitPublish((p) => p.uri === L.uri && p.version === v);
      }
    }
    out.peakMiB = client.memory().peakMiB;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
    progress(`${kind} ${k(n)} session failed: ${out.error}`);
  } finally {
    await client.stop();
  }
  return out;
}

const servers = { ll: new Map(sizes.map((n) => [n, []])), yls: new Map(sizes.map((n) => [n, []])) };
const kinds = yls.error ? ['ll'] : ['ll', 'yls'];
for (let s = 0; s < sessions; s++) {
  for (const n of s % 2 ? [...serverSizes].reverse() : serverSizes) {
    for (const kind of s % 2 ? [...kinds].reverse() : kinds) {
      const res = await serverSession(kind, n);
      servers[kind].get(n).push(res);
      if (!res.error) {
        progress(`session ${s + 1}/${sessions} ${kind === 'll' ? 'landscape-lint' : 'yaml-language-server'} ${k(n)}: open ${fmtMs(res.open)}, keystroke median ${fmtMs(median(res.keystroke))} (min ${fmtMs(minimum(res.keystroke))}), `
          + `${Object.entries(res.requests).map(([name, xs]) => `${name} ${fmtMs(median(xs))}`).join(', ')}, peak ${res.peakMiB.toFixed(0)} MiB`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// extras: the acme example, node start, aliases (issue 9)

{
  const nop = [];
  const acmeCli = [];
  const acme = join(root, 'examples', 'acme.landscape.yaml');
  let summary;
  for (let i = 0; i < runs; i++) {
    nop.push(timeProcess(['-e', '0']).ms);
    const r = cliProcess(acme);
    acmeCli.push(r.ms);
    summary = JSON.parse(r.stdout).summary;
  }
  const text = readFileSync(acme, 'utf8');
  const acmeLint = [];
  for (let i = 0; i < runs; i++) acmeLint.push(lintInProcess(acme, text).ms);
  extras.nodeStart = nop;
  extras.acmeCli = acmeCli;
  extras.acmeLint = acmeLint;
  extras.acmeSummary = summary;
}

function sharedAnchor(n) {
  const lines = ['landscape: Shared anchor', 'communicationUsers: { S0023456789: { description: all } }', 'systems:'];
  for (let i = 0; i < n; i++) {
    const sid = String.fromCharCode(65 + Math.floor(i / 1296) % 26) + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(i / 36) % 36] + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 36];
    lines.push(`  ${sid}:`, '    role: abap', '    connection: direct', '    basis: 750 SP12', '    communicationUser: S0023456789', '    certificates:',
      `      sslClientStandard: ${i === 0 ? '&cas [VeriSign Class 3 Public Primary Certification Authority - G5, DigiCert Global Root CA, DigiCert Global Root G2, DigiCert High Assurance EV Root CA]' : '*cas'}`);
  }
  return lines.join('\n') + '\n';
}
function timeAliases(name, text) {
  const lints = [];
  const fixAlls = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    let t0 = now();
    const r = lintText(`file:///${name.replace(/\W+/g, '-')}.landscape.yaml`, text);
    lints.push(ms(t0));
    findings = r.findings.length;
    t0 = now();
    codeActions(r, { textDocument: { uri: 'file:///x' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    fixAlls.push(ms(t0));
  }
  return { name, kib: text.length >> 10, lint: lints, fixAll: fixAlls, findings };
}
extras.aliases = [
  timeAliases('1,000 systems sharing one anchor', sharedAnchor(1000)),
  timeAliases('10,000 aliases of one value', `landscape: x\na: &a 1\nb: [${Array(10000).fill('*a').join(', ')}]\nsystems: {}\n`),
];

// ---------------------------------------------------------------------------------------------
// report

const pooled = (kind, n, pick) => servers[kind].get(n).filter((s) => !s.error).flatMap(pick);
const ratio = (a, b) => ({ median: median(a) / median(b), min: minimum(a) / minimum(b) });
const stat = (xs) => ({ median: median(xs), min: minimum(xs), n: xs.length });

/** Every measure per size: { median, min } (ms, ratio or MiB), or undefined when not measured. */
const M = {};
for (const n of sizes) {
  const b = batch.get(n);
  const ks = pooled('ll', n, (s) => s.keystroke);
  const yks = pooled('yls', n, (s) => s.keystroke);
  const req = (kind, name) => pooled(kind, n, (s) => s.requests[name] ?? []);
  const peak = (kind) => pooled(kind, n, (s) => (Number.isFinite(s.peakMiB) ? [s.peakMiB] : []));
  const burst = pooled('ll', n, (s) => s.burst);
  M[n] = {
    floor: stat(b.floor),
    lint: stat(b.lint),
    lintRatio: ratio(b.lint, b.floor),
    floorProc: stat(b.floorProc),
    cli: stat(b.cli),
    cliRatio: ratio(b.cli, b.floorProc),
    findings: b.findings,
    open: stat(pooled('ll', n, (s) => (s.open === undefined ? [] : [s.open]))),
    keystroke: stat(ks),
    keystrokeRatio: ratio(ks, b.floor),
    serverLint: stat(pooled('ll', n, (s) => s.serverLint)),
    ...Object.fromEntries(['codeAction', 'hover', 'completion', 'documentSymbol', 'codeLens', 'checklist', 'report'].map((r) => [r, stat(req('ll', r))])),
    burstLints: burst.length ? { median: median(burst.map((x) => x.lints)), min: Math.min(...burst.map((x) => x.lints)), max: Math.max(...burst.map((x) => x.lints)) } : undefined,
    burstCodeLens: stat(burst.map((x) => x.codeLens)),
    peak: { median: median(peak('ll')), min: minimum(peak('ll')), max: Math.max(...peak('ll')) },
    yOpen: stat(pooled('yls', n, (s) => (s.open === undefined ? [] : [s.open]))),
    yKeystroke: stat(yks),
    yKeystrokeRatio: ratio(yks, b.floor),
    yHover: stat(req('yls', 'hover')),
    yCompletion: stat(req('yls', 'completion')),
    ySymbols: stat(req('yls', 'documentSymbol')),
    yPeak: { median: median(peak('yls')), min: minimum(peak('yls')), max: Math.max(...peak('yls')) },
  };
  // memory: the peaks (the largest of the sessions) of both servers on the same file
  M[n].memRatio = { median: M[n].peak.max / M[n].yPeak.max, min: M[n].peak.min / M[n].yPeak.min };
  if (!serverSizes.includes(n)) {
    // not driven over LSP at this size: those cells read "—"
    for (const key of Object.keys(M[n])) if (!['floor', 'lint', 'lintRatio', 'floorProc', 'cli', 'cliRatio', 'findings'].includes(key)) delete M[n][key];
  }
}
let exponent;
if (sizes.includes(5000) && sizes.includes(20000)) {
  const e = (a, b) => Math.log(a / b) / Math.log(4);
  exponent = {
    cli: { median: e(median(batch.get(20000).cli), median(batch.get(5000).cli)), min: e(minimum(batch.get(20000).cli), minimum(batch.get(5000).cli)) },
    lint: { median: e(median(batch.get(20000).lint), median(batch.get(5000).lint)), min: e(minimum(batch.get(20000).lint), minimum(batch.get(5000).lint)) },
    floorProc: { median: e(median(batch.get(20000).floorProc), median(batch.get(5000).floorProc)), min: e(minimum(batch.get(20000).floorProc), minimum(batch.get(5000).floorProc)) },
    floor: { median: e(median(batch.get(20000).floor), median(batch.get(5000).floor)), min: e(minimum(batch.get(20000).floor), minimum(batch.get(5000).floor)) },
  };
}

const goalSize = sizes.includes(5000) ? 5000 : sizes.at(-1);
/** Rows: label, unit, value per size, goal text, goal check (value → boolean) and the sizes it applies to. */
const ms1 = { unit: 'ms' };
const rx = { unit: '×' };
const rows = [
  { section: 'floor and full lint' },
  { label: 'floor in-process (parse + toJS + validator)', ...ms1, get: (m) => m.floor },
  { label: 'full lint in-process (lintText)', ...ms1, get: (m) => m.lint },
  { label: 'full lint in-process / floor', ...rx, get: (m) => m.lintRatio, goal: '≤ 1.2× at 5k', check: { 5000: 1.2 } },
  { label: 'floor process (node -e)', ...ms1, get: (m) => m.floorProc },
  { label: 'CLI process (dist/cli.js --format json)', ...ms1, get: (m) => m.cli },
  { label: 'full lint: CLI / floor process', ...rx, get: (m) => m.cliRatio, goal: '≤ 1.2× at 5k', check: { 5000: 1.2 } },
  { section: 'landscape-lint server (LSP over stdio)' },
  { label: 'open → first diagnostics', ...ms1, get: (m) => m.open },
  { label: 'keystroke → diagnostics − debounce', ...ms1, get: (m) => m.keystroke },
  { label: 'keystroke / floor', ...rx, get: (m) => m.keystrokeRatio, goal: '≤ 0.2× at 1k, ≤ 0.1× at 5k', check: { 1000: 0.2, 5000: 0.1 } },
  { label: 'server lint time per edit (its log)', ...ms1, get: (m) => m.serverLint },
  { label: 'codeAction (the system\'s diagnostics)', ...ms1, get: (m) => m.codeAction, goal: '≤ 50 ms at 5k', check: { 5000: 50 } },
  { label: 'hover', ...ms1, get: (m) => m.hover, goal: '≤ 30 ms at 5k', check: { 5000: 30 } },
  { label: 'completion', ...ms1, get: (m) => m.completion, goal: '≤ 30 ms at 5k', check: { 5000: 30 } },
  { label: 'codeLens', ...ms1, get: (m) => m.codeLens, goal: '≤ 100 ms at 5k', check: { 5000: 100 } },
  { label: 'landscapeLint/checklist (summary + the edited system, as the tree asks)', ...ms1, get: (m) => m.checklist, goal: '≤ 100 ms at 5k', check: { 5000: 100 } },
  { label: 'landscapeLint/report', ...ms1, get: (m) => m.report, goal: '≤ 100 ms at 5k', check: { 5000: 100 } },
  { label: 'documentSymbol', ...ms1, get: (m) => m.documentSymbol },
  { label: 'lints a request waits for after 3 edits (max)', unit: 'lints', get: (m) => m.burstLints && { median: m.burstLints.max, min: m.burstLints.min }, goal: '≤ 1', check: { all: 1 } },
  { label: 'codeLens right after 3 edits', ...ms1, get: (m) => m.burstCodeLens },
  { label: 'peak RSS (VmHWM, largest of sessions)', unit: 'MiB', get: (m) => m.peak?.max && { median: m.peak.max, min: m.peak.min } },
];
if (!yls.error) {
  rows.push(
    { section: `yaml-language-server ${yls.version} (same file, same edits)` },
    { label: 'open → first diagnostics', ...ms1, get: (m) => m.yOpen },
    { label: 'keystroke → diagnostics − debounce', ...ms1, get: (m) => m.yKeystroke },
    { label: 'keystroke / floor', ...rx, get: (m) => m.yKeystrokeRatio },
    { label: 'hover', ...ms1, get: (m) => m.yHover },
    { label: 'completion', ...ms1, get: (m) => m.yCompletion },
    { label: 'documentSymbol', ...ms1, get: (m) => m.ySymbols },
    { label: 'peak RSS (VmHWM, largest of sessions)', unit: 'MiB', get: (m) => m.yPeak?.max && { median: m.yPeak.max, min: m.yPeak.min } },
    { label: 'memory: landscape-lint / yaml-language-server peak', ...rx, get: (m) => m.memRatio, goal: '≤ 1.0× at 5k', check: { 5000: 1.0 } },
  );
}
if (exponent) {
  rows.splice(rows.findIndex((r) => r.section === 'landscape-lint server (LSP over stdio)'), 0,
    { label: 'exponent 5k→20k, CLI: log(t20k/t5k)/log 4', unit: '', single: exponent.cli, goal: '≤ 1.05', check: { single: 1.05 } },
    { label: 'exponent 5k→20k, in-process lint', unit: '', single: exponent.lint, goal: '≤ 1.05', check: { single: 1.05 } },
    { label: 'exponent 5k→20k, floor process (reference)', unit: '', single: exponent.floorProc },
    { label: 'exponent 5k→20k, floor in-process (reference)', unit: '', single: exponent.floor });
}

const table = renderTable(rows, sizes, M, k);
console.log('');
console.log(`Medians (minimums in parentheses); ratios are median/median (min/min). Edits: ${edits} per session × ${sessions} session(s); requests: ${requestReps} each per session, in a settled document.`);
console.log(`Extras: node start ${fmtMs(median(extras.nodeStart))}; CLI on examples/acme.landscape.yaml ${fmtMs(median(extras.acmeCli))} (min ${fmtMs(minimum(extras.acmeCli))}) — ${JSON.stringify(extras.acmeSummary)}; engine in-process on acme ${median(extras.acmeLint).toFixed(1)} ms`);
for (const a of extras.aliases) console.log(`Extras: ${a.name} (${a.kib} KiB): lint ${fmtMs(median(a.lint))}, fix-all ${fmtMs(median(a.fixAll))}, ${a.findings} findings`);
for (const n of sizes) {
  const ll = servers.ll.get(n).find((s) => !s.error);
  const server = ll ? `; server published ${ll.diagnostics} diagnostics (cap landscapeLint.maxDiagnostics), edits in system ${ll.target}, ${ll.codeActions ?? '?'} code actions there` : '';
  console.log(`${k(n)}: ${landscapes.get(n).defective} systems with defects, ${M[n].findings} findings in-process, CLI ${JSON.stringify(batch.get(n).cliSummary)}${server}`);
}
console.log('');
console.log(table);
console.log('');

// summary line: each goal at its size (5k), else at the largest size measured (then marked so)
const parts = [];
let met = 0;
let total = 0;
function goal(text, value, limit) {
  if (value === undefined || !Number.isFinite(value)) {
    parts.push(`${text} n/a`);
    return;
  }
  total++;
  if (value <= limit) met++;
  parts.push(`${text} ${verdict(value <= limit)}`);
}
for (const n of sizes.filter((x) => x === 1000 || x === goalSize)) {
  const limit = n === 1000 ? 0.2 : 0.1;
  goal(`keystroke ${k(n)} ${fmtRatio(M[n].keystrokeRatio?.median)} floor (goal ≤ ${limit}×)`, M[n].keystrokeRatio?.median, limit);
}
goal(`full lint ${k(goalSize)} ${fmtRatio(M[goalSize].cliRatio.median)} (≤ 1.2×)`, M[goalSize].cliRatio.median, 1.2);
if (exponent) goal(`exponent ${exponent.cli.median.toFixed(2)} (≤ 1.05)`, exponent.cli.median, 1.05);
for (const [key, label, limit] of [['codeAction', 'code action', 50], ['hover', 'hover', 30], ['completion', 'completion', 30], ['codeLens', 'code lens', 100], ['checklist', 'checklist', 100], ['report', 'report', 100]]) {
  goal(`${label} ${k(goalSize)} ${fmtMs(M[goalSize][key]?.median)} (≤ ${limit} ms)`, M[goalSize][key]?.median, limit);
}
{
  const waits = sizes.map((n) => M[n].burstLints?.max).filter(Number.isFinite);
  const worst = waits.length ? Math.max(...waits) : undefined;
  goal(`a request waits for ${worst ?? '?'} lint${worst === 1 ? '' : 's'} at most (≤ 1)`, worst, 1);
}
if (yls.error) parts.push(`memory vs yaml-language-server n/a: ${yls.error}`);
else goal(`memory ${k(goalSize)} ${fmtRatio(M[goalSize].memRatio?.median)} of yls (≤ 1.0×)`, M[goalSize].memRatio?.median, 1.0);
const scope = goalSize === 5000 ? '' : ` [goals are for 5k; measured at ${k(goalSize)} only]`;
console.log(`bench: ${parts.join(', ')} — ${met}/${total} goals met${scope} (${elapsed()} total)`);

if (jsonFile) {
  const raw = {
    date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel, load: loadavg(), options: { sizes, runs, sessions, edits, seed, quick, yls: yls.error ? null : yls.version },
    debounce: { landscapeLint: VALIDATION_DELAY_MS, yamlLanguageServer: yls.delay ?? null },
    files: Object.fromEntries(sizes.map((n) => [n, { bytes: landscapes.get(n).bytes, lines: landscapes.get(n).lines, defective: landscapes.get(n).defective }])),
    batch: Object.fromEntries(sizes.map((n) => [n, batch.get(n)])),
    servers: { landscapeLint: Object.fromEntries(sizes.map((n) => [n, servers.ll.get(n)])), yamlLanguageServer: Object.fromEntries(sizes.map((n) => [n, servers.yls.get(n)])) },
    measures: M, exponent, extras,
    summary: `bench: ${parts.join(', ')} — ${met}/${total} goals met${scope}`,
  };
  writeFileSync(jsonFile, JSON.stringify(raw, null, 1));
  console.log(`raw numbers: ${jsonFile}`);
}
