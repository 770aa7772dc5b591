/**
 * Draws the landscape map (features/map.ts) as one inline SVG, for the HTML report and the VS
 * Code webview. Decisions:
 * - No colour in the SVG itself: every shape has a class and the page supplies the colours as CSS
 *   variables (MAP_CSS reads `--ll-*`), so the report follows `prefers-color-scheme` and the
 *   webview the VS Code theme — and the webview's CSP needs no inline style.
 * - Colour is never the only signal: each status has an icon (✓ ready, ! amber, ✗ red), a
 *   pattern on the node's status bar (solid, dots, hatching) and words in the node's accessible
 *   name and tooltip.
 * - Each system is a link (`<a href="#sys-…" data-sid="…">`): in the report it jumps to the
 *   system's open items without any script; the webview turns the click into "reveal".
 * - Text is measured by character count (no fonts at hand in a pure function), long text is cut
 *   with "…" and the whole text stays in the tooltip. Coordinates are integers: same model, same
 *   bytes.
 */
import type { LandscapeMap, MapEdge, MapLane, MapLaneEntry, MapSystem, ReadinessStatus } from '../protocol';

/** Text in XML/HTML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'))
    // characters XML 1.0 does not allow (a control character in a description)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

/** The fragment id of a system's section in the report (stable: the SID when it is a plain word). */
export function systemAnchor(sid: string, index: number): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(sid) ? `sys-${sid}` : `sys-${index + 1}`;
}

/** Icon and word of each status (the icon is also drawn in the node). */
export const STATUS_ICON: Readonly<Record<ReadinessStatus, string>> = { green: '✓', amber: '!', red: '✗' };
export const STATUS_WORD: Readonly<Record<ReadinessStatus, string>> = { green: 'ready', amber: 'needs attention', red: 'not ready' };

/**
 * The SVG's stylesheet: classes only, colours from the page's `--ll-*` variables (see
 * reportHtml.ts for the report's light/dark values and client/src/mapView.ts for VS Code's).
 */
export const MAP_CSS = `
.llmap { font-family: var(--ll-font, system-ui, sans-serif); font-size: 12px; }
.llmap text { fill: var(--ll-fg); }
.llmap .muted { fill: var(--ll-muted); }
.llmap .lane-bg { fill: var(--ll-lane-bg); stroke: var(--ll-border); }
.llmap .lane-title { font-weight: 600; font-size: 12px; }
.llmap .node { fill: var(--ll-node-bg); stroke: var(--ll-border); stroke-width: 1; }
.llmap .ref .node { stroke-dasharray: 4 3; fill: var(--ll-lane-bg); }
.llmap .sid { font-weight: 700; font-size: 13px; }
.llmap .st-red { fill: var(--ll-red); }
.llmap .st-amber { fill: var(--ll-amber); }
.llmap .st-green { fill: var(--ll-green); }
.llmap .bar-red { fill: url(#ll-hatch); }
.llmap .bar-amber { fill: url(#ll-dots); }
.llmap .bar-green { fill: var(--ll-green); }
.llmap .pat-red { stroke: var(--ll-red); stroke-width: 2.5; }
.llmap .pat-amber { fill: var(--ll-amber); }
.llmap .pat-bg { fill: var(--ll-node-bg); }
.llmap .icon { font-weight: 700; font-size: 12px; fill: var(--ll-on-status); }
.llmap .cell { stroke: var(--ll-border); }
.llmap .cell-red { fill: var(--ll-red-bg); }
.llmap .cell-amber { fill: var(--ll-amber-bg); }
.llmap .cell-green { fill: var(--ll-green-bg); }
.llmap .cell-text { font-size: 9px; }
.llmap .route { stroke: var(--ll-muted); stroke-width: 1.5; fill: none; marker-end: url(#ll-arrow); }
.llmap .gap { stroke: var(--ll-red); stroke-width: 2; stroke-dasharray: 6 4; fill: none; marker-end: url(#ll-arrow-gap); }
.llmap .gap.waived { stroke: var(--ll-muted); }
.llmap .gap-label { font-size: 11px; fill: var(--ll-red); font-weight: 600; }
.llmap .gap-label.waived { fill: var(--ll-muted); }
.llmap .arrow { fill: var(--ll-muted); }
.llmap .arrow-gap { fill: var(--ll-red); }
.llmap .chip { fill: var(--ll-green-bg); stroke: var(--ll-border); }
.llmap a.sys { cursor: pointer; }
.llmap a.sys:hover .node, .llmap a.sys:focus .node { stroke: var(--ll-focus); stroke-width: 2; }
.llmap a.sys:focus { outline: none; }
.llmap a.sys.selected .node { stroke: var(--ll-focus); stroke-width: 3; }
`;

