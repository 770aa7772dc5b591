/**
 * What hover and completion both need: navigation in the landscape schema, the system a path
 * belongs to, and the SAP Notes a system still lacks. Facts come from the knowledge tables and
 * the schema; nothing here repeats a note number or a threshold.
 */
import type { LintResult } from '../core/lint';
import type { SystemDef } from '../core/model';
import { isConnected, isDirectAbap, usesNoteAssistant } from '../core/model';
import { LANDSCAPE_SCHEMA } from '../core/schema';
import {
  basisHasDigitalSignature,
  CIPHERSUITE_VALUES,
  ciphersuiteValue,
  digitalSignatureNotesFor,
  digitalSignatureThreshold,
  formatThreshold,
  isBackboneNote,
  lookup,
  noteLink,
  parseBasis,
  SSL_CLIENT_CIPHERSUITES_PARAMETER,
  TASK_LIST_OSS_COMM,
  tciAvailability,
  TCI_FOLLOW_UP_NOTE,
  tciProcedure,
} from '../knowledge';
import type { GuideSectionId } from '../knowledge';
import type { TciState } from '../rules/shared';
import { backboneNoteApplies, tciState } from '../rules/shared';
import type { Segment } from './nodeAtOffset';

/** Display names of the system roles, for hover, completion and the outline. */
export const ROLE_NAMES: Readonly<Record<string, string>> = Object.freeze({ abap: 'ABAP system', solman: 'SAP Solution Manager', frun: 'Focused Run' });

/** A JSON schema node (draft-07 subset). */
export type Schema = Record<string, unknown>;

const DEFINITIONS = (LANDSCAPE_SCHEMA.definitions ?? {}) as Record<string, Schema>;

/** A schema with its `$ref` resolved; keywords next to `$ref` (description, examples) win. */
export function resolveSchema(schema: unknown): Schema | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as Schema;
  const ref = typeof s.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(s.$ref) : null;
  if (!ref) return s;
  const { $ref: _ignored, ...own } = s;
  void _ignored;
  return { ...(lookup(DEFINITIONS, ref[1]) ?? {}), ...own };
}

/** The schema of the value at a path (object keys and list indexes), if the schema describes it. */
export function schemaAt(path: readonly Segment[]): Schema | undefined {
  let s: Schema | undefined = resolveSchema(LANDSCAPE_SCHEMA);
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') {
      s = resolveSchema(s.items);
      continue;
    }
    const props = s.properties as Record<string, unknown> | undefined;
    if (props && Object.hasOwn(props, seg)) s = resolveSchema(props[seg]);
    else s = typeof s.additionalProperties === 'object' ? resolveSchema(s.additionalProperties) : undefined;
  }
  return s;
}

/** Whether the schema's `properties` name the key (as opposed to an additionalProperties key such as a SID). */
export function isNamedProperty(mapPath: readonly Segment[], key: string): boolean {
  const props = schemaAt(mapPath)?.properties as Record<string, unknown> | undefined;
  return !!props && Object.hasOwn(props, key);
}

function conditionHolds(cond: Schema | undefined, obj: Record<string, unknown>): boolean {
  if (!cond) return false;
  for (const r of (cond.required as string[] | undefined) ?? []) if (!Object.hasOwn(obj, r)) return false;
  for (const [k, sub] of Object.entries((cond.properties as Record<string, Schema> | undefined) ?? {})) {
    if (!Object.hasOwn(obj, k)) continue;
    if ('const' in sub && obj[k] !== sub.const) return false;
    if (Array.isArray(sub.enum) && !sub.enum.includes(obj[k])) return false;
  }
  return true;
}

/**
 * The keys the schema allows in the map at a path, with their schemas, leaving out the keys that
 * the schema's `allOf` conditions forbid for this object (e.g. `release` on a `role: abap` system).
 */
export function allowedKeys(mapPath: readonly Segment[], obj: unknown): { key: string; schema: Schema; required: boolean }[] {
  const s = schemaAt(mapPath);
  if (!s) return [];
  const o = obj && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {};
  const forbidden = new Set<string>();
  const required = new Set<string>((s.required as string[] | undefined) ?? []);
  for (const entry of (s.allOf as Schema[] | undefined) ?? []) {
    if (!conditionHolds(entry.if as Schema | undefined, o)) continue;
    const then = (entry.then ?? {}) as Schema;
    for (const [k, v] of Object.entries((then.properties as Record<string, unknown> | undefined) ?? {})) if (v === false) forbidden.add(k);
    for (const r of (then.required as string[] | undefined) ?? []) required.add(r);
  }
  const props = (s.properties ?? {}) as Record<string, unknown>;
  return Object.keys(props)
    .filter((k) => !forbidden.has(k) && k !== '$schema')
    .map((k) => ({ key: k, schema: resolveSchema(props[k]) ?? {}, required: required.has(k) }));
}

