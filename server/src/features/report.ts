/**
 * The readiness report: the checklist of a landscape as Markdown (for people: summary at the top,
 * then one table per system) or as JSON (for tools). Both are deterministic — no dates, no
 * absolute paths — so reports can be committed and diffed.
 */
import type {
  ChecklistFinding,
  ChecklistItemResult,
  ChecklistItemState,
  LandscapeChecklist,
  ReadinessStatus,
  SystemChecklist,
} from '../protocol';
import { lookup } from '../knowledge';

/** The mark of each state in the report and the tree's tooltips. */
export const STATE_MARK: Readonly<Record<ChecklistItemState, string>> = Object.freeze({ done: '✓', open: '✗', 'n/a': '–', unknown: '?' });

const STATUS_TEXT: Readonly<Record<ReadinessStatus, string>> = Object.freeze({ red: '🔴 red', amber: '🟠 amber', green: '🟢 green' });

const ROLE_TEXT: Readonly<Record<string, string>> = Object.freeze({ abap: 'ABAP', solman: 'SAP Solution Manager', frun: 'Focused Run' });

/** "ABAP, direct connectivity", "ABAP via SAP Solution Manager SOL", "Focused Run", … */
export function systemKind(s: Pick<SystemChecklist, 'role' | 'connection' | 'managedBy'>): string {
  const role = s.role ? lookup(ROLE_TEXT, s.role) ?? s.role : 'role not recorded';
  if (s.role !== 'abap') return role;
  const by = s.managedBy ? ` ${s.managedBy}` : '';
  switch (s.connection) {
    case 'direct': return `${role}, direct connectivity`;
    case 'solman': return `${role} via SAP Solution Manager${by}`;
    case 'frun': return `${role} via Focused Run${by}`;
    case 'none': return `${role}, no connection to SAP`;
    default: return `${role}, connection not recorded`;
  }
}

/** "7 of 14 systems ready". */
export function readySummary(c: LandscapeChecklist): string {
  return `${c.summary.ready} of ${c.summary.systems} system${c.summary.systems === 1 ? '' : 's'} ready`;
}

/** Text of the file (SIDs, descriptions, names) on one line of Markdown: line breaks become blanks. */
function oneLine(s: string): string {
  return s.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').trim();
}

/** Text in a table cell: one line, pipes escaped. */
function cell(s: string): string {
  return oneLine(s).replace(/\|/g, '\\|');
}

function line(r: { start: { line: number } }): number {
  return r.start.line + 1;
}

function isAdvice(f: ChecklistFinding): boolean {
  return (f.severity === 'info' || f.severity === 'hint') && f.waived === undefined;
}

/**
 * The action column: every open finding (the deciding one first) with its line and rule, the
 * quick-fix, and the advice of info findings; why an item is n/a; what a record-it item needs.
 */
function actionText(item: ChecklistItemResult): string {
  const parts: string[] = [];
  if (item.state === 'n/a') return item.action;
  if (item.state !== 'done') {
    const blocking = item.findings.filter((f) => !isAdvice(f) && f.waived === undefined);
    const decider = blocking.find((f) => f.message === item.action && f.range === item.range) ?? blocking.find((f) => f.message === item.action);
    const ordered = decider ? [decider, ...blocking.filter((f) => f !== decider)] : blocking;
    if (!decider) parts.push(item.action);
    for (const f of ordered) parts.push(`${f.unrecorded ? 'Not recorded: ' : ''}${f.message} (line ${line(f.range)}, ${f.ruleId})`);
    if (item.fix) parts.push(`Quick-fix${item.fix.partial ? ' (for part of it)' : ''}: ${item.fix.title}.`);
  }
  for (const f of item.findings.filter(isAdvice)) parts.push(`Note: ${f.message} (line ${line(f.range)}, ${f.ruleId})`);
  return parts.map(cell).join('<br>');
}

/**
 * The sections already rendered, by system checklist: an open document's unchanged systems keep
 * their checklist object from version to version (ChecklistCache), so a report after an edit
 * renders only the systems the edit changed or moved.
 */
const sections = new WeakMap<SystemChecklist, string[]>();
const jsonSections = new WeakMap<SystemChecklist, string>();

function systemSection(s: SystemChecklist): string[] {
  let out = sections.get(s);
  if (!out) sections.set(s, out = renderSystemSection(s));
  return out;
}

function renderSystemSection(s: SystemChecklist): string[] {
  const title = oneLine(s.description ? `${s.sid} — ${s.description}` : s.sid);
  const out = [`## ${title}`, '', `${oneLine(systemKind(s))} · ${s.done} of ${s.total} items done · **${STATUS_TEXT[s.status]}**`, ''];
  const items = s.chapters.flatMap((c) => c.items);
  if (!items.length) {
    out.push('No checklist item of the guide applies to this system.', '');
    return out;
  }
  out.push('| | Chapter | Item | Action |', '|---|---|---|---|');
  for (const chapter of s.chapters) {
    for (const item of chapter.items) {
      out.push(`| ${STATE_MARK[item.state]} | ${chapter.id === 'other' ? 'other' : chapter.id} | ${cell(item.text)} | ${actionText(item)} |`);
    }
  }
  out.push('');
  return out;
}

