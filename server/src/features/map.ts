/**
 * The landscape map model: the readiness checklist of a landscape laid out as a picture, pure and
 * deterministic (same file → same model → same picture). Decisions:
 * - Every system has one home lane: its first track (transport order, source first); else the
 *   lane of the SAP Solution Manager / Focused Run that manages it (`managedBy` naming a system
 *   of that role in the file); a managing system not in a track heads its own lane; everything
 *   else goes to a lane per role ("Stand-alone ABAP", "Role not recorded").
 * - A system listed by a second track, or a manager that lives in a track, is drawn again as a
 *   reference (`ref`) in the other lane, so a track always shows its whole transport route.
 *   Managed systems that live in a track are named by the manager's lane (`alsoManages`).
 * - Readiness comes from the checklist unchanged (status, done/total per chapter, open items);
 *   transport gaps come from the `track-transport` findings (their `data`: note, track, nearest
 *   earlier holder), one edge per track, source and target with all their notes.
 * - Above LARGE_MAP_SYSTEMS systems the picture collapses what needs no attention: tracks whose
 *   systems are all green become one chip each, and the green systems of the other lanes one
 *   "N ready" chip per lane. The matrix and the open items still list every system.
 */
import type { LintResult } from '../core/lint';
import type {
  ChecklistFinding,
  LandscapeChecklist,
  LandscapeMap,
  MapChapterCell,
  MapEdge,
  MapLane,
  MapLaneEntry,
  MapOpenItem,
  MapSystem,
  ReadinessStatus,
  SystemChecklist,
} from '../protocol';
import { CHECKLIST_CHAPTERS } from '../knowledge';
import { OTHER_CHAPTER } from './checklist';

/** Above this many systems the map collapses green tracks and green systems (see the module comment). */
export const LARGE_MAP_SYSTEMS = 100;

/** The rule whose findings are the transport gaps (its `data`: note, track, from = nearest earlier holders). */
const TRANSPORT_RULE = 'track-transport';

const STATUS_RANK: Readonly<Record<ReadinessStatus, number>> = { green: 0, amber: 1, red: 2 };

/** The worse of readiness states (green for none). */
export function worstStatus(states: Iterable<ReadinessStatus>): ReadinessStatus {
  let worst: ReadinessStatus = 'green';
  for (const s of states) if (STATUS_RANK[s] > STATUS_RANK[worst]) worst = s;
  return worst;
}

/**
 * Role groups of systems without track or manager, in this order, with their lane titles (a
 * Solution Manager or Focused Run always heads a lane of its own).
 */
const ROLE_LANES: readonly { key: string; title: string }[] = [
  { key: 'abap', title: 'Stand-alone ABAP' },
  { key: 'none', title: 'Role not recorded' },
];

/** Short enough for the lane label ("Solution Manager SOL"). */
const MANAGER_TITLE: Readonly<Record<string, string>> = { solman: 'Solution Manager', frun: 'Focused Run' };

function isManager(s: SystemChecklist | undefined): boolean {
  return s?.role === 'solman' || s?.role === 'frun';
}

function chapterCells(s: SystemChecklist): MapChapterCell[] {
  return s.chapters.map((c) => {
    let open = 0;
    let unknown = 0;
    let error = false;
    for (const i of c.items) {
      if (i.state === 'open') {
        open++;
        if (i.severity === 'error') error = true;
      } else if (i.state === 'unknown') unknown++;
    }
    const status: ReadinessStatus = error ? 'red' : open + unknown > 0 ? 'amber' : 'green';
    return { id: c.id, done: c.done, total: c.total, open, unknown, waived: c.waived, status };
  });
}

function openItems(s: SystemChecklist): MapOpenItem[] {
  const out: MapOpenItem[] = [];
  for (const c of s.chapters) {
    for (const i of c.items) {
      if (i.state !== 'open' && i.state !== 'unknown') continue;
      const item: MapOpenItem = { chapter: c.id, text: i.text, state: i.state, action: i.action, sections: [...i.sections], range: i.range };
      if (i.severity) item.severity = i.severity;
      out.push(item);
    }
  }
  return out;
}

