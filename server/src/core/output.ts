import { createHash } from 'crypto';
import * as path from 'path';
import { createColors } from 'picocolors';
import type * as Sarif from 'sarif';
import { ALL_RULES } from './lint';
import type { Finding, Severity } from './types';
import type { KnowledgeContext } from '../knowledge/baseline';
import { knowledgeContext } from '../knowledge/baseline';

/** The knowledge a run used, as JSON, SARIF and the reports state it. */
export interface BaselineStatement {
  /** `current` or `guide-1.1`. */
  id: string;
  title: string;
  /** ISO date of the baseline's knowledge (the guide's date, or the day the updates were reviewed). */
  date: string;
  /** The date the advice is for. */
  asOf: string;
}

export function baselineStatement(k: KnowledgeContext): BaselineStatement {
  return { id: k.baseline.id, title: k.baseline.title, date: k.baseline.date, asOf: k.asOf };
}

/** The knowledge of a run: the one given, else the first file's, else the default. */
function runKnowledge(reports: readonly FileReport[], knowledge?: KnowledgeContext): KnowledgeContext {
  return knowledge ?? reports.find((r) => r.knowledge)?.knowledge ?? knowledgeContext();
}

function sameKnowledge(a: KnowledgeContext, b: KnowledgeContext): boolean {
  return a.baseline.id === b.baseline.id && a.asOf === b.asOf;
}

/** The findings of one file, as the CLI reports them. */
export interface FileReport {
  /** Path as given or found, relative to the working directory where possible. */
  file: string;
  findings: Finding[];
  /** The baseline and date the file was checked with (configuration files may differ per folder). */
  knowledge?: KnowledgeContext;
  /**
   * Set when the file was not checked (larger than the size limit): why, e.g. "70000 KiB > 65536 KiB".
   * Its findings then hold the file-too-large warning only.
   */
  notChecked?: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const s: Summary = { files: reports.length, errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else if (f.severity === 'info') s.infos++;
      else s.hints++;
    }
  }
  return s;
}

/**
 * Spec §3: exactly one JSON document with files and a summary; ranges 0-based. A file that was not
 * checked shows as such through its file-too-large diagnostic (the shape has no other place).
 */
export function formatJson(reports: readonly FileReport[], knowledge?: KnowledgeContext): string {
  // An addition to spec §3 (docs/spec-extensions.md): the baseline used, after the specified
  // keys; a file checked under another baseline (its own configuration file) names its own.
  const k = runKnowledge(reports, knowledge);
  return JSON.stringify({
    files: reports.map((r) => ({
      file: r.file,
      diagnostics: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        system: f.system,
        range: f.range,
      })),
      ...(r.knowledge && !sameKnowledge(r.knowledge, k) ? { baseline: baselineStatement(r.knowledge) } : {}),
    })),
    summary: summarize(reports),
    baseline: baselineStatement(k),
  }, null, 2);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Human output: `file:line:col: severity [rule-id] message (SID)`, 1-based like compilers print. */
export function formatText(reports: readonly FileReport[], color: boolean): string {
  const pc = createColors(color);
  const paint: Record<Severity | 'dim' | 'bold', (s: string) => string> = { error: pc.red, warning: pc.yellow, info: pc.cyan, hint: pc.gray, dim: pc.dim, bold: pc.bold };
  const c = (k: keyof typeof paint, s: string): string => paint[k](s);
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const pos = `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${c('bold', pos)}: ${c(f.severity, f.severity)} ${c('dim', `[${f.ruleId}]`)} ${f.message}${f.system ? c('dim', ` (${f.system})`) : ''}`);
    }
  }
  const s = summarize(reports);
  const head = c(s.errors + s.warnings + s.infos + s.hints === 0 ? 'bold' : s.errors ? 'error' : s.warnings ? 'warning' : 'info', summaryLine(reports));
  if (lines.length) lines.push('');
  lines.push(head);
  return lines.join('\n');
}

