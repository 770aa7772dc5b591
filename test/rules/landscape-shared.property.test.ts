import { strict as assert } from 'assert';
import fc from 'fast-check';
import { readLandscape } from '../../server/src/core/model';
import type { LandscapeModel, SystemDef } from '../../server/src/core/model';
import { declaredUsers, trackGroups, UserRanking } from '../../server/src/rules/landscape-shared';
import type { TrackGroup } from '../../server/src/rules/landscape-shared';
import { listText } from '../../server/src/rules/shared';
import { fuzzParameters } from '../property/arbitraries';

/**
 * The linear track groups and user ranking of landscape-shared against the straightforward
 * definitions they replaced (kept here as the reference): the same groups, and the same ranking
 * — only cut after the first MAX_USER_CANDIDATES users.
 */

/** Reference: connected components of tracks over shared SIDs, the first declared track as root. */
function trackGroupsReference(model: LandscapeModel): Map<string, TrackGroup> {
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

/** Reference: every declared user, best first (same track, then unused, then file order). */
function rankedUsersReference(model: LandscapeModel, s: SystemDef, groups: Map<string, TrackGroup>): string[] {
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

const SIDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
const USERS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'X1'];

/** Models with random tracks (shared SIDs, repeats, unknown SIDs) and users (declared or not, shared). */
const modelArb: fc.Arbitrary<LandscapeModel> = fc.record({
  systems: fc.uniqueArray(fc.tuple(
    fc.constantFrom(...SIDS),
    fc.option(fc.constantFrom(...USERS), { nil: undefined }),
    fc.option(fc.constantFrom(...USERS), { nil: undefined }),
  ), { selector: ([sid]) => sid, maxLength: SIDS.length }),
  declared: fc.uniqueArray(fc.constantFrom(...USERS.slice(0, 7)), { maxLength: 7 }),
  tracks: fc.array(fc.array(fc.constantFrom(...SIDS, 'Z'), { maxLength: 5 }), { maxLength: 6 }),
}).map(({ systems, declared, tracks }) => readLandscape({
  communicationUsers: Object.fromEntries(declared.map((u) => [u, {}])),
  tracks: Object.fromEntries(tracks.map((t, i) => [`T${i}`, t])),
  systems: Object.fromEntries(systems.map(([sid, user, backend]) => [sid, {
    role: backend !== undefined ? 'solman' : 'abap',
    ...(user !== undefined ? { communicationUser: user } : {}),
    ...(backend !== undefined ? { solmanSetup: { backendUser: backend } } : {}),
  }])),
}));

describe('landscape-shared (property)', () => {
  it('trackGroups equals the reference (keys, tracks, systems, labels)', () => {
    fc.assert(fc.property(modelArb, (model) => {
      const plain = (m: Map<string, TrackGroup>): [string, TrackGroup][] => [...m].map(([sid, g]) => [sid, { ...g }]);
      assert.deepStrictEqual(plain(trackGroups(model)), plain(trackGroupsReference(model)));
    }), fuzzParameters(300));
  });

  it('UserRanking equals the reference ranking, cut after max users', () => {
    fc.assert(fc.property(modelArb, fc.integer({ min: 1, max: 8 }), (model, max) => {
      const groups = trackGroups(model);
      const ranking = new UserRanking(model, groups);
      for (const s of model.systems) {
        const reference = rankedUsersReference(model, s, groups);
        assert.deepStrictEqual(ranking.for(s, Number.POSITIVE_INFINITY), reference, s.sid);
        assert.deepStrictEqual(ranking.for(s, max), reference.slice(0, max), s.sid);
        assert.deepStrictEqual(ranking.for(s), reference.slice(0, 5), s.sid);
      }
    }), fuzzParameters(300));
  });
});