interface Geometry {
  nodeW: number;
  nodeH: number;
  gapX: number;
  gapY: number;
  labelW: number;
  perRow: number;
  pad: number;
  compact: boolean;
}

const FULL: Geometry = { nodeW: 156, nodeH: 74, gapX: 40, gapY: 14, labelW: 188, perRow: 6, pad: 12, compact: false };
const COMPACT: Geometry = { nodeW: 100, nodeH: 40, gapX: 22, gapY: 8, labelW: 116, perRow: 4, pad: 8, compact: true };
/** Width the large map packs its lanes into. */
const LARGE_WIDTH = 1500;
const EDGE_ROW = 26;
const CHIP_W = 150;
const CHIP_H = 26;

/** Cuts text to about `max` characters ("…" at the end). */
function cut(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, Math.max(1, max - 1))}…`;
}

function roleText(s: MapSystem): string {
  const role = s.role === 'abap' ? 'ABAP' : s.role === 'solman' ? 'SAP Solution Manager' : s.role === 'frun' ? 'Focused Run' : 'role not recorded';
  if (s.role !== 'abap') return role;
  switch (s.connection) {
    case 'direct': return 'ABAP, direct connectivity';
    case 'solman': return `ABAP via SAP Solution Manager${s.managedBy ? ` ${s.managedBy}` : ''}`;
    case 'frun': return `ABAP via Focused Run${s.managedBy ? ` ${s.managedBy}` : ''}`;
    case 'none': return 'ABAP, no connection to SAP';
    default: return 'ABAP, connection not recorded';
  }
}

/** The accessible name of a system: SID, description, kind, status in words, counts. */
export function systemLabel(s: MapSystem): string {
  const counts = `${s.done} of ${s.total} items done${s.open ? `, ${s.open} open` : ''}${s.unknown ? `, ${s.unknown} not recorded` : ''}${s.waived ? `, ${s.waived} waived` : ''}`;
  return `${s.sid}${s.description ? ` — ${s.description}` : ''} (${roleText(s)}): ${STATUS_WORD[s.status]}, ${counts}`;
}

interface Placed { x: number; y: number }

/** A lane drawn at (0,0): its SVG and size, and where its systems landed (for the edges). */
interface LaneBox { svg: string[]; w: number; h: number; places: Map<string, Placed> }

function statusIcon(x: number, y: number, status: ReadinessStatus): string {
  return `<circle class="st-${status}" cx="${x}" cy="${y}" r="8"/><text class="icon" x="${x}" y="${y + 4}" text-anchor="middle" aria-hidden="true">${STATUS_ICON[status]}</text>`;
}

function nodeSvg(s: MapSystem, index: number, x: number, y: number, g: Geometry, lane: MapLane, entry: MapLaneEntry, chapterTitles: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  const ref = entry.ref === true;
  let label = systemLabel(s);
  if (ref) label += ` — shown here for reference; its place is ${s.lane.startsWith('track:') ? `track ${s.lane.slice(6)}` : 'another group'}`;
  out.push(`<a class="sys${ref ? ' ref' : ''}" href="#${systemAnchor(s.sid, index)}" data-sid="${escapeXml(s.sid)}" aria-label="${escapeXml(label)}">`);
  out.push(`<title>${escapeXml(label)}</title>`);
  out.push(`<rect class="node" x="${x}" y="${y}" width="${g.nodeW}" height="${g.nodeH}" rx="6"/>`);
  out.push(`<rect class="bar-${s.status}" x="${x + 1}" y="${y + 1}" width="7" height="${g.nodeH - 2}" rx="3"/>`);
  out.push(statusIcon(x + g.nodeW - 13, y + 13, s.status));
  const tx = x + 14;
  out.push(`<text class="sid" x="${tx}" y="${y + 17}">${escapeXml(cut(s.sid, g.compact ? 9 : 14))}${ref ? ' ↗' : ''}</text>`);
  if (g.compact) {
    out.push(`<text class="muted" x="${tx}" y="${y + 32}">${s.done}/${s.total}</text>`);
  } else {
    const sub = s.description ?? roleText(s);
    out.push(`<text class="muted" x="${tx}" y="${y + 33}">${escapeXml(cut(sub, 21))}</text>`);
    const via = s.managedBy && lane.kind !== 'managed' ? ` · via ${cut(s.managedBy, 8)}` : '';
    out.push(`<text x="${tx}" y="${y + 48}">${s.total ? `${s.done}/${s.total} done` : 'nothing applies'}${escapeXml(via)}</text>`);
    // one cell per chapter: the chapter id in it, its colour and tooltip say its state
    let cx = tx;
    for (const c of s.chapters) {
      const w = c.id === 'other' ? 34 : 28;
      if (cx + w > x + g.nodeW - 4) break;
      const title = `${c.id === 'other' ? 'Other findings' : `${c.id} ${chapterTitles.get(c.id) ?? ''}`}: ${c.done} of ${c.total} done${c.open ? `, ${c.open} open` : ''}${c.unknown ? `, ${c.unknown} not recorded` : ''}`;
      out.push(`<g><title>${escapeXml(title)}</title><rect class="cell cell-${c.status}" x="${cx}" y="${y + 55}" width="${w - 3}" height="14" rx="2"/>`
        + `<text class="cell-text" x="${cx + (w - 3) / 2}" y="${y + 65}" text-anchor="middle">${c.id === 'other' ? 'oth' : escapeXml(c.id)}${c.status === 'green' ? '' : c.status === 'red' ? '✗' : '!'}</text></g>`);
      cx += w;
    }
  }
  out.push('</a>');
  return out.join('');
}

function chipSvg(x: number, y: number, text: string, title: string, href?: string, sid?: string): string {
  const inner = `<title>${escapeXml(title)}</title><rect class="chip" x="${x}" y="${y}" width="${CHIP_W}" height="${CHIP_H}" rx="13"/>${statusIcon(x + 14, y + CHIP_H / 2, 'green')}<text x="${x + 28}" y="${y + 17}">${escapeXml(cut(text, 17))}</text>`;
  return href && sid !== undefined
    ? `<a class="sys" href="#${href}" data-sid="${escapeXml(sid)}" aria-label="${escapeXml(title)}">${inner}</a>`
    : `<g role="img" aria-label="${escapeXml(title)}">${inner}</g>`;
}

function laneHeader(lane: MapLane, g: Geometry, h: number): string[] {
  const out: string[] = [];
  // the compact map has no room for the word "Track" (the lane's accessible name says it)
  const text = lane.kind === 'track' && !g.compact ? `Track ${lane.title}` : lane.title;
  out.push(`<title>${escapeXml(`${lane.kind === 'track' ? 'Track ' : ''}${lane.title}`)}</title>`);
  out.push(`<rect class="lane-bg" x="0" y="0" width="${g.labelW - 8}" height="${h}" rx="6"/>`);
  out.push(statusIcon(16, 18, lane.status));
  out.push(`<text class="lane-title" x="30" y="22">${escapeXml(cut(text, g.compact ? 11 : 21))}</text>`);
  out.push(`<text class="muted" x="10" y="40">${lane.ready} of ${lane.systems} ready</text>`);
  return out;
}

function edgeLabel(e: MapEdge): string {
  const notes = e.notes.length ? `SAP Note${e.notes.length === 1 ? '' : 's'} ${e.notes.join(', ')}` : 'backbone notes';
  return `${notes} not transported ${e.from} → ${e.to}${e.waived ? ' (waived)' : ''}`;
}

function laneSvg(map: LandscapeMap, lane: MapLane, g: Geometry, index: ReadonlyMap<string, number>, chapterTitles: ReadonlyMap<string, string>): LaneBox {
  const bySid = (sid: string): MapSystem => map.systems[index.get(sid) as number];
  // green systems of collapsed managed/role lanes go into one chip (the managing system stays)
  const shown = lane.collapsed && lane.kind !== 'track'
    ? lane.entries.filter((e, i) => (lane.kind === 'managed' && i === 0) || bySid(e.sid).status !== 'green' || e.ref)
    : lane.entries;
  const hidden = lane.entries.filter((e) => !shown.includes(e));
  const edges = map.edges.filter((e) => e.lane === lane.id);
  const slots = shown.length + (hidden.length ? 1 : 0);
  const perRow = lane.kind === 'track' ? Math.max(slots, 1) : g.perRow;
  const rows = Math.max(1, Math.ceil(slots / perRow));
  const rowH = g.nodeH + g.gapY;
  const nodesH = rows * rowH - g.gapY;
  const also = lane.alsoManages?.length ? 16 : 0;
  const h = Math.max(g.compact ? 48 : 56, g.pad * 2 + nodesH + edges.length * EDGE_ROW + also);
  const places = new Map<string, Placed>();
  const body: string[] = [];
  shown.forEach((e, i) => {
    const x = g.labelW + (i % perRow) * (g.nodeW + g.gapX);
    const y = g.pad + Math.floor(i / perRow) * rowH;
    places.set(e.sid, { x, y });
    body.push(nodeSvg(bySid(e.sid), index.get(e.sid) as number, x, y, g, lane, e, chapterTitles));
    // the transport route of a track: an arrow to the next system in the same row
    if (lane.kind === 'track' && i + 1 < shown.length && (i + 1) % perRow !== 0) {
      body.push(`<path class="route" d="M${x + g.nodeW + 2} ${y + g.nodeH / 2}H${x + g.nodeW + g.gapX - 4}"/>`);
    }
  });
  if (hidden.length) {
    const i = shown.length;
    const x = g.labelW + (i % perRow) * (g.nodeW + g.gapX);
    const y = g.pad + Math.floor(i / perRow) * rowH + (g.nodeH - CHIP_H) / 2;
    const names = hidden.map((e) => e.sid);
    body.push(chipSvg(x, y, `${hidden.length} more ready`, `${hidden.length} more system${hidden.length === 1 ? '' : 's'} ready: ${names.slice(0, 200).join(', ')}${names.length > 200 ? ', …' : ''}`));
  }
  edges.forEach((e, k) => {
    const a = places.get(e.from);
    const b = places.get(e.to);
    if (!a || !b) return;
    const yLine = g.pad + nodesH + 8 + k * EDGE_ROW;
    const ax = a.x + g.nodeW / 2 - 10;
    const bx = b.x + g.nodeW / 2 + 10;
    const cls = e.waived ? ' waived' : '';
    body.push(`<g class="edge" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"><title>${escapeXml(e.messages.join('\n'))}</title>`
      + `<path class="gap${cls}" d="M${ax} ${a.y + g.nodeH}V${yLine}H${bx}V${b.y + g.nodeH + 3}"/>`
      + `<text class="gap-label${cls}" x="${Math.min(ax, bx) + 6}" y="${yLine + 14}">✗ ${escapeXml(edgeLabel(e))}</text></g>`);
  });
  if (also) {
    const names = lane.alsoManages ?? [];
    body.push(`<text class="muted" x="${g.labelW}" y="${h - 8}">${escapeXml(cut(`also manages ${names.join(', ')} (in tracks)`, 90))}</text>`);
  }
  const slotsW = Math.min(slots, perRow);
  let w = g.labelW + slotsW * g.nodeW + Math.max(0, slotsW - 1) * g.gapX + g.pad;
  // the labels of the transport gaps may reach beyond the last node (about 6.5 px per character)
  for (const e of edges) {
    const a = places.get(e.from);
    const b = places.get(e.to);
    if (a && b) w = Math.max(w, Math.min(a.x, b.x) + g.nodeW / 2 + Math.ceil((edgeLabel(e).length + 2) * 6.5) + g.pad);
  }
  return { svg: [...laneHeader(lane, g, h), ...body], w, h, places };
}

