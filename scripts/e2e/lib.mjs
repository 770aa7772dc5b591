// Shared plumbing for the real-editor tests: install/locate code-server, start
// it on a free loopback port with a throwaway profile, open it in headless
// Debian Chromium via playwright-core, and tear everything down again.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.resolve(process.env.LL_CACHE || path.join(REPO, '.cache'));
export const CS_VERSION = process.env.LL_CODE_SERVER_VERSION || '4.100.3';
export const CHROMIUM = process.env.LL_CHROMIUM || '/usr/bin/chromium';

const t0 = Date.now();
export const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export const log = (tag, ...a) => console.log(`[${tag} ${elapsed()}]`, ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs install-code-server.sh (a no-op when cached); returns code-server's entry.js. */
export function ensureCodeServer() {
  const dest = path.join(CACHE, 'code-server', `${CS_VERSION}-node${process.versions.modules}`); // as install-code-server.sh
  const entry = path.join(dest, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dest, '.install-complete');
  if (fs.existsSync(marker) && fs.existsSync(entry) && fs.existsSync(CHROMIUM)) return entry;
  log('setup', 'code-server not cached yet: running scripts/e2e/install-code-server.sh');
  const r = spawnSync('bash', [path.join(REPO, 'scripts', 'e2e', 'install-code-server.sh')], {
    stdio: 'inherit',
    env: { ...process.env, LL_CACHE: CACHE },
  });
  if (r.status !== 0) throw new Error(`install-code-server.sh failed (exit ${r.status})`);
  return entry;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh folder for one run: <cache>/e2e-runs/<name>-<time>-<pid>. Old ones are pruned. */
export function makeRunDir(name) {
  const root = path.join(CACHE, 'e2e-runs');
  fs.mkdirSync(root, { recursive: true });
  // keep the last few runs for post-mortems, delete the rest
  const old = fs.readdirSync(root).map((n) => path.join(root, n))
    .filter((p) => fs.statSync(p).isDirectory())
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  for (const p of old.slice(0, Math.max(0, old.length - 5))) fs.rmSync(p, { recursive: true, force: true });
  const dir = path.join(root, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A user-data-dir with settings that keep the UI quiet and deterministic. */
export function makeUserDataDir(runDir, extraSettings = {}) {
  const d = path.join(runDir, 'user-data');
  fs.mkdirSync(path.join(d, 'User'), { recursive: true });
  fs.mkdirSync(path.join(d, 'extensions'), { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    // the editor suites' expectations are typed from the guide (examples/README.md's table): they
    // run under baseline guide-1.1; baseline current has its unit tests and settings.e2e.ts's case
    'landscapeLint.baseline': 'guide-1.1',
    ...extraSettings,
  };
  fs.writeFileSync(path.join(d, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return d;
}

/** Copies a workspace folder (fixtures) to runDir/workspace and returns the copy. */
export function copyWorkspace(src, runDir) {
  if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) throw new Error(`workspace folder not found: ${src}`);
  const dst = path.join(runDir, 'workspace');
  fs.cpSync(src, dst, { recursive: true, filter: (p) => !p.split(path.sep).includes('node_modules') });
  return dst;
}

/** Environment for code-server: no gallery, no config in $HOME, plus `extra`. */
export function codeServerEnv(runDir, extra = {}) {
  const env = { ...process.env };
  // a stray $PORT or $PASSWORD from the caller would override our flags
  delete env.PORT; delete env.PASSWORD; delete env.HASHED_PASSWORD;
  delete env.VSCODE_IPC_HOOK_CLI; delete env.ELECTRON_RUN_AS_NODE;
  return {
    ...env,
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    ...extra,
  };
}

/** Common code-server flags for a profile in `userDataDir`. */
export function profileArgs(userDataDir) {
  return ['--user-data-dir', userDataDir, '--extensions-dir', path.join(userDataDir, 'extensions')];
}

/** `code-server --install-extension X.vsix` into the profile (synchronous). */
export function installVsix(entry, vsix, userDataDir, env) {
  const r = spawnSync(process.execPath, [entry, ...profileArgs(userDataDir), '--force', '--install-extension', path.resolve(vsix)], {
    env, encoding: 'utf8', timeout: 120000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || /failed|error/i.test(out) && !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  }
  return out;
}

/**
 * Starts code-server in its own process group. Resolves once /healthz answers.
 * `workspaceTrust: true` drops --disable-workspace-trust (see run-extension-tests.mjs --restricted).
 * Returns { proc, port, url, logFile, stop(), onLine(fn) }.
 */
export async function startCodeServer({ entry, userDataDir, runDir, env, verbose = false, workspaceTrust = false }) {
  const port = await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(runDir, 'code-server-config.yaml'),
    ...profileArgs(userDataDir),
    '--disable-telemetry',
    '--disable-update-check',
    // workspaceTrust: leave trust on (restricted-mode runs); the user settings decide the rest
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  fs.writeFileSync(path.join(runDir, 'code-server-config.yaml'), 'auth: none\ncert: false\n');
  const proc = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  startedGroups.add(proc.pid);
  const listeners = [];
  let exited = null;
  proc.on('exit', (code, signal) => { exited = { code, signal }; });
  const relay = (stream) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      logStream.write(chunk);
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (verbose) console.log(`[code-server] ${line}`);
        for (const fn of listeners) fn(line);
      }
    });
  };
  relay(proc.stdout);
  relay(proc.stderr);

  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      killGroup(proc.pid, 'SIGTERM');
      for (let i = 0; i < 50 && proc.exitCode === null && proc.signalCode === null; i++) await sleep(100);
    }
    // the extension host and other children may outlive the main process
    killGroup(proc.pid, 'SIGKILL');
    startedGroups.delete(proc.pid);
    await new Promise((r) => logStream.end(r));
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer on ${url} within 60 s; see ${logFile}`); }
    await sleep(200);
  }
  return { proc, port, url, logFile, stop, onLine: (fn) => listeners.push(fn), exited: () => exited };
}

// Process groups started here, so that a timeout, an exception or Ctrl+C never
// leaves a code-server (and its extension host) behind.
const startedGroups = new Set();
export function killStartedGroups() {
  for (const pid of startedGroups) killGroup(pid, 'SIGKILL');
  startedGroups.clear();
}
process.on('exit', killStartedGroups);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { killStartedGroups(); process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1)); });
}

/** Signals a whole process group; ignores "no such process". */
export function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch (e) { if (e.code !== 'ESRCH') throw e; }
}

/** Launches headless Debian Chromium through playwright-core. */
export async function launchBrowser({ runDir, headless = true } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core is missing: run `npm install` in the repo (it is a devDependency)');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/e2e/install-code-server.sh (apt package chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--no-default-browser-check',
    ],
    env: { ...process.env, HOME: path.join(runDir, 'chromium-home') },
  });
  return browser;
}

/** The URL that opens `folder` and runs extension tests (both paths absolute, on this machine). */
export function extensionTestUrl(baseUrl, port, folder, extensionDevelopmentPath, extensionTestsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams({ folder: path.resolve(folder) });
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${q.toString()}`;
}


/** Last `n` lines of a file, for failure reports. */
export function tail(file, n = 40) {
  try {
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return lines.slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Extension output channels (createOutputChannel) logged by the extension host of a run. */
export function outputChannelLogs(userDataDir) {
  const found = [];
  const walk = (d, depth) => {
    let entries = [];
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && depth < 4) walk(p, depth + 1);
      else if (e.isFile() && e.name.endsWith('.log') && path.basename(d).startsWith('output_logging_')) {
        found.push({ name: e.name.replace(/^\d+-/, '').replace(/\.log$/, ''), file: p });
      }
    }
  };
  walk(path.join(userDataDir, 'logs'), 0);
  return found;
}

/** Prints the tail of each extension output channel (for failure reports). */
export function printOutputChannels(tag, userDataDir, n = 25) {
  for (const { name, file } of outputChannelLogs(userDataDir)) {
    console.log(`${tag}: output channel "${name}" (${file}), last lines:\n${tail(file, n).replace(/^/gm, '    ')}`);
  }
}

/** Log lines from the workbench that only add noise to a test run's output. */
export const NOISE = [
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Creating a socket \(/,
  /^Resolv(ing|ed) connection token/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Updating additional builtin extensions cache/,
];
