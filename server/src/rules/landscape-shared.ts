/**
 * Helpers shared by the landscape-wide rules (communication users, tracks, references): the
 * "track groups" of guide 2.3, ranges of SID keys, preferred-fix marking.
 */
import type { Range } from 'vscode-languageserver-types';
import type { LandscapeDocument } from '../core/document';
import type { LandscapeModel, SystemDef } from '../core/model';
import type { Fix, NodePath } from '../core/types';
import { sysPath } from './rule';
import { listText, systemRange } from './shared';

/** The range of a system's SID key itself (also when the system is written as a flow map). */
export function sidKeyRange(doc: LandscapeDocument, s: SystemDef): Range {
  return doc.rangeOfKey(sysPath(s)) ?? systemRange(doc, s);
}

/** The range of the key at path, else the most specific existing range. */
export function keyRange(doc: LandscapeDocument, path: NodePath): Range {
  return doc.rangeOfKey(path) ?? doc.rangeFor(path);
}

/** The raw (untyped) value at a path of the document value, to tell "absent" from "wrong type". */
export function rawAt(doc: LandscapeDocument, path: NodePath): unknown {
  let cur: unknown = doc.value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.hasOwn(cur, seg) ? (cur as Record<string | number, unknown>)[seg] : undefined;
  }
  return cur;
}

/** The declared technical communication users (keys of `communicationUsers`), in file order. */
export function declaredUsers(model: LandscapeModel): string[] {
  return Object.keys(model.communicationUsers);
}

/** Whether `communicationUsers` declares the user. */
export function isDeclaredUser(model: LandscapeModel, user: string): boolean {
  return Object.prototype.hasOwnProperty.call(model.communicationUsers, user);
}

/**
 * A "track group" of guide 2.3 ("one technical communication user per installation / system
 * track, for example DEV-QAS-PRD"): the tracks that share a system are one installation, so they
 * form one group (connected components over shared SIDs); a system that is in no track is a
 * group of its own.
 */
export interface TrackGroup {
  /** Stable key: "track:<first track name>" or "system:<SID>". */
  readonly key: string;
  /** Track names of the group, in file order (empty for a single system). */
  readonly tracks: readonly string[];
  /** SIDs of the group that exist under `systems`, in track order. */
  readonly systems: readonly string[];
  /** "track ERP", "tracks ERP and ERP2" or "system SOL". */
  readonly label: string;
}

/**
 * Groups every system of the landscape into track groups; the map is keyed by SID. Linear in the
 * number of track entries and systems (union-find over track indexes).
 */
/** The groups of a model, computed once per lint for all the rules that use them. */
const groupsOf = new WeakMap<LandscapeModel, Map<string, TrackGroup>>();

export function trackGroups(model: LandscapeModel): Map<string, TrackGroup> {
  let groups = groupsOf.get(model);
  if (!groups) groupsOf.set(model, groups = computeTrackGroups(model));
  return groups;
}

function computeTrackGroups(model: LandscapeModel): Map<string, TrackGroup> {
  const names = Object.keys(model.tracks);
  // parent by track index; the track declared first is the root, so group keys follow the file order
  const parent = names.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    for (let n = i; parent[n] !== r;) {
      const next = parent[n];
      parent[n] = r;
      n = next;
    }
    return r;
  };
  const firstTrackOf = new Map<string, number>();
  names.forEach((name, t) => {
    for (const sid of model.tracks[name] ?? []) {
      const other = firstTrackOf.get(sid);
      if (other === undefined) firstTrackOf.set(sid, t);
      else {
        const a = find(other);
        const b = find(t);
        if (a !== b) {
          if (a < b) parent[b] = a;
          else parent[a] = b;
        }
      }
    }
  });
  const byRoot = new Map<number, { tracks: string[]; systems: string[]; seen: Set<string> }>();
  names.forEach((name, t) => {
    const root = find(t);
    let g = byRoot.get(root);
    if (!g) {
      g = { tracks: [], systems: [], seen: new Set() };
      byRoot.set(root, g);
    }
    g.tracks.push(name);
    for (const sid of model.tracks[name] ?? []) {
      if (model.systemsById.has(sid) && !g.seen.has(sid)) {
        g.seen.add(sid);
        g.systems.push(sid);
      }
    }
  });
  const out = new Map<string, TrackGroup>();
  for (const [root, g] of byRoot) {
    const label = `${g.tracks.length > 1 ? 'tracks' : 'track'} ${listText(g.tracks)}`;
    const group: TrackGroup = { key: `track:${names[root]}`, tracks: g.tracks, systems: g.systems, label };
    for (const sid of g.systems) if (!out.has(sid)) out.set(sid, group);
  }
  for (const s of model.systems) {
    if (!out.has(s.sid)) out.set(s.sid, { key: `system:${s.sid}`, tracks: [], systems: [s.sid], label: `system ${s.sid}` });
  }
  return out;
}