/**
 * The knowledge baseline the report was made with (no asOf: the report stays the same from day to
 * day unless asOf is pinned in the configuration; the baseline's own date is stated).
 */
export function baselineLine(checklist: Pick<LandscapeChecklist, 'baseline'>): string {
  const b = checklist.baseline;
  return `Knowledge baseline \`${b.id}\` (${b.date}): ${b.title}${b.id === 'guide-1.1' ? '' : ' — see docs/knowledge.md'}.`;
}

/**
 * The readiness report in Markdown.
 * @param checklist the landscape's checklist
 * @param fileName how to name the landscape file in the report (relative, not an absolute path)
 */
export function renderReportMarkdown(checklist: LandscapeChecklist, fileName: string): string {
  const g = checklist.guide;
  const out: string[] = [
    `# Support backbone readiness${checklist.name ? `: ${oneLine(checklist.name)}` : ''}`,
    '',
    `Landscape file \`${fileName}\`, checked against SAP's configuration guide "${g.title}" ${g.version} (${g.date}).`,
    '',
    baselineLine(checklist),
    '',
  ];
  if (!checklist.parsed) {
    out.push('The file could not be read (too large, or not YAML/JSON), so there is no checklist.', '');
    return out.join('\n');
  }
  if (checklist.syntaxErrors) {
    out.push(`> The file has ${checklist.syntaxErrors} syntax error${checklist.syntaxErrors === 1 ? '' : 's'}; what could not be read is missing from this report.`, '');
  }
  const sm = checklist.summary;
  out.push(
    `**${readySummary(checklist)}** (${sm.red} red, ${sm.amber} amber, ${sm.green} green) · ${sm.itemsDone} of ${sm.itemsTotal} checklist items done`,
    '',
  );
  if (checklist.systems.length) {
    out.push('| System | Kind | Description | Done | Status |', '|---|---|---|---|---|');
    for (const s of checklist.systems) {
      out.push(`| ${cell(s.sid)} | ${cell(systemKind(s))} | ${cell(s.description ?? '')} | ${s.done}/${s.total} | ${STATUS_TEXT[s.status]} |`);
    }
    out.push('');
  }
  out.push(
    'Status: red = an open item the guide makes an error (no connectivity), amber = open warnings or facts the file does not record, green = every item that applies is done.',
    `Items: ${STATE_MARK.done} done · ${STATE_MARK.open} open · ${STATE_MARK['n/a']} not applicable · ${STATE_MARK.unknown} unknown (the file does not record it).`,
    '',
  );
  if (checklist.landscapeFindings.length) {
    out.push('## Landscape', '', '| Severity | Finding | Rule |', '|---|---|---|');
    for (const f of checklist.landscapeFindings) out.push(`| ${f.severity} | ${cell(f.message)} (line ${line(f.range)}) | ${f.ruleId} |`);
    out.push('');
  }
  for (const s of checklist.systems) out.push(...systemSection(s));
  return out.join('\n');
}

/**
 * The readiness report as a JSON value: the checklist without the document's URI and version,
 * and with the quick-fixes reduced to their titles.
 */
export function reportJson(checklist: LandscapeChecklist, fileName: string): object {
  const { uri, version, ...rest } = checklist;
  return { file: fileName, ...rest, systems: rest.systems.map(systemReport) };
}

function systemReport(s: SystemChecklist): object {
  return {
    ...s,
    chapters: s.chapters.map((c) => ({
      ...c,
      items: c.items.map(({ fix, ...item }) => (fix ? { ...item, fix: { title: fix.title } } : item)),
    })),
  };
}

/**
 * {@link reportJson} as text (indented by 2): the same text as `JSON.stringify(reportJson(…), null, 2)`,
 * with each system's part rendered once per system checklist (see `sections`).
 */
export function renderReportJson(checklist: LandscapeChecklist, fileName: string): string {
  const { uri, version, ...rest } = checklist;
  if (!rest.systems.length) return JSON.stringify(reportJson(checklist, fileName), null, 2);
  // the systems are spliced into the rest: a raw line break before an unescaped quote occurs in
  // no JSON string, so this is the top-level key
  const key = '\n  "systems": []';
  const frame = JSON.stringify({ file: fileName, ...rest, systems: [] }, null, 2);
  const parts = rest.systems.map((s) => {
    let text = jsonSections.get(s);
    if (text === undefined) jsonSections.set(s, text = JSON.stringify(systemReport(s), null, 2).replace(/\n/g, '\n    '));
    return text;
  });
  const at = frame.indexOf(key);
  return `${frame.slice(0, at)}\n  "systems": [\n    ${parts.join(',\n    ')}\n  ]${frame.slice(at + key.length)}`;
}