/** "35 problems (13 errors, 10 warnings, 12 infos) in 3 files", or "No problems in 1 file". */
export function summaryLine(reports: readonly FileReport[]): string {
  const s = summarize(reports);
  const total = s.errors + s.warnings + s.infos + s.hints;
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info')];
  if (s.hints) parts.push(plural(s.hints, 'hint'));
  const notChecked = reports.filter((r) => r.notChecked !== undefined).length;
  const unchecked = notChecked ? `; ${plural(notChecked, 'file')} not checked (larger than the size limit)` : '';
  return total === 0 ? `No problems in ${plural(s.files, 'file')}` : `${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(s.files, 'file')}${unchecked}`;
}

const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** What a SARIF log says about the run besides the findings. */
export interface SarifRun {
  toolVersion: string;
  /** Paths in the log are relative to this folder (the working directory, %SRCROOT%). */
  cwd: string;
  /** The exit code of the run (recorded in `invocations`). */
  exitCode: number;
  /** Inputs that could not be read, as the CLI reported them. */
  unreadable?: readonly { file: string; message: string }[];
  /** The knowledge of the run when no file was checked (else the first file's). */
  knowledge?: KnowledgeContext;
}

/**
 * SARIF 2.1.0 (typed with @types/sarif; the tests validate it against the official schema): one
 * rule entry per rule id with its documentation embedded as text and Markdown (no link to a
 * page that a code-scanning viewer could not open: no file:// path of the machine that ran it),
 * artifact URIs relative to %SRCROOT% (the working directory), and one invocation with the exit
 * code; files not checked and inputs not read are its tool execution notifications.
 */
export function formatSarif(reports: readonly FileReport[], run: SarifRun): string {
  const { cwd } = run;
  const rules: Sarif.ReportingDescriptor[] = ALL_RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: stripMarkdown(r.description) },
    help: {
      text: `${stripMarkdown(r.description)}\n\nGuide section: ${r.section}.\n\nBad:\n${r.badExample}\n\nGood:\n${r.goodExample}`,
      markdown: `${r.description}\n\nGuide section: ${r.section}.\n\n**Bad**\n\n\`\`\`yaml\n${r.badExample}\n\`\`\`\n\n**Good**\n\n\`\`\`yaml\n${r.goodExample}\n\`\`\``,
    },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { guideSection: r.section, fixable: r.fixable, tags: ['sap', 'support-backbone'] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = reports.flatMap((rep) => rep.findings.map((f): Sarif.Result => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(rep.file, cwd),
        region: {
          startLine: f.range.start.line + 1,
          startColumn: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        },
      },
    }],
    ...(f.system ? { properties: { system: f.system } } : {}),
  })));
  const notifications: Sarif.Notification[] = [
    ...reports.filter((r) => r.notChecked !== undefined).map((r): Sarif.Notification => ({
      level: 'error',
      descriptor: { id: 'file-too-large' },
      message: { text: `${r.file} was not checked: larger than the size limit (${r.notChecked}).` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file, cwd) } }],
    })),
    ...(run.unreadable ?? []).map((u): Sarif.Notification => ({
      level: 'error',
      descriptor: { id: 'unreadable-input' },
      message: { text: `${u.file} could not be read: ${u.message}.` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(u.file, cwd) } }],
    })),
  ];
  const invocation: Sarif.Invocation = {
    // exit code 2: the run could not do what it was asked (unreadable input, bad usage)
    executionSuccessful: run.exitCode !== 2,
    exitCode: run.exitCode,
    ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
  };
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'landscape-lint', version: run.toolVersion, semanticVersion: run.toolVersion, rules } },
      artifacts: reports.map((r) => ({ location: artifactLocation(r.file, cwd), ...(r.notChecked !== undefined ? { properties: { checked: false } } : {}) })),
      invocations: [invocation],
      results,
      properties: { baseline: baselineStatement(runKnowledge(reports, run.knowledge)) },
    }],
  };
  return JSON.stringify(log, null, 2);
}

/**
 * A URI relative to %SRCROOT% (the working directory), '/'-separated and percent-encoded, also for
 * files outside it (`../x`): never a file:// URI naming a folder of the machine that ran the check.
 */
