import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { headlineOf, systemHeadline } from './headline';
import type { Finding, Severity } from './types';

export const DIAGNOSTIC_SOURCE = 'landscape-lint';

const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

/**
 * Where rule documentation lives: docs/ next to the bundles (it ships in the .vsix and the npm
 * package), so the links work offline in the editor and from the CLI.
 */
export function defaultDocsBase(): string {
  return pathToFileURL(path.resolve(__dirname, '..', 'docs')).toString();
}

/**
 * Where a rule's own page is, relative to docs/: every diagnostic links there (issue 14: the link
 * used to open all of docs/rules.md as source at line 1, not the rule).
 */
export function rulePagePath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}

/** Link to a rule's own page (docs/rules/<id>.md): a click opens that rule, not the whole catalogue. */
export function ruleDocUrl(ruleId: string, docsBase = defaultDocsBase()): string {
  return `${docsBase.replace(/\/$/, '')}/${rulePagePath(ruleId)}`;
}

/** Data carried by each diagnostic so that code actions dispatch without re-linting or reading the message. */
export interface DiagnosticData {
  ruleId: string;
  system: string | null;
  /** Index of the finding in the lint result of the version it was published for. */
  index: number;
  version?: number;
}

/** How the client shows diagnostics (from its capabilities). */
export interface DiagnosticStyle {
  /**
   * The client shows related information (`publishDiagnostics.relatedInformation`): the message is
   * then the headline with the system, the how-to its first related information (issue 14).
   * Without it the message is the system and the whole message.
   */
  relatedInformation?: boolean;
}

/** The message a diagnostic of the finding shows, and the how-to that goes to its related information. */
export function diagnosticMessage(f: Finding, style: DiagnosticStyle = {}): { message: string; howTo?: string } {
  if (!style.relatedInformation) {
    return { message: f.system !== null && !f.message.startsWith(`${f.system}:`) ? `${f.system}: ${f.message}` : f.message };
  }
  const { detail } = headlineOf(f);
  return detail ? { message: systemHeadline(f), howTo: detail } : { message: systemHeadline(f) };
}

export function toDiagnostic(f: Finding, uri: string, index: number, docsBase?: string, version?: number, style: DiagnosticStyle = {}): Diagnostic {
  const { message, howTo } = diagnosticMessage(f, style);
  const related: DiagnosticRelatedInformation[] = f.related?.map((r) => ({
    location: { uri: r.uri ?? uri, range: r.range },
    message: r.message,
  })) ?? [];
  // the how-to at the finding itself: the Problems panel lists it under the headline
  if (howTo) related.unshift({ location: { uri, range: f.range }, message: howTo });
  const data: DiagnosticData = { ruleId: f.ruleId, system: f.system, index, version };
  const d: Diagnostic = {
    range: f.range,
    severity: LSP_SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId, docsBase) },
    source: DIAGNOSTIC_SOURCE,
    message,
    data,
  };
  if (related.length) d.relatedInformation = related;
  if (f.tags?.length) d.tags = f.tags;
  return d;
}
