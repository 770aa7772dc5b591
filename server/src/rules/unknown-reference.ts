import { DocEditor } from '../core/edits';
import type { LandscapeModel, SystemDef } from '../core/model';
import type { Fix } from '../core/types';
import { preferFirst, rawAt } from './landscape-shared';
import { NearestIndex } from './nearest';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

/** Product names of the roles a managing system can have. */
const MANAGER_NAMES: Readonly<Record<string, string>> = { solman: 'SAP Solution Manager', frun: 'Focused Run' };

/** "Did you mean" indexes of the SIDs (all, and per role), built on first use, once per check. */
class SidIndex {
  private all: NearestIndex | undefined;
  private readonly byRole = new Map<string | undefined, { sids: string[]; index: NearestIndex }>();

  constructor(private readonly model: LandscapeModel) {}

  closest(word: string, exclude?: (sid: string) => boolean): string | undefined {
    return (this.all ??= new NearestIndex(this.model.systems.map((o) => o.sid))).closest(word, exclude);
  }

  /** SIDs of the systems with a role, in file order, with their index. */
  withRole(role: string | undefined): { sids: string[]; index: NearestIndex } {
    let found = this.byRole.get(role);
    if (!found) {
      const sids = this.model.systems.filter((o) => o.role === role).map((o) => o.sid);
      found = { sids, index: new NearestIndex(sids) };
      this.byRole.set(role, found);
    }
    return found;
  }
}

/** Replacement SIDs for a managedBy value: the closest system of the right role, else the only one, else the closest SID. */
function managerCandidates(index: SidIndex, s: SystemDef, value: string): string[] {
  const matching = s.connection === 'solman' || s.connection === 'frun' ? index.withRole(s.connection) : undefined;
  const guess = matching?.index.closest(value);
  if (guess !== undefined) return [guess];
  if (matching?.sids.length === 1) return matching.sids;
  const any = index.closest(value);
  return any !== undefined ? [any] : [];
}

/**
 * Spec §2 "Landscape-wide": the SIDs in `tracks` and in `managedBy` must be systems of the file.
 * (An ABAP system with `connection: solman|frun` but no `managedBy` is a schema error.)
 */
export const rule: Rule = {
  // checks track entries (findings without a system) and managedBy against all SIDs
  scope: 'landscape',
  meta: {
    id: 'unknown-reference',
    title: 'Reference to a system that does not exist',
    severity: 'error',
    section: '2.3, 4.3 (landscape-wide)',
    description: [
      'Every SID in `tracks` (transport routes, source system first) and every `managedBy` must name a system under `systems`.',
      'A wrong SID silently disables the landscape-wide checks that use it: the transport of Note Assistant and backbone notes',
      'along a track (guide 4.3: "transport it throughout the system landscape"), one communication user per track (guide 2.3)',
      'and the check that a system connected through SAP Solution Manager or Focused Run names such a system.',
      '',
      'The quick-fix replaces the SID with the closest existing one ("did you mean"); for `managedBy` systems of the matching',
      'role (`connection: solman` → a `role: solman` system, `connection: frun` → a `role: frun` system) come first.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'tracks:',
      '  ERP: [EDV, EPX]',
      'systems:',
      '  EDV: { role: abap, connection: none, noteAssistant: { enabled: false } }',
      '  EPR: { role: abap, connection: none, noteAssistant: { enabled: false } }',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'tracks:',
      '  ERP: [EDV, EPR]',
      'systems:',
      '  EDV: { role: abap, connection: none, noteAssistant: { enabled: false } }',
      '  EPR: { role: abap, connection: none, noteAssistant: { enabled: false } }',
      '',
    ].join('\n'),
    fixable: true,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    const index = new SidIndex(model);

    const tracks = rawAt(doc, ['tracks']);
    if (tracks && typeof tracks === 'object' && !Array.isArray(tracks)) {
      for (const [name, list] of Object.entries(tracks as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        let inTrack: Set<unknown> | undefined;
        list.forEach((sid: unknown, i: number) => {
          // non-strings are schema errors
          if (typeof sid !== 'string' || model.systemsById.has(sid)) return;
          const path = ['tracks', name, i];
          // the closest SID that is not in the track already
          inTrack ??= new Set(list);
          const members = inTrack;
          const guess = index.closest(sid, (x) => members.has(x));
          const fixes: Fix[] = guess !== undefined ? [{ title: `Change ${sid} to ${guess}`, edits: new DocEditor(doc).setValue(path, guess) }] : [];
          out.push({
            message: `Track ${name} names ${sid}, which is not a system of this file${guess !== undefined ? `: did you mean ${guess}?` : ': add the system under systems or remove it from the track'} (the transport checks along the track skip it)`,
            range: doc.rangeFor(path),
            system: null,
            data: { track: name, sid, suggestion: guess },
            fixes: preferFirst(fixes),
          });
        });
      }
    }

    for (const s of model.systems) {
      const value = s.managedBy;
      if (value === undefined || model.systemsById.has(value)) continue;
      const candidates = managerCandidates(index, s, value);
      const wanted = s.connection ? MANAGER_NAMES[s.connection] : undefined;
      const advice = candidates.length
        ? `did you mean ${candidates[0]}?`
        : `set it to the SID of the ${wanted ?? 'managing'} system${wanted ? ` (connection: ${s.connection})` : ''}, or add that system under systems`;
      out.push({
        message: `managedBy ${value} is not a system of this file: ${advice}`,
        range: fieldRange(doc, s, 'managedBy'),
        system: s.sid,
        data: { sid: value, suggestion: candidates[0] },
        fixes: preferFirst(candidates.map((c) => ({ title: `Set managedBy to ${c}`, edits: editor.setValue(sysPath(s, 'managedBy'), c) }))),
      });
    }
    return out;
  },
};