/** The first use of a declared user in a track group (position in its systems) and the next one. */
interface UserUse {
  readonly sid: string;
  readonly user: string;
  readonly pos: number;
  next?: number;
}

interface GroupUses {
  readonly uses: readonly UserUse[];
  /** The use by a system that is the first of its user. */
  readonly bySid: ReadonlyMap<string, UserUse>;
}

/** At most this many "use user X" quick-fixes (and candidates) per finding. */
export const MAX_USER_CANDIDATES = 5;

/**
 * The users a system could be given, best first (guide 2.3: one user per track): a user already
 * used by another system of its track group, else a declared user no system uses yet (so the
 * choice does not share a user across tracks), else the declared users in file order. Built once
 * per check (linear in systems, tracks and users); each query returns at most `max` users.
 */
export class UserRanking {
  private readonly declared: string[];
  private readonly declaredSet: ReadonlySet<string>;
  /** Declared users that no system uses (communicationUser or SOLMAN_SETUP backend user), in file order. */
  private readonly unused: string[];
  /** Per track group: the declared users its systems use (see usesOf). */
  private readonly groupUses = new Map<TrackGroup, GroupUses>();

  constructor(private readonly model: LandscapeModel, private readonly groups: Map<string, TrackGroup>) {
    this.declared = declaredUsers(model);
    this.declaredSet = new Set(this.declared);
    const used = new Set<string>();
    for (const o of model.systems) {
      if (o.communicationUser !== undefined) used.add(o.communicationUser);
      if (o.solmanSetup?.backendUser !== undefined) used.add(o.solmanSetup.backendUser);
    }
    this.unused = this.declared.filter((u) => !used.has(u));
  }

  /** Up to `max` users for system s, best first. */
  for(s: SystemDef, max = MAX_USER_CANDIDATES): string[] {
    if (!this.declared.length || max <= 0) return [];
    const out: string[] = [];
    const taken = new Set<string>();
    const take = (u: string): boolean => {
      if (!taken.has(u)) {
        taken.add(u);
        out.push(u);
      }
      return out.length >= max;
    };
    const group = this.groups.get(s.sid);
    if (group?.tracks.length) {
      // users of the other systems of the group, by their first use there; a use by s itself does
      // not count, so a user that s uses first is ranked where the next system uses it
      const { uses, bySid } = this.usesOf(group);
      const own = bySid.get(s.sid);
      let ownPending = own?.next !== undefined;
      for (const e of uses) {
        if (ownPending && own && (own.next as number) < e.pos) {
          ownPending = false;
          if (take(own.user)) return out;
        }
        if (e !== own && take(e.user)) return out;
      }
      if (ownPending && own && take(own.user)) return out;
    }
    for (const u of this.unused) if (take(u)) return out;
    for (const u of this.declared) if (take(u)) return out;
    return out;
  }

  /**
   * The declared users the systems of a group use: each user once, at its first use (position in
   * the group's systems), with the position of the next system that uses it.
   */
  private usesOf(group: TrackGroup): GroupUses {
    let found = this.groupUses.get(group);
    if (!found) {
      const uses: UserUse[] = [];
      const bySid = new Map<string, UserUse>();
      const byUser = new Map<string, UserUse>();
      group.systems.forEach((sid, pos) => {
        const user = this.model.systemsById.get(sid)?.communicationUser;
        if (user === undefined || !this.declaredSet.has(user)) return;
        const e = byUser.get(user);
        if (!e) {
          const entry: UserUse = { sid, user, pos };
          byUser.set(user, entry);
          bySid.set(sid, entry);
          uses.push(entry);
        } else if (e.next === undefined && e.sid !== sid) e.next = pos;
      });
      found = { uses, bySid };
      this.groupUses.set(group, found);
    }
    return found;
  }
}

/** Drops fixes without edits and marks the first remaining one as the preferred fix. */
export function preferFirst(fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => f.edits.length > 0).map((f, i) => ({ ...f, isPreferred: i === 0 }));
}

/**
 * Drops fixes without edits; marks the first one preferred only when `sure` — a fix that "fix all"
 * may apply unattended. Where the fixes are competing guesses (e.g. "did you mean" next to
 * "declare it"), none is preferred.
 */
export function preferFirstIf(sure: boolean, fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => f.edits.length > 0).map((f, i) => (i === 0 && sure ? { ...f, isPreferred: true } : { title: f.title, edits: f.edits }));
}
