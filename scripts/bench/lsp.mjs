// A minimal LSP client over stdio for the benchmark: timestamps every publishDiagnostics and
// log message, times requests, and reads the server's peak RSS from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

export const now = () => performance.now();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Memory of a process from /proc/<pid>/status, in MiB (VmHWM: peak resident set; VmRSS: current). */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
  } catch {
    return { peakMiB: NaN, rssMiB: NaN };
  }
}

export class BenchClient {
  /**
   * @param {string} name label for errors
   * @param {string[]} argv node arguments (script and its options)
   * @param {{ configuration?: (item: { section?: string }) => unknown }} options answers to workspace/configuration
   */
  constructor(name, argv, options = {}) {
    this.name = name;
    this.publishes = [];
    this.logs = [];
    this.waiters = [];
    this.stderr = '';
    this.proc = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.publishes.push({ t: now(), uri: p.uri, version: p.version, diagnostics: p.diagnostics });
      this.wake();
    });
    const onLog = (p) => {
      this.logs.push({ t: now(), message: p.message });
      this.wake();
    };
    this.conn.onNotification('window/logMessage', onLog);
    this.conn.onNotification('window/showMessage', onLog);
    this.conn.onNotification('telemetry/event', () => undefined);
    this.conn.onNotification('$/progress', () => undefined);
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((item) => options.configuration?.(item) ?? null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/codeLens/refresh', () => null);
    this.conn.onRequest('workspace/semanticTokens/refresh', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onError(() => undefined);
    this.conn.listen();
  }

  wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  async initialize({ initializationOptions, capabilities = {} } = {}) {
    const res = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, initializationOptions });
    await this.conn.sendNotification('initialized', {});
    return res;
  }

  /** The first publish (from index `from` on) that matches, with the time it arrived. */
  async waitPublish(pred, { from = 0, timeoutMs = 600_000 } = {}) {
    const deadline = now() + timeoutMs;
    for (;;) {
      for (let i = from; i < this.publishes.length; i++) if (pred(this.publishes[i])) return this.publishes[i];
      const left = deadline - now();
      if (left <= 0) throw new Error(`${this.name}: no matching publishDiagnostics within ${timeoutMs} ms${this.stderr ? `; stderr: ${this.stderr}` : ''}`);
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) throw new Error(`${this.name}: server exited (${this.proc.exitCode ?? this.proc.signalCode}): ${this.stderr}`);
      await new Promise((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** Waits until nothing (publish, log line) arrived for quietMs. */
  async quiet(quietMs = 500, timeoutMs = 600_000) {
    const deadline = now() + timeoutMs;
    for (;;) {
      const before = this.publishes.length + this.logs.length;
      await sleep(quietMs);
      if (before === this.publishes.length + this.logs.length) return;
      if (now() > deadline) throw new Error(`${this.name}: never went quiet`);
    }
  }

  /** Sends a request; resolves with its result and the milliseconds it took. */
  async timed(method, params) {
    const t = now();
    const result = await this.conn.sendRequest(method, params);
    return { ms: now() - t, result, t0: t, t1: now() };
  }

  memory() {
    return procMemory(this.proc.pid);
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), sleep(5000)]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([this.exited, sleep(3000)]);
    this.conn.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }
}