function defs(): string {
  return '<defs>'
    + '<pattern id="ll-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="pat-bg" width="6" height="6"/><line class="pat-red" x1="0" y1="0" x2="0" y2="6"/></pattern>'
    + '<pattern id="ll-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect class="pat-bg" width="5" height="5"/><circle class="pat-amber" cx="2.5" cy="2.5" r="1.6"/></pattern>'
    + '<marker id="ll-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0 0L10 5L0 10z"/></marker>'
    + '<marker id="ll-arrow-gap" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-gap" d="M0 0L10 5L0 10z"/></marker>'
    + '</defs>';
}

/** The summary sentence of the map (its SVG description, also used by the report). */
export function mapSummary(map: LandscapeMap): string {
  const s = map.summary;
  const gaps = map.edges.filter((e) => !e.waived).length;
  return `${s.ready} of ${s.systems} system${s.systems === 1 ? '' : 's'} ready (${s.red} not ready, ${s.amber} needing attention); `
    + `${map.lanes.filter((l) => l.kind === 'track').length} transport tracks; ${gaps} transport gap${gaps === 1 ? '' : 's'}.`;
}

/**
 * The map as an SVG element (no XML declaration: it is embedded in HTML).
 * @returns the `<svg>` text, or a short SVG saying there is nothing to draw
 */
