/**
 * The readiness report as one self-contained HTML page, for people who never open an editor:
 * summary, the landscape map (inline SVG), a matrix systems × checklist chapters, the open items
 * of each system with the guide's action and section, and the landscape-level findings.
 * Decisions:
 * - Self-contained: no external request of any kind (no fonts, images, scripts or links off the
 *   page); the only links are fragment links inside the page. It needs no script at all: the
 *   "only systems that need work" filter is a checkbox and CSS (`:checked ~`), so it also works
 *   where scripts are blocked (mail clients, locked-down browsers).
 * - Colours from `prefers-color-scheme`; print: A4 landscape, the filter hidden, colours kept.
 * - Colour is never the only signal: statuses and cells carry icons (✓ ! ✗ –) and words.
 * - Deterministic but for the report date, which the caller passes in (the CLI takes today's UTC
 *   date, or SOURCE_DATE_EPOCH for reproducible builds).
 */
import type { LandscapeMap, MapSystem, ReadinessStatus } from '../protocol';
import { VERSION } from '../version';
import { escapeXml as esc, MAP_CSS, mapSummary, renderMapSvg, STATUS_ICON, STATUS_WORD, systemAnchor } from './mapSvg';

/** Light and dark colours of the `--ll-*` variables MAP_CSS reads (WCAG AA contrast on their backgrounds). */
const THEME_CSS = `
:root { color-scheme: light dark;
  --ll-fg: #1b1f24; --ll-muted: #57606a; --ll-bg: #ffffff; --ll-lane-bg: #f6f8fa; --ll-node-bg: #ffffff;
  --ll-border: #8c959f; --ll-focus: #0969da; --ll-link: #0550ae; --ll-on-status: #ffffff;
  --ll-red: #c62828; --ll-amber: #9a6700; --ll-green: #1a7f37;
  --ll-red-bg: #ffe3e3; --ll-amber-bg: #fff1c2; --ll-green-bg: #dcf5e3; }
@media (prefers-color-scheme: dark) { :root {
  --ll-fg: #e6edf3; --ll-muted: #9da7b3; --ll-bg: #0d1117; --ll-lane-bg: #161b22; --ll-node-bg: #0d1117;
  --ll-border: #6e7681; --ll-focus: #58a6ff; --ll-link: #79c0ff; --ll-on-status: #0d1117;
  --ll-red: #ff7b72; --ll-amber: #e3b341; --ll-green: #3fb950;
  --ll-red-bg: #4b1c1c; --ll-amber-bg: #453410; --ll-green-bg: #15361f; } }
`;

const PAGE_CSS = `
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1600px; padding: 16px 24px; background: var(--ll-bg); color: var(--ll-fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--ll-link); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--ll-border); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: var(--ll-muted); margin: 0; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 14px 0; padding: 0; list-style: none; }
.summary li { border: 1px solid var(--ll-border); border-radius: 8px; padding: 8px 14px; min-width: 150px; }
.summary .big { display: block; font-size: 22px; font-weight: 700; }
.badge { display: inline-block; min-width: 1.5em; padding: 0 6px; border-radius: 10px; font-weight: 700; text-align: center; }
.s-red { background: var(--ll-red-bg); } .s-amber { background: var(--ll-amber-bg); } .s-green { background: var(--ll-green-bg); }
.i-red { color: var(--ll-red); } .i-amber { color: var(--ll-amber); } .i-green { color: var(--ll-green); }
.legend { color: var(--ll-muted); font-size: 13px; }
.map { overflow-x: auto; border: 1px solid var(--ll-border); border-radius: 8px; padding: 8px; margin: 0; }
.map figcaption { color: var(--ll-muted); font-size: 13px; margin-top: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--ll-border); padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--ll-lane-bg); position: sticky; top: 0; }
td.c { text-align: center; white-space: nowrap; }
td.na { color: var(--ll-muted); }
.filter { margin: 8px 0; }
#only-open:checked ~ main .ready { display: none; }
.items { margin: 4px 0 0; padding-left: 0; list-style: none; }
.items li { margin: 4px 0; padding-left: 1.6em; text-indent: -1.6em; }
.where { color: var(--ll-muted); font-size: 12px; }
footer { margin-top: 32px; color: var(--ll-muted); font-size: 12px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .filter, #only-open { display: none; }
  .map { overflow: visible; border: none; padding: 0; }
  .map svg { max-width: 100%; height: auto; }
  thead th { position: static; }
  tr, .system { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * The date of an HTML report, YYYY-MM-DD (UTC): SOURCE_DATE_EPOCH (seconds, the reproducible-builds
 * convention) when it is a valid number, else today.
 */
export function reportDate(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const d = epoch !== undefined && /^\d{1,12}$/.test(epoch.trim()) ? new Date(Number(epoch.trim()) * 1000) : now;
  return d.toISOString().slice(0, 10);
}

export interface HtmlReportOptions {
  /** How to name the landscape file (relative, not an absolute path). */
  fileName: string;
  /** Date of the report, YYYY-MM-DD. */
  date: string;
}

function badge(status: ReadinessStatus): string {
  return `<span class="badge s-${status}"><span class="i-${status}" aria-hidden="true">${STATUS_ICON[status]}</span> ${STATUS_WORD[status]}</span>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function kind(s: MapSystem): string {
  const role = s.role === 'abap' ? 'ABAP' : s.role === 'solman' ? 'SAP Solution Manager' : s.role === 'frun' ? 'Focused Run' : 'role not recorded';
  if (s.role !== 'abap') return role;
  const by = s.managedBy ? ` ${s.managedBy}` : '';
  switch (s.connection) {
    case 'direct': return 'ABAP, direct connectivity';
    case 'solman': return `ABAP via SAP Solution Manager${by}`;
    case 'frun': return `ABAP via Focused Run${by}`;
    case 'none': return 'ABAP, no connection to SAP';
    default: return 'ABAP, connection not recorded';
  }
}