/** The home lane of each system (see the module comment), by SID. */
function homeLanes(checklist: LandscapeChecklist, tracks: readonly [string, readonly string[]][]): Map<string, string> {
  const bySid = new Map(checklist.systems.map((s) => [s.sid, s]));
  const home = new Map<string, string>();
  for (const [name, sids] of tracks) for (const sid of sids) if (bySid.has(sid) && !home.has(sid)) home.set(sid, `track:${name}`);
  for (const s of checklist.systems) {
    if (home.has(s.sid)) continue;
    if (isManager(s)) home.set(s.sid, `managed:${s.sid}`);
    else if (s.managedBy !== undefined && s.managedBy !== s.sid && isManager(bySid.get(s.managedBy))) home.set(s.sid, `managed:${s.managedBy}`);
    else home.set(s.sid, `role:${s.role ?? 'none'}`);
  }
  return home;
}

function laneOf(id: string, kind: MapLane['kind'], title: string, entries: MapLaneEntry[], bySid: ReadonlyMap<string, SystemChecklist>, large: boolean): MapLane {
  const held = entries.filter((e) => !e.ref).map((e) => bySid.get(e.sid)).filter((s): s is SystemChecklist => s !== undefined);
  const ready = held.filter((s) => s.status === 'green').length;
  const status = worstStatus(held.map((s) => s.status));
  // a track is collapsed only as a whole (its route is one picture); the others lose their green systems
  const collapsed = large && (kind === 'track' ? held.length > 0 && ready === held.length && entries.every((e) => bySid.get(e.sid)?.status === 'green') : ready > 0);
  return { id, kind, title, entries, status, systems: held.length, ready, collapsed };
}

/** The transport gaps of a lint run as edges (one per track, source and target). */
function transportEdges(result: LintResult, checklist: LandscapeChecklist, tracks: ReadonlyMap<string, readonly string[]>): MapEdge[] {
  const gaps = result.rawRuleFindings.filter((f) => f.ruleId === TRANSPORT_RULE);
  if (!gaps.length) return [];
  // which of them a suppression comment waives: the checklist knows (only systems with a gap are read)
  const withGap = new Set(gaps.map((f) => f.system));
  const waived = new Set<string>();
  for (const s of checklist.systems) {
    if (!withGap.has(s.sid)) continue;
    for (const c of s.chapters) for (const i of c.items) for (const f of i.findings) if (f.ruleId === TRANSPORT_RULE && f.waived !== undefined) waived.add(findingKey(s.sid, f));
  }
  const edges = new Map<string, MapEdge & { findings: number; waivedFindings: number }>();
  for (const f of gaps) {
    if (f.system === null || !f.data) continue;
    const { note, track, from } = f.data;
    const source = Array.isArray(from) ? from[0] : undefined;
    if (typeof track !== 'string' || typeof source !== 'string' || !tracks.get(track)?.includes(source)) continue;
    const key = JSON.stringify([track, source, f.system]);
    let edge = edges.get(key);
    if (!edge) {
      edge = { kind: 'transport-gap', lane: `track:${track}`, track, from: source, to: f.system, notes: [], waived: false, messages: [], findings: 0, waivedFindings: 0 };
      edges.set(key, edge);
    }
    if (typeof note === 'number' && !edge.notes.includes(note)) edge.notes.push(note);
    edge.messages.push(f.message);
    edge.findings++;
    if (waived.has(findingKey(f.system, f))) edge.waivedFindings++;
  }
  const trackOrder = [...tracks.keys()];
  return [...edges.values()]
    .map(({ findings, waivedFindings, ...e }) => ({ ...e, notes: [...e.notes].sort((a, b) => a - b), waived: findings > 0 && waivedFindings === findings }))
    .sort((a, b) => {
      const route = tracks.get(a.track) ?? [];
      return trackOrder.indexOf(a.track) - trackOrder.indexOf(b.track) || route.indexOf(a.to) - route.indexOf(b.to) || route.indexOf(a.from) - route.indexOf(b.from);
    });
}

function findingKey(sid: string, f: Pick<ChecklistFinding, 'message' | 'range'>): string {
  return JSON.stringify([sid, f.message, f.range.start.line, f.range.start.character]);
}

