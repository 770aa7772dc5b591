/**
 * A typed, defensive view of a landscape document's value. Fields with the wrong type are left
 * out (the schema reports them), so rules can trust every field they read.
 */

export type Role = 'abap' | 'solman' | 'frun';
export type Connection = 'direct' | 'solman' | 'frun' | 'none';
export type DownloadChannel = 'rfc' | 'http' | 'download-service';

export interface NoteAssistantDef {
  enabled?: boolean;
  tci?: boolean;
  download?: DownloadChannel;
  trustAnchors?: boolean;
}

export interface DestinationDef {
  type?: string;
  user?: string;
  description?: string;
}

export interface SystemDef {
  sid: string;
  role?: Role;
  description?: string;
  connection?: Connection;
  managedBy?: string;
  basis?: string;
  release?: string;
  components: Record<string, string>;
  spam?: number;
  noteAssistant?: NoteAssistantDef;
  /** SAP Notes, in file order; `notesIndex` maps a note to its index in the `notes` array. */
  notes: number[];
  notesIndex: Map<number, number>;
  taskLists: string[];
  communicationUser?: string;
  profile: Record<string, string | number | boolean>;
  certificates?: { sslClientStandard?: string[]; sslClientAnonymous?: string[] };
  destinations: Record<string, DestinationDef>;
  sdccn?: { destinations?: string[]; tasksRecreated?: boolean };
  saprouter?: { checked?: boolean };
  solmanSetup?: { backendUser?: string; communicationUser?: string };
  /** Keys present in the file, to tell "absent" from "present but wrong type". */
  keys: ReadonlySet<string>;
}

export interface LandscapeModel {
  name?: string;
  communicationUsers: Record<string, { description?: string }>;
  tracks: Record<string, string[]>;
  systems: SystemDef[];
  systemsById: Map<string, SystemDef>;
}

const ROLES: readonly Role[] = ['abap', 'solman', 'frun'];
const CONNECTIONS: readonly Connection[] = ['direct', 'solman', 'frun', 'none'];
const CHANNELS: readonly DownloadChannel[] = ['rfc', 'http', 'download-service'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

function readSystem(sid: string, raw: unknown): SystemDef {
  const o = isObj(raw) ? raw : {};
  const notes = Array.isArray(o.notes) ? o.notes.filter((n): n is number => Number.isInteger(n)) : [];
  const notesIndex = new Map<number, number>();
  if (Array.isArray(o.notes)) o.notes.forEach((n, i) => { if (Number.isInteger(n) && !notesIndex.has(n as number)) notesIndex.set(n as number, i); });
  const components: Record<string, string> = {};
  if (isObj(o.components)) for (const [k, v] of Object.entries(o.components)) if (typeof v === 'string') components[k] = v;
  const profile: Record<string, string | number | boolean> = {};
  if (isObj(o.profile)) {
    for (const [k, v] of Object.entries(o.profile)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') profile[k] = v;
    }
  }
  const destinations: Record<string, DestinationDef> = {};
  if (isObj(o.destinations)) {
    for (const [k, v] of Object.entries(o.destinations)) {
      const d = isObj(v) ? v : {};
      destinations[k] = {
        type: typeof d.type === 'number' ? String(d.type) : str(d.type),
        user: str(d.user),
        description: str(d.description),
      };
    }
  }
  const na = isObj(o.noteAssistant) ? o.noteAssistant : undefined;
  const certs = isObj(o.certificates) ? o.certificates : undefined;
  const sdccn = isObj(o.sdccn) ? o.sdccn : undefined;
  const saprouter = isObj(o.saprouter) ? o.saprouter : undefined;
  const setup = isObj(o.solmanSetup) ? o.solmanSetup : undefined;
  return {
    sid,
    role: oneOf(o.role, ROLES),
    description: str(o.description),
    connection: oneOf(o.connection, CONNECTIONS),
    managedBy: str(o.managedBy),
    basis: str(o.basis),
    release: str(o.release),
    components,
    spam: Number.isInteger(o.spam) ? (o.spam as number) : undefined,
    noteAssistant: na && {
      enabled: bool(na.enabled),
      tci: bool(na.tci),
      download: oneOf(na.download, CHANNELS),
      trustAnchors: bool(na.trustAnchors),
    },
    notes,
    notesIndex,
    taskLists: strList(o.taskLists),
    communicationUser: str(o.communicationUser),
    profile,
    certificates: certs && {
      sslClientStandard: Array.isArray(certs.sslClientStandard) ? strList(certs.sslClientStandard) : undefined,
      sslClientAnonymous: Array.isArray(certs.sslClientAnonymous) ? strList(certs.sslClientAnonymous) : undefined,
    },
    destinations,
    sdccn: sdccn && {
      destinations: Array.isArray(sdccn.destinations) ? strList(sdccn.destinations) : undefined,
      tasksRecreated: bool(sdccn.tasksRecreated),
    },
    saprouter: saprouter && { checked: bool(saprouter.checked) },
    solmanSetup: setup && { backendUser: str(setup.backendUser), communicationUser: str(setup.communicationUser) },
    keys: new Set(Object.keys(o)),
  };
}

/**
 * Builds the typed model from a document value (any shape; never throws). With a cache (the
 * incremental engine), a system whose value object is unchanged keeps its SystemDef object.
 */
export function readLandscape(value: unknown, cache?: WeakMap<object, SystemDef>): LandscapeModel {
  const root = isObj(value) ? value : {};
  const communicationUsers: Record<string, { description?: string }> = {};
  if (isObj(root.communicationUsers)) {
    for (const [k, v] of Object.entries(root.communicationUsers)) communicationUsers[k] = { description: isObj(v) ? str(v.description) : undefined };
  }
  const tracks: Record<string, string[]> = {};
  if (isObj(root.tracks)) for (const [k, v] of Object.entries(root.tracks)) tracks[k] = strList(v);
  const read = (sid: string, raw: unknown): SystemDef => {
    if (!cache || !isObj(raw)) return readSystem(sid, raw);
    let def = cache.get(raw);
    if (!def || def.sid !== sid) {
      def = readSystem(sid, raw);
      cache.set(raw, def);
    }
    return def;
  };
  const systems = isObj(root.systems) ? Object.entries(root.systems).map(([sid, raw]) => read(sid, raw)) : [];
  return {
    name: str(root.landscape),
    communicationUsers,
    tracks,
    systems,
    systemsById: new Map(systems.map((s) => [s.sid, s])),
  };
}

/** "connected" systems of spec §2: SolMan, Focused Run and ABAP systems with direct connectivity. */
export function isConnected(s: SystemDef): boolean {
  return s.role === 'solman' || s.role === 'frun' || (s.role === 'abap' && s.connection === 'direct');
}

/** Direct ABAP systems: the plug-in, SDCCN, SAProuter and task-list rules apply. */
export function isDirectAbap(s: SystemDef): boolean {
  return s.role === 'abap' && s.connection === 'direct';
}

/** "SNOTE systems" of spec §2: Note Assistant is used unless `noteAssistant.enabled` is false. */
export function usesNoteAssistant(s: SystemDef): boolean {
  return s.noteAssistant?.enabled !== false;
}
