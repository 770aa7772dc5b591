import type { NodePath, RelatedInfo } from '../core/types';
import { COMMUNICATION_USER_NOTES } from '../knowledge';
import { trackGroups } from './landscape-shared';
import type { TrackGroup } from './landscape-shared';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { listText } from './shared';

const REQUEST_NOTE = COMMUNICATION_USER_NOTES.request;

/** Where a system uses a user: its communicationUser, else its SOLMAN_SETUP backend user. */
interface Usage {
  sid: string;
  path: NodePath;
}

/**
 * Guide 2.3 "How Many Technical Communication Users Do You Need?": one user for all systems
 * works, but a locked user then cuts off every system; one per track (or per system) is
 * recommended. Reports every system that shares its user with a system of another track group.
 */
/** How many groups the message names and how many other systems related information lists. */
const MAX_LISTED = 6;
const MAX_RELATED = 10;

/** A finding's own copy of shared related information (nobody's edit of one finding's range moves another's). */
function copyRelated(r: RelatedInfo): RelatedInfo {
  const { start, end } = r.range;
  return { ...r, range: { start: { ...start }, end: { ...end } } };
}

export const rule: Rule = {
  // compares the users of all systems across track groups
  scope: 'landscape',
  meta: {
    id: 'comm-user-shared',
    title: 'Communication user shared across tracks',
    severity: 'info',
    section: '2.3',
    description: [
      'Reports a technical communication user that systems of **more than one track** use (guide 2.3). One user for all systems',
      'works, but if it gets locked, every system that uses it loses its connection to SAP at once.',
      '',
      'The guide recommends one technical communication user per installation / system track (for example DEV-QAS-PRD);',
      `one user per system gives the most flexibility and security. Request further users as described in SAP Note ${REQUEST_NOTE}.`,
      '',
      'How systems are grouped:',
      '- the systems of a track (`tracks`) form one group; tracks that share a system form one group (one installation);',
      '- systems in no track (for example SAP Solution Manager, Focused Run or a sandbox) do not count: the spec speaks of systems',
      '  of more than one track, and without tracks the file does not say which systems belong together;',
      '- `solmanSetup.backendUser` counts as a use by that SAP Solution Manager system.',
      '',
      'There is one info per system that uses the shared user, on its `communicationUser`, with the systems of the other tracks',
      'as related information.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: all systems }',
      'tracks:',
      '  ERP: [EDV, EPR]',
      '  BW: [BWD, BWP]',
      'systems:',
      '  EDV: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456789 }',
      '  EPR: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456789 }',
      '  BWD: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456789 }',
      '  BWP: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456789 }',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: ERP track }',
      '  S0023456790: { description: BW track }',
      'tracks:',
      '  ERP: [EDV, EPR]',
      '  BW: [BWD, BWP]',
      'systems:',
      '  EDV: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456789 }',
      '  EPR: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456789 }',
      '  BWD: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456790 }',
      '  BWP: { role: abap, connection: none, noteAssistant: { enabled: false }, communicationUser: S0023456790 }',
      '',
    ].join('\n'),
    fixable: false,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const groups = trackGroups(model);
    // user -> systems that use it (first usage per system wins: communicationUser before backendUser)
    const usages = new Map<string, Map<string, Usage>>();
    const add = (user: string | undefined, u: Usage): void => {
      if (user === undefined) return;
      let bySid = usages.get(user);
      if (!bySid) {
        bySid = new Map();
        usages.set(user, bySid);
      }
      if (!bySid.has(u.sid)) bySid.set(u.sid, u);
    };
    for (const s of model.systems) {
      add(s.communicationUser, { sid: s.sid, path: sysPath(s, 'communicationUser') });
      if (s.role === 'solman') add(s.solmanSetup?.backendUser, { sid: s.sid, path: sysPath(s, 'solmanSetup', 'backendUser') });
    }
    for (const [user, bySid] of usages) {
      // spec §2: "shared by systems of more than one track" — systems in no track do not count
      const list = [...bySid.values()].filter((u) => (groups.get(u.sid)?.tracks.length ?? 0) > 0);
      const byGroup = new Map<string, { group: TrackGroup; sids: string[] }>();
      for (const u of list) {
        const group = groups.get(u.sid);
        if (!group) continue;
        const entry = byGroup.get(group.key) ?? { group, sids: [] };
        entry.sids.push(u.sid);
        byGroup.set(group.key, entry);
      }
      if (byGroup.size < 2) continue;
      // one message and one data object per user, shared by its findings: a user on thousands of
      // systems must not cost memory quadratic in the number of systems
      const entries = [...byGroup.values()];
      const labels = entries.map((g) => (g.group.tracks.length ? `${g.group.label} (${g.sids.join(', ')})` : g.group.label));
      const shown = labels.length > MAX_LISTED ? [...labels.slice(0, MAX_LISTED), `${labels.length - MAX_LISTED} more`] : labels;
      const message = `${user} is shared by ${listText(shown)}; if it gets locked, all these systems lose their connection to SAP — request one technical communication user per track (e.g. DEV-QAS-PRD) or per system (SAP Note ${REQUEST_NOTE})`;
      const data = { user, groups: entries.map((g) => ({ label: g.group.label, tracks: g.group.tracks, systems: g.sids })) };
      // the related information of a system depends only on its group: computed once per group,
      // scanning the list only until MAX_RELATED systems of other groups are found
      const relatedOf = new Map<string | undefined, RelatedInfo[]>();
      for (const u of list) {
        const ownKey = groups.get(u.sid)?.key;
        let related = relatedOf.get(ownKey);
        if (!related) {
          related = [];
          for (const o of list) {
            if (related.length >= MAX_RELATED) break;
            if (groups.get(o.sid)?.key === ownKey) continue;
            related.push({
              message: `${o.sid} (${groups.get(o.sid)?.label ?? `system ${o.sid}`}) uses the same user ${user}`,
              range: doc.rangeFor(o.path),
            });
          }
          relatedOf.set(ownKey, related);
        }
        out.push({ message, range: doc.rangeFor(u.path), system: u.sid, related: related.map(copyRelated), data });
      }
    }
    return out;
  },
};
