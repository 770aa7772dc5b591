/**
 * Helpers of the LSP tests under load (burst.test.ts, limits.test.ts): a generated landscape, the
 * expected diagnostics of a text (computed in-process from lintText and toDiagnostic, with the cap
 * of landscapeLint.maxDiagnostics implemented here once more, independently of server.ts), a client
 * that records the server's log, and waiting until the server goes quiet.
 */
import { strict as assert } from 'assert';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { mergeConfig } from '../../server/src/core/config';
import { toDiagnostic } from '../../server/src/core/diagnostics';
import { lintText } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { TestLspClient } from '../support/lspClient';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The promise's value, or undefined when it takes longer than ms (the timer does not keep mocha alive). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

function sid(i: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return letters[Math.floor(i / 36 / 36) % 26] + digits[Math.floor(i / 36) % 36] + digits[i % 36];
}

/** A landscape of n ABAP systems in tracks of three (the generator of scripts/bench.mjs): about 6 findings per system. */
export function generateLandscape(n: number): string {
  const lines = ['landscape: Generated landscape', 'communicationUsers:'];
  for (let u = 0; u < Math.ceil(n / 3); u++) lines.push(`  S${String(1000000000 + u).padStart(10, '0')}: { description: track ${u} }`);
  lines.push('tracks:');
  for (let t = 0; t < Math.floor(n / 3); t++) lines.push(`  T${t}: [${sid(t * 3 + 100)}, ${sid(t * 3 + 101)}, ${sid(t * 3 + 102)}]`);
  lines.push('systems:');
  const levels = ['731 SP19', '740 SP16', '750 SP12', '702 SP17', '754 SP02'];
  for (let i = 0; i < n; i++) {
    const user = `S${String(1000000000 + Math.floor(i / 3)).padStart(10, '0')}`;
    lines.push(`  ${sid(i + 100)}:`, '    role: abap', '    connection: direct', `    description: generated system ${i}`, `    basis: ${levels[i % levels.length]}`,
      '    components:', '      ST-PI: 2008_1_710 SP18', '      ST-A/PI: 01T_731 SP01',
      '    noteAssistant:', `      download: ${i % 2 ? 'download-service' : 'rfc'}`, '      trustAnchors: true',
      `    notes: [2408073, 2546220${i % 3 ? ', 2738426' : ''}]`, '    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]', `    communicationUser: ${user}`,
      '    profile:', '      ssl/client_ciphersuites: "150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH"',
      '    certificates:', '      sslClientStandard: [DigiCert Global Root CA, DigiCert Global Root G2]',
      '    destinations:', '      SAPOSS: { type: "3", user: OSS_RFC }',
      '    sdccn: { destinations: [SAP-SUPPORT_PORTAL], tasksRecreated: true }');
  }
  return lines.join('\n') + '\n';
}

/** The server's lint of an open document with default settings and no configuration file. */
export function lintAsServer(uri: string, text: string): ReturnType<typeof lintText> {
  return lintText(uri, text, { config: mergeConfig({}, { rules: {}, maxFileSize: 65536 * 1024 }) });
}

/** What the tests compare of a diagnostic: range, severity, code, message, and the finding index it carries. */
export interface DiagnosticView {
  range: Diagnostic['range'];
  severity: Diagnostic['severity'];
  code: Diagnostic['code'];
  message: string;
  index: number | undefined;
}

export function view(d: Diagnostic): DiagnosticView {
  const index = (d.data as { index?: unknown } | undefined)?.index;
  return { range: d.range, severity: d.severity, code: d.code, message: d.message, index: typeof index === 'number' ? index : undefined };
}

const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The diagnostics the server must publish for these findings with the cap `max`: all of them, or
 * the first `max` by severity (errors, warnings, infos, hints; position order within one), in
 * position order, each with its finding's original index. The summary is not included: see
 * assertSummary. lintText returns findings sorted by position, so index order is position order.
 */
export function expectedViews(findings: readonly Finding[], uri: string, version: number, max: number): { kept: DiagnosticView[]; hidden: number } {
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1].range.start;
    const b = findings[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), 'lintText returns findings in position order');
  }
  const order = findings.map((f, i) => ({ f, i }));
  const chosen = findings.length <= max ? order : [...order].sort((x, y) => RANK[x.f.severity] - RANK[y.f.severity] || x.i - y.i).slice(0, max).sort((x, y) => x.i - y.i);
  return { kept: chosen.map(({ f, i }) => view(toDiagnostic(f, uri, i, undefined, version))), hidden: findings.length - chosen.length };
}