function matrix(map: LandscapeMap): string[] {
  const out: string[] = [];
  out.push('<table class="matrix"><caption class="visually-hidden">Readiness per system and checklist chapter of the guide</caption><thead><tr><th scope="col">System</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Done</th>');
  for (const c of map.chapters) out.push(`<th scope="col" title="${esc(c.title)}">${c.id === 'other' ? 'Other findings' : `${esc(c.id)} ${esc(c.title.replace(/^Checklist for /, ''))}`}</th>`);
  out.push('</tr></thead><tbody>');
  map.systems.forEach((s, i) => {
    const ready = s.status === 'green' ? ' class="ready"' : '';
    out.push(`<tr${ready}><th scope="row"><a href="#${systemAnchor(s.sid, i)}">${esc(s.sid)}</a>${s.description ? `<br><span class="where">${esc(s.description)}</span>` : ''}</th>`
      + `<td>${esc(kind(s))}</td><td>${badge(s.status)}</td><td class="c">${s.done}/${s.total}</td>`);
    for (const c of map.chapters) {
      const cell = s.chapters.find((x) => x.id === c.id);
      if (!cell) {
        out.push('<td class="c na"><span aria-hidden="true">–</span><span class="visually-hidden">does not apply</span></td>');
        continue;
      }
      const extra = [cell.open ? `${cell.open} open` : '', cell.unknown ? `${cell.unknown} not recorded` : '', cell.waived ? `${cell.waived} waived` : ''].filter(Boolean).join(', ');
      out.push(`<td class="c s-${cell.status}"><span class="i-${cell.status}" aria-hidden="true">${STATUS_ICON[cell.status]}</span> ${cell.done}/${cell.total}${extra ? `<br><span class="where">${extra}</span>` : ''}</td>`);
    }
    out.push('</tr>');
  });
  out.push('</tbody></table>');
  return out;
}

function line(r: { start: { line: number } }): number {
  return r.start.line + 1;
}

function systemSection(map: LandscapeMap, s: MapSystem, index: number): string[] {
  const out: string[] = [];
  const ready = s.status === 'green' ? ' ready' : '';
  out.push(`<section class="system${ready}" id="${systemAnchor(s.sid, index)}" aria-labelledby="h-${systemAnchor(s.sid, index)}">`);
  out.push(`<h3 id="h-${systemAnchor(s.sid, index)}">${esc(s.sid)}${s.description ? ` — ${esc(s.description)}` : ''} ${badge(s.status)}</h3>`);
  const tracks = s.tracks.length ? ` · track ${s.tracks.map(esc).join(', ')}` : '';
  const waived = s.waived ? ` (${s.waived} waived in the file)` : '';
  out.push(`<p class="meta">${esc(kind(s))}${tracks} · ${s.done} of ${s.total} items done${waived} · line ${line(s.range)} of the file</p>`);
  if (!s.openItems.length) {
    out.push(`<p>${s.total ? 'Every item that applies is done.' : 'No checklist item of the guide applies to this system.'}</p>`);
  } else {
    out.push('<ul class="items">');
    for (const item of s.openItems) {
      const status: ReadinessStatus = item.state === 'open' && item.severity === 'error' ? 'red' : 'amber';
      const what = item.state === 'unknown' ? 'not recorded' : item.severity === 'error' ? 'open, breaks connectivity' : 'open';
      const chapter = item.chapter === 'other' ? 'Other findings' : `Checklist ${esc(item.chapter)}`;
      const sections = item.sections.length ? ` · guide ${item.sections.map(esc).join(', ')}` : '';
      out.push(`<li><span class="i-${status}" aria-hidden="true">${STATUS_ICON[status]}</span> <strong>${esc(item.text)}</strong> <span class="where">(${what})</span><br>`
        + `${esc(item.action)}<br><span class="where">${chapter}${sections} · line ${line(item.range)}</span></li>`);
    }
    out.push('</ul>');
  }
  const gaps = map.edges.filter((e) => e.to === s.sid);
  for (const e of gaps) {
    out.push(`<p><span class="i-red" aria-hidden="true">✗</span> Transport gap in track ${esc(e.track)}: SAP Note${e.notes.length === 1 ? '' : 's'} ${e.notes.join(', ')} in ${esc(e.from)} but not in ${esc(e.to)}${e.waived ? ' (waived in the file)' : ''}.</p>`);
  }
  out.push('</section>');
  return out;
}

