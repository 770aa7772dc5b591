import * as path from 'path';
import { pathToFileURL } from 'url';
import { ruleDocUrl } from './diagnostics';
import { ALL_RULES } from './lint';
import type { Finding, Severity } from './types';

/** The findings of one file, as the CLI reports them. */
export interface FileReport {
  /** Path as given or found, relative to the working directory where possible. */
  file: string;
  findings: Finding[];
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
export function formatJson(reports: readonly FileReport[]): string {
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
    })),
    summary: summarize(reports),
  }, null, 2);
}

const COLORS: Record<Severity | 'dim' | 'bold' | 'reset', string> = {
  error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Human output: `file:line:col: severity [rule-id] message (SID)`, 1-based like compilers print. */
export function formatText(reports: readonly FileReport[], color: boolean): string {
  const c = (k: keyof typeof COLORS, s: string): string => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const pos = `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${c('bold', pos)}: ${c(f.severity, f.severity)} ${c('dim', `[${f.ruleId}]`)} ${f.message}${f.system ? c('dim', ` (${f.system})`) : ''}`);
    }
  }
  const s = summarize(reports);
  const total = s.errors + s.warnings + s.infos + s.hints;
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info')];
  if (s.hints) parts.push(plural(s.hints, 'hint'));
  const notChecked = reports.filter((r) => r.notChecked !== undefined).length;
  const unchecked = notChecked ? `; ${plural(notChecked, 'file')} not checked (larger than the size limit)` : '';
  const head = total === 0 ? c('bold', `No problems in ${plural(s.files, 'file')}`) : c(s.errors ? 'error' : s.warnings ? 'warning' : 'info', `${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(s.files, 'file')}${unchecked}`);
  if (lines.length) lines.push('');
  lines.push(head);
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, one rule entry per rule id with its help text; file URIs relative to the working directory. */
export function formatSarif(reports: readonly FileReport[], toolVersion: string, cwd = process.cwd()): string {
  const rules = ALL_RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: stripMarkdown(r.description) },
    help: {
      text: `${stripMarkdown(r.description)}\n\nBad:\n${r.badExample}\n\nGood:\n${r.goodExample}`,
      markdown: `${r.description}\n\n**Bad**\n\n\`\`\`yaml\n${r.badExample}\n\`\`\`\n\n**Good**\n\n\`\`\`yaml\n${r.goodExample}\n\`\`\``,
    },
    helpUri: ruleDocUrl(r.id),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { guideSection: r.section, fixable: r.fixable },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((rep) => rep.findings.map((f) => ({
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
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'landscape-lint', version: toolVersion, informationUri: 'https://example.invalid/landscape-lint', rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).toString() } },
      artifacts: reports.map((r) => ({ location: artifactLocation(r.file, cwd), ...(r.notChecked !== undefined ? { properties: { checked: false } } : {}) })),
      ...notCheckedInvocation(reports, cwd),
      results,
    }],
  }, null, 2);
}

/**
 * Files that were not checked (over the size limit), as SARIF tool execution notifications (shown
 * by viewers as problems of the run, apart from the results): `invocations` only when there are any.
 */
function notCheckedInvocation(reports: readonly FileReport[], cwd: string): { invocations?: unknown[] } {
  const notChecked = reports.filter((r) => r.notChecked !== undefined);
  if (!notChecked.length) return {};
  return {
    invocations: [{
      executionSuccessful: true,
      toolExecutionNotifications: notChecked.map((r) => ({
        level: 'error',
        descriptor: { id: 'file-too-large' },
        message: { text: `${r.file} was not checked: larger than the size limit (${r.notChecked}).` },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file, cwd) } }],
      })),
    }],
  };
}

/** Relative to %SRCROOT% (the working directory) for files below it, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? { uri: pathToFileURL(abs).toString() } : { uri: toSarifUri(file, cwd), uriBaseId: '%SRCROOT%' };
}

function toSarifUri(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  return rel.split('/').map(encodeURIComponent).join('/');
}

function stripMarkdown(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}