/**
 * Asserts a published list against the expected one: all findings when they fit; else at most
 * `max` diagnostics in all — the first findings by severity, then one summary per rule with
 * findings left out (issue 14), naming the rule and counting them.
 */
export function assertPublished(pub: PublishDiagnosticsParams, findings: readonly Finding[], max: number): void {
  const got = pub.diagnostics.map(view);
  if (findings.length <= max) {
    assert.deepEqual(got, expectedViews(findings, pub.uri, pub.version!, max).kept);
    return;
  }
  assert.ok(got.length <= max, `${got.length} published, cap ${max}: VS Code drops what is above 1,000 without a word`);
  const summaries = pub.diagnostics.filter((d) => d.code === 'too-many-problems');
  assert.ok(summaries.length >= 1);
  const keep = got.length - summaries.length;
  const { kept } = expectedViews(findings, pub.uri, pub.version!, keep);
  assert.deepEqual(got.slice(0, keep), kept);
  const shown = new Set(kept.map((k) => k.index));
  const hiddenByRule = new Map<string, number>();
  findings.forEach((f, i) => { if (!shown.has(i)) hiddenByRule.set(f.ruleId, (hiddenByRule.get(f.ruleId) ?? 0) + 1); });
  if (summaries.length === 1 && !/^[a-z0-9-]+: /.test(summaries[0].message)) {
    assertSummary(summaries[0], findings.length - keep);
    return;
  }
  assert.deepEqual(summaries.map((d) => /^([a-z0-9-]+): /.exec(d.message)?.[1]).sort(), [...hiddenByRule.keys()].sort(), 'one summary per rule with hidden findings');
  for (const d of summaries) {
    const rule = /^([a-z0-9-]+): /.exec(d.message)![1];
    assertSummary(d, hiddenByRule.get(rule)!, rule);
  }
}

/** A summary diagnostic: an information at the start of the file, no finding index, counting the problems left out (of one rule). */
export function assertSummary(d: Diagnostic, hidden: number, ruleId?: string): void {
  assert.equal(d.code, 'too-many-problems');
  assert.equal(d.severity, 3);
  assert.equal(d.source, 'landscape-lint');
  assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(d.data, undefined, 'the summary carries no finding index');
  assert.match(d.message, new RegExp(`^${ruleId ? `${ruleId}: ` : ''}${hidden.toLocaleString('en-US')} more problems? not shown`));
  assert.match(d.message, /landscape-lint/, 'points to the command line');
}

/** A client of the built server that records the server's log lines. */
export class LoggingClient extends TestLspClient {
  readonly logs: string[] = [];

  constructor() {
    super();
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.conn.onNotification('window/showMessage', () => undefined);
  }

  /** initialize with initializationOptions (the settings VS Code passes at start). */
  async start(options: { rootUri?: string | null; settings?: Record<string, unknown>; capabilities?: Record<string, unknown> } = {}): Promise<void> {
    const rootUri = options.rootUri ?? null;
    await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri, capabilities: options.capabilities ?? {},
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null, initializationOptions: options.settings,
    });
    await this.conn.sendNotification('initialized', {});
  }

  /** Lint runs the server logged for a file name (one line "<name> v<N>: <K> diagnostics in <M> ms" per run). */
  lintsOf(fileName: string): string[] {
    const re = new RegExp(`\\] ${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} v(\\d+|disk): \\d+ diagnostics in \\d+ ms`);
    return this.logs.filter((l) => re.test(l));
  }

  /** The first publish received from now on that matches. */
  next(pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const start = this.diagnostics.length;
    return this.waitFor((p) => this.diagnostics.indexOf(p) >= start && pred(p), timeoutMs);
  }

  publishesOf(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((p) => p.uri === uri);
  }

  alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /**
   * Waits until the document's publish for `version` arrived and the server then stayed silent
   * (no publish, no log line) for `quietMs`.
   */
  async settled(uri: string, version: number, quietMs = 400, timeoutMs = 60_000): Promise<PublishDiagnosticsParams> {
    await this.waitFor((p) => p.uri === uri && p.version === version, timeoutMs);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const before = this.diagnostics.length + this.logs.length;
      await sleep(quietMs);
      if (before === this.diagnostics.length + this.logs.length) break;
      if (Date.now() > deadline) throw new Error('the server never went quiet');
    }
    const all = this.publishesOf(uri);
    return all[all.length - 1];
  }
}
