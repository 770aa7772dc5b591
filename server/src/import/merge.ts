/**
 * Merges what the exports say about systems into a landscape file through the minimal-edit
 * engine (core/edits.ts): values are replaced in place, keys and list items inserted in the
 * style of their surroundings; comments, order and formatting of everything else stay byte for
 * byte. Only the keys the exports cover are written (basis, components, notes, destinations,
 * profile; the release of a Solution Manager from its ST component); nothing is ever deleted —
 * where the exports contradict the file without a safe edit, a notice says so.
 */
import { isMap, isScalar } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { LandscapeDocument } from '../core/document';
import type { EditValue } from '../core/edits';
import { DocEditor, applyEdits } from '../core/edits';
import { basisHasDigitalSignature, basisHasTci, bootstrapNoteFor, DIGITAL_SIGNATURE_NOTES, NOTE_DOWNLOAD_RFC_DESTINATIONS, tciProcedure } from '../knowledge/basis';
import { LEGACY_RFC_DESTINATIONS, NEW_HTTPS_DESTINATIONS } from '../knowledge/destinations';
import { NOTE_CATALOGUE } from '../knowledge/notes';
import type { BasisVersion } from '../knowledge/versions';
import { formatSp, parseBasis, parseSolmanRelease } from '../knowledge/versions';
import type { ComponentsExport } from './components';
import type { DestinationsExport } from './destinations';
import type { NotesExport } from './notes';
import type { ParametersExport } from './parameters';

export type ImportRole = 'abap' | 'solman' | 'frun';
export type ImportConnection = 'direct' | 'solman' | 'frun' | 'none';

/** What is imported for one system. */
export interface SystemImport {
  readonly sid: string;
  /** Role of a system that is not in the file yet (default abap); an existing role is kept. */
  readonly role?: ImportRole;
  /** Connection of a new ABAP system (default direct, with a notice); an existing one is kept. */
  readonly connection?: ImportConnection;
  readonly components?: ComponentsExport;
  readonly notes?: NotesExport;
  readonly destinations?: DestinationsExport;
  readonly parameters?: ParametersExport;
}

export interface MergeOptions {
  /** Import every implemented note, not only the notes of the guide (default false). */
  readonly allNotes?: boolean;
  /** Import every destination, not only the support-backbone ones of the guide (default false). */
  readonly allDestinations?: boolean;
}

