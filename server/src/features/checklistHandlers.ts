/**
 * The language server's handlers of the checklist requests, as pure functions of the last lint
 * result of a document; server.ts registers them on the connection.
 */
import type { LintResult } from '../core/lint';
import { CHECKLIST_SUMMARY_ABOVE } from '../protocol';
import type { ChecklistParams, LandscapeChecklist, LandscapeMap, MapParams, ReportParams, ReportResult, SystemChecklist } from '../protocol';
import { buildChecklist } from './checklist';
import { buildMap } from './map';
import { renderReportJson, renderReportMarkdown } from './report';
import { renderReportHtml, reportDate } from './reportHtml';

/** The server's last lint result of a document and the version it was made for. */
export interface LintEntry {
  version: number | undefined;
  result: LintResult;
  /**
   * The checklist of the result when the caller caches it (the server builds it at most once per
   * result); without it, it is built for this request.
   */
  checklist?: () => LandscapeChecklist;
}

/** The checklist of an entry: the caller's cached one, else built now. */
function checklistOfEntry(entry: LintEntry): LandscapeChecklist {
  return entry.checklist ? entry.checklist() : buildChecklist(entry.result, entry.version);
}

/** Looks up the last lint result of a URI (undefined when the file is not a landscape file or not linted yet). */
export type LintLookup = (uri: string) => LintEntry | undefined;

/** The last path segment of a URI, decoded: `acme.landscape.yaml`. */
export function uriBaseName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** `acme.landscape.yaml` → `acme.readiness.md` (or `.json`, `.html`). */
export function reportFileName(landscapeFile: string, format: 'markdown' | 'json' | 'html'): string {
  const stem = landscapeFile.replace(/\.(ya?ml|json)$/i, '').replace(/\.landscape$/i, '');
  return `${stem}.readiness.${format === 'markdown' ? 'md' : format}`;
}

/** `landscapeLint/checklist`: the checklist of the document's last lint result, or null. */
export function checklistForRequest(params: ChecklistParams, lookup: LintLookup): LandscapeChecklist | null {
  const entry = lookup(params.uri);
  if (!entry) return null;
  const checklist = checklistOfEntry(entry);
  const summary = params.detail === 'summary' || (params.detail === 'auto' && checklist.systems.length > CHECKLIST_SUMMARY_ABOVE);
  return summary ? summaryOf(checklist, params.expand) : checklist;
}

/** The checklist with the chapters of every system left out but those in `expand` (see ChecklistParams.detail). */
export function summaryOf(checklist: LandscapeChecklist, expand: unknown): LandscapeChecklist {
  const keep = new Set(Array.isArray(expand) ? expand.filter((x): x is string => typeof x === 'string') : []);
  return {
    ...checklist,
    systems: checklist.systems.map((s) => (keep.has(s.sid) ? s : withoutChapters(s))),
  };
}

/** `landscapeLint/report`: the readiness report of the document's last lint result, or null. */
export function reportForRequest(params: ReportParams, lookup: LintLookup): ReportResult | null {
  const entry = lookup(params.uri);
  if (!entry) return null;
  const format = params.format === 'json' || params.format === 'html' ? params.format : 'markdown';
  const name = uriBaseName(params.uri);
  const checklist = checklistOfEntry(entry);
  const content = format === 'json'
    ? renderReportJson(checklist, name)
    : format === 'html'
      ? renderReportHtml(buildMap(entry.result, checklist), { fileName: name, date: reportDate(process.env) })
      : renderReportMarkdown(checklist, name);
  return { format, content, fileName: reportFileName(name, format) };
}

/** `landscapeLint/map`: the landscape map model of the document's last lint result, or null. */
export function mapForRequest(params: MapParams, lookup: LintLookup): LandscapeMap | null {
  const entry = lookup(params.uri);
  return entry ? buildMap(entry.result, checklistOfEntry(entry)) : null;
}

/** A system's checklist without its chapters, never reading them (a moved system's are moved only when read). */
function withoutChapters(s: SystemChecklist): SystemChecklist {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(s)) out[key] = key === 'chapters' ? [] : (s as unknown as Record<string, unknown>)[key];
  out.partial = true;
  return out as unknown as SystemChecklist;
}