/** The schema's own Markdown text for a node. */
export function schemaText(s: Schema | undefined): string | undefined {
  if (!s) return undefined;
  const md = s.markdownDescription ?? s.description;
  return typeof md === 'string' ? md : undefined;
}

/** The description of one enum value, if the schema gives one. */
export function enumDescription(s: Schema | undefined, value: unknown): string | undefined {
  if (!s || !Array.isArray(s.enum)) return undefined;
  if (value !== null && typeof value === 'object') return undefined;
  const i = s.enum.findIndex((v) => v === value || String(v) === String(value));
  const texts = (s.markdownEnumDescriptions ?? s.enumDescriptions) as string[] | undefined;
  return i >= 0 ? texts?.[i] : undefined;
}

/** The system a path points into (`systems.<SID>…`). */
export function systemOfPath(result: LintResult, path: readonly Segment[]): SystemDef | undefined {
  return path[0] === 'systems' && typeof path[1] === 'string' ? result.model.systemsById.get(path[1]) : undefined;
}

/** What hover and completion look up per system or user, computed once per lint run. */
export interface LandscapeIndex {
  /** Tracks that list a SID, in file order (each track once). */
  tracksBySid: ReadonlyMap<string, readonly string[]>;
  /** Systems that use a communication user (as `communicationUser` or `solmanSetup.backendUser`), in file order. */
  systemsByUser: ReadonlyMap<string, readonly SystemDef[]>;
  /** Findings per system and severity (after settings and suppressions). */
  findingCounts: ReadonlyMap<string, { error: number; warning: number; info: number }>;
}

const INDEXES = new WeakMap<LintResult, LandscapeIndex>();

/**
 * The per-system and per-user facts of a lint run (built once, then O(1) per lookup), so that
 * completion lists with thousands of systems or users stay linear.
 */
export function landscapeIndex(result: LintResult): LandscapeIndex {
  let index = INDEXES.get(result);
  if (index) return index;
  const tracksBySid = new Map<string, string[]>();
  for (const [track, sids] of Object.entries(result.model.tracks)) {
    for (const sid of new Set(sids)) {
      let list = tracksBySid.get(sid);
      if (!list) tracksBySid.set(sid, (list = []));
      list.push(track);
    }
  }
  const systemsByUser = new Map<string, SystemDef[]>();
  for (const s of result.model.systems) {
    for (const id of new Set([s.communicationUser, s.solmanSetup?.backendUser])) {
      if (id === undefined) continue;
      let list = systemsByUser.get(id);
      if (!list) systemsByUser.set(id, (list = []));
      list.push(s);
    }
  }
  const findingCounts = new Map<string, { error: number; warning: number; info: number }>();
  for (const f of result.findings) {
    if (f.system === null || (f.severity !== 'error' && f.severity !== 'warning' && f.severity !== 'info')) continue;
    let counts = findingCounts.get(f.system);
    if (!counts) findingCounts.set(f.system, (counts = { error: 0, warning: 0, info: 0 }));
    counts[f.severity]++;
  }
  index = { tracksBySid, systemsByUser, findingCounts };
  INDEXES.set(result, index);
  return index;
}

/** TCI state of a system, as the rules decide it. */
export function tciOf(sys: SystemDef): TciState {
  return tciState(sys);
}

/** A note the system still lacks, with why and how urgent (0 = a rule reports it). */
export interface LackingNote {
  note: number;
  reason: string;
  tier: 0 | 1 | 2;
}

/**
 * Note numbers a finding's data asks to implement. Only keys that mean "implement these" count
 * (a `note` that merely documents a procedure, such as the SAProuter note, does not).
 */
const IMPLEMENT_KEYS = ['missingNotes', 'notesToAdd', 'prerequisiteNotes', 'bootstrapNote', 'followUpNote'];

function notesInData(ruleId: string, data: Record<string, unknown> | undefined): number[] {
  if (!data) return [];
  const keys = ruleId === 'track-transport' ? [...IMPLEMENT_KEYS, 'note'] : IMPLEMENT_KEYS;
  const out: number[] = [];
  for (const k of keys) {
    const v = data[k];
    const values = Array.isArray(v) ? v : [v];
    for (const n of values) if (typeof n === 'number' && Number.isInteger(n) && n > 0) out.push(n);
  }
  return out;
}