function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const rel = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  return { uri: rel.split('/').map((seg) => (seg === '..' ? seg : encodeURIComponent(seg))).join('/'), uriBaseId: '%SRCROOT%' };
}

function stripMarkdown(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

/** Only the errors (`--quiet`); a file that was not checked keeps its file-too-large warning (it fails the run). */
export function errorsOnly(reports: readonly FileReport[]): FileReport[] {
  return reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error' || (r.notChecked !== undefined && f.ruleId === 'file-too-large')) }));
}

/** A GitHub Actions workflow command's data: %, CR and LF encoded. */
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,` encoded. */
function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per finding
 * (`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=rule-id::message (SID)`), then the
 * summary line as plain text for the log.
 */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const { start, end } = f.range;
      const props = [`file=${ghProperty(r.file)}`, `line=${start.line + 1}`, `endLine=${end.line + 1}`, `col=${start.character + 1}`, `endColumn=${end.character + 1}`, `title=${ghProperty(f.ruleId)}`];
      lines.push(`::${GITHUB_LEVEL[f.severity]} ${props.join(',')}::${ghData(`${f.message}${f.system ? ` (${f.system})` : ''}`)}`);
    }
  }
  lines.push(summaryLine(reports));
  return lines.join('\n');
}

const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/** One issue of a GitLab Code Quality report (the documented subset of the Code Climate spec). */
export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab Code Quality report (`artifacts: reports: codequality:`): a JSON array of issues. The
 * fingerprint identifies the finding across runs — file, rule, system and message, not the line,
 * so an edit above it does not make it "new" — and the occurrence count keeps identical findings
 * apart (GitLab shows only the first issue of a fingerprint).
 */
export function formatGitlab(reports: readonly FileReport[]): string {
  const issues: GitlabIssue[] = [];
  for (const r of reports) {
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const identity = [r.file, f.ruleId, f.system ?? '', f.message].join('\u0000');
      const n = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, n);
      issues.push({
        description: `${f.message}${f.system ? ` (${f.system})` : ''}`,
        check_name: f.ruleId,
        fingerprint: createHash('md5').update(`${identity}\u0000${n}`).digest('hex'),
        severity: GITLAB_SEVERITY[f.severity],
        location: { path: r.file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      });
    }
  }
  return JSON.stringify(issues, null, 2);
}

/** Text for XML: markup escaped, characters XML 1.0 cannot hold (control characters, lone surrogates) as U+FFFD. */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * JUnit XML (test report widgets of GitLab, Azure DevOps, Jenkins): one test suite per file, one
 * test case per finding. Errors and warnings are failures; infos and hints (the guide's
 * recommendations) are passed test cases carrying their message in system-out, so advice does not
 * turn a report red. A file without findings is one passed test case.
 */
export function formatJunit(reports: readonly FileReport[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of reports) {
    const cases: string[] = [];
    let fileFailures = 0;
    for (const f of r.findings) {
      const line = f.range.start.line + 1;
      const col = f.range.start.character + 1;
      const name = `${f.ruleId} at ${line}:${col}${f.system ? ` (${f.system})` : ''}`;
      const text = `${r.file}:${line}:${col}: ${f.severity} [${f.ruleId}] ${f.message}${f.system ? ` (${f.system})` : ''}`;
      const head = `    <testcase name="${xml(name)}" classname="${xml(r.file)}" file="${xml(r.file)}" line="${line}">`;
      if (f.severity === 'error' || f.severity === 'warning') {
        fileFailures++;
        cases.push(`${head}\n      <failure message="${xml(f.message)}" type="${f.severity}">${xml(text)}</failure>\n    </testcase>`);
      } else {
        cases.push(`${head}\n      <system-out>${xml(text)}</system-out>\n    </testcase>`);
      }
    }
    if (!cases.length) cases.push(`    <testcase name="${xml(r.file)}" classname="${xml(r.file)}" file="${xml(r.file)}"/>`);
    tests += cases.length;
    failures += fileFailures;
    suites.push(`  <testsuite name="${xml(r.file)}" tests="${cases.length}" failures="${fileFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="landscape-lint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>`;
}