/**
 * The readiness report as one HTML document (see the module comment).
 * @param map the landscape map (features/map.ts)
 */
export function renderReportHtml(map: LandscapeMap, options: HtmlReportOptions): string {
  const g = map.guide;
  const title = `Support backbone readiness${map.name ? `: ${map.name}` : ''}`;
  const s = map.summary;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // nothing may be loaded from anywhere: the page carries everything it shows
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    `<meta name="generator" content="landscape-lint ${esc(VERSION)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${THEME_CSS}${PAGE_CSS}${MAP_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">Landscape file <code>${esc(options.fileName)}</code> · checked against SAP's configuration guide “${esc(g.title)}” ${esc(g.version)} (${esc(g.date)}) · knowledge baseline <code>${esc(map.baseline.id)}</code> (${esc(map.baseline.date)}) · report of ${esc(options.date)}</p>`,
    '</header>',
  ];
  if (!map.parsed) {
    out.push('<main><p>The file could not be read (too large, or not YAML/JSON), so there is no readiness report.</p></main>');
  } else {
    out.push(
      '<ul class="summary" aria-label="Summary">',
      `<li><span class="big">${s.ready} of ${s.systems}</span>systems ready</li>`,
      `<li><span class="big"><span class="i-red" aria-hidden="true">✗</span> ${s.red}</span>${STATUS_WORD.red}</li>`,
      `<li><span class="big"><span class="i-amber" aria-hidden="true">!</span> ${s.amber}</span>${STATUS_WORD.amber}</li>`,
      `<li><span class="big"><span class="i-green" aria-hidden="true">✓</span> ${s.green}</span>${STATUS_WORD.green}</li>`,
      `<li><span class="big">${s.itemsDone} of ${s.itemsTotal}</span>checklist items done</li>`,
      '</ul>',
    );
    if (map.syntaxErrors) out.push(`<p><strong>The file has ${plural(map.syntaxErrors, 'syntax error')}</strong>; what could not be read is missing from this report.</p>`);
    out.push(
      `<p class="legend"><span class="i-green" aria-hidden="true">✓</span> ready: every item of the guide's checklists that applies is done · `
      + `<span class="i-amber" aria-hidden="true">!</span> needs attention: open warnings, or facts the file does not record · `
      + `<span class="i-red" aria-hidden="true">✗</span> not ready: an open item the guide makes an error (no connectivity to SAP) · `
      + '– does not apply. In the map: solid bar = ready, dotted = needs attention, hatched = not ready; a dashed red arrow is a transport gap.</p>',
      '<input type="checkbox" id="only-open"> <label class="filter" for="only-open">Show only the systems that need work</label>',
      '<main>',
      '<h2 id="map">Landscape map</h2>',
      `<figure class="map">${renderMapSvg(map)}<figcaption>${esc(mapSummary(map))} Tracks run left to right in transport order (development first); select a system for its open items.${map.large ? ' Large landscape: tracks and systems that are ready are shown as chips.' : ''}</figcaption></figure>`,
      '<h2 id="matrix">Systems and checklist chapters</h2>',
      ...matrix(map),
    );
    if (map.landscapeFindings.length) {
      out.push('<h2 id="landscape">Landscape</h2><ul class="items">');
      for (const f of map.landscapeFindings) out.push(`<li>${esc(f.severity)}: ${esc(f.message)} <span class="where">(line ${line(f.range)}, ${esc(f.ruleId)})</span></li>`);
      out.push('</ul>');
    }
    out.push('<h2 id="systems">Open items per system</h2>');
    map.systems.forEach((x, i) => out.push(...systemSection(map, x, i)));
    out.push('</main>');
  }
  out.push(`<footer>Written by landscape-lint ${esc(VERSION)}. The report follows the guide, not the severity settings; suppression comments with a reason in the file waive items.</footer>`, '</body>', '</html>', '');
  return out.join('\n');
}