/**
 * The SAP Notes a system still lacks, most urgent first: notes that rule findings name in their
 * data (e.g. `data.missingNotes`), then notes the knowledge tables require for its release, role
 * and settings, then the TCI enabling notes (recommended). Notes already in `notes` are left out.
 */
export function lackingNotes(result: LintResult, sys: SystemDef): LackingNote[] {
  const found = new Map<number, LackingNote>();
  const add = (note: number, reason: string, tier: 0 | 1 | 2): void => {
    if (sys.notesIndex.has(note)) return;
    const old = found.get(note);
    if (!old || old.tier > tier) found.set(note, { note, reason, tier });
  };
  for (const f of result.rawRuleFindings) {
    if (f.system !== sys.sid) continue;
    for (const n of notesInData(f.ruleId, f.data)) add(n, f.message, f.severity === 'info' || f.severity === 'hint' ? 2 : 0);
  }
  // notes present earlier in a transport track (guide 4.3)
  for (const [track, sids] of Object.entries(result.model.tracks)) {
    const at = sids.indexOf(sys.sid);
    for (const earlier of sids.slice(0, Math.max(0, at))) {
      const e = result.model.systemsById.get(earlier);
      for (const n of e?.notes ?? []) {
        if (isBackboneNote(n) && backboneNoteApplies(n, sys)) add(n, `implemented in ${earlier}, earlier in track ${track}: transport it (guide 4.3)`, 0);
      }
    }
  }
  const basis = parseBasis(sys.basis);
  if (usesNoteAssistant(sys) && basis) {
    const tci = tciState(sys);
    if (basisHasDigitalSignature(basis) === false) {
      const row = digitalSignatureThreshold(basis.release);
      for (const n of digitalSignatureNotesFor(tci.enabled)) {
        add(n, `digitally signed SAP Notes: SAP_BASIS ${basis.text} is below ${row ? formatThreshold(row) : 'the table'} and Note Assistant is ${tci.enabled ? '' : 'not '}TCI-enabled (guide 2.1.4.2)`, 1);
      }
    }
    const proc = tciProcedure(basis.release);
    if (!tci.enabled && proc && tciAvailability(basis.release) === 'available') {
      for (const n of proc.prerequisiteNotes) add(n, `TCI prerequisite for SAP_BASIS ${basis.release}, if applicable (guide 2.1.4.3)`, 2);
      add(proc.bootstrapNote, `TCI bootstrap note for SAP_BASIS ${basis.release}, package ${proc.bootstrapPackage} (guide 2.1.4.3.1)`, 2);
      if (proc.note2408383Package) add(TCI_FOLLOW_UP_NOTE, `after the bootstrap note on SAP_BASIS ${basis.release}, package ${proc.note2408383Package} (guide 2.1.4.3)`, 2);
    }
  }
  if (isDirectAbap(sys) && TASK_LIST_OSS_COMM.note !== undefined) {
    add(TASK_LIST_OSS_COMM.note, `delivers task list ${TASK_LIST_OSS_COMM.name}, required on ABAP systems with direct connectivity (guide 2.1.5, 4.3)`, 1);
  }
  if (isConnected(sys)) {
    const recorded = lookup(sys.profile, SSL_CLIENT_CIPHERSUITES_PARAMETER);
    const value = typeof recorded === 'string' ? ciphersuiteValue(recorded) : undefined;
    const target = value ?? (recorded === undefined && sys.role !== 'solman' ? CIPHERSUITE_VALUES[0] : undefined);
    for (const n of target?.requiresNotes ?? []) add(n, `needed for ${SSL_CLIENT_CIPHERSUITES_PARAMETER} = ${target!.value} (guide 2.2.1)`, 1);
  }
  return [...found.values()].sort((a, b) => a.tier - b.tier);
}

/** `[SAP Note 2738426](https://me.sap.com/notes/2738426)` */
export function noteRef(n: number, short = false): string {
  return `[${short ? '' : 'SAP Note '}${n}](${noteLink(n)})`;
}

/** `guide §2.1.4.2`, for inline references. */
export function sec(id: GuideSectionId): string {
  return `guide §${id}`;
}

/** Inline code, safe for backticks in the text. */
export function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

export { andList } from '../core/text';
