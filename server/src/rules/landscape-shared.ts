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

/** Groups every system of the landscape into track groups; the map is keyed by SID. */
export function trackGroups(model: LandscapeModel): Map<string, TrackGroup> {
  const names = Object.keys(model.tracks);
  const parent = new Map<string, string>(names.map((n) => [n, n]));
  const find = (n: string): string => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  const firstTrackOf = new Map<string, string>();
  for (const name of names) {
    for (const sid of model.tracks[name] ?? []) {
      const other = firstTrackOf.get(sid);
      if (other === undefined) firstTrackOf.set(sid, name);
      else {
        const a = find(other);
        const b = find(name);
        // the track declared first becomes the root, so group keys follow the file order
        if (a !== b) {
          const [keep, drop] = names.indexOf(a) < names.indexOf(b) ? [a, b] : [b, a];
          parent.set(drop, keep);
        }
      }
    }
  }
  const byRoot = new Map<string, { tracks: string[]; systems: string[] }>();
  for (const name of names) {
    const root = find(name);
    const g = byRoot.get(root) ?? { tracks: [], systems: [] };
    g.tracks.push(name);
    for (const sid of model.tracks[name] ?? []) if (model.systemsById.has(sid) && !g.systems.includes(sid)) g.systems.push(sid);
    byRoot.set(root, g);
  }
  const out = new Map<string, TrackGroup>();
  for (const [root, g] of byRoot) {
    const label = `${g.tracks.length > 1 ? 'tracks' : 'track'} ${listText(g.tracks)}`;
    const group: TrackGroup = { key: `track:${root}`, tracks: g.tracks, systems: g.systems, label };
    for (const sid of g.systems) if (!out.has(sid)) out.set(sid, group);
  }
  for (const s of model.systems) {
    if (!out.has(s.sid)) out.set(s.sid, { key: `system:${s.sid}`, tracks: [], systems: [s.sid], label: `system ${s.sid}` });
  }
  return out;
}

/**
 * The users a system could be given, best first: a user already used by another system of its
 * track group (guide 2.3: one user per track), else a declared user no system uses yet (so the
 * choice does not share a user across tracks), else the declared users in file order.
 */
export function rankedUsersFor(model: LandscapeModel, s: SystemDef, groups: Map<string, TrackGroup>): string[] {
  const declared = declaredUsers(model);
  if (!declared.length) return [];
  const group = groups.get(s.sid);
  const sameTrack: string[] = [];
  for (const sid of group?.tracks.length ? group.systems : []) {
    const u = model.systemsById.get(sid)?.communicationUser;
    if (sid !== s.sid && u !== undefined && declared.includes(u) && !sameTrack.includes(u)) sameTrack.push(u);
  }
  const used = new Set<string>();
  for (const o of model.systems) {
    if (o.communicationUser !== undefined) used.add(o.communicationUser);
    if (o.solmanSetup?.backendUser !== undefined) used.add(o.solmanSetup.backendUser);
  }
  const unused = declared.filter((u) => !used.has(u));
  return [...new Set([...sameTrack, ...unused, ...declared])];
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