/**
 * The landscape map of a lint run and its checklist.
 * @param result the lint run (its model's tracks and the transport findings)
 * @param checklist `buildChecklist(result)`, passed in so a caller's cached checklist is reused
 */
export function buildMap(result: LintResult, checklist: LandscapeChecklist): LandscapeMap {
  const bySid = new Map(checklist.systems.map((s) => [s.sid, s]));
  // only the systems that exist, each once per track (the unknown-reference and schema rules report the rest)
  const tracks: [string, string[]][] = Object.entries(result.model.tracks).map(([name, sids]) => [name, [...new Set(sids)].filter((sid) => bySid.has(sid))]);
  const home = homeLanes(checklist, tracks);
  const large = checklist.systems.length > LARGE_MAP_SYSTEMS;
  const lanes: MapLane[] = [];
  for (const [name, sids] of tracks) {
    if (!sids.length) continue;
    const id = `track:${name}`;
    lanes.push(laneOf(id, 'track', name, sids.map((sid) => (home.get(sid) === id ? { sid } : { sid, ref: true })), bySid, large));
  }
  for (const s of checklist.systems) {
    if (!isManager(s)) continue;
    const id = `managed:${s.sid}`;
    const managed = checklist.systems.filter((m) => m.sid !== s.sid && m.managedBy === s.sid);
    const entries: MapLaneEntry[] = [home.get(s.sid) === id ? { sid: s.sid } : { sid: s.sid, ref: true }, ...managed.filter((m) => home.get(m.sid) === id).map((m) => ({ sid: m.sid }))];
    // a manager that lives in a track and manages nothing outside it needs no lane of its own
    if (entries.length === 1 && entries[0].ref) {
      if (!managed.length) continue;
    }
    const lane = laneOf(id, 'managed', `${MANAGER_TITLE[s.role ?? ''] ?? s.role} ${s.sid}`, entries, bySid, large);
    const elsewhere = managed.filter((m) => home.get(m.sid) !== id).map((m) => m.sid);
    if (elsewhere.length) lane.alsoManages = elsewhere;
    lanes.push(lane);
  }
  for (const { key, title } of ROLE_LANES) {
    const id = `role:${key}`;
    const members = checklist.systems.filter((s) => home.get(s.sid) === id);
    if (members.length) lanes.push(laneOf(id, 'role', title, members.map((s) => ({ sid: s.sid })), bySid, large));
  }
  const trackNames = new Map<string, string[]>();
  for (const [name, sids] of tracks) {
    for (const sid of sids) {
      const list = trackNames.get(sid);
      if (list) list.push(name);
      else trackNames.set(sid, [name]);
    }
  }
  const systems: MapSystem[] = checklist.systems.map((s) => {
    const out: MapSystem = {
      sid: s.sid,
      status: s.status,
      done: s.done,
      total: s.total,
      open: s.open,
      unknown: s.unknown,
      waived: s.waived,
      range: s.range,
      chapters: chapterCells(s),
      openItems: openItems(s),
      tracks: trackNames.get(s.sid) ?? [],
      lane: home.get(s.sid) ?? `role:${s.role ?? 'none'}`,
    };
    if (s.role !== undefined) out.role = s.role;
    if (s.connection !== undefined) out.connection = s.connection;
    if (s.description !== undefined) out.description = s.description;
    if (s.managedBy !== undefined) out.managedBy = s.managedBy;
    return out;
  });
  const used = new Set(checklist.systems.flatMap((s) => s.chapters.map((c) => c.id)));
  const chapters = [...CHECKLIST_CHAPTERS, OTHER_CHAPTER].filter((c) => used.has(c.id)).map((c) => ({ id: c.id, title: c.title }));
  const map: LandscapeMap = {
    uri: checklist.uri,
    guide: { ...checklist.guide },
    baseline: { ...checklist.baseline },
    parsed: checklist.parsed,
    syntaxErrors: checklist.syntaxErrors,
    summary: { ...checklist.summary },
    chapters,
    systems,
    lanes,
    edges: transportEdges(result, checklist, new Map(tracks)),
    large,
    landscapeFindings: checklist.landscapeFindings,
  };
  if (checklist.version !== undefined) map.version = checklist.version;
  if (checklist.name !== undefined) map.name = checklist.name;
  return map;
}