/** Something the merge decided or could not do, for one system. */
export interface MergeNotice {
  readonly sid: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

export interface MergePlan {
  /** Non-overlapping edits on the original text (inserts at one position already joined). */
  readonly edits: TextEdit[];
  readonly notices: MergeNotice[];
  /** SIDs whose entry changes (existing or new). */
  readonly changed: string[];
  /** SIDs that are new in the file. */
  readonly added: string[];
  /**
   * False when some changes had to wait for these edits: two keys added to one empty flow map
   * (`destinations: {}`, JSON `"systems": {}`) replace the same `{}`. mergeText() plans again on
   * the result until nothing is left.
   */
  readonly complete: boolean;
}

/** A landscape file the merge refuses to touch (syntax errors, a `systems` that is no map, …). */
export class ImportError extends Error {}

/** The SID form of spec §1: three characters, A-Z/0-9, a letter first. */
export const SID_PATTERN = /^[A-Z][A-Z0-9]{2}$/;

/** Notes and destinations of the guide: only these are imported unless asked for all. */
const GUIDE_NOTES: ReadonlySet<number> = new Set(NOTE_CATALOGUE.map((n) => n.number));
const GUIDE_DESTINATIONS: ReadonlySet<string> = new Set([
  ...LEGACY_RFC_DESTINATIONS.map((d) => d.name),
  ...NEW_HTTPS_DESTINATIONS.map((d) => d.name),
  ...NOTE_DOWNLOAD_RFC_DESTINATIONS,
]);

/** Keys of a new system, in the order of the snippets (snippets/landscape-yaml.json). */
const NEW_SYSTEM_ORDER = ['role', 'release', 'connection', 'basis', 'components', 'notes', 'profile', 'destinations'];

/** The text of a new landscape file that an import starts from when the file does not exist. */
export function emptyLandscape(format: 'yaml' | 'json', name = 'Imported landscape'): string {
  return format === 'json' ? `{\n  "landscape": ${JSON.stringify(name)},\n  "systems": {}\n}\n` : `landscape: ${name}\n\nsystems:\n`;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Which notes of CWBNTCUST count as implemented. E (completely implemented) always. O (obsolete)
 * only where the support package contains the note by the guide's tables: a digital-signature
 * note on SAP_BASIS at or above the 2.1.4.2 table, the bootstrap or a prerequisite note of the
 * release on SAP_BASIS at or above the 2.1.4.3 table. Any other obsolete note (replaced by a
 * newer note, or a support package the guide does not tie to it) is not counted. U, V, N, - and
 * undefined are not implemented.
 */
export function countsAsImplemented(note: number, state: string, basis: Pick<BasisVersion, 'release' | 'sp'> | undefined): boolean {
  if (state === 'E') return true;
  if (state !== 'O' || !basis) return false;
  const signature = [...DIGITAL_SIGNATURE_NOTES.tciEnabled, ...DIGITAL_SIGNATURE_NOTES.notTciEnabled];
  if (signature.includes(note)) return basisHasDigitalSignature(basis) === true;
  const tci = tciProcedure(basis.release);
  if (tci && (note === bootstrapNoteFor(basis.release) || tci.prerequisiteNotes.includes(note))) return basisHasTci(basis) === true;
  return false;
}

/** `7.2 SPS07` from ST 720 SP07, `7.1 SP14` from ST 710 SP14 (the Solution Manager component). */
function solmanReleaseOf(st: { release: string; sp: number } | undefined): string | undefined {
  if (!st) return undefined;
  if (st.release === '720') return `7.2 SPS${String(st.sp).padStart(2, '0')}`;
  if (st.release === '710') return `7.1 SP${String(st.sp).padStart(2, '0')}`;
  return undefined;
}

/** `<release> SP<n>` read loosely (any digits), to compare without caring for `SP7` vs `SP07`. */
function sameLevel(current: unknown, release: string, sp: number): boolean {
  if (typeof current !== 'string' && typeof current !== 'number') return false;
  const m = /^\s*(\S+)\s+SP(\d+)\s*$/i.exec(String(current));
  return !!m && m[1] === release && Number(m[2]) === sp;
}

interface Op {
  depth: number;
  seq: number;
  edits: TextEdit[];
}

/**
 * Plans the merge of system imports into a parsed landscape document.
 * @throws ImportError when the document cannot be merged into safely
 */
export function planMerge(doc: LandscapeDocument, imports: readonly SystemImport[], options: MergeOptions = {}): MergePlan {
  const broken = doc.parseFindings.find((f) => f.severity === 'error' || f.ruleId === 'file-too-large');
  if (broken) throw new ImportError(`line ${broken.range.start.line + 1}: ${broken.message}; fix the file first, nothing was imported`);
  const root = doc.value;
  if (root !== null && root !== undefined && !isObj(root)) throw new ImportError('the file is not a map with a `systems` key; nothing was imported');
  const systemsValue = isObj(root) ? root.systems : undefined;
  if (systemsValue !== undefined && systemsValue !== null && !isObj(systemsValue)) throw new ImportError('`systems` is not a map of SIDs; nothing was imported');
  const systemsNode = doc.nodeAt(['systems']).value;
  if (systemsNode && !isMap(systemsNode) && !(isScalar(systemsNode) && systemsNode.value === null)) throw new ImportError('`systems` is not a map of SIDs; nothing was imported');
  const systems = (systemsValue ?? {}) as Obj;
  // destinations are written `NAME: { type: H, user: X }`, as in the snippets and the examples
  const ed = new DocEditor(doc, { inlineMapsUnder: ['destinations'] });
  const ops: Op[] = [];
  const notices: MergeNotice[] = [];
  const changed: string[] = [];
  const added: string[] = [];
  let seq = 0;
  const newSystems: { sid: string; value: Obj }[] = [];
  const seen = new Set<string>();
  for (const imp of imports) {
    const { sid } = imp;
    if (!SID_PATTERN.test(sid)) throw new ImportError(`'${sid}' is not a SID (three characters A-Z/0-9, a letter first)`);
    if (seen.has(sid)) throw new ImportError(`${sid} is imported twice`);
    seen.add(sid);
    const note = (severity: MergeNotice['severity'], message: string): void => void notices.push({ sid, severity, message });
    const existing = Object.prototype.hasOwnProperty.call(systems, sid) ? systems[sid] : undefined;
    if (existing !== undefined && existing !== null && !isObj(existing)) {
      note('error', `systems.${sid} is not a map in the file; nothing imported for it`);
      continue;
    }
    const sys = (existing ?? {}) as Obj;
    const isNew = existing === undefined || existing === null;
    const role = (typeof sys.role === 'string' ? sys.role : undefined) ?? (isNew ? imp.role ?? 'abap' : undefined);
    const want = desiredValues(imp, sys, role, options, note);
    if (isNew) {
      const value: Obj = { role };
      if (role === 'abap') {
        value.connection = imp.connection ?? 'direct';
        if (!imp.connection) note('info', 'connection: direct written (the exports do not say how the system reaches SAP); change it to solman, frun or none if it reports through another system');
      } else if (imp.connection) note('warning', `--connection is for ABAP systems; not written for role ${role}`);
      Object.assign(value, want.top);
      if (role === 'frun' && !value.release) note('warning', 'release not written (the exports do not show the Focused Run release): add it, e.g. release: "2.0"');
      if (role === 'solman' && !value.release) note('warning', 'release not written (the component export has no ST 720 or ST 710): add it, e.g. release: 7.2 SPS08');
      if (want.components.length) value.components = Object.fromEntries(want.components.map((c) => [c.name, c.value]));
      if (want.notes.length) value.notes = want.notes;
      if (want.profile.length) value.profile = Object.fromEntries(want.profile.map((p) => [p.name, p.value]));
      if (want.destinations.length) value.destinations = Object.fromEntries(want.destinations.map((d) => [d.name, destinationValue(d)]));
      const ordered: Obj = {};
      for (const k of NEW_SYSTEM_ORDER) if (value[k] !== undefined) ordered[k] = value[k];
      if (existing === null) {
        // `EPR:` with nothing after it: write the map under the key
        ops.push({ depth: 3, seq: seq++, edits: ed.setValue(['systems', sid], ordered as EditValue) });
      } else newSystems.push({ sid, value: ordered });
      changed.push(sid);
      added.push(sid);
      continue;
    }
    // an existing system: in-place changes first, keys new to the system after them (see order())
    const base = ['systems', sid];
    const before = ops.length;
    const set = (path: (string | number)[], value: EditValue, what: string): void => {
      const edits = ed.setValue([...base, ...path], value);
      if (!edits.length) note('error', `${what} could not be written without rewriting the file around it (e.g. an alias or a value of another kind there); set it by hand: ${path.join('.')}: ${JSON.stringify(value)}`);
      ops.push({ depth: 2 + path.length, seq: seq++, edits });
    };
    for (const [key, value] of Object.entries(want.top)) {
      if (sys[key] !== value) set([key], value as EditValue, key);
    }
    if (want.components.length) {
      const cur = sys.components;
      if (cur === undefined || cur === null) set(['components'], Object.fromEntries(want.components.map((c) => [c.name, c.value])), 'components');
      else if (!isObj(cur)) note('error', 'components is not a map in the file; components not imported');
      else for (const c of want.components) if (!sameLevel(cur[c.name], c.release, c.sp)) set(['components', c.name], c.value, `components.${c.name}`);
    }
    if (want.notes.length) {
      const cur = sys.notes;
      if (cur !== undefined && cur !== null && !Array.isArray(cur)) note('error', 'notes is not a list in the file; notes not imported');
      else {
        const present = new Set((Array.isArray(cur) ? cur : []).map(String));
        const fresh = want.notes.filter((n) => !present.has(String(n)));
        if (fresh.length) {
          const edits = ed.addToList([...base, 'notes'], fresh);
          if (!edits.length) note('error', `notes ${fresh.join(', ')} could not be added without rewriting the list; add them by hand`);
          ops.push({ depth: 3, seq: seq++, edits });
        }
      }
    }
    if (want.profile.length) {
      const cur = sys.profile;
      if (cur !== undefined && cur !== null && !isObj(cur)) note('error', 'profile is not a map in the file; profile not imported');
      else if (!isObj(cur)) set(['profile'], Object.fromEntries(want.profile.map((p) => [p.name, p.value])), 'profile');
      else for (const p of want.profile) if (cur[p.name] !== p.value) set(['profile', p.name], p.value, `profile.${p.name}`);
    }
    if (want.destinations.length) {
      const cur = sys.destinations;
      if (cur !== undefined && cur !== null && !isObj(cur)) note('error', 'destinations is not a map in the file; destinations not imported');
      else if (!isObj(cur)) set(['destinations'], Object.fromEntries(want.destinations.map((d) => [d.name, destinationValue(d)])), 'destinations');
      else {
        for (const d of want.destinations) {
          const entry = cur[d.name];
          if (entry === undefined || entry === null) { set(['destinations', d.name], destinationValue(d), `destinations.${d.name}`); continue; }
          if (!isObj(entry)) { note('error', `destinations.${d.name} is not a map in the file; not imported`); continue; }
          if (entry.type !== d.type) set(['destinations', d.name, 'type'], d.type, `destinations.${d.name}.type`);
          if (d.user && entry.user !== d.user) set(['destinations', d.name, 'user'], d.user, `destinations.${d.name}.user`);
          if (!d.user && want.destinationUsersKnown && typeof entry.user === 'string') {
            note('warning', `destinations.${d.name}: RFCDES has no logon user (U=) for it, the file says ${entry.user}; left as it is`);
          }
        }
      }
    }
    for (const m of want.contradictions) note('warning', m);
    if (ops.slice(before).some((o) => o.edits.length)) changed.push(sid);
  }
  // new systems go at the end of `systems`, in the order imported, after every change above
  for (const { sid, value } of newSystems) {
    const edits = systemsValue === undefined ? ed.insertKey([], 'systems', { [sid]: value as EditValue }) : ed.insertKey(['systems'], sid, value as EditValue);
    if (!edits.length) notices.push({ sid, severity: 'error', message: 'the system could not be inserted without rewriting the file around `systems`; nothing imported for it' });
    ops.push({ depth: 2, seq: seq++, edits: blankLineBefore(doc, edits) });
  }
  const { edits, complete } = order(doc, ops);
  return { edits, notices, changed, added, complete };
}

function destinationValue(d: { type: string; user?: string }): EditValue {
  return d.user ? { type: d.type, user: d.user } : { type: d.type };
}

interface Desired {
  top: Obj;
  components: { name: string; release: string; sp: number; value: string }[];
  notes: number[];
  profile: { name: string; value: string }[];
  destinations: { name: string; type: string; user?: string }[];
  destinationUsersKnown: boolean;
  contradictions: string[];
}

function desiredValues(imp: SystemImport, sys: Obj, role: string | undefined, options: MergeOptions, note: (s: MergeNotice['severity'], m: string) => void): Desired {
  const want: Desired = { top: {}, components: [], notes: [], profile: [], destinations: [], destinationUsersKnown: false, contradictions: [] };
  const basisFromExport = imp.components?.basis;
  if (basisFromExport) {
    const cur = parseBasis(sys.basis);
    if (!cur || cur.release !== basisFromExport.release || cur.sp !== basisFromExport.sp) want.top.basis = basisFromExport.value;
  }
  if (imp.components) {
    want.components = imp.components.components.map((c) => ({ name: c.name, release: c.release, sp: c.sp, value: c.value }));
    if (role === 'solman') {
      const st = imp.components.components.find((c) => c.name === 'ST');
      const release = solmanReleaseOf(st);
      if (release) {
        const cur = parseSolmanRelease(sys.release);
        const next = parseSolmanRelease(release)!;
        if (!cur || cur.release !== next.release || (cur.sps ?? cur.sp) !== (next.sps ?? next.sp)) want.top.release = release;
      }
    }
  }
  if (imp.notes) {
    const basis = basisFromExport ?? parseBasis(sys.basis);
    const inFile = new Set(Array.isArray(sys.notes) ? sys.notes.map(String) : []);
    let others = 0;
    const obsolete: number[] = [];
    for (const n of imp.notes.notes) {
      const implemented = countsAsImplemented(n.number, n.state, basis);
      if (implemented && !options.allNotes && !GUIDE_NOTES.has(n.number)) { others++; continue; }
      if (implemented) want.notes.push(n.number);
      else if (n.state === 'O' && GUIDE_NOTES.has(n.number)) obsolete.push(n.number);
      else if (inFile.has(String(n.number))) {
        const text: Record<string, string> = { U: 'incompletely implemented (U)', V: 'an obsolete version implemented (V)', N: 'can be implemented (N)', '-': 'cannot be implemented (-)', '': 'undefined', O: 'obsolete (O)' };
        want.contradictions.push(`note ${n.number} is in the file, but SNOTE says ${text[n.state]} (${imp.notes.file}:${n.line}); left in the file`);
      }
    }
    want.notes = [...new Set(want.notes)].sort((a, b) => a - b);
    if (obsolete.length) {
      note('info', `note${obsolete.length > 1 ? 's' : ''} ${obsolete.join(', ')} obsolete (O) in SNOTE, but ${basis ? `SAP_BASIS ${basis.release} ${formatSp(basis.sp)}` : 'the support package (unknown)'} does not contain ${obsolete.length > 1 ? 'them' : 'it'} by the guide's tables: not counted as implemented`);
    }
    if (others) note('info', `${others} other implemented note${others > 1 ? 's' : ''} not imported (not named by the guide; --all-notes imports them)`);
  }
  if (imp.parameters) want.profile = imp.parameters.parameters.map((p) => ({ name: p.name, value: p.value }));
  if (imp.destinations) {
    want.destinationUsersKnown = imp.destinations.hasOptions;
    let others = 0;
    for (const d of imp.destinations.destinations) {
      if (!options.allDestinations && !GUIDE_DESTINATIONS.has(d.name)) { others++; continue; }
      want.destinations.push(d.user ? { name: d.name, type: d.type, user: d.user } : { name: d.name, type: d.type });
    }
    const exported = new Set(imp.destinations.destinations.map((d) => d.name));
    if (isObj(sys.destinations)) {
      for (const name of Object.keys(sys.destinations)) {
        if (!exported.has(name)) want.contradictions.push(`destinations.${name} is in the file but not in the RFCDES export; left in the file (remove it if it was deleted in SM59)`);
      }
    }
    if (others) note('info', `${others} other destination${others > 1 ? 's' : ''} not imported (not support-backbone destinations of the guide; --all-destinations imports them)`);
  }
  return want;
}

/**
 * A new system in a block `systems` map whose systems are separated by blank lines gets one
 * too, as the snippets would put it.
 */
function blankLineBefore(doc: LandscapeDocument, edits: TextEdit[]): TextEdit[] {
  if (doc.format !== 'yaml' || edits.length !== 1) return edits;
  const e = edits[0];
  if (e.range.start.line !== e.range.end.line || e.range.start.character !== 0 || e.range.start.character !== e.range.end.character) return edits;
  const systems = doc.nodeAt(['systems']).value;
  if (!systems || !isMap(systems) || systems.flow || systems.items.length < 2) return edits;
  const second = systems.items[1].key as { range?: [number, number, number] } | null;
  if (!second?.range) return edits;
  let line = doc.lines.positionAt(second.range[0]).line - 1;
  while (line > 0 && /^\s*#/.test(doc.lines.lineText(line))) line--;
  if (line < 0 || doc.lines.lineText(line).trim() !== '') return edits;
  return [{ range: e.range, newText: `\n${e.newText}` }];
}

/**
 * All edits, with the inserts at one position joined into one edit: the inner (deeper) insert
 * first, so a key added to a nested map comes before a key added to the map around it at the
 * same place; at equal depth, in the order planned.
 */
function order(doc: LandscapeDocument, ops: Op[]): { edits: TextEdit[]; complete: boolean } {
  const flat = ops.flatMap((o) => o.edits.map((e, i) => ({ e, depth: o.depth, seq: o.seq, i, start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end) })));
  flat.sort((a, b) => a.start - b.start || a.end - b.end || b.depth - a.depth || a.seq - b.seq || a.i - b.i);
  const out: { start: number; end: number; e: TextEdit }[] = [];
  let complete = true;
  for (const f of flat) {
    const last = out[out.length - 1];
    if (last && f.start === f.end && last.start === f.start && last.end === f.end) {
      last.e = { range: last.e.range, newText: last.e.newText + f.e.newText };
      continue;
    }
    if (last && f.start < last.end) {
      // it overlaps an edit before it (both replace one empty `{}`): it waits for the next round
      complete = false;
      continue;
    }
    out.push({ start: f.start, end: f.end, e: f.e });
  }
  // the engine writes `\n`; a file with Windows line ends gets them in the inserted lines too
  const crlf = doc.text.includes('\r\n');
  return { edits: out.map((o) => (crlf ? { range: o.e.range, newText: o.e.newText.replace(/\r?\n/g, '\r\n') } : o.e)), complete };
}

export interface MergeResult extends MergePlan {
  readonly text: string;
}

/**
 * Merges into a text and checks the result: it parses without new errors, and everything but the
 * imported systems has the same value as before.
 * @throws ImportError when the file cannot be merged into, or the check fails
 */
export function mergeText(uri: string, text: string, imports: readonly SystemImport[], options: MergeOptions = {}, format?: 'yaml' | 'json'): MergeResult {
  const doc = new LandscapeDocument(uri, text, { format });
  let plan = planMerge(doc, imports, options);
  let out = plan.edits.length ? applyEdits(text, doc, plan.edits) : text;
  if (!plan.complete) {
    // plan again on the result: what is done plans no edit (the merge is idempotent), what waited goes in
    const notices = new Map(plan.notices.map((n) => [`${n.sid}\u0000${n.message}`, n]));
    const changed = new Set(plan.changed);
    const added = new Set(plan.added);
    for (let round = 0; round < 8 && !plan.complete; round++) {
      const next = new LandscapeDocument(uri, out, { format });
      plan = planMerge(next, imports, options);
      out = plan.edits.length ? applyEdits(out, next, plan.edits) : out;
      for (const n of plan.notices) if (!notices.has(`${n.sid}\u0000${n.message}`)) notices.set(`${n.sid}\u0000${n.message}`, n);
      for (const sid of plan.changed) changed.add(sid);
    }
    if (!plan.complete) throw new ImportError('internal: the merge did not settle; nothing was imported');
    plan = { edits: out === text ? [] : [wholeChange(doc, text, out)], notices: [...notices.values()], changed: imports.map((i) => i.sid).filter((s) => changed.has(s)), added: [...added], complete: true };
  }
  if (out !== text) {
    const after = new LandscapeDocument(uri, out, { format });
    const err = after.parseFindings.find((f) => f.severity === 'error');
    if (err) throw new ImportError(`internal: the merged file would not parse (line ${err.range.start.line + 1}: ${err.message}); nothing was imported`);
    const sids = new Set(imports.map((i) => i.sid));
    if (stable(withoutSystems(doc.value, sids)) !== stable(withoutSystems(after.value, sids))) {
      throw new ImportError('internal: the merge would change more than the imported systems; nothing was imported');
    }
  }
  return { ...plan, text: out };
}

/** One edit from `before` to `after`: the differing middle, between the common start and end. */
function wholeChange(doc: LandscapeDocument, before: string, after: string): TextEdit {
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  return { range: doc.lines.range(a, before.length - b), newText: after.slice(a, after.length - b) };
}

function withoutSystems(value: unknown, sids: ReadonlySet<string>): unknown {
  if (!isObj(value)) return value;
  const systems = isObj(value.systems) ? Object.fromEntries(Object.entries(value.systems).filter(([k]) => !sids.has(k))) : value.systems;
  return { ...value, systems: systems ?? {} };
}

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (isObj(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
}