export function renderMapSvg(map: LandscapeMap): string {
  const g = map.large ? COMPACT : FULL;
  const index = new Map(map.systems.map((s, i) => [s.sid, i]));
  const chapterTitles = new Map(map.chapters.map((c) => [c.id, c.title]));
  const title = `Landscape map${map.name ? ` of ${map.name}` : ''}`;
  const parts: string[] = [];
  let width = 0;
  let y = 0;
  if (!map.systems.length) {
    const msg = map.parsed ? 'No systems yet: add them under systems:.' : 'The file could not be read, so there is no map.';
    return `<svg xmlns="http://www.w3.org/2000/svg" class="llmap" role="img" aria-label="${escapeXml(`${title}: ${msg}`)}" width="420" height="40" viewBox="0 0 420 40"><text x="8" y="24">${escapeXml(msg)}</text></svg>`;
  }
  // large: tracks that are all green become chips in one band at the top
  const collapsedTracks = map.lanes.filter((l) => l.kind === 'track' && l.collapsed);
  if (collapsedTracks.length) {
    const perRow = Math.floor((LARGE_WIDTH - 8) / (CHIP_W + 8));
    const rows = Math.ceil(collapsedTracks.length / perRow);
    parts.push(`<g transform="translate(0 0)"><text class="lane-title" x="4" y="16">${collapsedTracks.length} track${collapsedTracks.length === 1 ? '' : 's'} with every system ready</text>`);
    collapsedTracks.forEach((l, i) => {
      const first = l.entries[0].sid;
      const x = 4 + (i % perRow) * (CHIP_W + 8);
      const cy = 26 + Math.floor(i / perRow) * (CHIP_H + 6);
      parts.push(chipSvg(x, cy, `${l.title} (${l.entries.length})`, `Track ${l.title}: ${l.entries.map((e) => e.sid).join(' → ')}, every system ready`, systemAnchor(first, index.get(first) as number), first));
    });
    parts.push('</g>');
    y = 26 + rows * (CHIP_H + 6) + 8;
    width = LARGE_WIDTH;
  }
  // the other lanes: one per row, or (large map) packed left to right into rows
  let rowX = 0;
  let rowH = 0;
  for (const lane of map.lanes) {
    if (lane.kind === 'track' && lane.collapsed) continue;
    const box = laneSvg(map, lane, g, index, chapterTitles);
    if (map.large) {
      if (rowX > 0 && rowX + box.w > LARGE_WIDTH) {
        y += rowH + 10;
        rowX = 0;
        rowH = 0;
      }
    }
    const label = `${lane.kind === 'track' ? 'Track' : 'Group'} ${lane.title}: ${lane.ready} of ${lane.systems} ready`;
    parts.push(`<g class="lane" data-lane="${escapeXml(lane.id)}" role="group" aria-label="${escapeXml(label)}" transform="translate(${rowX} ${y})">${box.svg.join('')}</g>`);
    if (map.large) {
      rowX += box.w + 10;
      rowH = Math.max(rowH, box.h);
      width = Math.max(width, rowX);
    } else {
      y += box.h + 10;
      width = Math.max(width, box.w);
    }
  }
  if (map.large) y += rowH + 10;
  const h = Math.max(40, y);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="llmap" role="group" aria-labelledby="llmap-title llmap-desc" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}">`
    + `<title id="llmap-title">${escapeXml(title)}</title><desc id="llmap-desc">${escapeXml(mapSummary(map))}</desc>${defs()}${parts.join('')}</svg>`;
}
